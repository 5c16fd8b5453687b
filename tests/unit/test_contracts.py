"""Event contracts: committed JSON Schemas match the code, changes do not break readers, consumers read what is sent."""

import importlib
import json

import pytest
from pydantic import BaseModel

from lantern_shared import schemas
from lantern_shared.contracts import EventContract, EventData

PUBLISHED = [(s, c) for s in schemas.SERVICES for c in schemas.published(s)]
ALL_COMMITTED = {t: schema for s in schemas.SERVICES for t, schema in schemas.load_committed(s).items()}


@pytest.mark.parametrize("service,contract", PUBLISHED, ids=[c.type for _, c in PUBLISHED])
def test_every_published_event_has_an_up_to_date_committed_schema(service, contract):
    path = schemas.contracts_folder(service) / schemas.file_name(contract)
    assert path.exists(), f"{path.name} missing: run `uv run python -m lantern_shared.schemas write`"
    committed = json.loads(path.read_text())
    current = contract.json_schema()
    broken = schemas.breaking_changes(committed, current)
    assert not broken, f"{contract.type} v{contract.version} changed incompatibly {broken}: publish a new version"
    assert current == committed, f"{path.name} is stale: run `uv run python -m lantern_shared.schemas write`"


def _consumed():
    for service in schemas.SERVICES:
        module = importlib.import_module(f"lantern_{service}.consumers") if importlib.util.find_spec(
            f"lantern_{service}.consumers") else None
        for subscription in module.subscriptions(None) if module else ():
            for event_type, route in subscription.routes.items():
                yield service, event_type, route.model


CONSUMED = [c for c in _consumed() if c[1] in ALL_COMMITTED]


@pytest.mark.parametrize("service,event_type,model", CONSUMED, ids=[f"{s}:{t}" for s, t, _ in CONSUMED])
def test_each_consumer_copy_reads_what_the_producer_sends(service, event_type, model):
    assert schemas.reader_incompatibilities(model, ALL_COMMITTED[event_type]) == []


class Before(EventData):
    patron_id: str
    seats: int
    note: str | None = None


class Removed(EventData):
    seats: int
    note: str | None = None


class Retyped(EventData):
    patron_id: str
    seats: str
    note: str | None = None


class Extended(EventData):
    patron_id: str
    seats: int
    note: str | None = None
    language: str = "en"


def schema_of(model: type[BaseModel]) -> dict:
    return EventContract("lantern.test.changed", model, "lantern.test").json_schema()


def test_removing_or_retyping_a_field_is_a_breaking_change_and_adding_one_is_not():
    assert schemas.breaking_changes(schema_of(Before), schema_of(Removed)) == ["patron_id: removed"]
    assert schemas.breaking_changes(schema_of(Before), schema_of(Retyped))[0].startswith("seats: type changed")
    assert schemas.breaking_changes(schema_of(Before), schema_of(Extended)) == []


def test_a_reader_may_read_an_enum_as_a_plain_string_but_not_as_a_number():
    from typing import Literal

    class Producer(EventData):
        status: Literal["active", "lapsed"]

    class ReadsString(EventData):
        status: str

    class ReadsNumber(EventData):
        status: int

    assert schemas.reader_incompatibilities(ReadsString, schema_of(Producer)) == []
    assert schemas.reader_incompatibilities(ReadsNumber, schema_of(Producer))


def test_a_reader_requiring_a_field_the_producer_does_not_send_is_caught():
    class Reader(EventData):
        patron_id: str
        language: str

    assert schemas.reader_incompatibilities(Reader, schema_of(Before)) == ["language: required by the reader, never sent"]
