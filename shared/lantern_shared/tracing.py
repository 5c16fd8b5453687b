"""Traces across hops (OpenTelemetry): one request followed from the edge through a service, its outbox, Kafka and
the consumers it wakes, to the email at the end. Off unless configured (`otlp_endpoint`), and then nearly free when off.

W3C trace context travels as the `traceparent` HTTP header between the edge and a service, in the CloudEvent's
`traceparent` extension from the transaction that wrote an event (the outbox row keeps it), and as a `traceparent`
Kafka header from the relay's publish span to the consumer. Spans: SERVER per HTTP request, PRODUCER per published
event, CONSUMER per handled event, CLIENT around what leaves the system (an email, a text).
"""

import os
import contextlib
import logging
from collections.abc import Iterator, Mapping

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.trace import Span, SpanKind
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

log = logging.getLogger(__name__)

TRACEPARENT = "traceparent"
_PROPAGATOR = TraceContextTextMapPropagator()
_state = {"on": False}


def configure(service_name: str, otlp_endpoint: str) -> None:
    """Export this process's spans over OTLP/HTTP to `otlp_endpoint` (e.g. http://collector:4318); "" leaves it off."""
    # OpenTelemetry's own variable, as deployments set it (compose, the k8s tracing component), when ours is unset
    otlp_endpoint = otlp_endpoint or os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT", "")
    if not otlp_endpoint:
        return
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    provider = TracerProvider(resource=Resource.create({"service.name": f"lantern-{service_name}"}))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=f"{otlp_endpoint.rstrip('/')}/v1/traces")))
    install(provider)
    log.info("traces exported over OTLP", extra={"endpoint": otlp_endpoint})


def install(provider: trace.TracerProvider) -> None:
    """Trace with `provider` from now on (configure() does it; tests install one with an in-memory exporter)."""
    trace.set_tracer_provider(provider)
    _state["on"] = True


def uninstall() -> None:
    """Stop tracing (the provider stays, unused): what install() turned on in a test, off again after it."""
    _state["on"] = False


def active() -> bool:
    return _state["on"]


def _tracer(component: str) -> trace.Tracer:
    return trace.get_tracer(f"lantern.{component}")


def _parent(traceparent: str | None) -> otel_context.Context | None:
    return _PROPAGATOR.extract({TRACEPARENT: traceparent}) if traceparent else None


@contextlib.contextmanager
def span(name: str, *, kind: SpanKind = SpanKind.INTERNAL, parent: str | None = None, component: str = "service",
         attributes: Mapping[str, str | int] | None = None) -> Iterator[Span | None]:
    """A span, current inside the block: child of `parent` (a traceparent) if given, else of the current span.
    None, and nothing recorded, while tracing is off."""
    if not active():
        yield None
        return
    with _tracer(component).start_as_current_span(name, context=_parent(parent), kind=kind,
                                                  attributes=dict(attributes or {})) as current:
        yield current


def current_traceparent() -> str | None:
    """The current span as a W3C traceparent, for the next hop to continue (None while tracing is off)."""
    if not active():
        return None
    carrier: dict[str, str] = {}
    _PROPAGATOR.inject(carrier)
    return carrier.get(TRACEPARENT)


def kafka_traceparent(headers: object) -> str | None:
    """The `traceparent` header of a Kafka record (the relay's publish span), if it has one."""
    for name, value in headers or ():  # type: ignore[attr-defined]  # aiokafka: a sequence of (str, bytes)
        if name == TRACEPARENT and value:
            return value.decode(errors="replace")
    return None
