"""--explain: each pair's score parts and runner-up, in the terminal and in the JSON `why`."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from plandiff.cli.main import app


def test_explain_shows_score_parts_and_runner_up():
    result = CliRunner().invoke(app, ["compare", "qingdao-2018", "wuhan-2014", "--explain", "--no-color",
                                      "--no-pager"])
    assert result.exit_code == 1
    assert "why: content" in result.output and "tree" in result.output and "runner-up" in result.output


def _numbers(line: str) -> list[float]:
    return [float(number) for number in re.findall(r"[+-]?\d+\.\d\d\b", line)]


def test_explain_adds_up_as_printed_and_names_runner_ups_as_sections():
    # The title's score is the content score: the why-line starts from it and adds role, tree and order
    # to the total the pairing used; every printed line sums exactly, and the runner-up is named by its
    # path and heading (四、 › 10.搭建…), as every other view names sections, never by ids (4.10).
    result = CliRunner().invoke(app, ["compare", "qingdao-2018", "wuhan-2014", "--explain", "--no-color",
                                      "--no-pager"], env={"COLUMNS": "400"})  # wide: one line per line
    lines = result.output.splitlines()
    explained = 0
    for index, line in enumerate(lines):
        if "why: content" not in line:
            continue
        explained += 1
        title_score = float(re.search(r"(?:matched|split|merged) (\d\.\d\d) \(heading", lines[index - 1]).group(1))
        content, *content_parts = _numbers(line)
        assert content == title_score
        assert round(sum(content_parts), 2) == content
        total_line = lines[index + 1]
        assert total_line.strip().startswith("total")
        total, shown_content, *rest = _numbers(total_line)
        assert shown_content == content and round(content + sum(rest), 2) == total
        runner_up = lines[index + 2]
        if runner_up.strip().startswith("runner-up"):
            assert "⇄" in runner_up and not re.search(r"\b\d+\.\d+(\.\d+)*\b(?!\d)\s+⇄", runner_up)
            assert re.search(r"[一二三四五六七八九十]、", runner_up)
    assert explained >= 5
    assert "runner-up 四、 › 10.搭建科技成果转化平台  ⇄  三、 › (三)着力促进科技成果转化" in result.output


def test_json_why_content_parts_and_runner_up_sections_agree():
    result = CliRunner().invoke(app, ["compare", "qingdao-2018", "wuhan-2014", "--format", "json"])
    rows = [row for row in json.loads(result.output)["sections"] if "parts" in row["why"]]
    assert rows
    for row in rows:
        why, parts = row["why"], row["why"]["parts"]
        assert why["content"] == row["score"]
        assert abs(parts["heading"] + parts["body"] + parts["size"] - why["content"]) < 0.002
        assert abs(why["content"] + parts["role"] + parts["tree"] + parts["order"] - why["total"]) < 0.002
        if "runner_up" in why:
            runner_up = why["runner_up"]
            assert runner_up["old_section"]["id"] == runner_up["old"]
            assert runner_up["new_section"]["id"] == runner_up["new"]
            assert runner_up["old_section"]["heading"] and runner_up["new_section"]["label"]


def test_json_carries_roles_and_why():
    result = CliRunner().invoke(app, ["compare", "changzhou-2018", "binzhou-2023", "--format", "json"])
    data = json.loads(result.output)
    matched = [s for s in data["sections"] if s["status"] == "matched" and s["old"]["id"] != "0"]
    why = matched[0]["why"]
    assert set(why["parts"]) == {"heading", "body", "size", "role", "tree", "order"}
    assert abs(sum(why["parts"].values()) - why["total"]) < 0.01
    assert {s["old"]["role"] for s in data["sections"] if s["old"]} >= {"requirements", "tasks"}


def test_a_pair_made_on_a_shared_topic_says_so():
    # changzhou 2.引进培育一批高端人才 ↔ binzhou （一）加速集聚战略科技人才 totals below the threshold: it was paired on
    # 人才, which both texts bear out, and the explanation names it (terminal and JSON).
    args = ["compare", "changzhou-2018", "binzhou-2023"]
    result = CliRunner().invoke(app, [*args, "--explain", "--no-color", "--no-pager", "--section", "人才"])
    assert "paired on the shared topic 人才" in result.output
    data = json.loads(CliRunner().invoke(app, [*args, "--format", "json"]).output)
    topics = {(s["old"]["id"], s["new"]["id"]): s["why"].get("topic") for s in data["sections"]
              if s["status"] == "matched" and s["old"]["id"] != "0"}
    assert topics[("2.2.2", "5.1")] == "人才"
    assert topics[("2.1.3", "4.1")] is None  # pairs that passed the threshold carry no topic
