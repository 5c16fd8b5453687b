"""The web app's settings: one pydantic-settings class, read once from LANTERN_WEB_* at start-up."""

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class WebSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LANTERN_WEB_")

    http_host: str = "127.0.0.1"
    http_port: int = 8050
    public_url: str = "http://127.0.0.1:8050"  # where browsers reach this app (OIDC redirect URIs start here)
    edge_url: str = "http://127.0.0.1:8000"  # the edge, the only API this app calls
    edge_timeout_s: float = 10.0

    # Server-side sessions live in the web app's own PostgreSQL database, so a restart signs nobody out.
    # Without a password (unit tests) they live in memory.
    db_host: str = "127.0.0.1"
    db_port: int = 5432
    db_name: str = "web"
    db_user: str = "web"
    db_password: SecretStr | None = None
    session_ttl_s: int = 8 * 3600
    secure_cookies: bool = True  # Secure cookies and HSTS; only the loopback dev and test stacks turn it off

    # Staff and partner contacts sign in at the library's OpenID Connect provider (code flow + PKCE).
    oidc_issuer: str | None = None
    oidc_discovery_url: str | None = None  # defaults to <issuer>/.well-known/openid-configuration
    oidc_client_id: str = "lantern-web"
    oidc_client_secret: SecretStr | None = None

    timezone: str = "America/Los_Angeles"  # the library's; a session shows times in it unless the reader chose another

    @property
    def discovery_url(self) -> str | None:
        if self.oidc_discovery_url:
            return self.oidc_discovery_url
        return f"{self.oidc_issuer.rstrip('/')}/.well-known/openid-configuration" if self.oidc_issuer else None
