"""The audit's HTML page as a person sees it: a real browser's screenshot for docs/ (not a test).

Run as root from the repository root, with Debian's chromium installed::

    .venv/bin/python -m tests.integration.audit_screenshot [--out docs/screenshots]

It starts the integration tests' world (real dnsmasq, Dovecot, web server), runs ``audit --html`` over its
scenario domains, and has headless Chromium (the flags of a closed network) take two screenshots: the top
of the page (counts and the sortable table), and a one-domain page showing a domain's detail section.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.support.paths import REPO
from tests.support.world import build_world

DOMAINS = ["guess.test", "srv.test", "tlsbad.test", "soon.test", "plain.test", "autocfg.test",
           "httponly.test",
           "mxbased.test", "xn--bcher-kva.test", "nosuch.test"]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]


def shoot(browser: str, url: str, target: Path, size: str, profile: Path) -> None:
    subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={size}",
                    f"--screenshot={target}", url], check=True, capture_output=True, timeout=120)
    print(f"wrote {target}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    args = ap.parse_args(argv)
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("audit_screenshot: install Debian's chromium first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="msa-audit-shot-") as tmp:
        work = Path(tmp)
        world = build_world(work / "world")
        try:
            page, one = work / "audit.html", work / "one.html"
            for domains, target in ((DOMAINS, page), (["autocfg.test"], one)):
                subprocess.run([sys.executable, "-m", "assistant", "audit", *domains, "--html", str(target),
                                "--dns-server", world.dns_server, "--cafile", world.cafile, "--offline",
                                "--no-progress"], cwd=REPO, capture_output=True, timeout=300)
        finally:
            world.stop()
        out = Path(args.out)
        shoot(browser, page.as_uri(), out / "audit-report.png", "1400,900", work / "profile")
        shoot(browser, one.as_uri(), out / "audit-report-detail.png", "1400,1500", work / "profile")
    return 0


if __name__ == "__main__":
    sys.exit(main())
