from __future__ import annotations

import pytest
from sqlalchemy import text

from app.services.changes import ChangeListener
from app.views.live_refresh import LiveRefresh


def test_changes_arrive_in_the_gui_thread_within_two_seconds(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    if demo_db.location.is_sqlite:
        pytest.skip("change notifications exist on PostgreSQL only")
    live = LiveRefresh(ChangeListener(demo_db.location))
    live.start()
    try:
        qtbot.wait(300)  # listening
        with qtbot.waitSignal(live.changed, timeout=2000) as signal:
            with demo_db.engine.begin() as conn:
                conn.execute(text("UPDATE customer SET city = '舟山' WHERE id = 3"))
        assert "customer" in signal.args[0]
    finally:
        live.stop()
