"""A small Kafka cluster on one machine: N KRaft nodes (each broker and controller), replicated as in production.

Node i (1-based) listens on ``port + 2(i-1)`` and its controller on the next port; its state lives in
``state_dir/node-<i>``; all share one cluster id. With 3 nodes: replication factor 3, ``min.insync.replicas=2``,
unclean leader election off, so a write acknowledged with ``acks=all`` survives the loss of any one broker.

Same face as :class:`KafkaBroker` (``start``, ``stop``, ``bootstrap``, …) so a stack holds either; ``node(i)`` reaches
one broker (fault tests kill the leader of a partition).
"""

from __future__ import annotations

import concurrent.futures
import struct
import time
from pathlib import Path

from .kafka import KafkaBroker, KafkaConfig, KafkaError, probe_broker


class KafkaCluster:
    def __init__(self, *, state_dir: Path, cache_dir: Path, port: int, nodes: int = 3, heap: str = "384m") -> None:
        if nodes < 1:
            raise ValueError("a cluster has at least one node")
        self.state_dir = Path(state_dir).resolve()
        self.port = port
        voters = ",".join(f"{i}@127.0.0.1:{port + 2 * (i - 1) + 1}" for i in range(1, nodes + 1))
        replication = min(3, nodes)
        self.nodes = [
            KafkaBroker(KafkaConfig(
                state_dir=self.state_dir / f"node-{i}", cache_dir=cache_dir, port=port + 2 * (i - 1),
                controller_port=port + 2 * (i - 1) + 1, heap=heap, node_id=i, voters=voters,
                replication=replication, min_insync=max(1, replication - 1),
            ))
            for i in range(1, nodes + 1)
        ]

    @property
    def bootstrap(self) -> str:
        return ",".join(node.bootstrap for node in self.nodes)

    @property
    def log_path(self) -> Path:
        return self.nodes[0].log_path

    def node(self, node_id: int) -> KafkaBroker:
        return self.nodes[node_id - 1]

    def node_on_port(self, port: int) -> KafkaBroker:
        return next(node for node in self.nodes if node.config.port == port)

    def ensure_jars(self) -> Path:
        return self.nodes[0].ensure_jars()

    def is_running(self) -> bool:
        return all(node.is_running() for node in self.nodes)

    def _share_cluster_id(self) -> None:
        """Every node formats its storage with the same cluster id (the first node's)."""
        first = self.nodes[0]
        first.state_dir.mkdir(parents=True, exist_ok=True)
        cluster_id = first._cluster_id()  # noqa: SLF001 - the cluster owns its nodes
        for node in self.nodes[1:]:
            node.state_dir.mkdir(parents=True, exist_ok=True)
            node.cluster_id_path.write_text(cluster_id + "\n")

    def _each(self, action: str, **kwargs: float) -> None:
        """Side by side: a node only serves once a majority of controllers is up, so they must start together."""
        with concurrent.futures.ThreadPoolExecutor(len(self.nodes)) as pool:
            for future in [pool.submit(getattr(node, action), **kwargs) for node in self.nodes]:
                future.result()

    def start(self, timeout: float = 240) -> None:
        """Every node, side by side; three JVMs electing a controller on a busy 2-core machine took up to 90 s."""
        self.ensure_jars()
        self._share_cluster_id()
        self._each("start", timeout=timeout)
        self.wait_all_registered(timeout=60)

    def wait_all_registered(self, timeout: float) -> None:
        """Until every node is in the cluster's metadata (a topic with RF 3 cannot be created before)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                if len(probe_broker("127.0.0.1", self.nodes[0].config.port)) == len(self.nodes):
                    return
            except (OSError, ValueError, struct.error):
                pass
            if time.monotonic() > deadline:
                raise KafkaError(f"not all {len(self.nodes)} Kafka nodes registered within {timeout:.0f}s")
            time.sleep(0.25)

    def stop(self, timeout: float = 30) -> None:
        if not self.state_dir.exists():
            return
        # Brokers first, the last controller standing last: a node's controlled shutdown needs a live quorum.
        self._each("stop")
        del timeout

    def kill(self) -> None:
        self._each("kill")

    def pids(self) -> list[int]:
        return [pid for node in self.nodes if (pid := node.pid()) is not None]

