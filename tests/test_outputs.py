"""Outputs for the memo: digest, titles, spreadsheets, JSON for scripts, and no option silently ignored."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile

import pytest
from conftest import SEEDS, corpus_file
from typer.testing import CliRunner

import plandiff
from plandiff.cli.main import app
from plandiff.errors import InputError
from plandiff.parse.pipeline import parse_plan
from plandiff.render.tables import TARGET_COLUMNS
from plandiff.render.wrap import break_offsets
from plandiff.sources.library import suggest_slug

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def national():
    old = parse_plan(corpus_file("national-gwr-2022.txt").read_text(encoding="utf-8"), "national-2022")
    new = parse_plan(corpus_file("national-gwr-2023.txt").read_text(encoding="utf-8"), "national-2023")
    return plandiff.compare(old, new)


# -- metadata and titles ---------------------------------------------------------------------------

def test_national_reports_name_place_issuer_and_slug(national):
    for plan in (national.old, national.new):
        assert plan.metadata.place == "全国" and plan.metadata.issuer == "国务院"
        assert plan.metadata.level == "national"
    assert suggest_slug(national.new.metadata) == "national-2023"
    assert national.title == "国务院政府工作报告 2022 → 2023"


def test_a_provincial_report_is_the_province_not_a_city():
    text = ("政府工作报告\n——2026年1月20日在浙江省第十四届人民代表大会第四次会议上\n浙江省省长 某某\n各位代表：\n"
            "现在，我代表省人民政府，向大会报告工作。杭州市、宁波市和温州市经济增长较快，杭州市带头。\n"
            "一、过去一年工作回顾\n全省生产总值增长5.5%。\n")
    meta = parse_plan(text, "p").metadata
    assert (meta.place, meta.province, meta.city, meta.level) == ("浙江", "浙江", "", "province")
    assert meta.issuer == "浙江省人民政府"
    assert suggest_slug(meta) == "zhejiang-2026"


def test_a_city_report_is_not_taken_for_its_province():
    text = ("政府工作报告\n——2024年1月8日在青岛市第十七届人民代表大会第三次会议上\n各位代表：\n"
            "现在，我代表市人民政府，向大会报告工作。山东省委要求青岛市当好龙头，青岛市全力以赴。\n"
            "一、过去一年工作回顾\n青岛市生产总值增长5.9%。\n")
    meta = parse_plan(text, "c").metadata
    assert meta.level == "city" and meta.city == "青岛" and meta.issuer == "青岛市人民政府"


def test_titles_name_issuer_place_and_year_on_both_sides():
    comparison = plandiff.compare(plandiff.load("qingdao-2018"), plandiff.load("wuhan-2014"))
    assert comparison.title == "青岛市科技局 2018 ↔ 武汉市科技局 2014"


# -- the digest ------------------------------------------------------------------------------------

def test_digest_names_target_moves_with_values_and_new_terms(national):
    lines = [line.text for line in national.digest]
    assert 5 <= len(lines) <= 10
    assert any("Targets lowered" in line and "国内生产总值" in line and "5.5%" in line and "5%" in line
               for line in lines)
    assert any("Targets raised" in line and "就业" in line for line in lines)
    assert any(line.startswith("Newly appearing terms") for line in lines)  # two editions of one series
    assert any(line.startswith("Most rewritten sections") for line in lines)


def test_digest_of_a_plan_against_itself_says_so():
    plan = plandiff.load("wuhan-2014")
    lines = plandiff.compare(plan, plan).digest
    assert len(lines) == 1 and "no differences" in lines[0].text


def test_across_places_no_terms_are_called_new():
    comparison = plandiff.compare(plandiff.load("qingdao-2018"), plandiff.load("wuhan-2014"))
    assert not any(line.topic == "terms" for line in comparison.digest)


def test_digest_section_counts_agree_with_the_overview():
    """The overview counts every added section; the list names chapters and says how many they bring."""
    comparison = plandiff.compare(plandiff.load("qingdao-2018"), plandiff.load("wuhan-2014"))
    overview, *rest = [line.text for line in comparison.digest]
    added = next(text for text in rest if text.startswith("Sections added"))
    total = comparison.summary.sections.added
    assert f"{total} sections added" in overview
    assert added.startswith("Sections added (") and f"{total} with their subsections)" in added


def test_digest_opens_terminal_json_and_html(tmp_path):
    text = invoke("qingdao-2018", "wuhan-2014", "--no-color").stdout
    assert text.index("Key changes") < text.index("Sections ")
    data = json.loads(invoke("qingdao-2018", "wuhan-2014", "-f", "json").stdout)
    assert data["digest"] and data["title"] == "青岛市科技局 2018 ↔ 武汉市科技局 2014"
    page = invoke("qingdao-2018", "wuhan-2014", "-f", "html").stdout
    assert page.index('class="digest"') < page.index('id="targets"')


# A count of one next to a plural noun, or a plural verb after "1 of N …": "(1 sentences)", "1 of 139 … were".
ONE_WITH_PLURAL = re.compile(r"(?<![\d.,])1 (?:old |new |unchanged )?(?:sentences|sections|targets|editions|terms|years)\b"
                             r"|(?<![\d.,])1 of \d+ [a-z ]+ were\b")


def test_agree_and_counted_pick_the_form_for_the_count():
    from plandiff.model import agree, counted

    assert [counted(n, "sentence") for n in (0, 1, 2)] == ["0 sentences", "1 sentence", "2 sentences"]
    assert agree(1, "was", "were") == "was" and agree(139, "was", "were") == "were"


def test_counts_agree_with_their_nouns_in_every_view(tmp_path):
    """qingdao-2018 → wuhan-2014 has one reworded sentence and a removed section of one sentence."""
    from plandiff.render.docx import redline_docx

    comparison = plandiff.compare(plandiff.load("qingdao-2018"), plandiff.load("wuhan-2014"))
    assert comparison.summary.sentences.changed == 1
    assert comparison.digest[0].text.startswith("1 of 139 old sentences was reworded")
    terminal = invoke("qingdao-2018", "wuhan-2014", "--no-color").stdout
    assert "培育千家千帆企业  (1 sentence)" in terminal
    page = invoke("qingdao-2018", "wuhan-2014", "-f", "html").stdout
    assert "<b>1</b>sentence changed" in page
    with zipfile.ZipFile(io.BytesIO(redline_docx(comparison))) as package:
        word = re.sub(r"<[^>]+>", "", package.read("word/document.xml").decode())
    assert "1 of 139 old sentences was reworded" in word
    tree = invoke("show", "binzhou-2023", "--no-color").stdout
    for view in (terminal, page, word, tree, invoke("qingdao-2018", "wuhan-2014", "-f", "json").stdout):
        assert not ONE_WITH_PLURAL.search(view), ONE_WITH_PLURAL.search(view)


def test_a_change_of_one_percentage_point_says_point(tmp_path):
    """地区生产总值增长6%左右 → 7%左右: the delta column reads "+1 point" in terminal, targets, HTML and Word."""
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("一、总体要求\n地区生产总值增长6%左右。\n", encoding="utf-8")
    new.write_text("一、总体要求\n地区生产总值增长7%左右。\n", encoding="utf-8")
    docx_file = tmp_path / "r.docx"
    terminal = invoke(str(old), str(new), "--no-color", "--docx", str(docx_file)).stdout
    with zipfile.ZipFile(docx_file) as package:
        word = re.sub(r"<[^>]+>", "", package.read("word/document.xml").decode())
    views = (terminal, invoke("targets", str(old), str(new), "--no-color").stdout,
             invoke(str(old), str(new), "-f", "html").stdout, word)
    for view in views:
        assert "+1 point" in view and "1 points" not in view


# -- no silent options -----------------------------------------------------------------------------

def test_every_file_option_writes_and_says_so(tmp_path):
    runner_ = CliRunner()
    html, docx, xlsx, out = (tmp_path / name for name in ("r.html", "r.docx", "r.xlsx", "r.txt"))
    result = runner_.invoke(app, ["qingdao-2018", "wuhan-2014", "--html", str(html), "--docx", str(docx),
                                  "--xlsx", str(xlsx), "-o", str(out)])
    assert result.exit_code == 1
    for path in (html, docx, xlsx, out):
        assert path.stat().st_size > 1000
        assert f"wrote {path} (" in result.stderr
    single = tmp_path / "t.html"
    result = runner_.invoke(app, ["targets", "binzhou-2023", "--html", str(single)])
    assert result.exit_code == 0 and "研发" in single.read_text(encoding="utf-8")
    assert f"wrote {single} (" in result.stderr


def test_formats_a_command_cannot_make_are_refused():
    assert invoke("show", "wuhan-2014", "-f", "html").exit_code == 2
    assert invoke("compare", "wuhan-2014", "qingdao-2018", "-f", "csv").exit_code == 2
    page = invoke("targets", "binzhou-2023", "--format", "html")
    assert page.exit_code == 0 and page.stdout.startswith("<!DOCTYPE html>")


def test_a_section_that_matches_nothing_is_an_error():
    for args in (("qingdao-2018", "wuhan-2014"), ("targets", "binzhou-2023"), ("targets", "qingdao-2018", "wuhan-2014")):
        result = invoke(*args, "--section", "不存在的")
        assert result.exit_code == 2 and "不存在的" in result.stderr
    kept = invoke("targets", "binzhou-2023", "--section", "重点实验室", "-f", "json")
    assert 0 < len(json.loads(kept.stdout)["targets"]) < len(json.loads(invoke("targets", "binzhou-2023", "-f", "json")
                                                                        .stdout)["targets"])


# -- spreadsheets ----------------------------------------------------------------------------------

def test_csv_has_a_bom_and_the_listed_columns():
    result = invoke("targets", "binzhou-2023", "--format", "csv")
    assert result.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert tuple(rows[0].keys()) == TARGET_COLUMNS
    first = next(row for row in rows if row["indicator"] == "研发投入强度")
    assert first["value"] == "3.55%" and first["unit"] == "%" and float(first["normalised value"]) == 3.55
    assert "3.55%" in first["source sentence"] and first["section"]
    changes = list(csv.DictReader(io.StringIO(invoke("targets", "changzhou-2018", "binzhou-2023", "-f", "csv")
                                              .stdout.lstrip("\ufeff"))))
    lowered = next(row for row in changes if row["verdict"] == "raised")
    assert lowered["old value"] == "2.80%" and float(lowered["delta"]) == pytest.approx(0.75)


def test_xlsx_opens_with_the_header_row(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "t.xlsx"
    assert invoke("targets", "changzhou-2018", "binzhou-2023", "--xlsx", str(path)).exit_code == 1
    sheet = load_workbook(path).active
    header = [cell.value for cell in sheet[1]]
    assert tuple(header[:len(TARGET_COLUMNS)]) == TARGET_COLUMNS and sheet.max_row > 5


# -- JSON for scripts ------------------------------------------------------------------------------

def test_list_and_log_have_json(tmp_path):
    data = json.loads(invoke("list", "--format", "json").stdout)
    assert data["schema"] == "plandiff/plans@1"
    assert {"binzhou-2023", "wuhan-2014"} <= {plan["slug"] for plan in data["plans"]}
    assert all("place" in plan for plan in data["plans"])
    repo = tmp_path / "store"
    assert invoke("track", str(SEEDS / "wuhan-2014.txt"), "--repo", str(repo)).exit_code == 0  # slug derived
    log = json.loads(invoke("log", "--repo", str(repo), "-f", "json").stdout)
    assert log["schema"] == "plandiff/log@1" and log["revisions"][0]["slug"] == "wuhan-2014"


# -- the terminal ----------------------------------------------------------------------------------

def test_piped_text_is_unwrapped_and_clean():
    text = invoke("changzhou-2018", "binzhou-2023", "--no-color").stdout
    lines = text.splitlines()
    assert max(len(line) for line in lines) > 100  # a long sentence stays on one line
    assert not any(line != line.rstrip() for line in lines)


def test_side_by_side_has_column_headers():
    text = invoke("changzhou-2018", "binzhou-2023", "--side-by-side", "--no-color").stdout
    assert "old: changzhou-2018" in text and "new: binzhou-2023" in text


def test_line_breaks_keep_closing_punctuation_and_numbers_with_the_line():
    sentence = "今年发展主要预期目标是：国内生产总值增长5.5%左右；城镇新增就业1100万人以上，城镇调查失业率5.5%以内。"
    for width in range(6, 30):
        cuts = [0, *break_offsets(sentence, width), len(sentence)]
        lines = [sentence[a:b] for a, b in zip(cuts, cuts[1:])]
        assert "".join(lines) == sentence
        assert not any(line[0] in "。，、；：%" for line in lines[1:]), (width, lines)
        assert not any(a[-1].isdigit() and b[0] in "0123456789.%" for a, b in zip(lines, lines[1:])), (width, lines)


def test_line_breaks_keep_latin_words_whole():
    line = "1 of 139 old sentences was reworded, 90 added, 138 removed and 0 moved; 11 sections added, 32 removed."
    for width in range(20, 90):
        cuts = [0, *break_offsets(line, width), len(line)]
        lines = [line[a:b] for a, b in zip(cuts, cuts[1:])]
        assert "".join(lines) == line
        assert not any(a[-1:].isalpha() and b[:1].isalpha() for a, b in zip(lines, lines[1:])), (width, lines)


def test_text_that_surely_fits_is_not_measured_and_breaks_nowhere():
    from plandiff.render.wrap import _measured_breaks

    sentence = "今年发展主要预期目标是：国内生产总值增长5.5%左右；城镇新增就业1100万人以上。"
    for text in (sentence, sentence * 3, "ａｂ" * 20, "a\n" + sentence):
        for width in (len(text) - 1, len(text), 2 * len(text) - 1, 2 * len(text), 2 * len(text) + 5, 100_000):
            assert break_offsets(text, width) == _measured_breaks(text, width), (text, width)


def test_signed_lines_hang_under_the_sign_and_keep_their_colours():
    from io import StringIO

    from rich.cells import cell_len
    from rich.console import Console
    from rich.text import Text

    from plandiff.render.wrap import SignedLines

    sentence = "今年发展主要预期目标是：国内生产总值增长5.5%左右；城镇新增就业1100万人以上，城镇调查失业率5.5%以内。"
    rows = [(Text("+", style="green"), Text(sentence, style="green")), (Text("~"), Text("短句。"))]
    for width in (20, 41, 100):
        console = Console(file=StringIO(), width=width, force_terminal=True, color_system="standard")
        console.print(SignedLines(rows))
        rendered = console.file.getvalue()
        plain = Text.from_ansi(rendered).plain.splitlines()
        assert plain[0].startswith("+ ") and plain[-1] == "~ 短句。"
        assert all(line.startswith("  ") for line in plain[1:-1])  # the sentence's lines hang under its first
        assert "".join(line[2:] for line in plain[:-1]) == sentence
        assert all(cell_len(line) <= width for line in plain)
        assert "\x1b[32m" in rendered  # green, though the text has no spans


def test_signed_lines_drop_blank_lines_as_the_grid_of_wrapped_cells_did():
    from io import StringIO

    from rich.console import Console
    from rich.text import Text

    from plandiff.render.wrap import SignedLines

    def shown(text: str, width: int) -> list[str]:
        console = Console(file=StringIO(), width=width, color_system=None)
        console.print(SignedLines([(Text("+"), Text(text)), (Text("-"), Text("第二行"))]))
        return [line.rstrip() for line in console.file.getvalue().splitlines()]

    # A blank line inside a text, or a wrapped line of nothing but spaces, is no line of its own; a text of
    # nothing but whitespace still shows its sign.
    assert shown("甲\n\n乙", 40) == ["+ 甲", "  乙", "- 第二行"]
    assert shown("ab      cd", 6) == ["+ ab", "  cd", "- 第二", "  行"]
    assert shown("\n", 40) == ["+", "- 第二行"]


def test_shell_completion_completes_commands_and_is_not_a_comparison():
    import os
    import subprocess
    import sys

    environment = {**os.environ, "_PLANDIFF_COMPLETE": "complete_bash", "COMP_WORDS": "plandiff li", "COMP_CWORD": "1"}
    done = subprocess.run([sys.executable, "-c", "from plandiff.cli.main import main; main()"], env=environment,
                          capture_output=True, text=True)
    assert done.stdout.split() == ["list"]
    shown = runner.invoke(app, ["--show-completion", "bash"], prog_name="plandiff")
    assert shown.exit_code == 0 and "_plandiff_completion" in shown.stdout


def test_a_written_report_is_readable_as_the_umask_allows(tmp_path):
    """-o and --html go through a private temporary file; the report itself must not stay 0600."""
    import os

    mask = os.umask(0o022)
    try:
        result = CliRunner().invoke(app, ["show", "wuhan-2014", "-o", str(tmp_path / "plan.txt")])
        assert result.exit_code == 0, result.output
        assert (tmp_path / "plan.txt").stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(mask)
