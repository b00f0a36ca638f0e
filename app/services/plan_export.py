"""``siyu export plan FILE.xlsx --week``: the week as a printable grid (channels down, days across), one line
per content item: time, title and category, with ✓ for done and ✗ for skipped; landscape A4, fitted to a page
wide."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.i18n_markers import QT_TRANSLATE_NOOP
from app.services.database import Database
from app.services.export import ExportError, writing, xlsx_text
from app.services.groups import week_label
from app.services.planner import CHANNELS, PlannerService

CHANNEL_WORDS = {"group": "社群", "moments": "朋友圈", "one_on_one": "一对一", "official": "公众号", "live": "直播"}
CATEGORY_WORDS = {"marketing": "营销", "interaction": "互动", "care": "关怀福利", "daily": "日常", "activity": "活动",
                  "product": "产品"}  # fmt: skip
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def export_plan(db: Database, path: Path | str, monday: dt.date) -> int:
    """Write the week's grid; returns the number of items."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ExportError(QT_TRANSLATE_NOOP("Errors", "{path}: export to a .xlsx or .csv file."), path=path.name)
    items = PlannerService(db).items(monday)
    book = Workbook()
    sheet = book.active
    sheet.title = week_label(monday)
    sunday = monday + dt.timedelta(days=6)
    sheet["A1"] = f"周计划 {week_label(monday)}（{monday:%Y-%m-%d} – {sunday:%Y-%m-%d}）"
    sheet["A1"].font = Font(bold=True, size=14)
    thin = Side(style="thin", color="BBBBBB")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head = PatternFill("solid", fgColor="EEF2F7")
    sheet.cell(row=2, column=1, value="渠道").font = Font(bold=True)
    for d in range(7):
        cell = sheet.cell(row=2, column=d + 2, value=f"{WEEKDAYS[d]} {monday + dt.timedelta(days=d):%m-%d}")
        cell.font = Font(bold=True)
        cell.fill = head
        cell.border = border
        cell.alignment = Alignment(horizontal="center")
        sheet.column_dimensions[cell.column_letter].width = 24
    sheet.column_dimensions["A"].width = 9
    for r, channel in enumerate(CHANNELS, start=3):
        label = sheet.cell(row=r, column=1, value=CHANNEL_WORDS[channel])
        label.font = Font(bold=True)
        label.fill = head
        label.border = border
        label.alignment = Alignment(vertical="top")
        tallest = 1
        for d in range(7):
            day = monday + dt.timedelta(days=d)
            lines = []
            for i in items:
                if i.channel == channel and i.scheduled_at.date() == day:
                    mark = {"done": "✓ ", "skipped": "✗ "}.get(i.status, "")
                    category = CATEGORY_WORDS.get(i.category or "", "")
                    lines.append(f"{mark}{i.scheduled_at:%H:%M} {i.title}" + (f"（{category}）" if category else ""))
            cell = sheet.cell(row=r, column=d + 2, value=xlsx_text("\n".join(lines)) or None)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = border
            tallest = max(tallest, sum(1 + len(line) // 14 for line in lines))
        sheet.row_dimensions[r].height = max(30, 15 * tallest)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "2:2"
    with writing(path) as tmp:
        book.save(tmp)
    return len(items)
