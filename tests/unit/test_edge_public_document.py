"""The edge's public OpenAPI document says what callers send and get: no internal headers, links between a create
and the operations on what it created, closed maps of language tags; and its problems name public paths."""

import json

from fastapi import FastAPI

from lantern_edge.composed import composed_router
from lantern_edge.openapi import build_openapi
from lantern_edge.routes import forwarding_router
from lantern_edge.upstream import _public_instance


def public_document() -> dict:
    app = FastAPI(title="Lantern API", version="0.1.0")
    app.include_router(composed_router())
    app.include_router(forwarding_router())
    return build_openapi(app)


DOCUMENT = public_document()
OPERATIONS = [(path, method, op) for path, item in DOCUMENT["paths"].items() for method, op in item.items()]


def test_no_public_operation_shows_the_headers_only_the_edge_sends():
    for path, method, op in OPERATIONS:
        headers = {p["name"].lower() for p in op.get("parameters", []) if p["in"] == "header"}
        assert not headers & {"x-lantern-internal-token", "x-lantern-actor"}, f"{method} {path}"


def test_a_create_links_to_the_operations_on_what_it_created():
    created = DOCUMENT["paths"]["/api/v1/programs"]["post"]["responses"]["201"]["links"]
    assert {link["operationId"] for link in created.values()} >= {"get_programs_program_id", "patch_programs_program_id"}
    assert all(link["parameters"] == {"program_id": "$response.body#/id"} for link in created.values())
    registered = DOCUMENT["paths"]["/api/v1/sessions/{session_id}/registrations"]["post"]["responses"]["201"]["links"]
    assert {link["operationId"] for link in registered.values()} >= {"get_registrations_registration_id"}
    ids = {op["operationId"] for _, _, op in OPERATIONS}
    every_link = [link for _, _, op in OPERATIONS for r in op["responses"].values() for link in r.get("links", {}).values()]
    assert every_link and all(link["operationId"] in ids for link in every_link)
    # a one-of sub-resource exists only once made: creating a patron does not lead to revoking their calendar feed
    enrolled = DOCUMENT["paths"]["/api/v1/patrons"]["post"]["responses"]["201"]["links"]
    followed = {link["operationId"] for link in enrolled.values()}
    assert "post_patrons_patron_id_calendar-feed" in followed and "delete_patrons_patron_id_calendar-feed" not in followed


def test_lists_document_their_cursor_and_maps_of_language_tags_are_closed():
    patrons = DOCUMENT["paths"]["/api/v1/patrons"]["get"]["parameters"]
    cursor = next(p for p in patrons if p["name"] == "cursor")
    assert "pattern" in json.dumps(cursor["schema"])
    text = json.dumps(DOCUMENT)
    assert '"patternProperties"' in text
    for node in _walk(DOCUMENT):
        if "patternProperties" in node and "properties" not in node:
            assert node.get("additionalProperties") is False


def test_a_forwarded_problem_names_the_public_path_it_was_called_on():
    internal = json.dumps({"type": "urn:lantern:problem:validation", "status": 422,
                           "instance": "/internal/v1/patrons/42"}).encode()
    assert json.loads(_public_instance(internal, "/api/v1/patrons/42"))["instance"] == "/api/v1/patrons/42"
    assert _public_instance(b"not json", "/api/v1/x") == b"not json"


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def test_every_operation_with_a_body_documents_the_415_for_other_content_types():
    with_body = [(path, method, op) for path, method, op in OPERATIONS if "requestBody" in op]
    assert with_body
    for path, method, op in with_body:
        assert "415" in op["responses"], f"{method} {path}"
