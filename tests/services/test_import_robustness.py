"""Every import kind over sheets of random odd cells: each run ends in a summary or a message for the owner
(UserError), never in an exception from pandas, numpy or the database driver."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from app.i18n_markers import UserError
from app.services import importer
from app.services.import_fields import FIELDS
from app.services.tabular import Grid

CELLS = [None, "", " ", "--", "无", 0, 1, -1, 1.5, -0.0, float("nan"), float("inf"), -float("inf"), 10**20, 2**63,
         1e308, True, False, dt.datetime(2026, 1, 5, 10, 0), dt.date(1990, 3, 15), dt.time(10, 30),
         dt.timedelta(hours=5), dt.datetime(9999, 12, 31), dt.datetime(1, 1, 1), "13800138000", "+86 138 0013 8000",
         "138****8000", "1.38E+10", "2026-01-05", "2026/1/5 10:00", "2026年1月5日", "11-Feb-13", "31/12/9999", "45292",
         "¥1,234.50", "12元", "-20", "男", "女", "会员", "农历", "a,b;c、d", "x" * 300, "=cmd|'/C calc'!A0", "\x01",
         "\n", "tab\there", "😀🌸", "合计", "共 3 条", "C536379", "17850.0", "1e5", "NaN", "null", "#N/A", "'001",
         "50%", "9折", "满100减20", "2026-02-30", "25:61", "长期有效", "88886666", 3e9]  # fmt: skip


@pytest.mark.parametrize("seed", [1, 2])
def test_random_odd_cells_never_crash_an_import(db, tmp_path: Path, monkeypatch, seed: int) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    service = importer.ImportService(db)
    outcomes = {"summary": 0, "message": 0}
    for i in range(40):
        kind = rng.choice(sorted(FIELDS))
        fields = list(FIELDS[kind])
        rng.shuffle(fields)
        headers = [f.header for f in fields[: rng.randint(1, len(fields))]]
        rows = [headers] + [[rng.choice(CELLS) for _ in headers] for _ in range(rng.randint(0, 10))]
        path = tmp_path / f"sheet{i}.xlsx"
        grid = Grid(path, "Sheet1", ["Sheet1"], rows)
        monkeypatch.setattr(importer, "read_grid", lambda *_a, _g=grid, **_k: _g)
        try:
            summary = service.run(path, kind, skip_invalid=rng.random() < 0.6, mode=rng.choice(importer.MODES),
                                  dry_run=rng.random() < 0.2, write_report=False)  # fmt: skip
        except UserError:
            outcomes["message"] += 1
            continue
        outcomes["summary"] += 1
        assert summary.invalid <= len(rows) - 1
        assert all(issue.row >= 2 for issue in summary.issues)  # spreadsheet rows under the header
    assert outcomes["summary"] > 0
