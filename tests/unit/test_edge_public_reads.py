"""Only the catalogues a visitor reads before signing in (programs, sessions, the referral directory) are answered
without a token, and only for reading: everything holding a person's data still needs one."""

import pytest

from lantern_edge.policy import RULES, Rule, public

PUBLIC = {(r.method, r.path) for r in RULES if r.public}


def test_the_public_reads_are_the_calendar_and_the_directory():
    assert PUBLIC == {("GET", "/programs"), ("GET", "/programs/{program_id}"), ("GET", "/sessions"),
                      ("GET", "/sessions/{session_id}"), ("GET", "/directory/services"), ("GET", "/directory/needs")}


def test_a_write_cannot_be_public():
    with pytest.raises(ValueError, match="only reads"):
        Rule("POST", "/sessions", "registration", frozenset(), public=True)
    assert public("GET", "/programs", "registration", "Programs").summary.endswith("(no sign-in needed)")
