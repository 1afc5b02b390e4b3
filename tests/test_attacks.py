"""Hostile input through every command: one stderr line, exit 2, no traceback, nothing overwritten.

Each case builds its own bad input under tmp_path and names the words the error line must hold.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from conftest import SEEDS
from typer.testing import CliRunner

from plandiff.cli.main import app

runner = CliRunner()
WUHAN = SEEDS / "wuhan-2014.txt"
QINGDAO = SEEDS / "qingdao-2018.txt"
LONG_NAME = "计" * 120 + ".txt"  # 360 bytes: over the 255-byte limit of common file systems
PLAN = "政府工作报告\n一、发展目标\n地区生产总值增长7%左右。城镇新增就业11万人以上。\n"


def write(tmp: Path, name: str, data: bytes) -> str:
    path = tmp / name
    path.write_bytes(data)
    return str(path)


def broken_docx(tmp: Path) -> str:
    """A valid zip whose document.xml is not well-formed XML."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org'
                         '/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
                         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                         'officedocument.wordprocessingml.document.main+xml"/></Types>')
        archive.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                         'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                         '</Relationships>')
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>政府工作报告</w:body")
    return write(tmp, "broken-xml.docx", buffer.getvalue())


def zip_without_document(tmp: Path) -> str:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "政府工作报告")
    return write(tmp, "empty.docx", buffer.getvalue())


def fifo(tmp: Path) -> str:
    path = tmp / "pipe.txt"
    os.mkfifo(path)
    return str(path)


def plan_file(tmp: Path) -> str:
    return write(tmp, "plan.txt", PLAN.encode())


def repo_file(tmp: Path) -> str:
    return write(tmp, "not-a-folder", b"just a file")


# Each input class: a builder of a bad path and the words its error line must contain.
BAD_FILES = {
    "missing": (lambda t: str(t / "nope.txt"), "no such file"),
    "directory": (lambda t: str(t), "directory"),
    "name-too-long": (lambda t: str(t / LONG_NAME), "too long"),
    "newline-in-name": (lambda t: str(t / "a\nb.txt"), "a\\x0ab.txt"),
    "escape-in-name": (lambda t: str(t / "a\x1b]0;x\x07.txt"), "\\x1b"),
    "nul-in-name": (lambda t: str(t) + "/a\0b.txt", "null byte"),
    "dev-zero": (lambda t: "/dev/zero", "not a regular file"),
    "dev-urandom": (lambda t: "/dev/urandom", "not a regular file"),
    "fifo": (fifo, "not a regular file"),
    "empty": (lambda t: write(t, "empty.txt", b""), "empty"),
    "binary": (lambda t: write(t, "noise.txt", bytes(range(256)) * 64), "encoding"),
    "no-chinese": (lambda t: write(t, "english.txt", b"not a plan\n" * 20), "no Chinese"),
    "utf8-bom-then-bad-bytes": (lambda t: write(t, "b8.txt", b"\xef\xbb\xbf" + PLAN.encode() + b"\xff\xfe"),
                                "byte-order mark"),
    "utf16-odd-length": (lambda t: write(t, "odd.txt", b"\xff\xfe" + PLAN.encode("utf-16-le") + b"\x00"),
                         "byte-order mark"),
    "utf16-lone-high-surrogate": (lambda t: write(t, "hi.txt", b"\xff\xfe" + PLAN.encode("utf-16-le") + b"\x00\xd8"),
                                  "byte-order mark"),
    "utf16-lone-low-surrogate": (lambda t: write(t, "lo.txt", b"\xff\xfe\x00\xdc" + PLAN.encode("utf-16-le")),
                                 "byte-order mark"),
    "utf16be-lone-surrogate": (lambda t: write(t, "be.txt", b"\xfe\xff\xd8\x00" + PLAN.encode("utf-16-be")),
                               "byte-order mark"),
    "docx-broken-xml": (broken_docx, "damaged"),
    "docx-without-document": (zip_without_document, "DOCX"),
    "not-a-zip": (lambda t: write(t, "x.docx", b"PK\x03\x04 not really a zip"), "DOCX"),
    "pdf-garbage": (lambda t: write(t, "x.pdf", b"%PDF-1.4\n garbage"), "PDF"),
    "too-large": (lambda t: (open(t / "huge.txt", "wb").truncate(21 * 1024 * 1024), str(t / "huge.txt"))[1],
                  "too large"),
}

# Every command that reads a plan file, as argument lists around the bad path.
READERS = {
    "show": lambda bad: ["show", bad],
    "compare": lambda bad: ["compare", str(WUHAN), bad],
    "default": lambda bad: [bad, str(WUHAN)],
    "targets": lambda bad: ["targets", bad],
    "add": lambda bad: ["add", bad],
    "track": lambda bad: ["track", bad, "--as", "wuhan-2014"],
}

# Every reader sees the ten commonest classes; each remaining class is tried once, through show.
_COMMON = ["missing", "directory", "name-too-long", "newline-in-name", "dev-zero", "fifo", "utf16-odd-length",
           "docx-broken-xml", "binary", "nul-in-name"]
FILE_CASES = [(command, kind) for command in READERS for kind in _COMMON] + [
    ("show", kind) for kind in BAD_FILES if kind not in _COMMON
]

USAGE_CASES = {
    "unknown-option-compare": ["compare", "a", "b", "--bogus"],
    "unknown-option-default": [str(WUHAN), str(QINGDAO), "--bogus"],
    "unknown-option-show": ["show", "--bogus", "wuhan-2014"],
    "unknown-option-targets": ["targets", "wuhan-2014", "--bogus"],
    "unknown-option-list": ["list", "--bogus"],
    "unknown-option-add": ["add", "--bogus"],
    "unknown-option-track": ["track", "--bogus"],
    "unknown-option-log": ["log", "--bogus"],
    "unknown-option-history": ["history", "--bogus"],
    "bad-format-compare": ["compare", "wuhan-2014", "qingdao-2018", "--format", "xml"],
    "bad-format-show": ["show", "wuhan-2014", "--format", "yaml"],
    "bad-format-targets": ["targets", "wuhan-2014", "--format", "yaml"],
    "bad-layout": ["compare", "wuhan-2014", "qingdao-2018", "--layout", "diagonal"],
    "missing-argument-compare": ["compare", "wuhan-2014"],
    "missing-argument-show": ["show"],
    "missing-argument-add": ["add"],
    "missing-argument-history": ["history"],
    "missing-option-value": ["compare", "wuhan-2014", "qingdao-2018", "--section"],
    "extra-argument": ["show", "wuhan-2014", "qingdao-2018"],
    "mistyped-command": ["lsit"],
}


def assert_one_line_error(result, *words):
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("plandiff: error: "), lines[0]
    assert "\x1b" not in lines[0]
    for word in words:
        assert word in lines[0], lines[0]


@pytest.mark.parametrize(("command", "kind"), FILE_CASES, ids=[f"{c}-{k}" for c, k in FILE_CASES])
def test_bad_files(tmp_path, command, kind):
    build, words = BAD_FILES[kind]
    result = runner.invoke(app, READERS[command](build(tmp_path)))
    assert_one_line_error(result, words)


@pytest.mark.parametrize("args", list(USAGE_CASES.values()), ids=list(USAGE_CASES))
def test_usage_errors_are_one_line(args):
    assert_one_line_error(runner.invoke(app, args))


@pytest.mark.parametrize(
    "args",
    [
        ["track", str(WUHAN), "--as", "a" * 200],
        ["track", str(WUHAN), "--as", "wuhan-2014\nPlandiff-Slug: evil"],
        ["track", str(WUHAN), "--as", "Wuhan 2014"],
        ["track", str(WUHAN), "--as", "wuhan-2014", "--label", "r3"],
        ["track", str(WUHAN), "--as", "wuhan-2014", "--label", "bad label\n"],
        ["add", str(WUHAN), "--as", "x" * 300],
        ["track"],
    ],
    ids=["slug-too-long", "slug-with-newline", "slug-with-space", "label-like-revision", "label-with-newline",
         "add-slug-too-long", "track-without-file"],
)
def test_bad_slugs_and_labels(tmp_path, args):
    assert_one_line_error(runner.invoke(app, [*args, "--repo", str(tmp_path / "store")] if args[0] == "track"
                                        else args))


@pytest.mark.parametrize(
    "args",
    [["log"], ["history", "wuhan"], ["track", str(WUHAN), "--as", "wuhan-2014"], ["compare", "wuhan-2014@r1", "wuhan-2014"]],
    ids=["log", "history", "track", "compare-revision"],
)
def test_repo_that_is_a_file(tmp_path, args):
    assert_one_line_error(runner.invoke(app, [*args, "--repo", repo_file(tmp_path)]))


def test_output_onto_an_input_is_refused(tmp_path):
    old = plan_file(tmp_path)
    before = Path(old).read_bytes()
    for args in (["compare", old, str(WUHAN), "-o", old], ["compare", str(WUHAN), old, "--html", old],
                 ["targets", old, str(WUHAN), "-o", old]):
        assert_one_line_error(runner.invoke(app, args), "one of the input plans")
    assert Path(old).read_bytes() == before


@pytest.mark.parametrize("where", ["directory", "missing-folder"])
def test_failed_output_leaves_no_temporary(tmp_path, where):
    target = tmp_path / "out" if where == "directory" else tmp_path / "no" / "such" / "out.txt"
    if where == "directory":
        target.mkdir()
    assert_one_line_error(runner.invoke(app, ["compare", str(WUHAN), str(QINGDAO), "-o", str(target)]), "cannot write")
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


def test_unexpected_errors_name_a_bug_report_and_debug_shows_the_traceback(monkeypatch):
    from plandiff.sources import workspace

    def explode(self, name):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(workspace.Workspace, "load", explode)
    result = runner.invoke(app, ["show", "wuhan-2014"])
    assert_one_line_error(result, "internal error", "ZeroDivisionError", "report")
    debug = runner.invoke(app, ["show", "wuhan-2014", "--debug"])
    assert debug.exit_code == 2 and "Traceback" in debug.stderr and "ZeroDivisionError" in debug.stderr


ESCAPE_PLAN = "政府工作报告\n一、发展目标\n\x1b]0;pwned\x07地区生产总值增长7%左右。\x1b[2J城镇新增就业11万人以上。\x9b31m\n"


@pytest.mark.parametrize("args", [["show"], ["compare", str(WUHAN)], ["targets"], ["compare", "--format", "json",
                                                                                     str(WUHAN)]],
                         ids=["show", "compare", "targets", "json"])
def test_escape_sequences_never_reach_the_terminal(tmp_path, args):
    hostile = write(tmp_path, "hostile.txt", ESCAPE_PLAN.encode())
    result = runner.invoke(app, [*args, hostile], color=True)
    assert result.exit_code in (0, 1), result.stderr
    assert "\x07" not in result.stdout and "\x9b" not in result.stdout
    assert "\x1b]" not in result.stdout and "\x1b[2J" not in result.stdout


def test_reordered_sentences_and_sections_differ(tmp_path):
    base = ["政府工作报告", "一、发展目标", "地区生产总值增长7%左右。城镇新增就业11万人以上。居民收入稳步增长。",
            "二、重点工作", "加快建设现代产业体系。全面深化改革开放。", "三、保障措施", "加强组织领导。强化督导考核。"]
    sentences = base.copy()
    sentences[2] = "城镇新增就业11万人以上。地区生产总值增长7%左右。居民收入稳步增长。"
    sections = base[:3] + ["二、保障措施", base[6], "三、重点工作", base[4]]
    old = write(tmp_path, "old.txt", "\n".join(base).encode())
    for name, lines in (("sentences", sentences), ("sections", sections)):
        new = write(tmp_path, f"{name}.txt", "\n".join(lines).encode())
        assert runner.invoke(app, [old, new, "--no-color"]).exit_code == 1, name
    assert runner.invoke(app, [old, old]).exit_code == 0


def test_lone_surrogates_through_the_python_api():
    import plandiff
    from plandiff.render.json import comparison_to_dict, dumps

    text = "政府工作报告\n一、目标\n地区生产总值增长\ud800 7%。\udfff城镇新增就业11万人。\n"
    plan = plandiff.parse_plan(text)
    comparison = plandiff.compare(plan, plandiff.parse_plan(text.replace("7%", "8%")))
    dumps(comparison_to_dict(comparison)).encode("utf-8")  # strict UTF-8: no surrogate survives
    assert comparison.differs
