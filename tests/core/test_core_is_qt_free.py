"""The core must stay importable and testable without Qt: no module under assistant/core imports PySide6."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "assistant" / "core"


def test_no_core_module_imports_qt() -> None:
    offenders = []
    files = sorted(CORE.rglob("*.py"))
    assert files, f"no Python files found under {CORE}"
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"} for n in names):
                offenders.append(f"{path.relative_to(CORE.parent.parent)}:{node.lineno}")
    assert offenders == []
