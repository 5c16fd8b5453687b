"""The faults, injected one at a time into a running stack while the load goes on.

Each returns a `Fault`: what was done, when, and when the system answered ready again. Blocking stack operations
(stopping Kafka, restarting PostgreSQL, starting a service) run in a thread so the load keeps running meanwhile.
"""

import asyncio
import os
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import asyncpg
from aiokafka import AIOKafkaProducer

from lantern_shared.contracts import inbound_topic
from lantern_shared.envelope import new_event

from ..stack import ALL_SERVICES, Stack, StackError
from .load import Load

# Every inbound topic, its consumer, and an event type that consumer routes (to send it data that is not valid).
INBOUND = {
    inbound_topic("checkins"): ("registration", "lantern.checkin.recorded"),
    inbound_topic("patrons"): ("registration", "lantern.ils.patron_status_changed"),
    inbound_topic("device-telemetry"): ("devices", "lantern.device.wiped"),
    inbound_topic("partner-updates"): ("partners", "lantern.hsds.organization_updated"),
}
POISON_KINDS = ("invalid_json", "invalid_envelope", "unknown_type", "invalid_data")

# The relay holds a claimed batch in an open transaction while Kafka acknowledges it: that is "mid-batch".
_RELAY_MID_BATCH = """
    SELECT count(*) FILTER (WHERE state = 'idle in transaction' AND query LIKE '%FROM outbox%'
                            AND query NOT LIKE '%count(*)%') AS relays_in_batch,
           (SELECT count(*) FROM outbox WHERE sent_at IS NULL) AS unsent
    FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
"""


@dataclass
class Fault:
    name: str
    detail: str = ""
    injected_at: float = 0.0
    recovered_at: float = 0.0
    extra: dict = field(default_factory=dict)

    @property
    def recovery_s(self) -> float:
        return self.recovered_at - self.injected_at


@dataclass
class Poison:
    key: str
    topic: str
    service: str
    kind: str


class Injector:
    def __init__(self, stack: Stack, load: Load, log: Callable[[str], None], *, kafka_outage_s: float = 20,
                 ready_timeout_s: float = 120) -> None:
        self.stack = stack
        self.load = load
        self.log = log
        self.kafka_outage_s = kafka_outage_s
        self.ready_timeout_s = ready_timeout_s
        self.poison: list[Poison] = []

    async def _recovered(self, fault: Fault) -> Fault:
        """Every service answers ready again (its database and the broker reachable)."""
        await asyncio.to_thread(self.stack.wait_ready, ALL_SERVICES, self.ready_timeout_s)
        fault.recovered_at = time.monotonic()
        self.log(f"recovered from {fault.name}: every service ready {fault.recovery_s:.1f}s after the injection")
        return fault

    async def kill_service(self, service: str) -> Fault:
        pid = self.stack.service_pid(service)
        fault = Fault(f"kill -9 {service}", f"SIGKILL pid {pid}, then start it again", time.monotonic())
        self.log(f"INJECT {fault.name}: {fault.detail}")
        await asyncio.to_thread(self.stack.stop_service, service, kill=True)
        await asyncio.to_thread(self.stack.start_service, service)
        return await self._recovered(fault)

    async def kafka_outage(self) -> Fault:
        fault = Fault("Kafka broker stopped", f"controlled stop, {self.kafka_outage_s:.0f}s down, start again",
                      time.monotonic())
        self.log(f"INJECT {fault.name}: {fault.detail}")
        await asyncio.to_thread(self.stack.kafka.stop)
        stopped = time.monotonic()
        self.log(f"Kafka broker down (its controlled shutdown took {stopped - fault.injected_at:.1f}s)")
        await asyncio.sleep(self.kafka_outage_s)
        await asyncio.to_thread(self.stack.kafka.start)
        self.log(f"Kafka broker serving again ({time.monotonic() - stopped - self.kafka_outage_s:.1f}s to start)")
        fault.detail += f"; shutdown took {stopped - fault.injected_at:.0f}s"
        return await self._recovered(fault)

    async def postgres_restart(self) -> Fault:
        fault = Fault("PostgreSQL restarted", "immediate stop (crash recovery at start), then start", time.monotonic())
        self.log(f"INJECT {fault.name}: {fault.detail}")
        await asyncio.to_thread(self.stack.postgres.kill)
        await asyncio.to_thread(self.stack.postgres.start)
        self.log(f"PostgreSQL accepting connections again after {time.monotonic() - fault.injected_at:.1f}s")
        return await self._recovered(fault)

    async def kill_relay_mid_batch(self, burst: int = 150, attempts_s: float = 60) -> Fault:
        """Fill registration's outbox with a burst of enrolments; freeze the process (SIGSTOP) at random moments
        until its relay is caught holding a claimed, published-but-unmarked batch; then SIGKILL it there."""
        conn = await asyncpg.connect(self.stack.dsn("registration"))
        bursts = [asyncio.create_task(self.load.burst_enrol(burst))]
        caught, samples = None, 0
        deadline = time.monotonic() + attempts_s
        try:
            while caught is None and time.monotonic() < deadline:
                pid = self.stack.service_pid("registration")
                if pid is None:
                    raise StackError("registration is not running")
                os.kill(pid, signal.SIGSTOP)
                try:
                    await asyncio.sleep(0.03)  # let a statement already running on the server finish
                    row = await conn.fetchrow(_RELAY_MID_BATCH)
                    samples += 1
                    if row["relays_in_batch"]:
                        caught = row
                        os.kill(pid, signal.SIGKILL)
                        break
                finally:
                    if caught is None:
                        os.kill(pid, signal.SIGCONT)
                if bursts[-1].done() and row["unsent"] == 0 and len(bursts) < 4:
                    bursts.append(asyncio.create_task(self.load.burst_enrol(burst)))
                await asyncio.sleep(0.02)
        finally:
            await conn.close()
        fault = Fault("outbox relay killed mid-batch", injected_at=time.monotonic())
        if caught is not None:
            fault.detail = (f"SIGKILL registration while its relay held a claimed batch (outbox backlog "
                            f"{caught['unsent']}, {samples} freezes to catch it)")
        else:
            fault.detail = f"relay never caught mid-batch in {samples} freezes: SIGKILL registration anyway"
        fault.extra = {"caught_mid_batch": caught is not None, "backlog": caught["unsent"] if caught else None}
        self.log(f"INJECT {fault.name}: {fault.detail}")
        await asyncio.to_thread(self.stack.stop_service, "registration", kill=True)
        await asyncio.to_thread(self.stack.start_service, "registration")
        recovered = await self._recovered(fault)
        await asyncio.gather(*bursts)
        return recovered

    async def poison_burst(self, run: str, copies: int = 3) -> Fault:
        """Every kind of bad event on every inbound topic, each with a key of its own to find it in a DLQ later."""
        fault = Fault("poison events", injected_at=time.monotonic())
        producer = AIOKafkaProducer(bootstrap_servers=self.stack.kafka.bootstrap, enable_idempotence=True)
        await producer.start()
        try:
            for topic, (service, routed_type) in INBOUND.items():
                for kind in POISON_KINDS:
                    for n in range(copies):
                        key = f"chaos-poison-{run}-{topic.rsplit('.', 1)[1]}-{kind}-{n}"
                        await producer.send_and_wait(topic, key=key.encode(), value=_poison(kind, routed_type, key))
                        self.poison.append(Poison(key, topic, service, kind))
        finally:
            await producer.stop()
        fault.detail = (f"{len(self.poison)} events ({', '.join(POISON_KINDS)}; {copies} of each) on "
                        f"{', '.join(INBOUND)}")
        self.log(f"INJECT {fault.name}: {fault.detail}")
        return await self._recovered(fault)


def _poison(kind: str, routed_type: str, key: str) -> bytes:
    if kind == "invalid_json":
        return b'{"specversion": "1.0", "id": ' + key.encode()
    if kind == "invalid_envelope":
        return b'{"chaos": "an object, but no CloudEvent: no specversion, id, source or type"}'
    if kind == "unknown_type":
        return new_event(type="lantern.chaos.unheard_of", source="/chaos", data={"marker": key}, key=key).to_bytes()
    # A type the consumer routes, with data that cannot be its model (a string where an object is expected).
    return new_event(type=routed_type, source="/chaos", data={}, key=key).model_copy(update={"data": key}).to_bytes()
