"""`lantern-stack up|down|status|logs`: run Lantern locally without Docker."""

import argparse
import concurrent.futures
import dataclasses
import signal
import subprocess
import sys
import time

import httpx

from . import demo, lifetime
from .kafka import KafkaError
from .ils_standin import DEMO_CARDS
from .keycloak import KeycloakError
from .postgres import PostgresError
from .web import WEB, web_url
from .stack import ALL_SERVICES, DEV, ILS, MAIL_SINK, REPO, SERVICES_WITH_DATABASE, TWILIO, Stack, StackError


def main() -> None:
    parser = argparse.ArgumentParser(prog="lantern-stack", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("up", help="start everything; Ctrl-C stops it all")
    up.add_argument("--detach", action="store_true", help="start and return, leave it running (stop with `down`)")
    up.add_argument("--brokers", type=int, default=1, choices=[1, 3],
                    help="Kafka nodes: 3 runs a KRaft cluster (replication 3, min.insync.replicas 2)")
    up.add_argument("--instances", type=int, default=1, help="processes of each service (consumer groups share work)")
    up.add_argument("--partitions", type=int, help="partitions of each topic the services create (default 6)")
    down = sub.add_parser("down", help="stop every process the stack started")
    down.add_argument("--all", action="store_true", help="every stack of this checkout (dev, test, chaos, bench …)")
    sub.add_parser("wipe", help="stop everything and forget all local state (keeps downloaded jars)")
    sub.add_parser("status", help="what is running and whether it is ready")
    logs = sub.add_parser("logs", help="follow the logs (all, or one service / kafka / postgres)")
    logs.add_argument("component", nargs="?", choices=[*ALL_SERVICES, MAIL_SINK, ILS, TWILIO, WEB, "kafka", "postgres", "keycloak"])
    token = sub.add_parser("token", help="print a bearer token for the local edge")
    token.add_argument("--role", required=True, choices=["admin", "staff", "partner", "patron"])
    token.add_argument("--subject", default="local-user", help="who (the token's sub)")
    token.add_argument("--patron", help="the patron id a patron token is bound to")
    token.add_argument("--partner", help="the organization id a partner token is bound to")
    token.add_argument("--ttl", type=int, default=8 * 3600, help="seconds until it expires")
    args = parser.parse_args()
    stack = Stack(_dev_config(args))
    try:
        {"up": lambda: _up(stack, args.detach), "down": lambda: _down(stack, everything=args.all), "wipe": lambda: (stack.wipe(), print("Stopped; all local state removed.")), "status": lambda: _status(stack),
         "logs": lambda: _logs(stack, args.component),
         "token": lambda: print(stack.token(args.role, args.subject, patron_id=args.patron, partner_id=args.partner,
                                           ttl_s=args.ttl))}[args.command]()
    except (StackError, KafkaError, PostgresError, KeycloakError) as exc:
        print(f"lantern-stack: {exc}", file=sys.stderr)
        if args.command == "up":
            stack.down()
        sys.exit(1)


def _dev_config(args: argparse.Namespace):  # noqa: ANN202 - a StackConfig
    """`up` says the shape; every other command finds it in the dev stack's stack.json (as `up` left it)."""
    if args.command == "up":
        return dataclasses.replace(DEV, brokers=args.brokers, instances=max(1, args.instances),
                                   partitions=args.partitions)
    known = lifetime.all_stacks(REPO)
    return next((s.config for s in known if s.config.name == DEV.name), DEV)


def _up(stack: Stack, detach: bool) -> None:
    started = time.monotonic()
    if not detach:
        stack.bind_to()  # this process owns the stack: should it be killed, a watchdog stops everything
    print("Starting Kafka and PostgreSQL …", flush=True)
    stack.start_infrastructure()
    print("Starting Keycloak (the identity provider) and the services …", flush=True)
    keycloak_started = time.monotonic()
    # Side by side: the edge needs no identity provider to start (it reads the IdP's keys when they are there).
    with concurrent.futures.ThreadPoolExecutor(1) as background:
        starting = background.submit(stack.start_keycloak)
        stack.start_services()
        keycloak = starting.result()
    keycloak_s = time.monotonic() - keycloak_started
    stack.start_web()
    try:
        partner_id = demo.seed(stack.config.url("partners"), stack.secrets["internal_token"], keycloak)
        organization = f"{demo.NAME}, {partner_id}"
    except httpx.HTTPError as exc:  # the demo is a convenience: the stack itself is up
        organization = f"not seeded: {exc!r}"
    c = stack.config
    print(f"\nLantern is up ({time.monotonic() - started:.1f}s).\n")
    print(f"  Web app            {web_url(stack)}   (calendar, sign-in, patron pages, staff console)")
    print(f"  Edge API           {c.url('edge')}/api/v1")
    print(f"  API docs           {c.url('edge')}/api/docs   (OpenAPI: {c.url('edge')}/api/v1/openapi.json)")
    for service in ALL_SERVICES:
        print(f"  {service:<18} {c.url(service)}   metrics: {c.url(service)}/metrics")
        for other in stack.instances(service)[1:]:
            print(f"    {other:<16} {stack.instance_url(other)}")
    print(f"  Mail (SMTP sink)   127.0.0.1:{c.smtp_port}; every email is kept in {c.mail_dir}/ as .eml")
    print(f"  SMS (Twilio)       http://127.0.0.1:{c.twilio_port}; every text is kept in {c.sms_dir}/")
    shape = (f"KRaft cluster of {c.brokers}, replication {min(3, c.brokers)}, min.insync.replicas "
             f"{min(3, c.brokers) - 1}" if c.brokers > 1 else "KRaft, single node")
    print(f"  Kafka              {stack.kafka.bootstrap} ({shape})")
    print(f"  PostgreSQL         127.0.0.1:{c.postgres_port} (databases: {', '.join(SERVICES_WITH_DATABASE)})")
    print(f"  Logs               {stack.logs_dir}/   (make logs)")
    print(f"  Secrets            {c.state_dir / 'secrets.json'}")
    rss = keycloak.rss_kib()
    print(f"  Sign-in (Keycloak) {keycloak.issuer}   (ready {keycloak_s:.1f}s after start, "
          f"{(rss or 0) / 1024:.0f} MiB; admin console {keycloak.url}/admin, user admin, password in secrets.json)")
    print("    demo accounts    ada.admin / lantern-admin-demo (admin), libby.librarian / lantern-staff-demo (staff),")
    print("                     parker.partner / lantern-partner-demo (partner contact of the demo organization)")
    print(f"    demo partner     {organization}")
    print(f"  Patrons (SIP2 ILS) 127.0.0.1:{c.ils_port} stand-in; POST {c.url('edge')}/api/v1/auth/patron/sign-in")
    cards = ", ".join(f"{card.card}/{card.pin} ({card.note.split(',')[0]}, {card.language})"
                      for card in list(DEMO_CARDS.values())[:2] + list(DEMO_CARDS.values())[5:7])
    print(f"    demo cards       {cards}; all in deploy/local/lantern_devstack/ils_standin.py")
    print("  A development token:  uv run lantern-stack token --role staff")
    if detach:
        print("\nRunning in the background; `make stop` stops it.")
        return
    print("\nCtrl-C stops everything.")
    stopping = False

    def _stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    while not stopping:
        time.sleep(0.5)
    print("\nStopping …", flush=True)
    stack.down()
    print("Stopped.")


def _down(stack: Stack, *, everything: bool = False) -> None:
    for each in lifetime.all_stacks(REPO) if everything else [stack]:
        each.down()
        print(f"Stopped the {each.config.name} stack.")


def _status(stack: Stack) -> None:
    for component, state in stack.status().items():
        print(f"{component:<14} {state}")


def _logs(stack: Stack, component: str | None) -> None:
    if component == "kafka":
        files = [stack.kafka.log_path]
    elif component == "keycloak":
        files = [stack.keycloak.log_path]
    elif component == "postgres":
        files = [stack.postgres.log_path]
    else:
        files = [stack.log_file(s) for s in ([component] if component else ALL_SERVICES)]
    existing = [str(f) for f in files if f.exists()]
    if not existing:
        print("no logs yet")
        return
    try:
        subprocess.run(["tail", "-n", "50", "-F", *existing], check=False)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
