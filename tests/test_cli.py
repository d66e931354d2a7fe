"""The command line as a user meets it: help, usage errors, reports written, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import REPO, SHARED
from newsprism.cli import app

runner = CliRunner()


@pytest.mark.parametrize("command", [[], ["analyze"], ["ingest"]])
def test_cli_help_is_there_with_examples(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output
    if command:
        assert "Example" in result.output


def test_cli_usage_error_exits_2():
    result = runner.invoke(app, ["analyze", "--no-such-option"])
    assert result.exit_code == 2


def test_cli_analyze_without_inputs_is_a_usage_error():
    result = runner.invoke(app, ["analyze"])
    assert result.exit_code == 2


def test_cli_analyze_writes_three_reports(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("The river burst its banks on Sunday, flooding 200 homes, the fire service said.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(src), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "report.json", "report.md"]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["articles"][0]["source_path"] == str(src)


def test_cli_seeds_report_keeps_the_contract(tmp_path):
    """The foundation's done-when: the seeds give five articles and report.json keeps its field names."""
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds not present")
    out = tmp_path / "out"
    newsprism = REPO / ".venv" / "bin" / "newsprism"
    cmd = [str(newsprism)] if newsprism.exists() else [sys.executable, "-m", "newsprism.cli"]
    proc = subprocess.run([*cmd, "analyze", str(seeds), "--out", str(out)], capture_output=True, text=True,
                          env={**os.environ, "HF_HUB_OFFLINE": "1"}, timeout=600)
    assert proc.returncode == 0, proc.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(report["articles"]) == 5
    check = subprocess.run([sys.executable, str(SHARED / "tools" / "check_contract.py"), str(out / "report.json")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
