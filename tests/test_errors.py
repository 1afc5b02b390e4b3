"""Bad input gets one line that says what to do, exit code 2, and no traceback."""

from __future__ import annotations

from conftest import SEEDS
from conftest import run_cli as run


def assert_clean_error(result, *words):
    assert result.exit_code == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0]


def test_missing_file(tmp_path):
    assert_clean_error(run("show", str(tmp_path / "nope.txt")), "no such file")


def test_unknown_slug_suggests_nearest():
    assert_clean_error(run("show", "qingdao-2019"), "unknown plan", "qingdao-2018")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_clean_error(run("show", str(path)), "empty")


def test_binary_file(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(256)) * 64)
    assert_clean_error(run("show", str(path)), "encoding")


def test_text_without_chinese(tmp_path):
    path = tmp_path / "english.txt"
    path.write_text("This is not a plan at all.\n" * 10)
    assert_clean_error(run("show", str(path)), "no Chinese text")


def test_huge_file(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    assert_clean_error(run("show", str(path)), "too large")


def test_directory(tmp_path):
    assert_clean_error(run("show", str(tmp_path)), "directory")


def test_corrupt_docx(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    assert_clean_error(run("show", str(path)), "DOCX")


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n garbage")
    result = run("show", str(path))
    assert_clean_error(result)


def test_add_refuses_to_overwrite():
    first = run("add", SEEDS / "wuhan-2014.txt")
    assert first.exit_code == 0, first.stderr
    assert "wuhan-2014" in first.stdout
    assert_clean_error(run("add", SEEDS / "wuhan-2014.txt"), "already", "--force")
    assert run("add", SEEDS / "wuhan-2014.txt", "--force").exit_code == 0


def test_damaged_corpus_index(tmp_path):
    index = tmp_path / "corpus.duckdb"
    index.write_bytes(bytes(range(256)) * 16)
    assert_clean_error(run("corpus", "query", "select 1", "--db", str(index)), "cannot open the corpus index")
