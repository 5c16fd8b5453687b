"""The partners service's own metrics (on the service's registry). Labels are bounded: kinds, statuses, outcomes."""

from prometheus_client import CollectorRegistry, Counter, Gauge

from .domain.records import PARTNER_KINDS


class PartnerMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        r = registry
        self.partners = Gauge("lantern_partners_partners", "Partner organizations by kind and partnership status",
                              ["kind", "status"], registry=r)
        self.agreements_active = Gauge("lantern_partners_agreements_active", "Agreements in force, by kind", ["kind"],
                                       registry=r)
        self.records_overdue = Gauge("lantern_partners_directory_records_overdue",
                                     "Directory services not verified within the verification period", registry=r)
        self.devices_on_loan = Gauge("lantern_partners_devices_on_loan_to_partners",
                                     "Devices currently lent to partner organizations", registry=r)
        self.referrals = Counter("lantern_partners_referrals_created_total", "Referrals made", registry=r)
        self.referrals_refused = Counter("lantern_partners_referrals_refused_total",
                                         "Referral requests refused, by reason", ["reason"], registry=r)
        self.referral_outcomes = Counter("lantern_partners_referral_outcomes_total", "Referral outcomes recorded",
                                         ["outcome"], registry=r)
        self.status_changes = Counter("lantern_partners_status_changes_total", "Partnership status changes",
                                      ["to_status"], registry=r)
        self.hsds_imports = Counter("lantern_partners_hsds_imports_total",
                                    "HSDS organizations received, by channel and outcome (applied, unchanged, rejected)",
                                    ["channel", "outcome"], registry=r)
        self.broadcasts = Counter("lantern_partners_broadcasts_requested_total", "Broadcasts requested", ["category"],
                                  registry=r)

    def set_partner_counts(self, counts: list[tuple[str, str, int]]) -> None:
        seen = {(kind, status): n for kind, status, n in counts}
        for kind in {*PARTNER_KINDS, *(k for k, _ in seen)}:
            for status in ("prospect", "active", "lapsed"):
                self.partners.labels(kind, status).set(seen.get((kind, status), 0))
