"""The review report: one self-contained HTML file for checking an output JSONL by eye.

For each article: its text with every record's evidence highlighted (coloured by record type),
and the records in tables; clicking a row scrolls to its evidence and flashes it. Above the
articles, the claims ledger (``pipeline.ledger``) puts competing figures for the same quantity
side by side, with a timeline chart (``pipeline.timeline``).

Safety: article text, model output and file names are untrusted. Every one of them goes through
``html.escape``; nothing is embedded as JSON or inside the script. The page also carries a
Content-Security-Policy that allows only its own inline script and style (by hash) and no
network at all, so even a missed escape could not run a planted script or fetch anything.

Evidence offsets in the output index the article text as read by ``pipeline.sources`` (see
``pipeline.extract.prepare``: ``ArticleContext.text``), so the articles are re-read with the
same function. When the text differs from the one extracted (its sha256 changed), each quote is
searched for instead (``pipeline.grounding.locate``).
"""

from __future__ import annotations

import base64
import hashlib
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from html import escape
from itertools import pairwise
from pathlib import Path

from pipeline.clean import furniture_lines
from pipeline.dates import dateline_date
from pipeline.errors import ConfigError, InputError
from pipeline.figures import instruction_spans
from pipeline.grounding import locate
from pipeline.ledger import LedgerEntry, LedgerGroup, build_ledger, date_ordinal
from pipeline.output import LineProblem, read_summaries
from pipeline.sources import Article, InputProblem, iter_articles
from pipeline.timeline import PALETTE, Point, Series, render_timeline
from schemas.records import ArticleSummary, Casualty, Count, Deployment, Exchange

__all__ = [
    "ArticleText",
    "Located",
    "ReportResult",
    "find_article_texts",
    "locate_evidence",
    "make_report",
    "render_report",
]

Record = Deployment | Casualty | Exchange
TYPES = ("deployment", "casualty", "exchange")


def _e(value: object) -> str:
    """Escape anything for HTML text and attribute values."""
    return escape("" if value is None else str(value), quote=True)


def rec_id(article_index: int, record_index: int) -> str:
    """The id of a record in the page: only [a-z0-9], safe in selectors and attributes."""
    return f"a{article_index}r{record_index}"


# ------------------------------------------------------------------------------------------
# Finding the article texts
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleText:
    """An article's text as read (``None`` when not found) and what the reader should know."""

    text: str | None
    reference_date: date | None = None
    note: str | None = None
    exact: bool = False  # the text is the one extracted (same sha256): offsets apply as stored
    source: str | None = None  # where the text was read from


def _source_candidates(source: str | None, base_dir: Path | None) -> list[Path]:
    """Paths an output's ``provenance.source`` may refer to (a JSONL source ends ``:LINE``)."""
    if not source or source.startswith("<"):
        return []
    raw = [source]
    m = re.fullmatch(r"(.+\.jsonl):\d+", source)
    if m:
        raw.append(m[1])
    paths = []
    for r in raw:
        p = Path(r)
        paths.append(p)
        if base_dir is not None and not p.is_absolute():
            paths.append(base_dir / p)
    return [p for p in paths if p.is_file()]


def find_article_texts(
    summaries: Sequence[ArticleSummary],
    article_paths: Iterable[str | Path] = (),
    *,
    base_dir: Path | None = None,
) -> tuple[list[ArticleText], list[str]]:
    """Re-read the article behind each summary, in order; also return warnings for the user.

    Articles are read from ``article_paths`` (files or directories, as ``troopwatch extract``
    reads them) and from each summary's ``provenance.source`` (relative paths are tried as given
    and against ``base_dir``, usually the output file's directory). A summary is matched to an
    article by ``input_sha256`` first, then by article id.
    """
    paths: list[str] = [str(p) for p in article_paths]
    for s in summaries:
        paths += [str(p) for p in _source_candidates(s.provenance.source, base_dir)]
    warnings: list[str] = []
    by_sha: dict[str, Article] = {}
    by_id: dict[str, Article] = {}
    for item in iter_articles(dict.fromkeys(paths)):
        if isinstance(item, InputProblem):
            warnings.append(f"{item.source}: {item.reason}")
            continue
        by_sha.setdefault(item.sha256, item)
        by_id.setdefault(item.id, item)
    found: list[ArticleText] = []
    for s in summaries:
        article = by_sha.get(s.provenance.input_sha256)
        if article is not None:
            found.append(
                ArticleText(article.text, article.reference_date, exact=True, source=article.source)
            )
            continue
        article = by_id.get(s.article_id)
        if article is not None:
            found.append(
                ArticleText(
                    article.text,
                    article.reference_date,
                    note=f"The text read from {article.source} differs from the text that was "
                    "extracted (sha256 mismatch); each quote was searched for in it, so "
                    "highlights may be missing or misplaced.",
                    source=article.source,
                )
            )
            continue
        where = s.provenance.source or "no source recorded"
        found.append(
            ArticleText(
                None,
                note=f"Article text not found (source: {where}); pass it with --articles. "
                "Records are shown without highlights.",
            )
        )
    return found, warnings


# ------------------------------------------------------------------------------------------
# Locating evidence in the text
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Located:
    """Where a record's evidence is in the text, and the figure (count or item) inside it."""

    start: int
    end: int
    how: str  # "offsets" (as stored) or how the quote was found: exact, normalized, fuzzy
    figure: tuple[int, int] | None = None


def _figure_phrase(record: Record) -> str | None:
    if isinstance(record, Exchange):
        return record.item
    return record.count.text


def locate_evidence(text: str, record: Record, *, trust_offsets: bool = True) -> Located | None:
    """The span of a record's evidence in ``text``: the stored offsets when they still point at
    the quote, else wherever the quote is found; ``None`` when it is not in the text."""
    g = record.grounding
    span: tuple[int, int, str] | None = None
    if (
        trust_offsets
        and g is not None
        and g.evidence_start is not None
        and g.evidence_end is not None
        and 0 <= g.evidence_start < g.evidence_end <= len(text)
        and text[g.evidence_start : g.evidence_end] == record.evidence
    ):
        span = (g.evidence_start, g.evidence_end, "offsets")
    else:
        found = locate(record.evidence, text)
        if found.kind != "none":
            span = (found.start, found.end, found.kind)
    if span is None:
        return None
    start, end, how = span
    figure = None
    phrase = _figure_phrase(record)
    if phrase:
        pos = text.find(phrase, start, end)
        if pos < 0:
            pos = text[start:end].casefold().find(phrase.casefold())
            pos = pos + start if pos >= 0 else -1
        if pos >= 0:
            figure = (pos, pos + len(phrase))
    return Located(start, end, how, figure)


# ------------------------------------------------------------------------------------------
# Words for enum values and counts
# ------------------------------------------------------------------------------------------


def _words(value: str | None) -> str:
    return (value or "").replace("_", " ")


def _num(n: int | None) -> str:
    return "" if n is None else f"{n:,}"


def _count_summary(count: Count) -> str:
    """'about 5,000' style: the figure in one short phrase, from the parsed numbers."""
    q = count.qualifier.value
    if count.best is not None:
        prefix = {
            "approximately": "~",
            "at_least": "≥ ",
            "more_than": "> ",
            "up_to": "≤ ",
        }.get(q, "")
        return f"{prefix}{count.best:,}"
    if count.low is not None and count.high is not None:
        return f"{count.low:,}–{count.high:,}"
    return "no number"


def _record_kind(record: Record) -> str:
    if isinstance(record, Deployment):
        return _words(record.personnel_type.value)
    if isinstance(record, Casualty):
        return _words(record.casualty_type.value)
    return _words(record.category.value)


def _record_title(record: Record) -> str:
    """One line naming a record, for tooltips."""
    if isinstance(record, Exchange):
        what = f"{record.item} ({record.provider} → {record.recipient}, {record.status.value})"
    else:
        what = f"{record.count.text or _count_summary(record.count)}"
        if isinstance(record, Deployment):
            what += f" ({record.status.value})"
    who = f" — {record.claimant}" if record.claimant else ""
    return f"{record.record_type} · {_record_kind(record)} · {what}{who}"


# ------------------------------------------------------------------------------------------
# Article text with highlights
# ------------------------------------------------------------------------------------------


@dataclass
class _Layer:
    start: int
    end: int
    kind: str  # "evidence", "figure", "planted", "furniture"
    rid: str | None = None


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        spans.append((pos, pos + len(body)))
        pos += len(line)
    return spans


def render_article_text(
    text: str, located: dict[str, Located], records: dict[str, Record]
) -> tuple[str, int]:
    """The article as HTML: evidence in ``<mark>``, figures inside it bold, text addressed to AI
    systems and page furniture (what cleaning drops) set apart. Returns HTML and mark count.

    Overlapping evidence (two records quoting one sentence) is split at every boundary, so each
    piece is one element that lists every record covering it in ``data-recs``.
    """
    layers: list[_Layer] = []
    for rid, loc in located.items():
        layers.append(_Layer(loc.start, loc.end, "evidence", rid))
        if loc.figure:
            layers.append(_Layer(*loc.figure, "figure", rid))
    layers += [_Layer(s, e, "planted") for s, e in instruction_spans(text)]
    furniture = furniture_lines(text)
    layers += [_Layer(s, e, "furniture") for s, e in _line_spans(text) if e > s and s in furniture]
    cuts = sorted({0, len(text), *(x for lay in layers for x in (lay.start, lay.end))})
    anchors: dict[int, list[str]] = {}
    for rid, loc in located.items():
        anchors.setdefault(loc.start, []).append(rid)
    out: list[str] = []
    marks = 0
    for s, e in pairwise(cuts):
        for rid in anchors.pop(s, []):
            out.append(f'<span class="anchor" id="ev-{rid}"></span>')
        if e <= s:
            continue
        covering = [lay for lay in layers if lay.start <= s and e <= lay.end]
        recs = [lay.rid for lay in covering if lay.kind == "evidence" and lay.rid]
        figs = {lay.rid for lay in covering if lay.kind == "figure"}
        classes = [k for k in ("planted", "furniture") if any(lay.kind == k for lay in covering)]
        chunk = _e(text[s:e])
        if recs:
            marks += 1
            types = {records[r].record_type for r in recs}
            classes.append(f"t-{types.pop()}" if len(types) == 1 else "t-multi")
            if all(not _grounded(records[r]) for r in recs):
                classes.append("weak")
            if figs & set(recs):
                classes.append("fig")
            tip = "\n".join(_record_title(records[r]) for r in recs)
            out.append(
                f'<mark class="ev hl {" ".join(classes)}" data-recs="{" ".join(recs)}" '
                f'title="{_e(tip)}">{chunk}</mark>'
            )
        elif classes:
            tip = (
                "Text addressed to AI systems: figures here are never extracted"
                if "planted" in classes
                else "Page furniture: dropped before the model reads the article"
            )
            out.append(f'<span class="{" ".join(classes)}" title="{tip}">{chunk}</span>')
        else:
            out.append(chunk)
    for rids in anchors.values():  # evidence at the very end of the text
        out += [f'<span class="anchor" id="ev-{rid}"></span>' for rid in rids]
    return "".join(out), marks


def _grounded(record: Record) -> bool:
    return record.grounding is None or record.grounding.grounded


# ------------------------------------------------------------------------------------------
# Tables
# ------------------------------------------------------------------------------------------


def _time_cell(record: Record) -> str:
    t = record.time
    iso = "–".join(x for x in (t.start, t.end) if x)
    if not t.text and not iso:
        return '<span class="muted">—</span>'
    parts = [f"<div>{_e(t.text)}</div>"] if t.text else []
    if iso:
        parts.append(f'<div class="small mono">{_e(iso)}</div>')
    return "".join(parts)


def _grounding_cell(record: Record, loc: Located | None, has_text: bool) -> str:
    g = record.grounding
    notes = []
    if g is None:
        notes.append('<span class="badge">not checked</span>')
    elif g.grounded:
        notes.append(f'<span class="badge ok" title="quote match: {_e(g.match)}">grounded</span>')
    else:
        reasons = "; ".join(g.reasons) or "no reason recorded"
        notes.append(
            '<span class="badge bad">ungrounded</span>'
            f'<div class="small reason">{_e(reasons)}</div>'
        )
    if has_text and loc is None:
        notes.append('<div class="small reason">quote not found in this text</div>')
    elif loc is not None and loc.how not in ("offsets", "exact"):
        notes.append(f'<div class="small muted">quote found ({_e(loc.how)})</div>')
    return "".join(notes)


def _count_cells(count: Count) -> str:
    return (
        f'<td class="num strong">{_num(count.best)}</td>'
        f'<td class="num">{_num(count.low)}</td>'
        f'<td class="num">{_num(count.high)}</td>'
        f"<td>{_e(_words(count.qualifier.value))}"
        + (f'<div class="small muted">“{_e(count.text)}”</div>' if count.text else "")
        + "</td>"
    )


def _claimant_cell(claimant: str | None) -> str:
    return f"<td>{_e(claimant)}</td>" if claimant else '<td class="muted">not attributed</td>'


_HEADERS = {
    "deployment": ["Personnel", "Status", "Best", "Low", "High", "Qualifier", "Claimant",
                   "Hedge", "Time", "Location", "Evidence", "Grounding"],
    "casualty": ["Type", "Affected", "Best", "Low", "High", "Qualifier", "Claimant", "Hedge",
                 "Time", "Location", "Evidence", "Grounding"],
    "exchange": ["Category", "Item", "Direction", "Status", "Claimant", "Hedge", "Time",
                 "Evidence", "Grounding"],
}  # fmt: skip
_TITLES = {"deployment": "Deployments", "casualty": "Casualties", "exchange": "Exchanges"}


def _record_row(rid: str, record: Record, loc: Located | None, has_text: bool) -> str:
    rt = record.record_type
    cls = f"rec t-{rt}" + ("" if _grounded(record) else " ungrounded")
    jump = (
        f'<a class="jump" href="#ev-{rid}" title="Show the evidence in the text">'
        f"{_e(_record_kind(record))}</a>"
        if loc is not None
        else _e(_record_kind(record))
    )
    cells = [f'<td><span class="dot t-{rt}"></span>{jump}</td>']
    if isinstance(record, Deployment):
        cells.append(f"<td>{_e(record.status.value)}</td>")
        cells.append(_count_cells(record.count))
    elif isinstance(record, Casualty):
        cells.append(f"<td>{_e(record.affected)}</td>")
        cells.append(_count_cells(record.count))
    else:
        cells.append(f"<td>{_e(record.item)}</td>")
        cells.append(f"<td>{_e(record.provider)} → {_e(record.recipient)}</td>")
        cells.append(f"<td>{_e(record.status.value)}</td>")
    cells.append(_claimant_cell(record.claimant))
    cells.append(f'<td><span class="hedge h-{_e(record.hedge.value)}">{_e(record.hedge.value)}'
                 "</span></td>")  # fmt: skip
    cells.append(f"<td>{_time_cell(record)}</td>")
    if not isinstance(record, Exchange):
        loc_text = record.location
        cells.append(f"<td>{_e(loc_text)}</td>" if loc_text else '<td class="muted">—</td>')
    cells.append(
        f'<td><div class="quote" title="{_e(record.evidence)}">{_e(record.evidence)}</div></td>'
    )
    cells.append(f"<td>{_grounding_cell(record, loc, has_text)}</td>")
    return f'<tr class="{cls}" data-rec="{rid}" tabindex="0">{"".join(cells)}</tr>'


def _records_tables(
    ai: int, summary: ArticleSummary, located: dict[str, Located], has_text: bool
) -> str:
    parts = []
    records = summary.records
    for rt in TYPES:
        rows = [
            _record_row(rec_id(ai, ri), r, located.get(rec_id(ai, ri)), has_text)
            for ri, r in enumerate(records)
            if r.record_type == rt
        ]
        if not rows:
            continue
        head = "".join(f"<th>{h}</th>" for h in _HEADERS[rt])
        parts.append(
            f'<h4 class="tbl-title t-{rt}"><span class="dot t-{rt}"></span>{_TITLES[rt]} '
            f'<span class="muted">({len(rows)})</span></h4>'
            f'<div class="tbl-wrap"><table class="records"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>"
        )
    if not parts and not summary.provenance.in_scope:
        return (
            '<p class="muted">Out of scope: no sentence ties North Korea to Russia or its war, '
            "so the article was not sent to the model.</p>"
        )
    if not parts:
        return '<p class="muted">No records extracted from this article.</p>'
    return "".join(parts)


# ------------------------------------------------------------------------------------------
# Ledger
# ------------------------------------------------------------------------------------------


def _entry_date(entry: LedgerEntry) -> str:
    if entry.date is None:
        return '<span class="muted">undated</span>'
    basis = (
        f"as written: “{_e(entry.record.time.text)}”"
        if entry.date_basis == "claim"
        else "article date"
    )
    return f'<span class="mono">{_e(entry.date)}</span><div class="small muted">{basis}</div>'


def _ledger_row(entry: LedgerEntry, anchor: bool) -> str:
    r = entry.record
    rid = rec_id(entry.article_index, entry.record_index)
    cls = "rec" + ("" if entry.grounded else " ungrounded")
    link = (
        f'<a class="jump" href="#ev-{rid}">{_e(entry.article_id)}</a>'
        if anchor
        else f'<a class="jump" href="#art-{entry.article_index}">{_e(entry.article_id)}</a>'
    )
    cells = [f"<td>{_entry_date(entry)}</td>"]
    if isinstance(r, Exchange):
        cells.append(f"<td>{_e(r.item)}</td><td>{_e(r.status.value)}</td>")
    else:
        cells.append(
            f'<td class="num strong">{_e(_count_summary(r.count))}</td>'
            f"<td>{_e(_words(r.count.qualifier.value))}"
            + (f'<div class="small muted">“{_e(r.count.text)}”</div>' if r.count.text else "")
            + "</td>"
        )
        if isinstance(r, Deployment):  # casualties have no status: no empty column for them
            cells.append(f"<td>{_e(r.status.value)}</td>")
    cells.append(_claimant_cell(r.claimant))
    cells.append(f'<td><span class="hedge h-{_e(r.hedge.value)}">{_e(r.hedge.value)}</span></td>')
    flag = "" if entry.grounded else ' <span class="badge bad">ungrounded</span>'
    cells.append(f"<td>{link}{flag}</td>")
    return f'<tr class="{cls}" data-rec="{rid}" tabindex="0">{"".join(cells)}</tr>'


def _group_stats(group: LedgerGroup) -> str:
    n = len(group.entries)
    bits = [f"{n} {'estimate' if n == 1 else 'estimates'}"]
    if group.key.record_type == "exchange":
        bits[0] = f"{n} {'claim' if n == 1 else 'claims'}"
    claimants = len(group.claimants)
    bits.append(f"{claimants} named {'claimant' if claimants == 1 else 'claimants'}")
    arts = len(group.article_ids)
    bits.append(f"{arts} {'article' if arts == 1 else 'articles'}")
    values = group.values
    if len(values) > 1:
        bits.append(f"figures {min(values):,} – {max(values):,}")
    if group.undated:
        bits.append(f"{len(group.undated)} undated")
    return " · ".join(bits)


def _swatch(color: str | None) -> str:
    if color is None:
        return '<span class="swatch-none"></span>'
    return (
        '<svg class="swatch" width="12" height="12" aria-hidden="true">'
        f'<circle cx="6" cy="6" r="5" fill="{_e(color)}"/></svg>'
    )


def _ledger_group(gi: int, group: LedgerGroup, color: str | None, anchored: set[str]) -> str:
    rt = group.key.record_type
    if rt == "exchange":
        head = ["Date", "Item as written", "Status", "Claimant", "Hedge", "Article"]
    else:
        head = ["Date", "Count", "Qualifier", "Claimant", "Hedge", "Article"]
        if rt == "deployment":
            head.insert(3, "Status")
    rows = "".join(
        _ledger_row(e, rec_id(e.article_index, e.record_index) in anchored) for e in group.entries
    )
    competing = (
        '<span class="badge warn" title="different figures from different sources">'
        "competing figures</span>"
        if group.competing
        else ""
    )
    return (
        f'<section class="group t-{rt}" id="q-{gi}"><h3>'
        + (_swatch(color) if color else f'<span class="dot t-{rt}"></span>')
        + f"{_e(group.label)} {competing}</h3>"
        f'<p class="stats">{_e(_group_stats(group))}</p>'
        f'<div class="tbl-wrap"><table class="ledger"><thead><tr>'
        + "".join(f"<th>{h}</th>" for h in head)
        + f"</tr></thead><tbody>{rows}</tbody></table></div></section>"
    )


def _ledger_index(groups: list[LedgerGroup], colors: dict[int, str], anchored: set[str]) -> str:
    """One line per quantity: how many estimates, their spread, and the latest dated figure."""
    rows = []
    for gi, g in enumerate(groups):
        rt = g.key.record_type
        mark = _swatch(colors[gi]) if gi in colors else f'<span class="dot t-{rt}"></span>'
        values = g.values
        spread = (
            f"{min(values):,} – {max(values):,}"
            if len(set(values)) > 1
            else (f"{values[0]:,}" if values else "—")
        )
        latest = g.latest if rt != "exchange" else (g.dated[-1] if g.dated else None)
        if latest is not None:
            rid = rec_id(latest.article_index, latest.record_index)
            target = f"#ev-{rid}" if rid in anchored else f"#art-{latest.article_index}"
            who = latest.record.claimant or "not attributed"
            r = latest.record
            what = (
                f"{r.item} ({r.status.value})"
                if isinstance(r, Exchange)
                else _count_summary(r.count)
            )
            latest_html = (
                f'<span class="strong">{_e(what)}</span> '
                f'<span class="mono small">{_e(latest.date)}</span> · {_e(who)} · '
                f'<a class="jump" href="{target}" data-rec="{rid}">{_e(latest.article_id)}</a>'
            )
        else:
            latest_html = '<span class="muted">—</span>'
        badge = ' <span class="badge warn">competing</span>' if g.competing else ""
        rows.append(
            f'<tr><td><a class="qlink" href="#q-{gi}">{mark}{_e(g.label)}</a>{badge}</td>'
            f'<td class="num">{len(g.entries)}</td><td class="num">{len(g.claimants)}</td>'
            f'<td class="num">{_e(spread)}</td><td>{latest_html}</td></tr>'
        )
    return (
        '<div class="tbl-wrap"><table class="index"><thead><tr><th>Quantity</th>'
        "<th>Estimates</th><th>Claimants</th><th>Figures</th><th>Latest dated figure or claim</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _chart_point(group: LedgerGroup, e: LedgerEntry) -> Point | None:
    if e.date is None or e.value is None or e.count is None:
        return None
    r = e.record
    when = e.date + (
        f" (as written: {r.time.text})" if e.date_basis == "claim" else " (article date)"
    )
    count = e.count
    title = (
        f"{group.label}: {count.text or _count_summary(count)} ({_words(count.qualifier.value)})"
        f"\n{when}\nclaimant: {r.claimant or 'not attributed'} · hedge: {r.hedge.value}"
        f"\narticle: {e.article_id}"
    )
    return Point(
        x=date_ordinal(e.date),
        y=e.value,
        low=count.low,
        high=count.high,
        title=title,
        target=rec_id(e.article_index, e.record_index),
    )


def _ledger_section(groups: list[LedgerGroup], anchored: set[str]) -> str:
    colors: dict[int, str] = {}
    charts: dict[str, list[Series]] = {"deployment": [], "casualty": []}
    for gi, g in enumerate(groups):
        if g.key.record_type == "exchange":
            continue
        points = [p for e in g.entries if (p := _chart_point(g, e)) is not None]
        if points:  # colours restart per chart: each chart has its own legend
            used = sum(groups[i].key.record_type == g.key.record_type for i in colors)
            colors[gi] = PALETTE[used % len(PALETTE)]
            charts[g.key.record_type].append(Series(g.label, colors[gi], points))
    xs = [p.x for ss in charts.values() for s in ss for p in s.points]
    x_range = (min(xs), max(xs)) if xs else None
    chart_html = []
    for rt, series in charts.items():
        if not series:
            continue
        svg = render_timeline(series, x_range=x_range, label=f"{_TITLES[rt]} over time")
        legend = "".join(
            f'<li><a href="#q-{gi}">{_swatch(colors[gi])}{_e(groups[gi].label)}</a></li>'
            for gi in colors
            if groups[gi].key.record_type == rt
        )
        chart_html.append(
            f'<figure class="chart"><figcaption>{_TITLES[rt]}: dated figures</figcaption>'
            f'{svg}<ul class="legend">{legend}</ul></figure>'
        )
    if not chart_html:
        chart_html.append('<p class="muted">No dated figures to chart.</p>')
    counted = [
        _ledger_group(gi, g, colors.get(gi), anchored)
        for gi, g in enumerate(groups)
        if g.key.record_type != "exchange"
    ]
    exchanged = [
        _ledger_group(gi, g, None, anchored)
        for gi, g in enumerate(groups)
        if g.key.record_type == "exchange"
    ]
    body = [
        '<section id="ledger" class="panel"><h2>Claims ledger</h2>'
        '<p class="lede">Figures for the same quantity from every article, side by side and '
        "sorted by date: a record's own time when the article gives one, else the article's "
        "date (dateline). Points on the chart and rows in the tables jump to the evidence. "
        "Undated figures are listed last and not charted; vague counts (“thousands”) have no "
        "number to chart.</p>",
        f'<div class="charts">{"".join(chart_html)}</div>',
        '<h3 class="sub">All quantities</h3>',
        _ledger_index(groups, colors, anchored),
    ]
    if counted:
        body.append(f'<h3 class="sub">People: deployments and casualties</h3>{"".join(counted)}')
    if exchanged:
        body.append(f'<h3 class="sub">Exchanges: who claims what moved</h3>{"".join(exchanged)}')
    if not groups:
        body.append('<p class="muted">No records in this output.</p>')
    body.append("</section>")
    return "".join(body)


# ------------------------------------------------------------------------------------------
# The page
# ------------------------------------------------------------------------------------------

_CSS = """
:root{--dep:#1f6feb;--dep-bg:#dbe9ff;--cas:#cf222e;--cas-bg:#ffe0de;--exc:#9a6700;
--exc-bg:#fff0c2;--ink:#1f2328;--muted:#656d76;--line:#d8dee4;--bg:#f6f8fa;--card:#fff}
*{box-sizing:border-box}
html{scroll-padding-top:70px}
body{margin:0;font:14px/1.5 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--ink);background:var(--bg)}
header.top{position:sticky;top:0;z-index:5;background:#24292f;color:#fff;padding:10px 24px;
display:flex;gap:24px;align-items:baseline;flex-wrap:wrap}
header.top h1{font-size:16px;margin:0;font-weight:600}
header.top .meta{color:#c9d1d9;font-size:12px}
header.top nav a{color:#fff;margin-right:14px;font-size:13px;text-decoration:none}
main{max-width:1320px;margin:0 auto;padding:20px 24px 80px}
.panel{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:18px 22px;
margin-bottom:22px}
h2{font-size:20px;margin:0 0 6px}h3{font-size:15px;margin:0 0 2px}
h3.sub{margin:22px 0 10px;font-size:13px;text-transform:uppercase;letter-spacing:.06em;
color:var(--muted)}
h4.tbl-title{font-size:13px;margin:16px 0 6px}
.lede{color:var(--muted);margin:0 0 14px;max-width:980px}
.summary-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;
margin:10px 0 4px}
.stat{border:1px solid var(--line);border-radius:6px;padding:8px 12px}
.stat b{display:block;font-size:20px}.stat span{color:var(--muted);font-size:12px}
.muted{color:var(--muted)}.small{font-size:12px}.mono{font-family:ui-monospace,Menlo,monospace}
.strong{font-weight:600}.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.charts{display:grid;grid-template-columns:1fr;gap:14px}
figure.chart{margin:0;border:1px solid var(--line);border-radius:6px;padding:8px 10px}
figure.chart figcaption{font-weight:600;font-size:13px;margin-bottom:4px}
svg.timeline{width:100%;height:auto;display:block}
svg .plot-bg{fill:#fbfcfd}svg .grid{stroke:#d8dee4;stroke-width:1}
svg .grid.minor{stroke:#eef1f4}
svg .tick{font-size:11px;fill:#656d76}svg .axis-label{font-size:11px;fill:#656d76}
svg .whisker{stroke-width:3;stroke-opacity:.35;stroke-linecap:round}
svg .point circle{stroke:#fff;stroke-width:1.5}svg .point{cursor:pointer}
svg .point:hover circle,svg .point:focus circle{stroke:#24292f;stroke-width:2}
svg .point-label{font-size:10.5px;font-weight:600}
ul.legend{list-style:none;margin:6px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px;
font-size:12px}
ul.legend a{color:var(--ink);text-decoration:none}
.swatch{vertical-align:-1px;margin-right:5px}
.swatch-none{display:inline-block;width:12px;margin-right:5px}
.group{border-top:1px solid var(--line);padding:12px 0 6px}
.group h3 .dot{margin-left:2px}
.stats{margin:0 0 6px;color:var(--muted);font-size:12px}
.tbl-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:13px}
th{text-align:left;font-weight:600;color:var(--muted);font-size:11px;text-transform:uppercase;
letter-spacing:.04em;border-bottom:1px solid var(--line);padding:5px 8px;white-space:nowrap}
td{border-bottom:1px solid #eef1f4;padding:6px 8px;vertical-align:top}
tr.rec{cursor:pointer}tr.rec:hover{background:#f3f6fa}
tr.rec:focus{outline:2px solid #0969da;outline-offset:-2px}
tr.rec.selected{background:#fff8c5}
tr.rec.ungrounded td{background:#fff5f5}
div.quote{max-width:300px;min-width:180px;color:#424a53;font-size:12px;display:-webkit-box;
-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden}
table.ledger td:first-child{white-space:nowrap;width:150px}
table.index td:first-child{white-space:nowrap}
a.qlink{color:var(--ink);text-decoration:none;font-weight:600}a.qlink:hover{color:#0969da}
a.jump{color:#0969da;text-decoration:none;font-weight:500}a.jump:hover{text-decoration:underline}
.dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:6px;
vertical-align:0}
.dot.t-deployment{background:var(--dep)}.dot.t-casualty{background:var(--cas)}
.dot.t-exchange{background:var(--exc)}
.badge{display:inline-block;font-size:11px;font-weight:600;padding:0 7px;border-radius:10px;
border:1px solid var(--line);background:#f6f8fa;color:var(--muted);white-space:nowrap}
.badge.ok{color:#1a7f37;border-color:#aceebb;background:#dafbe1}
.badge.bad{color:#cf222e;border-color:#ffcecb;background:#ffebe9}
.badge.warn{color:#9a6700;border-color:#f5d37a;background:#fff8c5;vertical-align:1px}
.reason{color:#cf222e}
.hedge{font-size:12px;padding:0 6px;border-radius:4px;background:#eef1f4}
.hedge.h-confirmed{background:#dafbe1}.hedge.h-alleged{background:#ffebe9}
.hedge.h-estimated{background:#ddf4ff}.hedge.h-planned{background:#fbefff}
article.art{scroll-margin-top:60px}
.art-head{display:flex;justify-content:space-between;gap:16px;flex-wrap:wrap;
align-items:baseline}
.art-head .src{font-size:12px;color:var(--muted);word-break:break-all}
.chips{display:flex;gap:6px;flex-wrap:wrap;margin:6px 0 10px}
.chip{font-size:12px;border:1px solid var(--line);border-radius:12px;padding:0 9px}
.notice{border-left:3px solid #d4a72c;background:#fff8c5;padding:8px 12px;margin:8px 0 12px;
border-radius:0 6px 6px 0}
.notice.missing{border-color:#cf222e;background:#ffebe9}
.art-summary{color:#424a53;margin:0 0 10px}
.label{font-size:11px;font-weight:600;text-transform:uppercase;letter-spacing:.04em;
color:var(--muted);margin-right:4px}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.65 Georgia,"Times New Roman",serif;
background:#fcfcfd;border:1px solid var(--line);border-radius:6px;padding:14px 18px;
max-height:460px;overflow-y:auto;margin:0}
.legend-inline{font-size:12px;color:var(--muted);margin:4px 0 8px;display:flex;gap:14px;
flex-wrap:wrap}
.legend-inline .hl{padding:0 4px}
.hl{color:inherit;padding:1px 0;border-bottom:2px solid transparent}
mark.ev{cursor:pointer}
.hl.t-deployment{background:var(--dep-bg);border-color:var(--dep)}
.hl.t-casualty{background:var(--cas-bg);border-color:var(--cas)}
.hl.t-exchange{background:var(--exc-bg);border-color:var(--exc)}
.hl.t-multi{background:repeating-linear-gradient(135deg,var(--dep-bg) 0 6px,var(--cas-bg) 6px
12px,var(--exc-bg) 12px 18px);border-color:#8250df}
.hl.fig{font-weight:700}
.hl.weak{border-bottom-style:dashed;background:#f6f8fa}
.planted{background:#eef1f4;color:#8c959f;text-decoration:line-through;
text-decoration-color:#afb8c1}
.furniture{color:#afb8c1}
mark.flash{animation:flash 1.6s ease-out}
tr.flash td{animation:flashrow 1.6s ease-out}
@keyframes flash{0%,40%{background:#ffd33d;box-shadow:0 0 0 3px #ffd33d}
100%{box-shadow:0 0 0 0 transparent}}
@keyframes flashrow{0%,40%{background:#ffd33d}}
.anchor{scroll-margin-top:120px}
footer{color:var(--muted);font-size:12px;text-align:center;margin-top:30px}
@media print{header.top{position:static}.text{max-height:none}}
"""

_JS = """
(function(){
  function flash(els){els.forEach(function(el){el.classList.remove('flash');
    void el.offsetWidth;el.classList.add('flash');});}
  function reveal(el){
    // smooth for a short hop; a jump across articles is instant (the flash shows where)
    var far=Math.abs(el.getBoundingClientRect().top)>2*window.innerHeight;
    el.scrollIntoView({block:'center',behavior:far?'auto':'smooth'});}
  function showRecord(rid){
    var marks=document.querySelectorAll('mark[data-recs~="'+rid+'"]');
    document.querySelectorAll('tr.selected').forEach(function(r){r.classList.remove('selected');});
    document.querySelectorAll('tr[data-rec="'+rid+'"]').forEach(function(r){
      r.classList.add('selected');});
    if(!marks.length){
      var row=document.querySelector('article tr[data-rec="'+rid+'"]');
      if(row){reveal(row);flash([row]);}
      return false;}
    reveal(marks[0]);
    flash(Array.prototype.slice.call(marks));
    document.body.setAttribute('data-focused',rid);
    return true;}
  document.addEventListener('click',function(ev){
    var t=ev.target;
    var host=t.closest&&t.closest('[data-rec]');
    if(host){ev.preventDefault();showRecord(host.getAttribute('data-rec'));return;}
    var mark=t.closest&&t.closest('mark[data-recs]');
    if(mark){var rows=[];mark.getAttribute('data-recs').split(' ').forEach(function(rid){
      document.querySelectorAll('article tr[data-rec="'+rid+'"]').forEach(function(r){
        rows.push(r);});});flash(rows);}
  });
  document.addEventListener('keydown',function(ev){
    if(ev.key!=='Enter')return;
    var host=ev.target.closest&&ev.target.closest('[data-rec]');
    if(host){ev.preventDefault();showRecord(host.getAttribute('data-rec'));}
  });
  window.troopwatchShowRecord=showRecord;
})();
"""


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _article_section(
    ai: int, summary: ArticleSummary, found: ArticleText
) -> tuple[str, int, set[str]]:
    records = {rec_id(ai, ri): r for ri, r in enumerate(summary.records)}
    located: dict[str, Located] = {}
    text_html, marks = "", 0
    if found.text is not None:
        for rid, r in records.items():
            loc = locate_evidence(found.text, r, trust_offsets=found.exact)
            if loc is not None:
                located[rid] = loc
        text_html, marks = render_article_text(found.text, located, records)
    p = summary.provenance
    read_from = (
        f"<br>text read from {_e(found.source)}"
        if found.source and found.source != p.source
        else ""
    )
    counts = {rt: sum(r.record_type == rt for r in records.values()) for rt in TYPES}
    ungrounded = sum(not _grounded(r) for r in records.values())
    chips = [
        f'<span class="chip"><span class="dot t-{rt}"></span>{counts[rt]} {_TITLES[rt].lower()}'
        "</span>"
        for rt in TYPES
    ]
    if ungrounded:
        chips.append(f'<span class="chip reason">{ungrounded} ungrounded</span>')
    chips.append(
        f'<span class="chip muted">{_e(p.model)} · prompt {_e(p.prompt_version)} · '
        f"{p.latency_s:.1f}s</span>"
    )
    parts = [
        f'<article class="art panel" id="art-{ai}">',
        f'<div class="art-head"><h2>{_e(summary.article_id)}</h2>'
        f'<span class="src">{_e(p.source or "source not recorded")}{read_from}</span></div>',
        f'<div class="chips">{"".join(chips)}</div>',
        f'<p class="art-summary"><span class="label">Summary</span> {_e(summary.summary)}</p>',
    ]
    if found.note:
        cls = "notice missing" if found.text is None else "notice"
        parts.append(f'<div class="{cls}">{_e(found.note)}</div>')
    if found.text is not None:
        parts.append(
            '<div class="legend-inline"><span class="hl t-deployment">deployment</span>'
            '<span class="hl t-casualty">casualty</span>'
            '<span class="hl t-exchange">exchange</span>'
            '<span class="hl t-multi">several records</span>'
            '<span><span class="hl t-deployment fig">bold</span> the figure</span>'
            '<span><span class="hl t-deployment weak">dashed</span> ungrounded</span>'
            '<span><span class="planted">struck</span> addressed to AI systems</span>'
            '<span><span class="furniture">grey</span> page furniture</span></div>'
            f'<div class="text" id="text-{ai}">{text_html}</div>'
        )
    parts.append(_records_tables(ai, summary, located, found.text is not None))
    parts.append("</article>")
    return "".join(parts), marks, set(located)


def render_report(
    summaries: Sequence[ArticleSummary],
    texts: Sequence[ArticleText],
    *,
    title: str = "troopwatch review report",
    source_label: str = "",
    generated: datetime | None = None,
) -> str:
    """The whole report as one HTML string (no I/O). ``texts`` aligns with ``summaries``."""
    return _render(summaries, texts, title, source_label, generated)[0]


def _render(
    summaries: Sequence[ArticleSummary],
    texts: Sequence[ArticleText],
    title: str,
    source_label: str,
    generated: datetime | None,
) -> tuple[str, int]:
    if len(texts) != len(summaries):
        raise ValueError("texts must align with summaries")
    published: dict[str, date] = {}
    for s, t in zip(summaries, texts, strict=True):
        when = t.reference_date or (dateline_date(t.text) if t.text else None)
        if when is not None:
            published.setdefault(s.article_id, when)
    articles_html: list[str] = []
    anchored: set[str] = set()
    n_marks = 0
    for ai, (s, t) in enumerate(zip(summaries, texts, strict=True)):
        html_, marks, located = _article_section(ai, s, t)
        articles_html.append(html_)
        anchored |= located
        n_marks += marks
    groups = build_ledger(summaries, published)
    ledger_html = _ledger_section(groups, anchored)

    all_records = [r for s in summaries for r in s.records]
    n_ungrounded = sum(not _grounded(r) for r in all_records)
    missing = sum(t.text is None for t in texts)
    competing = sum(g.competing for g in groups)
    stats = [
        (len(summaries), "articles"),
        (sum(r.record_type == "deployment" for r in all_records), "deployments"),
        (sum(r.record_type == "casualty" for r in all_records), "casualties"),
        (sum(r.record_type == "exchange" for r in all_records), "exchanges"),
        (n_ungrounded, "ungrounded records"),
        (competing, "quantities with competing figures"),
        (missing, "articles without text"),
    ]
    models = sorted({s.provenance.model for s in summaries})
    prompts = sorted({s.provenance.prompt_version for s in summaries})
    when = (generated or datetime.now(timezone.utc)).strftime("%Y-%m-%d %H:%M UTC")
    nav_items = "".join(
        f'<li><a href="#art-{ai}">{_e(s.article_id)}</a> <span class="muted">'
        f"{len(s.records)}</span></li>"
        for ai, s in enumerate(summaries)
    )
    overview = (
        '<section class="panel" id="overview"><h2>Overview</h2>'
        f'<p class="lede">From <span class="mono">{_e(source_label)}</span> · models: '
        f"{_e(', '.join(models))} · prompt versions: {_e(', '.join(prompts))} · generated "
        f"{_e(when)}</p>"
        '<div class="summary-grid">'
        + "".join(
            f"<div class=stat><b>{n:,}</b><span>{_e(label)}</span></div>" for n, label in stats
        )
        + "</div>"
        f'<details class="toc"><summary>Articles ({len(summaries)})</summary>'
        f'<ol class="small">{nav_items}</ol></details></section>'
    )
    csp = (
        f"default-src 'none'; script-src {_csp_hash(_JS)}; style-src {_csp_hash(_CSS)}; "
        "base-uri 'none'; form-action 'none'"
    )
    page = (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        f'<meta http-equiv="Content-Security-Policy" content="{_e(csp)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
        f'<header class="top"><h1>{_e(title)}</h1><nav><a href="#overview">Overview</a>'
        '<a href="#ledger">Claims ledger</a>'
        f'<a href="#art-0">Articles</a></nav><span class="meta">{len(summaries)} articles · '
        f"{len(all_records)} records · {n_marks} highlights</span></header>"
        f"<main>{overview}{ledger_html}{''.join(articles_html)}"
        "<footer>troopwatch review report · self-contained: no network, scripts limited to "
        "this page's own.</footer></main>"
        f"<script>{_JS}</script></body></html>\n"
    )
    return page, n_marks


# ------------------------------------------------------------------------------------------
# Everything together, for the CLI
# ------------------------------------------------------------------------------------------


@dataclass
class ReportResult:
    """What ``make_report`` did, for the CLI's messages and exit code."""

    output: Path
    articles: int = 0
    records: int = 0
    highlights: int = 0
    missing_text: list[str] = field(default_factory=list)
    bad_lines: list[LineProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    bytes: int = 0
    seconds: float = 0.0


def make_report(
    jsonl: str | Path, output: str | Path, article_paths: Iterable[str | Path] = ()
) -> ReportResult:
    """Read an output JSONL, find its articles, write the HTML report.

    Raises ``InputError`` when the JSONL cannot be read or holds no valid line (nothing is
    written then). Bad lines are skipped and listed in the result.
    """
    started = time.perf_counter()
    jsonl = Path(jsonl)
    read = read_summaries(jsonl)
    if not read.summaries:
        detail = f" ({len(read.problems)} malformed lines)" if read.problems else ""
        raise InputError(f"{jsonl}: no article summaries to report{detail}")
    texts, warnings = find_article_texts(
        read.summaries, article_paths, base_dir=jsonl.resolve().parent
    )
    html_, highlights = _render(read.summaries, texts, "troopwatch review report", str(jsonl), None)
    out = Path(output)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html_, encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"{out}: cannot write the report: {e.strerror or e}") from e
    return ReportResult(
        output=out,
        articles=len(read.summaries),
        records=sum(len(s.records) for s in read.summaries),
        highlights=highlights,
        missing_text=[
            s.article_id for s, t in zip(read.summaries, texts, strict=True) if not t.text
        ],
        bad_lines=read.problems,
        warnings=warnings,
        bytes=len(html_.encode("utf-8")),
        seconds=time.perf_counter() - started,
    )
