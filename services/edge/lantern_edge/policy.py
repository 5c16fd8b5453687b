"""Who may call what: every public route, the service that owns it, the roles allowed, how callers are confined.

Deny by default: an internal route with no rule here is not reachable from outside. A rule that lets patrons or
partners in must say how they are confined to what is theirs (or say `Unconfined()` on purpose).
"""

from dataclasses import dataclass, field

from .auth import Role
from .confinement import Confinement, OwnBody, OwnPath, OwnQuery, OwnResource, Unconfined

ADMIN, STAFF, PARTNER, PATRON = Role.ADMIN, Role.STAFF, Role.PARTNER, Role.PATRON
STAFF_ONLY = frozenset({ADMIN, STAFF})


@dataclass(frozen=True)
class Rule:
    method: str
    path: str  # public, under /api/v1
    service: str
    roles: frozenset[Role]
    confine: dict[Role, Confinement] = field(default_factory=dict)
    internal: str | None = None  # internal path template; default: the same path under /internal/v1; {self} = caller
    summary: str = ""

    def __post_init__(self) -> None:
        for role in (PATRON, PARTNER):
            if role in self.roles and role not in self.confine:
                raise ValueError(f"{self.method} {self.path}: say how a {role} caller is confined")

    @property
    def internal_path(self) -> str:
        return self.internal or f"/internal/v1{self.path}"

    def access(self, role: Role) -> str:
        if role not in self.roles:
            return "—"
        confinement = self.confine.get(role)
        return confinement.describe() if confinement else "all"


def staff(method: str, path: str, service: str, summary: str = "", **kwargs) -> Rule:
    return Rule(method, path, service, STAFF_ONLY, summary=summary, **kwargs)


RULES: list[Rule] = [
    # ---- patrons (registration) ----
    staff("POST", "/patrons", "registration", "Enroll a patron"),
    Rule("GET", "/patrons/{patron_id}", "registration", frozenset({ADMIN, STAFF, PATRON}),
         {PATRON: OwnPath("patron_id")}, summary="Look up a patron"),
    # ---- borrowers (devices' projection) and recipients (notifications' projection): staff inspection ----
    staff("GET", "/borrowers/{borrower_id}", "devices", "Whether someone may borrow (devices' view)"),
    staff("GET", "/recipients/{recipient_id}", "notifications", "How someone can be reached (no contact points)"),
]

# Internal routes deliberately not exposed at the edge (service-to-service or operator use only).
INTERNAL_ONLY: set[tuple[str, str]] = set()

# Not forwarded one-to-one: composed or answered by the edge itself.
EDGE_ROUTES = [
    Rule("GET", "/me", "edge", frozenset(Role), {PATRON: Unconfined(), PARTNER: Unconfined()},
         summary="Who am I (role and binding)"),
    Rule("GET", "/patrons/{patron_id}/summary", "edge", frozenset({ADMIN, STAFF, PATRON}),
         {PATRON: OwnPath("patron_id")}, summary="A patron's registrations, loans and inbox at a glance"),
]

__all__ = ["EDGE_ROUTES", "INTERNAL_ONLY", "RULES", "Rule", "OwnBody", "OwnPath", "OwnQuery", "OwnResource", "Unconfined"]


def access_table() -> str:
    """The role table for the docs (docs/access.md is generated from this and checked by a test)."""
    roles = [ADMIN, STAFF, PARTNER, PATRON]
    lines = [
        "| method | path | service | " + " | ".join(r.value for r in roles) + " | what |",
        "|---|---|---|" + "---|" * len(roles) + "---|",
    ]
    for rule in sorted([*RULES, *EDGE_ROUTES], key=lambda r: (r.path, r.method)):
        cells = " | ".join(rule.access(r) for r in roles)
        lines.append(f"| {rule.method} | `/api/v1{rule.path}` | {rule.service} | {cells} | {rule.summary} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    from pathlib import Path

    doc = Path(__file__).resolve().parents[3] / "docs" / "access.md"
    doc.write_text(
        "# Who may call what\n\n"
        "Generated from `services/edge/lantern_edge/policy.py` (`uv run python -m lantern_edge.policy`); a test checks\n"
        "it is current, and the end-to-end tests walk it, denials included. `—` means refused (403); `own` means a\n"
        "patron or partner caller is confined to their own patron record or organization.\n\n" + access_table()
    )
    print(doc)
