"""Column headers as shop systems write them, matched to Siyu's fields."""

from __future__ import annotations

from app.services.import_fields import CUSTOM, IGNORE, suggest_mapping


def test_wecom_customer_export_headers() -> None:
    headers = ["客户名称", "手机\n号码", "添加人", "添加时间", "企业标签", "个人标签", "WeChat ID"]
    assert suggest_mapping("customers", headers) == ["name", "phone", "owner", "added_on", "tags", CUSTOM, "wechat_id"]


def test_camel_case_and_run_together_english_headers() -> None:
    assert suggest_mapping("orders", ["InvoiceNo", "InvoiceDate", "Total", "customer_id", "Qty"]) == [
        "external_no", "ordered_at", "amount", "member_code", IGNORE]  # fmt: skip
    assert suggest_mapping("orders", ["invoiceno", "orderdate", "Quantity", "UnitPrice", "CustomerID"]) == [
        "external_no", "ordered_at", "quantity", "unit_price", "member_code"]  # fmt: skip
