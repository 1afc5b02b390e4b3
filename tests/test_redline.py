"""The Word redline: real tracked revisions, heading levels, a first page, and a LibreOffice round trip."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from datetime import datetime, timezone
from xml.etree import ElementTree

import pytest
from conftest import SEEDS

import plandiff
from plandiff.parse.pipeline import parse_plan
from plandiff.render.docx import KEPT_CHAIN, PLAN_HEADING, redline_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def edited():
    base = (SEEDS / "wuhan-2014.txt").read_text(encoding="utf-8")
    new = base.replace("新增孵化面积120万平方米", "新增孵化面积150万平方米")
    return plandiff.compare(parse_plan(base, "wuhan-2014"), parse_plan(new, "wuhan-2014b"))


def body_of(data: bytes) -> ElementTree.Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return ElementTree.fromstring(package.read("word/document.xml"))


def test_changes_are_tracked_revisions_by_plandiff(edited):
    date = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    body = body_of(redline_docx(edited, date))
    inserted = body.findall(f".//{W}ins")
    deleted = body.findall(f".//{W}del")
    assert inserted and deleted
    assert "".join(t.text for node in inserted for t in node.iter(f"{W}t")).count("150") == 1
    assert "".join(t.text for node in deleted for t in node.iter(f"{W}delText")).count("120") == 1
    ids = [node.get(f"{W}id") for node in inserted + deleted]
    assert len(ids) == len(set(ids))  # Word needs each revision to have its own id
    for node in inserted + deleted:
        assert node.get(f"{W}author") == "plandiff" and node.get(f"{W}date") == "2026-01-02T03:04:05Z"
    assert not any(list(node.iter(f"{W}t")) for node in deleted)  # deleted text is w:delText, as Word writes it


def test_headings_keep_levels_and_the_first_page_has_digest_and_targets():
    comparison = plandiff.compare(plandiff.load("changzhou-2018"), plandiff.load("binzhou-2023"))
    body = body_of(redline_docx(comparison))
    styles = [p.find(f"{W}pPr/{W}pStyle") for p in body.iter(f"{W}p")]
    names = {style.get(f"{W}val") for style in styles if style is not None}
    assert {"Heading1", "Heading2"} <= names
    text = "".join(t.text or "" for t in body.iter(f"{W}t"))
    assert text.index("Key changes") < text.index("Targets") < text.index("强化顶层设计")
    assert body.find(f".//{W}tbl") is not None


@pytest.mark.slow
def test_libreoffice_reads_the_redline(tmp_path, edited):
    if not SOFFICE:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is missing in CI; tests/run.sh installs libreoffice-writer")
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer)")
    source = tmp_path / "redline.docx"
    source.write_bytes(redline_docx(edited))
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    from plandiff.sources.reading import read_bytes

    compact = "".join(read_bytes((tmp_path / "redline.pdf").read_bytes(), "redline.pdf").text.split())
    assert "Keychanges" in compact and "武汉市科技局2014" in compact
    assert "150万平方米" in compact  # the insertion, shown as a tracked change


def test_the_plan_follows_the_targets_under_its_own_heading_with_no_page_break(edited):
    """A break before the plan left page 2 nearly blank whenever the targets table ran past page 1."""
    paragraphs = list(body_of(redline_docx(edited)).iter(f"{W}p"))
    assert [p for p in paragraphs if p.find(f".//{W}br[@{W}type='page']") is not None] == []
    assert [p for p in paragraphs if p.find(f"{W}pPr/{W}pageBreakBefore") is not None] == []
    texts = ["".join(t.text or "" for t in p.iter() if t.tag in (f"{W}t", f"{W}delText")) for p in paragraphs]
    assert PLAN_HEADING in texts
    assert all(texts)  # no empty paragraph anywhere


def _heading_keeps(data: bytes) -> list[tuple[str, bool | None]]:
    """(heading text, keep-with-next set on the paragraph) for every heading of the plan, in order."""
    out, plan_started = [], False
    for paragraph in body_of(data).iter(f"{W}p"):
        if not plan_started:  # the first page's headings keep Word's style
            plan_started = "".join(t.text or "" for t in paragraph.iter(f"{W}t")) == PLAN_HEADING
            continue
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        if style is None or not style.get(f"{W}val", "").startswith("Heading"):
            out.append(("", None))  # body text
            continue
        keep = paragraph.find(f"{W}pPr/{W}keepNext")
        text = "".join(t.text or "" for t in paragraph.iter(f"{W}t")) or "".join(
            t.text or "" for t in paragraph.iter(f"{W}delText"))
        out.append((text, keep is not None and keep.get(f"{W}val", "1") not in ("0", "false")))
    return out


def test_a_long_chain_of_empty_headings_keeps_only_its_end_with_the_text():
    """wuhan-2014's goal list is six items with no sentences between 二、 and 三、 › （一）: ten headings that Word
    kept on one page with the text below, leaving the page before part blank."""
    comparison = plandiff.compare(plandiff.load("qingdao-2018"), plandiff.load("wuhan-2014"))
    keeps = _heading_keeps(redline_docx(comparison))
    start = next(i for i, (text, _) in enumerate(keeps) if text.startswith("二、主要工作目标"))
    end = next(i for i in range(start, len(keeps)) if keeps[i][1] is None)
    assert end - start > KEPT_CHAIN
    chains, chain = [], []  # every run of headings with the body paragraph after it
    for _, keep in keeps:
        if keep is None:
            chains.append(chain)
            chain = []
        else:
            chain.append(keep)
    assert chain == [False] * len(chain)  # headings ending the document have no text to keep with
    assert [keep for _, keep in keeps[start:end]] in chains
    for chain in chains:  # a short chain (一、 › （一） › text) still stays whole with its text
        kept = min(len(chain), KEPT_CHAIN)
        assert chain == [False] * (len(chain) - kept) + [True] * kept


@pytest.mark.slow
@pytest.mark.parametrize("old, new", [("qingdao-2018", "wuhan-2014"), ("qingdao-shinan-2021", "binzhou-2023")])
def test_no_page_of_the_redline_is_left_mostly_blank(tmp_path, old, new):
    """Rendered by LibreOffice, every page but the last is filled at least 80% of its height: the targets
    table ran onto page 2 and a page break left the rest blank; a heading chain left a page half blank."""
    if not SOFFICE:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer)")
    import pypdfium2

    source = tmp_path / "redline.docx"
    source.write_bytes(redline_docx(plandiff.compare(plandiff.load(old), plandiff.load(new))))
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    document = pypdfium2.PdfDocument(str(tmp_path / "redline.pdf"))
    reaches = []  # how far down each page its text reaches, as a share of the page height
    for page in document:
        text = page.get_textpage()
        lowest = min(text.get_rect(i)[1] for i in range(text.count_rects()))
        reaches.append(1 - lowest / page.get_height())
    assert len(reaches) > 3
    assert min(reaches[:-1]) > 0.8, [round(r, 2) for r in reaches]


def test_a_new_section_that_merged_old_ones_has_its_heading_once_after_accepting():
    """qingdao-2018 → wuhan-2014 merges several old sections into one new one; each row wrote the heading."""
    comparison = plandiff.compare(plandiff.load("qingdao-2018"), plandiff.load("wuhan-2014"))
    assert any(row.status == "merged" for row in comparison.sections)
    body = body_of(redline_docx(comparison))
    accepted = []  # heading text once every revision is accepted: w:t only, never w:delText
    for paragraph in body.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val", "").startswith("Heading"):
            text = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
            if text:
                accepted.append(text)
    assert len(accepted) == len(set(accepted))
    assert "(一)着力深化科技体制改革,发挥市场配置资源导向作用" in accepted


def _verdicts(data: bytes) -> list[str]:
    table = body_of(data).find(f".//{W}tbl")
    rows = [["".join(t.text or "" for t in cell.iter(f"{W}t")) for cell in row.iter(f"{W}tc")]
            for row in table.iter(f"{W}tr")]
    return [row[-1] for row in rows[1:]]


def test_target_verdicts_say_higher_across_places_and_raised_over_time():
    """The Word table said raised/lowered across two places, where terminal and HTML say higher/lower."""
    across = plandiff.compare(plandiff.load("qingdao-2018"), plandiff.load("wuhan-2014"))
    verdicts = _verdicts(redline_docx(across))
    assert across.between_places
    assert "▲ higher" in verdicts and "▼ lower" in verdicts
    assert not any("raised" in v or "lowered" in v for v in verdicts)
    # Wuhan did not drop a target Qingdao set: each is only in one plan.
    assert "+ only in new" in verdicts and "− only in old" in verdicts
    assert not any("dropped" in v or v == "+ new" for v in verdicts)
    base = (SEEDS / "wuhan-2014.txt").read_text(encoding="utf-8")
    later = base.replace("孵化器面积120万平方米以上", "孵化器面积150万平方米以上")
    over_time = plandiff.compare(parse_plan(base, "wuhan-2014"), parse_plan(later, "wuhan-2015"))
    assert not over_time.between_places
    assert _verdicts(redline_docx(over_time)) == ["▲ raised"]


def _paragraphs_after(body: ElementTree.Element, decision: str) -> list[str]:
    """The plan's paragraph texts once every revision is accepted or rejected, as Word does it: the dropped
    kind of run goes, and so does a paragraph whose own mark is tracked as that kind (it joins the next)."""
    dropped = f"{W}del" if decision == "accept" else f"{W}ins"
    texts = []
    for paragraph in body.find(f"{W}body").findall(f"{W}p"):  # not the table's cells
        if paragraph.find(f"{W}pPr/{W}rPr/{dropped}") is not None:
            continue
        kept = [run for child in paragraph if child.tag != dropped for run in ([child] if child.tag == f"{W}r" else child)]
        texts.append("".join(t.text or "" for run in kept for t in run.iter() if t.tag in (f"{W}t", f"{W}delText")))
    return texts


@pytest.mark.parametrize("old, new", [("qingdao-2018", "wuhan-2014"), ("changzhou-2018", "binzhou-2023")])
def test_accepting_or_rejecting_every_revision_leaves_no_empty_paragraph(old, new):
    """A removed section's heading and sentences were deleted runs in paragraphs whose marks stayed: after
    Accept All, 65 of the 121 paragraphs of qingdao-2018 → wuhan-2014 were empty (31 after Reject All)."""
    body = body_of(redline_docx(plandiff.compare(plandiff.load(old), plandiff.load(new))))
    for decision in ("accept", "reject"):
        texts = _paragraphs_after(body, decision)
        assert all(texts[:-1]), (decision, texts.count(""))  # the document's last paragraph mark always stays
    marked = [e for e in body.iter() if e.tag in (f"{W}ins", f"{W}del") and e.get(f"{W}author") != "plandiff"]
    assert marked == []
