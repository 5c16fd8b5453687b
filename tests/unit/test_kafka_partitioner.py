"""The producer's partitioner puts every key where aiokafka's default (and so the Java client) would."""

from aiokafka.partitioner import DefaultPartitioner
from aiokafka.partitioner import murmur2 as aiokafka_murmur2
from hypothesis import given
from hypothesis import strategies as st

from lantern_shared.kafka import key_partitioner, murmur2


@given(st.binary(max_size=200))
def test_murmur2_is_kafkas_on_any_bytes(data):
    assert murmur2(data) == aiokafka_murmur2(data)


@given(st.binary(min_size=1, max_size=64), st.integers(min_value=1, max_value=64))
def test_a_key_lands_on_the_partition_the_default_partitioner_gives_it(key, count):
    partitions = list(range(count))
    assert key_partitioner(key, partitions, partitions) == DefaultPartitioner()(key, partitions, partitions)


def test_known_keys_land_where_the_java_client_puts_them():
    # Values of org.apache.kafka.common.utils.Utils.murmur2 (its UtilsTest), as unsigned 32-bit integers.
    assert murmur2(b"21") == -973932308 & 0xFFFFFFFF
    assert murmur2(b"foobar") == -790332482 & 0xFFFFFFFF
    assert murmur2(b"a-little-bit-long-string") == -985981536 & 0xFFFFFFFF
    assert murmur2(b"a-little-bit-longer-string") == -1486304829 & 0xFFFFFFFF
    assert murmur2(b"lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8") == -58897971 & 0xFFFFFFFF
    assert murmur2(bytes([ord("a"), ord("b"), ord("c")])) == 479470107


def test_a_record_without_a_key_goes_to_an_available_partition():
    assert key_partitioner(None, [0, 1, 2], [2]) == 2
