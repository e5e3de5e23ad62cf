"""The rules between the layers (docs/architecture.md), checked on the source so a violation fails here.

- ``assistant/core`` imports neither the GUI, the CLI, PySide6 (or any Qt binding) nor argparse: it stays
  importable and testable without a display and without a command line.
- ``assistant/gui`` never imports ``assistant.cli``: the front ends share code only through the core.
- A CLI command imports only the core and ``cli/common`` (no command imports another command).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "assistant"
QT = {"PySide6", "PyQt5", "PyQt6", "shiboken6"}
Rule = Callable[[Path, str], bool]


MODULE_NAME = re.compile(r"^(assistant(\.[a-z_0-9]+)+|PySide6|PyQt5|PyQt6|shiboken6|argparse)"
                         r"(\.[A-Za-z_0-9]+)*$")


def imports(path: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports, at any depth (function-level imports count too), and every string that
    names a module (what ``importlib.import_module`` or ``__import__`` would load, or a name built later)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and MODULE_NAME.match(node.value):
            out.append((node.lineno, node.value))
    return out


def _is_cli(name: str) -> bool:
    return name == "assistant.cli" or name.startswith("assistant.cli.")


def core_rule(_path: Path, name: str) -> bool:
    return (name.split(".")[0] in QT | {"argparse"} or _is_cli(name)
            or name == "assistant.gui" or name.startswith("assistant.gui."))


def gui_rule(_path: Path, name: str) -> bool:
    return _is_cli(name)


def command_rule(path: Path, name: str) -> bool:
    from assistant.cli import COMMANDS
    if path.stem not in COMMANDS or not _is_cli(name):
        return False
    return not (name == "assistant.cli.common" or name.startswith("assistant.cli.common."))


def offenders(paths: list[Path], rule: Rule) -> list[str]:
    assert paths, "no Python files to check"
    return [f"{p}:{line} imports {name}" for p in paths for line, name in imports(p) if rule(p, name)]


def test_core_imports_no_front_end_qt_or_argparse() -> None:
    assert offenders(sorted((PACKAGE / "core").rglob("*.py")), core_rule) == []


def test_gui_never_imports_the_cli() -> None:
    assert offenders(sorted((PACKAGE / "gui").rglob("*.py")), gui_rule) == []


def test_a_command_imports_only_the_core_and_cli_common() -> None:
    assert offenders(sorted((PACKAGE / "cli").rglob("*.py")), command_rule) == []


# The rooms of assistant/core from the ground up: a room may import only rooms below it (and itself).
ROOMS = ("words", "model", "net", "protocols", "advice", "profiles", "discovery", "signin", "report", "phone",
         "setup", "audit")
BASIC = ("words", "model", "net")


def room_of(path: Path) -> str | None:
    parts = path.relative_to(PACKAGE / "core").parts
    return parts[0] if len(parts) > 1 else None


def room_rule(path: Path, name: str) -> bool:
    """An import from a room to one above it (a basic room reaching the application layer, say)."""
    mine, parts = room_of(path), name.split(".")
    if mine not in ROOMS or len(parts) < 3 or parts[:2] != ["assistant", "core"] or parts[2] not in ROOMS:
        return False
    return ROOMS.index(parts[2]) > ROOMS.index(mine)


def test_core_is_in_named_rooms_with_few_loose_modules() -> None:
    loose = [p.name for p in (PACKAGE / "core").glob("*.py") if p.name != "__init__.py"]
    rooms = {p.name for p in (PACKAGE / "core").iterdir() if (p / "__init__.py").exists()}
    assert len(loose) <= 12, loose
    assert rooms == set(ROOMS), rooms ^ set(ROOMS)


def test_no_room_imports_a_room_above_it() -> None:
    assert offenders(sorted((PACKAGE / "core").rglob("*.py")), room_rule) == []


@pytest.mark.parametrize("name, sample, rule", [
    ("core.py", "import PySide6.QtCore\n", core_rule),
    ("core.py", "from argparse import Namespace\n", core_rule),
    ("core.py", "def f():\n    from assistant.cli.common import run\n", core_rule),
    ("core.py", "from assistant.gui import text\n", core_rule),
    ("page.py", "from assistant.cli import common\n", gui_rule),
    ("export.py", "from assistant.cli.probe import run\n", command_rule),
    ("page.py", "importlib.import_module('assistant.cli.common')\n", gui_rule),
    ("core.py", "HEAVY = ('assistant.gui.worker',)\n", core_rule),
    ("core.py", "__import__('PySide6.QtCore')\n", core_rule),
])
def test_each_kind_of_violation_is_seen(tmp_path: Path, name: str, sample: str, rule: Rule) -> None:
    path = tmp_path / name
    path.write_text(sample)
    assert len(offenders([path], rule)) == 1


def test_allowed_imports_pass(tmp_path: Path) -> None:
    path = tmp_path / "export.py"
    path.write_text("from assistant.cli.common import run\n"
                    "from assistant.core.net.files import read_bounded\n")
    assert offenders([path], command_rule) == [] and offenders([path], gui_rule) != []


def test_an_upward_import_between_rooms_is_seen() -> None:
    model = PACKAGE / "core" / "model" / "x.py"
    assert room_rule(model, "assistant.core.setup.session.SetupSession")
    assert not room_rule(model, "assistant.core.words.errors.InputError")
    assert not room_rule(PACKAGE / "core" / "setup" / "x.py", "assistant.core.model.address")
