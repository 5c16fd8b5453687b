"""The outreach programme's own metrics, on the service's registry. Labels are bounded: never an id."""

from prometheus_client import CollectorRegistry, Counter, Gauge


class OutreachMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        r = registry
        self.registrations = Counter(
            "lantern_registration_registrations_total",
            "Registration outcomes (confirmed, waitlisted, promoted, cancelled) by program kind",
            ["program_kind", "outcome"], registry=r,
        )
        self.seats_scheduled = Counter(
            "lantern_registration_seats_scheduled_total", "Seats offered by sessions when scheduled or enlarged",
            ["program_kind"], registry=r,
        )
        self.seats_offered = Gauge(
            "lantern_registration_upcoming_seats_offered", "Seats offered by sessions still to come", registry=r
        )
        self.seats_filled = Gauge(
            "lantern_registration_upcoming_seats_filled", "Confirmed seats in sessions still to come", registry=r
        )
        self.waitlist_length = Gauge(
            "lantern_registration_waitlist_length", "Patrons waitlisted for sessions still to come", registry=r
        )
        self.attendance = Counter(
            "lantern_registration_attendance_total", "Check-ins recorded, by method (staff, kiosk)",
            ["program_kind", "method"], registry=r,
        )
        self.no_shows = Counter(
            "lantern_registration_no_shows_total", "Confirmed registrants marked no-show after a session ended",
            ["program_kind"], registry=r,
        )
        self.scans = Counter(
            "lantern_registration_checkin_scans_total",
            "Kiosk and scanner scans by outcome (recorded, already_checked_in, repeated_scan, unknown_patron, "
            "unknown_session, session_cancelled)",
            ["outcome"], registry=r,
        )
        self.sessions = Counter(
            "lantern_registration_sessions_total", "Session lifecycle transitions (scheduled, cancelled, completed, "
            "equipment_ready, equipment_shortfall)", ["program_kind", "transition"], registry=r,
        )
        self.feedback = Counter(
            "lantern_registration_feedback_total", "Feedback forms received", ["program_kind"], registry=r
        )
        self.incentives = Counter(
            "lantern_registration_incentives_earned_total", "Incentive milestones earned", ["milestone"], registry=r
        )
