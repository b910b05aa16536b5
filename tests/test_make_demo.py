"""`make demo` (scripts/demo.sh) ends its start-up output with how to sign in, in a box, and the
credentials in it work."""

import http.cookiejar
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import threading
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A guard against a hung run, not a speed requirement: set-up on a loaded machine is slow.
GIVE_UP_SECONDS = 600


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_demo(data_dir: Path, port: int) -> subprocess.Popen:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DATABASE_URL", "VIGIL_DEMO_USER", "VIGIL_DEMO_PASSWORD")
    }
    env.update(VIGIL_DATA_DIR=str(data_dir), VIGIL_HOST="127.0.0.1", VIGIL_PORT=str(port))
    return subprocess.Popen(
        [shutil.which("bash"), str(ROOT / "scripts" / "demo.sh")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        start_new_session=True,  # its own process group, to stop it as Ctrl-C would
    )


def read_until_box_closes(process: subprocess.Popen) -> list[str]:
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in process.stdout], daemon=True).start()
    seen: list[str] = []
    while True:
        line = lines.get(timeout=GIVE_UP_SECONDS).rstrip("\n")
        seen.append(line)
        inside = any("Sign in to Vigil" in earlier for earlier in seen)
        if inside and line.startswith("+-"):
            return seen


def sign_in(url: str, username: str, password: str, code: str) -> str:
    """Sign in through the web pages with the password and a backup code; the page reached."""
    browser = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )

    def submit(path: str, fields: dict) -> tuple[str, str]:
        form = browser.open(url + path.lstrip("/"), timeout=30)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.read().decode())
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token[1], **fields}).encode()
        reply = browser.open(form.url, data=data, timeout=30)
        return reply.url, reply.read().decode()

    after_password, _page = submit("login/", {"username": username, "password": password})
    reached, page = submit(urllib.parse.urlsplit(after_password).path, {"token": code})
    return reached + "\n" + page


def test_make_demo_prints_how_to_sign_in_last_of_its_start_up_output(tmp_path):
    port = free_port()
    process = start_demo(tmp_path, port)
    try:
        output = read_until_box_closes(process)
        top = next(i for i, line in enumerate(output) if "Sign in to Vigil" in line) - 1
        box = output[top:]
        before = "\n".join(output[:top])

        assert box[0] == box[-1] and set(box[0][1:-1]) == {"-"}
        assert all(line.startswith("|") and line.endswith("|") for line in box[1:-1])
        for start_up in ("Applying", "Demonstration case", "Serving on", "Starting worker"):
            assert start_up in before
        assert f"Vigil is ready: open http://127.0.0.1:{port}/" in output[top - 1]

        account = re.search(r"user '(\w+)', password '([^']+)'", "\n".join(box))
        codes = box[-2].strip("| ").split()
        assert len(codes) == 5
        page = sign_in(f"http://127.0.0.1:{port}/", account[1], account[2], codes[0])
        assert page.startswith(f"http://127.0.0.1:{port}/cases/")
        assert "Khojaly" in page
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
