"""Byte-exact golden outputs for the CLI (tests/cases/<name>/), CJK-width cases included."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "cases"))
from casefile import case_folders, inputs_of, run_case  # noqa: E402


@pytest.mark.parametrize("folder", case_folders(), ids=lambda p: p.name)
def test_golden_case(folder):
    output, code = run_case(folder)
    expected = (folder / "expected").read_text(encoding="utf-8")
    assert output == expected, f"output changed; if intended, run: python tests/cases/casefile.py ({folder.name})"
    assert code == int((folder / "exit").read_text())


@pytest.mark.parametrize("folder", case_folders(), ids=lambda p: p.name)
def test_golden_case_carries_every_input_it_names(folder):
    """Each case names only files in its own folder, so it runs the same on any machine."""
    inputs = {path.name for path in inputs_of(folder)}
    assert inputs, f"{folder.name} holds no input files"
    words = set((folder / "args").read_text(encoding="utf-8").split())
    assert inputs <= words, f"{folder.name}: inputs not named in args: {sorted(inputs - words)}"
