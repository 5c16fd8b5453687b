"""Bar charts drawn on the server as SVG: no script, scalable, with a title, a description and the same numbers in a
table beside them (the chart's text alternative), so a screen reader and a printout get what the picture shows."""

from dataclasses import dataclass

WIDTH, LABEL_WIDTH, BAR_HEIGHT, GAP = 640, 200, 24, 10


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: int


@dataclass(frozen=True)
class BarChart:
    """A horizontal bar chart: one bar per row, widths scaled to the largest value."""

    id: str
    title: str
    description: str
    bars: list[Bar]
    width: int = WIDTH
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def height(self) -> int:
        return max(1, len(self.bars)) * (BAR_HEIGHT + GAP) + GAP


def bar_chart(chart_id: str, title: str, description: str, rows: list[tuple[str, int]]) -> BarChart:
    largest = max((value for _label, value in rows), default=0) or 1
    room = WIDTH - LABEL_WIDTH - 60  # space on the right for the number
    bars = [Bar(label, value, GAP + i * (BAR_HEIGHT + GAP), round(room * value / largest))
            for i, (label, value) in enumerate(rows)]
    return BarChart(chart_id, title, description, bars)
