"""Pass `vigil serve`'s output through and, once the server answers and its background worker has
started, print the sign-in box (from the DEMO_SIGN_IN environment variable) under it.

Used by scripts/demo.sh: `vigil serve ... | python scripts/demo_ready.py URL`. The box comes last
of the start-up output, where a newcomer sees it.
"""

import os
import signal
import sys
import threading
import time
import urllib.error
import urllib.request

# django-tasks-db's worker says this once it is running.
WORKER_STARTED = b"Starting worker"
# If the worker never says so (it failed, or its wording changed), show the box anyway after this.
WORKER_PATIENCE_SECONDS = 30


def answers(url: str) -> bool:
    """True once the web server replies to a request, whatever the reply."""
    try:
        urllib.request.urlopen(url, timeout=5).close()  # noqa: S310 - our own http:// address
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False
    return True


def pass_through(worker_started: threading.Event, lock: threading.Lock) -> None:
    out = sys.stdout.buffer
    for line in sys.stdin.buffer:
        with lock:
            out.write(line)
            out.flush()
        if WORKER_STARTED in line:
            worker_started.set()


def main(url: str) -> None:
    # Ctrl-C stops the server; keep passing its last words through until it closes its output.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    worker_started, lock = threading.Event(), threading.Lock()
    reader = threading.Thread(target=pass_through, args=(worker_started, lock), daemon=True)
    reader.start()
    deadline = time.monotonic() + WORKER_PATIENCE_SECONDS
    while not worker_started.wait(0.2) and reader.is_alive() and time.monotonic() < deadline:
        pass
    while reader.is_alive() and not answers(url):
        time.sleep(0.2)
    if reader.is_alive():
        with lock:
            print(f"\nVigil is ready: open {url} in a browser (Ctrl-C stops it).", flush=True)
            print(os.environ.get("DEMO_SIGN_IN", ""), end="\n\n", flush=True)
    reader.join()


if __name__ == "__main__":
    main(sys.argv[1])
