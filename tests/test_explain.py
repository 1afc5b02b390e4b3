"""--explain: each pair's score parts and runner-up, in the terminal and in the JSON `why`."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from plandiff.cli.main import app


def test_explain_shows_score_parts_and_runner_up():
    result = CliRunner().invoke(app, ["compare", "qingdao-2018", "wuhan-2014", "--explain", "--no-color",
                                      "--no-pager"])
    assert result.exit_code == 1
    assert "why: heading +" in result.output and "tree" in result.output and "runner-up" in result.output


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
