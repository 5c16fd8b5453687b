"""One request followed across the hops: the edge's call to registration, the outbox relay, Kafka, the notifications
consumer and the email are spans of one trace, each the child of the one before (real broker, database, SMTP)."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from lantern_shared import tracing
from tests.integration.conftest import running_service
from tests.integration.notifications.conftest import mail_to, recipient_known
from tests.support import eventually


@pytest.fixture
def spans():
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracing.install(provider)
    try:
        yield exporter, provider.get_tracer("test-edge")
    finally:
        tracing.uninstall()


async def test_a_registration_is_one_trace_from_the_edge_to_the_email(stack, notifications, client, inbox, spans):
    exporter, edge = spans
    address = f"traced-{uuid.uuid4().hex[:8]}@example.org"
    async with running_service(stack, "registration") as (_app, desk):
        patron = (await desk.post("/internal/v1/patrons", json={
            "name": "Ray Chen", "email": address, "preferred_language": "en", "consent_to_contact": True})).json()
        await recipient_known(client, uuid.UUID(patron["id"]))
        program = (await desk.post("/internal/v1/programs", json={
            "kind": "digital_literacy_workshop", "titles": {"en": "Email basics"}, "fallback_language": "en",
            "languages": ["en"], "host": {"kind": "branch", "branch": "Central"}})).json()
        starts = datetime.now(UTC) + timedelta(days=9)
        session = (await desk.post("/internal/v1/sessions", json={
            "program_id": program["id"], "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=2)).isoformat(), "timezone": "America/Chicago",
            "place": {"kind": "branch", "name": "Central, room 2"}, "capacity": 5})).json()
        exporter.clear()

        with edge.start_as_current_span("POST /api/v1/sessions/{id}/registrations", kind=SpanKind.SERVER) as root:
            answer = await desk.post(f"/internal/v1/sessions/{session['id']}/registrations",
                                     json={"patron_id": patron["id"]},
                                     headers={"traceparent": tracing.current_traceparent()})
        assert answer.status_code == 201, answer.text
        [mail] = await mail_to(inbox, address)
        assert mail["Subject"] == "You're registered: Email basics"

        def sent_span():
            return next((s for s in exporter.get_finished_spans() if s.name == "send email registration_confirmed"
                         and s.kind == SpanKind.CLIENT and s.context.trace_id == root.context.trace_id), None)

        send = await eventually(sent_span, what="the email's span")

    by_id = {s.context.span_id: s for s in exporter.get_finished_spans()}
    chain = [send]
    while chain[-1].parent is not None and chain[-1].parent.span_id in by_id:
        chain.append(by_id[chain[-1].parent.span_id])
    kinds = [s.kind for s in chain]
    names = [s.name for s in chain]
    assert kinds == [SpanKind.CLIENT, SpanKind.CONSUMER, SpanKind.PRODUCER, SpanKind.SERVER, SpanKind.SERVER], names
    assert chain[1].name.endswith("process lantern.registration.confirmed"), names
    assert chain[2].name == "publish lantern.registration.registrations", names
    assert chain[3].name == "POST /sessions/{session_id}/registrations", names  # registration's route
    assert chain[-1].context.span_id == root.context.span_id, "the chain does not reach the edge's span"
    assert {s.context.trace_id for s in chain} == {root.context.trace_id}
