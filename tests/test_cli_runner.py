"""The in-process CLI runner (tests.helpers.invoke) sees what a real process sees and
leaves nothing behind: most CLI tests trust it instead of starting a process."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from pathlib import Path

import pytest

from reader import cli
from tests.helpers import ROOT, invoke, run_cli

SAMPLE = str(ROOT / "resources" / "samples" / "trial-halted.md")


def test_a_command_that_changes_the_process_leaves_no_trace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Environment, working folder, streams, argv, signal handlers and logging are put
    back even when the command changes them all and then crashes."""
    seen: dict[str, object] = {}

    def rogue(args: argparse.Namespace) -> int:
        seen["cwd"], seen["argv"] = os.getcwd(), list(sys.argv)
        seen["stdin"] = sys.stdin.read()
        os.environ["PROVENANCE_READER_ROGUE"] = "1"
        os.environ.pop("PROVENANCE_READER_HOME")
        os.chdir(tmp_path)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        logging.getLogger().addHandler(logging.StreamHandler(sys.stderr))
        logging.getLogger().setLevel(logging.DEBUG)
        logging.getLogger("reader.rogue").warning("a warning on stderr")
        print("some output")
        raise RuntimeError("a bug")

    monkeypatch.setattr(cli, "cmd_list", rogue)
    env, cwd, streams = dict(os.environ), os.getcwd(), (sys.stdin, sys.stdout, sys.stderr)
    argv, term = list(sys.argv), signal.getsignal(signal.SIGTERM)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level

    p = invoke("list", stdin="typed by the user\n")

    assert (p.returncode, p.stdout) == (1, "some output\n")
    assert isinstance(p.exception, RuntimeError)
    assert "a warning on stderr" in p.stderr
    assert "Traceback" in p.stderr and "RuntimeError: a bug" in p.stderr
    assert seen == {
        "cwd": str(ROOT),
        "argv": [str(ROOT / "reader" / "__main__.py"), "list"],
        "stdin": "typed by the user\n",
    }
    assert dict(os.environ) == env and os.getcwd() == cwd
    assert (sys.stdin, sys.stdout, sys.stderr) == streams and sys.argv == argv
    assert signal.getsignal(signal.SIGTERM) == term
    assert (root.handlers, root.level) == (handlers, level)


def test_env_is_for_that_run_only() -> None:
    p = invoke("extract", SAMPLE, "--format", "json", env={"PROVENANCE_READER_DISABLE_RULES": "x"})
    assert p.returncode == 2 and "unknown cue rule(s): x" in p.stderr
    assert "PROVENANCE_READER_DISABLE_RULES" not in os.environ
    assert invoke("extract", SAMPLE, "--format", "json").returncode == 0


def test_stdout_is_a_pipe_not_a_string(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text a real stdout cannot encode (a lone surrogate, from a badly encoded file
    name) fails as it would in a process: a StringIO would take it silently."""

    def surrogate(args: argparse.Namespace) -> int:
        sys.stderr.write("name \udce9\n")  # stderr escapes, as Python's own does
        print("name \udce9")
        return 0

    monkeypatch.setattr(cli, "cmd_list", surrogate)
    p = invoke("list")
    assert p.returncode == 1 and isinstance(p.exception, UnicodeEncodeError)
    assert p.stderr.startswith("name \\udce9\n")


def test_exit_codes_and_output_of_argparse() -> None:
    assert invoke("--version").returncode == 0
    assert invoke("show", "x").returncode == 2
    assert invoke("list", "--help").stdout.startswith("usage: provenance-reader list")


def test_what_needs_a_process_is_refused() -> None:
    with pytest.raises(ValueError, match="run_cli"):
        invoke("open", SAMPLE)
    with pytest.raises(ValueError, match="run_cli"):
        invoke("extract", *[SAMPLE] * cli.PARALLEL_MIN_INPUTS)
    assert invoke("extract", *[SAMPLE] * cli.PARALLEL_MIN_INPUTS, "--jobs", "1").returncode == 0


@pytest.mark.subprocess
def test_in_process_and_subprocess_print_the_same(tmp_path: Path) -> None:
    """The runner is only worth trusting if it agrees with a real process: the same
    exit codes, stdout and stderr for a good input, a batch with bad inputs, a usage
    error and the help."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for args in (
        ("extract", SAMPLE, "--format", "json"),
        ("extract", str(empty), SAMPLE, str(tmp_path / "gone.md")),
        ("show", "not-a-number"),
        ("search", "--help"),
    ):
        inside, outside = invoke(*args), run_cli(*args)
        assert (inside.returncode, inside.stdout, inside.stderr) == (
            outside.returncode,
            outside.stdout,
            outside.stderr,
        ), args
