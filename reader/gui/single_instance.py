"""One running window per library: a second launch hands its paths over and exits.

Double-clicking a second article in the file manager starts a second process. If it
opened the same library it would fight the first one over the SQLite file and the
window settings, so instead it sends its paths/URLs to the running instance over a
local socket (a Unix socket, a named pipe on Windows) and exits.

Protocol, one request per connection: the client writes a JSON list of absolute paths
or URLs and a newline; the server answers ``ok\\n`` (or ``error\\n`` for a malformed
request) and emits :attr:`SingleInstance.paths_received`. An empty list means "just
bring the window to the front".

The socket name is a hash of the user and the library key, so two users, or one user
with two libraries, never collide; on Linux it lives in the user's private runtime
folder. A socket file left by a crashed run is detected (nobody answers a connect)
and removed before listening.

Wiring, once the QApplication exists and before the window is built::

    instance = SingleInstance.for_library(db_path)
    role = instance.claim(paths)
    if role is not Role.PRIMARY:
        return 0 if role is Role.FORWARDED else 1   # BUSY: print why
    instance.paths_received.connect(window.open_paths_and_raise)
"""

from __future__ import annotations

import enum
import getpass
import hashlib
import json
import logging
import os
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

#: Client waits: connecting to a live server is immediate; the ack needs the running
#: instance's event loop to turn over, which a busy machine may delay a little.
CONNECT_TIMEOUT_MS = 500
ACK_TIMEOUT_MS = 3000
#: The server drops a connection that has not sent a full request by then.
REQUEST_TIMEOUT_MS = 5000
#: A request larger than this is refused (a list of paths is a few KB at most).
MAX_REQUEST_BYTES = 1 << 20
ACK_OK, ACK_ERROR = b"ok\n", b"error\n"

#: sockaddr_un.sun_path is 108 bytes on Linux, including the terminating NUL.
_MAX_SOCKET_PATH = 100
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


class Role(enum.Enum):
    """What :meth:`SingleInstance.claim` decided for this process."""

    #: No other instance: this process is listening and should open the window.
    PRIMARY = "primary"
    #: A running instance took the paths: this process should exit successfully.
    FORWARDED = "forwarded"
    #: Another instance holds the name but does not answer: do not open the library.
    BUSY = "busy"


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (e.g. a container without passwd entry)
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def server_name(name_key: str, user: str | None = None) -> str:
    """The local-socket name for ``name_key`` (e.g. the library path) and the user.

    On Linux with a session runtime folder (``$XDG_RUNTIME_DIR``, private to the user)
    the socket lives there, so no other user can squat the name or connect. Elsewhere
    it is a bare name: Qt puts it in the temp folder (per-user on macOS) or makes it a
    named pipe (Windows), and the listening socket is restricted to the user.
    """
    who = _user() if user is None else user
    digest = hashlib.sha256(f"{who}\0{name_key}".encode()).hexdigest()[:20]
    name = f"provenance-reader-{digest}"
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if sys.platform.startswith("linux") and os.path.isabs(runtime) and os.path.isdir(runtime):
        path = os.path.join(runtime, name)
        if len(path.encode()) < _MAX_SOCKET_PATH:
            return path
    return name


def socket_path(name: str) -> str:
    """Where the Unix socket file for ``name`` lives (what Qt does with a bare name)."""
    if os.path.isabs(name):
        return name
    from PySide6.QtCore import QDir

    return os.path.join(QDir.tempPath(), name)


def absolute(item: str) -> str:
    """A URL unchanged, a path made absolute against *this* process's folder.

    The running instance has its own working directory, so a relative path from the
    second launch would point somewhere else there.
    """
    if _URL.match(item):
        return item
    path = os.path.abspath(os.path.expanduser(item))
    from reader.ingest.load import looks_like_bare_address

    if not os.path.exists(path) and looks_like_bare_address(item):
        return item  # "example.org": the window says to add https://, not "no such file"
    return path


class SingleInstance(QObject):
    """The local server of the running instance, or the client of a second launch."""

    #: Paths/URLs (absolute) handed over by a later launch; ``[]`` means "raise".
    paths_received = Signal(list)

    def __init__(self, name_key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(name_key)
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytearray] = {}

    @classmethod
    def for_library(cls, db_path: str | os.PathLike[str]) -> SingleInstance:
        """The instance guarding one library file (keyed by its resolved path)."""
        return cls(str(Path(db_path).expanduser().resolve()))

    # --- client -----------------------------------------------------------------

    def send_to_running(self, paths: Iterable[str]) -> bool:
        """Hand ``paths`` to a running instance; True once it acknowledged them.

        False when no instance is listening (or it did not answer in time). Blocks
        for at most ``CONNECT_TIMEOUT_MS + ACK_TIMEOUT_MS``; needs no event loop.
        """
        payload = json.dumps([absolute(p) for p in paths]).encode() + b"\n"
        sock = QLocalSocket()
        sock.connectToServer(self.name)
        if not sock.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        try:
            sock.write(payload)
            deadline = time.monotonic() + ACK_TIMEOUT_MS / 1000
            while sock.bytesToWrite() > 0:
                left = int((deadline - time.monotonic()) * 1000)
                if left <= 0 or not sock.waitForBytesWritten(left):
                    return False
            reply = bytearray()
            while b"\n" not in reply:
                left = int((deadline - time.monotonic()) * 1000)
                if left <= 0:
                    return False
                if sock.bytesAvailable() == 0 and not sock.waitForReadyRead(left):
                    # The server may answer and close in one go: read what arrived.
                    reply += bytes(sock.readAll().data())
                    if b"\n" not in reply:
                        return False
                    break
                reply += bytes(sock.readAll().data())
            return bytes(reply[: reply.index(b"\n") + 1]) == ACK_OK
        finally:
            sock.abort()

    # --- server -----------------------------------------------------------------

    def listen(self) -> bool:
        """Start serving; False if a live instance already serves this name.

        First a connect: if someone answers, that instance owns the library. If not,
        any socket file there is left from a crashed run: remove it, then listen. Qt's
        user-only sockets replace an existing file rather than fail with "address in
        use", so this check must come first, and a lock file makes check-then-listen
        atomic between two launches racing each other (a lock left by a crashed
        process is recognised by its dead PID and taken over).
        """
        if self.is_listening():
            return True
        lock = QLockFile(socket_path(self.name) + ".lock")
        lock.setStaleLockTime(0)  # stale only if its owner is gone, however old
        if not lock.tryLock(ACK_TIMEOUT_MS):
            log.warning("single instance: %s is locked by another launch", lock.fileName())
            return False
        try:
            if self._someone_listening():
                return False
            QLocalServer.removeServer(self.name)  # a stale socket file, if any
            server = QLocalServer(self)
            # Only this user may connect: nobody else may push paths into our window.
            server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
            server.newConnection.connect(self._accept)
            if not server.listen(self.name):
                log.warning(
                    "single instance: cannot listen on %s: %s", self.name, server.errorString()
                )
                server.deleteLater()
                return False
            self._server = server
            return True
        finally:
            lock.unlock()

    def is_listening(self) -> bool:
        """True while this object serves the name."""
        return self._server is not None and self._server.isListening()

    def close(self) -> None:
        """Stop serving and remove the socket (also done when the object is deleted)."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def claim(self, paths: Iterable[str]) -> Role:
        """Forward ``paths`` to a running instance, or become the running instance.

        Tries a few times, because two launches at once can both find nobody there
        and then race for the name: the loser forwards to the winner.
        """
        items = list(paths)
        for _attempt in range(3):
            if self.send_to_running(items):
                return Role.FORWARDED
            if self.listen():
                return Role.PRIMARY
            if self._server is None and not self._someone_listening():
                # Listening failed for another reason (e.g. no writable temp folder):
                # run without the guard rather than not at all.
                return Role.PRIMARY
        return Role.BUSY

    def _someone_listening(self) -> bool:
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        alive = probe.waitForConnected(CONNECT_TIMEOUT_MS)
        probe.abort()
        return alive

    # The handlers find their socket with sender() rather than closures: a lambda that
    # holds a socket's wrapper, connected to that socket's own signal, would be freed
    # while the socket is being deleted and take the socket down a second time.

    @Slot()
    def _accept(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            if sock is None:
                break
            self._buffers[sock] = bytearray()
            sock.readyRead.connect(self._on_ready_read)
            sock.disconnected.connect(self._on_disconnected)
            # A client that never finishes its request is dropped. The timer is the
            # socket's child, so it dies with it and never fires on a deleted socket.
            timer = QTimer(sock)
            timer.setSingleShot(True)
            timer.timeout.connect(self._on_request_timeout)
            timer.start(REQUEST_TIMEOUT_MS)
            if sock.bytesAvailable():
                self._read(sock)

    @Slot()
    def _on_ready_read(self) -> None:
        sock = self.sender()
        if isinstance(sock, QLocalSocket):
            self._read(sock)

    @Slot()
    def _on_disconnected(self) -> None:
        sock = self.sender()
        if isinstance(sock, QLocalSocket):
            self._buffers.pop(sock, None)
            sock.deleteLater()

    @Slot()
    def _on_request_timeout(self) -> None:
        timer = self.sender()
        sock = timer.parent() if timer is not None else None
        if isinstance(sock, QLocalSocket) and sock in self._buffers:
            self._buffers.pop(sock, None)
            sock.abort()

    def _read(self, sock: QLocalSocket) -> None:
        buf = self._buffers.get(sock)
        if buf is None:
            return
        buf += bytes(sock.readAll().data())
        if b"\n" not in buf:
            if len(buf) > MAX_REQUEST_BYTES:
                self._answer(sock, ACK_ERROR)
            return
        line = bytes(buf[: buf.index(b"\n")])
        try:
            items = json.loads(line)
        except (UnicodeDecodeError, ValueError):
            items = None
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            log.warning("single instance: ignoring a malformed request")
            self._answer(sock, ACK_ERROR)
            return
        self._answer(sock, ACK_OK)
        self.paths_received.emit(items)

    def _answer(self, sock: QLocalSocket, ack: bytes) -> None:
        self._buffers.pop(sock, None)
        sock.write(ack)
        sock.flush()
        sock.disconnectFromServer()  # closes once the ack is written
