"""The edge in front of several instances of a service: each takes its turn, and one that is down is skipped, a
write included (it never arrived). Real sockets on loopback: two small HTTP servers and a port nobody listens on."""

import socket

import pytest
from aiohttp import web

from lantern_edge.upstream import Upstreams
from lantern_shared.problems import Problem


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the block ends: connections to it are refused


@pytest.fixture
async def instance():
    runners = []

    async def start(name: str) -> str:
        async def answer(request: web.Request) -> web.Response:
            return web.json_response({"instance": name, "method": request.method})

        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", answer)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        runners.append(runner)
        return f"http://127.0.0.1:{runner.addresses[0][1]}"

    yield start
    for runner in runners:
        await runner.cleanup()


async def test_instances_take_turns(instance):
    urls = ",".join([await instance("one"), await instance("two")])
    upstreams = Upstreams({"registration": urls}, "token", timeout_s=5)
    try:
        seen = [(await upstreams.request("registration", "GET", "/x")).json()["instance"] for _ in range(4)]
    finally:
        await upstreams.close()
    assert sorted(seen) == ["one", "one", "two", "two"]


async def test_an_instance_that_is_down_is_skipped_even_for_a_write(instance):
    urls = f"http://127.0.0.1:{closed_port()},{await instance('alive')}"
    upstreams = Upstreams({"registration": urls}, "token", timeout_s=5)
    try:
        answers = [(await upstreams.request("registration", "POST", "/internal/v1/patrons", body=b"{}")).json()
                   for _ in range(4)]
    finally:
        await upstreams.close()
    assert answers == [{"instance": "alive", "method": "POST"}] * 4


async def test_every_instance_down_is_a_503_naming_the_service():
    upstreams = Upstreams({"registration": f"http://127.0.0.1:{closed_port()},http://127.0.0.1:{closed_port()}"},
                          "token", timeout_s=5)
    try:
        with pytest.raises(Problem) as refused:
            await upstreams.request("registration", "POST", "/internal/v1/patrons", body=b"{}")
    finally:
        await upstreams.close()
    assert refused.value.status == 503 and "registration" in refused.value.detail


async def test_a_service_is_ready_while_one_of_its_instances_lives(instance):
    down = f"http://127.0.0.1:{closed_port()}"
    upstreams = Upstreams({"registration": f"{down},{await instance('alive')}", "devices": f"{down},{down}"},
                          "token", timeout_s=5)
    try:
        assert await upstreams.ready() == {"registration": True, "devices": False}
    finally:
        await upstreams.close()
