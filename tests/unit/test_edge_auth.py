"""The edge admits only valid tokens from the configured issuer, for this API, carrying a role and its binding."""

import time
import uuid

import jwt
import pytest

from lantern_edge.auth import Authenticator, Role, mint_token
from lantern_edge.policy import RULES, Rule
from lantern_edge.settings import EdgeSettings
from lantern_shared.problems import Problem

SECRET = "a-test-secret-of-decent-length-0123456789"
settings = EdgeSettings(db_password="x", internal_token="x", jwt_secret=SECRET)
authenticator = Authenticator(settings)


def refused(token: str) -> str:
    with pytest.raises(Problem) as problem:
        authenticator.verify(token)
    assert problem.value.status == 401
    return problem.value.detail


def test_a_valid_staff_token_is_accepted():
    principal = authenticator.verify(mint_token(SECRET, role="staff", subject="alice"))
    assert principal.role is Role.STAFF and principal.bound_id is None


def test_a_patron_token_is_bound_to_its_patron():
    patron = str(uuid.uuid4())
    assert authenticator.verify(mint_token(SECRET, role="patron", subject="p", patron_id=patron)).bound_id == patron


def test_a_forged_token_is_refused():
    assert "not valid" in refused(mint_token("someone-elses-secret-0123456789abcdef", role="admin", subject="mallory"))


def test_an_expired_token_is_refused():
    assert "expired" in refused(mint_token(SECRET, role="staff", subject="alice", ttl_s=-120))


def test_a_token_for_another_audience_is_refused():
    assert "audience" in refused(mint_token(SECRET, role="staff", subject="alice", audience="another-api"))


def test_a_token_from_another_issuer_is_refused():
    assert "issuer" in refused(mint_token(SECRET, role="staff", subject="alice", issuer="elsewhere"))


def test_a_token_without_a_known_role_is_refused():
    assert "role" in refused(mint_token(SECRET, role="superuser", subject="x"))


def test_patron_and_partner_tokens_must_name_what_they_are_bound_to():
    assert "patron_id" in refused(mint_token(SECRET, role="patron", subject="p"))
    assert "partner_id" in refused(mint_token(SECRET, role="partner", subject="o"))


def test_an_unsigned_token_is_refused():
    now = int(time.time())
    claims = {"sub": "x", "role": "admin", "iss": "lantern", "aud": "lantern-api", "exp": now + 60}
    assert "not valid" in refused(jwt.encode(claims, None, algorithm="none"))


def test_a_rule_letting_patrons_in_must_say_how_they_are_confined():
    with pytest.raises(ValueError, match="confined"):
        Rule("GET", "/loans", "devices", frozenset({Role.PATRON}))


def test_no_rule_lets_partners_or_patrons_in_unconfined_by_accident():
    for rule in RULES:
        for role in (Role.PATRON, Role.PARTNER):
            if role in rule.roles:
                assert role in rule.confine


def test_a_remembered_token_is_refused_once_it_expires():
    """Verified tokens are remembered for speed, but never past their expiry (plus the configured leeway)."""
    remembering = Authenticator(EdgeSettings(db_password="x", internal_token="x", jwt_secret=SECRET, jwt_leeway_s=0))
    token = mint_token(SECRET, role="staff", subject="alice", ttl_s=1)
    assert remembering.verify(token).subject == "alice"
    assert remembering.verify(token).subject == "alice"  # the remembered answer
    time.sleep(2.05)
    with pytest.raises(Problem) as problem:
        remembering.verify(token)
    assert problem.value.status == 401 and "expired" in problem.value.detail


def test_the_memory_of_verified_tokens_is_bounded():
    remembering = Authenticator(settings, remembered=3)
    for n in range(10):
        remembering.verify(mint_token(SECRET, role="staff", subject=f"s{n}"))
    assert len(remembering._verified) == 3
