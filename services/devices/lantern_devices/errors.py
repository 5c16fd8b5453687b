"""The refusals devices gives that carry more than a reason: what a request for units is short of."""

from collections.abc import Mapping

from lantern_shared.refusals import Refusal, conflict


def shortfall(requested: Mapping[str, int], missing: Mapping[str, int]) -> Refusal:
    """A request for units that cannot all be had: says how many of each kind are missing."""
    return conflict("shortfall", "not enough units are free for that window", requested=dict(requested),
                    missing=dict(missing))
