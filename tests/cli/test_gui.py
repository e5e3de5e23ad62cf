"""``mail-setup-assistant`` without a command opens the wizard; ``gui`` options pre-fill it; bad options
end with one line and exit code 2 before any window opens."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.cli import main
from assistant.gui import app, signals
from tests.support.cli import msa


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[app.Options]:
    calls: list[app.Options] = []

    def fake_run(opts: app.Options) -> int:  # stands in for the event loop, not for any protocol
        calls.append(opts)
        return 0

    monkeypatch.setattr(app, "run", fake_run)
    return calls


def test_no_command_opens_the_wizard(opened: list[app.Options]) -> None:
    assert main([]) == 0
    assert opened == [app.Options()]


def test_gui_options_prefill(opened: list[app.Options], tmp_path: Path) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n")
    assert main(["gui", "--address", "ann@example.test", "--dns-server", "127.0.0.1:5353",
                 "--cafile", str(ca), "--lang", "zh-TW"]) == 0
    assert opened == [app.Options(address="ann@example.test", dns_server="127.0.0.1:5353", cafile=str(ca),
                                  lang="zh-TW")]


@pytest.mark.parametrize(("args", "words"), [
    (["gui", "--lang", "klingon"], "--lang 'klingon'"),
    (["gui", "--dns-server", "not-an-ip"], "--dns-server 'not-an-ip'"),
    (["gui", "--cafile", "/nonexistent/ca.pem"], "--cafile /nonexistent/ca.pem"),
])
def test_bad_options_are_one_line_and_exit_2(args: list[str], words: str) -> None:
    proc = msa(*args, text=True)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in proc.stderr


def test_no_display_is_one_line_not_a_crash() -> None:
    proc = msa(drop=("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"), text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "no graphical display" in proc.stderr


def test_gui_preset_is_loaded_before_the_window(opened: list[app.Options], tmp_path: Path) -> None:
    preset = tmp_path / "org.toml"
    preset.write_text('name = "Example Corp"\n[policy]\nforbidden_protocols = ["pop3"]\n', encoding="utf-8")
    assert main(["gui", "--preset", str(preset)]) == 0
    assert opened == [app.Options(preset=str(preset))]


@pytest.mark.parametrize(("text", "words"), [
    ('name = "X"\n[policy]\nmin_tsl = "1.3"\n', "org.toml: policy.min_tsl: unknown field"),
    ('name = "X"\n[[servers]]\nprotocol = "imap"\nhost = "a.test"\nport = 0\nsecurity = "ssl"\n',
     "org.toml: servers[0].port: expected a port number"),
])
def test_bad_preset_is_one_line_and_exit_2(tmp_path: Path, text: str, words: str) -> None:
    preset = tmp_path / "org.toml"
    preset.write_text(text, encoding="utf-8")
    # would open a window if the preset were taken
    proc = msa("gui", "--preset", str(preset), env={"QT_QPA_PLATFORM": "offscreen"}, text=True)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in proc.stderr


def test_language_switch_keeps_the_preset(qtbot: object, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from assistant.core.discovery.presets import load_preset
    preset_path = tmp_path / "org.json"
    preset_path.write_text('{"name": "Example Corp"}', encoding="utf-8")
    preset = load_preset(preset_path)
    prefs = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    wiz = app.build_wizard(app.Options(preset=str(preset_path), lang="en"), prefs, preset)
    assert wiz.session.preset is preset
    preset_path.write_text("broken", encoding="utf-8")  # the file changing later does not matter
    signals.emit(wiz.language_requested, "zh_TW")
    new = QApplication.instance().property("wizard")  # type: ignore[union-attr]
    try:
        assert new is not wiz and new.session.preset is preset and new.language == "zh_TW"
    finally:
        new.shutdown_worker()
        new.close()
        wiz.shutdown_worker()
        app.i18n.install(QApplication.instance(), "en")  # type: ignore[arg-type]
