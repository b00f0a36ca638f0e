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


def test_money_text_that_would_read_as_another_amount_is_bad() -> None:
    # a decimal comma (1.234,50 is 1234.50 in Europe; 12,5 is 12.5) read with thousands commas would be a
    # thousand or ten times off: thousands separators must group by three, or the cell is reported
    cents, bad = nz.money_cents(column("1.234,50", "12,5", "1,23", "1 234,50", "1,234,567.89", "1 234.50",
                                       "¥1，234.50元", "人民币 88", "US$12.50"))  # fmt: skip
    assert bad.tolist() == [True, True, True, True, False, False, False, False, False]
    assert cents.tolist()[4:] == [123456789, 123450, 123450, 8800, 1250]


def test_money_keeps_its_sign_wherever_it_is_written() -> None:
    cents, bad = nz.money_cents(column("¥-5", "¥ -5.00", "-¥5", "(5.00)", "（５）", "5-", "+5", "−5元"))
    assert cents.tolist() == [-500, -500, -500, -500, -500, -500, 500, -500] and not bad.any()
    _, bad = nz.money_cents(column("--5", "-(5)", "(5", "5)", "¥5¥", "5-5"))
    assert bad.all()  # two signs, unbalanced brackets, two numbers: not guessed


def test_counts_take_thousands_commas_only_where_they_group_by_three() -> None:
    values, bad = nz.counts(column("1,234", "12,5", "1，000", "3"))
    assert values.tolist()[0] == 1234 and values.tolist()[2:] == [1000, 3]
    assert bad.tolist() == [False, True, False, False]


def test_times_written_with_the_half_of_the_day_or_in_chinese() -> None:
    stamps, bad = nz.dates(column("2026/1/5 下午 03:05:00", "2026/1/5 上午10:30", "2026-01-05 晚上8:00",
                                  "2026/01/05 10:30 PM", "2026年01月05日 10时30分", "2026年1月5日下午3点",
                                  "2026-01-05 12:15 AM", "2026年1月5号 10:30"), with_time=True)  # fmt: skip
    assert [str(d) for d in stamps] == ["2026-01-05 15:05:00", "2026-01-05 10:30:00", "2026-01-05 20:00:00",
                                        "2026-01-05 22:30:00", "2026-01-05 10:30:00", "2026-01-05 15:00:00",
                                        "2026-01-05 00:15:00", "2026-01-05 10:30:00"]  # fmt: skip
    assert not bad.any()


def test_a_day_of_the_week_beside_a_date_is_read_past() -> None:
    stamps, bad = nz.dates(column("2026-01-05(周一)", "2026年1月5日 星期一", "2026-01-05 周一 10:30",
                                  "2026/1/5（礼拜一）", "Mon, 05 Jan 2026 10:30:00 +0000", "Monday, January 5, 2026"),
                           with_time=True)  # fmt: skip
    local = dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
    assert [str(d) for d in stamps[:4]] == ["2026-01-05 00:00:00", "2026-01-05 00:00:00", "2026-01-05 10:30:00",
                                            "2026-01-05 00:00:00"]  # fmt: skip
    assert stamps.iloc[4] == pd.Timestamp(local) and str(stamps.iloc[5]) == "2026-01-05 00:00:00"
    assert not bad.any()


def test_time_zones_as_servers_write_them() -> None:
    stamps, bad = nz.dates(column("2026-01-05 10:30:00 UTC", "2026-01-05 18:30:00 +0800", "2026-01-05 18:30 UTC+8",
                                  "2026-01-05 18:30:00 GMT+08:00"), with_time=True)  # fmt: skip
    local = dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
    assert (stamps == pd.Timestamp(local)).all() and not bad.any()


def test_tags_one_a_line_in_a_cell() -> None:
    tags, bad = nz.split_tags(column("老客户\n高消费", "团长\r\n宝妈", "a / b"))
    assert tags.tolist() == [["老客户", "高消费"], ["团长", "宝妈"], ["a", "b"]] and not bad.any()


def test_dates_systems_write_as_numbers() -> None:
    # 20260105 (a POS's date column), Unix time in seconds and milliseconds (APIs, public data sets),
    # 20260105103000; as number cells and as text. A Unix time is a moment: shown in local time
    stamps, bad = nz.dates(column(20260105.0, "20260105103000", 20260105103000.0, 1767600000, "1767600000123",
                                  45292, "20261305", 20261399.0, 123456.0), with_time=True)  # fmt: skip
    unix = pd.Timestamp(dt.datetime.fromtimestamp(1767600000))
    assert stamps.tolist()[:6] == [pd.Timestamp("2026-01-05"), pd.Timestamp("2026-01-05 10:30"),
                                   pd.Timestamp("2026-01-05 10:30"), unix, unix, pd.Timestamp("2024-01-01")]  # fmt: skip
    assert bad.tolist() == [False] * 6 + [True] * 3  # no 13th month, no 99th day, no such size


def test_numbers_beyond_a_timestamp_are_no_date_not_a_crash() -> None:
    _, bad = nz.dates(column(9999999999, "9999999999", "9999999999999", 9.3e12), with_time=True)
    assert bad.all()


def test_spaces_in_money_group_thousands_like_commas() -> None:
    cents, bad = nz.money_cents(column("1 234.50", "12 5", "12 50", "¥ 1 234 567"))
    assert bad.tolist() == [False, True, True, False] and cents.tolist()[0] == 123450 and cents.tolist()[3] == 123456700


def test_a_mobile_with_a_zero_before_it_is_no_landline() -> None:
    assert nz.other_phones("013812340001") == (False, None)
    assert nz.other_phones("010-12345678") == (True, None) and nz.other_phones("0571-88881234") == (True, None)


def test_separator_lines_of_dots_and_spaced_dashes() -> None:
    assert nz.dashes(nz.strings(column("- - - -", "......", "————", "=====", "-", "a-", "—a", ""))).tolist() == [
        True, True, True, True, True, False, False, False]


def test_phones_copied_with_invisible_marks() -> None:
    phones, bad = nz.phones(column("\u202d13800138000\u202c", "\u200b13900139000", "'13700137000"))
    assert phones.tolist() == ["13800138000", "13900139000", "13700137000"] and not bad.any()


def test_a_time_no_clock_shows_is_no_date() -> None:
    stamps, bad = nz.dates(column("2026-01-06 25:99", "2026/1/6 10:60", "2026-01-06 24:00", "2026-01-06 23:59:59"),
                           with_time=True)  # fmt: skip
    assert bad.tolist() == [True, True, False, False] and str(stamps.iloc[2]) == "2026-01-07 00:00:00"


def test_counts_that_name_what_they_count() -> None:
    values, bad = nz.counts(column("206人", "110条", "1,234人", "3 次", "x人", "5元"))
    assert values.tolist()[:4] == [206, 110, 1234, 3] and bad.tolist() == [False, False, False, False, True, True]


def test_midday_is_the_afternoons_from_one_oclock() -> None:
    stamps, bad = nz.dates(column("2026/1/5 中午11:30", "2026/1/5 中午12:30", "2026/1/5 中午1:00"), with_time=True)
    assert [str(s)[11:16] for s in stamps] == ["11:30", "12:30", "13:00"] and not bad.any()
    assert [nz.clock_hour(h, m) for h, m in ((12, "AM"), (1, "p.m."), (11, "中午"), (3, "下午"), (9, None))] == [
        0, 13, 11, 15, 9]


def test_plain_text_takes_a_column_exactly_when_no_cell_needs_work() -> None:
    """The fast reading of a text column, checked against the rule it implements on random columns: every cell
    text, none with an apostrophe in front, none with spaces to trim, none longer than the limit."""
    import random

    rng = random.Random(7)
    pool = ["A001", "", "张晓燕", "x y", "a\u200bb", "\ufeffx", "😀", "'90后", "x'", " a", "a ", "\u3000张", "张\xa0",
            "\t", "a\u2028", "\x1cq", "\ud800", "e\u0301", "长" * 10, "长" * 11]  # fmt: skip
    for _ in range(400):
        cells = [rng.choice(pool) for _ in range(rng.randint(1, 6))]
        limit = rng.choice([None, 10])
        expected_ok = (
            not any(c.startswith("'") for c in cells)
            and all(c == c.strip() for c in cells)
            and (limit is None or all(len(c) <= limit for c in cells))
        )
        got = nz.plain_text(pd.Series(cells, dtype=object), limit)
        assert (got is not None) == expected_ok, (cells, limit)
        if got is not None:
            assert [None if v is pd.NA else v for v in got.tolist()] == [c or None for c in cells]


def test_whole_number_cells_read_as_their_digits_as_the_text_path_reads_them() -> None:
    from app.services.importer import _identifier

    for cells in ([1.0, 2.0, float("nan"), 17850.0, -5.0, 123456789012.0], [0.0, 7.0]):
        column = pd.Series(cells, dtype=object)
        fast = nz.whole_number_texts(column)
        assert fast is not None
        assert fast.tolist() == _identifier("member_code", nz.as_text(column, nz.strings(column))).tolist()
    for other in ([1.5, 2.0], [1.0, None], ["1", 2.0], [1e20], [float("nan")], []):
        assert nz.whole_number_texts(pd.Series(other, dtype=object)) is None


def test_plain_mobiles_take_a_column_exactly_when_phones_would_keep_every_cell_as_it_stands() -> None:
    """The fast reading of a phone column, checked against ``phones`` on random columns: it takes a column
    when every cell is a mobile number or empty as it stands, and then reads each cell as ``phones`` does."""
    import random

    rng = random.Random(11)
    pool = ["13800138000", "19912345678", "", "12800138000", "1380013800", "138001380001", "13800 138000",
            "+8613800138000", "'13800138000", "１３８００１３８０００", "138-0013-8000", "13800138000 ", " ", "--",
            "无", "0571-88881234", "23800138000", "1a800138000", "13800138000\x00", "138****8000", "1.38E+10",
            13800138000.0, None, float("nan")]  # fmt: skip
    taken = 0
    for _ in range(600):
        cells = [rng.choice(pool if rng.random() < 0.3 else pool[:3]) for _ in range(rng.randint(1, 6))]
        read, bad = nz.phones(pd.Series(cells, dtype=object))
        as_they_stand = all(
            isinstance(c, str) and ((c == "" and r is pd.NA) or (r is not pd.NA and r == c and not b))
            for c, r, b in zip(cells, read.tolist(), bad.tolist(), strict=True)
        )
        got = nz.plain_mobiles(pd.Series(cells, dtype=object))
        assert (got is not None) == as_they_stand, cells
        if got is not None:
            taken += 1
            assert [None if v is pd.NA else v for v in got.tolist()] == [None if v is pd.NA else v for v in read.tolist()]
    assert taken > 100  # the draw did reach columns the fast reading takes
