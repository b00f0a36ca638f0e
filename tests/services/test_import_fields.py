"""Column headers as shop systems write them, matched to Siyu's fields."""

from __future__ import annotations

from app.services.import_fields import CUSTOM, IGNORE, suggest_mapping


def test_wecom_customer_export_headers() -> None:
    headers = ["客户名称", "手机\n号码", "添加人", "添加时间", "企业标签", "个人标签", "WeChat ID"]
    assert suggest_mapping("customers", headers) == ["name", "phone", "owner", "added_on", "tags", "tags", "wechat_id"]


def test_camel_case_and_run_together_english_headers() -> None:
    assert suggest_mapping("orders", ["InvoiceNo", "InvoiceDate", "Total", "customer_id", "Qty"]) == [
        "external_no", "ordered_at", "amount", "member_code", IGNORE]  # fmt: skip
    assert suggest_mapping("orders", ["invoiceno", "orderdate", "Quantity", "UnitPrice", "CustomerID"]) == [
        "external_no", "ordered_at", "quantity", "unit_price", "member_code"]  # fmt: skip


def test_till_and_public_data_set_headers() -> None:
    # a Chinese till's consumption record
    assert suggest_mapping("orders", ["会员卡号", "会员姓名", "消费时间", "消费金额", "单据号", "门店"]) == [
        "member_code", "name", "ordered_at", "amount", "external_no", "channel"]  # fmt: skip
    # snake_case public data sets: a retail case study, an e-commerce order table
    assert suggest_mapping("orders", ["customer_id", "trans_date", "tran_amount"]) == [
        "member_code", "ordered_at", "amount"]  # fmt: skip
    assert suggest_mapping("orders", ["order_id", "customer_unique_id", "order_status", "order_purchase_timestamp",
                                      "payment_value"]) == [
        "external_no", "member_code", "status", "ordered_at", "amount"]  # fmt: skip
    assert suggest_mapping("orders", ["Transaction ID", "Date", "Customer ID", "Price per Unit", "Total Amount"]) == [
        "external_no", "ordered_at", "member_code", IGNORE, "amount"]  # fmt: skip
    # a membership system: the card's opening date is when the customer was added
    assert suggest_mapping("customers", ["会员卡号", "手机号码", "开卡时间", "所在地区", "会员等级"]) == [
        "member_code", "phone", "added_on", "city", CUSTOM]  # fmt: skip


def test_wecom_group_and_coupon_exports() -> None:
    assert suggest_mapping("members", ["客户群名称", "客户名称", "群内昵称", "加入时间", "退出时间", "备注手机号"]) == [
        "group_name", "name", IGNORE, "joined_on", "left_on", "phone"]  # fmt: skip
    assert suggest_mapping("group_stats", ["统计日期", "客户群", "群成员总数", "活跃成员数", "群聊消息数", "支付金额"]) == [
        "day", "group_name", "members", "speakers", "messages", "gmv"]  # fmt: skip
    assert suggest_mapping("coupons", ["活动名称", "券号", "会员卡号", "发券时间", "使用时间", "消费单号"]) == [
        "campaign_name", "code", "member_code", "claimed_at", "redeemed_at", "order_no"]  # fmt: skip


def test_headers_with_units_marks_and_longer_words() -> None:
    orders = ["【必填】手机号", "金额/元", "订单编号", "收货人手机号码", "外部订单号", "Payment Date"]
    assert suggest_mapping("orders", orders) == ["phone", "amount", "external_no", IGNORE, IGNORE, "ordered_at"]
    for header, key in [("客户手机号码", "phone"), ("收货人联系方式", "phone"), ("Tel.", "phone"), ("订单总额", "amount"),
                        ("应付金额", "amount"), ("商户订单号", "external_no"), ("手机\n号码", "phone"), ("Order No.", "external_no")]:  # fmt: skip
        assert suggest_mapping("orders", [header]) == [key], header
    for header, key in [("会员手机号码", "phone"), ("客户微信号", "wechat_id"), ("添加来源", "source_channel"),
                        ("Mobile Phone", "phone"), ("Created At", "added_on"), ("所在省市", "city"),
                        ("会员等级", CUSTOM)]:  # fmt: skip
        assert suggest_mapping("customers", [header]) == [key], header
