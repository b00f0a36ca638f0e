"""The siyu command, run as a user runs it: a separate process, its exit code and what it prints."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import migrations

pytestmark = pytest.mark.sqlite_only


def siyu(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, env=full_env, timeout=120
    )


def test_demo_check_backup(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    made = siyu("demo", "--customers", "300", "--orders", "2000", "--seed", "5", "--db", str(db))
    assert made.returncode == 0, made.stderr
    assert "300" in made.stdout
    checked = siyu("--db", str(db), "check")
    assert checked.returncode == 0 and migrations.HEAD in checked.stdout
    copy = tmp_path / "copy.db"
    backed = siyu("backup", "--to", str(copy), env={"SIYU_DB": str(db)})
    assert backed.returncode == 0 and copy.exists()
    again = siyu("demo", "--db", str(db))
    assert again.returncode == 1
    assert len(again.stderr.strip().splitlines()) == 1 and "Traceback" not in again.stderr


def test_check_fails_in_one_line_on_bad_files(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.db"
    text_file.write_text("not a database", encoding="utf-8")
    result = siyu("check", "--db", str(text_file))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert text_file.read_text(encoding="utf-8") == "not a database"
    newer = tmp_path / "newer.db"
    assert siyu("demo", "--customers", "5", "--orders", "5", "--db", str(newer)).returncode == 0
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999'")
    conn.close()
    before = newer.read_bytes()
    result = siyu("check", "--db", str(newer), env={"SIYU_LANG": "zh_CN"})
    assert result.returncode == 1 and "更新" in result.stderr and "Traceback" not in result.stderr
    assert newer.read_bytes() == before


def test_quit_after_show_prints_seconds(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    assert siyu("demo", "--customers", "50", "--orders", "200", "--db", str(db)).returncode == 0
    result = siyu("--db", str(db), "--quit-after-show")
    assert result.returncode == 0, result.stderr
    assert 0 < float(result.stdout.strip()) < 30


def test_gui_refuses_a_newer_database_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    assert siyu("demo", "--customers", "5", "--orders", "5", "--db", str(db)).returncode == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999'")
    conn.close()
    result = siyu("--db", str(db), "--quit-after-show")
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_db_copy_moves_a_shop_and_checks_it(tmp_path: Path) -> None:
    source, target = tmp_path / "a.db", tmp_path / "b.db"
    assert siyu("demo", "--customers", "60", "--orders", "300", "--db", str(source)).returncode == 0
    before = source.read_bytes()
    result = siyu("db", "copy", "--db", str(source), "--to", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("✓") == result.stdout.count("\n") - 1
    assert source.read_bytes() == before
    again = siyu("db", "copy", "--db", str(target), "--from", str(source))
    assert again.returncode == 1 and "Traceback" not in again.stderr


def test_report_weekly_writes_the_pdf_and_the_figures(tmp_path: Path) -> None:
    import json

    db = tmp_path / "shop.db"
    assert siyu("demo", "--customers", "300", "--orders", "3000", "--seed", "3", "--db", str(db)).returncode == 0
    pdf, figures = tmp_path / "周报.pdf", tmp_path / "week.json"
    done = siyu("report", "weekly", "--db", str(db), "--week", "2026-W01", "--out", str(pdf), "--json", str(figures))
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    data = json.loads(figures.read_text(encoding="utf-8"))
    assert data["week"] == "2026-W01" and data["previous"]["week"] == "2025-W52"
    assert set(data) == {"week", "gmv", "orders", "buyers", "new_buyers", "returning_buyers", "gmv_new",
                         "gmv_returning", "aov_new", "aov_returning", "repurchase_rate", "previous"}  # fmt: skip
    default = siyu("report", "weekly", "--db", str(db), "--out", str(tmp_path / "last.pdf"))
    assert default.returncode == 0 and (tmp_path / "last.pdf").exists(), default.stderr
    wrong = siyu("report", "weekly", "--db", str(db), "--out", str(tmp_path / "report.xlsx"))
    assert wrong.returncode == 1 and len(wrong.stderr.strip().splitlines()) == 1 and "Traceback" not in wrong.stderr
    nowhere = siyu("report", "weekly", "--db", str(db), "--out", str(tmp_path / "missing" / "r.pdf"))
    assert nowhere.returncode == 1 and "Traceback" not in nowhere.stderr
