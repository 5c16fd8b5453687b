"""The demo partner organization of `make run`: seeded in partners and bound to Keycloak's parker.partner.

Partners chooses its organizations' ids, so the demo organization is found by name (or registered, then made
active) through partners' internal API, and the demo partner contact is bound to whatever id it has. Both steps
do nothing when already done, so every `up` may run them.
"""

import httpx

from lantern_shared.http import INTERNAL_TOKEN_HEADER

from .keycloak import REALM, Keycloak

NAME = "Community Tech Hub"
CONTACT = "parker.partner"
RECORD = {
    "name": NAME, "kind": "community_organization", "email": "hello@community-tech-hub.example.org",
    "description": "A neighbourhood digital-skills centre (the local stack's demo partner organization).",
}


def seed_partner(partners_url: str, internal_token: str) -> str:
    """The demo organization's id in partners, registering and activating it the first time."""
    with httpx.Client(base_url=f"{partners_url}/internal/v1", timeout=30,
                      headers={INTERNAL_TOKEN_HEADER: internal_token, "X-Lantern-Actor": "lantern-stack"}) as api:
        found = api.get("/partners", params={"q": NAME, "limit": 50})
        found.raise_for_status()
        partner = next((p for p in found.json()["items"] if p["name"] == NAME), None)
        if partner is None:
            created = api.post("/partners", json=RECORD)
            created.raise_for_status()
            partner = created.json()
        if partner["status"] != "active":
            api.post(f"/partners/{partner['id']}/status", json={"status": "active"}).raise_for_status()
        return str(partner["id"])


def bind_contact(keycloak: Keycloak, partner_id: str) -> None:
    """parker.partner's `lantern_partner_id` (the token's partner_id claim) names the seeded organization."""
    with keycloak.admin() as admin:
        users = admin.get(f"/{REALM}/users", params={"username": CONTACT, "exact": "true"})
        users.raise_for_status()
        if not users.json():
            return  # the realm was changed by hand: nothing to bind
        user = users.json()[0]
        if (user.get("attributes") or {}).get("lantern_partner_id") == [partner_id]:
            return
        user["attributes"] = {**(user.get("attributes") or {}), "lantern_partner_id": [partner_id]}
        admin.put(f"/{REALM}/users/{user['id']}", json=user).raise_for_status()


def seed(partners_url: str, internal_token: str, keycloak: Keycloak) -> str:
    partner_id = seed_partner(partners_url, internal_token)
    bind_contact(keycloak, partner_id)
    return partner_id
