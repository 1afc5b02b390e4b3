"""The command line: the default command, diff(1) exit codes, JSON schemas, colour, quiet jieba."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, run_cli
from typer.testing import CliRunner

from plandiff.cli.main import app
from plandiff.errors import InputError

runner = CliRunner()


def test_the_default_command_takes_arguments_that_spell_a_command():
    result = runner.invoke(app, ["qingdao-2018", "wuhan-2014", "--section", "show", "--no-color"])
    # Compared, and no heading contains "show": an InputError, which main() turns into exit 2.
    assert result.exit_code == 2 and "--section 'show'" in result.stderr
    result = runner.invoke(app, ["qingdao-2018", "wuhan-2014", "--section", "科技", "--no-color"])
    assert result.exit_code == 1 and "qingdao-2018" in result.stdout


def test_a_mistyped_command_gets_a_suggestion():
    result = runner.invoke(app, ["lsit"])
    assert result.exit_code == 2
    assert "did you mean 'list'" in result.output


def test_main_command_is_compare_and_exit_codes_follow_diff():
    differ = run_cli("qingdao-2018", "wuhan-2014", "--no-pager")
    assert differ.exit_code == 1, differ.stderr
    assert "Sections" in differ.stdout and "科技金融" in differ.stdout
    same = run_cli("wuhan-2014", "wuhan-2014")
    assert same.exit_code == 0 and "no differences" in same.stdout
    error = run_cli("wuhan-2014", "nowhere-1999")
    assert error.exit_code == 2 and "unknown plan" in error.stderr


@pytest.mark.slow
def test_the_console_script_runs_quietly_on_a_cold_cache():
    """The one test of the installed script as a whole process: exit code, output, and jieba kept quiet."""
    script = Path(sys.executable).with_name("plandiff")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "plandiff"]
    result = subprocess.run([*command, "changzhou-2018", "binzhou-2023", "--no-color"], capture_output=True,
                            text=True, cwd=ROOT, env={**os.environ, "PLANDIFF_NO_CACHE": "1"})
    assert result.returncode == 1, result.stderr
    assert "研发投入强度" in result.stdout
    assert result.stderr == ""  # no "Building prefix dict" from jieba, no warnings


def test_comparison_json_schema(tmp_path):
    target = tmp_path / "out.json"
    result = runner.invoke(app, ["compare", "qingdao-2018", "wuhan-2014", "--format", "json", "-o", str(target)])
    assert result.exit_code == 1
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["schema"] == "plandiff/comparison@1"
    assert {"slug", "title", "place", "year"} <= set(data["old"])
    assert data["old"]["slug"] == "qingdao-2018" and data["new"]["place"] == "武汉"
    statuses = {"matched", "added", "removed", "split", "merged"}
    for section in data["sections"]:
        assert section["status"] in statuses and 0.0 <= section["score"] <= 1.0
        assert isinstance(section["moved"], bool)
        for side in ("old", "new"):
            assert section[side] is None or {"id", "heading"} <= set(section[side])
        for sentence in section["sentences"]:
            assert sentence["status"] in {"same", "changed", "added", "removed", "moved"}
            if sentence["diff"]:
                assert "".join(t for op, t in sentence["diff"] if op >= 0) == sentence["new"]
    paired = data["summary"]["sections"]
    assert paired["matched"] + paired["merged"] + paired["split"] >= 4  # 2 matched, 8 merged into 4 sections


def test_show_json_schema():
    result = runner.invoke(app, ["show", "wuhan-2014", "--format", "json"])
    data = json.loads(result.stdout)
    assert data["schema"] == "plandiff/plan@1"
    assert data["outline"][0]["level"] == 0
    assert {"id", "level", "marker", "heading", "sentences"} <= set(data["outline"][1])


@pytest.fixture
def edited_binzhou(tmp_path):
    """binzhou-2023 and a copy with one target raised, as two files."""
    base = (SEEDS / "binzhou-2023.txt").read_text(encoding="utf-8")
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(base, encoding="utf-8")
    new.write_text(base.replace("达到3.55%", "达到3.80%"), encoding="utf-8")
    return old, new


def test_no_color_marks_edits_in_text(edited_binzhou):
    result = run_cli(*edited_binzhou, env={"NO_COLOR": "1"})
    assert result.exit_code == 1
    assert "[-3.55%-]{+3.80%+}" in result.stdout and "\x1b[" not in result.stdout


def test_piped_output_keeps_edit_marks(edited_binzhou):
    result = run_cli(*edited_binzhou)  # the runner's stdout is not a terminal, like a pipe
    assert "[-3.55%-]{+3.80%+}" in result.stdout and "\x1b[" not in result.stdout


def test_add_derives_a_pinyin_slug_from_place_and_year():
    result = run_cli("add", SEEDS / "qingdao-shinan-2021.txt")
    assert result.exit_code == 0 and "qingdao-shinan-2021" in result.stdout
    listed = run_cli("list", env={"COLUMNS": "200"})
    assert "library" in listed.stdout


def test_section_filter_and_all():
    quiet = runner.invoke(app, ["compare", "qingdao-2018", "qingdao-2018", "--section", "科技金融"])
    assert quiet.exit_code == 0
    assert "增强科技金融服务" not in quiet.stdout  # an unchanged pair with nothing to show stays quiet
    everything = runner.invoke(app, ["compare", "qingdao-2018", "qingdao-2018", "--all", "--section", "科技金融"])
    assert "增强科技金融服务" in everything.stdout and "一行三局" in everything.stdout
    assert "深化科技体制改革" not in everything.stdout
    result = runner.invoke(app, ["compare", "qingdao-2018", "wuhan-2014", "--section", "科技金融", "--no-color"])
    rows = [line for line in result.stdout.splitlines() if "⇄" in line]  # the digest names every section
    assert any("增强科技金融服务" in row for row in rows) and not any("深化科技体制改革" in row for row in rows)


def test_version():
    assert runner.invoke(app, ["--version"]).stdout.startswith("plandiff ")


def test_hide_routine_year_rollover(tmp_path):
    base = (SEEDS / "binzhou-2023.txt").read_text(encoding="utf-8")
    rolled = base.replace("2023年全市科技工作要点", "2024年全市科技工作要点").replace(
        "2023年,新增高新技术企业", "2024年,新增高新技术企业")
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(base, encoding="utf-8")
    new.write_text(rolled, encoding="utf-8")
    shown = runner.invoke(app, ["compare", str(old), str(new), "--no-color"])
    assert "routine year change" in shown.stdout and "{+2024年+}" in shown.stdout
    hidden = runner.invoke(app, ["compare", str(old), str(new), "--no-color", "--hide-routine"])
    assert "routine year change" not in hidden.stdout.split("Sentences")[1].split("\n", 1)[1]


def test_the_target_list_names_sections_as_the_document_numbers_them():
    """The section column read 0 and 3.2 (internal ids); it reads preamble and 三、 › 7."""
    from conftest import run_cli

    result = run_cli("targets", "qingdao-2018", "--no-color")
    rows = [line.split() for line in result.output.splitlines()[1:] if line.strip()]
    assert result.exit_code == 0
    assert rows[0][-1] == "preamble"
    assert any(row[-3:] == ["三、", "›", "7."] for row in rows)


def test_the_command_line_runs_blas_single_threaded_unless_the_user_says_otherwise():
    script = "import os, plandiff.cli; print(os.environ['OPENBLAS_NUM_THREADS'])"
    env = {key: value for key, value in os.environ.items() if key != "OPENBLAS_NUM_THREADS"}
    assert subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                          check=True).stdout.strip() == "1"
    env["OPENBLAS_NUM_THREADS"] = "3"
    assert subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                          check=True).stdout.strip() == "3"


def test_a_terminal_gets_real_colours_and_no_escape_pictures():
    """On a terminal without the pager, rich's colour codes reach it as codes, never as ␛ pictures."""
    import pty

    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "120", "LINES": "50", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    process = subprocess.run([sys.executable, "-m", "plandiff", "list"], stdin=follower, stdout=follower,
                             stderr=subprocess.PIPE, env=env, cwd=ROOT, timeout=120)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal's other end is closed: all is read
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert process.returncode == 0, process.stderr
    assert "\x1b[" in shown and "␛" not in shown


def test_only_running_the_command_line_tunes_the_garbage_collector():
    # Importing plandiff.cli (a program embedding it, a Dask worker spawned from the console script)
    # keeps the process's collector settings; main() raises the threshold and freezes the imports.
    code = ("import gc; before = gc.get_threshold(); import plandiff.cli\n"
            "print(gc.get_threshold() == before, gc.get_freeze_count())\n"
            "try:\n    plandiff.cli.main(['--version'])\nexcept SystemExit:\n    pass\n"
            "print(gc.get_threshold(), gc.get_freeze_count() > 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    lines = done.stdout.splitlines()
    assert lines[0] == "True 0"
    assert lines[-1] == "(20000, 20, 20) True"
