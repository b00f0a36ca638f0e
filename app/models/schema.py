"""The shop's tables as SQLAlchemy 2 typed declarative models.

Conventions:
- money is stored as integer cents (分) in ``*_cents`` columns: exact, fast to sum, the same on SQLite and
  PostgreSQL;
- rates are stored as integer per-mille (``*_permille``: 900 = 0.9 = 9折) for the same reason;
- enumerations are short English codes (``"fan"``, ``"owner"``); the views translate them into words;
- editable records carry ``version`` so that two computers cannot silently overwrite each other;
- every schema change is an Alembic migration in ``app/migrations/versions``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _now() -> Mapped[dt.datetime]:
    return mapped_column(DateTime, nullable=False, server_default=func.current_timestamp())


# Codes kept in the database; views translate them.
STAFF_ROLES = ("owner", "staff")
STAFF_STATUSES = ("active", "departed")
GENDERS = ("male", "female", "unknown")
LEVELS = ("fan", "customer", "member", "koc")
TAG_ORIGINS = ("import", "manual", "rule")
GROUP_STATUSES = ("active", "dissolved")
COUPON_KINDS = ("threshold", "discount", "no_threshold", "gift")
CAMPAIGN_STATUSES = ("draft", "active", "ended")
ISSUE_CHANNELS = ("segment", "group", "tag", "selection", "import")
CONTENT_CHANNELS = ("group", "moments", "one_on_one", "official_account", "live")
CONTENT_STATUSES = ("planned", "done", "skipped")


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16), default="staff", server_default="staff")
    status: Mapped[str] = mapped_column(String(16), default="active", server_default="active")
    departed_at: Mapped[dt.date | None] = mapped_column(Date)
    # On a shared PostgreSQL shop: the login role this member signs in with (row-level security keys on it).
    login: Mapped[str | None] = mapped_column(String(63), unique=True)
    created_at: Mapped[dt.datetime] = _now()
    version: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))


class Customer(Base):
    __tablename__ = "customer"
    __table_args__ = (
        # the recycle bin's few rows only: an index over every live customer's NULL would tempt SQLite's
        # planner away from the index a query needs (migration 0007)
        Index("ix_customer_deleted_at", "deleted_at", sqlite_where=text("deleted_at IS NOT NULL"),
              postgresql_where=text("deleted_at IS NOT NULL")),
        # the customers with a follow-up date, a referrer, an order: every query asks for a date or a referrer,
        # and an import of customers who have none keeps these up to date for free (migration 0012)
        Index("ix_customer_next_follow_up", "next_follow_up", sqlite_where=text("next_follow_up IS NOT NULL"),
              postgresql_where=text("next_follow_up IS NOT NULL")),
        Index("ix_customer_referrer_id", "referrer_id", sqlite_where=text("referrer_id IS NOT NULL"),
              postgresql_where=text("referrer_id IS NOT NULL")),
        Index("ix_customer_last_order_at", "last_order_at", sqlite_where=text("last_order_at IS NOT NULL"),
              postgresql_where=text("last_order_at IS NOT NULL")),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    member_code: Mapped[str | None] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(128), default="", server_default="")
    remark_name: Mapped[str | None] = mapped_column(String(128))
    # Normalised 11-digit mobile number; unique when present (NULLs never collide).
    phone: Mapped[str | None] = mapped_column(String(20), unique=True)
    wechat_id: Mapped[str | None] = mapped_column(String(64), index=True)
    gender: Mapped[str] = mapped_column(String(8), default="unknown", server_default="unknown")
    birthday: Mapped[dt.date | None] = mapped_column(Date)
    birthday_lunar: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    city: Mapped[str | None] = mapped_column(String(64))
    source_channel: Mapped[str | None] = mapped_column(String(64), index=True)
    added_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    owner_staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff.id", ondelete="SET NULL"), index=True
    )
    level: Mapped[str] = mapped_column(String(16), default="fan", server_default="fan")
    referrer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"))
    notes: Mapped[str | None] = mapped_column(Text)
    # Pinyin of name and remark, full and initials ("zhangxiaoyan zxy"), so that search finds 张晓燕 by zxy.
    search_key: Mapped[str] = mapped_column(String(255), default="", server_default="")
    # Order aggregates kept by the order write paths (app.services.customer_stats): the list sorts by them.
    order_count: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    total_spent_cents: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    first_order_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_order_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    next_follow_up: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = _now()
    updated_at: Mapped[dt.datetime] = _now()
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))


class CustomerField(Base):
    """A custom field: any column of an import that matches no built-in field is kept here."""

    __tablename__ = "customer_field"
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)


class FollowUp(Base):
    """A note or follow-up on a customer, with an optional next-follow-up date."""

    __tablename__ = "follow_up"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[dt.datetime] = _now()
    body: Mapped[str] = mapped_column(Text, default="", server_default="")
    due_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    done_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class TagGroup(Base):
    __tablename__ = "tag_group"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    # S-level: every customer has exactly one tag of an exclusive group.
    exclusive: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    color: Mapped[str] = mapped_column(String(16), default="#5b8def", server_default="#5b8def")
    sort_order: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))


class Tag(Base):
    __tablename__ = "tag"
    __table_args__ = (UniqueConstraint("group_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("tag_group.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = _now()


class CustomerTag(Base):
    __tablename__ = "customer_tag"
    # "last used" of a tag in the tag manager and the detail pane reads the newest link per tag; on SQLite the
    # links are kept in key order, without a rowid and a second copy of the key (migration 0011)
    __table_args__ = (Index("ix_customer_tag_tag_created", "tag_id", "created_at"), {"sqlite_with_rowid": False})
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True)
    # no index of its own: (tag_id, created_at) above serves lookups by tag (migration 0005)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True)
    origin: Mapped[str] = mapped_column(String(16), default="manual", server_default="manual")
    created_at: Mapped[dt.datetime] = _now()


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("source", "external_no"),
        Index("ix_orders_customer_time", "customer_id", "ordered_at"),
        # by time, holding what the week's figures read (migration 0007)
        Index("ix_orders_time_cover", "ordered_at", "customer_id", "amount_cents"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    ordered_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Negative amounts are refunds.
    amount_cents: Mapped[int] = mapped_column(Integer)
    channel: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(32), default="manual", server_default="manual")
    # Unique per source: a re-import updates the order, never duplicates it.
    external_no: Mapped[str] = mapped_column(String(128))
    coupon_id: Mapped[int | None] = mapped_column(
        ForeignKey("coupon.id", ondelete="SET NULL", use_alter=True)
    )
    created_at: Mapped[dt.datetime] = _now()


class CommunityGroup(Base):
    __tablename__ = "community_group"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    kind_goal: Mapped[str | None] = mapped_column(String(32))
    kind_function: Mapped[str | None] = mapped_column(String(32))
    depth_target: Mapped[str | None] = mapped_column(String(32))
    purpose: Mapped[str | None] = mapped_column(String(32))
    owner_staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff.id", ondelete="SET NULL"), index=True
    )
    created_on: Mapped[dt.date | None] = mapped_column(Date)
    capacity: Mapped[int] = mapped_column(Integer, default=200, server_default=text("200"))
    rules_text: Mapped[str | None] = mapped_column(Text)
    welcome_text: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="active", server_default="active")
    dissolved_on: Mapped[dt.date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))


class GroupMembership(Base):
    __tablename__ = "group_membership"
    __table_args__ = (Index("ix_group_membership_group_left", "group_id", "left_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id", ondelete="CASCADE"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    joined_on: Mapped[dt.date] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)


class GroupDailyStat(Base):
    __tablename__ = "group_daily_stat"
    group_id: Mapped[int] = mapped_column(
        ForeignKey("community_group.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True, index=True)
    members: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    speakers: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    messages: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    visitors: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    buyers: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    gmv_cents: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))


class Activity(Base):
    """A play from the activity library: the ten group plays of DOMAIN.md and the owner's own."""

    __tablename__ = "activity"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str | None] = mapped_column(String(32), unique=True)  # built-in play key, NULL for own
    name: Mapped[str] = mapped_column(String(64))
    rules_text: Mapped[str | None] = mapped_column(Text)
    params: Mapped[dict] = mapped_column(JSON, default=dict, server_default="{}")
    rhythm: Mapped[str | None] = mapped_column(String(64))


class CouponCampaign(Base):
    __tablename__ = "coupon_campaign"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(16))
    value_cents: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    threshold_cents: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    rate_permille: Mapped[int | None] = mapped_column(Integer)
    cap_cents: Mapped[int | None] = mapped_column(Integer)
    gift_cost_cents: Mapped[int | None] = mapped_column(Integer)
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    valid_days: Mapped[int | None] = mapped_column(Integer)
    quantity: Mapped[int | None] = mapped_column(Integer)
    per_customer_limit: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    claim_condition: Mapped[str | None] = mapped_column(Text)
    control_share_permille: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    control_seed: Mapped[int | None] = mapped_column(Integer)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("community_group.id", ondelete="SET NULL"))
    content_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("content_item.id", ondelete="SET NULL", use_alter=True)
    )
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activity.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(16), default="draft", server_default="draft")
    created_at: Mapped[dt.datetime] = _now()
    version: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))


class Coupon(Base):
    __tablename__ = "coupon"
    __table_args__ = (
        Index("ix_coupon_campaign_customer", "campaign_id", "customer_id"),
        # the campaign list's redeemed figures (migration 0006)
        Index("ix_coupon_redeemed_campaign", "campaign_id", sqlite_where=text("redeemed_at IS NOT NULL"),
              postgresql_where=text("redeemed_at IS NOT NULL")),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("coupon_campaign.id", ondelete="CASCADE"))
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer.id", ondelete="SET NULL"), index=True
    )
    code: Mapped[str] = mapped_column(String(32), unique=True)
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime)
    issued_via: Mapped[str] = mapped_column(String(16), default="selection", server_default="selection")
    issued_ref: Mapped[str | None] = mapped_column(String(128))
    valid_until: Mapped[dt.date | None] = mapped_column(Date, index=True)
    redeemed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"), index=True)
    discount_cents: Mapped[int | None] = mapped_column(Integer)


class CouponControl(Base):
    """A customer held back from a campaign (the control group), so that the campaign can be measured."""

    __tablename__ = "coupon_control"
    __table_args__ = (Index("ix_coupon_control_customer", "customer_id"),)
    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("coupon_campaign.id", ondelete="CASCADE"), primary_key=True
    )
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True)
    held_at: Mapped[dt.datetime] = _now()


class ContentItem(Base):
    __tablename__ = "content_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    scheduled_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    channel: Mapped[str] = mapped_column(String(16))
    category: Mapped[str | None] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(128), default="", server_default="")
    body: Mapped[str | None] = mapped_column(Text)
    images: Mapped[list] = mapped_column(JSON, default=list, server_default="[]")
    # {"groups": [ids]} or {"segment": id} or {"tag": id} or {"customers": [ids]}
    targets: Mapped[dict] = mapped_column(JSON, default=dict, server_default="{}")
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("coupon_campaign.id", ondelete="SET NULL"))
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activity.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(16), default="planned", server_default="planned")
    reach: Mapped[int | None] = mapped_column(Integer)
    replies: Mapped[int | None] = mapped_column(Integer)
    orders: Mapped[int | None] = mapped_column(Integer)
    gmv_cents: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = _now()
    version: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))


class SopTemplate(Base):
    """A named week of content slots: [{weekday, time, channel, category, activity_key, offset_days, event}]."""

    __tablename__ = "sop_template"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(
        String(16), default="group", server_default="group"
    )  # group / moments / journey
    builtin: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    slots: Mapped[list] = mapped_column(JSON, default=list, server_default="[]")


class Segment(Base):
    """A saved rule set, evaluated live."""

    __tablename__ = "segment"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    rules: Mapped[dict] = mapped_column(JSON, default=dict, server_default="{}")
    created_at: Mapped[dt.datetime] = _now()
    updated_at: Mapped[dt.datetime] = _now()


class DataVersion(Base):
    """Counters that triggers bump when what they name changes (migration 0008): 'customer_figures'."""

    __tablename__ = "data_version"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class FiguresSnapshot(Base):
    """A derived blob kept with the data_version counter it was made at (services.segmentation)."""

    __tablename__ = "figures_snapshot"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Setting(Base):
    """Shop settings as JSON values under dotted keys; defaults live in app.services.settings."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
