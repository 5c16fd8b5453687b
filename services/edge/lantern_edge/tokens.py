"""The edge's own patron tokens: short-lived ES256 access tokens, signed with a key the edge publishes at its JWKS."""

import base64
import hashlib
import json
import logging
import time
import uuid

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

log = logging.getLogger(__name__)
ALGORITHM = "ES256"


def generate_pem() -> str:
    """A new P-256 private key in PEM (the local stack keeps one in its secrets)."""
    key = ec.generate_private_key(ec.SECP256R1())
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


class PatronKeys:
    def __init__(self, issuer: str, audience: str, ttl_s: int, private_pem: str | None) -> None:
        if private_pem is None:
            log.warning("no patron_signing_key set: a key was generated for this process only; "
                        "patron tokens end with it and other edge replicas will not accept them")
            private_pem = generate_pem()
        loaded = serialization.load_pem_private_key(private_pem.encode(), password=None)
        if not isinstance(loaded, ec.EllipticCurvePrivateKey):
            raise ValueError("patron_signing_key must be an EC P-256 private key (PEM)")
        self.private_key: ec.EllipticCurvePrivateKey = loaded
        self.public_jwk = jwt.algorithms.ECAlgorithm.to_jwk(self.private_key.public_key(), as_dict=True)
        self.kid = _thumbprint(self.public_jwk)
        self.public_jwk |= {"kid": self.kid, "use": "sig", "alg": ALGORITHM}
        self.issuer, self.audience, self.ttl_s = issuer, audience, ttl_s

    def issue(self, patron_id: uuid.UUID, *, now: float | None = None) -> str:
        now = int(now or time.time())
        claims = {"iss": self.issuer, "aud": self.audience, "sub": f"patron:{patron_id}", "role": "patron",
                  "patron_id": str(patron_id), "iat": now, "nbf": now, "exp": now + self.ttl_s,
                  "jti": uuid.uuid4().hex}
        return jwt.encode(claims, self.private_key, algorithm=ALGORITHM, headers={"kid": self.kid})

    def public_key(self, kid: str | None):
        return self.private_key.public_key() if kid in (None, self.kid) else None

    def jwks(self) -> dict:
        return {"keys": [self.public_jwk]}


def _thumbprint(jwk: dict) -> str:
    """RFC 7638: the key's id is the hash of its public parts, so every replica with the same key names it alike."""
    canonical = json.dumps({k: jwk[k] for k in ("crv", "kty", "x", "y")}, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(hashlib.sha256(canonical.encode()).digest()).rstrip(b"=").decode()
