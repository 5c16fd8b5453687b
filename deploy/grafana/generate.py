"""Writes Lantern's Grafana dashboards (deploy/grafana/dashboards/*.json) from the definitions below.

    python3 deploy/grafana/generate.py          # rewrite the JSON files
    python3 deploy/grafana/generate.py --check  # fail if the committed JSON differs (tests/unit/ops runs this)

Edit this file, not the JSON: every panel's PromQL is here, next to the metric it reads. Rules the queries follow
(docs/operations.md#metrics):
- counters are summed across instances (each instance counts what it did itself);
- gauges that mirror a database or the broker (outbox backlog and age, consumer lag, the outreach gauges) are the
  same from every instance, so they are aggregated with `max by (...)` over instances first, never summed;
- a panel that would show "No data" when nothing bad happened (dead letters, retries, job failures) ends with
  `or on() vector(0)`, so a zero is a zero and an empty panel means the metric is missing.
Standard library only.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

OUT = Path(__file__).resolve().parent / "dashboards"
DATASOURCE = {"type": "prometheus", "uid": "lantern-prometheus"}
RATE = "$__rate_interval"


@dataclass
class Panel:
    title: str
    targets: list[tuple[str, str]]  # (expr, legend)
    kind: str = "timeseries"  # timeseries | stat | bargauge | table
    unit: str = "short"
    width: int = 12
    height: int = 8
    description: str = ""
    stack: bool = False
    instant: bool = False
    mappings: list[dict] = field(default_factory=list)
    thresholds: list[tuple[float | None, str]] | None = None
    decimals: int | None = None


@dataclass
class Row:
    title: str
    panels: list[Panel]


def _panel_json(panel: Panel, pid: int, x: int, y: int) -> dict:
    targets = []
    for i, (expr, legend) in enumerate(panel.targets):
        t = {"refId": chr(ord("A") + i), "datasource": DATASOURCE, "expr": expr, "legendFormat": legend,
             "range": not panel.instant, "instant": panel.instant}
        if panel.kind == "table":
            t["format"] = "table"
        targets.append(t)
    steps = [{"color": "green", "value": None}]
    if panel.thresholds:
        steps = [{"color": color, "value": value} for value, color in panel.thresholds]
    defaults: dict = {"unit": panel.unit, "mappings": panel.mappings,
                      "thresholds": {"mode": "absolute", "steps": steps}, "color": {"mode": "palette-classic"}}
    if panel.decimals is not None:
        defaults["decimals"] = panel.decimals
    if panel.kind == "timeseries":
        defaults["custom"] = {"drawStyle": "line", "lineWidth": 1, "fillOpacity": 10, "showPoints": "never",
                              "spanNulls": True, "stacking": {"mode": "normal" if panel.stack else "none"}}
    if panel.kind in ("stat", "bargauge") and panel.thresholds:
        defaults["color"] = {"mode": "thresholds"}
    options: dict = {}
    if panel.kind == "timeseries":
        options = {"legend": {"displayMode": "table", "placement": "bottom", "calcs": ["lastNotNull", "max"]},
                   "tooltip": {"mode": "multi", "sort": "desc"}}
    elif panel.kind == "stat":
        options = {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                   "colorMode": "background" if panel.thresholds else "value", "graphMode": "none",
                   "textMode": "auto", "justifyMode": "auto", "orientation": "auto"}
    elif panel.kind == "bargauge":
        options = {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                   "orientation": "horizontal", "displayMode": "gradient", "showUnfilled": True}
    elif panel.kind == "table":
        options = {"showHeader": True}
    out = {
        "id": pid, "type": panel.kind, "title": panel.title, "description": panel.description,
        "datasource": DATASOURCE, "gridPos": {"h": panel.height, "w": panel.width, "x": x, "y": y},
        "targets": targets, "fieldConfig": {"defaults": defaults, "overrides": []}, "options": options,
    }
    if panel.kind == "table":
        out["transformations"] = [{"id": "merge", "options": {}},
                                  {"id": "organize", "options": {"excludeByName": {"Time": True}}}]
    return out


def dashboard(uid: str, title: str, description: str, rows: list[Row], *, service_variable: bool = True,
              time_from: str = "now-6h") -> dict:
    panels: list[dict] = []
    pid, y = 1, 0
    for row in rows:
        panels.append({"id": pid, "type": "row", "title": row.title, "collapsed": False,
                       "gridPos": {"h": 1, "w": 24, "x": 0, "y": y}, "panels": []})
        pid, y, x, row_h = pid + 1, y + 1, 0, 0
        for panel in row.panels:
            if x + panel.width > 24:
                x, y, row_h = 0, y + row_h, 0
            panels.append(_panel_json(panel, pid, x, y))
            pid, x, row_h = pid + 1, x + panel.width, max(row_h, panel.height)
        y += row_h
    variables = []
    if service_variable:
        variables.append({
            "name": "service", "label": "Service", "type": "query", "datasource": DATASOURCE,
            "query": {"query": 'label_values(up{job="lantern"}, service)', "refId": "service"},
            "definition": 'label_values(up{job="lantern"}, service)',
            "includeAll": True, "multi": True, "allValue": ".*", "refresh": 2, "sort": 1,
            "current": {"selected": True, "text": ["All"], "value": ["$__all"]},
        })
    return {
        "uid": uid, "title": title, "description": description, "tags": ["lantern"], "timezone": "browser",
        "editable": True, "graphTooltip": 1, "schemaVersion": 39, "version": 1, "refresh": "30s",
        "time": {"from": time_from, "to": "now"}, "fiscalYearStartMonth": 0, "liveNow": False,
        "annotations": {"list": [{
            "name": "Alerts", "datasource": DATASOURCE, "enable": True, "iconColor": "red",
            "expr": 'ALERTS{alertstate="firing", alertname=~"Lantern.*"}', "step": "60s",
            "titleFormat": "{{alertname}}", "textFormat": "{{service}} {{summary}}",
        }]},
        "links": [
            {"title": "Service health", "type": "link", "url": "/d/lantern-service-health", "icon": "dashboard"},
            {"title": "Event backbone", "type": "link", "url": "/d/lantern-event-backbone", "icon": "dashboard"},
            {"title": "Outreach", "type": "link", "url": "/d/lantern-outreach", "icon": "dashboard"},
        ],
        "templating": {"list": variables},
        "panels": panels,
    }


S = 'service=~"$service"'
NOT_OPS_ROUTES = 'route!~"/metrics|/health/.*"'
UP_MAPPING = [{"type": "value", "options": {"0": {"text": "DOWN", "color": "red"}, "1": {"text": "UP", "color": "green"}}}]


def zero(expr: str) -> str:
    return f"{expr} or on() vector(0)"


# ------------------------------------------------------------------------------------------- service health
def service_health() -> dict:
    rows = [
        Row("Up and ready", [
            Panel("Instances up", [(f'sum by (service) (up{{job="lantern", {S}}})', "{{service}}")], kind="stat",
                  width=8, height=5, instant=True, thresholds=[(None, "red"), (1, "green")],
                  description="Targets Prometheus scraped successfully, per service (up). 0 = down: see LanternServiceDown."),
            Panel("Dependencies reachable", [
                (f"min by (service, dependency) (lantern_dependency_up{{{S}}})", "{{service}} → {{dependency}}")],
                kind="stat", width=16, height=5, instant=True, mappings=UP_MAPPING, thresholds=[(None, "red"), (1, "green")],
                description="What each service's last readiness check found (lantern_dependency_up): database, kafka; "
                            "for the edge its database and each upstream service."),
        ]),
        Row("Rate", [
            Panel("Requests per second", [
                (f"sum by (service) (rate(lantern_http_requests_total{{{S}}}[{RATE}]))", "{{service}}")], unit="reqps",
                description="lantern_http_requests_total, all routes including /metrics and /health."),
            Panel("Requests per second by status", [
                (f"sum by (service, status) (rate(lantern_http_requests_total{{{S}, {NOT_OPS_ROUTES}}}[{RATE}]))",
                 "{{service}} {{status}}")], unit="reqps", stack=True),
        ]),
        Row("Errors", [
            Panel("5xx ratio", [
                (f'(sum by (service) (rate(lantern_http_requests_total{{{S}, status=~"5..", {NOT_OPS_ROUTES}}}[{RATE}]))'
                 f" or sum by (service) (rate(lantern_http_requests_total{{{S}, {NOT_OPS_ROUTES}}}[{RATE}])) * 0)"
                 f" / sum by (service) (rate(lantern_http_requests_total{{{S}, {NOT_OPS_ROUTES}}}[{RATE}]))", "{{service}}")],
                unit="percentunit", description="Share of requests answered 5xx, health and metrics routes left out "
                                                "(a 503 from /health/ready is LanternDependencyDown's business). "
                                                "Alert LanternHighErrorRate above 5%."),
            Panel("4xx and 5xx by route", [
                (zero(f'sum by (service, method, route, status) (rate(lantern_http_requests_total{{{S}, status=~"[45].."}}[{RATE}]))'),
                 "{{service}} {{method}} {{route}} {{status}}")], unit="reqps",
                description="Client errors (4xx: refused, not found, conflicts) and server errors (5xx) by route template."),
        ]),
        Row("Duration", [
            Panel("p95 latency by service", [
                (f"histogram_quantile(0.95, sum by (service, le) (rate(lantern_http_request_duration_seconds_bucket{{{S}, {NOT_OPS_ROUTES}}}[{RATE}])))",
                 "{{service}}")], unit="s", description="Alert LanternHighLatency above 1 s for 15 minutes."),
            Panel("p50 / p95 / p99 (selected services)", [
                (f"histogram_quantile({q}, sum by (le) (rate(lantern_http_request_duration_seconds_bucket{{{S}, {NOT_OPS_ROUTES}}}[{RATE}])))",
                 f"p{int(q * 100)}") for q in (0.5, 0.95, 0.99)], unit="s"),
            Panel("Slowest routes (p95, top 10)", [
                (f"topk(10, histogram_quantile(0.95, sum by (service, method, route, le) (rate(lantern_http_request_duration_seconds_bucket{{{S}, {NOT_OPS_ROUTES}}}[{RATE}]))))",
                 "{{service}} {{method}} {{route}}")], unit="s", width=24),
        ]),
        Row("Work behind the API", [
            Panel("Events applied per second", [
                (f'sum by (service) (rate(lantern_events_handled_total{{{S}, outcome="applied"}}[{RATE}]))', "{{service}}")],
                unit="ops", width=8),
            Panel("Outbox backlog", [(f"max by (service) (lantern_outbox_backlog{{{S}}})", "{{service}}")], width=8),
            Panel("Periodic job failures (1h)", [
                (zero(f"sum by (service, task) (increase(lantern_job_failures_total{{{S}}}[1h]))"),
                 "{{service}} {{task}}")], width=8,
                description="lantern_job_failures_total, by task."),
        ]),
    ]
    return dashboard("lantern-service-health", "Lantern · Service health (RED)",
                     "Rate, errors and duration of every Lantern service's HTTP API, and whether each is up and ready.",
                     rows)


# ------------------------------------------------------------------------------------------- event backbone
def event_backbone() -> dict:
    lag = "max by (group, topic, partition) (lantern_consumer_lag)"
    rows = [
        Row("At a glance", [
            Panel("Oldest unpublished event", [(f"max(lantern_outbox_oldest_unsent_age_seconds{{{S}}})", "")], kind="stat",
                  unit="s", width=6, height=5, instant=True, thresholds=[(None, "green"), (60, "orange"), (300, "red")],
                  description="Across services. Alert LanternOutboxStuck above 5 minutes."),
            Panel("Events waiting in outboxes", [(f"sum(max by (service) (lantern_outbox_backlog{{{S}}}))", "")], kind="stat",
                  width=6, height=5, instant=True, thresholds=[(None, "green"), (100, "orange"), (500, "red")]),
            Panel("Consumer lag (all groups)", [(f"sum({lag})", "")], kind="stat", width=6, height=5, instant=True,
                  thresholds=[(None, "green"), (100, "orange"), (1000, "red")]),
            Panel("Dead-lettered (24h)", [(zero(
                f"sum(clamp_min(lantern_dlq_events_total{{{S}}} - lantern_dlq_events_total{{{S}}} offset 24h, 0)"
                f" or (lantern_dlq_events_total{{{S}}} unless lantern_dlq_events_total{{{S}}} offset 24h))"), "")], kind="stat",
                  width=6, height=5, instant=True, decimals=0, thresholds=[(None, "green"), (1, "red")],
                  description="Events sent to lantern.<service>.dlq. See LanternDeadLetters."),
        ]),
        Row("Consuming", [
            Panel("Events per second by outcome", [
                (f"sum by (service, outcome) (rate(lantern_events_handled_total{{{S}}}[{RATE}]))", "{{service}} {{outcome}}")],
                unit="ops", stack=True,
                description="applied, duplicate (inbox skipped a redelivery), ignored (a type the subscription does not need), dead_lettered."),
            Panel("Events per second by subscription", [
                (f"sum by (service, subscription) (rate(lantern_events_handled_total{{{S}}}[{RATE}]))",
                 "{{service}}/{{subscription}}")], unit="ops"),
            Panel("Time to apply an event (p95)", [
                (f"histogram_quantile(0.95, sum by (service, subscription, le) (rate(lantern_event_handling_seconds_bucket{{{S}}}[{RATE}])))",
                 "{{service}}/{{subscription}}")], unit="s"),
            Panel("Transient retries and inbox duplicates", [
                (zero(f"sum by (service, subscription) (rate(lantern_event_retries_total{{{S}}}[{RATE}]))"),
                 "retries {{service}}/{{subscription}}"),
                (zero(f"sum by (service, subscription) (rate(lantern_inbox_duplicates_total{{{S}}}[{RATE}]))"),
                 "duplicates {{service}}/{{subscription}}")], unit="ops",
                description="Retries: the database (or another transient cause) failed and the event is tried again; "
                            "the partition waits. Duplicates: redeliveries recognised by the inbox and skipped."),
        ]),
        Row("Consumer lag", [
            Panel("Lag by group and topic", [(f"sum by (group, topic) ({lag})", "{{group}} ← {{topic}}")],
                  description="Events on the topic not yet committed by the group, read from the broker "
                              "(every instance reports the same value: max, not sum)."),
            Panel("Lag by partition (top 10)", [(f"topk(10, {lag})", "{{group}} ← {{topic}}[{{partition}}]")],
                  description="One partition lagging alone: its consumer is stuck on one event (see LanternConsumerStalled)."),
        ]),
        Row("Outbox (publishing)", [
            Panel("Outbox backlog", [(f"max by (service) (lantern_outbox_backlog{{{S}}})", "{{service}}")], width=8),
            Panel("Oldest unpublished event age", [(f"max by (service) (lantern_outbox_oldest_unsent_age_seconds{{{S}}})", "{{service}}")],
                  unit="s", width=8),
            Panel("Published and failed per second", [
                (f"sum by (service) (rate(lantern_outbox_published_total{{{S}}}[{RATE}]))", "published {{service}}"),
                (f"sum by (service) (rate(lantern_outbox_publish_failures_total{{{S}}}[{RATE}]))", "failed batches {{service}}")],
                unit="ops", width=8),
        ]),
        Row("Dead letters", [
            Panel("Dead-lettered since each instance started, by subscription and reason", [
                (zero(f"sum by (service, subscription, reason) (lantern_dlq_events_total{{{S}}})"),
                 "{{service}}/{{subscription}} {{reason}}")], width=24, decimals=0,
                description="Poison events (malformed, unknown type, wrong schema, refused by the handler), counted "
                            "since each instance started: a step up is a new dead letter. A series is born with its "
                            "first dead letter, so increase() would miss that one; the raw count does not. "
                            "Runbook: docs/operations.md#dead-letters-and-replay."),
        ]),
        Row("FastStream (Kafka client)", [
            Panel("Messages received per second by handler", [
                (f'sum by (app_name, handler) (rate(faststream_received_messages_total{{app_name=~"$service"}}[{RATE}]))',
                 "{{app_name}} {{handler}}")], unit="ops", width=8),
            Panel("Processing exceptions", [
                (zero(f'sum by (app_name, handler, exception_type) (rate(faststream_received_processed_messages_exceptions_total{{app_name=~"$service"}}[{RATE}]))'),
                 "{{app_name}} {{handler}} {{exception_type}}")], unit="ops", width=8),
            Panel("Messages in process", [
                ('sum by (app_name) (faststream_received_messages_in_process{app_name=~"$service"})', "{{app_name}}")],
                width=8),
        ]),
    ]
    return dashboard("lantern-event-backbone", "Lantern · Event backbone",
                     "Kafka consumption, consumer lag, the transactional outbox and dead letters of every Lantern service.",
                     rows)


# ------------------------------------------------------------------------------------------------- outreach
def outreach() -> dict:
    rng = "$__range"
    rows = [
        Row("Registrations", [
            Panel("Upcoming seats filled", [
                ("max(lantern_registration_upcoming_seats_filled) / max(lantern_registration_upcoming_seats_offered)", "")],
                kind="stat", unit="percentunit", width=6, height=5, instant=True,
                description="Confirmed seats over seats offered, in sessions still to come."),
            Panel("Upcoming seats", [("max(lantern_registration_upcoming_seats_filled)", "filled"),
                                     ("max(lantern_registration_upcoming_seats_offered)", "offered"),
                                     ("max(lantern_registration_waitlist_length)", "waitlisted")],
                  kind="stat", width=10, height=5, instant=True),
            Panel("Registrations in range", [("sum(increase(lantern_registration_registrations_total[$__range]))", "")],
                  kind="stat", width=8, height=5, instant=True, decimals=0),
            Panel("Registrations by program kind and outcome", [
                ("sum by (program_kind, outcome) (increase(lantern_registration_registrations_total[$__range]))",
                 "{{program_kind}} {{outcome}}")], kind="bargauge", width=12, instant=True, decimals=0),
            Panel("Registrations per hour by outcome", [
                ("sum by (outcome) (increase(lantern_registration_registrations_total[1h]))", "{{outcome}}")], width=12),
            Panel("Attendance (check-ins) by program kind and method", [
                (f"sum by (program_kind, method) (increase(lantern_registration_attendance_total[{rng}]))",
                 "{{program_kind}} {{method}}")], kind="bargauge", width=8, instant=True, decimals=0),
            Panel("No-shows by program kind", [
                (zero(f"sum by (program_kind) (increase(lantern_registration_no_shows_total[{rng}]))"), "{{program_kind}}")],
                kind="bargauge", width=8, instant=True, decimals=0),
            Panel("Kiosk and scanner scans by outcome", [
                (zero(f"sum by (outcome) (increase(lantern_registration_checkin_scans_total[{rng}]))"), "{{outcome}}")],
                kind="bargauge", width=8, instant=True, decimals=0),
            Panel("Sessions by transition", [
                (f"sum by (program_kind, transition) (increase(lantern_registration_sessions_total[{rng}]))",
                 "{{program_kind}} {{transition}}")], kind="bargauge", width=8, instant=True, decimals=0),
            Panel("Feedback received by program kind", [
                (zero(f"sum by (program_kind) (increase(lantern_registration_feedback_total[{rng}]))"), "{{program_kind}}")],
                kind="bargauge", width=8, instant=True, decimals=0),
            Panel("Incentive milestones earned", [
                (zero(f"sum by (milestone) (increase(lantern_registration_incentives_earned_total[{rng}]))"), "{{milestone}}")],
                kind="bargauge", width=8, instant=True, decimals=0),
        ]),
        Row("Devices", [
            Panel("Loans overdue", [("sum(max by (kind, borrower_kind) (lantern_devices_loans_overdue))", "")], kind="stat",
                  width=6, height=5, instant=True, thresholds=[(None, "green"), (1, "orange"), (10, "red")],
                  description="Business signal (LanternOverdueLoansClimbing is info, never a page)."),
            Panel("Devices on loan", [("sum(max by (kind, borrower_kind) (lantern_devices_loans_active))", "")], kind="stat",
                  width=6, height=5, instant=True),
            Panel("Holds waiting", [("sum(max by (kind) (lantern_devices_holds_waiting))", "")], kind="stat",
                  width=6, height=5, instant=True),
            Panel("Loans started in range", [(f"sum(increase(lantern_devices_loans_started_total[{rng}]))", "")],
                  kind="stat", width=6, height=5, instant=True, decimals=0),
            Panel("Devices by kind and state", [
                ("max by (kind, state) (lantern_devices_devices)", "{{kind}} {{state}}")], kind="bargauge", width=12,
                height=10, instant=True),
            Panel("Loans out and overdue by kind", [
                ("sum by (kind) (max by (kind, borrower_kind) (lantern_devices_loans_active))", "on loan {{kind}}"),
                ("sum by (kind) (max by (kind, borrower_kind) (lantern_devices_loans_overdue))", "overdue {{kind}}")],
                width=12, height=10),
            Panel("Overdue loans by borrower kind", [
                ("sum by (borrower_kind) (max by (kind, borrower_kind) (lantern_devices_loans_overdue))", "{{borrower_kind}}")],
                width=8),
            Panel("Holds waiting by kind", [("max by (kind) (lantern_devices_holds_waiting)", "{{kind}}")], width=8),
            Panel("Session reservations by status", [("max by (status) (lantern_devices_reservations)", "{{status}}")],
                  width=8),
        ]),
        Row("Partners and referrals", [
            Panel("Referrals in range", [(f"sum(increase(lantern_partners_referrals_created_total[{rng}]))", "")],
                  kind="stat", width=6, height=5, instant=True, decimals=0),
            Panel("Active partners", [('sum(max by (kind, status) (lantern_partners_partners{status="active"}))', "")],
                  kind="stat", width=6, height=5, instant=True),
            Panel("Devices on loan to partners", [("max(lantern_partners_devices_on_loan_to_partners)", "")],
                  kind="stat", width=6, height=5, instant=True),
            Panel("Directory records overdue for verification", [("max(lantern_partners_directory_records_overdue)", "")],
                  kind="stat", width=6, height=5, instant=True, thresholds=[(None, "green"), (1, "orange")]),
            Panel("Partners by status", [
                ("sum by (status) (max by (kind, status) (lantern_partners_partners))", "{{status}}")], width=8),
            Panel("Agreements in force by kind", [("max by (kind) (lantern_partners_agreements_active)", "{{kind}}")],
                  kind="bargauge", width=8, instant=True),
            Panel("Referrals per day", [
                ("sum(increase(lantern_partners_referrals_created_total[1d]))", "created"),
                (zero("sum by (reason) (increase(lantern_partners_referrals_refused_total[1d]))"), "refused {{reason}}")],
                width=8),
            Panel("Referral outcomes", [
                (zero(f"sum by (outcome) (increase(lantern_partners_referral_outcomes_total[{rng}]))"), "{{outcome}}")],
                kind="bargauge", width=8, instant=True, decimals=0),
            Panel("Partnership status changes", [
                (zero(f"sum by (to_status) (increase(lantern_partners_status_changes_total[{rng}]))"), "{{to_status}}")],
                kind="bargauge", width=8, instant=True, decimals=0),
            Panel("Broadcasts and HSDS imports", [
                (zero(f"sum by (category) (increase(lantern_partners_broadcasts_requested_total[{rng}]))"), "broadcast {{category}}"),
                (zero(f"sum by (channel, outcome) (increase(lantern_partners_hsds_imports_total[{rng}]))"),
                 "import {{channel}} {{outcome}}")], kind="bargauge", width=8, instant=True, decimals=0),
        ]),
        Row("Notifications", [
            Panel("Sent by language", [
                (f"sum by (language) (increase(lantern_notifications_sent_total[{rng}]))", "{{language}}")],
                kind="bargauge", width=8, instant=True, decimals=0,
                description="Messages handed to their channel, by the language they were written in."),
            Panel("Sent by channel and category", [
                (f"sum by (channel, category) (increase(lantern_notifications_sent_total[{rng}]))", "{{channel}} {{category}}")],
                kind="bargauge", width=8, instant=True, decimals=0),
            Panel("Waiting to be sent", [("max(lantern_notifications_scheduled)", "")], kind="stat", width=8, height=8,
                  instant=True, description="Reminders, retries and messages held for quiet hours."),
            Panel("Sent and failed per hour by channel", [
                ("sum by (channel) (increase(lantern_notifications_sent_total[1h]))", "sent {{channel}}"),
                (zero("sum by (channel) (increase(lantern_notifications_failed_total[1h]))"), "failed {{channel}}"),
                (zero("sum by (channel) (increase(lantern_notifications_retries_total[1h]))"), "retried {{channel}}")],
                width=12, description="Alerts: LanternNotificationFailuresRising, LanternNotificationRetries."),
            Panel("Delivery latency p95 by channel", [
                ("histogram_quantile(0.95, sum by (channel, le) (rate(lantern_notifications_delivery_latency_seconds_bucket[1h])))",
                 "{{channel}}")], unit="s", width=12,
                description="From the causing event to the message handed to its channel (scheduled reminders included)."),
            Panel("Not sent: suppressed, held or expired", [
                (zero(f"sum by (channel, reason) (increase(lantern_notifications_suppressed_total[{rng}]))"),
                 "{{channel}} {{reason}}"),
                (zero(f"sum by (channel) (increase(lantern_notifications_expired_total[{rng}]))"), "{{channel}} expired")],
                kind="bargauge", width=8, instant=True, decimals=0,
                description="Suppressed: preference or no contact point; held: quiet hours; expired: quiet hours or "
                            "retries carried the message past its moment."),
            Panel("Failed by channel and language", [
                (zero(f"sum by (channel, language) (increase(lantern_notifications_failed_total[{rng}]))"),
                 "{{channel}} {{language}}")], kind="bargauge", width=8, instant=True, decimals=0),
            Panel("Missing translations (fallback to default language)", [
                (zero(f"sum by (language, category) (increase(lantern_notifications_template_fallbacks_total[{rng}]))"),
                 "{{language}} {{category}}")], kind="bargauge", width=8, instant=True, decimals=0,
                description="Messages a person wanted in this language but got in the default one: a template to translate."),
        ]),
    ]
    return dashboard("lantern-outreach", "Lantern · Outreach",
                     "Registrations, seats and attendance; devices on loan and overdue; partners and referrals; "
                     "notifications by channel and language.", rows, service_variable=False, time_from="now-7d")


DASHBOARDS = {
    "lantern-service-health.json": service_health,
    "lantern-event-backbone.json": event_backbone,
    "lantern-outreach.json": outreach,
}


def render() -> dict[str, str]:
    return {name: json.dumps(build(), indent=2, ensure_ascii=False) + "\n" for name, build in DASHBOARDS.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed JSON is not what this file writes")
    args = parser.parse_args()
    stale = []
    for name, text in render().items():
        path = OUT / name
        if args.check:
            if not path.is_file() or path.read_text() != text:
                stale.append(name)
        else:
            OUT.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
            print(f"wrote {path}")
    if stale:
        print(f"out of date: {', '.join(stale)} (run python3 deploy/grafana/generate.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
