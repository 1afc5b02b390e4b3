"""The git revision store: track, revisions, tags, log, revision syntax, history, concurrency, errors."""

from __future__ import annotations

import multiprocessing
import subprocess

import pytest
from conftest import SEEDS, corpus_file, run_cli
from typer.testing import CliRunner

from plandiff.cli.main import app
from plandiff.errors import StoreError
from plandiff.sources.store import Store

runner = CliRunner()
WUHAN = SEEDS / "wuhan-2014.txt"


def cli(*args):
    return runner.invoke(app, list(args))


def draft_of(tmp_path):
    """A draft for comment: the final wuhan-2014 text with an older contract target."""
    draft = tmp_path / "wuhan-2014-draft.txt"
    draft.write_text(WUHAN.read_text(encoding="utf-8").replace("技术合同成交额达到320亿元", "技术合同成交额达到300亿元"),
                     encoding="utf-8")
    return draft


def git(store_root, *args) -> str:
    return subprocess.run(["git", "-C", str(store_root), *args], capture_output=True, text=True, check=True).stdout


def test_track_revisions_tags_and_noop(tmp_path):
    repo = tmp_path / "store"
    draft = draft_of(tmp_path)
    first = cli("track", str(draft), "--as", "wuhan-2014", "--label", "draft", "--repo", str(repo))
    assert first.exit_code == 0 and "r1 (draft)" in first.stdout
    again = cli("track", str(draft), "--as", "wuhan-2014", "--label", "draft", "--repo", str(repo))
    assert again.exit_code == 0 and "unchanged" in again.stdout
    final = cli("track", str(WUHAN), "--as", "wuhan-2014", "--label", "final", "-m", "as published",
                "--source", "https://example.org/wuhan", "--repo", str(repo))
    assert final.exit_code == 0 and "r2 (final)" in final.stdout
    tags = set(git(repo, "tag").split())
    assert {"wuhan-2014/r1", "wuhan-2014/draft", "wuhan-2014/r2", "wuhan-2014/final"} <= tags
    message = git(repo, "log", "-1", "--format=%B")
    assert "Plandiff-Slug: wuhan-2014" in message and "Plandiff-Revision: 2" in message
    assert "as published" in message and "Source: https://example.org/wuhan" in message
    assert len(git(repo, "log", "--oneline").splitlines()) == 2
    assert (repo / "series" / "wuhan" / "wuhan-2014.txt").is_file()
    assert (repo / "series" / "wuhan" / "wuhan-2014.meta.json").is_file()


def test_revisions_round_trip_byte_exact(tmp_path):
    store = Store(tmp_path / "store")
    versions = [WUHAN.read_bytes(), draft_of(tmp_path).read_text(encoding="utf-8").encode("gb18030"),
                WUHAN.read_text(encoding="utf-8").encode("utf-16")]
    for data in versions:
        store.track(data, "wuhan.txt", "wuhan-2014")
    for number, data in enumerate(versions, start=1):
        assert store.read("wuhan-2014", f"r{number}")[0] == data
    assert [r.number for r in store.revisions("wuhan-2014")] == [3, 2, 1]


def test_revision_syntax_in_comparisons(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANDIFF_HOME", str(tmp_path / "home"))
    draft = draft_of(tmp_path)
    cli("track", str(draft), "--as", "wuhan-2014", "--label", "draft")
    cli("track", str(WUHAN), "--as", "wuhan-2014", "--label", "final")
    result = cli("compare", "wuhan-2014@draft", "wuhan-2014@final", "--no-color")
    assert result.exit_code == 1
    assert "[-300亿元-]" in result.stdout and "{+320亿元+}" in result.stdout
    assert cli("compare", "wuhan-2014@r2", "wuhan-2014").exit_code == 0  # a bare slug is the latest
    assert cli("compare", "wuhan-2014@HEAD~1", "wuhan-2014@r1").exit_code == 0
    data = cli("compare", "wuhan-2014@r1", "wuhan-2014@final", "--format", "json").stdout
    assert '"raised"' in data
    missing = cli("compare", "wuhan-2014@r9", "wuhan-2014")
    assert missing.exit_code == 2 and "no revision r9" in missing.stderr


def test_a_missing_revision_names_the_ones_there_are(tmp_path):
    store = Store(tmp_path / "store")
    store.track(WUHAN.read_bytes(), "wuhan.txt", "wuhan-2014")
    with pytest.raises(StoreError, match="no revision r9; it has only r1$"):
        store.read("wuhan-2014", "r9")
    store.track(draft_of(tmp_path).read_bytes(), "wuhan.txt", "wuhan-2014")
    with pytest.raises(StoreError, match="no revision r9; it has r1–r2$"):
        store.read("wuhan-2014", "r9")


def test_log_counts_changes(tmp_path):
    repo = tmp_path / "store"
    cli("track", str(draft_of(tmp_path)), "--as", "wuhan-2014", "--label", "draft", "--repo", str(repo))
    cli("track", str(WUHAN), "--as", "wuhan-2014", "--label", "final", "--repo", str(repo))
    result = runner.invoke(app, ["log", "wuhan", "--repo", str(repo)], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    lines = [line for line in result.stdout.splitlines() if "wuhan-2014" in line]
    assert "r2" in lines[0] and "final" in lines[0] and "r1" in lines[1]
    assert lines[0].split()[-3:-1] == ["1", "1"]  # one sentence and one target changed
    assert "first" in lines[1]


def test_track_seeds_then_log(tmp_path):
    repo = tmp_path / "store"
    assert cli("track", "--seeds", "--repo", str(repo)).exit_code == 0
    result = runner.invoke(app, ["log", "--repo", str(repo)], env={"COLUMNS": "160"})
    for slug in ("qingdao-2018", "wuhan-2014", "qingdao-shinan-2021", "changzhou-2018", "binzhou-2023"):
        assert slug in result.stdout
    listed = runner.invoke(app, ["list", "--repo", str(repo)], env={"COLUMNS": "160"})
    assert listed.stdout.count("tracked") == 5


@pytest.mark.slow
def test_history_over_national_editions(tmp_path):
    repo = tmp_path / "store"
    for year in (2023, 2021, 2022):  # tracked out of order: history sorts by year
        path = corpus_file(f"national-gwr-{year}.txt")
        assert cli("track", str(path), "--as", f"national-{year}", "--repo", str(repo)).exit_code == 0
    page = tmp_path / "history.html"
    result = runner.invoke(app, ["history", "national", "--repo", str(repo), "--html", str(page), "--no-color"],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stdout
    assert result.stdout.index("2021") < result.stdout.index("2022") < result.stdout.index("2023")
    gdp = next(line for line in result.stdout.splitlines() if line.startswith(" 国内生产总值 (增长)"))
    assert "≥6%" in gdp and "≈5.5%" in gdp and "≈5%" in gdp and gdp.count("▼") == 2
    unemployment = next(line for line in result.stdout.splitlines() if "城镇调查失业率" in line)
    assert unemployment.count("5.5%") == 3
    html = page.read_text(encoding="utf-8")
    assert "<svg" in html and "国内生产总值" in html and "<script" not in html


def _track_worker(args):
    root, index = args
    text = WUHAN.read_text(encoding="utf-8") + f"\n补充说明第{index}条。\n"
    store = Store(root)
    revision, created = store.track(text.encode("utf-8"), "w.txt", f"wuhan-{2000 + index}")
    store.track((text + "再补充。\n").encode("utf-8"), "w.txt", f"wuhan-{2000 + index}", label="final")
    return created


@pytest.mark.slow
def test_concurrent_tracks_lose_nothing(tmp_path):
    root = tmp_path / "store"
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        results = pool.map(_track_worker, [(root, i) for i in range(8)])
    assert all(results)
    store = Store(root)
    assert len(store.slugs()) == 8
    for slug in store.slugs():
        assert [r.number for r in store.revisions(slug)] == [2, 1]
    assert len(git(root, "log", "--oneline").splitlines()) == 16
    subprocess.run(["git", "-C", str(root), "fsck", "--strict"], check=True, capture_output=True)


def test_store_errors_are_clean_and_lose_nothing(tmp_path):
    plain = tmp_path / "not-a-store"
    plain.mkdir()
    (plain / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_cli("track", WUHAN, "--as", "wuhan-2014", "--repo", plain)
    assert result.exit_code == 2 and "not a git repository" in result.stderr and "Traceback" not in result.stderr
    assert (plain / "notes.txt").read_text(encoding="utf-8") == "mine" and not (plain / ".git").exists()

    repo = tmp_path / "store"
    Store(repo).track(WUHAN.read_bytes(), "w.txt", "wuhan-2014")
    edited = repo / "series" / "wuhan" / "wuhan-2014.txt"
    edited.write_text("hand edit", encoding="utf-8")
    with pytest.raises(StoreError, match="uncommitted changes"):
        Store(repo).track(draft_of(tmp_path).read_bytes(), "w.txt", "wuhan-2014")
    assert edited.read_text(encoding="utf-8") == "hand edit"  # nothing overwritten or reset

    corrupt = tmp_path / "corrupt"
    Store(corrupt).track(WUHAN.read_bytes(), "w.txt", "wuhan-2014")
    (corrupt / ".git" / "HEAD").write_text("garbage\n", encoding="utf-8")
    result = run_cli("log", "--repo", corrupt)
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
