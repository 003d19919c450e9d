"""The one error type user-facing paths catch: bad input, told in one line."""

from __future__ import annotations

#: Exit statuses of every command (the CLI's and the window's): 2 is bad input.
EXIT_OK, EXIT_BAD_INPUT = 0, 2


class InputError(Exception):
    """An input that cannot become an article; ``str()`` is the user-facing line.

    ``source`` names the file or URL; ``reason`` says what is wrong with it.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


#: The reason given when one input meets a bug of ours: the details (set
#: PROVENANCE_READER_DEBUG=1 to see them) are for a bug report, not for the reader.
BUG_REASON = (
    "could not be processed because of an error in Provenance Reader; please report it"
    " (PROVENANCE_READER_DEBUG=1 shows the details)"
)
