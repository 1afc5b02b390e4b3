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
