"""A plan's story over many editions: blame, vocabulary shift, target history and the series page."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest
from conftest import corpus_file
from typer.testing import CliRunner

from plandiff.cli.main import app
from plandiff.parse.pipeline import parse_plan
from plandiff.series.assembly import series_report
from plandiff.series.blame import blame
from plandiff.series.history import build_history
from plandiff.series.terms import term_frequency, term_shifts
from plandiff.sources.cache import Cache
from plandiff.sources.workspace import Workspace

runner = CliRunner()

# --------------------------------------------------------------------------------------------- a generated series

KEPT = "坚持以人民为中心的发展思想,持续改善城乡居民生活品质。"
REWORDED = [  # one sentence, reworded every year
    "加快建设现代化港口物流体系,提升航运服务能力。",
    "加快建设现代化港口物流体系,全面提升航运服务能力。",
    "加快建设现代化港口物流体系,全面提升国际航运服务能力和水平。",
    "统筹建设现代化港口物流体系,全面提升国际航运服务能力和水平。",
]
PLANTED = "量子通信"  # only in the second edition
FILLER = ["推动{}产业集群发展,培育一批骨干企业。", "实施{}工程,完善基础设施网络。", "深化{}领域改革,激发市场主体活力。",
          "加强{}人才队伍建设,优化创新生态。"]
TOPICS = ["海洋", "生物医药", "新能源汽车", "文化旅游", "现代农业", "智能制造", "绿色建筑", "跨境电商"]


def edition_text(index: int, year: int) -> str:
    """A small work report: a review, targets (one that vanishes and comes back) and tasks."""
    topics = TOPICS[index:] + TOPICS[:index]
    tasks = [FILLER[k % len(FILLER)].format(topics[k]) for k in range(4)]
    planted = [f"布局{PLANTED}等未来产业,建设{PLANTED}创新中心。", f"推进{PLANTED}网络试点应用。"] if index == 1 else []
    rd = [f"研发投入强度达到{2.5 + index / 10:.1f}%。"] if index != 1 else []  # gone in the second edition
    lines = [
        f"{year}年海州市政府工作报告",
        "一、过去一年工作回顾",
        f"过去一年,全市经济运行稳中向好,{topics[5]}加快发展。", KEPT,
        "二、今年主要目标",
        f"今年主要预期目标是:地区生产总值增长{6.5 - index * 0.5}%左右;", *rd,
        "三、重点工作",
        REWORDED[index], *tasks, *planted,
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def generated():
    return tuple(parse_plan(edition_text(i, 2020 + i), slug=f"haizhou-{2020 + i}") for i in range(4))


def line_of(result, text):
    return next(line for line in result.lines if line.sentence.text == text)


def test_blame_dates_a_kept_sentence_and_follows_a_reworded_one_to_its_origin(generated):
    result = blame(generated)
    kept = line_of(result, KEPT)
    assert kept.origin.edition == "haizhou-2020" and kept.changed_in == () and kept.age == 3 and kept.at_least
    reworded = line_of(result, REWORDED[-1])
    assert reworded.origin.edition == "haizhou-2020" and reworded.origin.text == REWORDED[0]
    assert reworded.changed_in == ("haizhou-2021", "haizhou-2022", "haizhou-2023")
    assert [w.text for w in reworded.chain] == REWORDED


def test_blame_accounts_for_every_sentence_in_the_age_profile(generated):
    result = blame(generated)
    sentences = sum(len(section.sentences) for section in generated[-1].sections)
    assert len(result.lines) == sentences == sum(bucket.sentences for bucket in result.ages)
    assert sum(b.characters for b in result.ages) == sum(len(line.sentence.text) for line in result.lines)
    assert [b.age for b in result.ages] == sorted(b.age for b in result.ages)
    assert {b.origin for b in result.ages} <= {plan.slug for plan in generated}
    assert all(b.at_least == (b.origin == "haizhou-2020") for b in result.ages)


def test_blame_of_a_single_edition_is_all_new(generated):
    result = blame(generated[:1])
    assert {line.age for line in result.lines} == {0} and not any(line.at_least for line in result.lines)


def test_terms_lists_a_planted_term_as_new_there_and_vanished_after(generated):
    result = term_shifts("haizhou", generated)
    by_edition = {shift.edition: shift for shift in result.shifts}
    new_2021 = {t.term: t.count for t in by_edition["haizhou-2021"].new}
    assert new_2021.get(PLANTED) == 3
    assert PLANTED in {t.term for t in by_edition["haizhou-2022"].vanished}
    assert PLANTED not in {t.term for t in by_edition["haizhou-2022"].new + by_edition["haizhou-2023"].new}
    assert "haizhou-2020" not in by_edition  # the first edition has nothing to be new against
    assert term_frequency(PLANTED, generated).counts == (0, 3, 0, 0)


def test_history_marks_a_target_that_came_back_and_charts_carry_labels(generated):
    from plandiff.render.history import history_charts

    history = build_history("haizhou", list(generated))
    rd = next(row for row in history.rows if row.key == "rd-intensity")
    assert [cell.target is not None for cell in rd.cells] == [True, False, True, True]
    assert rd.cells[1].verdict == "dropped" and rd.cells[2].returned and not rd.cells[3].returned
    gdp = next(row for row in history.rows if row.key == "gdp-growth")
    assert [c.verdict for c in gdp.cells] == ["", "lowered", "lowered", "lowered"]
    chart = history_charts(history)[history.rows.index(gdp)]
    for label in ("2020", "2021", "2022", "2023", "6.5%", "5%", "地区生产总值", "<line class=\"axis\""):
        assert label in chart


def test_series_page_is_self_contained_and_escapes_document_text(generated, tmp_path):
    from plandiff.model import Series
    from plandiff.render.series import series_page

    hostile = parse_plan(edition_text(3, 2024).replace(KEPT, "<script>alert(1)</script>坚持人民至上。"),
                         slug="haizhou-2024")
    report = series_report(Series("haizhou", generated + (hostile,)))
    page = series_page("The haizhou series", report=report)
    assert "<script" not in page and "&lt;script&gt;" in page
    assert not re.search(r"""(src|href)=["']?https?:""", page)
    for part in ('id="editions"', 'id="ages"', 'id="targets"', 'id="terms"', 'id="sentences"', "<svg"):
        assert part in page
    assert "↺ back after a gap" in page


def test_series_from_a_folder_of_files_sorted_by_plan_year(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    for index, name in enumerate(["c.txt", "a.txt", "b.txt"]):  # names out of year order
        (folder / name).write_text(edition_text(index, 2020 + index), encoding="utf-8")
    result = runner.invoke(app, ["terms", "--from", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "plandiff/terms@1"
    assert [e["year"] for e in data["editions"]] == [2020, 2021, 2022]
    assert PLANTED in {t["term"] for t in data["shifts"][0]["new"]}
    page = tmp_path / "term.html"
    frequency = runner.invoke(app, ["terms", "--from", str(folder), "--term", PLANTED, "--html", str(page)])
    assert frequency.exit_code == 0, frequency.output
    assert re.search(r"2021 a\s+3\s+", frequency.stdout)  # a.txt is the 2021 edition: three mentions
    chart = page.read_text(encoding="utf-8")
    assert "<svg" in chart and f"“{PLANTED}” per edition" in chart and ">2022</text>" in chart
    blamed = runner.invoke(app, ["blame", str(folder / "b.txt"), "str", "--format", "json"])
    assert blamed.exit_code == 2 and "plandiff: error:" in blamed.stderr  # neither a series, an edition nor a file
    assert "no series or plan named 'str'" in blamed.stderr
    blamed = runner.invoke(app, ["blame", *(str(folder / n) for n in ("a.txt", "b.txt", "c.txt")), "-f", "json"])
    assert blamed.exit_code == 0, blamed.output
    kept = next(s for s in json.loads(blamed.stdout)["sentences"] if s["text"] == KEPT)
    assert kept["first_year"] == 2020 and kept["changed_in"] == []


def test_an_unknown_series_is_a_one_line_error():
    result = subprocess.run([sys.executable, "-m", "plandiff", "terms", "atlantis"], capture_output=True, text=True)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "known series" in result.stderr
    result = runner.invoke(app, ["history", "qingdao", "--format", "csv"])
    assert result.exit_code == 0, result.output  # seeds form series too: qingdao-2018
    assert result.stdout.startswith("series,indicator,key")


# --------------------------------------------------------------------------------------------- national 2021–2023


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    """The national work reports tracked into a temporary store, out of order."""
    root = tmp_path_factory.mktemp("national")
    space = Workspace(root / "store", None, Cache(root / "cache"))
    for year in (2022, 2023, 2021):
        space.track(corpus_file(f"national-gwr-{year}.txt"), f"national-{year}")
    return space


@pytest.mark.slow
def test_blame_on_national_editions(national):
    result = national.blame(["national-2023"])
    assert [plan.slug for plan in result.editions] == ["national-2021", "national-2022", "national-2023"]
    kept = line_of(result, "认真办理人大代表建议和政协委员提案。")
    assert kept.origin.edition == "national-2021" and kept.origin.year == 2021 and kept.changed_in == ()
    assert [w.status for w in kept.chain][1:] in (["same", "same"], ["same", "moved"], ["moved", "same"])
    reworded = line_of(result, "共建“一带一路”扎实推进。")
    assert reworded.origin.text == "共建“一带一路”稳步推进。" and len(reworded.changed_in) == 2
    assert result.ages[0].age == 0 and sum(b.sentences for b in result.ages) == len(result.lines)
    older = national.blame(["national-2022"])  # an edition blames only the editions before it
    assert [plan.slug for plan in older.editions] == ["national-2021", "national-2022"]


@pytest.mark.slow
def test_national_cli_views(national, tmp_path):
    repo = ["--repo", str(national.home)]
    env = {"PLANDIFF_CACHE": str(national.home.parent / "cache"), "COLUMNS": "160"}
    text = runner.invoke(app, ["blame", "national-2023", "--no-color", *repo], env=env)
    assert text.exit_code == 0, text.output
    assert re.search(r"≥2y\s+2021\s+—\s+认真办理人大代表建议和政协委员提案。", text.stdout)
    assert "new in 2023" in text.stdout
    page = tmp_path / "blame.html"
    runner.invoke(app, ["blame", "national-2023", "--html", str(page), "-f", "json", *repo], env=env)
    assert "<details" in page.read_text(encoding="utf-8")
    terms = runner.invoke(app, ["terms", "national", "--term", "疫情", "--format", "json", *repo], env=env)
    counts = [e["count"] for e in json.loads(terms.stdout)["editions"]]
    assert len(counts) == 3 and all(count > 0 for count in counts)
    history = runner.invoke(app, ["history", "national", "--format", "csv", *repo], env=env)
    rows = list(csv.DictReader(io.StringIO(history.stdout)))
    gdp = [row for row in rows if row["key"] == "gdp-growth"]
    assert [row["shown"] for row in gdp] == ["≥6%", "≈5.5%", "≈5%"]
    urbanisation = [row for row in rows if row["indicator"] == "常住人口城镇化率" and row["shown"]]
    assert [(row["year"], row["shown"], row["horizon"]) for row in urbanisation] == [("2021", "65%", "True")]
    unemployment = {row["horizon"] for row in rows if row["indicator"] == "城镇调查失业率" and row["year"] == "2021"}
    assert unemployment == {"True", "False"}  # the five-year ceiling and the annual target, in rows of their own
    series_html = tmp_path / "series.html"
    result = runner.invoke(app, ["series", "national", "--html", str(series_html), *repo], env=env)
    assert result.exit_code == 0, result.output
    html = series_html.read_text(encoding="utf-8")
    assert "国内生产总值" in html and "How old is national-2023?" in html and "Vocabulary shift" in html


def test_a_named_revision_replaces_its_editions_latest(tmp_path):
    space = Workspace(tmp_path / "store", None, Cache(None))
    for index in range(3):
        path = tmp_path / f"e{index}.txt"
        path.write_text(edition_text(index, 2020 + index), encoding="utf-8")
        space.track(path, f"haizhou-{2020 + index}", label="final" if index == 2 else "")
    draft = tmp_path / "draft.txt"
    draft.write_text(edition_text(2, 2022).replace(KEPT, "坚持人民至上,持续改善城乡居民生活品质。"), encoding="utf-8")
    space.track(draft, "haizhou-2022", label="draft")  # r2: the latest, though it is a draft
    latest = space.series(["haizhou"])
    assert [plan.metadata.year for plan in latest.editions] == [2020, 2021, 2022]
    assert latest.name == "haizhou"
    final = space.series(["haizhou", "haizhou-2022@final"])
    assert [plan.slug for plan in final.editions] == ["haizhou-2020", "haizhou-2021", "haizhou-2022@r1"]
    assert line_of(blame(final.editions), KEPT).changed_in == ()
    assert line_of(blame(latest.editions), "坚持人民至上,持续改善城乡居民生活品质。").changed_in == ("haizhou-2022",)


@pytest.mark.browser
def test_blame_page_opens_a_wording_chain_on_click_in_a_browser(generated, tmp_path):
    import shutil

    from plandiff.render.series import series_page

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    path = tmp_path / "blame.html"
    path.write_text(series_page("Blame", blame=blame(generated)), encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(path.as_uri())
        sentence = page.locator("details.s", has_text=REWORDED[-1])
        chain = sentence.locator("ol.chain")
        assert not chain.is_visible()
        sentence.locator("summary").click()
        assert chain.is_visible() and chain.locator("li").count() == len(REWORDED)
        assert REWORDED[0] in chain.inner_text()
        browser.close()


def test_a_term_seen_only_inside_a_longer_listed_term_is_not_listed_twice():
    from plandiff.series.terms import _without_parts

    found = {"新冠": 3, "新冠肺炎": 3, "肺炎": 4, "行业协会": 2, "行业协会商会": 2, "商会": 2}
    assert _without_parts(found) == {"新冠肺炎": 3, "肺炎": 4, "行业协会商会": 2}  # 肺炎 also stands alone once


def test_a_star_import_of_the_model_brings_the_series_types_that_load_on_first_use():
    namespace: dict = {}
    exec("from plandiff.model import *", namespace)
    assert {"Series", "Blame", "Revision", "TermShift", "Comparison", "Plan", "Target"} <= set(namespace)
    assert not {"importlib", "series", "comparison"} & set(namespace)  # modules are no part of the model
