"""Stopping a service is bounded: a step that hangs, even one that ignores cancellation, is left behind and the rest
goes on (seen: a test's teardown waited five minutes on a service that would not stop)."""

import asyncio
import time

from lantern_shared.runtime import _bounded


async def test_a_step_that_ignores_cancellation_is_left_behind_in_time():
    release = asyncio.Event()

    async def stubborn() -> None:
        while not release.is_set():
            try:
                await asyncio.sleep(0.05)
            except asyncio.CancelledError:
                continue  # a badly behaved client: swallows its cancellation

    started = time.monotonic()
    assert await _bounded("a stubborn client", stubborn(), timeout=0.2) is False
    assert time.monotonic() - started < 2
    release.set()
    await asyncio.sleep(0.1)  # it notices and ends


async def test_a_step_that_fails_or_ends_counts_as_stopped():
    async def fails() -> None:
        raise ConnectionResetError

    async def ends() -> None:
        await asyncio.sleep(0)

    assert await _bounded("a failing client", fails(), timeout=1) is True
    assert await _bounded("a quick client", ends(), timeout=1) is True
