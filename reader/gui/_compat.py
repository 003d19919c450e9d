"""Work around a PySide6 build that drops a reference to ``None`` on every void call.

PySide6 6.12.0 wheels, run on Python 3.11, return ``None`` from C++ methods that
return nothing (``QTimer.stop()``, ``QStatusBar.showMessage()``, ...) without taking
a reference to it; on Python 3.12+ ``None`` is immortal and that is harmless, but on
3.11 ``None``'s count falls by one per call and the interpreter aborts with "Fatal
Python error: none_dealloc" after a few thousand calls, i.e. within seconds of use.

:func:`guard_none_refcount` measures the leak once at import and, only where it is
real, gives ``None`` a reference count no session can exhaust, which is what 3.12
does for every interpreter.
"""

from __future__ import annotations

import ctypes
import sys

#: Extra references given to None where the leak is present (~35 years at 1000 calls/s).
_PIN = 1 << 40


def leaks_none() -> bool:
    """True if a void Qt call costs ``None`` a reference on this interpreter."""
    if sys.version_info >= (3, 12):
        return False  # None is immortal (PEP 683)
    from PySide6.QtCore import QTimer

    timer = QTimer()
    calls = 16
    before = sys.getrefcount(None)
    for _ in range(calls):
        timer.stop()
    return before - sys.getrefcount(None) >= calls


def guard_none_refcount() -> bool:
    """Pin None's reference count if the leak is present; True if it was pinned."""
    if not leaks_none():
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += _PIN
    return True
