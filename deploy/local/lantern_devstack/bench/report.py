"""Percentiles and the printed table: plain functions, unit-tested."""

import math
from collections.abc import Sequence
from dataclasses import dataclass


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0-100) with linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return math.nan
    if not 0 <= p <= 100:
        raise ValueError("p must be within 0..100")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low = math.floor(rank)
    high = math.ceil(rank)
    if low == high:
        return float(ordered[low])
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else math.nan


def ratio(measured: float, raw: float) -> float:
    return measured / raw if raw and not math.isnan(raw) and raw > 0 else math.nan


@dataclass
class Row:
    """One line of the table: what was measured, its value, the raw equivalent, the ratio and the target."""

    benchmark: str
    lantern: str
    raw: str = ""
    ratio: float | None = None
    target: str = ""
    met: bool | None = None

    def cells(self) -> list[str]:
        r = "" if self.ratio is None else ("n/a" if math.isnan(self.ratio) else f"{self.ratio:.0%}")
        verdict = "" if self.met is None else ("yes" if self.met else "NO")
        return [self.benchmark, self.lantern, self.raw, r, self.target, verdict]


HEADER = ["benchmark", "Lantern", "raw", "ratio", "target", "met"]


def table(rows: Sequence[Row]) -> str:
    """A Markdown table (readable as plain text too)."""
    return grid(HEADER, [row.cells() for row in rows])


def grid(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Any rows of cells as a Markdown table, each column as wide as its widest cell."""
    lines = [list(header), *(list(r) for r in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return "\n".join([line(lines[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *(line(c) for c in lines[1:])])


def fmt_rate(value: float, unit: str = "/s") -> str:
    return "n/a" if math.isnan(value) else f"{value:,.0f}{unit}"


def fmt_ms(seconds: float) -> str:
    return "n/a" if math.isnan(seconds) else f"{seconds * 1000:,.0f} ms"
