"""The corpus commands end to end: build, compare, reuse, targets, query and report over a small corpus."""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CORPUS, SEEDS
from plandiff.cli.main import app

runner = CliRunner()
# The copied passage: three sentences of qingdao-2018 that a "Wuhan" plan takes over word for word.
COPIED_FROM = "qingdao-2018"


def invoke(*args: str):
    result = runner.invoke(app, ["corpus", *args])
    return result


def _sentences(text: str) -> list[str]:
    return [s for s in re.findall(r"[^。\n]{25,}。", text)]


def make_corpus(folder: Path) -> tuple[Path, str]:
    """Seeds + the shared corpus + generated plans: a next edition, a planted copy, a bad file."""
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    if CORPUS.is_dir():
        for path in sorted(CORPUS.glob("national-gwr-202[23].txt")):
            shutil.copy(path, folder / path.name)
    # A next edition of binzhou: the year rolls over and the R&D target is raised.
    binzhou = (SEEDS / "binzhou-2023.txt").read_text(encoding="utf-8")
    assert "3.55%" in binzhou
    nested = folder / "generated"
    nested.mkdir()
    (nested / "binzhou-2024.txt").write_text(
        binzhou.replace("2023", "2024").replace("3.55%", "3.70%"), encoding="gb18030")  # any encoding
    # A Wuhan plan that copies a passage of Qingdao's, published later.
    passage = "".join(_sentences((SEEDS / f"{COPIED_FROM}.txt").read_text(encoding="utf-8"))[10:13])
    wuhan = (SEEDS / "wuhan-2014.txt").read_text(encoding="utf-8").replace("2014", "2019")
    cut = wuhan.index("。", len(wuhan) // 2) + 1
    (nested / "wuhan-2019.txt").write_text(wuhan[:cut] + "\n" + passage + "\n" + wuhan[cut:], encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    return folder, passage


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One index for the module, built and compared in this process (the local cluster has its own test)."""
    root = tmp_path_factory.mktemp("corpus")
    folder, passage = make_corpus(root / "plans")
    db = root / "corpus.duckdb"
    result = invoke("build", str(folder), "--db", str(db), "--scheduler", "none", "--format", "json")
    assert result.exit_code == 0, result.output
    result = invoke("compare", "--db", str(db), "--scheduler", "none")
    assert result.exit_code == 0, result.output
    return folder, db, passage


def query(db: Path, sql: str) -> list[dict]:
    result = invoke("query", sql, "--db", str(db), "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["rows"]


@pytest.mark.slow
def test_build_indexes_every_plan_with_metadata(built):
    folder, db, _ = built
    plans = {row["slug"]: row for row in query(db, "SELECT slug, place, level, year, series, sentences FROM plans")}
    assert "generated/binzhou-2024" in plans and "binzhou-2023" in plans
    assert plans["binzhou-2023"]["place"] == "滨州" and plans["binzhou-2023"]["level"] == "city"
    assert plans["generated/binzhou-2024"]["series"] == plans["binzhou-2023"]["series"]
    assert plans["generated/binzhou-2024"]["year"] == 2024
    assert plans["qingdao-shinan-2021"]["level"] == "district"
    if "national-gwr-2023" in plans:
        assert plans["national-gwr-2023"]["level"] == "national"
    # Nothing silently lost: every sentence of every plan is in the sentences table.
    counts = query(db, "SELECT p.slug, p.sentences, count(s.position) AS stored FROM plans p "
                       "JOIN sentences s USING (plan_id) GROUP BY ALL")
    assert all(row["sentences"] == row["stored"] > 0 for row in counts)


@pytest.mark.slow
def test_a_bad_file_is_an_error_row_and_the_run_completes(built):
    folder, db, _ = built
    errors = query(db, "SELECT path, stage, reason FROM errors")
    assert [Path(row["path"]).name for row in errors] == ["broken.pdf"]
    assert "\n" not in errors[0]["reason"] and errors[0]["reason"]
    assert len(query(db, "SELECT plan_id FROM plans")) == len(list(folder.rglob("*.txt")))


@pytest.mark.slow
def test_a_second_build_skips_what_is_indexed(built):
    folder, db, _ = built
    result = invoke("build", str(folder), "--db", str(db), "--scheduler", "none", "--format", "json")
    row = json.loads(result.stdout)["rows"][0]
    assert row["done"] == 0 and row["skipped"] == len(list(folder.rglob("*.txt")))
    assert row["failed"] == 1  # the bad file is tried again, and recorded once
    assert len(query(db, "SELECT * FROM errors")) == 1


@pytest.mark.slow
def test_compare_finds_the_raised_target_within_a_series(built):
    _, db, _ = built
    rows = query(db, "SELECT o.slug AS old, n.slug AS new, t.status, t.delta FROM comparisons c "
                     "JOIN plans o ON o.plan_id = c.old_plan JOIN plans n ON n.plan_id = c.new_plan "
                     "JOIN target_changes t USING (comparison_id) WHERE t.key = 'rd-intensity'")
    assert {"old": "binzhou-2023", "new": "generated/binzhou-2024", "status": "raised", "delta": 0.15} in [
        {**row, "delta": round(row["delta"], 2)} for row in rows]
    pairs = query(db, "SELECT count(*) AS n FROM section_pairs")
    assert pairs[0]["n"] > 0


@pytest.mark.slow
def test_compare_from_the_index_equals_compare_from_the_files(built):
    from plandiff.corpus.index import CorpusIndex
    from plandiff.corpus.runner import load_plans
    from plandiff.diff.pipeline import compare

    folder, db, _ = built
    with CorpusIndex(db) as index:
        ids = {row["slug"]: row["plan_id"] for row in index.rows("SELECT slug, plan_id FROM plans")}
        plans = load_plans(index, [ids["binzhou-2023"], ids["generated/binzhou-2024"]])
    from plandiff.sources.workspace import Workspace

    space = Workspace.from_environment()
    fresh = compare(space.load(folder / "binzhou-2023.txt"), space.load(folder / "generated" / "binzhou-2024.txt"))
    rebuilt = compare(plans[ids["binzhou-2023"]], plans[ids["generated/binzhou-2024"]])
    assert rebuilt.summary == fresh.summary
    assert [c.status for c in rebuilt.targets] == [c.status for c in fresh.targets]


@pytest.mark.slow
def test_reuse_finds_the_planted_passage(built):
    _, db, passage = built
    result = invoke("reuse", "--db", str(db), "--format", "json", "--limit", "0")
    assert result.exit_code == 0, result.output
    links = json.loads(result.stdout)["links"]
    planted = [link for link in links if {link["a"]["slug"], link["b"]["slug"]} == {COPIED_FROM, "generated/wuhan-2019"}]
    assert planted, links
    link = planted[0]
    assert link["first"] == COPIED_FROM and link["a"]["file"] == f"{COPIED_FROM}.txt"
    assert link["sentences"] >= 3 and link["similarity"] > 0.95
    assert link["passage"].replace("\n", "") in passage.replace("\n", "")
    # The same place's editions share everything, and that is not reuse between issuers.
    assert not [link for link in links if link["a"]["place"] == link["b"]["place"]]


@pytest.mark.slow
def test_targets_panel_accepts_aliases_and_writes_csv_and_parquet(built, tmp_path):
    _, db, _ = built
    by_alias = invoke("targets", "--indicator", "研发投入强度", "--db", str(db), "--format", "csv")
    by_other_alias = invoke("targets", "--indicator", "全社会研发经费占地区生产总值比重", "--db", str(db), "--format", "csv")
    by_key = invoke("targets", "--indicator", "rd-intensity", "--db", str(db), "--format", "csv")
    assert by_alias.stdout == by_other_alias.stdout == by_key.stdout
    lines = by_alias.stdout.splitlines()
    assert lines[0].startswith("place,year,")
    assert any(line.startswith("滨州,2024,") and ",3.7," in line and ",raised," in line for line in lines)
    out = tmp_path / "panel.parquet"
    result = invoke("targets", "--indicator", "研发投入强度", "--db", str(db), "--format", "parquet", "-o", str(out))
    assert result.exit_code == 0 and out.read_bytes()[:4] == b"PAR1"


@pytest.mark.slow
def test_query_formats_and_bad_sql(built):
    _, db, _ = built
    csv_out = invoke("query", "SELECT count(*) AS n FROM plans", "--db", str(db), "--format", "csv").stdout
    assert csv_out.splitlines()[0] == "n"
    table = invoke("query", "SELECT slug FROM plans ORDER BY slug", "--db", str(db)).stdout
    assert "binzhou-2023" in table
    bad = subprocess.run([sys.executable, "-m", "plandiff", "corpus", "query", "SELEC nothing", "--db", str(db)],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and "SQL error" in bad.stderr


@pytest.mark.slow
def test_parquet_export_writes_every_table(built, tmp_path):
    _, db, _ = built
    result = invoke("compare", "--db", str(db), "--scheduler", "none", "--parquet", str(tmp_path / "pq"))
    assert result.exit_code == 0, result.output
    from plandiff.corpus.index import TABLES

    assert sorted(p.stem for p in (tmp_path / "pq").glob("*.parquet")) == sorted(TABLES)


@pytest.mark.slow
def test_report_is_one_escaped_page(built, tmp_path):
    _, db, _ = built
    from plandiff.corpus.index import CorpusIndex

    with CorpusIndex(db) as index:  # a hostile title must come out as text
        index.connection.execute("UPDATE plans SET place = '<script>alert(1)</script>' WHERE slug = 'wuhan-2014'")
    invoke("reuse", "--db", str(db))
    out = tmp_path / "corpus.html"
    result = invoke("report", "--html", str(out), "--db", str(db))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "Coverage" in page and "rd-intensity" in page and "Strongest reuse links" in page
    assert not re.search(r"""(src|href)=["']?https?:""", page)


def test_missing_index_is_a_clean_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "plandiff", "corpus", "compare", "--db", str(tmp_path / "x.duckdb")],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "no corpus index" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.slow
def test_build_on_a_local_dask_cluster(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("binzhou-2023.txt", "wuhan-2014.txt"):
        shutil.copy(SEEDS / name, folder / name)
    (folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "c.duckdb"
    result = invoke("build", str(folder), "--db", str(db), "--workers", "2", "--format", "json")
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)["rows"][0]
    assert row["done"] == 2 and row["failed"] == 1 and "local Dask cluster of 2 workers" in row["where"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
def test_build_and_compare_through_a_real_scheduler_and_two_workers(tmp_path):
    dask = Path(sys.executable).with_name("dask")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    processes = [subprocess.Popen([str(dask), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                   "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        time.sleep(1)
        for _ in range(2):
            processes.append(subprocess.Popen([str(dask), "worker", address, "--nthreads", "1", "--no-dashboard",
                                               "--memory-limit", "1GiB"],
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        from dask.distributed import Client

        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
        folder = tmp_path / "plans"
        folder.mkdir()
        binzhou = (SEEDS / "binzhou-2023.txt").read_text(encoding="utf-8")
        (folder / "binzhou-2023.txt").write_text(binzhou, encoding="utf-8")
        (folder / "binzhou-2024.txt").write_text(binzhou.replace("2023", "2024").replace("3.55%", "3.70%"),
                                                 encoding="utf-8")
        shutil.copy(SEEDS / "wuhan-2014.txt", folder / "wuhan-2014.txt")
        db = tmp_path / "c.duckdb"
        built = invoke("build", str(folder), "--db", str(db), "--scheduler", address, "--format", "json")
        assert built.exit_code == 0, built.output
        assert json.loads(built.stdout)["rows"][0]["done"] == 3
        compared = invoke("compare", "--db", str(db), "--scheduler", address, "--format", "json")
        assert compared.exit_code == 0, compared.output
        row = json.loads(compared.stdout)["rows"][0]
        assert row["done"] == 1 and address in row["where"]
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def _edition_candidates(first: str, second: str, a: list[str], b: list[str]):
    """Every sentence pair as an LSH candidate: find_passages decides what is shared."""
    return [(first, i, x, second, j, y) for i, x in enumerate(a) for j, y in enumerate(b)]


def test_editions_of_one_city_read_two_ways_are_not_linked_but_a_copied_passage_is():
    from plandiff.corpus.reuse import PlanInfo, find_passages

    wuhan = _sentences((SEEDS / "wuhan-2014.txt").read_text(encoding="utf-8"))
    qingdao = _sentences((SEEDS / f"{COPIED_FROM}.txt").read_text(encoding="utf-8"))
    edition = wuhan[:20] + wuhan[21:]  # next year's edition: one sentence dropped
    # This edition's page had no city in its title, so its owner fell back to its issuer.
    plans = [PlanInfo("w2014", "武汉", "2014-12-05", 2014, True, len(wuhan)),
             PlanInfo("w2019", "市科技局", "2019-12-05", 2019, False, len(edition)),
             PlanInfo("q2018", "青岛", "2018-02-11", 2018, True, len(qingdao))]
    assert find_passages(plans, _edition_candidates("w2014", "w2019", wuhan, edition)) == []
    # The unplaced edition copies three sentences of Qingdao's: that is reuse, found and dated.
    copier = edition[:10] + qingdao[10:13] + edition[10:]
    passages = find_passages(plans, _edition_candidates("q2018", "w2019", qingdao, copier))
    assert [(p.plan_a, p.plan_b, p.a_first, p.a_last, p.b_first, p.b_last) for p in passages] == [
        ("q2018", "w2019", 10, 12, 10, 12)]
    assert passages[0].earlier_plan == "q2018" and passages[0].text_b == "".join(qingdao[10:13])


def test_a_plan_copied_whole_between_two_read_places_is_still_reuse():
    from plandiff.corpus.reuse import PlanInfo, find_passages

    wuhan = _sentences((SEEDS / "wuhan-2014.txt").read_text(encoding="utf-8"))
    plans = [PlanInfo("w", "武汉", "2014-12-05", 2014, True, len(wuhan)),
             PlanInfo("t", "铁岭", "2015-01-05", 2015, True, len(wuhan))]
    passages = find_passages(plans, _edition_candidates("w", "t", wuhan, wuhan))
    assert passages and passages[0].earlier_plan == "w" and passages[0].sentences == len(wuhan)


@pytest.mark.parametrize(("title", "city", "district", "series"), [
    ("市科技局2014年工作要点", "武汉", "", "武汉·科技工作要点"),  # a page whose title names the organ, not the city
    ("武汉市2015年科技工作要点", "武汉", "", "武汉·科技工作要点"),
    ("科技局2020年工作总结和2021年工作计划", "青岛", "市南", "青岛市南·科技工作计划"),
    ("青岛市市南区2022年科技工作计划", "青岛", "市南", "青岛市南·科技工作计划"),
    ("2023年全市科技工作要点", "滨州", "", "滨州·科技工作要点"),
    ("滨州市2023年人才工作要点", "滨州", "", "滨州·人才工作要点"),  # another field: another series
])
def test_editions_titled_two_ways_are_one_series(title, city, district, series):
    from plandiff.corpus.ingest import series_of
    from plandiff.model import Metadata

    assert series_of(Metadata(title=title, city=city, district=district, place=city + district, year=2020)) == series


def test_a_run_of_one_plan_says_plan_in_the_singular(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "wuhan-2014.txt").write_text((SEEDS / "wuhan-2014.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke("build", str(folder), "--db", str(tmp_path / "one.duckdb"), "--scheduler", "none")
    assert result.exit_code == 0, result.output
    assert "1 plan indexed in" in result.stdout and "plans indexed" not in result.stdout
