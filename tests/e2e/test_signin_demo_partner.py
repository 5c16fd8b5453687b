"""`make run`'s demo partner contact (Keycloak's parker.partner) is bound to an organization that exists in partners."""

from lantern_devstack import demo
from tests.e2e.oidc_login import sign_in

PARTNER = ("parker.partner", "lantern-partner-demo")
REALM_PLACEHOLDER = "5d1c2b7e-3f4a-4c8e-9a6b-1e2f3a4b5c6d"  # the realm file's id, which the test stack keeps


async def test_the_demo_partner_contact_signs_in_to_the_seeded_organization(edge, services, keycloak):
    partner_id = demo.seed_partner(services.config.url("partners"), services.secrets["internal_token"])
    assert demo.seed_partner(services.config.url("partners"), services.secrets["internal_token"]) == partner_id
    try:
        demo.seed(services.config.url("partners"), services.secrets["internal_token"], keycloak)
        demo.bind_contact(keycloak, partner_id)  # again: nothing changes
        bearer = {"Authorization": f"Bearer {sign_in(keycloak.issuer, *PARTNER).access_token}"}
        me = (await edge.get("/api/v1/me", headers=bearer)).json()
        assert me["role"] == "partner" and me["partner_id"] == partner_id
        own = await edge.get(f"/api/v1/partners/{partner_id}", headers=bearer)
        assert own.status_code == 200, own.text
        assert own.json()["name"] == demo.NAME and own.json()["status"] == "active"
    finally:
        demo.bind_contact(keycloak, REALM_PLACEHOLDER)  # the other sign-in tests expect the realm file's binding
