"""The architecture, checked: services import no Qt widgets; views run no SQL."""

from __future__ import annotations

import ast
import re
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"
SQL = re.compile(r"\b(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE|PRAGMA)\b")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_services_import_no_qt() -> None:
    for path in (APP / "services").rglob("*.py"):
        bad = {m for m in _imports(path) if m.startswith("PySide6")}
        assert not bad, f"{path.name} imports {bad}"


def test_models_import_no_widgets() -> None:
    for path in (APP / "models").rglob("*.py"):
        bad = {m for m in _imports(path) if m.startswith(("PySide6.QtWidgets", "app.views"))}
        assert not bad, f"{path.name} imports {bad}"


def test_views_run_no_sql() -> None:
    for path in (APP / "views").rglob("*.py"):
        bad = {
            m for m in _imports(path) if m.split(".")[0] in {"sqlalchemy", "sqlite3", "psycopg", "alembic"}
        }
        assert not bad, f"{path.name} imports {bad}"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert not SQL.search(node.value), f"{path.name} holds SQL: {node.value[:60]!r}"


def test_no_package_named_packaging() -> None:
    assert not (APP.parent / "packaging" / "__init__.py").exists()


def test_printing_draws_without_widgets_or_sql() -> None:
    for path in (APP / "printing").rglob("*.py"):
        bad = {m for m in _imports(path) if m.startswith("PySide6.QtWidgets") or m.split(".")[0] in {"sqlalchemy", "sqlite3"}}
        assert not bad, f"{path.name} imports {bad}"
        assert not SQL.search(path.read_text(encoding="utf-8")), f"{path.name} runs SQL"
