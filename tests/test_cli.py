"""The CLI and the docs stay in step: every command has help with an example, and the
README shows the two commands first."""
from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT
from tcpipe.cli import build_parser


def _subcommands():
    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return action.choices


def test_every_command_has_an_example():
    for name, sub in _subcommands().items():
        assert "example" in sub.format_help(), name


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in _subcommands():
        assert f"tcplans {name}" in readme or f"make {name}" in readme, name


def test_readme_opens_with_the_two_commands():
    head = (ROOT / "README.md").read_text(encoding="utf-8")[:600]
    assert "make extract" in head and "make test" in head


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_extract_help_runs():
    out = subprocess.run([sys.executable, "-m", "tcpipe.cli", "extract", "--help"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert "--out" in out and "example" in out
