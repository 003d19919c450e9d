"""What `pipx install .` gets: the built wheel carries resources (samples, outlet
registry, icons), and an installed copy finds them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.subprocess  # builds the wheel and runs it


def test_the_wheel_ships_resources_and_uses_them(tmp_path: Path) -> None:
    out = tmp_path / "wheel"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert build.returncode == 0, build.stderr[-800:]
    [wheel] = out.glob("provenance_reader-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for sample in (ROOT / "resources" / "samples").iterdir():
        assert f"reader/_resources/samples/{sample.name}" in names
    assert "reader/_resources/outlets.json" in names
    assert any(n.startswith("reader/_resources/icons/hicolor/") for n in names)

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import json, reader, reader.paths as p\n"
        "from reader.pipeline import extract\n"
        "from reader.attribution import canonical_outlet\n"
        "_, a = extract(str(p.samples_dir() / 'veloria-patrol-boats.txt'))\n"
        "print(json.dumps([reader.__file__, str(p.samples_dir()), sorted({c.outlet for c in a.claims if c.outlet}), canonical_outlet('WSJ')]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert run.returncode == 0, run.stderr[-800:]
    module, samples, outlets, wsj = json.loads(run.stdout)
    assert module.startswith(str(site)) and samples.startswith(str(site))
    assert "The Meridian Journal" in outlets
    assert wsj == "The Wall Street Journal"  # the bundled registry was found
