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
settings = EdgeSettings(db_password="x", internal_token="x", jwt_secret=SECRET, dev_tokens=True)
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


# ---- OpenID Connect issuers, the edge's own patron tokens, the development switch -------------------------------

from aiohttp import web  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec, rsa  # noqa: E402

from lantern_edge.settings import TrustedIssuer  # noqa: E402
from lantern_edge.tokens import PatronKeys, generate_pem  # noqa: E402


class FakeIdP:
    """An identity provider on loopback: a discovery document and a JWKS whose keys a test can rotate."""

    def __init__(self) -> None:
        self.keys: dict[str, object] = {}
        self.reads = 0
        self.down = False
        self.url = ""

    def add_key(self, kid: str, kind: str = "RS256"):
        private = rsa.generate_private_key(public_exponent=65537, key_size=2048) if kind == "RS256" \
            else ec.generate_private_key(ec.SECP256R1())
        self.keys[kid] = private
        return private

    def token(self, kid: str, *, alg: str = "RS256", ttl: int = 300, **claims) -> str:
        now = int(time.time())
        body = {"iss": self.url, "aud": "lantern-api", "sub": "someone", "iat": now, "exp": now + ttl} | claims
        return jwt.encode(body, self.keys[kid], algorithm=alg, headers={"kid": kid})

    async def _discovery(self, request):
        if self.down:
            raise web.HTTPServiceUnavailable()
        return web.json_response({"issuer": self.url, "jwks_uri": f"{self.url}/jwks"})

    async def _jwks(self, request):
        if self.down:
            raise web.HTTPServiceUnavailable()
        self.reads += 1
        keys = []
        for kid, private in self.keys.items():
            algorithm = jwt.algorithms.RSAAlgorithm if isinstance(private, rsa.RSAPrivateKey) else jwt.algorithms.ECAlgorithm
            keys.append(algorithm.to_jwk(private.public_key(), as_dict=True) | {"kid": kid, "use": "sig"})
        return web.json_response({"keys": keys})

    async def start(self):
        app = web.Application()
        app.router.add_get("/.well-known/openid-configuration", self._discovery)
        app.router.add_get("/jwks", self._jwks)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"


@pytest.fixture
async def idp():
    provider = FakeIdP()
    await provider.start()
    provider.add_key("k1")
    yield provider
    await provider.runner.cleanup()


def oidc_authenticator(idp: FakeIdP, **issuer) -> Authenticator:
    config = TrustedIssuer(issuer=idp.url, **issuer)
    return Authenticator(EdgeSettings(db_password="x", internal_token="x", oidc_issuers=[config],
                                      jwks_min_refresh_interval_s=0.0))


async def verified(authenticator: Authenticator, token: str):
    await authenticator.prepare(token)
    return authenticator.verify(token)


async def refused_async(authenticator: Authenticator, token: str, status: int = 401) -> str:
    await authenticator.prepare(token)
    with pytest.raises(Problem) as problem:
        authenticator.verify(token)
    assert problem.value.status == status
    return problem.value.detail


async def test_an_idp_token_maps_its_realm_roles_to_the_strongest_lantern_role(idp):
    authenticator = oidc_authenticator(idp)
    principal = await verified(authenticator, idp.token("k1", realm_access={"roles": ["offline_access", "staff", "admin"]}))
    assert principal.role is Role.ADMIN and principal.subject == "someone"


@pytest.mark.parametrize("claim,value", [("roles", ["lantern-staff"]), ("groups", ["/library/lantern-staff"])])
async def test_roles_can_come_from_another_claim_and_be_renamed(idp, claim, value):
    authenticator = oidc_authenticator(idp, roles_claim=claim, role_map={value[0]: "staff"})
    assert (await verified(authenticator, idp.token("k1", **{claim: value}))).role is Role.STAFF


async def test_a_partner_contact_is_bound_to_the_organization_in_the_configured_claim(idp):
    org = str(uuid.uuid4())
    authenticator = oidc_authenticator(idp, partner_claim="org")
    principal = await verified(authenticator, idp.token("k1", realm_access={"roles": ["partner"]}, org=org))
    assert principal.role is Role.PARTNER and principal.bound_id == org
    assert "partner_id" in await refused_async(authenticator, idp.token("k1", realm_access={"roles": ["partner"]}))


async def test_a_signed_in_person_without_a_lantern_role_is_forbidden(idp):
    detail = await refused_async(oidc_authenticator(idp), idp.token("k1", realm_access={"roles": ["offline_access"]}), 403)
    assert "no Lantern role" in detail


async def test_an_idp_cannot_make_anyone_a_patron(idp):
    authenticator = oidc_authenticator(idp, role_map={"patron": "staff"})
    principal = await verified(authenticator, idp.token("k1", realm_access={"roles": ["patron"]}, role="patron",
                                                         patron_id=str(uuid.uuid4())))
    assert principal.role is Role.STAFF  # only what the role map says; `role`/`patron_id` claims mean nothing here
    with pytest.raises(ValueError):
        TrustedIssuer(issuer="x", role_map={"patron": "patron"})


async def test_es256_keys_are_accepted_too(idp):
    idp.add_key("ec1", "ES256")
    principal = await verified(oidc_authenticator(idp), idp.token("ec1", alg="ES256", realm_access={"roles": ["staff"]}))
    assert principal.role is Role.STAFF


async def test_a_new_key_is_read_once_when_a_token_names_it(idp):
    authenticator = oidc_authenticator(idp)
    await verified(authenticator, idp.token("k1", realm_access={"roles": ["staff"]}))
    reads = idp.reads
    idp.add_key("k2")
    await verified(authenticator, idp.token("k2", realm_access={"roles": ["staff"]}))
    await verified(authenticator, idp.token("k2", realm_access={"roles": ["staff"]}))
    assert idp.reads == reads + 1


async def test_a_key_the_idp_does_not_publish_is_refused_after_one_read(idp):
    authenticator = oidc_authenticator(idp)
    stranger = FakeIdP()
    stranger.url = idp.url
    stranger.add_key("k9")
    reads = idp.reads
    detail = await refused_async(authenticator, stranger.token("k9", realm_access={"roles": ["admin"]}))
    assert "does not publish" in detail and idp.reads == reads + 1


async def test_when_the_idp_is_unreachable_the_keys_already_read_keep_verifying(idp):
    authenticator = oidc_authenticator(idp)
    token = idp.token("k1", realm_access={"roles": ["staff"]})
    await verified(authenticator, token)
    idp.down = True
    for issuer in authenticator.issuers.values():
        assert await issuer.keys.refresh() is False
    assert (await verified(authenticator, token)).role is Role.STAFF


async def test_expired_not_yet_valid_wrong_audience_and_untrusted_issuers_are_refused(idp):
    authenticator = oidc_authenticator(idp)
    roles = {"realm_access": {"roles": ["staff"]}}
    assert "expired" in await refused_async(authenticator, idp.token("k1", ttl=-120, **roles))
    assert "not valid yet" in await refused_async(authenticator, idp.token("k1", nbf=int(time.time()) + 600, **roles))
    assert "audience" in await refused_async(authenticator, idp.token("k1", aud="another-api", **roles))
    assert "trusted issuer" in await refused_async(authenticator, idp.token("k1", iss="http://elsewhere", **roles))


def test_development_tokens_are_refused_unless_switched_on():
    closed = Authenticator(EdgeSettings(db_password="x", internal_token="x", jwt_secret=SECRET))
    with pytest.raises(Problem) as problem:
        closed.verify(mint_token(SECRET, role="admin", subject="dev"))
    assert problem.value.status == 401 and "trusted issuer" in problem.value.detail
    with pytest.raises(ValueError, match="jwt_secret"):
        EdgeSettings(db_password="x", internal_token="x", dev_tokens=True)


def test_the_edge_accepts_its_own_patron_tokens_and_only_for_patrons():
    keys = PatronKeys("http://edge/api/v1/auth", "lantern-api", 600, generate_pem())
    authenticator = Authenticator(EdgeSettings(db_password="x", internal_token="x"), keys)
    patron = uuid.uuid4()
    principal = authenticator.verify(keys.issue(patron))
    assert principal.role is Role.PATRON and principal.bound_id == str(patron)
    now = int(time.time())
    staff = jwt.encode({"iss": keys.issuer, "aud": "lantern-api", "sub": "x", "role": "staff", "exp": now + 60},
                       keys.private_key, algorithm="ES256", headers={"kid": keys.kid})
    with pytest.raises(Problem):
        authenticator.verify(staff)
    other = PatronKeys(keys.issuer, "lantern-api", 600, generate_pem())
    with pytest.raises(Problem):
        authenticator.verify(other.issue(patron))  # same issuer name, a key the edge does not have
    assert keys.jwks()["keys"][0]["kid"] == keys.kid and "d" not in keys.jwks()["keys"][0]
