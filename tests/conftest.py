"""Shared setup: the suite writes only under a session temp folder, never to the user's home or cache.

`pytest_configure` points every place plandiff (and the libraries it uses) could write at that folder
before any test module is imported; each test still gets its own empty library. Parsed seed plans
are shared per session through fixtures, so no test module parses anything at import time.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "plandiff" / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus"
SEED_SLUGS = ["qingdao-2018", "wuhan-2014", "qingdao-shinan-2021", "changzhou-2018", "binzhou-2023"]

_SESSION_FOLDER: Path | None = None


def sandbox_environment(folder: Path) -> dict[str, str]:
    """Every variable that decides where plandiff or its libraries write, pointed inside folder."""
    return {
        "PLANDIFF_HOME": str(folder / "home"),
        "PLANDIFF_CACHE": str(folder / "cache"),
        "XDG_CACHE_HOME": str(folder / "xdg-cache"),
        "XDG_DATA_HOME": str(folder / "xdg-data"),
        "XDG_CONFIG_HOME": str(folder / "xdg-config"),
        "XDG_STATE_HOME": str(folder / "xdg-state"),
        "MPLCONFIGDIR": str(folder / "matplotlib"),
        "DASK_CONFIG": str(folder / "dask"),
    }


def pytest_configure(config):
    global _SESSION_FOLDER
    _SESSION_FOLDER = Path(tempfile.mkdtemp(prefix="plandiff-tests-"))
    os.environ.update(sandbox_environment(_SESSION_FOLDER))
    os.environ.pop("PLANDIFF_NO_CACHE", None)


def pytest_collection_modifyitems(config, items):
    # A test that opens the browser is a browser test, whoever wrote it and whether or not they said so.
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


def pytest_unconfigure(config):
    if _SESSION_FOLDER is not None:
        shutil.rmtree(_SESSION_FOLDER, ignore_errors=True)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    """A fresh, empty library for each test; the cache stays shared across the session."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PLANDIFF_HOME", str(home))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home


@lru_cache(maxsize=None)
def seed_plan(slug: str):
    """A bundled seed plan, parsed once per test session (on first use, never at import)."""
    from plandiff.sources.workspace import Workspace

    return Workspace.from_environment().load(slug)


class _EntryPoint:
    """The console script's own `main` (with its one-line errors and exit codes) as click's runner calls it."""

    name = "plandiff"

    def main(self, args, prog_name=None, **extra):
        from plandiff.cli.main import main

        main(list(args))


def run_cli(*args: str, env: dict[str, str] | None = None):
    """Run `plandiff ARGS` in-process, exactly as the console script does; a click `Result`."""
    from click.testing import CliRunner

    return CliRunner().invoke(_EntryPoint(), [str(arg) for arg in args], env=env)


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} is not here (shared/ sits beside the checkout in CI)")
    return path


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def browser():
    """Debian's headless chromium under playwright; CI must have it, a laptop may skip."""
    if not CHROMIUM:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI; tests/run.sh installs it with apt-get")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield launched
        launched.close()
