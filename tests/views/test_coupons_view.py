"""The Coupons screen and the till with the demo shop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app import i18n
from app.models.coupon_tables import CampaignTableModel, CouponTableModel
from app.services.coupons import Campaign, CouponService
from app.views.coupons_view import CampaignDialog, CouponsView, IssueDialog
from app.views.till_dialog import TillDialog


@pytest.fixture
def view(qtbot, demo_db):  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    ids = list(range(1, 41))
    widget = CouponsView(CouponService(demo_db), lambda: {"segment": [(1, "测试分群")], "group": [], "tag": []},
                         lambda kind, key: ids)  # fmt: skip
    qtbot.addWidget(widget)
    widget.resize(1280, 860)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() > 0 and widget.coupon_model.rowCount() > 0, timeout=10000)
    yield widget
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(10)


def test_campaign_list_and_page_show_the_services_figures(view, demo_db) -> None:  # type: ignore[no-untyped-def]
    results = {r.campaign_id: r for r in CouponService(demo_db).results()}
    for row in range(view.model.rowCount()):
        r = view.model.row_item(row)
        assert view.model.data(view.model.index(row, CampaignTableModel.ISSUED)) == f"{results[r.campaign_id].issued:,}"
    assert "GMV" in view.figures.text() and "ROI" in view.figures.text()
    assert view.plot is not None
    code = view.coupon_model.coupon(0).code
    view.search.setText(code[:5])
    assert view.coupon_model.rowCount() >= 1 and all(code[:5] in view.coupon_model.coupon(r).code
                                                    for r in range(view.coupon_model.rowCount()))  # fmt: skip


def test_models_pass_the_model_tester(qtmodeltester, view) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(view.model)
    for column in range(view.model.columnCount()):
        view.model.sort(column, Qt.SortOrder.DescendingOrder)
        qtmodeltester.check(view.model)
    qtmodeltester.check(view.coupon_model)
    qtmodeltester.check(CouponTableModel())


def test_campaign_dialog_builds_each_kind(qtbot) -> None:  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    dialog = CampaignDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("满200减30")
    dialog.kind.setCurrentIndex(dialog.kind.findData("threshold"))
    dialog.value.setValue(30)
    dialog.threshold.setValue(200)
    dialog.control.setValue(10)
    c = dialog.campaign()
    assert (c.kind, c.value_cents, c.threshold_cents, c.valid_days, c.control_share_permille) == ("threshold", 3000, 20000, 30, 100)
    dialog.kind.setCurrentIndex(dialog.kind.findData("discount"))
    dialog.rate.setValue(8.5)
    dialog.cap.setValue(50)
    dialog.by_days.setChecked(False)
    c = dialog.campaign()
    assert (c.rate_permille, c.cap_cents, c.valid_days) == (850, 5000, None) and c.valid_to is not None
    c.check()


def test_issue_dialog_previews_and_issues(qtbot, view, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    service = CouponService(demo_db)
    cid = service.save(Campaign(None, "新券", "no_threshold", value_cents=500, valid_days=7, quantity=30))
    dialog = IssueDialog(service, service.campaigns(), {"segment": [(1, "测试分群")]}, lambda kind, key: list(range(1, 41)),
                         None, view)  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.campaign.setCurrentIndex(dialog.campaign.findData(cid))
    assert "30" in dialog.preview_label.text() and "10" in dialog.preview_label.text()  # 10 over the quantity
    monkeypatch.setattr(IssueDialog, "exec", lambda self: 1)
    view.issue()  # the first campaign in the list is the newest: ours
    assert next(r for r in service.results() if r.campaign_id == cid).issued == 30


def test_the_till_by_keyboard_alone(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    service = CouponService(demo_db)
    cid = service.save(Campaign(None, "满100减20", "threshold", value_cents=2000, threshold_cents=10000, valid_days=7))
    service.issue(cid, [5])
    code = service.coupons(cid)[0].code
    till = TillDialog(service)
    qtbot.addWidget(till)
    till.show()
    qtbot.keyClicks(till.code, code[:-1] + ("2" if code[-1] != "2" else "3"))
    qtbot.keyClick(till.code, Qt.Key.Key_Return)
    assert "输错" in till.message.text()
    till.code.clear()
    qtbot.keyClicks(till.code, code.lower())
    qtbot.keyClick(till.code, Qt.Key.Key_Return)
    assert "满100减20" in till.details.text() and till.focusWidget() is till.amount
    till.amount.setValue(99.99)
    assert not till.redeem() and "100" in till.message.text()
    till.amount.setValue(128)
    with qtbot.waitSignal(till.redeemed):
        assert till.redeem()
    assert service.lookup(code).discount_cents == 2000 and till.code.text() == ""
    till.code.setText(code)
    assert not till.redeem() and "已于" in till.message.text()  # already used
    till.undo()
    assert service.lookup(code).redeemed_at is None


def test_coupon_cards_pdf(qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.printing.coupon_cards import grouped, offer_text, write_cards
    from app.services import codes

    campaign = Campaign(None, "到店礼", "discount", rate_permille=850, cap_cents=3000, valid_days=30, claim_condition="到店出示")
    made = [codes.make_code() for _ in range(11)]
    pdf = tmp_path / "cards.pdf"
    assert write_cards(pdf, campaign, made, shop="小麦烘焙") == 2  # ten cards a page
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type/Page") >= 2
    assert offer_text(campaign) == "8.5折（最多减30元）" and grouped("ABCDEFGHJ") == "ABC DEF GHJ"
    assert offer_text(Campaign(None, "x", "threshold", value_cents=2000, threshold_cents=10000)) == "满100减20"
