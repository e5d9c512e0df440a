"""Small server-side SVG charts (option choice bars, score histogram): escaped text, no script."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from quizapp.services.analysis import OptionStat

__all__ = ["option_bars", "score_histogram"]

_LABEL_CHARS = 30


def _short(text: str) -> str:
    """A label cut to fit the chart's label column."""
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1] + "…"


def option_bars(options: Sequence[OptionStat], *, title: str) -> Markup:
    """Horizontal bars: how many chose each option (answer green, weak distractors pale red)."""
    row, label_w, bar_w, value_w = 26, 230, 200, 90
    width = label_w + bar_w + value_w
    height = row * len(options) + 4
    most = max((o.count for o in options), default=0) or 1
    parts = [
        Markup(
            '<svg class="chart chart-options" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
            'role="img" aria-label="{title}">'
        ).format(w=width, h=height, title=title)
    ]
    for n, option in enumerate(options):
        y = 2 + n * row
        bar = round(bar_w * option.count / most, 1)
        kind = "bar-answer" if option.is_answer else ("bar-weak" if option.weak else "bar")
        label = _short(option.text) + (" ✓" if option.is_answer else "")
        parts.append(
            Markup(
                '<text x="{lx}" y="{ty}" text-anchor="end">{label}</text>'
                '<rect class="{kind}" x="{bx}" y="{by}" width="{bw}" height="{bh}" rx="2"></rect>'
                '<text x="{vx}" y="{ty}">{count} ({pct} %)</text>'
            ).format(
                lx=label_w - 8,
                ty=y + 17,
                label=label,
                kind=kind,
                bx=label_w,
                by=y + 4,
                bw=max(bar, 1.5),
                bh=row - 8,
                vx=label_w + bar + 6,
                count=option.count,
                pct=round(100 * option.rate),
            )
        )
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def score_histogram(counts: Sequence[int], *, title: str) -> Markup:
    """Vertical bars of students per score band (0–9 %, 10–19 %, …, 90–100 %)."""
    bins = len(counts)
    slot, plot_h, top, bottom = 44, 120, 18, 22
    width, height = slot * bins, top + plot_h + bottom
    most = max(counts, default=0) or 1
    parts = [
        Markup(
            '<svg class="chart chart-histogram" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
            'role="img" aria-label="{title}">'
        ).format(w=width, h=height, title=title),
        Markup('<line class="axis" x1="0" y1="{y}" x2="{w}" y2="{y}"></line>').format(
            y=top + plot_h, w=width
        ),
    ]
    step = 100 // bins
    for n, count in enumerate(counts):
        bar = round(plot_h * count / most, 1)
        x = n * slot
        low = n * step
        band = f"{low}–{low + step - 1}" if n < bins - 1 else f"{low}–100"
        parts.append(
            Markup(
                '<rect class="bar" x="{x}" y="{y}" width="{bw}" height="{bh}" rx="2"></rect>'
                '<text x="{cx}" y="{ty}" text-anchor="middle">{count}</text>'
                '<text x="{cx}" y="{ly}" text-anchor="middle">{band}</text>'
            ).format(
                x=x + 6,
                y=top + plot_h - bar,
                bw=slot - 12,
                bh=bar,
                cx=x + slot / 2,
                ty=top + plot_h - bar - 4,
                count=count if count else "",
                ly=top + plot_h + 16,
                band=escape(band),
            )
        )
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)
