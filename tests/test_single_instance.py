"""Single instance: a second launch hands its paths to the running one over a real
local socket, from a real second process; a socket left by a killed run is
recovered."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.gui.single_instance import (
    Role,
    SingleInstance,
    absolute,
    server_name,
    socket_path,
)

ROOT = Path(__file__).resolve().parents[1]

# A second launch: forward argv[2:] for key argv[1]; exit 0 if the running one took them.
CLIENT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication
    from reader.gui.single_instance import SingleInstance
    app = QCoreApplication(sys.argv[:1])
    ok = SingleInstance(sys.argv[1]).send_to_running(sys.argv[2:])
    sys.exit(0 if ok else 1)
    """
)

# A second launch going through claim(), as the app does: prints what it became.
CLAIMER = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication
    from reader.gui.single_instance import SingleInstance
    app = QCoreApplication(sys.argv[:1])
    inst = SingleInstance(sys.argv[1])
    role = inst.claim(sys.argv[2:])
    print(role.name, inst.is_listening(), flush=True)
    if role.name == "PRIMARY":  # serve a while, as a window would
        inst.paths_received.connect(lambda paths: print("got", *paths, flush=True))
        from PySide6.QtCore import QTimer
        QTimer.singleShot(int(sys.argv[2] if len(sys.argv) > 2 else 0), app.quit)
        app.exec()
    """
)

# A running instance that says so, then serves until killed.
SERVER = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication
    from reader.gui.single_instance import SingleInstance
    app = QCoreApplication(sys.argv[:1])
    inst = SingleInstance(sys.argv[1])
    print("listening" if inst.listen() else "refused", flush=True)
    sys.exit(app.exec())
    """
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def _python(script: str, *args: str, cwd: Path | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=cwd,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def key() -> str:
    """A library key no other test (or real instance) uses."""
    return f"/tmp/test-library-{uuid.uuid4().hex}.db"


@pytest.fixture
def instance(qapp: object, key: str) -> Iterator[SingleInstance]:
    inst = SingleInstance(key)
    yield inst
    inst.close()


@pytest.mark.subprocess
def test_second_process_forwards_its_paths_and_exits(
    qtbot: QtBot, instance: SingleInstance, key: str, tmp_path: Path
) -> None:
    assert instance.listen()
    with qtbot.waitSignal(instance.paths_received, timeout=15000) as blocker:
        client = _python(CLIENT, key, "article.html", "https://example.org/a?b=1", cwd=tmp_path)
    _out, err = client.communicate(timeout=15)
    assert client.returncode == 0, err
    # The relative path is resolved against the *second* process's folder.
    assert blocker.args == [[str(tmp_path / "article.html"), "https://example.org/a?b=1"]]


def test_no_running_instance_means_nobody_takes_the_paths(qapp: object, key: str) -> None:
    assert SingleInstance(key).send_to_running(["x.html"]) is False


@pytest.mark.subprocess
def test_claim_makes_the_first_process_primary_and_forwards_a_plain_launch(
    qtbot: QtBot, instance: SingleInstance, key: str
) -> None:
    assert instance.claim(["first.html"]) is Role.PRIMARY
    assert instance.is_listening()
    with qtbot.waitSignal(instance.paths_received, timeout=15000) as blocker:
        client = _python(CLAIMER, key)  # no paths
    out, err = client.communicate(timeout=15)
    assert client.returncode == 0, err
    assert out.split() == ["FORWARDED", "False"]  # handed over, never listened
    assert blocker.args == [[]]  # no paths: "bring the window to the front"


@pytest.mark.subprocess
def test_two_launches_at_once_end_with_one_primary_that_got_the_other_paths(
    qapp: object, key: str, tmp_path: Path
) -> None:
    # Nobody is listening; both start together. The first path doubles as how long
    # (ms) the primary serves before quitting, so it outlives the other's hand-over.
    launches = [_python(CLAIMER, key, "4000", cwd=tmp_path) for _ in range(2)]
    outs = [p.communicate(timeout=30)[0].splitlines() for p in launches]
    assert all(p.returncode == 0 for p in launches)
    firsts = sorted(out[0] for out in outs)
    assert firsts == ["FORWARDED False", "PRIMARY True"], outs
    primary = next(out for out in outs if out[0].startswith("PRIMARY"))
    assert primary[1:] == [f"got {tmp_path / '4000'}"]


@pytest.mark.subprocess
def test_a_live_instance_is_not_taken_over(qapp: object, key: str) -> None:
    server = _python(SERVER, key)
    try:
        assert server.stdout is not None
        assert server.stdout.readline().strip() == "listening"
        ours = SingleInstance(key)
        assert ours.listen() is False
        assert ours.send_to_running([]) is True
    finally:
        server.kill()
        server.communicate(timeout=15)


@pytest.mark.subprocess
def test_socket_left_by_a_killed_instance_is_recovered(
    qtbot: QtBot, instance: SingleInstance, key: str
) -> None:
    server = _python(SERVER, key)
    assert server.stdout is not None
    assert server.stdout.readline().strip() == "listening"
    os.kill(server.pid, signal.SIGKILL)
    server.communicate(timeout=15)
    if sys.platform != "win32":
        # SIGKILL gave it no chance to clean up: the socket file is still there.
        assert Path(socket_path(instance.name)).exists()
    assert instance.send_to_running(["a.html"]) is False  # nobody answers on it
    assert instance.listen() is True
    with qtbot.waitSignal(instance.paths_received, timeout=15000):
        client = _python(CLIENT, key, "/x/a.html")
    client.communicate(timeout=15)
    assert client.returncode == 0


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets only")
def test_stale_unix_socket_file_is_recovered(
    instance: SingleInstance, key: str, tmp_path: Path
) -> None:
    path = Path(socket_path(instance.name))
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))
    stale.close()  # bound, never listening, file left behind
    assert path.exists()
    assert instance.listen() is True
    assert instance.is_listening()


def test_malformed_request_is_refused_and_not_emitted(
    qtbot: QtBot, instance: SingleInstance
) -> None:
    from PySide6.QtNetwork import QLocalSocket

    assert instance.listen()
    received: list[object] = []
    instance.paths_received.connect(received.append)
    sock = QLocalSocket()
    sock.connectToServer(instance.name)
    assert sock.waitForConnected(2000)
    sock.write(json.dumps({"not": "a list"}).encode() + b"\n")
    sock.flush()
    reply = bytearray()
    qtbot.waitUntil(
        lambda: reply.extend(bytes(sock.readAll().data())) or b"\n" in reply, timeout=5000
    )
    assert bytes(reply) == b"error\n"
    assert received == []
    sock.abort()


@pytest.mark.subprocess
def test_socket_lives_in_the_private_runtime_folder_when_there_is_one(
    qtbot: QtBot, key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = tempfile.mkdtemp(prefix="rt-", dir="/tmp" if os.path.isdir("/tmp") else None)
    monkeypatch.setenv("XDG_RUNTIME_DIR", runtime)
    inst = SingleInstance(key)
    try:
        if sys.platform.startswith("linux"):
            assert os.path.dirname(inst.name) == runtime
        assert inst.listen()
        assert os.path.exists(socket_path(inst.name))
        # The second process finds it there too (it inherits the environment).
        with qtbot.waitSignal(inst.paths_received, timeout=15000) as blocker:
            client = _python(CLIENT, key, "/x/b.md")
        client.communicate(timeout=15)
        assert client.returncode == 0
        assert blocker.args == [["/x/b.md"]]
    finally:
        inst.close()
        shutil.rmtree(runtime, ignore_errors=True)


def test_names_separate_users_and_libraries() -> None:
    a = server_name("/home/a/library.db", user="alice")
    assert a == server_name("/home/a/library.db", user="alice")
    assert a != server_name("/home/a/library.db", user="bob")
    assert a != server_name("/home/a/other.db", user="alice")
    assert len(os.path.basename(a)) < 60


def test_absolute_keeps_urls_and_resolves_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert absolute("https://example.org/x") == "https://example.org/x"
    assert absolute("file:///tmp/x.html") == "file:///tmp/x.html"
    assert absolute("sub/x.md") == str(tmp_path / "sub" / "x.md")


def test_a_bare_web_address_is_handed_over_as_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "example.org" with no such file here stays as typed, so the window can say to
    add https:// (made absolute, it would only say "no such file")."""
    monkeypatch.chdir(tmp_path)
    assert absolute("example.org/news") == "example.org/news"
    (tmp_path / "notes.md").write_text("x")
    assert absolute("notes.md") == str(tmp_path / "notes.md")  # a real file stays a path
    (tmp_path / "gone.html").unlink(missing_ok=True)
    assert absolute("gone.html") == str(tmp_path / "gone.html")  # a file name, not a host
