"""Keep a web page's article and drop its chrome (menus, link lists, scripts, footers)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

_DROP_TAGS = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button"]
_BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table",
    "blockquote", "pre", "ul", "ol", "dd", "dt", "main",
}
_CONTAINERS = ["article", "main", "section", "div", "td", "body"]
# Sites join the article title and the site name in <title>: 政府工作报告_XX市人民政府门户网站.
_TITLE_SEPARATORS = re.compile(r"\s*(?:[_|｜]|\s[-－—]+\s)\s*")
_PLAN_WORDS = re.compile(r"(要点|计划|规划|方案|报告|意见|通知|总结|纲要|安排|任务)")


def saved_page(data: bytes) -> tuple[bytes, str]:
    """The HTML of a page saved as one file (MHTML, .mht) and its declared charset ("" if none).

    Browsers save the page as the first text/html part of a multipart/related message, usually in
    quoted-printable; the images and styles in the other parts carry no text.
    """
    from email import message_from_bytes, policy

    message = message_from_bytes(data, policy=policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return part.get_payload(decode=True) or b"", part.get_content_charset() or ""
    return b"", ""


def html_to_text(html: str) -> str:
    """The page title and the text of its article container, one line per block element."""
    soup = BeautifulSoup(html, "html.parser")
    title = _document_title(soup.title.get_text(strip=True) if soup.title else "")
    for tag in soup(_DROP_TAGS):
        tag.decompose()
    article = _article(soup)
    lines = _block_lines(article)
    heading = article.find(["h1", "h2"]) if isinstance(article, Tag) else None
    if not heading:
        # The headline often sits just above the container that holds the prose; it names the plan
        # better than <title>, which also carries the site's name.
        title = _headline_before(article) or title
    if title and not heading and title not in lines[:3]:
        lines.insert(0, title)
    return "\n".join(lines)


def _document_title(title: str) -> str:
    """The article's part of a <title> that also names the site: the part naming a plan, else the first."""
    parts = [part for part in _TITLE_SEPARATORS.split(title) if part]
    if len(parts) < 2:
        return title
    return next((part for part in parts if _PLAN_WORDS.search(part)), parts[0])


def _headline_before(article: Tag) -> str:
    """The nearest h1/h2 before the article container, when it reads as a title (short, no full stop)."""
    if not isinstance(article, Tag) or article.name == "body":
        return ""
    headline = article.find_previous(["h1", "h2"])
    text = headline.get_text(" ", strip=True) if headline else ""
    return text if 0 < len(text) <= 80 and "。" not in text else ""


def _article(soup: BeautifulSoup) -> Tag:
    """The smallest container that holds most of the page's sentences and few links."""
    best, best_score = soup.body or soup, -1.0
    total = _sentence_score(best)
    for tag in soup.find_all(_CONTAINERS):
        score = _sentence_score(tag)
        # Prefer the deepest container that still holds nearly all the prose: ties go to later (inner) tags.
        if score >= 0.85 * total and score > 0 and (best_score < 0 or score >= 0.85 * best_score):
            best, best_score = tag, score
    return best


def _sentence_score(tag: Tag) -> float:
    """Sentence ends in the tag's own text, discounted by how much of it is link text."""
    text = tag.get_text()
    link_text = sum(len(a.get_text()) for a in tag.find_all("a"))
    ends = sum(text.count(mark) for mark in "。;；")
    density = 1 - (link_text / len(text)) if text else 0
    return ends * density


def _block_lines(root: Tag) -> list[str]:
    parts: list[str] = []

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                parts.append(str(child))
            elif isinstance(child, Tag):
                block = child.name in _BLOCK_TAGS
                if block:
                    parts.append("\n")
                walk(child)
                if block:
                    parts.append("\n")

    walk(root)
    return [line.strip() for line in "".join(parts).split("\n") if line.strip()]
