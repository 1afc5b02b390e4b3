"""The HTML report, checked in a real browser (Debian's chromium driven by Playwright)."""

from __future__ import annotations

import json
import re

import pytest
from conftest import SEEDS
from typer.testing import CliRunner

import plandiff
import plandiff.parse.pipeline
from plandiff.cli.main import app
from plandiff.model import Comparison
from plandiff.render.html import render_report
from plandiff.render.json import comparison_to_dict

ATTACKS = ['<script>alert(1)</script>', '<img src=x onerror="window.__pwned=1">', '"><svg onload="window.__pwned=2">']


@pytest.fixture(scope="module")
def qingdao_wuhan() -> Comparison:
    return plandiff.compare(plandiff.load("qingdao-2018"), plandiff.load("wuhan-2014"))


def open_page(browser, tmp_path, html: str, javascript: bool = True):
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    context = browser.new_context(java_script_enabled=javascript, viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.goto(path.as_uri())
    return page, errors


def test_report_is_one_small_offline_file(qingdao_wuhan):
    html = render_report(qingdao_wuhan)
    assert len(html.encode("utf-8")) < 1_000_000
    assert not re.search(r"<(link|img|iframe)\b|\bsrc=|@import|url\(", html), "loads something from outside"
    assert "http://" not in html and "https://" not in html


def test_rows_match_the_json(browser, tmp_path, qingdao_wuhan):
    data = comparison_to_dict(qingdao_wuhan)
    page, errors = open_page(browser, tmp_path, render_report(qingdao_wuhan))
    changed = sum(1 for section in data["sections"] for s in section["sentences"] if s["status"] == "changed")
    assert page.locator("tr.sentence.changed").count() == changed
    assert page.locator("section.pair").count() == len(data["sections"])
    assert page.locator("table.targets tr.target-row").count() == len(data["targets"])
    assert page.locator("nav.toc li").count() == len(data["sections"])
    assert page.locator("mark.target").count() > 0
    page.screenshot(path=str(tmp_path / "report.png"), full_page=False)
    assert (tmp_path / "report.png").stat().st_size > 10_000
    assert errors == []


def test_toggles(browser, tmp_path):
    base = (SEEDS / "wuhan-2014.txt").read_text(encoding="utf-8")
    edited = base.replace("新增孵化面积120万平方米", "新增孵化面积150万平方米")
    comparison = plandiff.compare(plandiff.parse.pipeline.parse_plan(base, "old"), plandiff.parse.pipeline.parse_plan(edited, "new"))
    page, errors = open_page(browser, tmp_path, render_report(comparison))
    same = page.locator("tr.sentence.same").first
    assert not same.is_visible()  # unchanged sentences fold away
    page.locator("#unfold-all").click()
    assert same.is_visible()
    assert page.locator("tr.sentence.changed").count() == 1
    inline = page.locator("tr.sentence.changed td.inline").first
    assert not inline.is_visible()
    page.locator("input[value=inline]").check()
    assert inline.is_visible() and not page.locator("tr.sentence.changed td.side.old").first.is_visible()
    assert "150万平方米" in inline.inner_text() and "120万平方米" in inline.inner_text()
    unchanged = page.locator("section.pair.unchanged").first
    assert unchanged.is_visible()
    page.locator("#hide-unchanged").check()
    assert not unchanged.is_visible() and page.locator("section.pair:not(.unchanged)").first.is_visible()
    assert errors == []


def test_without_script_everything_is_shown(browser, tmp_path, qingdao_wuhan):
    page, _ = open_page(browser, tmp_path, render_report(qingdao_wuhan), javascript=False)
    assert not page.locator(".controls").is_visible()
    sentences = page.locator("tr.sentence")
    assert sentences.count() > 0 and sentences.first.is_visible()


def test_document_text_is_escaped_and_runs_nothing(browser, tmp_path):
    base = (SEEDS / "changzhou-2018.txt").read_text(encoding="utf-8")
    old = base.replace("3.科技进步贡献率达63.80%。", f"3.科技进步贡献率达63.80%{ATTACKS[0]}。")
    new = base.replace("3.科技进步贡献率达63.80%。", f"3.科技进步贡献率达65%{ATTACKS[1]}。").replace(
        "突出企业的创新主体地位", f"突出企业的创新主体地位{ATTACKS[2]}"
    )
    comparison = plandiff.compare(plandiff.parse.pipeline.parse_plan(old, "evil-old"), plandiff.parse.pipeline.parse_plan(new, "evil-new"))
    html = render_report(comparison)
    for attack in ATTACKS:
        assert attack not in html
    page, errors = open_page(browser, tmp_path, html)
    text = page.locator("body").inner_text()
    assert "<script>alert(1)</script>" in text and 'onerror="window.__pwned=1"' in text and "<svg onload=" in text
    assert page.evaluate("window.__pwned") is None
    assert errors == []


def test_cli_writes_html(tmp_path):
    runner = CliRunner()
    target = tmp_path / "r.html"
    result = runner.invoke(app, ["compare", "qingdao-2018", "wuhan-2014", "--html", str(target), "--layout", "inline"])
    assert result.exit_code == 1 and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert 'data-layout="inline"' in target.read_text(encoding="utf-8")
    stdout = runner.invoke(app, ["compare", "wuhan-2014", "wuhan-2014", "--format", "html"])
    assert stdout.exit_code == 0 and "<html" in stdout.stdout
    targets_page = tmp_path / "t.html"
    result = runner.invoke(app, ["targets", "changzhou-2018", "binzhou-2023", "--html", str(targets_page)])
    assert result.exit_code == 1 and "研发投入强度" in targets_page.read_text(encoding="utf-8")
    data = json.loads(runner.invoke(app, ["compare", "qingdao-2018", "wuhan-2014", "--format", "json"]).stdout)
    assert data["schema"] == "plandiff/comparison@1"
