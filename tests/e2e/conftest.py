"""Every service as a real process on the test stack, shared by the end-to-end tests."""

import uuid

import httpx
import pytest


@pytest.fixture(scope="session")
def services(stack):
    """Every service and the mail sink as real processes, started once for all end-to-end tests (which run last)."""
    stack.start_services()
    yield stack
    stack.stop_services()


class Caller:
    """Tokens for each role, minted with the test stack's secret."""

    def __init__(self, stack) -> None:
        self.stack = stack

    def headers(self, role: str, *, patron_id: str | None = None, partner_id: str | None = None, **kwargs) -> dict:
        if role == "patron" and patron_id is None:
            patron_id = str(uuid.uuid4())
        if role == "partner" and partner_id is None:
            partner_id = str(uuid.uuid4())
        token = self.stack.token(role, f"test-{role}", patron_id=patron_id, partner_id=partner_id, **kwargs)
        return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="session")
def caller(services) -> Caller:
    return Caller(services)


@pytest.fixture
async def edge(services):
    async with httpx.AsyncClient(base_url=services.config.url("edge"), timeout=15) as client:
        yield client


@pytest.fixture
async def staff(edge, caller):
    edge.headers.update(caller.headers("staff"))
    return edge


@pytest.fixture(scope="session")
def keycloak(services):
    """The identity provider, started only for the sign-in tests that ask for it (others do not pay for it)."""
    return services.start_keycloak()
