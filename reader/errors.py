"""The one error type user-facing paths catch: bad input, told in one line."""

from __future__ import annotations


class InputError(Exception):
    """An input that cannot become an article; ``str()`` is the user-facing line.

    ``source`` names the file or URL; ``reason`` says what is wrong with it.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
