"""Read articles from files, directories, JSONL and stdin.

Each input becomes an ``Article`` or an ``InputProblem`` with a readable reason; one bad file never
stops the others.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pipeline.clean import page_text

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
MAX_BYTES = 5_000_000  # a news article is tens of KB; past this it is not an article


@dataclass(frozen=True)
class Article:
    """One article: its id, text and where it came from."""

    id: str
    text: str
    source: str = "<memory>"
    reference_date: date | None = None
    metadata: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


#: Where an input failed: ``read`` (missing, unreadable, too large), ``decode`` (binary, no
#: encoding), ``parse`` (a malformed JSONL line), ``empty`` (no text once read).
InputStage = str


@dataclass(frozen=True)
class InputProblem:
    """An input that could not be read as an article."""

    source: str
    reason: str
    article_id: str | None = None
    stage: InputStage = "read"


def iter_articles(paths: Iterable[str]) -> Iterator[Article | InputProblem]:
    """Yield articles (or problems) from paths; ``-`` reads stdin (plain text or JSONL)."""
    for raw in paths:
        if raw == "-":
            data = sys.stdin.buffer.read()
            yield from _from_bytes(data, "<stdin>", "stdin", jsonl=_looks_like_jsonl(data))
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p))
            if not files:
                yield InputProblem(raw, f"no {', '.join(SUFFIXES)} files in directory")
            for p in files:
                yield from _from_file(p)
        elif path.is_file():
            yield from _from_file(path)
        else:
            yield InputProblem(raw, "no such file or directory")


def _wanted(p: Path) -> bool:
    return p.suffix.lower() in SUFFIXES and not p.name.endswith(".expected.json")


def _from_file(path: Path) -> Iterator[Article | InputProblem]:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield InputProblem(str(path), f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")
            return
        data = path.read_bytes()
    except OSError as e:
        yield InputProblem(str(path), f"cannot read: {e.strerror or e}")
        return
    suffix = path.suffix.lower()
    yield from _from_bytes(
        data, str(path), path.stem, jsonl=suffix == ".jsonl", html=suffix in (".html", ".htm")
    )


def _looks_like_jsonl(data: bytes) -> bool:
    return data.lstrip()[:1] == b"{"


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else the encoding charset-normalizer detects.

    Raises ValueError with a readable reason for binary data; never UnicodeDecodeError.
    """
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ValueError("not text in any encoding charset-normalizer recognises")
    return str(best)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte order mark (its NULs sit at every other byte)."""
    head = data[:4096]
    if len(data) % 2 or len(head) < 4:
        return None
    for offset, codec in ((1, "utf-16-le"), (0, "utf-16-be")):
        nuls = head[offset::2].count(0)
        if nuls >= 0.3 * (len(head) // 2) and head[1 - offset :: 2].count(0) == 0:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            controls = sum(1 for ch in text[:2048] if ch < " " and ch not in "\t\r\n")
            return text if controls <= 0.01 * min(len(text), 2048) else None
    return None


def _from_bytes(
    data: bytes, source: str, stem: str, *, jsonl: bool = False, html: bool = False
) -> Iterator[Article | InputProblem]:
    try:
        text = decode(data)
    except ValueError as e:
        yield InputProblem(source, str(e), stem, stage="decode")
        return
    if jsonl:
        yield from _from_jsonl(text, source)
        return
    if html or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        text = page_text(text)
    yield _checked(Article(id=stem, text=text, source=source))


def _from_jsonl(text: str, source: str) -> Iterator[Article | InputProblem]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputProblem(where, f"malformed JSON on line {lineno}: {e.msg}", stage="parse")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield InputProblem(
                where, f'line {lineno} needs an object with a "text" string', stage="parse"
            )
            continue
        article_id = str(obj.get("id") or f"{Path(source).stem}-{lineno}")
        body = obj["text"]
        if "<" in body and body.lstrip()[:1] == "<":
            body = page_text(body)
        yield _checked(
            Article(
                id=article_id,
                text=body,
                source=where,
                reference_date=_parse_date(obj.get("date") or obj.get("published")),
                metadata={k: v for k, v in obj.items() if k not in ("id", "text")},
            )
        )


def _checked(article: Article) -> Article | InputProblem:
    if not article.text.strip():
        return InputProblem(
            article.source, "empty article (no text, or only whitespace)", article.id, stage="empty"
        )
    return article


def _parse_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
