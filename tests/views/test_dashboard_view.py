"""The dashboard screen with the demo shop: KPI cards, trend charts, grades and alerts that open the place to
act, and the weekly report's buttons."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QThreadPool

from app import i18n
from app.services.dashboard import dashboard
from app.services.metrics import MetricsService
from app.views.dashboard_view import DashboardView

W47 = dt.date(2026, 11, 16)


@pytest.fixture
def view(qtbot, demo_db):  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    widget = DashboardView(lambda monday: dashboard(demo_db, monday, today=dt.date(2026, 11, 23)))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show_week(W47)
    widget.show()
    qtbot.waitUntil(lambda: widget._data is not None and widget._data.monday == W47 and not widget._loading,
                    timeout=10000)  # fmt: skip
    yield widget
    QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(10)
    i18n.install("en")


def test_cards_show_the_weeks_figures(view, demo_db) -> None:  # type: ignore[no-untyped-def]
    m = MetricsService(demo_db).week(W47)
    gmv = view.cards[0]
    assert gmv.title.text()
    assert gmv.value.text() == f"¥{m.gmv / 100:,.0f}"
    assert view.cards[3].value.text() == f"{m.buyers:,}"
    assert f"{m.new_buyers:,} / {m.returning_buyers:,}" in view.cards[3].detail.text()
    assert view.cards[5].value.text() == f"{m.orders:,}"
    assert all(card.value.text() for card in view.cards)
    assert view.grades.text() != "–"


def test_charts_have_twelve_weeks_with_axes(view) -> None:  # type: ignore[no-untyped-def]
    import pyqtgraph as pg

    bars = [i for i in view.plot_gmv.getPlotItem().items if isinstance(i, pg.BarGraphItem)]
    assert len(bars) == 2
    ticks = view.plot_gmv.getAxis("bottom")._tickLevels[0]
    assert len(ticks) == 12 and ticks[-1][1] == "W47"
    assert view.plot_gmv.getAxis("left").labelText and view.plot_buyers.getAxis("left").labelText


def test_alerts_open_customers_or_screens(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert view.alerts.count() == 7
    with_customers = [i for i in range(view.alerts.count())
                      if (a := view.alerts.item(i).data(256)).count and a.customer_ids and a.screen is None]  # fmt: skip
    with_screen = [i for i in range(view.alerts.count())
                   if (a := view.alerts.item(i).data(256)).count and a.screen]  # fmt: skip
    assert with_customers or with_screen
    for row in with_customers[:1]:
        alert = view.alerts.item(row).data(256)
        with qtbot.waitSignal(view.open_customers) as opened:
            view.alerts.itemClicked.emit(view.alerts.item(row))
        assert opened.args[0] == alert.customer_ids
    for row in with_screen[:1]:
        alert = view.alerts.item(row).data(256)
        with qtbot.waitSignal(view.open_screen) as opened:
            view.alerts.itemClicked.emit(view.alerts.item(row))
        assert opened.args == [alert.screen]


def test_report_buttons_ask_for_the_chosen_week(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(view.report_requested) as asked:
        view.pdf_button.click()
    assert asked.args == [W47, "pdf"]
    with qtbot.waitSignal(view.report_requested) as asked:
        view.preview_button.click()
    assert asked.args == [W47, "preview"]


def test_a_new_week_is_read_on_choice(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    earlier = W47 - dt.timedelta(weeks=3)
    view.show_week(W47 - dt.timedelta(weeks=1))
    view.show_week(earlier)  # chosen while the week before is being read: the last choice wins
    qtbot.waitUntil(lambda: view._data.monday == earlier and not view._loading, timeout=10000)
    assert view._data.this.week == "2026-W44" and view.status.text() == ""


def test_channel_names_show_as_typed(view) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    data = view._data
    odd = dataclasses.replace(data, this=dataclasses.replace(data.this, new_contacts={"<b>直播</b>": 9}))
    view._loaded(odd)
    assert "&lt;b&gt;直播&lt;/b&gt; 9" in view.cards[7].detail.text()
