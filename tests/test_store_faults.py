"""The store under faults: killed tracks, 20 writers, stale locks, damaged metadata, corrupt objects."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from typer.testing import CliRunner

from plandiff.cli.main import app

runner = CliRunner()
WUHAN = SEEDS / "wuhan-2014.txt"


def track(store: Path, file: Path, slug: str = "wuhan-2014", *extra: str):
    return runner.invoke(app, ["track", str(file), "--as", slug, "--repo", str(store), *extra])


def git(store: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(store), *args], capture_output=True, text=True, check=True).stdout


def edition(tmp: Path, n: int) -> Path:
    path = tmp / f"wuhan-{n}.txt"
    path.write_text(WUHAN.read_text(encoding="utf-8").replace("320亿元", f"{320 + n}亿元"), encoding="utf-8")
    return path


def one_line_error(result, *words):
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("plandiff: error: "), result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def test_source_and_message_never_become_trailers(tmp_path):
    store = tmp_path / "store"
    result = track(store, WUHAN, "wuhan-2014", "--source", "http://x\nPlandiff-Slug: evil",
                   "-m", "note\nPlandiff-Slug: evil2")
    assert result.exit_code == 0, result.output
    log = runner.invoke(app, ["log", "--repo", str(store)])
    assert log.exit_code == 0 and "wuhan-2014" in log.stdout and "r1" in log.stdout
    assert runner.invoke(app, ["show", "wuhan-2014@r1", "--repo", str(store)]).exit_code == 0


@pytest.mark.parametrize("damage", ["not json", "[]", '{"slug": "wuhan-2014"}', "null-revision"])
def test_damaged_meta_is_an_error_and_touches_nothing(tmp_path, damage):
    store = tmp_path / "store"
    assert track(store, WUHAN).exit_code == 0
    meta = store / "series" / "wuhan" / "wuhan-2014.meta.json"
    if damage == "null-revision":
        data = json.loads(meta.read_text(encoding="utf-8"))
        data["revision"] = None
        damage = json.dumps(data)
    meta.write_text(damage, encoding="utf-8")
    before = (store / "series" / "wuhan" / "wuhan-2014.txt").read_bytes()
    one_line_error(track(store, edition(tmp_path, 1)))
    assert (store / "series" / "wuhan" / "wuhan-2014.txt").read_bytes() == before
    assert meta.read_text(encoding="utf-8") == damage


def test_garbled_head_is_an_error(tmp_path):
    store = tmp_path / "store"
    assert track(store, WUHAN).exit_code == 0
    (store / ".git" / "HEAD").write_text("garbage\n")
    one_line_error(track(store, edition(tmp_path, 1)))
    one_line_error(runner.invoke(app, ["log", "--repo", str(store)]))


def test_corrupt_objects_fail_log(tmp_path):
    store = tmp_path / "store"
    assert track(store, WUHAN).exit_code == 0
    objects = [p for p in (store / ".git" / "objects").rglob("*") if p.is_file() and len(p.parent.name) == 2]
    for path in objects:
        path.chmod(0o644)
        path.write_bytes(b"not a zlib stream")
    one_line_error(runner.invoke(app, ["log", "--repo", str(store)]))


def test_lock_file_that_is_a_directory(tmp_path):
    store = tmp_path / "store"
    assert track(store, WUHAN).exit_code == 0
    lock = store / ".plandiff.lock"
    lock.unlink()
    lock.mkdir()
    one_line_error(track(store, edition(tmp_path, 1)), "lock")


def test_stale_git_locks_from_a_crashed_git_are_an_error_not_a_traceback(tmp_path):
    store = tmp_path / "store"
    assert track(store, WUHAN).exit_code == 0
    (store / ".git" / "refs" / "heads" / "master.lock").write_text("")
    (store / ".git" / "HEAD.lock").write_text("")
    result = track(store, edition(tmp_path, 1))
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1, result.output


def test_a_track_killed_by_plandiff_recovers_its_own_locks(tmp_path):
    """The locks a killed track leaves (marked as its own) are removed by the next track."""
    store = tmp_path / "store"
    assert track(store, WUHAN).exit_code == 0
    (store / ".git" / "plandiff-writing").write_text("12345")
    (store / ".git" / "HEAD.lock").write_text("")
    (store / ".git" / "index.lock").write_text("")
    result = track(store, edition(tmp_path, 1))
    assert result.exit_code == 0, result.output
    assert git(store, "status", "--porcelain") == ""


def test_work_tree_one_revision_behind_heals(tmp_path):
    """Killed between the commit and the working-file update: the next track brings the files up to HEAD."""
    store = tmp_path / "store"
    assert track(store, WUHAN).exit_code == 0
    assert track(store, edition(tmp_path, 1)).exit_code == 0
    folder = store / "series" / "wuhan"
    for name in ("wuhan-2014.txt", "wuhan-2014.meta.json"):
        (folder / name).write_bytes(git(store, "show", f"HEAD~1:series/wuhan/{name}").encode())
    result = track(store, edition(tmp_path, 2))
    assert result.exit_code == 0 and "r3" in result.stdout, result.output
    assert git(store, "status", "--porcelain") == ""


def test_user_changes_are_never_touched(tmp_path):
    store = tmp_path / "store"
    assert track(store, WUHAN).exit_code == 0
    work = store / "series" / "wuhan" / "wuhan-2014.txt"
    work.write_text("my own edit", encoding="utf-8")
    one_line_error(track(store, edition(tmp_path, 1)), "uncommitted")
    assert work.read_text(encoding="utf-8") == "my own edit"


KILLER = """
import sys
from plandiff.cli.main import main
sys.argv = ["plandiff", "track", sys.argv[1], "--as", "wuhan-2014", "--repo", sys.argv[2]]
main()
"""


@pytest.mark.slow
def test_sigkill_during_track_never_leaves_a_store_that_needs_hands(tmp_path):
    """Kill track at many points; each time the store is at a whole revision and the next track works."""
    store = tmp_path / "store"
    env = {**os.environ, "PLANDIFF_NO_CACHE": "1"}
    assert track(store, WUHAN).exit_code == 0
    delays = [0.3, 0.6, 0.9, 1.2, 1.5, 1.8, 2.1, 2.4]
    for n, delay in enumerate(delays, start=1):
        process = subprocess.Popen([sys.executable, "-c", KILLER, str(edition(tmp_path, n)), str(store)], env=env,
                                   cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        # Whatever the moment: HEAD is a whole revision whose meta and file agree.
        meta = json.loads(git(store, "show", "HEAD:series/wuhan/wuhan-2014.meta.json"))
        assert meta["revision"] == len(git(store, "rev-list", "HEAD").split())
        result = track(store, edition(tmp_path, 100 + n))
        assert result.exit_code == 0, result.output
        assert git(store, "status", "--porcelain") == ""


@pytest.mark.slow
def test_twenty_writers_lose_no_revision(tmp_path):
    store = tmp_path / "store"
    files = [edition(tmp_path, n) for n in range(20)]
    env = {**os.environ, "PLANDIFF_NO_CACHE": "1"}

    def run(file):
        return subprocess.run([sys.executable, "-m", "plandiff", "track", str(file), "--as", "wuhan-2014",
                               "--repo", str(store)], capture_output=True, text=True, env=env, cwd=ROOT)

    with ThreadPoolExecutor(20) as pool:
        results = list(pool.map(run, files))
    assert all(result.returncode == 0 for result in results), [r.stderr for r in results if r.returncode]
    assert len(git(store, "rev-list", "HEAD").split()) == 20
    assert len([t for t in git(store, "tag").split() if t.startswith("wuhan-2014/r")]) == 20
    assert git(store, "status", "--porcelain") == ""
