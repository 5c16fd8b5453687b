"""The partners service's own refusals, over lantern_shared.refusals."""

from lantern_shared.refusals import Kind, Refusal, conflict


def record_conflict(problems: list[str]) -> Refusal:
    """A partner record whose child ids (HSDS ids are global) already belong to another organization."""
    return conflict("ids_belong_to_another_organization", "; ".join(problems), problems=problems)


def contact_not_of_partner(contact_id: object, partner_name: str) -> Refusal:
    return conflict("contact_not_of_this_partner", f"contact {contact_id} is not one of {partner_name}'s")


def service_not_found(service_id: object) -> Refusal:
    return Refusal(Kind.NOT_FOUND, "not_found", f"No service {service_id} in the directory.")


def not_a_member(list_id: object, partner_id: object) -> Refusal:
    return Refusal(Kind.NOT_FOUND, "not_found", f"Partner {partner_id} is not on list {list_id}.")
