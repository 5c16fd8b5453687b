"""The local stack's shapes: one broker by default, a 3-node KRaft cluster replicated as production is, and several
instances of each service on ports of their own (read from the generated settings, nothing started)."""

import dataclasses
from pathlib import Path

from lantern_devstack import lifetime
from lantern_devstack.kafka_cluster import KafkaCluster
from lantern_devstack.stack import Stack
from lantern_devstack.stack import test_config as slot_config


def _props(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines() if line and not line.startswith("#"))


def test_three_nodes_form_one_quorum_with_three_replicas_and_two_in_sync(tmp_path: Path):
    cluster = KafkaCluster(state_dir=tmp_path, cache_dir=tmp_path, port=30000, nodes=3)
    props = [_props(node._server_properties()) for node in cluster.nodes]
    assert [p["node.id"] for p in props] == ["1", "2", "3"]
    assert {p["controller.quorum.voters"] for p in props} == {"1@127.0.0.1:30001,2@127.0.0.1:30003,3@127.0.0.1:30005"}
    assert [p["listeners"].split(",")[0] for p in props] == [f"PLAINTEXT://127.0.0.1:{port}" for port in (30000, 30002, 30004)]
    for p in props:
        assert p["default.replication.factor"] == p["offsets.topic.replication.factor"] == "3"
        assert p["min.insync.replicas"] == p["transaction.state.log.min.isr"] == "2"
        assert p["unclean.leader.election.enable"] == "false"
    assert cluster.bootstrap == "127.0.0.1:30000,127.0.0.1:30002,127.0.0.1:30004"


def test_the_default_stack_stays_one_broker_one_instance(tmp_path: Path):
    stack = Stack(dataclasses.replace(slot_config(7), repo=tmp_path))  # its generated secrets go to tmp_path
    env = stack.service_env("registration")
    assert env["LANTERN_REGISTRATION_KAFKA_BOOTSTRAP"] == "127.0.0.1:19162"
    assert "LANTERN_REGISTRATION_KAFKA_REPLICATION_FACTOR" not in env
    assert stack.instances("registration") == ["registration"]


def test_a_cluster_stack_runs_each_service_twice_against_all_three_brokers(tmp_path: Path):
    stack = Stack(dataclasses.replace(slot_config(7), repo=tmp_path, brokers=3, instances=2, partitions=12))
    assert stack.instances("devices") == ["devices", "devices-2"]
    first, second = stack.service_env("devices", 1), stack.service_env("devices", 2)
    assert first["LANTERN_DEVICES_HTTP_PORT"] != second["LANTERN_DEVICES_HTTP_PORT"]
    assert stack.instance_url("devices-2").endswith(f":{second['LANTERN_DEVICES_HTTP_PORT']}")
    assert second["LANTERN_DEVICES_KAFKA_BOOTSTRAP"] == "127.0.0.1:19162,127.0.0.1:19164,127.0.0.1:19166"
    assert second["LANTERN_DEVICES_KAFKA_REPLICATION_FACTOR"] == "3"
    assert second["LANTERN_DEVICES_KAFKA_TOPIC_PARTITIONS"] == "12"


def test_a_stack_is_found_again_from_its_record(tmp_path: Path):
    config = dataclasses.replace(slot_config(7), name="somewhere", repo=tmp_path, brokers=3, instances=2)
    lifetime.record(Stack(config))
    [found] = lifetime.all_stacks(tmp_path)
    assert found.config == config
