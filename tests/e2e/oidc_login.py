"""Signing in at Keycloak as a person does: the authorization code flow with PKCE, through Keycloak's own login form.

What a backend-for-frontend (the web app) does server-side: send the browser to the authorization endpoint, the
person fills in the form, Keycloak redirects back with a code, the BFF exchanges it (with its client secret and the
PKCE verifier) for tokens. Here httpx plays the browser: it GETs the form, POSTs the credentials to the form's
action and reads the redirect instead of following it.
"""

import base64
import hashlib
import html
import re
import secrets
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

import httpx

CLIENT_ID = "lantern-web"
CLIENT_SECRET = "lantern-web-local-only-secret"  # the local demo realm's; never a real one
REDIRECT_URI = "http://127.0.0.1:18710/auth/callback"


@dataclass
class Tokens:
    access_token: str
    refresh_token: str
    id_token: str


def sign_in(issuer: str, username: str, password: str) -> Tokens:
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    state, nonce = secrets.token_urlsafe(16), secrets.token_urlsafe(16)
    with httpx.Client(timeout=20, follow_redirects=False) as browser:
        form = browser.get(f"{issuer}/protocol/openid-connect/auth", params={
            "client_id": CLIENT_ID, "response_type": "code", "scope": "openid", "redirect_uri": REDIRECT_URI,
            "state": state, "nonce": nonce, "code_challenge": challenge, "code_challenge_method": "S256"})
        assert form.status_code == 200, form.text[:500]
        action = html.unescape(re.search(r'<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"', form.text).group(1))
        # Keycloak marks its cookies Secure; browsers send them to loopback over plain HTTP (a secure context),
        # httpx does not: carry them by hand as a browser would.
        cookie = "; ".join(c.split(";", 1)[0] for c in form.headers.get_list("set-cookie"))
        redirected = browser.post(action, data={"username": username, "password": password, "credentialId": ""},
                                  headers={"Cookie": cookie})
        assert redirected.status_code == 302, f"login form answered {redirected.status_code}: {redirected.text[:300]}"
        back = urlparse(redirected.headers["location"])
        query = parse_qs(back.query)
        assert f"{back.scheme}://{back.netloc}{back.path}" == REDIRECT_URI and query["state"] == [state], back
        exchanged = browser.post(f"{issuer}/protocol/openid-connect/token", auth=(CLIENT_ID, CLIENT_SECRET), data={
            "grant_type": "authorization_code", "code": query["code"][0], "redirect_uri": REDIRECT_URI,
            "code_verifier": verifier})
        assert exchanged.status_code == 200, exchanged.text
        body = exchanged.json()
        return Tokens(body["access_token"], body["refresh_token"], body["id_token"])


def refresh(issuer: str, refresh_token: str) -> httpx.Response:
    return httpx.post(f"{issuer}/protocol/openid-connect/token", auth=(CLIENT_ID, CLIENT_SECRET), timeout=20,
                      data={"grant_type": "refresh_token", "refresh_token": refresh_token})


def sign_out(issuer: str, refresh_token: str) -> httpx.Response:
    """What the BFF does on sign-out: end the session at the IdP (its refresh token names the session)."""
    return httpx.post(f"{issuer}/protocol/openid-connect/logout", auth=(CLIENT_ID, CLIENT_SECRET), timeout=20,
                      data={"refresh_token": refresh_token})
