"""Cell normalisation: the odd ways shop files write phones, money and dates, a column at a time."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from app.services import normalise as nz


def column(*cells: object) -> pd.Series:
    return pd.Series(list(cells), dtype=object)


def test_full_width_characters_typed_with_a_chinese_input_method() -> None:
    phones, bad = nz.phones(column("１３８００１３８０００", "（+86）139-0013-9000", "138****8000"))
    assert phones.tolist()[:2] == ["13800138000", "13900139000"] and bad.tolist() == [False, False, True]
    cents, bad = nz.money_cents(column("１２元", "￥１，２３４．５０", "－5"))
    assert cents.tolist() == [1200, 123450, -500] and not bad.any()
    days, bad = nz.dates(column("２０２６年１月５日", "２０２６／１／６"))
    assert [str(d)[:10] for d in days] == ["2026-01-05", "2026-01-06"] and not bad.any()


def test_a_phone_number_column_written_out_as_decimals() -> None:
    phones, bad = nz.phones(column("13800138000.0", "+86 13900139000.00", "1380013800.0"))
    assert phones.tolist()[:2] == ["13800138000", "13900139000"] and bad.tolist() == [False, False, True]


def test_a_time_with_its_utc_offset_is_the_same_moment_in_local_time() -> None:
    stamps, bad = nz.dates(column("2026-01-05T10:00:00+08:00", "2026-01-05T02:00:00Z", "2026-01-05 10:00"),
                           with_time=True)  # fmt: skip
    moment = dt.datetime(2026, 1, 5, 2, 0, tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
    assert stamps.iloc[0] == stamps.iloc[1] == pd.Timestamp(moment)
    assert stamps.iloc[2] == pd.Timestamp("2026-01-05 10:00") and not bad.any()


def test_dates_with_the_year_last() -> None:
    us, bad = nz.dates(column("12/1/2010 8:26", "1/13/2011 12:05 PM", "1/13/2011 12:30 AM"), with_time=True)
    assert [str(d) for d in us] == ["2010-12-01 08:26:00", "2011-01-13 12:05:00", "2011-01-13 00:30:00"]
    british, _ = nz.dates(column("31/1/2026", "2/3/2026"))
    assert [str(d)[:10] for d in british] == ["2026-01-31", "2026-03-02"]  # a day above 12: day first
    assert not bad.any()


def test_dates_that_name_their_month_in_english() -> None:
    stamps, bad = nz.dates(column("11-Feb-13", "01-JAN-2013", "Jan 5, 2026", "5 Jan 2026", "15-Mar-99",
                                  "January 5th, 2026 10:30 PM", "Sept 3 2025", "5TH JAN 2026", "15-Mar-65"),
                           with_time=True)  # fmt: skip
    assert [str(d) for d in stamps] == ["2013-02-11 00:00:00", "2013-01-01 00:00:00", "2026-01-05 00:00:00",
                                        "2026-01-05 00:00:00", "1999-03-15 00:00:00", "2026-01-05 22:30:00",
                                        "2025-09-03 00:00:00", "2026-01-05 00:00:00", "1965-03-15 00:00:00"]  # fmt: skip
    assert not bad.any()
    _, bad = nz.dates(column("31-Feb-2020", "5 Foo 2026", "Mayday 5 2026"))
    assert bad.all()  # no such day, no such month: reported, not guessed


def test_days_beyond_what_a_timestamp_holds_are_bad_not_a_crash() -> None:
    # 9999-12-31 as text, as an Excel date cell and with a time; year 1000: each a bad date, the rest read
    days, bad = nz.dates(column("9999-12-31", dt.datetime(9999, 12, 31), "9999-12-31 00:00:00", "1000-01-01",
                                "31/12/9999", "2261-12-31", "2026-01-05"))  # fmt: skip
    assert bad.tolist() == [True, True, True, True, True, False, False]
    assert [str(d)[:10] for d in days[5:]] == ["2261-12-31", "2026-01-05"]
    assert nz.no_end(nz.strings(column("长期有效", "9999-12-31", "永久", "2026-12-31", "Never"))).tolist() == [
        True, True, True, False, True]


def test_amounts_beyond_what_a_cents_column_holds_are_bad() -> None:
    cents, bad = nz.money_cents(column("21474836.47", "88886666", "1e308", float("inf"), "12.5"))
    assert cents.tolist()[0] == 2147483647 and cents.tolist()[4] == 1250
    assert bad.tolist() == [False, True, True, True, False]


def test_numbers_take_decimals_negatives_and_money_signs() -> None:
    values, bad = nz.numbers(column(6, "0.125", "-1", "1,200", "¥2.55", "", "六"))
    assert values.tolist()[:5] == [6.0, 0.125, -1.0, 1200.0, 2.55]
    assert bad.tolist() == [False, False, False, False, False, False, True]


def test_an_excel_date_serial_written_as_text() -> None:
    days, bad = nz.dates(column("45292", "45292.5", "4529", "2026-01-05"), with_time=True)
    assert [str(d) for d in days[:2]] == ["2024-01-01 00:00:00", "2024-01-01 12:00:00"]
    assert bad.tolist() == [False, False, True, False]  # four digits are no date


def test_cells_that_stand_for_nothing_are_empty_not_bad() -> None:
    cents, bad = nz.money_cents(column("--", "—", "无", "N/A", "12", "x"))
    assert cents.isna().tolist() == [True, True, True, True, False, True]
    assert bad.tolist() == [False, False, False, False, False, True]
    days, bad = nz.dates(column("-", "暂无", "2026-01-05", "later"))
    assert days.isna().tolist() == [True, True, False, True] and bad.tolist() == [False, False, False, True]
