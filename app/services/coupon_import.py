"""``siyu import coupons``: coupon exports as shop systems write them (券名称, 券类型, 面额/折扣, 使用门槛, 券码,
领取人手机 or 会员编号, 领取时间, 生效时间, 失效时间, 核销时间, 核销订单号, 优惠金额).

The import rules of every import (``importer.ImportService.run``); besides, a row is invalid when its code is
redeemed twice in the file (two rows, one code, different orders or times), when it was redeemed outside its
validity, when its order number matches no order, or when that order does not reach the coupon's threshold.
Campaigns the file names are created from their rows; holders the shop does not know are created and counted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, bindparam, text

from app.i18n_markers import QT_TRANSLATE_NOOP
from app.services import codes
from app.services.group_import import _GroupPlan
from app.services.importer import ImportSummary
from app.services.pinyin import search_key

_KIND_WORDS = {"满减": "threshold", "满减券": "threshold", "折扣": "discount", "折扣券": "discount", "无门槛": "no_threshold",
               "无门槛券": "no_threshold", "代金券": "no_threshold", "现金券": "no_threshold", "立减": "no_threshold",
               "赠品": "gift", "赠品券": "gift", "兑换券": "gift", "threshold": "threshold", "discount": "discount",
               "no_threshold": "no_threshold", "gift": "gift"}  # fmt: skip
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


_VOID = re.compile(r"作废|已删除|已撤回|已撤销|已冻结|void|cancel", re.IGNORECASE)
_USED = re.compile(r"已使用|已核销|已用|used|redeemed", re.IGNORECASE)
_FULL_MINUS = re.compile(r"满\s*(\d+(?:\.\d+)?)\s*元?\s*[减-]\s*(\d+(?:\.\d+)?)")  # 满100减20
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _rate(text: str, loose: bool) -> int | None:
    """A discount as the share paid, per mille: 9折, 8.5折 and 85折 (850), 八五折, 九折, 85%, 0.85; with ``loose``
    (a discount coupon's value, a 折扣 column) a bare 8.5 or 85 too."""
    text = text.strip().replace("打", "")
    if found := re.fullmatch(r"([一二两三四五六七八九])([一二三四五六七八九])?折", text):
        return _CN_DIGITS[found[1]] * 100 + (_CN_DIGITS[found[2]] * 10 if found[2] else 0)
    if found := re.fullmatch(r"(\d+(?:\.\d+)?)\s*(折|%)?", text):
        value, mark = float(found[1]), found[2]
        if mark == "%":
            rate = value * 10
        elif 0 < value < 1 and mark is None:
            rate = value * 1000
        elif mark is None and not loose:
            return None
        else:
            rate = value * 100 if value < 10 else value * 10  # 8.5折, 85折
        return round(rate) if 0 < rate < 1000 else None
    return None


def _face(
    kind: str | None, face: str | None, threshold: str | None, rate: str | None = None
) -> tuple[str, int, int | None, int]:
    """(kind, value cents, rate per mille, threshold cents) from the cells: "20" / "20元" / "9折" / "85折" / "0.9"
    / "满100减20"; ``rate`` is a separate 折扣 column beside a 面额 one (微盟 exports both)."""
    if not face and rate:  # a 折扣 column alone holds the value or the rate, as 面额/折扣 does
        face, rate = rate, None
    face = (face or "").replace(",", "").replace("，", "").strip()
    limit = _NUMBER.findall((threshold or "").replace(",", ""))
    threshold_cents = round(float(limit[0]) * 100) if limit else 0
    resolved = _KIND_WORDS.get((kind or "").strip().lower())
    if found := _FULL_MINUS.search(face):  # 满100减20: the threshold and the value in one cell
        return "threshold", round(float(found[2]) * 100), None, threshold_cents or round(float(found[1]) * 100)
    per_mille = _rate(rate, loose=True) if rate and (resolved == "discount" or not _NUMBER.search(face)) else None
    if per_mille is None and face and ("折" in face or "%" in face or resolved in (None, "discount")):
        per_mille = _rate(face, loose=resolved == "discount")
    if per_mille is not None:
        return "discount", 0, per_mille, threshold_cents
    if resolved == "gift":  # 赠送提拉米苏1块: the gift is named, its figures are no value off
        return "gift", 0, None, threshold_cents
    number = _NUMBER.findall(face)
    value_cents = round(float(number[0]) * 100) if number else 0
    if resolved in (None, "discount"):
        resolved = "threshold" if threshold_cents else "no_threshold"
    return resolved, value_cents, None, threshold_cents


class CouponPlan(_GroupPlan):
    def __init__(self, kind, parsed, rownums, bad_rows, issues) -> None:  # type: ignore[no-untyped-def]
        super().__init__(kind, parsed, rownums, bad_rows, issues)
        for key in ("claimed_at", "redeemed_at"):  # times of day matter here: kept to the second
            if key in parsed:
                series = parsed[key]
                self.cols[key] = series.dt.strftime("%Y-%m-%d %H:%M:%S").astype(object).where(series.notna(), None).tolist()

    def match(self, conn: Connection, mode: str) -> None:
        self.mode = mode
        self._require("campaign_name", QT_TRANSLATE_NOOP("Import", "the coupon name is missing"))
        self._require("code", QT_TRANSLATE_NOOP("Import", "the coupon code is missing"))
        code = [None if c is None else codes.normalise(str(c)) for c in self.col("code")]
        self.cols["code"] = code
        redeemed, order_no = self.col("redeemed_at"), self.col("order_no")
        self.voided = self.used_untimed = 0
        for i, status in enumerate(self.col("status")):
            if status is None or self.bad_rows[i]:
                continue
            if _VOID.search(str(status)):  # voided by the system: no coupon, left out and counted
                self.bad_rows[i] = True
                self.voided += 1
            elif _USED.search(str(status)) and redeemed[i] is None and order_no[i] is None:
                self.used_untimed += 1  # 已使用 with no time or order: kept unredeemed (a redemption is a time)
        valid_from, valid_to = self.col("valid_from"), self.col("valid_to")
        seen: dict[str, tuple[Any, Any, int]] = {}
        for i in range(self.n):
            if self.bad_rows[i] or code[i] is None:
                continue
            use = (redeemed[i], order_no[i])
            if code[i] in seen and seen[code[i]][:2] != use and (use != (None, None) and seen[code[i]][:2] != (None, None)):
                first = seen[code[i]][2]
                self._issue(i, "code", code[i], QT_TRANSLATE_NOOP("Import", "this code is redeemed twice in the file"))
                if not self.bad_rows[first]:
                    self._issue(first, "code", code[first], QT_TRANSLATE_NOOP("Import", "this code is redeemed twice in the file"))
                continue
            seen.setdefault(code[i], (*use, i))
            day = None if redeemed[i] is None else str(redeemed[i])[:10]
            if day is not None and ((valid_from[i] and day < str(valid_from[i])[:10]) or (valid_to[i] and day > str(valid_to[i])[:10])):
                self._issue(i, "redeemed_at", redeemed[i], QT_TRANSLATE_NOOP("Import", "redeemed outside the coupon's validity"))
        # redemptions name their orders by number: the order must exist and reach the threshold
        numbers = sorted({str(order_no[i]) for i in range(self.n) if not self.bad_rows[i] and order_no[i] is not None})
        self.orders: dict[str, tuple[int, int, int, Any]] = {}
        for start in range(0, len(numbers), 5000):
            part = numbers[start : start + 5000]
            for oid, number, amount, customer, at in conn.execute(text(
                    "SELECT id, external_no, amount_cents, customer_id, ordered_at FROM orders WHERE external_no IN :n").bindparams(
                    bindparam("n", expanding=True)), {"n": part}):  # fmt: skip
                self.orders.setdefault(str(number), (int(oid), int(amount), int(customer), at))
        kinds, faces, limits, rates = self.col("kind"), self.col("face"), self.col("threshold"), self.col("rate")
        for i in range(self.n):
            if self.bad_rows[i] or order_no[i] is None:
                continue
            found = self.orders.get(str(order_no[i]))
            if found is None:
                self._issue(i, "order_no", order_no[i], QT_TRANSLATE_NOOP("Import", "no order has this number"))
                continue
            kind, value, rate, threshold = _face(kinds[i], faces[i], limits[i], rates[i])
            if found[1] < threshold:
                self._issue(i, "order_no", order_no[i], QT_TRANSLATE_NOOP("Import", "this order does not reach the coupon's threshold"))
        existing = conn.execute(text("SELECT id, phone, member_code FROM customer WHERE deleted_at IS NULL")).all()
        self.by_phone = {r[1]: int(r[0]) for r in existing if r[1]}
        self.by_code = {r[2]: int(r[0]) for r in existing if r[2]}

    def write(self, conn: Connection, summary: ImportSummary, progress: Callable[[float], None]) -> None:
        summary.voided_coupons += self.voided
        summary.used_untimed_coupons += self.used_untimed
        names, code, phone, member = self.col("campaign_name"), self.col("code"), self.col("phone"), self.col("member_code")
        kinds, faces, limits, rates = self.col("kind"), self.col("face"), self.col("threshold"), self.col("rate")
        claimed, valid_from, valid_to = self.col("claimed_at"), self.col("valid_from"), self.col("valid_to")
        redeemed, order_no, discount = self.col("redeemed_at"), self.col("order_no"), self.col("discount")
        rows: dict[str, int] = {}
        valid = 0
        for i in range(self.n):
            if not self.bad_rows[i]:
                valid += 1
                rows[code[i]] = i  # a code's later row wins (identical repeats fold)
        summary.merged += valid - len(rows)
        if not rows:
            return
        known = {}
        all_codes = list(rows)
        for start in range(0, len(all_codes), 5000):
            part = all_codes[start : start + 5000]
            for r in conn.execute(text(
                    "SELECT code, id, campaign_id, customer_id, valid_until, redeemed_at, order_id, discount_cents FROM coupon "
                    "WHERE code IN :c").bindparams(bindparam("c", expanding=True)), {"c": part}):  # fmt: skip
                known[r[0]] = r[1:]
        if self.mode == "update":  # only the codes the shop has: no coupon, campaign or customer is created
            for number in [c for c in rows if c not in known]:
                del rows[number]
                summary.unchanged += 1
            if not rows:
                progress(1.0)
                return
        # campaigns by name, created from their first row when missing
        campaigns = {r[0]: int(r[1]) for r in conn.execute(text("SELECT name, id FROM coupon_campaign"))}
        for i in sorted(rows.values()):
            if names[i] in campaigns:
                continue
            kind, value, rate, threshold = _face(kinds[i], faces[i], limits[i], rates[i])
            ends = [str(valid_to[j])[:10] for j in rows.values() if names[j] == names[i] and valid_to[j]]
            campaigns[names[i]] = int(conn.execute(text(
                "INSERT INTO coupon_campaign (name, kind, value_cents, threshold_cents, rate_permille, valid_from, "
                "valid_to, valid_days, per_customer_limit, status) VALUES (:n, :k, :v, :t, :r, :f, :e, :d, 1, 'active') "
                "RETURNING id"), {"n": str(names[i])[:128], "k": kind, "v": value, "t": threshold, "r": rate,
                                  "f": _day(valid_from[i]), "e": _day(max(ends)) if ends else None,
                                  "d": None if ends else 30}).scalar_one())  # fmt: skip
            summary.created_campaigns += 1
        progress(0.3)
        # holders
        def holder(i: int) -> int | None:
            if phone[i] is not None and phone[i] in self.by_phone:
                return self.by_phone[phone[i]]
            if member[i] is not None and member[i] in self.by_code:
                return self.by_code[member[i]]
            if phone[i] is None and member[i] is None:
                return None
            label = phone[i] or member[i] or ""
            cid = int(conn.execute(text("INSERT INTO customer (name, phone, member_code, search_key) VALUES (:n, :p, :c, :k) "
                                        "RETURNING id"), {"n": label, "p": phone[i], "c": member[i], "k": search_key(label)}).scalar_one())  # fmt: skip
            if phone[i] is not None:
                self.by_phone[phone[i]] = cid
            if member[i] is not None:
                self.by_code[member[i]] = cid
            summary.created_customers += 1
            return cid

        now = dt.datetime.now().replace(microsecond=0)
        for number, i in rows.items():
            cid = holder(i)
            campaign_id = campaigns[names[i]]
            order = self.orders.get(str(order_no[i])) if order_no[i] is not None else None
            # redeemed without a time: at its order's time (the import's own time changed at each import)
            used_at = _moment(redeemed[i]) if redeemed[i] is not None else (_moment(order[3]) if order else None)
            kind, value, rate, threshold = _face(kinds[i], faces[i], limits[i], rates[i])
            off = discount[i] if discount[i] is not None else (_off(kind, value, rate, order[1]) if order else None)
            values = (campaign_id, cid if cid is not None else (order[2] if order else None), _day(valid_to[i]),
                      used_at, order[0] if order else None, off)  # fmt: skip
            before = known.get(number)
            if before is not None:  # what the file does not say (no holder, no order, no time) stays as it was
                kept = (before[2], _day(before[3]), _moment(before[4]), before[5], before[6])
                values = (values[0], *(v if v is not None else k for v, k in zip(values[1:], kept, strict=True)))
            if before is None:
                conn.execute(text(
                    "INSERT INTO coupon (campaign_id, customer_id, code, issued_at, issued_via, valid_until, redeemed_at, "
                    "order_id, discount_cents) VALUES (:c, :h, :code, :at, 'import', :v, :r, :o, :d)"),
                    {"c": values[0], "h": values[1], "code": number, "at": _moment(claimed[i]) or now, "v": values[2],
                     "r": values[3], "o": values[4], "d": values[5]})  # fmt: skip
                summary.inserted += 1
            else:
                old = (int(before[1]), before[2], _day(before[3]), _moment(before[4]), before[5], before[6])
                if old == values or self.mode == "add":
                    summary.unchanged += 1
                    continue
                conn.execute(text(
                    "UPDATE coupon SET campaign_id = :c, customer_id = :h, valid_until = :v, redeemed_at = :r, order_id = :o, "
                    "discount_cents = :d WHERE id = :i"), {"c": values[0], "h": values[1], "v": values[2], "r": values[3],
                                                           "o": values[4], "d": values[5], "i": before[0]})  # fmt: skip
                summary.updated += 1
            if order is not None:
                conn.execute(text("UPDATE orders SET coupon_id = (SELECT id FROM coupon WHERE code = :c) WHERE id = :o"),
                             {"c": number, "o": order[0]})  # fmt: skip
        progress(1.0)


def _off(kind: str, value: int, rate: int | None, amount: int) -> int | None:
    from app.services.coupons import Campaign, discount_for

    return discount_for(Campaign(None, "import", kind, value_cents=value, rate_permille=rate), amount)


def _day(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _moment(value: Any) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0)
    text_ = str(value)
    return dt.datetime.fromisoformat(text_[:19] if len(text_) > 10 else text_[:10] + " 00:00:00")
