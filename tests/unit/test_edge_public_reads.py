"""Only the catalogues a visitor reads before signing in (programs, sessions, the referral directory), the HSDS 3.0
publication and calendar files are answered without a token, and only for reading: everything holding a person's
data still needs one (a personal calendar feed is named by an unguessable, revocable token in its address)."""

import pytest

from lantern_edge.policy import RULES, Rule, public

PUBLIC = {(r.method, r.path) for r in RULES if r.public}


def test_the_public_reads_are_the_calendar_the_directory_and_the_publications():
    catalogues = {"/programs", "/programs/{program_id}", "/sessions", "/sessions/{session_id}", "/directory/services",
                  "/directory/needs"}
    hsds = {"/openreferral/services", "/openreferral/services/{service_id}", "/openreferral/organizations",
            "/openreferral/organizations/{organization_id}", "/openreferral/service_at_locations",
            "/openreferral/service_at_locations/{sal_id}", "/openreferral/taxonomies",
            "/openreferral/taxonomies/{taxonomy_id}", "/openreferral/taxonomy_terms", "/openreferral/taxonomy_terms/{term_id}"}
    calendars = {"/sessions/{session_id}/calendar.ics", "/series/{series_id}/calendar.ics", "/calendar/programs.ics",
                 "/calendar/personal/{feed_token}.ics"}
    assert PUBLIC == {("GET", path) for path in catalogues | hsds | calendars}


def test_a_write_cannot_be_public():
    with pytest.raises(ValueError, match="only reads"):
        Rule("POST", "/sessions", "registration", frozenset(), public=True)
    assert public("/programs", "registration", "Programs").method == "GET"
