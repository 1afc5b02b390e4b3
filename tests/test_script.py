"""Folding is for matching only: traditional copies and full-width text compare as the same plan,
and every view shows the document's own characters."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import opencc
import pytest
from conftest import SEED_SLUGS, SEEDS, corpus_file
from typer.testing import CliRunner

from plandiff.cli.main import app
from plandiff.diff.pipeline import compare, source_diff
from plandiff.engines.script import GB2312_REWRITTEN_PHRASES, GB2312_TRADITIONAL, to_simplified
from plandiff.parse.pipeline import parse_plan
from plandiff.parse.text import fold

TO_TRADITIONAL = opencc.OpenCC("s2t")


def outline(plan):
    return [(s.level, s.marker, s.heading, len(s.sentences)) for s in plan.sections]


@pytest.mark.slow
@pytest.mark.parametrize("name", ["national-gwr-2022.txt", "hailar-gwr-2017.txt"])
def test_a_traditional_copy_is_the_same_plan(name):
    text = corpus_file(name).read_text(encoding="utf-8")
    traditional = TO_TRADITIONAL.convert(text)
    assert traditional != text
    old, new = parse_plan(text, "simplified"), parse_plan(traditional, "traditional")
    assert outline(new) == outline(old)
    comparison = compare(old, new)
    counts = comparison.summary.sentences
    assert (counts.changed, counts.added, counts.removed) == (0, 0, 0)
    assert all(t.status == "same" for t in comparison.targets)  # indicators match across scripts
    assert not comparison.differs
    # The traditional plan still shows its own characters.
    shown = "".join(s.shown for section in new.sections for s in section.sentences)
    assert "國" in shown or "發" in shown


def test_the_script_fold_keeps_every_offset():
    for slug in SEED_SLUGS:
        text = (SEEDS / f"{slug}.txt").read_text(encoding="utf-8")
        traditional = TO_TRADITIONAL.convert(text)
        assert len(to_simplified(traditional)) == len(traditional)
        assert len(fold(traditional)) == len(traditional)


def _gb2312_han():
    """Every Han character of GB2312: rows 16 to 87 of the two-byte table."""
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                yield bytes([high, low]).decode("gb2312")
            except UnicodeDecodeError:
                pass


def test_the_gb2312_shortcut_skips_only_what_opencc_leaves_alone():
    to_simple = opencc.OpenCC("t2s")
    changed = {char for char in _gb2312_han() if to_simple.convert(char) != char}
    assert changed == GB2312_TRADITIONAL
    assert to_simplified("后来於此") == "后来于此"  # a listed form still folds in otherwise simplified text
    assert to_simplified("國內生产总值") == "国内生产总值"


def _t2s_keys(folder: Path, scratch: Path) -> set[str]:
    """Every key of the dictionaries OpenCC's t2s chain reads, dumped with the opencc_dict tool it ships."""
    config = json.loads((folder / "t2s.json").read_text(encoding="utf-8"))
    files = [d["file"] for step in config["conversion_chain"] for d in step["dict"].get("dicts", [step["dict"]])]
    tool = Path(opencc.__file__).parent / "clib" / "bin" / "opencc_dict"
    keys = set()
    for name in files:
        dumped = scratch / f"{name}.txt"
        subprocess.run([str(tool), "-i", str(folder / name), "-o", str(dumped), "-f", "ocd2", "-t", "text"],
                       capture_output=True, check=True)
        keys.update(line.split("\t")[0] for line in dumped.read_text(encoding="utf-8").splitlines())
    return keys


def test_the_phrase_list_holds_every_gb2312_phrase_opencc_rewrites(tmp_path):
    folder = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    if not (folder.parent.parent / "bin" / "opencc_dict").exists():
        pytest.skip("this OpenCC build ships no opencc_dict tool to read its dictionaries")
    to_simple = opencc.OpenCC("t2s")

    def gb2312_only(key):
        try:
            key.encode("gb2312")
        except UnicodeEncodeError:
            return False
        return True

    rewritten = {key for key in _t2s_keys(folder, tmp_path) if len(key) > 1 and gb2312_only(key)
                 and not set(key) & GB2312_TRADITIONAL and to_simple.convert(key) != key}
    assert rewritten == GB2312_REWRITTEN_PHRASES


@pytest.mark.parametrize("text", [
    "各项批覆事项按时办结，反覆核查数据。",  # GB2312 only, rewritten by OpenCC's phrases (批覆→批复)
    "推进全覆盖，防止打坏设备。",
    "面馆招牌上写着𰻞𰻞面。",  # a traditional form outside the BMP (CJK extension G)
])
def test_the_shortcut_gives_what_opencc_gives(text):
    assert to_simplified(text) == opencc.OpenCC("t2s").convert(text)


def test_a_sentence_both_plans_share_stays_the_same_whatever_else_a_plan_holds():
    # 喆 is simplified but outside GB2312: before, it sent only the new plan through OpenCC, which rewrote
    # 批覆 there alone, and an unchanged sentence was reported reworded.
    shared = "一、总体要求\n各项批覆事项按时办结，反覆核查数据。\n二、重点任务\n推进全覆盖。\n"
    comparison = compare(parse_plan(shared, "old"), parse_plan(shared + "支持喆园建设。\n", "new"))
    counts = comparison.summary.sentences
    assert (counts.same, counts.changed, counts.added) == (2, 0, 1)


def test_the_shared_plans_fold_to_themselves():
    for slug in SEED_SLUGS:
        text = (SEEDS / f"{slug}.txt").read_text(encoding="utf-8")
        assert to_simplified(text) == text == opencc.OpenCC("t2s").convert(text)


def test_mixed_scripts_and_widths_fold_to_one_key():
    assert fold("國內⽣產總值增長5.5％左右（一）") == fold("国内生产总值增长5.5%左右(一)")


def test_sentences_and_headings_show_the_source_characters():
    text = "一、总体要求\n（一）稳定增长。现在，我代表国务院，向大会报告。\n（二）扩大就业。新增就业1100万人。\n"
    plan = parse_plan(text)
    child = plan.sections[2]
    assert child.marker == "(一)" and child.shown_marker == "（一）"
    assert plan.label(child.id) == "一、 › （一）"
    assert child.sentences[0].text == "现在,我代表国务院,向大会报告。"
    assert child.sentences[0].shown == "现在，我代表国务院，向大会报告。"


def test_source_diff_rebuilds_both_sources():
    old, new = "现在，我代表国务院  报告。", "現在，我代表國務院，向大会报告工作。"
    from plandiff.engines.worddiff import word_diff

    diff = source_diff(word_diff(fold(old).replace("  ", "  "), fold(new)), old, new)
    assert "".join(t for op, t in diff if op <= 0) == old
    assert "".join(t for op, t in diff if op >= 0) == new


def test_json_and_terminal_show_the_document_punctuation_and_labels(tmp_path):
    base = "一、总体要求\n（一）稳定增长。现在，我代表国务院，向大会报告。\n（二）扩大就业。新增就业1100万人。\n"
    old_file, new_file = tmp_path / "old.txt", tmp_path / "new.txt"
    old_file.write_text(base, encoding="utf-8")
    new_file.write_text(base.replace("1100万人", "1200万人"), encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", str(old_file), str(new_file), "--format", "json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    row = next(r for r in data["sections"] if r["new"] and r["new"]["marker"] == "（二）")
    assert row["new"]["label"] == "一、 › （二）" and row["new"]["id"] == "1.2"
    changed = next(s for s in row["sentences"] if s["status"] == "changed")
    assert changed["new"] == "新增就业1200万人。"
    text = CliRunner().invoke(app, ["compare", str(old_file), str(new_file), "--no-color"]).stdout
    assert "一、 › （二）" in text


def test_a_traditional_file_compares_as_same_on_the_command_line(tmp_path):
    text = (SEEDS / "wuhan-2014.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TO_TRADITIONAL.convert(text), encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("slug", ["qingdao-2018", "binzhou-2023"])
def test_a_traditional_copy_shows_its_own_title(slug, tmp_path):
    """The title matches folded (same plan, same series) but every view prints it as the document does."""
    text = (SEEDS / f"{slug}.txt").read_text(encoding="utf-8")
    simplified, traditional = parse_plan(text, slug).metadata, parse_plan(TO_TRADITIONAL.convert(text), slug).metadata
    assert traditional.title == simplified.title
    assert traditional.shown_title == TO_TRADITIONAL.convert(simplified.title) != simplified.title
    copy = tmp_path / f"{slug}-trad.txt"
    copy.write_text(TO_TRADITIONAL.convert(text), encoding="utf-8")
    shown = CliRunner().invoke(app, ["show", str(copy)])
    assert f"title         {traditional.shown_title}" in shown.output
    page = tmp_path / "r.html"
    CliRunner().invoke(app, [slug, str(copy), "--html", str(page), "--no-pager"])
    assert f'<td data-label="New">{traditional.shown_title}</td>' in page.read_text(encoding="utf-8")
    data = json.loads(CliRunner().invoke(app, [slug, str(copy), "--format", "json"]).stdout)
    assert (data["new"]["title"], data["new"]["shown_title"]) == (traditional.title, traditional.shown_title)
    shown_plan = json.loads(CliRunner().invoke(app, ["show", str(copy), "--format", "json"]).stdout)
    assert shown_plan["shown_title"] == traditional.shown_title
