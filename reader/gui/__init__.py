"""The reader window (PySide6). The only package that imports Qt; it imports the core."""

from reader.gui._compat import guard_none_refcount

guard_none_refcount()
