"""The suite leaves the user's machine alone: run with HOME at an empty folder, that folder stays empty."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT, sandbox_environment

# A slice that touches every writer: CLI, library, git store, cache, corpus (DuckDB, Dask), jieba, hypothesis.
SLICE = ["tests/test_cli.py", "tests/test_store.py", "tests/test_properties.py", "tests/test_cases.py",
         "tests/test_errors.py", "tests/test_corpus.py"]
SKIP = "not real_scheduler"  # the local Dask cluster test stays in; a second cluster adds time, not writers


@pytest.mark.slow
def test_the_suite_writes_nothing_into_home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    environment = {key: value for key, value in os.environ.items()
                   if key not in sandbox_environment(tmp_path) and not key.startswith("PYTEST")}
    environment["HOME"] = str(home)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-m", "not browser", "-k", SKIP, *SLICE],
        cwd=ROOT, env=environment, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    left = sorted(str(path.relative_to(home)) for path in home.rglob("*"))
    assert left == [], f"the suite wrote into HOME: {left}"
