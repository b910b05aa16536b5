"""`vigil serve` uses the cores: several web processes share one listening port, one that dies is
replaced while the others go on answering, and all stop with the server."""

import os
import re
import signal

from tests.ops.processes import Spawned, vigil_env, wait_until
from tests.ops.test_worker import _running
from tests.ops.web import Visitor

STARTED = r"Web process started \(pid (\d+)\)"


def web_processes(server: Spawned, count: int) -> list[int]:
    """The pids of the first `count` web processes the server started, once it has."""

    def started():
        pids = [int(pid) for pid in re.findall(STARTED, server.output)]
        return pids[:count] if len(pids) >= count else None

    return wait_until(started, f"{count} web processes")


def test_web_processes_share_the_port_and_one_that_dies_is_replaced(data_dir):
    server, port = Spawned.server(vigil_env(data_dir), "--processes", "2", "--no-worker")
    try:
        first, second = web_processes(server, 2)
        assert "with 2 processes of" in server.output
        assert Visitor(port).request("GET", "/login/").status == 200
        os.kill(first, signal.SIGKILL)
        # The other process answers on the same port meanwhile.
        assert all(Visitor(port).request("GET", "/login/").status == 200 for _ in range(5))
        third = web_processes(server, 3)[2]
        assert third not in (first, second)
        assert Visitor(port).request("GET", "/login/").status == 200
    finally:
        server.stop()
    assert server.process.returncode == 0
    wait_until(lambda: not (_running(second) or _running(third)), "the web processes to stop")
