"""The demo shop: a deterministic, realistic bakery with customers, orders, tags, groups, coupons, content.

Everything is drawn from one numpy generator seeded with ``seed``, relative to ``end`` (today by default),
so the same seed and end date always give the same shop. Orders follow real repurchase behaviour: many
one-time buyers, a loyal long tail (log-normal purchase propensity), weekly rhythm and seasonal peaks
(Spring Festival, 520, 618, 七夕, 中秋, 双11, 双12, Christmas). Rows go in through the driver in one
transaction per table family; 100,000 customers and 1,000,000 orders take well under a minute.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from app import paths
from app.i18n_markers import QT_TRANSLATE_NOOP, UserError
from app.services.bulk import indexes_rebuilt_after, insert_rows, reset_sequences
from app.services.codes import ALPHABET, check_char
from app.services.database import Database
from app.services.pinyin import search_key
from app.services.plays import BUILTIN_PLAYS

# Bumped whenever the generator changes what it makes (the benchmark keys its cached shop on it).
DEMO_VERSION = 2

# (stage text, fraction done) -> None; raise to cancel.
Progress = Callable[[str, float], None]

# Approximate Spring Festival dates (the demo only needs the peak in the right fortnight).
SPRING_FESTIVAL = {
    2023: dt.date(2023, 1, 22),
    2024: dt.date(2024, 2, 10),
    2025: dt.date(2025, 1, 29),
    2026: dt.date(2026, 2, 17),
    2027: dt.date(2027, 2, 6),
    2028: dt.date(2028, 1, 26),
}

# Tables the demo fills, children first (for --replace).
DEMO_TABLES = (
    "coupon_control",
    "content_item",
    "group_daily_stat",
    "group_membership",
    "customer_tag",
    "customer_field",
    "follow_up",
    "coupon",
    "orders",
    "coupon_campaign",
    "community_group",
    "tag",
    "tag_group",
    "customer",
    "activity",
    "staff",
    "setting",
)


@dataclass(frozen=True)
class DemoSummary:
    customers: int
    orders: int
    groups: int
    coupons: int
    content_items: int
    seconds: float


class DemoError(UserError):
    pass


def _load_words() -> dict:
    return json.loads(paths.resource("demo", "words.json").read_text(encoding="utf-8"))


def _weighted(pairs: list) -> tuple[list[str], np.ndarray]:
    names = [p[0] for p in pairs]
    w = np.array([p[1] for p in pairs], dtype=float)
    return names, w / w.sum()


def _day_weights(start: dt.date, days: int) -> np.ndarray:
    """Relative sales weight per day: weekends, growth, and the year's peaks."""
    dates = [start + dt.timedelta(days=i) for i in range(days)]
    w = np.ones(days)
    for i, d in enumerate(dates):
        if d.weekday() >= 5:
            w[i] *= 1.35
        md = (d.month, d.day)
        if (6, 1) <= md <= (6, 18):
            w[i] *= 1.5
        if (11, 1) <= md <= (11, 11):
            w[i] *= 1.7
        if md in ((5, 20), (12, 12), (12, 24), (12, 25), (2, 14)):
            w[i] *= 2.0
        sf = SPRING_FESTIVAL.get(d.year)
        if sf is not None:
            delta = (d - sf).days
            if -14 <= delta < 0:
                w[i] *= 1.8  # new-year gift boxes
            elif 0 <= delta < 6:
                w[i] *= 0.4  # the shop is closed or quiet
        if d.month == 9 and 10 <= d.day <= 30:
            w[i] *= 1.2  # mid-autumn
    w *= np.linspace(0.8, 1.2, days)  # the shop grows
    return w


def _fmt_dt(values: np.ndarray) -> list[str]:
    """datetime64[s] → 'YYYY-MM-DD HH:MM:SS' strings (SQLAlchemy's SQLite reads them back as datetime)."""
    return np.strings.replace(np.datetime_as_string(values, unit="s"), "T", " ").tolist()


def _fmt_date(values: np.ndarray) -> list[str]:
    return np.datetime_as_string(values, unit="D").tolist()


def generate_demo(
    db: Database,
    customers: int = 2000,
    orders: int = 20000,
    seed: int = 1,
    end: dt.date | None = None,
    replace: bool = False,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill the shop with demo data. Refuses a shop that has customers unless ``replace`` is set."""
    import time

    started = time.perf_counter()
    if customers < 1 or orders < 0:
        raise DemoError(QT_TRANSLATE_NOOP("Errors", "The demo needs at least one customer."))
    report = progress or (lambda _stage, _frac: None)
    words = _load_words()
    rng = np.random.default_rng(seed)
    # The data runs through yesterday: today is still in progress.
    end = end or dt.date.today() - dt.timedelta(days=1)
    start = end - dt.timedelta(days=729)
    n, m = customers, orders

    from sqlalchemy import text

    with db.engine.begin() as sa:
        existing = sa.execute(text("SELECT count(*) FROM customer")).scalar_one()
        if existing and not replace:
            raise DemoError(
                QT_TRANSLATE_NOOP(
                    "Errors", "The shop already has {count} customers; the demo only fills an empty shop."
                ),
                count=existing,
            )
        if replace:
            for table in DEMO_TABLES:
                sa.execute(text(f"DELETE FROM {table}"))
        report(QT_TRANSLATE_NOOP("Demo", "Customers"), 0.02)
        ctx = _Generator(rng, words, start, end, n, m, seed, sa)
        conn = sa.connection.dbapi_connection  # rows go in through the driver, inside this transaction
        ctx.write_staff_settings(conn)
        ctx.make_customers()
        ctx.make_orders()
        ctx.write_customers(conn)
        report(QT_TRANSLATE_NOOP("Demo", "Orders"), 0.25)
        ctx.write_orders(conn, lambda f: report(QT_TRANSLATE_NOOP("Demo", "Orders"), 0.25 + 0.5 * f))
        report(QT_TRANSLATE_NOOP("Demo", "Tags"), 0.78)
        ctx.write_tags(conn)
        report(QT_TRANSLATE_NOOP("Demo", "Groups"), 0.88)
        ctx.write_groups(conn)
        report(QT_TRANSLATE_NOOP("Demo", "Coupons"), 0.93)
        ctx.write_plays(conn)
        coupons = ctx.write_coupons(conn)
        content = ctx.write_content(conn)
        reset_sequences(sa, DEMO_TABLES)
    if db.location.is_sqlite:
        with db.engine.connect() as c:
            c.exec_driver_sql("PRAGMA optimize")
            c.commit()
    report(QT_TRANSLATE_NOOP("Demo", "Done"), 1.0)
    return DemoSummary(n, m, len(words["groups"]), coupons, content, time.perf_counter() - started)


class _Generator:
    """Holds the arrays of one demo run between the steps that write them."""

    def __init__(
        self, rng: np.random.Generator, words: dict, start: dt.date, end: dt.date, n: int, m: int, seed: int,
        sa: Any,
    ) -> None:  # fmt: skip
        self.sa = sa  # the SQLAlchemy connection of the transaction, for statements other than bulk inserts
        self.rng, self.words, self.start, self.end, self.n, self.m, self.seed = (
            rng,
            words,
            start,
            end,
            n,
            m,
            seed,
        )
        self.days = (end - start).days + 1
        self.start64 = np.datetime64(start, "D")
        self.now = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(9, 0))

    # -- staff and settings ------------------------------------------------------------------------
    def write_staff_settings(self, conn) -> None:  # type: ignore[no-untyped-def]
        staff = self.words["staff"]
        insert_rows(
            conn,
            "staff",
            ["id", "name", "role", "status", "departed_at"],
            [
                (
                    i + 1,
                    name,
                    role,
                    status,
                    str(self.end - dt.timedelta(days=40)) if status == "departed" else None,
                )
                for i, (name, role, status) in enumerate(staff)
            ],
        )
        self.staff_ids = np.arange(1, len(staff) + 1)
        settings = {
            "shop.name": self.words["shop_name"],
            "shop.industry": self.words["industry"],
            "demo.seed": self.seed,
            "demo.end": str(self.end),
        }
        from sqlalchemy import text

        self.sa.execute(
            text("DELETE FROM setting WHERE key IN ('shop.name','shop.industry','demo.seed','demo.end')")
        )
        insert_rows(
            conn,
            "setting",
            ["key", "value"],
            [(k, json.dumps(v, ensure_ascii=False)) for k, v in settings.items()],
        )

    # -- customers ---------------------------------------------------------------------------------
    def make_customers(self) -> None:
        rng, w, n = self.rng, self.words, self.n
        self.gender_female = rng.random(n) < 0.72
        surnames, sw = _weighted(w["surnames"])
        s_idx = rng.choice(len(surnames), size=n, p=sw)
        gf, gm = w["given_female"], w["given_male"]
        g1 = rng.integers(0, 40, size=n)
        g2 = (g1 + rng.integers(1, 40, size=n)) % 40  # never the same character twice
        two = rng.random(n) < 0.7
        names = []
        for i in range(n):
            pool = gf if self.gender_female[i] else gm
            names.append(surnames[s_idx[i]] + pool[g1[i]] + (pool[g2[i]] if two[i] else ""))
        self.names = names
        # remark names for about a third: 王姐-常买吐司
        has_remark = rng.random(n) < 0.3
        suf = rng.integers(0, len(w["remark_suffix"]), size=n)
        male_suffix = {"哥", "叔", "老师", "总"}
        for i in np.flatnonzero(~self.gender_female & has_remark):
            while w["remark_suffix"][suf[i]] not in male_suffix:
                suf[i] = (suf[i] + 1) % len(w["remark_suffix"])
        for i in np.flatnonzero(self.gender_female & has_remark):
            while w["remark_suffix"][suf[i]] in ("哥", "叔"):
                suf[i] = (suf[i] + 1) % len(w["remark_suffix"])
        hint = rng.integers(0, len(w["remark_hint"]), size=n)
        self.remarks = [
            f"{surnames[s_idx[i]]}{w['remark_suffix'][suf[i]]}-{w['remark_hint'][hint[i]]}"
            if has_remark[i]
            else None
            for i in range(n)
        ]
        # unique 11-digit mobile numbers; about 6% of contacts never gave one
        prefixes = np.array(
            [
                130,
                131,
                132,
                133,
                135,
                136,
                137,
                138,
                139,
                150,
                151,
                152,
                155,
                157,
                158,
                159,
                166,
                173,
                176,
                177,
                180,
                181,
                182,
                183,
                185,
                186,
                187,
                188,
                189,
                191,
                198,
                199,
            ]
        )
        phones = prefixes[rng.integers(0, len(prefixes), size=n)] * 10**8 + rng.integers(0, 10**8, size=n)
        _, first = np.unique(phones, return_index=True)
        dup = np.ones(n, dtype=bool)
        dup[first] = False
        phones[dup] = 0
        has_phone = (rng.random(n) >= 0.06) & (phones > 0)
        self.phones = [
            str(p) if h else None for p, h in zip(phones.tolist(), has_phone.tolist(), strict=False)
        ]
        has_wx = rng.random(n) < 0.75
        wx = rng.integers(36**6, 36**8, size=n)
        self.wechat = [
            ("wxid_" + np.base_repr(v, 36).lower()) if h else None
            for v, h in zip(wx.tolist(), has_wx, strict=False)
        ]
        cities, cw = _weighted(w["cities"])
        self.cities = np.array(cities, dtype=object)[rng.choice(len(cities), size=n, p=cw)]
        channels, chw = _weighted(w["channels"])
        self.channel_names = channels
        self.channel_idx = rng.choice(len(channels), size=n, p=chw)
        # added to the private domain: 15% before the two years, the rest growing towards today
        legacy = rng.random(n) < 0.15
        recent = (np.sqrt(rng.random(n)) * (self.days - 1)).astype(np.int64)
        older = -rng.integers(1, 366, size=n)
        offset = np.where(legacy, older, recent)
        self.added = np.sort(offset)  # ids follow the order customers were added
        # birthdays: 80% known, ages 18-65, one in ten of the older ones kept in the lunar calendar
        has_bday = rng.random(n) < 0.8
        ages = rng.integers(18, 66, size=n)
        bday = np.datetime64(self.end, "D") - (ages * 365.25).astype(np.int64) - rng.integers(0, 365, size=n)
        self.birthday = [
            str(b) if h else None
            for b, h in zip(bday.astype("datetime64[D]").tolist(), has_bday, strict=False)
        ]
        self.lunar = (has_bday & (ages > 50) & (rng.random(n) < 0.3)).astype(int)
        # owner staff: the departed member keeps some customers until they are handed over
        self.owner = rng.choice(self.staff_ids, size=n, p=[0.25, 0.35, 0.3, 0.1])
        unassigned = rng.random(n) < 0.1
        self.owner_list = [None if u else int(o) for o, u in zip(self.owner, unassigned, strict=False)]
        # referrers: 12% were brought by an earlier customer
        has_ref = (rng.random(n) < 0.12) & (np.arange(n) > 10)
        ref = (rng.random(n) * np.arange(n)).astype(np.int64) + 1
        self.referrer = [int(r) if h else None for r, h in zip(ref, has_ref, strict=False)]

    # -- orders ------------------------------------------------------------------------------------
    def make_orders(self) -> None:
        rng, n, m = self.rng, self.n, self.m
        buyer_share = 0.72
        buyers = rng.random(n) < buyer_share
        # people added in the last days are less likely to have bought yet
        buyers &= ~((self.added > self.days - 5) & (rng.random(n) < 0.7))
        buyer_idx = np.flatnonzero(buyers)
        if m < len(buyer_idx):
            buyer_idx = np.sort(rng.choice(buyer_idx, size=m, replace=False))
        # each customer buys between being added and (for the third who drift away) a last active day
        lo_cust = np.clip(self.added, 0, self.days - 1)
        stop = np.full(n, self.days, dtype=np.int64)
        churned = rng.random(n) < 0.33
        life_end = lo_cust + rng.integers(30, 500, size=n)
        stop[churned] = np.clip(life_end[churned], 1, self.days)
        hi_cust = np.maximum(stop, lo_cust + 1)
        counts = np.zeros(n, dtype=np.int64)
        counts[buyer_idx] = 1
        extra = m - len(buyer_idx)
        if extra > 0 and len(buyer_idx):
            repeaters = buyer_idx[rng.random(len(buyer_idx)) >= 0.42]  # 42% stay one-time buyers
            if len(repeaters) == 0:
                repeaters = buyer_idx
            # a steady personal rate (log-normal: a loyal long tail) times the days they were active
            rate = rng.lognormal(0.0, 1.1, size=len(repeaters))
            weight = rate * (hi_cust[repeaters] - lo_cust[repeaters])
            counts[repeaters] += rng.multinomial(extra, weight / weight.sum())
        cust = np.repeat(np.arange(n), counts)
        # order day: seasonal, inside the customer's active span
        weights = _day_weights(self.start, self.days)
        cdf = np.concatenate([[0.0], np.cumsum(weights)])
        cdf /= cdf[-1]
        lo_day = lo_cust[cust]
        hi_day = hi_cust[cust]
        u = rng.uniform(cdf[lo_day], cdf[hi_day])
        day = np.clip(np.searchsorted(cdf, u, side="right") - 1, 0, self.days - 1)
        hours = rng.choice(np.arange(7, 22), size=m, p=_hour_weights())
        secs = day.astype(np.int64) * 86400 + hours * 3600 + rng.integers(0, 3600, size=m)
        order = np.argsort(secs, kind="stable")
        self.o_cust = cust[order]
        self.o_secs = secs[order]
        # amounts: each customer has a typical basket; refunds are 2% and negative
        basket = rng.lognormal(np.log(58.0), 0.45, size=n)
        amount = basket[self.o_cust] * rng.lognormal(0.0, 0.35, size=m)
        cents = (np.round(amount, 1) * 100).astype(np.int64)
        cents = np.maximum(cents, 300)
        # refunds (2%) only among repeat buyers, so that nobody's only "order" is a refund
        refund = (rng.random(m) < 0.025) & (counts[self.o_cust] >= 3)
        cents[refund] = -np.maximum(
            (cents[refund] * rng.uniform(0.3, 1.0, refund.sum())).astype(np.int64), 100
        )
        self.o_cents = cents
        names, chw = _weighted(self.words["order_channels"])
        self.o_channel = np.array(names, dtype=object)[rng.choice(len(names), size=m, p=chw)]
        # per-customer aggregates kept on the customer row (refunds are not orders, but reduce spend)
        pos = cents > 0
        self.c_count = np.bincount(self.o_cust[pos], minlength=n)
        self.c_total = np.bincount(self.o_cust, weights=cents, minlength=n).astype(np.int64)
        self.c_first = np.full(n, -1, dtype=np.int64)
        self.c_last = np.full(n, -1, dtype=np.int64)
        pc, ps = self.o_cust[pos], self.o_secs[pos]
        # orders are sorted by time: the last write per customer wins for "last", reversed for "first"
        self.c_last[pc] = ps
        self.c_first[pc[::-1]] = ps[::-1]

    def _ts(self, secs: np.ndarray) -> np.ndarray:
        return self.start64.astype("datetime64[s]") + secs.astype("timedelta64[s]")

    def write_customers(self, conn) -> None:  # type: ignore[no-untyped-def]
        n, rng = self.n, self.rng
        count = self.c_count
        level = np.full(n, "fan", dtype=object)
        level[count >= 1] = "customer"
        level[count >= 4] = "member"
        top = np.argsort(-self.c_total)[: max(1, n // 100)]
        koc = np.zeros(n, dtype=bool)
        koc[top] = True
        level[koc & (count >= 4)] = "koc"
        member = (level == "member") | (level == "koc")
        codes = [f"M{100000 + i}" if member[i] else None for i in range(n)]
        added = _fmt_date(self.start64 + self.added.astype("timedelta64[D]"))
        created = _fmt_dt(self._ts(np.maximum(self.added, 0) * 86400 + 9 * 3600))
        first = _fmt_dt(self._ts(np.maximum(self.c_first, 0)))
        last = _fmt_dt(self._ts(np.maximum(self.c_last, 0)))
        genders = np.where(self.gender_female, "female", "male").astype(object)
        unknown_gender = rng.random(n) < 0.05
        genders[unknown_gender] = "unknown"
        self.genders = genders
        keys = {}
        follow = rng.random(n) < 0.03
        follow_day = _fmt_date(
            np.datetime64(self.end, "D") + rng.integers(-3, 10, size=n).astype("timedelta64[D]")
        )
        channels = self.channel_names
        rows = []
        for i in range(n):
            name, remark = self.names[i], self.remarks[i]
            key = keys.get((name, remark))
            if key is None:
                key = keys[(name, remark)] = search_key(name, remark)
            has = count[i] > 0 or self.c_total[i] != 0
            rows.append(
                (
                    i + 1,
                    codes[i],
                    name,
                    remark,
                    self.phones[i],
                    self.wechat[i],
                    genders[i],
                    self.birthday[i],
                    bool(self.lunar[i]),
                    self.cities[i],
                    channels[self.channel_idx[i]],
                    added[i],
                    self.owner_list[i],
                    level[i],
                    self.referrer[i],
                    key,
                    int(count[i]),
                    int(self.c_total[i]),
                    first[i] if count[i] else None,
                    last[i] if count[i] else None,
                    follow_day[i] if follow[i] else None,
                    created[i],
                    created[i] if not has else last[i],
                )
            )
        self.level = level
        insert_rows(
            conn,
            "customer",
            [
                "id",
                "member_code",
                "name",
                "remark_name",
                "phone",
                "wechat_id",
                "gender",
                "birthday",
                "birthday_lunar",
                "city",
                "source_channel",
                "added_on",
                "owner_staff_id",
                "level",
                "referrer_id",
                "search_key",
                "order_count",
                "total_spent_cents",
                "first_order_at",
                "last_order_at",
                "next_follow_up",
                "created_at",
                "updated_at",
            ],
            rows,
        )

    def write_orders(self, conn, progress: Callable[[float], None]) -> None:  # type: ignore[no-untyped-def]
        m = self.m
        if m == 0:
            return
        times = _fmt_dt(self._ts(self.o_secs))
        prefix = f"D{self.seed}-"
        rows = zip(
            range(1, m + 1),
            (self.o_cust + 1).tolist(),
            times,
            self.o_cents.tolist(),
            self.o_channel.tolist(),
            ("demo" for _ in range(m)),
            (f"{prefix}{i:07d}" for i in range(1, m + 1)),
            times,
            strict=False,
        )
        with indexes_rebuilt_after(self.sa, "orders", m):
            insert_rows(
                conn,
                "orders",
                [
                    "id",
                    "customer_id",
                    "ordered_at",
                    "amount_cents",
                    "channel",
                    "source",
                    "external_no",
                    "created_at",
                ],
                rows,
                chunk=100_000,
                progress=lambda done: progress(done / m * 0.8),
            )
        progress(1.0)

    # -- tags --------------------------------------------------------------------------------------
    def write_tags(self, conn) -> None:  # type: ignore[no-untyped-def]
        rng, n = self.rng, self.n
        tag_rows, group_rows = [], []
        tag_id = 0
        tag_ids: dict[str, list[int]] = {}
        for gi, g in enumerate(self.words["tag_groups"], start=1):
            group_rows.append((gi, g["name"], bool(g["exclusive"]), g["color"], gi))
            names = self.channel_names if g.get("from") == "channels" else g["tags"]
            ids = []
            for name in names:
                tag_id += 1
                tag_rows.append((tag_id, gi, name))
                ids.append(tag_id)
            tag_ids[g["name"]] = ids
        insert_rows(conn, "tag_group", ["id", "name", "exclusive", "color", "sort_order"], group_rows)
        insert_rows(conn, "tag", ["id", "group_id", "name"], tag_rows)
        cid = np.arange(1, n + 1)
        links = [
            np.column_stack(
                [cid, np.array(tag_ids["来源渠道"])[self.channel_idx], np.zeros(n, dtype=np.int64)]
            )
        ]
        gender_tag = np.array(tag_ids["性别"])[
            np.select([self.genders == "female", self.genders == "male"], [0, 1], 2)
        ]
        links.append(np.column_stack([cid, gender_tag, np.zeros(n, dtype=np.int64)]))
        persona = rng.random(n) < 0.35
        ptag = np.array(tag_ids["人群画像"])[rng.integers(0, 5, size=n)]
        links.append(np.column_stack([cid[persona], ptag[persona], np.ones(persona.sum(), dtype=np.int64)]))
        for group in ("消费偏好", "客户特征"):
            ids = np.array(tag_ids[group])
            for _ in range(2):
                has = rng.random(n) < 0.3
                t = ids[rng.integers(0, len(ids), size=n)]
                links.append(np.column_stack([cid[has], t[has], np.full(has.sum(), 2, dtype=np.int64)]))
        all_links = np.unique(np.concatenate(links), axis=0)
        # one link per (customer, tag): keep the first origin
        _, keep = np.unique(all_links[:, :2], axis=0, return_index=True)
        all_links = all_links[keep]
        origin = np.array(["rule", "manual", "import"], dtype=object)
        now = str(self.now)
        insert_rows(
            conn,
            "customer_tag",
            ["customer_id", "tag_id", "origin", "created_at"],
            zip(
                all_links[:, 0].tolist(),
                all_links[:, 1].tolist(),
                origin[all_links[:, 2]].tolist(),
                (now for _ in range(len(all_links))),
                strict=False,
            ),
        )

    # -- groups ------------------------------------------------------------------------------------
    def write_groups(self, conn) -> None:  # type: ignore[no-untyped-def]
        rng, n = self.rng, self.n
        groups = self.words["groups"]
        g_rows, m_rows, s_rows = [], [], []
        end64 = np.datetime64(self.end, "D")
        buyers = np.flatnonzero(self.c_count > 0) + 1
        pool = buyers if len(buyers) else np.arange(1, n + 1)
        # each group has its own quality, so that the grades spread from S to dead
        quality = [(0.34, 0.24), (0.22, 0.16), (0.12, 0.08), (0.06, 0.04), (0.02, 0.015), (0.004, 0.002)]
        rules = (
            "1. 入群请修改昵称为“姓名-小区”；2. 禁止发广告和链接；3. 每晚22:00关群，次日8:00开群；"
            "4. 违规一次提醒，两次移出。"
        )
        welcome = "欢迎来到小麦烘焙！每天早上8点新品出炉，群内暗号购物享优惠，有问题随时@群主。"
        for gi, (name, goal, function, depth, purpose) in enumerate(groups, start=1):
            size = int(min(len(pool), rng.integers(30, 260) if gi != 1 else 236))
            created = self.end - dt.timedelta(days=int(rng.integers(90, 600)))
            g_rows.append(
                (
                    gi,
                    name,
                    goal,
                    function,
                    depth,
                    purpose,
                    int(self.staff_ids[gi % 3]),
                    str(created),
                    200,
                    rules,
                    welcome,
                    "active",
                )
            )
            members = rng.choice(pool, size=size, replace=False)
            joined = end64 - rng.integers(1, (self.end - created).days + 1, size=size).astype(
                "timedelta64[D]"
            )
            left = rng.random(size) < 0.08
            for c, j, lft in zip(members.tolist(), _fmt_date(joined), left.tolist(), strict=False):
                m_rows.append(
                    (gi, c, j, str(self.end - dt.timedelta(days=int(rng.integers(1, 30)))) if lft else None)
                )
            act, conv = quality[(gi - 1) % len(quality)]
            for d in range(70):
                day = self.end - dt.timedelta(days=d + 1)
                if rng.random() < 0.1:
                    continue  # a day the owner forgot to record
                members_today = max(1, size - d // 7)
                speakers = int(rng.binomial(members_today, min(1.0, act * rng.uniform(0.7, 1.4))))
                visitors = int(rng.binomial(members_today, 0.25))
                buyers_today = (
                    int(rng.binomial(visitors, min(1.0, conv * rng.uniform(0.7, 1.4)))) if visitors else 0
                )
                gmv = int(buyers_today * rng.uniform(40, 120) * 100)
                messages = int(speakers * rng.uniform(2, 9))
                s_rows.append((gi, str(day), members_today, speakers, messages, visitors, buyers_today, gmv))
        insert_rows(
            conn,
            "community_group",
            [
                "id",
                "name",
                "kind_goal",
                "kind_function",
                "depth_target",
                "purpose",
                "owner_staff_id",
                "created_on",
                "capacity",
                "rules_text",
                "welcome_text",
                "status",
            ],
            g_rows,
        )
        insert_rows(conn, "group_membership", ["group_id", "customer_id", "joined_on", "left_on"], m_rows)
        insert_rows(
            conn,
            "group_daily_stat",
            ["group_id", "day", "members", "speakers", "messages", "visitors", "buyers", "gmv_cents"],
            s_rows,
        )

    # -- activities, coupons, content ---------------------------------------------------------------
    def write_plays(self, conn) -> None:  # type: ignore[no-untyped-def]
        insert_rows(
            conn,
            "activity",
            ["id", "key", "name", "rules_text", "params", "rhythm"],
            [
                (i, p.key, p.name, p.rules_text, json.dumps(p.params, ensure_ascii=False), p.rhythm)
                for i, p in enumerate(BUILTIN_PLAYS, start=1)
            ],
        )

    def write_coupons(self, conn) -> int:  # type: ignore[no-untyped-def]
        rng, n = self.rng, self.n
        alphabet = np.array(list(ALPHABET))
        c_rows, coupon_rows, control_rows, order_updates = [], [], [], []
        coupon_id = 0
        used_codes: set[str] = set()
        base = self.start64.astype("datetime64[s]")
        for ci, camp in enumerate(self.words["campaigns"], start=1):
            valid_days = camp["valid_days"]
            c_rows.append(
                (
                    ci,
                    camp["name"],
                    camp["kind"],
                    camp.get("value", 0) * 100,
                    camp.get("threshold", 0) * 100,
                    camp.get("rate"),
                    camp.get("cap", 0) * 100 or None,
                    camp.get("gift_cost", 0) * 100 or None,
                    valid_days,
                    max(1, n // 8),
                    1,
                    camp["claim"],
                    camp.get("control", 0),
                    self.seed * 100 + ci if camp.get("control") else None,
                    "active",
                )
            )
            k = max(1, min(n, n // 20))
            # campaigns go mostly to people who buy (a segment), some to prospects
            weight = 1.0 + np.minimum(self.c_count, 20)
            chosen = rng.choice(n, size=k, replace=False, p=weight / weight.sum())
            control = np.zeros(k, dtype=bool)
            if camp.get("control"):
                control = rng.random(k) < camp["control"] / 1000
                control_rows += [(ci, int(c) + 1) for c in chosen[control]]
            for c in chosen[~control].tolist():
                issued_day = int(rng.integers(max(0, self.days - 120), self.days))
                issued = base + np.timedelta64(issued_day * 86400 + 10 * 3600, "s")
                code = ""
                while not code or code in used_codes:
                    body = "".join(alphabet[rng.integers(0, len(alphabet), size=8)])
                    code = body + check_char(body)
                used_codes.add(code)
                coupon_id += 1
                valid_until = np.datetime64(issued, "D") + np.timedelta64(valid_days, "D")
                redeemed, order_id, discount = None, None, None
                if rng.random() < 0.6:
                    # redeemed with one of the customer's orders inside the validity window
                    lo = np.searchsorted(self.o_secs, issued_day * 86400 + 10 * 3600)
                    hi = np.searchsorted(self.o_secs, (issued_day + valid_days + 1) * 86400)
                    window = np.flatnonzero((self.o_cust[lo:hi] == c) & (self.o_cents[lo:hi] > 0))
                    if len(window):
                        oi = int(lo) + int(window[0])
                        amount = int(self.o_cents[oi])
                        discount = _discount(camp, amount)
                        if discount is not None:
                            order_id = oi + 1
                            redeemed = str(base + np.timedelta64(int(self.o_secs[oi]), "s")).replace("T", " ")
                            order_updates.append((coupon_id, order_id))
                coupon_rows.append(
                    (
                        coupon_id,
                        ci,
                        c + 1,
                        code,
                        str(issued).replace("T", " "),
                        "segment",
                        str(valid_until),
                        redeemed,
                        order_id,
                        discount,
                    )
                )
        insert_rows(
            conn,
            "coupon_campaign",
            [
                "id",
                "name",
                "kind",
                "value_cents",
                "threshold_cents",
                "rate_permille",
                "cap_cents",
                "gift_cost_cents",
                "valid_days",
                "quantity",
                "per_customer_limit",
                "claim_condition",
                "control_share_permille",
                "control_seed",
                "status",
            ],
            c_rows,
        )
        insert_rows(
            conn,
            "coupon",
            [
                "id",
                "campaign_id",
                "customer_id",
                "code",
                "issued_at",
                "issued_via",
                "valid_until",
                "redeemed_at",
                "order_id",
                "discount_cents",
            ],
            coupon_rows,
        )
        insert_rows(conn, "coupon_control", ["campaign_id", "customer_id"], control_rows)
        if order_updates:
            from sqlalchemy import text

            self.sa.execute(text("UPDATE orders SET coupon_id = :c WHERE id = :o"),
                            [{"c": c, "o": o} for c, o in order_updates])  # fmt: skip
        return len(coupon_rows)

    def write_content(self, conn) -> int:  # type: ignore[no-untyped-def]
        rng = self.rng
        today = self.end + dt.timedelta(days=1)
        monday = today - dt.timedelta(days=today.weekday())
        rows = []
        plays = {p.key: i for i, p in enumerate(BUILTIN_PLAYS, start=1)}
        group_items = self.words["content"]["group"]
        for i, (category, title) in enumerate(group_items):
            day = monday + dt.timedelta(days=i % 7)
            at = dt.datetime.combine(day, dt.time(9 + 2 * (i // 7) + (i % 3) * 3, 0))
            activity = plays["quiz"] if "答题" in title else plays["relay"] if "接龙" in title else None
            rows.append(
                self._content_row(at, "group", category, title, {"groups": [1 + i % 4]}, activity, rng)
            )
        for d in range(7):
            day = monday + dt.timedelta(days=d)
            for j, (category, title) in enumerate(self.words["content"]["moments"]):
                at = dt.datetime.combine(day, dt.time(8 + 5 * j, 30))
                rows.append(self._content_row(at, "moments", category, title, {}, None, rng))
        insert_rows(
            conn,
            "content_item",
            [
                "scheduled_at",
                "channel",
                "category",
                "title",
                "body",
                "images",
                "targets",
                "activity_id",
                "status",
                "reach",
                "replies",
                "created_at",
            ],
            rows,
        )
        return len(rows)

    def _content_row(self, at, channel, category, title, targets, activity, rng):  # type: ignore[no-untyped-def]
        past = at < self.now
        status = ("done" if rng.random() < 0.85 else "skipped") if past else "planned"
        reach = int(rng.integers(80, 400)) if status == "done" else None
        replies = int(reach * rng.uniform(0.02, 0.2)) if reach else None
        return (
            str(at),
            channel,
            category,
            title,
            title,
            "[]",
            json.dumps(targets),
            activity,
            status,
            reach,
            replies,
            str(self.now),
        )


def _hour_weights() -> np.ndarray:
    w = np.array([3, 8, 7, 5, 4, 6, 5, 4, 5, 7, 8, 9, 7, 5, 3], dtype=float)  # 7:00 - 21:00
    return w / w.sum()


def _discount(camp: dict, amount_cents: int) -> int | None:
    """The discount the coupon service gives (one formula for the demo and the till)."""
    from app.services.coupons import Campaign, discount_for

    campaign = Campaign(None, camp["name"], camp["kind"], value_cents=camp.get("value", 0) * 100,
                        threshold_cents=camp.get("threshold", 0) * 100, rate_permille=camp.get("rate"),
                        cap_cents=(camp.get("cap") or 0) * 100 or None, gift_cost_cents=camp.get("gift_cost", 0) * 100)  # fmt: skip
    return discount_for(campaign, amount_cents)
