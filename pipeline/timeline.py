"""A timeline chart as inline SVG: x = date, y = count (log scale), one series per quantity.

Counts in this domain span four orders of magnitude (36 killed, 40,000 workers), so the y axis
is logarithmic; a linear axis would flatten every casualty figure onto the floor. Every text
that reaches the SVG is escaped; colours are presentation attributes, not inline styles, so the
report's Content-Security-Policy can forbid inline styles.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from html import escape

__all__ = ["PALETTE", "Point", "Series", "compact_number", "render_timeline"]

#: Series colours: distinguishable, and dark enough for white point outlines.
PALETTE = (
    "#1f6feb",
    "#d1242f",
    "#1a7f37",
    "#bf5700",
    "#8250df",
    "#0a7f8f",
    "#bf3989",
    "#6e7781",
    "#9a6700",
    "#0550ae",
    "#a40e26",
    "#116329",
)
_MONTH_ABBR = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _e(value: object) -> str:
    return escape(str(value), quote=True)


@dataclass(frozen=True)
class Point:
    """One dated figure: ``x`` a day number (``date.toordinal``), ``y`` the count."""

    x: float
    y: int
    low: int | None = None
    high: int | None = None
    title: str = ""  # tooltip, plain text
    target: str | None = None  # id of the record it links to


@dataclass
class Series:
    name: str
    color: str
    points: list[Point] = field(default_factory=list)


def compact_number(n: int) -> str:
    """12500 -> '12.5k', 40000 -> '40k', 600 -> '600'."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f}".rstrip("0").rstrip(".") + "M"
    if n >= 1000:
        return f"{n / 1000:.1f}".rstrip("0").rstrip(".") + "k"
    return str(n)


def _month_ticks(lo: float, hi: float, max_ticks: int = 8) -> list[tuple[float, str]]:
    start, end = date.fromordinal(int(lo)), date.fromordinal(math.ceil(hi))
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    step = next((s for s in (1, 2, 3, 4, 6, 12, 24) if months / s <= max_ticks), 60)
    ticks: list[tuple[float, str]] = []
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        if (m - 1) % step == 0:
            day = date(y, m, 1).toordinal()
            if lo <= day <= hi:
                ticks.append((day, str(y) if step >= 12 else f"{_MONTH_ABBR[m - 1]} {y}"))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return ticks


def _log_ticks(lo_exp: int, hi_exp: int) -> list[int]:
    ticks: list[int] = []
    for exp in range(lo_exp, hi_exp + 1):
        ticks.append(10**exp)
        if hi_exp - lo_exp <= 2 and exp < hi_exp:
            ticks += [2 * 10**exp, 5 * 10**exp]
    return sorted(ticks)


def _label_spot(
    px: float, py: float, text: str, placed: list[tuple[float, float, float, float]], width: int
) -> tuple[float, float, float, float] | None:
    """A box for a point's label, right of the point or else left, that overlaps no label
    already drawn; None when both sides are taken (the tooltip still has the figure)."""
    w, h = 6.3 * len(text) + 2, 12
    for x0 in (px + 7, px - 7 - w):
        box = (x0, py - h / 2, x0 + w, py + h / 2)
        if box[0] < 0 or box[2] > width:
            continue
        if not any(
            box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed
        ):
            return box
    return None


def render_timeline(
    series: list[Series],
    *,
    x_range: tuple[float, float] | None = None,
    label: str = "timeline",
    width: int = 1200,
    height: int = 300,
) -> str:
    """An ``<svg>`` element plotting every series; ``x_range`` shares one axis across charts."""
    points = [p for s in series for p in s.points]
    if not points:
        return ""
    xs = [p.x for p in points]
    lo_x, hi_x = x_range or (min(xs), max(xs))
    if hi_x - lo_x < 60:  # one date, or a few days: give the axis some room
        lo_x, hi_x = lo_x - 45, hi_x + 45
    pad_x = (hi_x - lo_x) * 0.04
    lo_x, hi_x = lo_x - pad_x, hi_x + pad_x
    ys = [max(v, 1) for p in points for v in (p.y, p.low, p.high) if v is not None]
    lo_exp = math.floor(math.log10(min(ys)))
    hi_exp = math.ceil(math.log10(max(ys)))
    if hi_exp == lo_exp:
        hi_exp += 1
    left, right, top, bottom = 52, 40, 14, 34
    plot_w, plot_h = width - left - right, height - top - bottom

    def sx(x: float) -> float:
        return left + (x - lo_x) / (hi_x - lo_x) * plot_w

    def sy(y: int) -> float:
        v = math.log10(max(y, 1))
        return top + plot_h - (v - lo_exp) / (hi_exp - lo_exp) * plot_h

    out = [
        f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{_e(label)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{_e(label)}</title>",
        f'<rect class="plot-bg" x="{left}" y="{top}" width="{plot_w}" height="{plot_h}"/>',
    ]
    for t in _log_ticks(lo_exp, hi_exp):
        y = sy(t)
        major = math.log10(t).is_integer()
        out.append(
            f'<line class="grid{"" if major else " minor"}" x1="{left}" x2="{left + plot_w}" '
            f'y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="tick" x="{left - 6}" y="{y + 3.5:.1f}" text-anchor="end">'
            f"{compact_number(t)}</text>"
        )
    for x, text in _month_ticks(lo_x, hi_x):
        px = sx(x)
        out.append(
            f'<line class="grid minor" x1="{px:.1f}" x2="{px:.1f}" y1="{top}" '
            f'y2="{top + plot_h}"/><text class="tick" x="{px:.1f}" y="{top + plot_h + 16}" '
            f'text-anchor="middle">{_e(text)}</text>'
        )
    out.append(
        f'<text class="axis-label" x="{left - 40}" y="{top + plot_h / 2:.0f}" '
        f'transform="rotate(-90 {left - 40} {top + plot_h / 2:.0f})" text-anchor="middle">'
        "count (log scale)</text>"
    )
    # Labels must not cover a point or another label: every point is an obstacle up front.
    placed = [(sx(p.x) - 5, sy(p.y) - 5, sx(p.x) + 5, sy(p.y) + 5) for p in points]
    # No line joins a series' points: they are estimates by different sources, not a trend.
    for s in series:
        ordered = sorted(s.points, key=lambda p: p.x)
        color = _e(s.color)
        for p in ordered:
            px, py = sx(p.x), sy(p.y)
            attrs = f' data-rec="{_e(p.target)}" tabindex="0"' if p.target else ""
            parts = [f'<g class="point"{attrs}><title>{_e(p.title)}</title>']
            if p.low is not None and p.high is not None and p.low != p.high:
                y1, y2 = sy(p.low), sy(p.high)
                parts.append(
                    f'<line class="whisker" x1="{px:.1f}" x2="{px:.1f}" y1="{y1:.1f}" '
                    f'y2="{y2:.1f}" stroke="{color}"/>'
                )
            parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="5" fill="{color}"/>')
            text = compact_number(p.y)
            spot = _label_spot(px, py, text, placed, width)
            if spot is not None:
                placed.append(spot)
                anchor = ' text-anchor="end"' if spot[0] < px else ""
                tx = px - 8 if spot[0] < px else px + 8
                parts.append(
                    f'<text class="point-label" x="{tx:.1f}" y="{py + 4:.1f}"{anchor} '
                    f'fill="{color}">{text}</text>'
                )
            parts.append("</g>")
            out.append("".join(parts))
    out.append("</svg>")
    return "".join(out)
