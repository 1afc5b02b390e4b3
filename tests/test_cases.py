"""Byte-exact golden outputs for the CLI (tests/cases/<name>/), CJK-width cases included."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "cases"))
from casefile import case_folders, run_case  # noqa: E402


@pytest.mark.parametrize("folder", case_folders(), ids=lambda p: p.name)
def test_golden_case(folder):
    output, code = run_case(folder)
    expected = (folder / "expected").read_text(encoding="utf-8")
    assert output == expected, f"output changed; if intended, run: python tests/cases/casefile.py ({folder.name})"
    assert code == int((folder / "exit").read_text())
