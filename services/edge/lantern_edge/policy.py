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
    internal: str | None = None  # internal path template; default: the same path under /internal/v1
    summary: str = ""
    self_param: str | None = None  # an internal path parameter the edge fills with the caller's own id (/me routes)
    # A provider's webhook (Twilio): no bearer token, no role; the request goes on as it came, with this header, and
    # the owning service trusts it only if the provider's signature in that header is right.
    signed_by: str | None = None
    # On success the edge ends this path parameter's patron's sign-ins (an erasure: their tokens and links go).
    erases_patron: str | None = None
    # Answered without a token too (no one to confine): the public calendar and directory a visitor reads before
    # signing in, the HSDS 3.0 publication, calendar files and feeds. A caller who sends a token is checked as usual.
    public: bool = False

    def __post_init__(self) -> None:
        if self.public and self.method != "GET":
            raise ValueError(f"{self.method} {self.path}: only reads may be public")
        for role in (PATRON, PARTNER):
            if role in self.roles and role not in self.confine:
                raise ValueError(f"{self.method} {self.path}: say how a {role} caller is confined")

    @property
    def internal_path(self) -> str:
        return self.internal or f"/internal/v1{self.path}"

    def access(self, role: Role) -> str:
        if self.signed_by:
            return "signed"
        if self.public:
            return "public"
        if role not in self.roles:
            return "—"
        confinement = self.confine.get(role)
        return confinement.describe() if confinement else "all"


def staff(method: str, path: str, service: str, summary: str = "", **kwargs) -> Rule:
    return Rule(method, path, service, STAFF_ONLY, summary=summary, **kwargs)


ALL = frozenset(Role)
ADMIN_ONLY = frozenset({ADMIN})
OPEN = {PATRON: Unconfined(), PARTNER: Unconfined()}


def anyone(method: str, path: str, service: str, summary: str = "", **kwargs) -> Rule:
    """Open to every signed-in caller: catalogues and the directory, which hold no one's personal data."""
    return Rule(method, path, service, ALL, dict(OPEN), summary=summary, **kwargs)


def with_patron(method: str, path: str, service: str, confine: Confinement, summary: str = "", **kwargs) -> Rule:
    return Rule(method, path, service, frozenset({ADMIN, STAFF, PATRON}), {PATRON: confine}, summary=summary, **kwargs)


def with_partner(method: str, path: str, service: str, confine: Confinement, summary: str = "", **kwargs) -> Rule:
    return Rule(method, path, service, frozenset({ADMIN, STAFF, PARTNER}), {PARTNER: confine}, summary=summary, **kwargs)


def with_both(method: str, path: str, service: str, patron: Confinement, partner: Confinement, summary: str = "") -> Rule:
    return Rule(method, path, service, ALL, {PATRON: patron, PARTNER: partner}, summary=summary)


def public(path: str, service: str, summary: str = "") -> Rule:
    """A read-only publication anyone may GET without signing in (the HSDS directory, calendar files and feeds a
    calendar app fetches without a token); it holds no one's personal data, or only what an unguessable address names."""
    return Rule("GET", path, service, ALL, dict(OPEN), summary=summary, public=True)


def provider_webhook(path: str, service: str, signature_header: str, summary: str = "") -> Rule:
    """Called by an outside provider, not a person: unauthenticated here, its signature verified by `service`."""
    return Rule("POST", path, service, frozenset(), summary=summary, signed_by=signature_header)


REGISTRATION = "/internal/v1/registrations/{registration_id}"
SERIES_REGISTRATION = "/internal/v1/series-registrations/{registration_id}"
APPOINTMENT_SLOT = "/internal/v1/appointment-slots/{slot_id}"
FEEDBACK = "/internal/v1/feedback/{feedback_id}"
LOAN = "/internal/v1/loans/{loan_id}"
HOLD = "/internal/v1/holds/{hold_id}"
RESERVATION = "/internal/v1/reservations/{reservation_id}"
AGREEMENT = "/internal/v1/agreements/{agreement_id}"
REFERRAL = "/internal/v1/referrals/{referral_id}"
APPLICATION = "/internal/v1/applications/{application_id}"
PROPOSAL = "/internal/v1/proposals/{proposal_id}"
OFFER = "/internal/v1/offers/{offer_id}"
BOOKING = "/internal/v1/space-bookings/{booking_id}"

RULES: list[Rule] = [
    # ---- patrons (registration) ----
    staff("POST", "/patrons", "registration", "Enroll a patron"),
    staff("GET", "/patrons", "registration", "Find patrons (by card number or email)"),
    with_patron("GET", "/patrons/{patron_id}", "registration", OwnPath("patron_id"), "Look up a patron"),
    with_patron("PATCH", "/patrons/{patron_id}", "registration", OwnPath("patron_id"), "Change a patron's details"),
    with_patron("DELETE", "/patrons/{patron_id}", "registration", OwnPath("patron_id"),
                "Erase a patron's personal data (every service follows)", erases_patron="patron_id"),
    with_patron("GET", "/patrons/{patron_id}/incentives", "registration", OwnPath("patron_id"), "Points and milestones"),
    # ---- programs and sessions ----
    staff("POST", "/programs", "registration", "Create a program"),
    public("/programs", "registration", "Programs on offer"),
    public("/programs/{program_id}", "registration", "A program"),
    staff("PATCH", "/programs/{program_id}", "registration", "Change a program"),
    staff("GET", "/programs/{program_id}/report", "registration", "Outcomes report of a program"),
    staff("GET", "/hosts", "registration", "Partner organizations that may host programs"),
    staff("POST", "/sessions", "registration", "Schedule a session"),
    public("/sessions", "registration", "Sessions (filter by program, dates, language, status)"),
    public("/sessions/{session_id}", "registration", "A session with seats left"),
    staff("PATCH", "/sessions/{session_id}", "registration", "Change a session (time, place, capacity)"),
    staff("POST", "/sessions/{session_id}/cancellation", "registration", "Cancel a session (registrants are told)"),
    # ---- registrations, attendance, feedback, incentives ----
    with_patron("POST", "/sessions/{session_id}/registrations", "registration", OwnBody("patron_id"),
                "Register for a session (confirmed, or waitlisted with a position)"),
    with_patron("GET", "/registrations", "registration", OwnQuery("patron_id"), "Registrations"),
    with_patron("GET", "/registrations/{registration_id}", "registration", OwnResource(REGISTRATION, "patron_id"),
                "A registration"),
    with_patron("POST", "/registrations/{registration_id}/cancellation", "registration",
                OwnResource(REGISTRATION, "patron_id"), "Cancel a registration or leave the waitlist"),
    staff("POST", "/sessions/{session_id}/check-ins", "registration", "Check a patron in"),
    staff("GET", "/sessions/{session_id}/attendance", "registration", "Attendance of a session"),
    with_patron("POST", "/sessions/{session_id}/feedback", "registration", OwnBody("patron_id"), "Give feedback"),
    staff("GET", "/sessions/{session_id}/feedback", "registration", "Feedback on a session"),
    with_patron("GET", "/feedback/{feedback_id}", "registration", OwnResource(FEEDBACK, "patron_id"), "A feedback"),
    with_patron("POST", "/feedback/{feedback_id}/follow-up", "registration", OwnResource(FEEDBACK, "patron_id"),
                "Answer the follow-up survey"),
    Rule("GET", "/incentives/milestones", "registration", frozenset({ADMIN, STAFF, PATRON}), {PATRON: Unconfined()},
         summary="Incentive milestones"),
    Rule("PUT", "/incentives/milestones/{code}", "registration", ADMIN_ONLY, summary="Set a milestone"),
    Rule("DELETE", "/incentives/milestones/{code}", "registration", ADMIN_ONLY, summary="Remove a milestone"),
    staff("GET", "/reports/pls", "registration", "Public Libraries Survey figures"),
    # ---- series, registration rules, one-to-one help, calendar feeds (issue 16) ----
    staff("POST", "/series", "registration", "Schedule a recurring series (RRULE, EXDATE)"),
    anyone("GET", "/series", "registration", "Series (filter by program)"),
    anyone("GET", "/series/{series_id}", "registration", "A series with its occurrences"),
    staff("PATCH", "/series/{series_id}", "registration", "Change a series from now on"),
    with_patron("POST", "/series/{series_id}/registrations", "registration", OwnBody("patron_id"),
                "Register for a whole series (a seat in every occurrence, or one place in line)"),
    with_patron("GET", "/series-registrations", "registration", OwnQuery("patron_id"), "Series registrations"),
    with_patron("GET", "/series-registrations/{registration_id}", "registration",
                OwnResource(SERIES_REGISTRATION, "patron_id"), "A series registration"),
    with_patron("POST", "/series-registrations/{registration_id}/cancellation", "registration",
                OwnResource(SERIES_REGISTRATION, "patron_id"), "Give up a whole-series registration"),
    staff("GET", "/programs/{program_id}/no-show-pauses", "registration", "Patrons paused by the no-show policy"),
    staff("DELETE", "/programs/{program_id}/no-show-pauses/{patron_id}", "registration", "Lift a no-show pause"),
    staff("POST", "/appointment-slots", "registration", "Offer a one-to-one help slot"),
    anyone("GET", "/appointment-slots", "registration", "One-to-one help slots (no patron data for others)"),
    anyone("GET", "/appointment-slots/{slot_id}", "registration", "A one-to-one help slot"),
    with_patron("POST", "/appointment-slots/{slot_id}/booking", "registration", OwnBody("patron_id"),
                "Book a one-to-one help slot"),
    with_patron("POST", "/appointment-slots/{slot_id}/booking-cancellation", "registration",
                OwnResource(APPOINTMENT_SLOT, "patron_id"), "Give up a booked slot"),
    staff("POST", "/appointment-slots/{slot_id}/attendance", "registration", "Record whether the patron came"),
    public("/sessions/{session_id}/calendar.ics", "registration", "A session as a calendar file"),
    public("/series/{series_id}/calendar.ics", "registration", "A series as one recurring calendar event"),
    public("/calendar/programs.ics", "registration", "Calendar feed (by program kind, branch, language)"),
    public("/calendar/personal/{feed_token}.ics", "registration",
           "A patron's personal feed (the secret address is the key)"),
    with_patron("POST", "/patrons/{patron_id}/calendar-feed", "registration", OwnPath("patron_id"),
                "Make a new personal feed address (the old one stops)"),
    with_patron("DELETE", "/patrons/{patron_id}/calendar-feed", "registration", OwnPath("patron_id"),
                "Revoke the personal feed address"),
    # ---- devices ----
    staff("POST", "/devices", "devices", "Add a device to the inventory"),
    staff("GET", "/devices", "devices", "Devices (filter by kind, state, branch, emergency pool)"),
    anyone("GET", "/availability", "devices", "How many devices of each kind can be lent now"),
    staff("GET", "/devices/{device_id}", "devices", "A device"),
    staff("PATCH", "/devices/{device_id}", "devices", "Change a device's details"),
    staff("POST", "/devices/{device_id}/state", "devices", "Move a device to another state (audited)"),
    staff("POST", "/devices/{device_id}/wipe", "devices", "Confirm a returned device was wiped"),
    staff("GET", "/devices/{device_id}/history", "devices", "A device's audit trail"),
    staff("POST", "/loans", "devices", "Lend a device (or any available one of a kind)"),
    with_both("GET", "/loans", "devices", OwnQuery("borrower_id"), OwnQuery("borrower_id"), "Loans"),
    staff("POST", "/loans/emergency", "devices", "Lend from the emergency pool in bulk"),
    with_both("GET", "/loans/{loan_id}", "devices", OwnResource(LOAN, "borrower_id"), OwnResource(LOAN, "borrower_id"),
              "A loan"),
    with_both("POST", "/loans/{loan_id}/renew", "devices", OwnResource(LOAN, "borrower_id"),
              OwnResource(LOAN, "borrower_id"), "Renew a loan"),
    staff("POST", "/loans/{loan_id}/return", "devices", "Check a device in (it goes to quarantine)"),
    with_patron("POST", "/holds", "devices", OwnBody("borrower_id"), "Place a hold on a kind of device"),
    with_both("GET", "/holds", "devices", OwnQuery("borrower_id"), OwnQuery("borrower_id"), "Holds"),
    with_patron("GET", "/holds/{hold_id}", "devices", OwnResource(HOLD, "borrower_id"), "A hold"),
    with_patron("DELETE", "/holds/{hold_id}", "devices", OwnResource(HOLD, "borrower_id"), "Cancel a hold"),
    with_partner("GET", "/reservations", "devices", OwnQuery("partner_id"), "Reservations of devices"),
    staff("POST", "/reservations", "devices", "Reserve devices for a partner training"),
    with_partner("GET", "/reservations/{reservation_id}", "devices", OwnResource(RESERVATION, "partner_id"),
                 "A reservation"),
    staff("DELETE", "/reservations/{reservation_id}", "devices", "Release a reservation"),
    staff("GET", "/borrowers/{borrower_id}", "devices", "Whether someone may borrow (devices' view)"),
    staff("PUT", "/borrowers/{borrower_id}/block", "devices", "Block a borrower"),
    staff("DELETE", "/borrowers/{borrower_id}/block", "devices", "Lift a block"),
    # ---- the long-loan programme: applications, the prioritised waiting list, offers ----
    staff("PUT", "/programme-rules/{device_kind}", "devices", "Set a programme's eligibility rules and priority points"),
    anyone("GET", "/programme-rules/{device_kind}", "devices", "A programme's rules (who may apply, its terms)"),
    with_both("POST", "/applications", "devices", OwnBody("patron_id"), OwnBody("referring_partner_id"),
              "Apply for a device (a partner: on someone's behalf, with consent)"),
    # A partner hears of the people it referred only through the notice they agreed to, never by reading the list.
    with_patron("GET", "/applications", "devices", OwnQuery("patron_id"), "Applications"),
    staff("GET", "/applications/waiting-list", "devices", "The waiting list, in the order offers go out"),
    staff("GET", "/applications/report", "devices", "Applications, offers, loans and waits by area, language, referrer"),
    with_patron("GET", "/applications/{application_id}", "devices", OwnResource(APPLICATION, "patron_id"),
                "An application (with its place on the list)"),
    with_patron("DELETE", "/applications/{application_id}", "devices", OwnResource(APPLICATION, "patron_id"),
                "Withdraw an application (an offered unit passes on)"),
    staff("POST", "/offers", "devices", "Offer free units down the waiting list"),
    staff("GET", "/offers", "devices", "Offers"),
    with_patron("GET", "/offers/{offer_id}", "devices", OwnResource(OFFER, "patron_id"), "An offer"),
    staff("POST", "/offers/{offer_id}/acceptance", "devices", "Lend an offered unit at pickup (a programme loan)"),
    # ---- spaces: branches' hours and closures, rooms and creation spaces, bookings (devices lends them) ----
    # Where and when spaces are open is no one's personal data: every signed-in caller may read it to choose a time.
    anyone("GET", "/branches", "devices", "Branches with their time zone and opening hours"),
    anyone("GET", "/branches/{code}", "devices", "A branch with its opening hours"),
    staff("PUT", "/branches/{code}", "devices", "Set a branch's name, time zone and opening hours"),
    anyone("GET", "/branches/{code}/closures", "devices", "Days a branch is closed"),
    staff("POST", "/branches/{code}/closures", "devices", "Close a branch for some days"),
    staff("DELETE", "/branches/{code}/closures/{closure_id}", "devices", "Remove a closure"),
    anyone("GET", "/spaces", "devices", "Rooms and creation spaces (filter by branch, kind, capacity, equipment)"),
    anyone("GET", "/spaces/{space_id}", "devices", "A space"),
    anyone("GET", "/spaces/{space_id}/busy", "devices", "When a space is taken, setup and teardown included (no names)"),
    staff("POST", "/spaces", "devices", "Add a space"),
    staff("PATCH", "/spaces/{space_id}", "devices", "Change or withdraw a space"),
    with_partner("POST", "/space-bookings", "devices", OwnBody("partner_id"),
                 "Book a space (a partner: for its own training class; approval where the space needs it)"),
    with_partner("GET", "/space-bookings", "devices", OwnQuery("partner_id"), "Space bookings"),
    with_partner("GET", "/space-bookings/{booking_id}", "devices", OwnResource(BOOKING, "partner_id"),
                 "A space booking"),
    staff("POST", "/space-bookings/{booking_id}/decision", "devices", "Approve or decline a booking request"),
    with_partner("POST", "/space-bookings/{booking_id}/cancellation", "devices", OwnResource(BOOKING, "partner_id"),
                 "Cancel a booking (the time is free again)"),
    with_partner("GET", "/reports/space-loans", "devices", OwnQuery("partner_id"),
                 "Hours of space loaned to community organizations, by organization and month (Edge benchmarks)"),
    # ---- partners, the directory, agreements, referrals, lists ----
    staff("POST", "/partners", "partners", "Register a partner organization"),
    staff("GET", "/partners", "partners", "Partner organizations"),
    with_partner("GET", "/partners/{partner_id}", "partners", OwnPath("partner_id"), "A partner organization"),
    staff("PUT", "/partners/{partner_id}", "partners", "Replace a partner's record"),
    staff("POST", "/partners/{partner_id}/status", "partners", "Activate or lapse a partnership"),
    with_partner("GET", "/partners/{partner_id}/status-history", "partners", OwnPath("partner_id"),
                 "Partnership status history"),
    staff("POST", "/partners/{partner_id}/agreements", "partners", "Sign an agreement"),
    public("/directory/services", "partners", "Search the referral directory"),
    public("/directory/needs", "partners", "The needs the directory knows"),
    staff("GET", "/directory/overdue", "partners", "Directory records overdue for verification"),
    staff("POST", "/services/{service_id}/verification", "partners", "Record that a service record was verified"),
    staff("GET", "/hsds/organizations", "partners", "Export the directory as HSDS 3.0"),
    Rule("POST", "/hsds/organizations", "partners", ADMIN_ONLY, summary="Import HSDS 3.0 organizations"),
    with_partner("GET", "/hsds/organizations/{partner_id}", "partners", OwnPath("partner_id"),
                 "One organization as HSDS 3.0"),
    with_partner("GET", "/agreements", "partners", OwnQuery("partner_id"), "Agreements"),
    staff("GET", "/agreements/ending-soon", "partners", "Agreements ending soon"),
    with_partner("GET", "/agreements/{agreement_id}", "partners", OwnResource(AGREEMENT, "partner_id"), "An agreement"),
    staff("POST", "/agreements/{agreement_id}/end", "partners", "End an agreement"),
    staff("POST", "/referrals", "partners", "Refer a patron to a partner's service (needs consent)"),
    with_both("GET", "/referrals", "partners", OwnQuery("patron_id"), OwnQuery("partner_id"), "Referrals"),
    with_both("GET", "/referrals/{referral_id}", "partners", OwnResource(REFERRAL, "patron_id"),
              OwnResource(REFERRAL, "partner_id"), "A referral"),
    with_both("POST", "/referrals/{referral_id}/outcome", "partners", OwnResource(REFERRAL, "patron_id"),
              OwnResource(REFERRAL, "partner_id"), "Report a referral's status (the referrer, the partner or the patron)"),
    with_both("GET", "/referrals/{referral_id}/history", "partners", OwnResource(REFERRAL, "patron_id"),
              OwnResource(REFERRAL, "partner_id"), "A referral's status changes and who reported each"),
    # ---- partner self-service: proposed changes to an organization's record, reviewed by staff ----
    with_partner("POST", "/partners/{partner_id}/proposals", "partners", OwnPath("partner_id"),
                 "Propose a change to the organization's record (applied only after staff review)"),
    with_partner("GET", "/proposals", "partners", OwnQuery("partner_id"), "Proposed changes (staff: the review queue)"),
    with_partner("GET", "/proposals/{proposal_id}", "partners", OwnResource(PROPOSAL, "partner_id"), "A proposed change"),
    staff("POST", "/proposals/{proposal_id}/apply", "partners", "Apply a proposed change (assured today, by whom)"),
    staff("POST", "/proposals/{proposal_id}/reject", "partners", "Reject a proposed change, saying why"),
    # ---- the HSDS 3.0 read API for other directories: public, read-only ----
    public("/openreferral/services", "partners", "HSDS 3.0: services (search, taxonomy, organization, modified_after)"),
    public("/openreferral/services/{service_id}", "partners", "HSDS 3.0: a service, fully nested"),
    public("/openreferral/organizations", "partners", "HSDS 3.0: organizations"),
    public("/openreferral/organizations/{organization_id}", "partners", "HSDS 3.0: an organization, fully nested"),
    public("/openreferral/service_at_locations", "partners", "HSDS 3.0: services at locations (postcode, proximity)"),
    public("/openreferral/service_at_locations/{sal_id}", "partners", "HSDS 3.0: a service at a location"),
    public("/openreferral/taxonomies", "partners", "HSDS 3.0: taxonomies"),
    public("/openreferral/taxonomies/{taxonomy_id}", "partners", "HSDS 3.0: a taxonomy"),
    public("/openreferral/taxonomy_terms", "partners", "HSDS 3.0: taxonomy terms"),
    public("/openreferral/taxonomy_terms/{term_id}", "partners", "HSDS 3.0: a taxonomy term"),
    staff("GET", "/patrons/{patron_id}/referral-consent", "partners", "Whether a patron agreed to referrals"),
    staff("POST", "/distribution-lists", "partners", "Create a distribution list"),
    staff("GET", "/distribution-lists", "partners", "Distribution lists"),
    staff("GET", "/distribution-lists/{list_id}", "partners", "A distribution list"),
    staff("PUT", "/distribution-lists/{list_id}/members/{partner_id}", "partners", "Add an organization to a list"),
    staff("DELETE", "/distribution-lists/{list_id}/members/{partner_id}", "partners", "Remove an organization"),
    staff("POST", "/distribution-lists/{list_id}/broadcasts", "partners", "Broadcast to a list, in its languages"),
    staff("GET", "/reports/partnerships", "partners", "Partnerships report (Edge benchmarks)"),
    # ---- notifications ----
    staff("GET", "/recipients/{recipient_id}", "notifications", "How someone can be reached (no contact points)"),
    with_patron("GET", "/recipients/{recipient_id}/preferences", "notifications", OwnPath("recipient_id"),
                "Notification preferences"),
    with_patron("PUT", "/recipients/{recipient_id}/preferences", "notifications", OwnPath("recipient_id"),
                "Change notification preferences"),
    with_patron("GET", "/recipients/{recipient_id}/inbox", "notifications", OwnPath("recipient_id"), "In-app messages"),
    with_patron("POST", "/recipients/{recipient_id}/inbox/{message_id}/read", "notifications", OwnPath("recipient_id"),
                "Mark a message read"),
    with_patron("GET", "/recipients/{recipient_id}/sms-consent", "notifications", OwnPath("recipient_id"),
                "Whether texts were agreed to, when and how"),
    with_patron("PUT", "/recipients/{recipient_id}/sms-consent", "notifications", OwnPath("recipient_id"),
                "Agree to texts at the number on file, or withdraw"),
    provider_webhook("/sms/inbound", "notifications", "X-Twilio-Signature",
                     "Twilio: a text to the library's number (STOP, START, HELP)"),
    provider_webhook("/sms/status/{delivery_id}", "notifications", "X-Twilio-Signature",
                     "Twilio: the delivery status of a text"),
    staff("GET", "/deliveries", "notifications", "Delivery log (status, channel, language, attempts)"),
    staff("GET", "/deliveries/{delivery_id}", "notifications", "One delivery"),
    staff("POST", "/deliveries/{delivery_id}/retry", "notifications", "Send a failed message again"),
    # ---- me: the caller's own things ----
    Rule("GET", "/me/registrations", "registration", frozenset({PATRON}), {PATRON: OwnQuery("patron_id")},
         internal="/internal/v1/registrations", summary="My registrations"),
    Rule("GET", "/me/loans", "devices", frozenset({PATRON, PARTNER}),
         {PATRON: OwnQuery("borrower_id"), PARTNER: OwnQuery("borrower_id")},
         internal="/internal/v1/loans", summary="My loans (a partner: its organization's)"),
    Rule("GET", "/me/appointments", "registration", frozenset({PATRON}), {PATRON: OwnQuery("patron_id")},
         internal="/internal/v1/appointment-slots", summary="My one-to-one help appointments"),
    Rule("GET", "/me/series-registrations", "registration", frozenset({PATRON}), {PATRON: OwnQuery("patron_id")},
         internal="/internal/v1/series-registrations", summary="My whole-series registrations"),
    Rule("GET", "/me/holds", "devices", frozenset({PATRON}), {PATRON: OwnQuery("borrower_id")},
         internal="/internal/v1/holds", summary="My holds"),
    Rule("GET", "/me/inbox", "notifications", frozenset({PATRON}), {PATRON: Unconfined()},
         internal="/internal/v1/recipients/{recipient_id}/inbox", self_param="recipient_id", summary="My in-app messages"),
    Rule("POST", "/me/inbox/{message_id}/read", "notifications", frozenset({PATRON}), {PATRON: Unconfined()},
         internal="/internal/v1/recipients/{recipient_id}/inbox/{message_id}/read", self_param="recipient_id",
         summary="Mark one of my messages read"),
    Rule("GET", "/me/preferences", "notifications", frozenset({PATRON}), {PATRON: Unconfined()},
         internal="/internal/v1/recipients/{recipient_id}/preferences", self_param="recipient_id",
         summary="My notification preferences"),
    Rule("PUT", "/me/preferences", "notifications", frozenset({PATRON}), {PATRON: Unconfined()},
         internal="/internal/v1/recipients/{recipient_id}/preferences", self_param="recipient_id",
         summary="Change my notification preferences"),
    Rule("GET", "/me/referrals", "partners", frozenset({PATRON, PARTNER}),
         {PATRON: OwnQuery("patron_id"), PARTNER: OwnQuery("partner_id")},
         internal="/internal/v1/referrals", summary="My referrals (a partner: those to its organization)"),
    Rule("GET", "/me/agreements", "partners", frozenset({PARTNER}), {PARTNER: OwnQuery("partner_id")},
         internal="/internal/v1/agreements", summary="My organization's agreements"),
]

# Internal routes deliberately not exposed at the edge.
INTERNAL_ONLY: set[tuple[str, str]] = {
    # the same erasure as DELETE /patrons/{patron_id}, kept for callers that cannot send DELETE
    ("POST", "/internal/v1/patrons/{patron_id}/erasure"),
    # the edge's own guest sign-in sends codes through it (POST /auth/guest/code); nobody else may mail codes
    ("POST", "/internal/v1/sign-in-codes"),
    # every service's part of a patron's export; the edge gathers them (GET /patrons/{patron_id}/export)
    ("GET", "/internal/v1/privacy/patrons/{patron_id}"),
}

# Not forwarded one-to-one: composed or answered by the edge itself.
EDGE_ROUTES = [
    Rule("GET", "/me", "edge", frozenset(Role), {PATRON: Unconfined(), PARTNER: Unconfined()},
         summary="Who am I (role and binding)"),
    Rule("GET", "/patrons/{patron_id}/summary", "edge", frozenset({ADMIN, STAFF, PATRON}),
         {PATRON: OwnPath("patron_id")}, summary="A patron's registrations, loans and inbox at a glance"),
    Rule("GET", "/patrons/{patron_id}/export", "edge", frozenset({ADMIN, STAFF, PATRON}),
         {PATRON: OwnPath("patron_id")},
         summary="Everything Lantern holds about a patron, from every service, as one JSON document"),
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
        "patron or partner caller is confined to their own patron record or organization; `signed` means no token at\n"
        "all: a provider's webhook, which the owning service accepts only with the provider's valid signature;\n"
        "`public` means anyone, signed in or not (read-only publications: the HSDS 3.0 directory, calendar files and feeds).\n\n"
        + access_table()
    )
    print(doc)
