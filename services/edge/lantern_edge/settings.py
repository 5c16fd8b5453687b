"""Edge settings (environment prefix LANTERN_EDGE_)."""

from typing import Literal

from pydantic import BaseModel, Field, SecretStr, field_validator, model_validator
from pydantic_settings import SettingsConfigDict

from lantern_shared.settings import DatabaseSettings

IdpRole = Literal["admin", "staff", "partner"]  # an identity provider never makes anyone a patron
Algorithm = Literal["RS256", "ES256"]
_DEFAULT_ROLE_MAP: dict[str, IdpRole] = {"admin": "admin", "staff": "staff", "partner": "partner"}
_DEFAULT_ALGORITHMS: list[Algorithm] = ["RS256", "ES256"]


class TrustedIssuer(BaseModel):
    """An OpenID Connect issuer whose access tokens the edge accepts (the library's IdP: Keycloak, Entra ID, …)."""

    issuer: str  # exactly the tokens' `iss`
    audience: str = "lantern-api"
    # Where the discovery document is read, when not at `<issuer>/.well-known/openid-configuration` (a cluster-
    # internal address, say); the document's own `issuer` must still be `issuer`.
    discovery_url: str | None = None
    roles_claim: str = "realm_access.roles"  # a dotted path: Keycloak's realm_access.roles, Entra's roles, groups
    role_map: dict[str, IdpRole] = Field(default_factory=lambda: dict(_DEFAULT_ROLE_MAP))
    partner_claim: str = "partner_id"  # the claim naming a partner contact's organization
    algorithms: list[Algorithm] = Field(default_factory=lambda: list(_DEFAULT_ALGORITHMS))

    @property
    def discovery(self) -> str:
        return self.discovery_url or f"{self.issuer.rstrip('/')}/.well-known/openid-configuration"


class EdgeSettings(DatabaseSettings):
    """The edge owns one small database: idempotency keys, patron sign-in links, refresh tokens, lockouts."""

    model_config = SettingsConfigDict(env_prefix="LANTERN_EDGE_", extra="ignore", frozen=True)

    service_name: str = "edge"
    http_port: int = 8000
    db_pool_min: int = 1
    db_pool_max: int = 5
    public_url: str = "http://127.0.0.1:8000"  # how callers reach the edge: the patron tokens' issuer lies under it

    # Each service at one address (a Kubernetes Service), or its instances comma-separated: taken in turn, and one
    # that cannot be reached is skipped (upstream.py).
    registration_url: str = "http://127.0.0.1:8001"
    devices_url: str = "http://127.0.0.1:8002"
    partners_url: str = "http://127.0.0.1:8003"
    notifications_url: str = "http://127.0.0.1:8004"
    upstream_timeout_s: float = 10.0
    summary_timeout_s: float = 3.0
    max_body_bytes: int = 1_000_000
    # Strict-Transport-Security on every answer, for deployments reached over HTTPS only (0: none, as locally)
    hsts_seconds: int = 0

    # ---- who is calling: OIDC issuers (JSON list in LANTERN_EDGE_OIDC_ISSUERS) and the edge's own patron tokens
    oidc_issuers: list[TrustedIssuer] = Field(default_factory=list)
    jwks_min_refresh_interval_s: float = 10.0  # an unknown `kid` refreshes the keys at most this often
    jwks_max_age_s: float = 3600.0  # keys are re-read this often; when the IdP is unreachable the old ones stay
    jwt_leeway_s: int = 30
    jwt_audience: str = "lantern-api"

    # Development only: HS256 tokens signed with a shared secret (`lantern-stack token`). Off unless switched on.
    dev_tokens: bool = False
    jwt_secret: SecretStr | None = None
    jwt_issuer: str = "lantern"

    # ---- patrons: library card + PIN checked over SIP2, then the edge's own short-lived tokens
    patron_signing_key: SecretStr | None = None  # PEM (EC P-256); generated per process when unset (development)
    patron_token_ttl_s: int = 600
    patron_refresh_ttl_s: int = 14 * 24 * 3600
    card_hash_key: SecretStr | None = None  # HMAC key: card numbers are kept only as keyed hashes
    sip2_host: str | None = None  # the library's SIP2 server (ILS); patron sign-in is off without it
    sip2_port: int = 6001
    sip2_timeout_s: float = 5.0
    sip2_login_user: str | None = None  # sends 93 Login first when set
    sip2_login_password: SecretStr | None = None
    sip2_location: str = ""
    sip2_institution: str = ""
    sip2_language_field: str | None = None  # an extension field with the patron's language tag, if the ILS sends one
    signin_max_failures: int = 5  # wrong PINs per card before it is locked for a while
    signin_address_max_failures: int = 20  # wrong PINs from one client address
    signin_failure_window_s: int = 900
    signin_lockout_s: int = 900
    signin_min_answer_s: float = 0.4  # every refusal takes at least this long: unknown card and wrong PIN alike

    # ---- guests without a card: a one-time code sent to their email (by the notifications service)
    guest_code_ttl_s: int = 600
    guest_code_resend_s: int = 60  # a live code asked for again within this long is not sent again

    # Only for end-to-end tests and demos: adds PUT /internal/v1/test/clock, which moves the edge's clock.
    test_clock: bool = False

    idempotency_ttl_s: int = 24 * 3600

    @field_validator("patron_signing_key", mode="before")
    @classmethod
    def _one_line_pem(cls, value: object) -> object:
        return value.replace("\\n", "\n") if isinstance(value, str) else value

    @field_validator("sip2_host", "sip2_login_user", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @model_validator(mode="after")
    def _dev_tokens_need_a_secret(self) -> "EdgeSettings":
        if self.dev_tokens and (self.jwt_secret is None or len(self.jwt_secret.get_secret_value()) < 32):
            raise ValueError("dev_tokens needs jwt_secret (at least 32 characters)")
        return self

    @property
    def patron_issuer(self) -> str:
        return f"{self.public_url.rstrip('/')}/api/v1/auth"

    @property
    def upstreams(self) -> dict[str, str]:
        return {
            "registration": self.registration_url,
            "devices": self.devices_url,
            "partners": self.partners_url,
            "notifications": self.notifications_url,
        }
