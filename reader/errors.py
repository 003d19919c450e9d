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


class LibraryError(InputError):
    """The library file cannot do what was asked (busy, read-only, full, damaged, not
    ours, too new): ``source`` names the library, ``reason`` says what and what to do.
    An InputError, so every path that reports a bad input reports it in one line, and
    a batch goes on to its next input."""


#: SQLite primary result codes (``sqlite3.Error.sqlite_errorcode & 0xFF``) and what
#: each means to the reader, in one line. Loaded without sqlite3: the numbers are
#: SQLite's stable C API.
_SQLITE_REASONS = {
    5: "is busy: another program is writing to it",  # BUSY
    6: "is busy: another program is writing to it",  # LOCKED
    8: "is read-only (the file or its folder cannot be written): nothing was saved",  # READONLY
    10: "could not be read or written (a disk or file-system error): nothing was saved",  # IOERR
    11: "is damaged: run the 'check' command to see what (python -m reader check;"
    " 'check --repair' rebuilds the search index)",  # CORRUPT
    13: "is full (no space left on the disk): nothing was saved; free some space and try"
    " again",  # FULL
    14: "cannot be opened (the file or its folder is missing or not readable)",  # CANTOPEN
    26: "is not a usable library: not a SQLite database, or damaged",  # NOTADB
}


def library_error(path: object, exc: BaseException) -> LibraryError:
    """A sqlite3 error of the library at ``path`` as one line in the reader's words.

    By SQLite's result code where it has one; an error without a known code keeps
    SQLite's own words (rare: a bug of ours, or a new failure worth reporting).
    """
    code = getattr(exc, "sqlite_errorcode", None)
    reason = _SQLITE_REASONS.get(code & 0xFF) if isinstance(code, int) else None
    if reason is None:
        text = str(exc)
        if "locked" in text or "busy" in text:
            reason = _SQLITE_REASONS[5]
        elif "malformed" in text or "corrupt" in text:
            reason = _SQLITE_REASONS[11]
        else:
            reason = f"could not be used ({text})"
    return LibraryError(str(path), reason)


#: The reason given when one input meets a bug of ours: the details (set
#: PROVENANCE_READER_DEBUG=1 to see them) are for a bug report, not for the reader.
BUG_REASON = (
    "could not be processed because of an error in Provenance Reader; please report it"
    " (PROVENANCE_READER_DEBUG=1 shows the details)"
)


def write_errors() -> tuple[type[Exception], ...]:
    """What a library write may raise that the user must hear about, not a traceback:
    the library busy, read-only, full or damaged (sqlite3.DatabaseError, or InputError).
    A function, for ``except write_errors():`` (evaluated only when something was
    raised): the window can start without loading sqlite3."""
    import sqlite3

    return (sqlite3.DatabaseError, InputError)


def busy_error() -> type[Exception]:
    """sqlite3.OperationalError (busy, locked), loaded only when something was raised."""
    import sqlite3

    return sqlite3.OperationalError


def store_error() -> type[Exception]:
    """sqlite3.Error (any failure of the store), loaded only when something was raised."""
    import sqlite3

    return sqlite3.Error


def write_reason(exc: BaseException) -> str:
    """What a failed write tells the window's reader after "could not save X: ": the
    library's problem (busy, read-only, full, damaged) or the input's."""
    if isinstance(exc, LibraryError):
        return f"the library {exc.reason}"
    if isinstance(exc, InputError):
        return exc.reason
    return f"the library {library_error('library', exc).reason}"
