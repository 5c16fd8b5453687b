"""Benchmarks of Lantern against the raw limits of its parts, on a local stack of its own (test slot 7).

`uv run python -m lantern_devstack.bench [--quick]`: end to end (edge -> email in the SMTP sink), consumer catch-up,
outbox relay and the registration write path, each beside the raw aiokafka / asyncpg equivalent, in one run.
"""
