"""The README is literal: what it shows runs as shown, from a checkout."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    return README.split(title, 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]


def test_the_python_snippets_run_as_a_plain_script(tmp_path):
    """The snippets of "In Python and in a notebook", pasted into one script without a
    main guard and run where `corpus/` holds the seeds."""
    blocks = re.findall(r"```python\n(.*?)```", section("### In Python and in a notebook"), re.S)
    assert len(blocks) == 3
    shutil.copytree(ROOT / "tests" / "fixtures" / "seeds", tmp_path / "corpus")
    (tmp_path / "script.py").write_text("\n".join(blocks), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "script.py"], cwd=tmp_path, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "outputs" / "accords.parquet").exists()


def test_every_make_target_and_accords_command_it_names_exists():
    targets = set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(), re.M))
    named = set(re.findall(r"`make ([a-z-]+)", README)) | set(
        re.findall(r"^make ([a-z-]+)", README, re.M)
    )
    assert named and named <= targets, named - targets
    commands = set(main.commands)
    used = set(re.findall(r"`accords ([a-z]+)", README))
    assert used <= commands, used - commands
    for command in commands:
        assert CliRunner().invoke(main, [command, "--help"]).exit_code == 0


def test_commands_run_in_the_activated_environment_and_extras_come_from_the_checkout():
    quick = section("## Quick start")
    shell = re.search(r"```sh\n(.*?)```", quick, re.S).group(1).splitlines()
    activate = next(i for i, line in enumerate(shell) if "source .venv/bin/activate" in line)
    first_accords = next(i for i, line in enumerate(shell) if line.startswith("accords "))
    assert activate < first_accords
    for needed in ("Python 3.10", "make", "C compiler", "make test-fast", "jupyter execute"):
        assert needed in quick, needed
    assert not re.search(r"pip install '?accords", README)  # accords is on no registry
    assert "pip install -e '.[export]'" in README


def fake_venv(tmp_path: Path, extra_installed: bool) -> Path:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    later = (ROOT / "pyproject.toml").stat().st_mtime + 10
    (venv / "bin" / "accords").touch()
    os.utime(venv / "bin" / "accords", (later, later))
    if extra_installed:
        (venv / ".notebook-extra").touch()
        os.utime(venv / ".notebook-extra", (later + 10, later + 10))
    return venv


@pytest.mark.parametrize("installed", [False, True])
def test_make_notebook_installs_jupyterlab_once_and_runs_as_root(tmp_path, installed):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    venv = fake_venv(tmp_path, installed)
    result = subprocess.run(
        ["make", "-n", "notebook", f"VENV={venv}"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert ("pip install" in result.stdout) is not installed
    lab = next(line for line in result.stdout.splitlines() if "jupyter lab" in line)
    assert lab.endswith("--allow-root") is (os.getuid() == 0)


def test_make_test_fast_leaves_out_the_slow_tests(tmp_path):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    venv = fake_venv(tmp_path, False)
    result = subprocess.run(
        ["make", "-n", "test-fast", f"VENV={venv}"], cwd=ROOT, capture_output=True, text=True
    )
    assert 'pytest -m "not slow"' in result.stdout
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert '"slow: browser and cluster tests, run by make test and CI"' in pyproject
