"""The benchmark table's arithmetic: percentiles (numpy's linear method), ratios and the rendered rows."""

import math

import pytest

from lantern_devstack.bench.report import Row, fmt_ms, fmt_rate, percentile, rate, ratio, table


def test_percentiles_interpolate_between_closest_ranks():
    values = [0.4, 0.1, 0.3, 0.2, 0.5]  # unsorted on purpose
    assert percentile(values, 0) == 0.1
    assert percentile(values, 50) == 0.3
    assert percentile(values, 100) == 0.5
    assert percentile(values, 25) == pytest.approx(0.2)
    assert percentile(values, 90) == pytest.approx(0.46)
    assert percentile(list(range(1, 101)), 99) == pytest.approx(99.01)


def test_percentile_of_nothing_is_nan_and_bounds_are_checked():
    assert math.isnan(percentile([], 50))
    assert percentile([7.0], 99) == 7.0
    with pytest.raises(ValueError):
        percentile([1.0], 101)


def test_rates_and_ratios_never_divide_by_zero():
    assert rate(100, 2.0) == 50
    assert math.isnan(rate(1, 0))
    assert ratio(50, 100) == 0.5
    assert math.isnan(ratio(50, 0))
    assert math.isnan(ratio(50, math.nan))


def test_table_aligns_columns_and_marks_targets():
    rendered = table([
        Row("write path", fmt_rate(900.4), fmt_rate(1700), 900.4 / 1700, ">= 50%", True),
        Row("  latency p99", fmt_ms(0.2504)),
        Row("relay", fmt_rate(100), fmt_rate(1000), 0.1, ">= 50%", False),
    ])
    lines = rendered.splitlines()
    assert lines[0].startswith("| benchmark")
    assert len({len(line) for line in lines}) == 1  # every line the same width
    assert "| 900/s " in lines[2] and "| 53% " in lines[2] and "| yes " in lines[2]
    assert "250 ms" in lines[3]
    assert "| NO " in lines[4]
    assert fmt_rate(math.nan) == "n/a"


def test_the_topology_comparison_shows_each_topology_against_the_first():
    from lantern_devstack.bench.topologies import comparison

    text = comparison({
        "1 broker": {"relay": 1000.0, "request -> email p99 at half the max rate": 0.2},
        "3 brokers": {"relay": 600.0, "request -> email p99 at half the max rate": 0.3},
        "3 brokers, 2 instances": {"relay": float("nan"), "request -> email p99 at half the max rate": 0.25},
    })
    lines = text.splitlines()
    assert [c.strip() for c in lines[0].split("|")[1:-1]] == ["measure", "1 broker", "3 brokers", "3 brokers, 2 instances"]
    assert "| relay " in lines[2] and "1,000/s" in lines[2] and "600/s (60%)" in lines[2] and "n/a (n/a)" in lines[2]
    assert "200 ms" in lines[3] and "300 ms (150%)" in lines[3] and "250 ms (125%)" in lines[3]
