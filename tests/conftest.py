"""Shared fixtures: every test gets its own library and cache, so nothing touches the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "plandiff" / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus"
SEED_SLUGS = ["qingdao-2018", "wuhan-2014", "qingdao-shinan-2021", "changzhou-2018", "binzhou-2023"]


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PLANDIFF_HOME", str(home))
    monkeypatch.setenv("PLANDIFF_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} is not here (shared/ sits beside the checkout in CI)")
    return path
