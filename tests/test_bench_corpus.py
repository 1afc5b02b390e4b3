"""The generated benchmark corpus stays usable: one file a plan, and every plan's city read back right."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import plandiff

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from make_corpus import file_name, generate  # noqa: E402


@pytest.mark.slow
def test_generated_plans_keep_their_files_and_cities(tmp_path):
    facts = generate(tmp_path, cities=6, years=2, copies=3)
    truth = json.loads((tmp_path / "ground_truth.json").read_text(encoding="utf-8"))
    assert len(truth["city_of_file"]) == facts["plans"] == 12
    for name, city in truth["city_of_file"].items():
        assert plandiff.load(str(tmp_path / name)).metadata.city == city, name
    # The ground truth is what the files say: each passage is in its copier, and each of its sentences is
    # in its source with the source's own city name (the passage skips the source's short sentences).
    for copy in truth["copies"]:
        copier, source = (_text(tmp_path / copy[f"{side}_file"]) for side in ("copier", "source"))
        assert copy["passage"] in copier
        for sentence in copy["passage"].replace(copy["copier"][0], copy["source"][0]).split("。")[:-1]:
            assert sentence + "。" in source


def _text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def test_cities_that_share_a_pinyin_get_their_own_files():
    assert file_name("苏州", 2023) != file_name("宿州", 2023)
