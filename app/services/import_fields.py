"""The fields each import knows, with the Chinese and English header names shop systems use for them.

The first alias is the canonical header: templates and exports write it, so an export imports back as is.
Matching ignores case, spaces, brackets and a trailing colon or asterisk ("手机号*", "手机号（必填）").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.i18n_markers import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # English source text, translated by the views (context "ImportFields")
    aliases: tuple[str, ...]
    kind: str  # text, phone, date, datetime, money, count, tags, gender, level, calendar, staff

    @property
    def header(self) -> str:
        return self.aliases[0]


CUSTOMER_FIELDS: tuple[Field, ...] = (
    # Siyu's own customer number, written by exports so that an export always finds its customers again.
    Field("siyu_id", QT_TRANSLATE_NOOP("ImportFields", "Siyu ID"),
          ("私域助手编号", "siyu id", "siyu_id"), "text"),
    Field("name", QT_TRANSLATE_NOOP("ImportFields", "Name"),
          ("姓名", "客户姓名", "客户名称", "会员姓名", "会员名称", "顾客姓名", "顾客名称", "昵称", "微信昵称", "客户昵称",
           "用户昵称", "微信名", "名称", "客户", "往来单位", "联系人", "name", "customer name", "customer", "nickname",
           "full name"), "text"),
    Field("phone", QT_TRANSLATE_NOOP("ImportFields", "Phone"),
          ("手机号", "手机", "手机号码", "电话", "联系电话", "电话号码", "联系方式", "会员手机号", "客户手机号", "备注手机号",
           "顾客手机号", "联系人电话", "联系人手机", "联系手机", "客户手机", "会员手机", "mobile", "phone", "phone number",
           "tel", "telephone", "cellphone", "mobile number", "mobile phone", "cell phone", "cell"), "phone"),
    Field("member_code", QT_TRANSLATE_NOOP("ImportFields", "Member code"),
          ("会员编号", "客户编号", "卡号", "会员卡号", "会员号", "会员码", "用户id", "用户编号", "顾客编号", "会员账号",
           "客户编码", "会员编码",
           "member code", "member no", "member id", "card no", "customer id", "customer no", "customer number",
           "customer code", "customer unique id", "client id", "user id"), "text"),
    Field("remark_name", QT_TRANSLATE_NOOP("ImportFields", "Remark name"),
          ("备注名", "备注", "备注名称", "remark", "remark name"), "text"),
    Field("wechat_id", QT_TRANSLATE_NOOP("ImportFields", "WeChat ID"),
          ("微信号", "微信", "微信id", "客户微信号", "微信账号", "wechat", "wechat id", "weixin", "wxid"), "text"),
    Field("gender", QT_TRANSLATE_NOOP("ImportFields", "Gender"), ("性别", "gender", "sex"), "gender"),
    Field("birthday", QT_TRANSLATE_NOOP("ImportFields", "Birthday"),
          ("生日", "出生日期", "生日日期", "birthday", "date of birth", "dob", "birth date", "农历生日", "阴历生日"),
          "date"),
    Field("birthday_calendar", QT_TRANSLATE_NOOP("ImportFields", "Birthday calendar"),
          ("生日历法", "历法", "公历/农历", "birthday calendar", "calendar"), "calendar"),
    Field("city", QT_TRANSLATE_NOOP("ImportFields", "City"), ("城市", "所在城市", "地区", "所在地区", "所在地", "所在省市", "省市", "city"), "text"),
    Field("source_channel", QT_TRANSLATE_NOOP("ImportFields", "Source channel"),
          ("来源渠道", "来源", "渠道", "客户来源", "添加渠道", "获客渠道", "添加来源", "添加方式", "source", "source channel",
           "channel"), "text"),
    Field("added_on", QT_TRANSLATE_NOOP("ImportFields", "Added on"),
          ("添加日期", "添加时间", "加入日期", "加入时间", "注册日期", "注册时间", "入会时间", "入会日期", "开卡时间", "开卡日期",
           "成为客户时间", "成为会员时间", "创建时间", "added", "added on", "join date", "register date",
           "registration date", "signup date", "sign up date", "created", "customer since", "member since",
           "date joined", "joined on", "enrollment date", "dt customer", "created at", "create time", "创建日期", "办卡时间", "办卡日期",
           "subscription date"),
          "date"),
    Field("owner", QT_TRANSLATE_NOOP("ImportFields", "Owner staff"),
          ("负责员工", "负责人", "归属员工", "所属员工", "跟进人", "客户经理", "导购", "专属导购", "添加人", "添加员工",
           "所属成员", "跟进员工", "归属人", "所属导购", "归属导购", "服务导购", "owner", "owner staff", "staff"), "staff"),
    Field("level", QT_TRANSLATE_NOOP("ImportFields", "Relationship level"),
          ("关系等级", "客户关系", "关系", "level", "relationship", "relationship level"), "level"),
    Field("tags", QT_TRANSLATE_NOOP("ImportFields", "Tags"),
          ("标签", "客户标签", "标签名称", "企微标签", "企业标签", "会员标签", "tags", "tag", "labels", "个人标签"),
          "tags"),
    Field("notes", QT_TRANSLATE_NOOP("ImportFields", "Notes"),
          ("备注信息", "客户备注", "描述", "说明", "补充说明", "notes", "note", "description"), "text"),
)  # fmt: skip

ORDER_FIELDS: tuple[Field, ...] = (
    Field("external_no", QT_TRANSLATE_NOOP("ImportFields", "Order number"),
          ("订单号", "订单编号", "主订单编号", "单号", "交易单号", "流水号", "订单id", "小票号", "小票编号", "单据号", "单据编号",
           "销售单号", "消费单号", "结账单号", "外部订单号", "线上订单号", "原始单号", "平台订单号", "网店订单号",
           "商户订单号", "内部订单号", "系统订单号", "账单号", "账单编号", "order no", "order number",
           "order id", "order",
           "invoice no",
           "invoice number", "invoice", "receipt no", "receipt number", "receipt id", "transaction id",
           "transaction no", "transaction number", "trans id", "bill no"), "text"),
    Field("ordered_at", QT_TRANSLATE_NOOP("ImportFields", "Order time"),
          ("下单时间", "支付时间", "付款时间", "订单付款时间", "订单创建时间", "成交时间", "交易时间", "订单时间", "创建时间",
           "消费时间", "结账时间", "收银时间", "销售时间", "开单时间", "日期", "订单日期", "下单日期", "付款日期", "支付日期",
           "消费日期", "销售日期", "交易日期", "单据日期", "业务日期", "支付完成时间", "付款完成时间", "支付成功时间", "订单支付时间", "订单下单时间", "订单提交时间",
           "提交时间", "时间", "order time", "paid at", "date", "time", "created at",
           "order date", "invoice date", "purchase date", "transaction date", "transaction time", "trans date",
           "order purchase timestamp", "purchase timestamp", "purchase time", "sale date", "sales date",
           "payment date", "payment time", "paid date", "pay time", "pay date",
           "transaction dt", "txn date", "txn time", "order datetime", "datetime", "timestamp"),
          "datetime"),
    Field("amount", QT_TRANSLATE_NOOP("ImportFields", "Amount paid"),
          ("实付金额", "实收金额", "订单实付金额", "订单实际支付金额", "买家实际支付金额", "买家实付金额", "用户实付金额",
           "用户实付", "顾客实付",
           "顾客实付金额", "客户实付金额", "实付款", "实收款", "支付金额",
           "付款金额", "已付金额", "应付金额", "订单应付金额", "应收金额", "订单金额", "价税合计", "交易金额", "成交金额", "消费金额", "销售金额", "结算金额", "收款金额", "金额", "实付",
           "小计", "amount", "paid", "total", "amount paid", "paid amount", "payment value", "payment amount",
           "total amount", "order amount", "order total", "grand total", "transaction amount", "tran amount",
           "purchase amount", "txn amount", "transaction value", "order value", "sales", "sales amount", "revenue",
           "line total", "subtotal", "订单总额", "货品总额", "商品实付金额", "商品小计", "line amount",
           "item total", "item amount", "order total amount", "total collected", "net total"), "money"),
    Field("phone", QT_TRANSLATE_NOOP("ImportFields", "Customer phone"),
          ("手机号", "手机", "客户手机号", "会员手机号", "会员手机", "顾客手机号", "买家手机号", "买家手机", "下单人手机号",
           "收货人手机号", "收货人手机", "提货人手机号", "收货人电话", "联系手机", "电话", "联系电话", "联系方式",
           "收货人联系方式", "电话号码", "收件人手机号", "收件人手机", "收件人电话", "收件人联系电话", "顾客电话", "顾客手机",
           "mobile", "phone", "customer phone", "phone number", "mobile number", "tel",
           "telephone", "cellphone"), "phone"),
    Field("member_code", QT_TRANSLATE_NOOP("ImportFields", "Member code"),
          ("会员编号", "客户编号", "卡号", "会员卡号", "会员号", "客户id", "会员id", "买家id", "用户id", "用户编号", "顾客编号",
           "顾客id", "会员账号", "客户编码", "会员编码", "member code", "member no", "member id", "card no", "customer id", "customer no",
           "customer number", "customer code", "customer unique id", "client id", "user id", "buyer id", "cust id",
           "customer key"), "text"),
    Field("name", QT_TRANSLATE_NOOP("ImportFields", "Customer name"),
          ("客户姓名", "姓名", "会员姓名", "会员名称", "顾客姓名", "买家", "买家昵称", "买家会员名", "下单人", "收货人",
           "收货人姓名", "提货人", "客户名称", "客户", "往来单位", "购货单位", "昵称", "买家姓名", "收件人", "收件人姓名", "name", "customer",
           "customer name"), "text"),
    # Siyu's customer number, written by order exports, so that customers without phone or code match too.
    Field("customer_siyu_id", QT_TRANSLATE_NOOP("ImportFields", "Siyu customer ID"),
          ("私域助手客户编号", "siyu customer id"), "text"),
    Field("channel", QT_TRANSLATE_NOOP("ImportFields", "Channel"),
          ("渠道", "下单渠道", "销售渠道", "订单渠道", "门店", "门店名称", "所属门店", "下单门店", "channel", "store",
           "store name"), "text"),
    Field("source", QT_TRANSLATE_NOOP("ImportFields", "Source system"),
          ("来源系统", "订单来源", "平台", "系统", "source", "source system", "platform", "system"),
          "text"),
    # an order closed, unpaid or refunded in full is left out (counted); a partial refund is taken off the amount
    Field("status", QT_TRANSLATE_NOOP("ImportFields", "Order status"),
          ("订单状态", "交易状态", "支付状态", "状态", "order status", "status"), "text"),
    Field("refund", QT_TRANSLATE_NOOP("ImportFields", "Refunded"),
          ("退款金额", "已退款金额", "退款", "refund", "refund amount", "refunded"), "money"),
    # a file of order lines (one row per item) without an amount column: quantity × unit price
    Field("quantity", QT_TRANSLATE_NOOP("ImportFields", "Quantity"),
          ("数量", "购买数量", "商品数量", "销售数量", "件数", "quantity", "qty"), "number"),
    Field("unit_price", QT_TRANSLATE_NOOP("ImportFields", "Unit price"),
          ("单价", "商品单价", "成交单价", "销售单价", "售价", "价格", "unit price", "price", "price per unit",
           "sale price", "selling price"), "number"),
)  # fmt: skip

_GROUP = Field("group_name", QT_TRANSLATE_NOOP("ImportFields", "Group"),
               ("群名称", "群名", "社群", "社群名称", "群聊名称", "群聊", "客户群名称", "客户群", "所在群", "所在群聊",
                "group", "group name"), "text")  # fmt: skip

MEMBER_FIELDS: tuple[Field, ...] = (
    _GROUP,
    Field("phone", QT_TRANSLATE_NOOP("ImportFields", "Phone"),
          ("手机号", "手机", "手机号码", "电话", "联系电话", "会员手机号", "备注手机号", "客户手机号", "mobile", "phone",
           "phone number"), "phone"),
    Field("member_code", QT_TRANSLATE_NOOP("ImportFields", "Member code"),
          ("会员编号", "客户编号", "卡号", "会员卡号", "会员号", "客户编码", "member code", "card no", "customer id"), "text"),
    Field("name", QT_TRANSLATE_NOOP("ImportFields", "Name"),
          ("姓名", "客户姓名", "客户名称", "群昵称", "群内昵称", "成员昵称", "成员名称", "昵称", "微信昵称", "name",
           "nickname"), "text"),
    Field("joined_on", QT_TRANSLATE_NOOP("ImportFields", "Joined on"),
          ("入群时间", "入群日期", "加入时间", "加群时间", "加入日期", "joined", "joined on", "join date"), "date"),
    Field("left_on", QT_TRANSLATE_NOOP("ImportFields", "Left on"),
          ("退群时间", "退群日期", "离开时间", "离群时间", "退出时间", "退出日期", "left", "left on", "leave date"), "date"),
    # WeCom's group export lists the shop's own staff too (企业成员): their rows are left out, counted
    Field("member_type", QT_TRANSLATE_NOOP("ImportFields", "Member type"),
          ("成员类型", "成员身份", "身份", "member type"), "text"),
)  # fmt: skip

GROUP_STAT_FIELDS: tuple[Field, ...] = (
    _GROUP,
    Field("day", QT_TRANSLATE_NOOP("ImportFields", "Date"), ("日期", "统计日期", "数据日期", "时间", "date", "day"), "date"),
    Field("members", QT_TRANSLATE_NOOP("ImportFields", "Members"),
          ("群成员数", "成员数", "群人数", "群总人数", "群成员总数", "成员总数", "群成员", "人数", "members",
           "member count"), "count"),
    Field("speakers", QT_TRANSLATE_NOOP("ImportFields", "Members who spoke"),
          ("发言人数", "发言成员数", "活跃人数", "活跃成员数", "speakers", "active members"), "count"),
    Field("messages", QT_TRANSLATE_NOOP("ImportFields", "Messages"),
          ("消息数", "发言条数", "消息条数", "发言数", "发言次数", "群聊消息数", "聊天条数", "聊天总数", "messages"), "count"),
    Field("visitors", QT_TRANSLATE_NOOP("ImportFields", "Visitors"),
          ("访客数", "访问人数", "进店人数", "浏览人数", "visitors"), "count"),
    Field("buyers", QT_TRANSLATE_NOOP("ImportFields", "Buyers"),
          ("支付人数", "付款人数", "下单人数", "成交人数", "购买人数", "buyers"), "count"),
    Field("gmv", QT_TRANSLATE_NOOP("ImportFields", "GMV"),
          ("支付金额", "成交金额", "付款金额", "销售额", "gmv", "sales"), "money"),
)  # fmt: skip

COUPON_FIELDS: tuple[Field, ...] = (
    Field("campaign_name", QT_TRANSLATE_NOOP("ImportFields", "Coupon name"),
          ("券名称", "优惠券名称", "活动名称", "券名", "优惠券", "coupon name", "campaign"), "text"),
    Field("kind", QT_TRANSLATE_NOOP("ImportFields", "Coupon type"), ("券类型", "优惠券类型", "类型", "coupon type", "type"), "text"),
    Field("face", QT_TRANSLATE_NOOP("ImportFields", "Value or rate"),
          ("面额/折扣", "面额", "面值", "优惠内容", "优惠力度", "优惠", "value"), "text"),
    # a 折扣 column beside 面额 (微盟 exports both): the discount coupons' rate; alone, it is the value or rate
    Field("rate", QT_TRANSLATE_NOOP("ImportFields", "Discount rate"), ("折扣", "折扣率", "折扣力度", "rate"), "text"),
    Field("threshold", QT_TRANSLATE_NOOP("ImportFields", "Threshold"),
          ("使用门槛", "门槛", "满额", "使用条件", "threshold", "minimum"), "text"),
    Field("code", QT_TRANSLATE_NOOP("ImportFields", "Coupon code"), ("券码", "券号", "优惠码", "优惠券码", "code", "coupon code"), "text"),
    Field("phone", QT_TRANSLATE_NOOP("ImportFields", "Holder's phone"),
          ("领取人手机", "领取人手机号", "手机号", "手机", "会员手机号", "phone", "mobile"), "phone"),
    Field("member_code", QT_TRANSLATE_NOOP("ImportFields", "Member code"),
          ("会员编号", "会员卡号", "会员号", "客户编号", "客户编码", "member code", "card no"), "text"),
    Field("claimed_at", QT_TRANSLATE_NOOP("ImportFields", "Claimed at"),
          ("领取时间", "发放时间", "领券时间", "发券时间", "claimed at", "issued at"), "datetime"),
    Field("valid_from", QT_TRANSLATE_NOOP("ImportFields", "Valid from"),
          ("生效时间", "开始时间", "生效日期", "valid from", "start"), "date"),
    Field("valid_to", QT_TRANSLATE_NOOP("ImportFields", "Valid until"),
          ("失效时间", "过期时间", "截止时间", "失效日期", "有效期至", "valid until", "expires"), "date"),
    Field("redeemed_at", QT_TRANSLATE_NOOP("ImportFields", "Redeemed at"),
          ("核销时间", "使用时间", "redeemed at", "used at"), "datetime"),
    Field("order_no", QT_TRANSLATE_NOOP("ImportFields", "Order number"),
          ("核销订单号", "订单号", "订单编号", "使用订单号", "消费单号", "单据号", "order no", "order number"), "text"),
    Field("discount", QT_TRANSLATE_NOOP("ImportFields", "Discount"), ("优惠金额", "抵扣金额", "减免金额", "discount"), "money"),
    # a coupon the system voided (已作废) is left out, counted
    Field("status", QT_TRANSLATE_NOOP("ImportFields", "Coupon status"), ("状态", "券状态", "使用状态", "status"), "text"),
)  # fmt: skip

PLAN_FIELDS: tuple[Field, ...] = (
    Field("day", QT_TRANSLATE_NOOP("ImportFields", "Date"), ("日期", "发布日期", "date", "day"), "date"),
    Field("time", QT_TRANSLATE_NOOP("ImportFields", "Time"), ("时间", "发布时间", "time"), "text"),
    Field("channel", QT_TRANSLATE_NOOP("ImportFields", "Channel"), ("渠道", "发布渠道", "channel"), "text"),
    Field("category", QT_TRANSLATE_NOOP("ImportFields", "Category"), ("类别", "类型", "内容类别", "category"), "text"),
    Field("title", QT_TRANSLATE_NOOP("ImportFields", "Title"), ("标题", "主题", "title"), "text"),
    Field("body", QT_TRANSLATE_NOOP("ImportFields", "Text"), ("内容", "正文", "文案", "text", "body"), "text"),
    Field("targets", QT_TRANSLATE_NOOP("ImportFields", "Audience"), ("对象", "发送对象", "目标", "audience", "targets"), "text"),
)  # fmt: skip

FIELDS = {"customers": CUSTOMER_FIELDS, "orders": ORDER_FIELDS, "members": MEMBER_FIELDS, "group_stats": GROUP_STAT_FIELDS,
          "coupons": COUPON_FIELDS, "plan": PLAN_FIELDS}  # fmt: skip
CUSTOM = "__custom__"  # a customer column kept as a custom field
IGNORE = "__ignore__"  # a column the owner chose not to import


def normalise_header(text: object) -> str:
    if text is None:
        return ""
    value = str(text).strip().lower()
    value = re.sub(r"[（(【\[].*?[)）】\]]", "", value)  # 手机号（必填）, 【必填】手机号, 金额(元)
    value = re.sub(r"\s*/\s*(?:元|rmb|cny|¥|￥)$", "", value)  # 金额/元
    value = re.sub(r"[\s*:：_\-.]+", " ", value).strip()  # Order No., 手机号*
    return value


def _words(text: object) -> str:
    """CamelCase headers as words: InvoiceNo → "invoice no", CustomerID → "customer id"."""
    return normalise_header(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(text or "")))


_JOINED_INDEX: dict[str, dict[str, tuple[int, str]]] = {}


def find_alias(kind: str, header: object) -> tuple[int, str] | None:
    """(priority, field key) of the alias a header matches: as written, read as CamelCase words, or with
    its spaces and line breaks left out (手机\n号码, invoiceno)."""
    index = alias_index(kind)
    found = index.get(normalise_header(header))
    if found is None:
        found = index.get(_words(header))
    if found is None:
        if kind not in _JOINED_INDEX:
            joined: dict[str, tuple[int, str]] = {}
            for alias, hit in index.items():
                joined.setdefault(alias.replace(" ", ""), hit)
            _JOINED_INDEX[kind] = joined
        found = _JOINED_INDEX[kind].get(normalise_header(header).replace(" ", ""))
    if found is None:  # 客户手机号码, 收货人手机号码: the longer word for the same thing
        joined = normalise_header(header).replace(" ", "")
        if "号码" in joined:
            found = _JOINED_INDEX[kind].get(joined.replace("号码", "号"))
    return found


_ALIAS_INDEX: dict[str, dict[str, tuple[int, str]]] = {}


def alias_index(kind: str) -> dict[str, tuple[int, str]]:
    """normalised alias -> (priority, field key); a lower priority wins when several columns match."""
    if kind not in _ALIAS_INDEX:
        index: dict[str, tuple[int, str]] = {}
        for field in FIELDS[kind]:
            for rank, alias in enumerate(field.aliases):
                index.setdefault(normalise_header(alias), (rank, field.key))
        for field in FIELDS[kind]:  # a column headed as Siyu's own export heads it (Remark name) comes first:
            label = normalise_header(field.label)  # a custom field of the file named 备注 is not the remark
            if index.get(label, (0, field.key))[1] == field.key:
                index[label] = (-1, field.key)
        _ALIAS_INDEX[kind] = index
    return _ALIAS_INDEX[kind]


def suggest_mapping(kind: str, headers: list[str]) -> list[str]:
    """For each column, the field it feeds: a field key, CUSTOM (customers) or IGNORE.

    When several columns match one field (下单时间 and 支付时间), the one whose alias comes first in the
    field's list wins and the others are kept as custom fields (customers) or left out (orders).
    """
    best: dict[str, tuple[int, int]] = {}  # field -> (alias rank, column)
    every: dict[int, str] = {}  # columns of a field that several columns feed (企业标签 and 个人标签)
    for col, header in enumerate(headers):
        hit = find_alias(kind, header)
        if hit is not None:
            rank, key = hit
            if key in MULTI_COLUMN_FIELDS:
                every[col] = key
            elif key not in best or rank < best[key][0]:
                best[key] = (rank, col)
    if kind == "orders" and "amount" in best:  # an amount column: quantity × unit price is not needed
        best.pop("quantity", None)
        best.pop("unit_price", None)
    chosen = {col: key for key, (_rank, col) in best.items()} | every
    fallback = CUSTOM if kind == "customers" else IGNORE
    return [chosen.get(col, fallback if str(h or "").strip() and normalise_header(h) not in ROW_NUMBERS else IGNORE)
            for col, h in enumerate(headers)]  # fmt: skip


# fields that several columns may feed, their values joined: WeCom exports a contact's 企业标签 and 个人标签
MULTI_COLUMN_FIELDS = frozenset({"tags"})


# a column that numbers the rows of a sheet (序号): no customer's data, left out (and listed as left out)
ROW_NUMBERS = frozenset({"序号", "行号", "no", "#", "index", "row"})


# amount headers that name one line's amount, not the order's: an order's lines add up even when equal
LINE_AMOUNT_HEADERS = frozenset(normalise_header(h) for h in (
    "小计", "商品实付金额", "商品金额", "商品总价", "商品小计", "line total", "line amount", "subtotal", "sales",
    "item total", "item amount"))  # fmt: skip


def is_line_amount(header: object) -> bool:
    return header is not None and (normalise_header(header) in LINE_AMOUNT_HEADERS
                                   or _words(header) in LINE_AMOUNT_HEADERS)  # fmt: skip


def header_score(kind: str, row: list[object]) -> int:
    return len({hit[1] for hit in (find_alias(kind, c) for c in row if isinstance(c, str)) if hit is not None})


def field(kind: str, key: str) -> Field:
    for f in FIELDS[kind]:
        if f.key == key:
            return f
    raise KeyError(key)
