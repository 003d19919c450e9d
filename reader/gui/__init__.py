"""The reader window (PySide6). The only package that imports Qt; it imports the core."""
