"""``siyu export campaigns`` and ``siyu export coupons``."""

from __future__ import annotations

from pathlib import Path

from app.i18n_markers import QT_TRANSLATE_NOOP
from app.services.coupons import CouponError, CouponService
from app.services.database import Database
from app.services.export import Column, write_table
from app.services.normalise import mask_phone


def export_campaigns(db: Database, path: Path | str) -> int:
    """One row per campaign: ``campaign, kind, issued, redeemed, redemption_rate, gmv, cost, roi`` (rates and
    ROI empty when there is nothing to divide by)."""
    results = CouponService(db).results()
    columns = [Column("campaign", "text", 22), Column("kind", "text", 14), Column("issued", "int", 10),
               Column("redeemed", "int", 10), Column("redemption_rate", "number", 16), Column("gmv", "money", 12),
               Column("cost", "money", 12), Column("roi", "number", 10)]  # fmt: skip
    rows = ([r.name, r.kind, r.issued, r.redeemed,
             None if r.redemption_rate is None else round(r.redemption_rate, 6), r.gmv_cents, r.cost_cents,
             None if r.roi is None else round(r.roi, 4)] for r in results)  # fmt: skip
    return write_table(Path(path), columns, rows, total=len(results), sheet_title="campaigns")


def export_coupons(db: Database, path: Path | str, campaign: str | None = None, mask_phones: bool = False) -> int:
    """Every coupon (of one campaign when ``campaign`` names it): code, campaign, holder, dates, discount."""
    service = CouponService(db)
    campaigns = service.campaigns()
    if campaign is not None:
        campaigns = [c for c in campaigns if c.name == campaign]
        if not campaigns:
            raise CouponError(QT_TRANSLATE_NOOP("Errors", "There is no campaign called {name}."), name=campaign)
    columns = [Column("code", "text", 14), Column("campaign", "text", 20), Column("customer", "text", 12),
               Column("phone", "phone", 14), Column("issued_at", "datetime", 19), Column("valid_until", "date", 12),
               Column("redeemed_at", "datetime", 19), Column("discount", "money", 10)]  # fmt: skip

    def rows():  # type: ignore[no-untyped-def]
        for c in campaigns:
            for cp in service.coupons(int(c.id), limit=10_000_000):  # type: ignore[arg-type]
                yield [cp.code, c.name, cp.customer_name, mask_phone(cp.phone) if mask_phones else cp.phone,
                       cp.issued_at, cp.valid_until, cp.redeemed_at, cp.discount_cents]  # fmt: skip

    return write_table(Path(path), columns, rows(), sheet_title="coupons")
