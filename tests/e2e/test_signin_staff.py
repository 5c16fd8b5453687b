"""Staff and partner contacts sign in at the library's identity provider (a real Keycloak) and call the edge."""

import time
import uuid

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from lantern_edge.auth import Role
from tests.e2e import test_edge as walk
from tests.e2e.oidc_login import refresh, sign_in, sign_out

LIBRARIAN = ("libby.librarian", "lantern-staff-demo")
ADMIN = ("ada.admin", "lantern-admin-demo")
PARTNER = ("parker.partner", "lantern-partner-demo")
DEMO_ORGANIZATION = "5d1c2b7e-3f4a-4c8e-9a6b-1e2f3a4b5c6d"


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


async def test_a_librarian_signs_in_through_the_login_form_and_the_edge_knows_her_as_staff(edge, keycloak):
    tokens = sign_in(keycloak.issuer, *LIBRARIAN)
    me = await edge.get("/api/v1/me", headers=bearer(tokens.access_token))
    assert me.status_code == 200, me.text
    assert me.json()["role"] == "staff"
    enrolled = await edge.post("/api/v1/patrons", headers=bearer(tokens.access_token), json={
        "name": "Ana Pérez", "email": "ana.kc@example.org", "preferred_language": "es", "consent_to_contact": True})
    assert enrolled.status_code == 201, enrolled.text


async def test_an_admin_and_a_partner_contact_get_their_roles_and_binding(edge, keycloak):
    admin = (await edge.get("/api/v1/me", headers=bearer(sign_in(keycloak.issuer, *ADMIN).access_token))).json()
    partner = (await edge.get("/api/v1/me", headers=bearer(sign_in(keycloak.issuer, *PARTNER).access_token))).json()
    assert admin["role"] == "admin"
    assert partner["role"] == "partner" and partner["partner_id"] == DEMO_ORGANIZATION


async def test_a_key_rotation_in_keycloak_is_picked_up(edge, keycloak):
    before = sign_in(keycloak.issuer, *LIBRARIAN).access_token
    assert (await edge.get("/api/v1/me", headers=bearer(before))).status_code == 200
    with keycloak.admin() as admin:
        realm_id = admin.get("/lantern").json()["id"]
        old = [c for c in admin.get("/lantern/components", params={"type": "org.keycloak.keys.KeyProvider"}).json()
               if c["providerId"] == "rsa-generated"]
        created = admin.post("/lantern/components", json={
            "name": f"rotated-{uuid.uuid4().hex[:6]}", "providerId": "rsa-generated", "parentId": realm_id,
            "providerType": "org.keycloak.keys.KeyProvider",
            "config": {"priority": [str(int(time.time()))], "keySize": ["2048"], "active": ["true"], "enabled": ["true"]}})
        assert created.status_code == 201, created.text
        for component in old:  # the old keys turn passive: they still verify, they no longer sign
            component["config"]["active"] = ["false"]
            assert admin.put(f"/lantern/components/{component['id']}", json=component).status_code == 204
    time.sleep(1.1)  # the test stack lets the edge read the keys again after 1 s
    after = sign_in(keycloak.issuer, *LIBRARIAN).access_token
    assert jwt.get_unverified_header(after)["kid"] != jwt.get_unverified_header(before)["kid"]
    answer = await edge.get("/api/v1/me", headers=bearer(after))
    assert answer.status_code == 200, answer.text
    assert (await edge.get("/api/v1/me", headers=bearer(before))).status_code == 200  # passive keys still verify


async def test_a_token_from_another_realm_is_refused(edge, keycloak):
    other = httpx.post(f"{keycloak.url}/realms/master/protocol/openid-connect/token", timeout=20, data={
        "grant_type": "password", "client_id": "admin-cli", "username": "admin",
        "password": keycloak.config.admin_password}).json()["access_token"]
    refused = await edge.get("/api/v1/me", headers=bearer(other))
    assert refused.status_code == 401 and "trusted issuer" in refused.json()["detail"]


async def test_a_token_signed_with_a_key_keycloak_does_not_publish_is_refused(edge, keycloak):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forged = jwt.encode({"iss": keycloak.issuer, "aud": "lantern-api", "sub": "mallory", "exp": int(time.time()) + 60,
                         "realm_access": {"roles": ["admin"]}}, key, algorithm="RS256", headers={"kid": "not-theirs"})
    time.sleep(1.1)
    refused = await edge.get("/api/v1/me", headers=bearer(forged))
    assert refused.status_code == 401 and "does not publish" in refused.json()["detail"]


async def test_a_token_for_another_audience_is_refused(edge, keycloak):
    # Keycloak's own account-console token is signed by the trusted realm but is not meant for the API
    tokens = sign_in(keycloak.issuer, *LIBRARIAN)
    claims = jwt.decode(tokens.id_token, options={"verify_signature": False})
    assert claims["aud"] == "lantern-web"
    refused = await edge.get("/api/v1/me", headers=bearer(tokens.id_token))
    assert refused.status_code == 401 and "audience" in refused.json()["detail"]


async def test_signing_out_ends_the_session_at_keycloak(edge, keycloak):
    tokens = sign_in(keycloak.issuer, *LIBRARIAN)
    assert refresh(keycloak.issuer, tokens.refresh_token).status_code == 200
    assert sign_out(keycloak.issuer, tokens.refresh_token).status_code == 204
    ended = refresh(keycloak.issuer, tokens.refresh_token)
    assert ended.status_code == 400 and ended.json()["error"] == "invalid_grant"


class SignedIn:
    """One real sign-in per role: admin, staff and partner at Keycloak, a patron with card + PIN over SIP2; signed in
    again before the short-lived access tokens run out."""

    def __init__(self, keycloak, edge_url: str) -> None:
        self.keycloak, self.edge_url, self.tokens = keycloak, edge_url, {}

    def _sign_in(self, role: Role) -> tuple[str, str | None]:
        people = {Role.ADMIN: ADMIN, Role.STAFF: LIBRARIAN, Role.PARTNER: PARTNER}
        if role in people:
            return sign_in(self.keycloak.issuer, *people[role]).access_token, \
                DEMO_ORGANIZATION if role is Role.PARTNER else None
        patron = httpx.post(f"{self.edge_url}/api/v1/auth/patron/sign-in", timeout=15,
                            json={"card_number": "21000000000001", "pin": "1234"}).json()
        return patron["access_token"], patron["patron_id"]

    def __call__(self, role: Role) -> tuple[str, str | None]:
        token, own, at = self.tokens.get(role, (None, None, 0.0))
        if time.monotonic() - at > 200:  # Keycloak's access tokens live 300 s
            token, own = self._sign_in(role)
            self.tokens[role] = (token, own, time.monotonic())
        return token, own


@pytest.fixture(scope="module")
def signed_in(keycloak, services) -> SignedIn:
    return SignedIn(keycloak, services.config.url("edge"))


@pytest.mark.parametrize("rule,role", walk.CASES, ids=[f"{r.method} {r.path} as {role.value}" for r, role in walk.CASES])
async def test_the_access_table_holds_for_people_who_really_signed_in(edge, signed_in, rule, role):
    token, own = signed_in(role)
    own = own or str(uuid.uuid4())
    path = "/api/v1" + walk.fill(rule.path, rule, role, own)
    answer = await edge.request(rule.method, path, headers=bearer(token),
                                json={} if rule.method in {"POST", "PUT", "PATCH"} else None)
    if role in rule.roles:
        assert answer.status_code not in (401, 403), f"{role} refused: {answer.text}"
    else:
        assert answer.status_code == 403, answer.text
