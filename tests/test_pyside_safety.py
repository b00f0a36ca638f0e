"""PySide6 6.12.0 lowers None's reference count on every void Qt call (CPython 3.11 then aborts with
"none_dealloc"). This test calls a void method many times: a future upgrade must pass it first."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_keep_none_refcount(qapp) -> None:  # type: ignore[no-untyped-def]
    obj = QObject()
    before = sys.getrefcount(None)
    for i in range(20000):
        obj.setObjectName(f"n{i % 7}")
    after = sys.getrefcount(None)
    assert after >= before - 100
