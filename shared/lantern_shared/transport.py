"""How a service reaches Kafka and PostgreSQL beyond one machine: TLS, SASL/SCRAM credentials and CA files.

The local stack talks PLAINTEXT on loopback and leaves every setting here at its default; docker-compose and the
Kubernetes base set them (docs/security.md, "Transport"). One place builds the options, so the producer, the
consumers, the admin client, the lag reader and the DLQ replay tool all connect the same way."""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from faststream.security import BaseSecurity, SASLPlaintext, SASLScram256, SASLScram512

PROTOCOLS = ("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL")
MECHANISMS = ("SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN")


@dataclass(frozen=True)
class KafkaAccess:
    """Where the brokers are and how to prove who we are to them."""

    bootstrap: str
    security_protocol: str = "PLAINTEXT"
    sasl_mechanism: str = "SCRAM-SHA-512"
    username: str = ""
    password: str = ""
    cafile: str = ""  # the CA that signed the brokers' certificates (empty: the system's trust store)

    def __post_init__(self) -> None:
        if self.security_protocol not in PROTOCOLS:
            raise ValueError(f"kafka security protocol {self.security_protocol!r} is not one of {PROTOCOLS}")
        if self.sasl and self.sasl_mechanism not in MECHANISMS:
            raise ValueError(f"kafka SASL mechanism {self.sasl_mechanism!r} is not one of {MECHANISMS}")
        if self.sasl and not (self.username and self.password):
            raise ValueError(f"kafka security protocol {self.security_protocol} needs a SASL username and password")

    @property
    def tls(self) -> bool:
        return self.security_protocol in ("SSL", "SASL_SSL")

    @property
    def sasl(self) -> bool:
        return self.security_protocol.startswith("SASL_")

    def ssl_context(self) -> ssl.SSLContext | None:
        """Verifies the broker's certificate and host name (TLS 1.2 at least); None without TLS."""
        if not self.tls:
            return None
        context = ssl.create_default_context(cafile=self.cafile or None)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        return context

    def client_options(self) -> dict[str, Any]:
        """Keyword arguments for every aiokafka client (producer, consumer, admin)."""
        options: dict[str, Any] = {"bootstrap_servers": self.bootstrap, "security_protocol": self.security_protocol}
        if self.tls:
            options["ssl_context"] = self.ssl_context()
        if self.sasl:
            options |= {"sasl_mechanism": self.sasl_mechanism, "sasl_plain_username": self.username,
                        "sasl_plain_password": self.password}
        return options

    def faststream_security(self) -> BaseSecurity | None:
        """The same, for FastStream's KafkaBroker (`security=`)."""
        context = self.ssl_context()
        if not self.sasl:
            return BaseSecurity(ssl_context=context) if context else None
        kinds = {"SCRAM-SHA-512": SASLScram512, "SCRAM-SHA-256": SASLScram256, "PLAIN": SASLPlaintext}
        return kinds[self.sasl_mechanism](username=self.username, password=self.password, ssl_context=context)


def as_access(bootstrap: str | KafkaAccess) -> KafkaAccess:
    """Tools and tests name a broker by its address; a KafkaAccess passes through unchanged."""
    return bootstrap if isinstance(bootstrap, KafkaAccess) else KafkaAccess(bootstrap)


SSL_MODES = ("", "disable", "allow", "prefer", "require", "verify-ca", "verify-full")


def dsn_tls_query(sslmode: str, sslrootcert: str) -> str:
    """The libpq-style query asyncpg reads from a DSN: `?sslmode=verify-full&sslrootcert=/path/ca.crt`.

    Empty sslmode keeps asyncpg's default (prefer: TLS when the server offers it, without verification), which is
    what the local stack on loopback uses; deployments set verify-full and the CA of their database server."""
    if sslmode not in SSL_MODES:
        raise ValueError(f"database sslmode {sslmode!r} is not one of {SSL_MODES[1:]}")
    params = {k: v for k, v in (("sslmode", sslmode), ("sslrootcert", sslrootcert)) if v}
    return "?" + urlencode(params) if params else ""
