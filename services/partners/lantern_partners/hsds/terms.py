"""What HSDS export and import share: Lantern's taxonomies, ids derived for things Lantern keeps no id for,
and taxonomy terms written and read."""

from typing import Any
from uuid import UUID, uuid5

NEEDS_TAXONOMY = "lantern-needs"
KIND_TAXONOMY = "lantern-partner-kind"
LANGUAGE_TAXONOMY = "bcp47"
# Ids HSDS wants for things Lantern does not keep ids for (addresses, phones, attributes) are derived from
# their owner's id, so an export is the same document every time and re-importing it changes nothing.
_NS = UUID("6c1f1f0e-9a3b-4a57-9a55-6d0f3a1e2b7c")


def derived_id(*parts: object) -> str:
    return str(uuid5(_NS, ":".join(map(str, parts))))


def term(taxonomy: str, code: str, name: str, link_id: UUID, entity: str) -> dict[str, Any]:
    return {
        "id": derived_id("attribute", link_id, taxonomy, code),
        "link_id": str(link_id),
        "link_type": taxonomy,
        "link_entity": entity,
        "taxonomy_term_id": derived_id("term", taxonomy, code),
        "taxonomy_term": {
            "id": derived_id("term", taxonomy, code), "code": code, "name": name, "description": name, "taxonomy": taxonomy,
        },
    }


def clean(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


def terms(attributes: list[dict[str, Any]], taxonomy: str | None = None, *, as_code: bool = True) -> list[str]:
    """Taxonomy term codes (of one taxonomy, if named); `as_code` folds them into Lantern's code shape."""
    codes = []
    for attribute in attributes or []:
        found = attribute.get("taxonomy_term") or {}
        if taxonomy is not None and found.get("taxonomy") != taxonomy:
            continue
        code = found.get("code") or found.get("name")
        if code:
            codes.append(str(code).strip().lower().replace(" ", "_") if as_code else str(code).strip())
    return codes

