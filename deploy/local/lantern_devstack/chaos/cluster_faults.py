"""The faults of the cluster topology (3 brokers, 2 instances of each service), beside the single-node ones.

A broker that leads partitions dies; one instance of each service dies while the other carries on; an instance
freezes past its consumer session and wakes up as a zombie; two instances run the due-soon job at the same moment.
"""

import asyncio
import os
import signal
import time
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta

import httpx
from aiokafka.admin import AIOKafkaAdminClient

from ..kafka_cluster import KafkaCluster
from ..stack import ALL_SERVICES
from .faults import Fault, Injector

REGISTRATIONS = "lantern.registration.registrations"
SESSION_TIMEOUT_S = 10  # aiokafka's default consumer session timeout (FastStream leaves it)


class ClusterInjector(Injector):
    job_loans = 0  # loans the due-soon fault made: each must be told due soon once and overdue once
    async def _leaders(self, topic: str) -> Counter[int]:
        admin = AIOKafkaAdminClient(bootstrap_servers=self.stack.kafka.bootstrap, request_timeout_ms=10000)
        await admin.start()
        try:
            [described] = await admin.describe_topics([topic])
        finally:
            await admin.close()
        return Counter(p["leader"] for p in described["partitions"])

    async def kill_partition_leader(self, topic: str = REGISTRATIONS) -> Fault:
        """kill -9 the broker leading most of the topic's partitions; start it again after a while under load."""
        assert isinstance(self.stack.kafka, KafkaCluster), "the cluster topology has a Kafka cluster"
        before = await self._leaders(topic)
        leader = before.most_common(1)[0][0]
        node = self.stack.kafka.node(leader)
        fault = Fault(f"kill -9 the {topic.rsplit('.', 1)[1]} leader broker", injected_at=time.monotonic())
        self.log(f"INJECT {fault.name}: node {leader} (pid {node.pid()}) leads {before[leader]} of "
                 f"{sum(before.values())} partitions of {topic}")
        await asyncio.to_thread(node.kill)
        await asyncio.sleep(8)  # writes go on with 2 of 3 replicas in sync (min.insync.replicas=2)
        during = await self._leaders(topic)
        await asyncio.to_thread(node.start, 240)  # it rejoins a live quorum; slow on a busy machine
        fault.detail = (f"SIGKILL node {leader} (led {before[leader]} partitions); leaders while it was down "
                        f"{dict(sorted(during.items()))}; started again")
        fault.extra = {"moved": leader not in during}
        return await self._recovered(fault)

    async def kill_one_instance_each(self) -> list[Fault]:
        """kill -9 the second instance of each service in turn, under load (its consumer groups rebalance with
        its batches in flight); the first instance carries on; then it starts again."""
        faults = []
        for service in ALL_SERVICES:
            name = f"{service}-2"
            pid = self.stack.service_pid(name)
            fault = Fault(f"kill -9 {name}", f"SIGKILL pid {pid} under load, then start it again", time.monotonic())
            self.log(f"INJECT {fault.name}: {fault.detail}")
            await asyncio.to_thread(self.stack.stop_many, (name,), kill=True)
            await asyncio.sleep(2)
            await asyncio.to_thread(self.stack.start_instance, name)
            faults.append(await self._recovered(fault))
        return faults

    async def freeze_past_session(self, name: str = "notifications-2", frozen_s: float = SESSION_TIMEOUT_S + 5) -> Fault:
        """SIGSTOP an instance longer than its consumer session: the group gives its partitions to the other
        instance; then SIGCONT, and the zombie must neither apply stale work twice nor commit over newer offsets."""
        pid = self.stack.service_pid(name)
        if pid is None:
            raise RuntimeError(f"{name} is not running")
        fault = Fault(f"SIGSTOP {name} past its session", f"pid {pid} frozen {frozen_s:.0f}s (session timeout "
                      f"{SESSION_TIMEOUT_S}s), then SIGCONT", time.monotonic())
        self.log(f"INJECT {fault.name}: {fault.detail}")
        os.kill(pid, signal.SIGSTOP)
        try:
            await asyncio.sleep(frozen_s)
        finally:
            os.kill(pid, signal.SIGCONT)
        return await self._recovered(fault)

    async def due_soon_on_two_instances(self, loans: int = 4, days_ahead: float = 13.5) -> Fault:
        """`loans` tablets lent (and kept) to new patrons; then both devices instances' clocks jump together to when
        those loans are due soon, then overdue, while each instance runs the loan-notices job every second. Each loan
        must be told due soon once and overdue once. The clocks only move forward (and stay there): a clock moved
        back would give later loans earlier start times than the returns before them."""
        fault = Fault("due-soon job on two devices instances", injected_at=time.monotonic())
        client = self.load.client
        known = set(self.load.ledger.patrons)
        while len(set(self.load.ledger.patrons) - known) < loans:
            await self.load.enrol()
        borrowers = sorted(set(self.load.ledger.patrons) - known)[:loans]
        await _until(lambda: _all_ok(client, [f"/api/v1/borrowers/{b}" for b in borrowers]), 60, "borrowers known")
        for n, borrower in enumerate(borrowers):
            tablet = (await _created(client, "/api/v1/devices", {
                "kind": "tablet", "asset_tag": f"CH-{self.load.ledger.run}-T{n}", "serial": f"SN-T{n}-{time.time_ns()}",
                "home_branch": "Central"}))["id"]
            await _created(client, "/api/v1/loans", {"borrower_id": borrower, "device_id": tablet})
        self.job_loans = loans
        urls = [self.stack.instance_url(n) for n in self.stack.instances("devices")]
        token = {"X-Lantern-Internal-Token": self.stack.secrets["internal_token"]}
        now = datetime.now(UTC)
        async with httpx.AsyncClient(headers=token, timeout=10) as internal:
            async def jump(to: datetime) -> None:
                answers = await asyncio.gather(*(internal.put(f"{u}/internal/v1/test/clock",
                                                              json={"now": to.isoformat()}) for u in urls))
                for answer in answers:
                    answer.raise_for_status()

            await jump(now + timedelta(days=days_ahead))
            await asyncio.sleep(6)
            await jump(now + timedelta(days=days_ahead + 3, seconds=6))
            await asyncio.sleep(6)
        fault.detail = (f"{loans} tablets lent; the clocks of {len(urls)} devices instances moved together "
                        f"{days_ahead:g} days ahead (due soon), then {days_ahead + 3:g} (overdue); loan-notices "
                        "job every 1 s on each")
        self.log(f"INJECT {fault.name}: {fault.detail}")
        return await self._recovered(fault)


async def _created(client: httpx.AsyncClient, path: str, body: dict) -> dict:
    answer = await client.post(path, json=body, headers={"Idempotency-Key": uuid.uuid4().hex})
    if answer.status_code != 201:
        raise RuntimeError(f"set-up of a fault: POST {path} answered {answer.status_code} {answer.text[:200]}")
    return answer.json()


async def _all_ok(client: httpx.AsyncClient, paths: list[str]) -> bool:
    for path in paths:
        if (await client.get(path)).status_code != 200:
            return False
    return True


async def _until(probe, timeout: float, what: str) -> None:  # noqa: ANN001 - an async predicate
    deadline = time.monotonic() + timeout
    while not await probe():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f}s waiting for {what}")
        await asyncio.sleep(0.5)
