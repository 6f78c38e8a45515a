"""Strip page furniture from article text before the model sees it.

Cleaning only decides what the model reads. It keeps whole original lines, so every quote the
model sees is still an exact substring of the article, and grounding offsets refer to the article
as read.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache
from html.parser import HTMLParser
from typing import ClassVar

from pipeline.prefilter import any_match

# Lines that are page furniture in any article: consent banners, navigation, sharing widgets,
# browser warnings. Matched case-insensitively against a whole line.
_BOILERPLATE = re.compile(
    r"cookie|consent|privacy policy|terms of (use|service)|accept all|manage preferences|"
    r"subscribe|newsletter|sign (up|in)|log ?in|advertisement|sponsored|all rights reserved|"
    r"^\s*(photo|image|picture|foto|bild|source|quelle)\s*:|getty images|^\s*©|copyright|"
    r"share (this|on)|follow us|read more|related (articles|stories)|similar articles|"
    r"most (read|popular|viewed)|top stories|editor'?s picks|trending|outdated browser|browser|"
    r"javascript|^\s*(related|see also|also read|read also|lire aussi|à lire aussi|"
    r"lesen sie auch|mehr zum thema|ver también|lea también)\s*:|"
    r"datenschutz|impressum|alle akzeptieren|einwilligung|"
    r"браузер|файли cookie|підписатися|"
    r"^\s*(menu|home|search|by|share|tweet|print|email|next|previous|top|more)\s*$|"
    # live-page and comment furniture: reader counters, timestamps of comments, like buttons
    r"people (are )?reading|reading now|\breply\b\s*\|\s*\blike\b|last updated|"
    r"^\s*[\w.-]+\s*\(\d+\s*(min|mins|minutes?|hours?|hrs?|days?)\s*ago\)|"
    r"^\s*comments?\s*(\(\d+\))?\s*$|"
    # a reader's comment under a user handle: "VladK_88: it's 50,000 by now"
    r"^\s*@?[a-z][a-z0-9]*(_[a-z0-9]+)+\s*:\s|^\s*@?[a-z]+\d{2,}\s*:\s|"
    r"^\s*(load|show) more comments",
    re.IGNORECASE,
)
# A line longer than this is prose unless it opens with a furniture word or holds two.
_PROSE_WORDS = 30
_ONLY_NUMBER = re.compile(r"^\s*[\d.,]+\s*%?\s*$")
_SENTENCE_END = re.compile(r"[.!?:;,\"'”»)]\s*$")


def _bare(line: str) -> str:
    """A line without its surrounding blanks and list bullet."""
    return line.strip().lstrip("•·-*–—").strip()


@lru_cache(maxsize=4096)
def is_boilerplate(line: str) -> bool:
    """True for a line that is page furniture rather than article prose."""
    stripped = _bare(line)
    if not stripped:
        return False
    words = stripped.split()
    if any_match(_BOILERPLATE, stripped):
        if len(words) <= _PROSE_WORDS:
            return True
        # A long line of prose may use one such word ("it would accept all five if they
        # wished", "with the consent of parliament"); a long banner names several.
        hits = list(_BOILERPLATE.finditer(stripped))
        if hits[0].start() == 0 or len(hits) >= 2:
            return True
    elif _ONLY_NUMBER.match(stripped):
        return True
    return _short_label(stripped)


def _short_label(stripped: str) -> bool:
    """Short label-like lines ("Google Chrome", "Windows") are navigation; short lines that
    carry a figure or end like prose ("1,000 demining specialists", "military hardware,") are
    kept."""
    return (
        len(stripped.split()) <= 3
        and not any(ch.isdigit() for ch in stripped)
        and not _SENTENCE_END.search(stripped)
    )


# A heading over a list of links to other stories: the items are other articles' headlines
# ("- Ukraine : 3 morts dans une frappe russe sur Odessa"), not this article's prose.
_LINKS_HEADING = re.compile(
    r"^\s*(related( articles| stories| coverage)?|see also|also read|read (also|more)|"
    r"more (on this|stories|from [\w ]+)|most (read|popular|viewed)|top stories|"
    r"editor'?s picks|(à )?lire aussi|sur le même sujet|lesen sie auch|mehr zum thema|"
    r"ver también|lea también|lee también|más noticias|читайте также|"
    # Portuguese, Italian and Ukrainian
    r"leia (também|mais)|veja também|mais lidas|leggi anche|potrebbe interessarti|"
    r"читайте також)\s*:?\s*$",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*([-•·*–—]|\d{1,2}[.)])\s")
# A heading over readers' comments, and a comment under it: one handle, a colon, the comment
# ("VolgaViking: my cousin says there are 50,000 there now"), whatever the handle looks like.
_COMMENTS_HEADING = re.compile(
    r"^\s*(readers?['’]? )?(comments?|kommentare|commentaires|comentarios|комментарии)"
    r"\s*(\(\d[\d,.]*\))?\s*:?\s*$",
    re.IGNORECASE,
)
_COMMENT = re.compile(r"^\s*@?[\w.-]+\s*:\s")


@lru_cache(maxsize=256)
def furniture_lines(text: str) -> frozenset[int]:
    """Start offsets of the lines of ``text`` that are page furniture: every line that
    ``is_boilerplate``, the items of a list of links under a heading such as "Related" or
    "À lire aussi" (blank lines do not end the list; any other line does), and readers'
    comments ("handle: text") under a heading such as "Comments (214)"."""
    starts: set[int] = set()
    pos = 0
    in_links = in_comments = in_lead_list = False
    for line in text.split("\n"):
        # the items of a list under a lead-in of the article's own ("Was Moskau liefert:" then
        # "- Weizen") are content, however short
        item = bool(_LIST_ITEM.match(line))
        in_lead_list = (in_lead_list and item) or _is_lead_in(line)
        own_item = in_lead_list and item
        if is_boilerplate(line) and not (own_item and _short_label(_bare(line))):
            starts.add(pos)
        if _LINKS_HEADING.match(line):
            in_links = True
        elif in_links and _LIST_ITEM.match(line):
            starts.add(pos)
        elif line.strip():
            in_links = False
        if _COMMENTS_HEADING.match(line):
            in_comments = True
        elif in_comments and _COMMENT.match(line):
            starts.add(pos)
        elif line.strip():
            in_comments = False
        pos += len(line) + 1
    return frozenset(starts)


def _is_lead_in(line: str) -> bool:
    """Whether a line introduces a list of the article's own ("Was Moskau liefert:"), not a
    list of links or comments."""
    return (
        line.rstrip().endswith(":")
        and not is_boilerplate(line)
        and not _LINKS_HEADING.match(line)
        and not _COMMENTS_HEADING.match(line)
    )


# A live blog entry's time stamp on a line of its own: "15:10 GMT", "09.45".
ENTRY_STAMP = re.compile(
    r"^[ \t]*\d{1,2}[:.]\d{2}(?:[ \t]*(?:GMT|UTC|CET|CEST|MSK|KST|BST|EET|EEST|ET|a\.?m\.?|"
    r"p\.?m\.?|Uhr|h))?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)


def is_table_row(line: str) -> bool:
    """Whether a line is a row of a plain-text table ("Wheat and flour | Russian customs data |
    Delivered"): cells split by at least two pipes. A menu has pipes too; it is furniture."""
    return line.count(" | ") >= 2 and not is_boilerplate(line)


def in_lead_in_list(text: str, pos: int) -> bool:
    """Whether ``pos`` lies on a list item of a list introduced by a lead-in line ending in a
    colon ("Delivered to North Korea:" then "- Wheat"); a "Key points" list is not."""
    start = text.rfind("\n", 0, pos) + 1
    if not _LIST_ITEM.match(line_at(text, start)):
        return False
    while start > 0:
        start = text.rfind("\n", 0, start - 1) + 1
        line = line_at(text, start)
        if not _LIST_ITEM.match(line):
            return _is_lead_in(line)
    return False


def is_furniture_at(text: str, pos: int) -> bool:
    """Whether position ``pos`` of ``text`` lies on a line of page furniture."""
    return text.rfind("\n", 0, pos) + 1 in furniture_lines(text)


def table_row_at(text: str, start: int, end: int | None = None) -> tuple[int, int] | None:
    """The bounds of the line holding ``start:end`` when it is a row of a plain-text table
    ("Wheat and flour | Russian customs | Delivered"), else None."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start if end is None else end)
    line_end = len(text) if line_end < 0 else line_end
    return (line_start, line_end) if is_table_row(text[line_start:line_end]) else None


def line_at(text: str, pos: int) -> str:
    """The whole line of ``text`` that holds position ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end >= 0 else len(text)]


def clean_text(text: str) -> str:
    """The article's prose lines, furniture removed, in order; blank runs collapsed."""
    kept: list[str] = []
    furniture = furniture_lines(text)
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if start in furniture:
            continue
        if not line.strip() and (not kept or not kept[-1].strip()):
            continue
        kept.append(line.rstrip())
    return "\n".join(kept).strip()


class _TextExtractor(HTMLParser):
    _SKIP: ClassVar[set[str]] = {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "head",
        "nav",
        "footer",
        "aside",
        "form",
        "button",
        "iframe",
    }
    _BLOCK: ClassVar[set[str]] = {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "section",
        "article",
        "header",
        "blockquote",
        "ul",
        "ol",
        "table",
        "figure",
        "figcaption",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip_depth += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip_depth:
            self._skip_depth -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, one block per line; scripts, styles and navigation dropped."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = (
        re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parser.parts).split("\n")
    )
    return "\n".join(line for line in lines if line)


def page_text(html: str) -> str:
    """The main text of an HTML page: trafilatura's extraction, else the stdlib extractor.

    trafilatura finds the article body and drops navigation, cookie banners, "most read" boxes
    and footers that the tag-based extractor keeps; on fragments it finds nothing in (a bare
    ``<p>``, a page with no article-like block) the stdlib extractor's visible text is used.
    """
    try:
        import trafilatura

        extracted = trafilatura.extract(
            html, favor_precision=True, include_comments=False, include_tables=True
        )
    except ImportError as e:  # a broken install: keep reading pages, but say so (once)
        warnings.warn(
            f"HTML main-text extraction unavailable ({e}); banners and navigation may stay "
            "in the text. Reinstall troopwatch's dependencies.",
            RuntimeWarning,
            stacklevel=2,
        )
        extracted = None
    except Exception:  # trafilatura's parser is not ours to trust on every page
        extracted = None
    return extracted.strip() if extracted and extracted.strip() else html_to_text(html)
