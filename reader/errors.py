"""The one error type user-facing paths catch: bad input, told in one line."""

from __future__ import annotations

#: Exit statuses of every command (the CLI's and the window's): 2 is bad input.
EXIT_OK, EXIT_BAD_INPUT = 0, 2


class InputError(Exception):
    """An input that cannot become an article; ``str()`` is the user-facing line.

    ``source`` names the file or URL; ``reason`` says what is wrong with it. The
    message quotes a source with control characters or undecodable bytes in its name
    (:func:`reader.textsafe.quote_name`): a newline in a file name cannot forge a
    second error line.
    """

    def __init__(self, source: str, reason: str) -> None:
        from reader.textsafe import quote_name

        super().__init__(f"{quote_name(source)}: {reason}")
        self.source = source
        self.reason = reason


#: The reason given when one input meets a bug of ours: the details (set
#: PROVENANCE_READER_DEBUG=1 to see them) are for a bug report, not for the reader.
BUG_REASON = (
    "could not be processed because of an error in Provenance Reader; please report it"
    " (PROVENANCE_READER_DEBUG=1 shows the details)"
)


def write_errors() -> tuple[type[Exception], ...]:
    """What a library write may raise that the user must hear about, not a traceback:
    the library busy or locked (sqlite3.OperationalError) or unusable (InputError).
    A function, for ``except write_errors():`` (evaluated only when something was
    raised): the window can start without loading sqlite3."""
    import sqlite3

    return (sqlite3.OperationalError, InputError)


def busy_error() -> type[Exception]:
    """sqlite3.OperationalError (busy, locked), loaded only when something was raised."""
    import sqlite3

    return sqlite3.OperationalError


def store_error() -> type[Exception]:
    """sqlite3.Error (any failure of the store), loaded only when something was raised."""
    import sqlite3

    return sqlite3.Error
