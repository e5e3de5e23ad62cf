"""Mail Setup Assistant: from an email address to a correctly and safely configured mail client."""

from __future__ import annotations

# A literal, not importlib.metadata: reading installed metadata costs ~40 ms of start-up before the wizard
# can show, and a frozen bundle or a plain source tree has none. pyproject.toml stays the one place to
# change it: tests/core/test_version.py and build.spec fail when the two disagree.
__version__ = "0.1.0"

APP_NAME = "Mail Setup Assistant"
