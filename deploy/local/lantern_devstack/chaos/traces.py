"""A trace collector for the chaos run: every service exports its spans here over OTLP/HTTP (protobuf), and the
run checks that a sample of registrations made through the edge are whole traces, edge to email.

The sample's requests carry a `traceparent` of the run's own making, so their traces are found by id.
"""

import gzip
import secrets
import threading
import uuid
from collections import defaultdict
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)

from .checks import Check, check

# The hops of one registration, in order from the edge (OTLP span kinds: 2 server, 3 client, 4 producer, 5 consumer).
HOPS = (("edge", 2), ("registration", 2), ("publish", 4), ("notifications", 5), ("email", 3))


@dataclass(frozen=True)
class SpanSeen:
    trace_id: str
    span_id: str
    parent_id: str
    name: str
    kind: int
    service: str


class Collector:
    """OTLP/HTTP on 127.0.0.1:`port`, keeping every span it is sent, by trace id."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.spans: dict[str, list[SpanSeen]] = defaultdict(list)
        self._lock = threading.Lock()
        collector = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                if self.headers.get("content-encoding") == "gzip":
                    body = gzip.decompress(body)
                collector.take(ExportTraceServiceRequest.FromString(body))
                answer = ExportTraceServiceResponse().SerializeToString()
                self.send_response(200)
                self.send_header("content-type", "application/x-protobuf")
                self.send_header("content-length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *_: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, name="otlp-collector", daemon=True)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def take(self, request: ExportTraceServiceRequest) -> None:
        with self._lock:
            for resource in request.resource_spans:
                service = next((a.value.string_value for a in resource.resource.attributes
                                if a.key == "service.name"), "?")
                for scope in resource.scope_spans:
                    for s in scope.spans:
                        self.spans[s.trace_id.hex()].append(SpanSeen(
                            s.trace_id.hex(), s.span_id.hex(), s.parent_span_id.hex(), s.name, s.kind, service))

    def chain(self, trace_id: str) -> list[SpanSeen]:
        """From the email's span up through its parents: [email, consumer, publish, registration, edge] when whole."""
        with self._lock:
            spans = list(self.spans.get(trace_id, []))
        by_id = {s.span_id: s for s in spans}
        email = next((s for s in spans if s.kind == 3 and s.name.startswith("send email")), None)
        chain = [email] if email else []
        while chain and chain[-1].parent_id in by_id:
            chain.append(by_id[chain[-1].parent_id])
        return chain


def otlp_env(endpoint: str) -> dict[str, str]:
    from ..stack import ALL_SERVICES

    return {f"LANTERN_{s.upper()}_OTLP_ENDPOINT": endpoint for s in ALL_SERVICES}


async def register_traced(client: httpx.AsyncClient, session_id: str, patron_id: str) -> tuple[str, httpx.Response]:
    """A registration through the edge under a trace id of our own; (trace id, answer)."""
    trace_id = secrets.token_hex(16)
    answer = await client.post(f"/api/v1/sessions/{session_id}/registrations", json={"patron_id": patron_id},
                               headers={"Idempotency-Key": uuid.uuid4().hex,
                                        "traceparent": f"00-{trace_id}-{secrets.token_hex(8)}-01"})
    return trace_id, answer


def traces_complete(collector: Collector, sample: list[str]) -> Check:
    problems = []
    for trace_id in sample:
        chain = collector.chain(trace_id)
        kinds = [s.kind for s in reversed(chain)]
        if kinds != [kind for _, kind in HOPS]:
            seen = [f"{s.service}:{s.name}" for s in collector.spans.get(trace_id, [])]
            problems.append(f"trace {trace_id}: edge-to-email chain {kinds or 'missing'}; spans seen {seen}")
    return check("traces are whole for a sample of registrations (edge → registration → relay → Kafka → "
                 "notifications → email)", problems if sample else ["no sample was taken"],
                 f"{len(sample) - len(problems)}/{len(sample)} whole, {sum(map(len, collector.spans.values()))} "
                 f"spans collected in {len(collector.spans)} traces")
