"""Coupons (优惠券): campaigns, issuing within limits (with an optional control group), redemption at the
till with undo, and what each campaign earned.

Definitions (PRODUCT.md "Metric definitions", DOMAIN.md "Coupons"):

- kinds: ``threshold`` 满减 (value off when the order reaches the threshold), ``discount`` 折扣 (a rate such as
  900 per mille = 9折, with an optional cap), ``no_threshold`` 无门槛 (a fixed value, never more than the
  order) and ``gift`` 赠品 (a gift; its cost to the shop is the discount);
- a coupon is valid from its campaign's first day (or its issue) to the end of its last day: a fixed date,
  or N days after the issue day;
- issued; redeemed; redemption rate = redeemed / issued; GMV = the amounts of the orders that redeemed the
  campaign's coupons; cost = the discounts given; ROI = GMV / cost;
- with a control group: incremental buyers = (share of treated customers who bought in the validity window
  − the same share of the control group) × treated customers; incremental GMV likewise with GMV per customer.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from app.i18n_markers import QT_TRANSLATE_NOOP, UserError
from app.services import codes
from app.services.database import Database

KINDS = ("threshold", "discount", "no_threshold", "gift")
KIND_LABELS = {
    "threshold": QT_TRANSLATE_NOOP("Coupons", "Amount off above a threshold"),
    "discount": QT_TRANSLATE_NOOP("Coupons", "Percentage off"),
    "no_threshold": QT_TRANSLATE_NOOP("Coupons", "Amount off, no threshold"),
    "gift": QT_TRANSLATE_NOOP("Coupons", "Gift"),
}
STATUSES = ("draft", "active", "ended")
VIA = ("selection", "segment", "group", "tag", "import", "walk-in")
CODE_LENGTH = 8  # plus the check character: 31**8 ≈ 8.5e11 codes


class CouponError(UserError):
    pass


@dataclass
class Campaign:
    id: int | None
    name: str
    kind: str
    value_cents: int = 0
    threshold_cents: int = 0
    rate_permille: int | None = None
    cap_cents: int | None = None
    gift_cost_cents: int | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    valid_days: int | None = None
    quantity: int | None = None
    per_customer_limit: int = 1
    claim_condition: str | None = None
    control_share_permille: int = 0
    control_seed: int | None = None
    group_id: int | None = None
    content_item_id: int | None = None
    activity_id: int | None = None
    status: str = "draft"
    version: int = 1

    def check(self) -> None:
        if not self.name.strip():
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "A campaign needs a name."))
        if self.kind not in KINDS:
            raise ValueError(self.kind)
        if self.kind in ("threshold", "no_threshold") and self.value_cents <= 0:
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "The coupon's value must be more than 0."))
        if self.kind == "threshold" and self.threshold_cents < self.value_cents:
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "The threshold must be at least the value off."))
        if self.kind == "discount" and not (self.rate_permille and 0 < self.rate_permille < 1000):
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "A percentage-off coupon needs a rate such as 9折 (0.9)."))
        if self.kind == "gift" and (self.gift_cost_cents is None or self.gift_cost_cents < 0):
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "A gift coupon needs the gift's cost to the shop."))
        if self.valid_to is None and not self.valid_days:
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "Give the coupons a last day or a number of days."))
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "The last day comes before the first day."))
        if self.per_customer_limit < 1:
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "Each customer may get at least one coupon."))
        if self.quantity is not None and self.quantity < 1:
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "The quantity must be at least 1."))
        if not 0 <= self.control_share_permille < 1000:
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "The control group is a share below 100 %."))
        if self.status not in STATUSES:
            raise ValueError(self.status)

    def valid_until(self, issued: dt.date) -> dt.date:
        """The last day a coupon issued on ``issued`` can be redeemed (all of that day)."""
        by_days = issued + dt.timedelta(days=self.valid_days) if self.valid_days else None
        if self.valid_to and by_days:
            return min(self.valid_to, by_days)
        return self.valid_to or by_days  # type: ignore[return-value]


def discount_for(campaign: Campaign, amount_cents: int) -> int | None:
    """The discount on an order of ``amount_cents`` (None: the order does not qualify)."""
    if amount_cents <= 0:
        return None
    if campaign.kind == "threshold":
        return campaign.value_cents if amount_cents >= campaign.threshold_cents else None
    if campaign.kind == "no_threshold":
        return min(campaign.value_cents, amount_cents)
    if campaign.kind == "discount":
        if amount_cents < campaign.threshold_cents:
            return None
        paid = (amount_cents * int(campaign.rate_permille or 1000) + 500) // 1000  # the payable, to the cent
        off = amount_cents - paid
        return min(off, campaign.cap_cents) if campaign.cap_cents else off
    if amount_cents < campaign.threshold_cents:
        return None
    return int(campaign.gift_cost_cents or 0)


def _mix(seed: int, ids: np.ndarray) -> np.ndarray:
    """A uniform number in [0, 1) per id, fixed by (seed, id) alone (splitmix64): the same customers are held
    back for a campaign whatever order, or however many batches, they are issued in."""
    with np.errstate(over="ignore"):
        z = (ids.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)) ^ np.uint64(seed & 0xFFFFFFFFFFFFFFFF)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) / float(1 << 53)


def in_control(seed: int, share_permille: int, customer_ids: np.ndarray) -> np.ndarray:
    return _mix(seed, np.asarray(customer_ids, dtype=np.int64)) < share_permille / 1000


@dataclass
class IssuePreview:
    """What ``issue`` would do: who receives a coupon, and why the others do not."""

    asked: int
    receive: list[int]
    held_back: list[int] = field(default_factory=list)  # the control group
    at_limit: int = 0  # already hold as many coupons of the campaign as allowed
    over_quantity: int = 0  # the campaign's quantity ran out
    not_customers: int = 0  # deleted or unknown


@dataclass
class CampaignResult:
    campaign_id: int
    name: str
    kind: str
    status: str
    issued: int
    redeemed: int
    gmv_cents: int
    cost_cents: int
    control: int = 0
    incremental_buyers: float | None = None
    incremental_gmv_cents: float | None = None

    @property
    def redemption_rate(self) -> float | None:
        return self.redeemed / self.issued if self.issued else None

    @property
    def roi(self) -> float | None:
        return self.gmv_cents / self.cost_cents if self.cost_cents else None


@dataclass
class CouponInfo:
    id: int
    code: str
    campaign: Campaign
    customer_id: int | None
    customer_name: str | None
    phone: str | None
    issued_at: dt.datetime
    valid_until: dt.date | None
    redeemed_at: dt.datetime | None
    order_id: int | None
    discount_cents: int | None


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _datetime(value: Any) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value)[:19])


_CAMPAIGN_COLUMNS = ("id", "name", "kind", "value_cents", "threshold_cents", "rate_permille", "cap_cents",
                     "gift_cost_cents", "valid_from", "valid_to", "valid_days", "quantity", "per_customer_limit",
                     "claim_condition", "control_share_permille", "control_seed", "group_id", "content_item_id",
                     "activity_id", "status", "version")  # fmt: skip


def _campaign(row: Any) -> Campaign:
    values = dict(zip(_CAMPAIGN_COLUMNS, row, strict=True))
    values["valid_from"] = _date(values["valid_from"])
    values["valid_to"] = _date(values["valid_to"])
    return Campaign(**values)


class CouponService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- campaigns ----------------------------------------------------------------------------------------
    def campaigns(self) -> list[Campaign]:
        from sqlalchemy import text

        with self._db.engine.connect() as conn:
            rows = conn.execute(text(f"SELECT {', '.join(_CAMPAIGN_COLUMNS)} FROM coupon_campaign ORDER BY id DESC")).all()
        return [_campaign(r) for r in rows]

    def campaign(self, campaign_id: int) -> Campaign:
        from sqlalchemy import text

        with self._db.engine.connect() as conn:
            row = conn.execute(text(f"SELECT {', '.join(_CAMPAIGN_COLUMNS)} FROM coupon_campaign WHERE id = :i"),
                               {"i": campaign_id}).first()  # fmt: skip
        if row is None:
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "This campaign no longer exists."))
        return _campaign(row)

    def save(self, campaign: Campaign) -> int:
        """Create a campaign (``id`` None) or update one (refused when someone else changed it meanwhile)."""
        from sqlalchemy import text

        campaign.name = campaign.name.strip()
        campaign.check()
        if campaign.control_share_permille and campaign.control_seed is None:
            campaign.control_seed = secrets.randbits(31)  # recorded: the control group can be drawn again
        values = {k: getattr(campaign, k) for k in _CAMPAIGN_COLUMNS if k not in ("id", "version")}
        with self._db.engine.begin() as conn:
            if campaign.id is None:
                cols = ", ".join(values)
                marks = ", ".join(f":{k}" for k in values)
                return int(conn.execute(text(f"INSERT INTO coupon_campaign ({cols}) VALUES ({marks}) RETURNING id"),
                                        values).scalar_one())  # fmt: skip
            sets = ", ".join(f"{k} = :{k}" for k in values)
            done = conn.execute(text(f"UPDATE coupon_campaign SET {sets}, version = version + 1 "
                                     "WHERE id = :id AND version = :version"),
                                {**values, "id": campaign.id, "version": campaign.version}).rowcount  # fmt: skip
            if not done:
                raise CouponError(QT_TRANSLATE_NOOP(
                    "Errors", "Someone else changed this campaign since you opened it. Reload it, then save again."))  # fmt: skip
            return int(campaign.id)

    # -- issuing ----------------------------------------------------------------------------------------------
    def preview_issue(self, campaign_id: int, customer_ids: Any) -> IssuePreview:
        """Who would receive a coupon: live customers below the per-customer limit, while the quantity lasts,
        less the control group (held back, recorded, never given one)."""
        from sqlalchemy import text

        campaign = self.campaign(campaign_id)
        asked = np.unique(np.asarray(list(customer_ids), dtype=np.int64))
        with self._db.engine.connect() as conn:
            live = np.fromiter((r[0] for r in conn.execute(text("SELECT id FROM customer WHERE deleted_at IS NULL"))),
                               dtype=np.int64)  # fmt: skip
            held = {
                int(r[0])
                for r in conn.execute(text("SELECT customer_id FROM coupon_control WHERE campaign_id = :c"), {"c": campaign_id})
            }  # fmt: skip
            have = dict(conn.execute(text("SELECT customer_id, count(*) FROM coupon WHERE campaign_id = :c "
                                          "AND customer_id IS NOT NULL GROUP BY customer_id"), {"c": campaign_id}).all())  # fmt: skip
            issued = int(conn.execute(text("SELECT count(*) FROM coupon WHERE campaign_id = :c"), {"c": campaign_id}).scalar())
        known = asked[np.isin(asked, live)]
        preview = IssuePreview(len(asked), [], not_customers=int(len(asked) - len(known)))
        counts = np.array([have.get(int(c), 0) for c in known], dtype=np.int64)
        below = known[counts < campaign.per_customer_limit]
        preview.at_limit = int(len(known) - len(below))
        already_held = np.isin(below, np.fromiter(held, dtype=np.int64, count=len(held)))
        candidates = below[~already_held]
        if campaign.control_share_permille and campaign.control_seed is not None:
            fresh = np.array([have.get(int(c), 0) == 0 for c in candidates], dtype=bool)
            control = in_control(campaign.control_seed, campaign.control_share_permille, candidates) & fresh
            preview.held_back = [int(c) for c in candidates[control]]
            candidates = candidates[~control]
        room = None if campaign.quantity is None else max(0, campaign.quantity - issued)
        if room is not None and len(candidates) > room:
            preview.over_quantity = int(len(candidates) - room)
            candidates = candidates[:room]
        preview.receive = [int(c) for c in candidates]
        preview.at_limit += int(already_held.sum())  # held back earlier: never given one
        return preview

    def issue(self, campaign_id: int, customer_ids: Any, via: str = "selection", ref: str | None = None,
              now: dt.datetime | None = None) -> IssuePreview:  # fmt: skip
        """Give each customer of the preview one coupon (and record the control group), in one transaction."""
        from sqlalchemy import text

        from app.services.bulk import insert_rows

        if via not in VIA:
            raise ValueError(via)
        campaign = self.campaign(campaign_id)
        if campaign.status == "ended":
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "This campaign has ended: no more coupons can be issued."))
        preview = self.preview_issue(campaign_id, customer_ids)
        now = (now or dt.datetime.now()).replace(microsecond=0)
        until = campaign.valid_until(now.date())
        with self._db.engine.begin() as conn:
            new_codes = self._new_codes(conn, len(preview.receive))
            dbapi = conn.connection.dbapi_connection
            insert_rows(dbapi, "coupon", ["campaign_id", "customer_id", "code", "issued_at", "issued_via", "issued_ref",
                                          "valid_until"],
                        [(campaign_id, c, code, now, via, ref, until) for c, code in zip(preview.receive, new_codes, strict=True)])  # fmt: skip
            if preview.held_back:
                insert_rows(dbapi, "coupon_control", ["campaign_id", "customer_id", "held_at"],
                            [(campaign_id, c, now) for c in preview.held_back])  # fmt: skip
            if campaign.status == "draft":
                conn.execute(text("UPDATE coupon_campaign SET status = 'active' WHERE id = :i"), {"i": campaign_id})
        return preview

    def issue_walk_in(self, campaign_id: int, count: int, now: dt.datetime | None = None) -> list[str]:
        """Coupons for nobody yet (printed cards handed out at the counter): their codes."""
        from app.services.bulk import insert_rows

        campaign = self.campaign(campaign_id)
        if count < 1:
            return []
        now = (now or dt.datetime.now()).replace(microsecond=0)
        with self._db.engine.begin() as conn:
            from sqlalchemy import text

            issued = int(conn.execute(text("SELECT count(*) FROM coupon WHERE campaign_id = :c"), {"c": campaign_id}).scalar())
            if campaign.quantity is not None and issued + count > campaign.quantity:
                raise CouponError(QT_TRANSLATE_NOOP("Errors", "Only {left} coupons of this campaign are left."),
                                  left=max(0, campaign.quantity - issued))  # fmt: skip
            made = self._new_codes(conn, count)
            insert_rows(conn.connection.dbapi_connection, "coupon",
                        ["campaign_id", "code", "issued_at", "issued_via", "valid_until"],
                        [(campaign_id, code, now, "walk-in", campaign.valid_until(now.date())) for code in made])  # fmt: skip
        return made

    def _new_codes(self, conn: Any, count: int) -> list[str]:
        """``count`` codes no coupon has yet: random bodies with their check character, from the system's
        secure random source; the rare clash with an existing code is drawn again."""
        from sqlalchemy import bindparam, text

        alphabet = np.array(list(codes.ALPHABET))
        out: list[str] = []
        rng = np.random.default_rng(secrets.randbits(128))
        while len(out) < count:
            need = count - len(out)
            bodies = ["".join(row) for row in alphabet[rng.integers(0, len(alphabet), size=(need, CODE_LENGTH))].tolist()]
            fresh = list(dict.fromkeys(b + codes.check_char(b) for b in bodies))
            fresh = [c for c in fresh if c not in set(out)]
            taken: set[str] = set()
            for start in range(0, len(fresh), 20000):
                part = fresh[start : start + 20000]
                taken |= {r[0] for r in conn.execute(text("SELECT code FROM coupon WHERE code IN :codes").bindparams(
                    bindparam("codes", expanding=True)), {"codes": part})}  # fmt: skip
            out += [c for c in fresh if c not in taken]
        return out[:count]

    # -- the till ---------------------------------------------------------------------------------------------
    def lookup(self, code: str) -> CouponInfo:
        """The coupon behind a typed or scanned code; a mistyped code is refused before any lookup."""
        from sqlalchemy import text

        typed = codes.normalise(code)
        if not typed:
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "Type or scan a coupon code."))
        ours = len(typed) == CODE_LENGTH + 1 and all(ch in codes.ALPHABET for ch in typed)
        if ours and not codes.is_valid(typed):  # one of Siyu's codes, mistyped: caught before any lookup
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "{code} is not a coupon code: a character is mistyped."),
                              code=typed)  # fmt: skip
        with self._db.engine.connect() as conn:
            row = conn.execute(text(
                "SELECT cp.id, cp.code, cp.campaign_id, cp.customer_id, c.name, c.phone, cp.issued_at, cp.valid_until, "
                "cp.redeemed_at, cp.order_id, cp.discount_cents FROM coupon cp LEFT JOIN customer c ON c.id = cp.customer_id "
                "WHERE cp.code = :code"), {"code": typed}).first()  # fmt: skip
        if row is None:
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "No coupon has the code {code}."), code=typed)
        return CouponInfo(int(row[0]), row[1], self.campaign(int(row[2])), row[3], row[4], row[5], _datetime(row[6]),  # type: ignore[arg-type]
                          _date(row[7]), _datetime(row[8]), row[9], row[10])  # fmt: skip

    def check_redeemable(self, info: CouponInfo, amount_cents: int, at: dt.datetime) -> int:
        """The discount, or ``CouponError`` saying why this coupon cannot be used on this order now."""
        c = info.campaign
        if info.redeemed_at is not None:
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "This coupon was already used on {when}."),
                              when=info.redeemed_at.strftime("%Y-%m-%d %H:%M"))  # fmt: skip
        if c.status == "draft":
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "This coupon's campaign has not started."))
        day = at.date()
        if c.valid_from and day < c.valid_from:
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "This coupon is valid from {day}."), day=c.valid_from.isoformat())
        if info.valid_until and day > info.valid_until:
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "This coupon expired on {day}."), day=info.valid_until.isoformat())
        discount = discount_for(c, amount_cents)
        if discount is None:
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "The order must reach ¥{threshold} for this coupon."),
                              threshold=f"{c.threshold_cents / 100:,.2f}")  # fmt: skip
        return discount

    def redeem(self, code: str, amount_cents: int, order_no: str | None = None, at: dt.datetime | None = None,
               customer_id: int | None = None) -> CouponInfo:  # fmt: skip
        """Use the coupon on an order of ``amount_cents`` (recorded as an order from the till), in one
        transaction; a second redemption of the same coupon is refused, also when two tills race."""
        from sqlalchemy import text

        from app.services.customer_stats import refresh_customer_stats

        at = (at or dt.datetime.now()).replace(microsecond=0)
        info = self.lookup(code)
        discount = self.check_redeemable(info, amount_cents, at)
        owner = info.customer_id or customer_id
        if owner is None:
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "This coupon belongs to nobody yet: choose the customer."))
        number = (order_no or "").strip() or f"TILL-{info.code}"
        with self._db.engine.begin() as conn:
            claimed = conn.execute(text(
                "UPDATE coupon SET redeemed_at = :at, discount_cents = :d, customer_id = :c "
                "WHERE id = :i AND redeemed_at IS NULL"), {"at": at, "d": discount, "c": owner, "i": info.id}).rowcount  # fmt: skip
            if not claimed:
                raise CouponError(QT_TRANSLATE_NOOP("Errors", "This coupon was just used at another till."))
            clash = conn.execute(text("SELECT id FROM orders WHERE source = 'till' AND external_no = :n"), {"n": number}).first()
            if clash is not None:
                raise CouponError(QT_TRANSLATE_NOOP("Errors", "Order number {number} is already recorded."), number=number)
            order_id = conn.execute(text(
                "INSERT INTO orders (customer_id, ordered_at, amount_cents, channel, source, external_no, coupon_id) "
                "VALUES (:c, :at, :a, :ch, 'till', :n, :cp) RETURNING id"),
                {"c": owner, "at": at, "a": amount_cents, "ch": "门店", "n": number, "cp": info.id}).scalar_one()  # fmt: skip
            conn.execute(text("UPDATE coupon SET order_id = :o WHERE id = :i"), {"o": order_id, "i": info.id})
            refresh_customer_stats(conn, [owner])
        return self.lookup(info.code)

    def undo_redemption(self, code: str) -> None:
        """Take a redemption back: the coupon is unused again and the till's order is removed."""
        from sqlalchemy import text

        from app.services.customer_stats import refresh_customer_stats

        info = self.lookup(code)
        if info.redeemed_at is None:
            return
        with self._db.engine.begin() as conn:
            if info.order_id is not None:
                conn.execute(text("DELETE FROM orders WHERE id = :o AND source = 'till'"), {"o": info.order_id})
                conn.execute(text("UPDATE orders SET coupon_id = NULL WHERE id = :o"), {"o": info.order_id})
            conn.execute(text("UPDATE coupon SET redeemed_at = NULL, order_id = NULL, discount_cents = NULL WHERE id = :i"),
                         {"i": info.id})  # fmt: skip
            if info.customer_id is not None:
                refresh_customer_stats(conn, [info.customer_id])

    # -- results ----------------------------------------------------------------------------------------------
    def results(self) -> list[CampaignResult]:
        """Every campaign's figures in three grouped queries (no pass per campaign)."""
        from sqlalchemy import text

        with self._db.engine.connect() as conn:
            camps = conn.execute(text("SELECT id, name, kind, status FROM coupon_campaign ORDER BY id DESC")).all()
            # issued from the (campaign, customer) index alone; redeemed through the partial index (0006)
            issued = dict(conn.execute(text("SELECT campaign_id, count(*) FROM coupon GROUP BY campaign_id")).all())
            redeemed = {r[0]: r[1:] for r in conn.execute(text(
                "SELECT cp.campaign_id, count(*), coalesce(sum(cp.discount_cents), 0), coalesce(sum(o.amount_cents), 0) "
                "FROM coupon cp LEFT JOIN orders o ON o.id = cp.order_id WHERE cp.redeemed_at IS NOT NULL "
                "GROUP BY cp.campaign_id"))}  # fmt: skip
            controls = dict(conn.execute(text("SELECT campaign_id, count(*) FROM coupon_control GROUP BY campaign_id")).all())
        out = []
        for cid, name, kind, status in camps:
            used, cost, gmv = redeemed.get(cid, (0, 0, 0))
            out.append(CampaignResult(int(cid), name, kind, status, int(issued.get(cid, 0)), int(used), int(gmv),
                                      int(cost), int(controls.get(cid, 0))))  # fmt: skip
        return out

    def lift(self, campaign_id: int) -> CampaignResult:
        """One campaign's figures with the control group's comparison over the validity window: customers who
        bought (any order) from the first issue to the last valid day, treated against held back."""
        from sqlalchemy import text

        result = next((r for r in self.results() if r.campaign_id == campaign_id), None)
        if result is None:
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "This campaign no longer exists."))
        with self._db.engine.connect() as conn:
            window = conn.execute(text("SELECT min(issued_at), max(valid_until) FROM coupon WHERE campaign_id = :c"),
                                  {"c": campaign_id}).first()  # fmt: skip
            if result.control == 0 or window is None or window[0] is None:
                return result
            first = _datetime(window[0])
            last = _date(window[1]) or dt.date.today()
            params = {"c": campaign_id, "a": first, "b": dt.datetime.combine(last + dt.timedelta(days=1), dt.time())}
            treated = conn.execute(text(
                "SELECT count(DISTINCT t.customer_id), count(DISTINCT o.customer_id), coalesce(sum(o.amount_cents), 0) "
                "FROM (SELECT DISTINCT customer_id FROM coupon WHERE campaign_id = :c AND customer_id IS NOT NULL) t "
                "LEFT JOIN orders o ON o.customer_id = t.customer_id AND o.ordered_at >= :a AND o.ordered_at < :b "
                "AND o.amount_cents > 0"), params).first()  # fmt: skip
            control = conn.execute(text(
                "SELECT count(DISTINCT k.customer_id), count(DISTINCT o.customer_id), coalesce(sum(o.amount_cents), 0) "
                "FROM coupon_control k LEFT JOIN orders o ON o.customer_id = k.customer_id AND o.ordered_at >= :a "
                "AND o.ordered_at < :b AND o.amount_cents > 0 WHERE k.campaign_id = :c"), params).first()  # fmt: skip
        n_t, buyers_t, gmv_t = (int(v or 0) for v in treated)  # type: ignore[union-attr]
        n_c, buyers_c, gmv_c = (int(v or 0) for v in control)  # type: ignore[union-attr]
        if n_t and n_c:
            result.incremental_buyers = (buyers_t / n_t - buyers_c / n_c) * n_t
            result.incremental_gmv_cents = (gmv_t / n_t - gmv_c / n_c) * n_t
        return result

    def link_choices(self) -> dict[str, list[tuple[int, str]]]:
        """What a campaign can be linked to: content items (newest first) and the activity library's plays."""
        from sqlalchemy import text

        with self._db.engine.connect() as conn:
            contents = [(int(r[0]), f"{str(r[1])[:10]} {r[2]}") for r in conn.execute(text(
                "SELECT id, scheduled_at, title FROM content_item ORDER BY scheduled_at DESC LIMIT 500"))]  # fmt: skip
            activities = [(int(r[0]), r[1]) for r in conn.execute(text("SELECT id, name FROM activity ORDER BY id"))]
        return {"content": contents, "activity": activities}

    def breakdown(self, campaign_id: int) -> dict[str, list[tuple[str, int, int, int]]]:
        """(label, issued, redeemed, GMV cents) by the holder's staff member, by what the coupons were issued
        through (a segment, a group, a tag, a selection) and by the campaign's linked content item."""
        from sqlalchemy import text

        sql = ("SELECT {label}, count(*), count(cp.redeemed_at), coalesce(sum(o.amount_cents), 0) FROM coupon cp "
               "LEFT JOIN orders o ON o.id = cp.order_id LEFT JOIN customer c ON c.id = cp.customer_id "
               "LEFT JOIN staff s ON s.id = c.owner_staff_id {join} WHERE cp.campaign_id = :c GROUP BY {label} "
               "ORDER BY count(*) DESC")  # fmt: skip
        with self._db.engine.connect() as conn:
            staff = conn.execute(text(sql.format(label="s.name", join="")), {"c": campaign_id}).all()
            via = conn.execute(text(sql.format(label="cp.issued_via || ':' || coalesce(cp.issued_ref, '')", join="")),
                               {"c": campaign_id}).all()  # fmt: skip
            content = conn.execute(text(sql.format(
                label="ci.title", join="JOIN coupon_campaign cc ON cc.id = cp.campaign_id "
                                       "LEFT JOIN content_item ci ON ci.id = cc.content_item_id")), {"c": campaign_id}).all()  # fmt: skip
        def rows(found: Any) -> list[tuple[str, int, int, int]]:
            return [(r[0] or "", int(r[1]), int(r[2]), int(r[3])) for r in found]

        return {"staff": rows(staff), "via": rows(via), "content": rows(content)}

    def daily_redemptions(self, campaign_id: int) -> list[tuple[dt.date, int, int]]:
        """(day, coupons redeemed, GMV cents of their orders) for each day with a redemption."""
        from sqlalchemy import text

        day = "substr(CAST(cp.redeemed_at AS TEXT), 1, 10)" if self._db.location.is_sqlite else "CAST(cp.redeemed_at AS date)"
        with self._db.engine.connect() as conn:
            rows = conn.execute(text(
                f"SELECT {day}, count(*), coalesce(sum(o.amount_cents), 0) FROM coupon cp LEFT JOIN orders o "
                f"ON o.id = cp.order_id WHERE cp.campaign_id = :c AND cp.redeemed_at IS NOT NULL GROUP BY {day} ORDER BY 1"),
                {"c": campaign_id}).all()  # fmt: skip
        return [(_date(r[0]), int(r[1]), int(r[2])) for r in rows]  # type: ignore[misc]

    def coupons(self, campaign_id: int, search: str = "", limit: int = 500) -> list[CouponInfo]:
        """A campaign's coupons, newest first; ``search`` matches a code or a phone number."""
        from sqlalchemy import text

        campaign = self.campaign(campaign_id)
        where = ""
        params: dict[str, Any] = {"c": campaign_id, "n": limit}
        if search.strip():
            where = " AND (cp.code LIKE :q OR c.phone LIKE :q)"
            params["q"] = f"%{codes.normalise(search) if not search.strip().isdigit() else search.strip()}%"
        with self._db.engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT cp.id, cp.code, cp.customer_id, c.name, c.phone, cp.issued_at, cp.valid_until, cp.redeemed_at, "
                "cp.order_id, cp.discount_cents FROM coupon cp LEFT JOIN customer c ON c.id = cp.customer_id "
                f"WHERE cp.campaign_id = :c{where} ORDER BY cp.id DESC LIMIT :n"), params).all()  # fmt: skip
        return [CouponInfo(int(r[0]), r[1], campaign, r[2], r[3], r[4], _datetime(r[5]), _date(r[6]),  # type: ignore[arg-type]
                           _datetime(r[7]), r[8], r[9]) for r in rows]  # fmt: skip

    def expiring(self, within_days: int = 3, today: dt.date | None = None) -> list[CouponInfo]:
        """Unused coupons whose last day is within ``within_days`` days, with who holds them."""
        from sqlalchemy import text

        today = today or dt.date.today()
        with self._db.engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT cp.id, cp.code, cp.campaign_id, cp.customer_id, c.name, c.phone, cp.issued_at, cp.valid_until "
                "FROM coupon cp LEFT JOIN customer c ON c.id = cp.customer_id WHERE cp.redeemed_at IS NULL "
                "AND cp.valid_until >= :a AND cp.valid_until <= :b ORDER BY cp.valid_until, cp.id"),
                {"a": today, "b": today + dt.timedelta(days=within_days)}).all()  # fmt: skip
        campaigns = {c.id: c for c in self.campaigns()}
        return [CouponInfo(int(r[0]), r[1], campaigns[int(r[2])], r[3], r[4], r[5], _datetime(r[6]), _date(r[7]),  # type: ignore[arg-type]
                           None, None, None) for r in rows]  # fmt: skip
