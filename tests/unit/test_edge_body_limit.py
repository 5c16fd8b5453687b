"""The edge refuses a body over its limit before reading it, as problem details."""

from fastapi.testclient import TestClient

from lantern_edge.app import create_app
from lantern_edge.settings import EdgeSettings


def test_a_body_over_the_limit_is_refused_with_413_before_anything_else():
    settings = EdgeSettings(db_password="x", internal_token="x", jwt_secret="a-test-secret-of-decent-length-0123",
                            max_body_bytes=100)
    client = TestClient(create_app(settings))  # no lifespan: nothing behind the edge is reached
    answer = client.post("/api/v1/patrons", content=b"{" + b" " * 200 + b"}",
                         headers={"content-type": "application/json"})
    assert answer.status_code == 413
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert answer.json()["detail"] == "At most 100 bytes."
