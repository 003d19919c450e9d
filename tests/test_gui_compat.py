"""The installed PySide6 must not leak references to ``None``.

PySide6-Essentials 6.12.0 on Python 3.11 drops a reference to ``None`` on every void
call (``QTimer.stop()``, ``QStatusBar.showMessage()``, ...); the interpreter aborts
with "none_dealloc" after a few thousand calls, i.e. within seconds of use. The
dependency range in pyproject.toml excludes that build; this test fails loudly if a
leaking build is installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer


def test_void_qt_calls_do_not_leak_none(qapp: object) -> None:
    if sys.version_info >= (3, 12):
        return  # None is immortal there (PEP 683): nothing can leak
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(1000):
        timer.stop()
    assert before - sys.getrefcount(None) < 10, "this PySide6 build leaks None: see pyproject.toml"
