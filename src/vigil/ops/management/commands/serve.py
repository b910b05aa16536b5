import os
import subprocess
import sys

from django.core.management.base import BaseCommand
from waitress import serve

from vigil.wsgi import application


class Command(BaseCommand):
    help = (
        "Serve the web app with waitress on 127.0.0.1:VIGIL_PORT (default 8000), with one "
        "background worker for dossiers and ingestion (--no-worker to run workers separately)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("VIGIL_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("VIGIL_PORT", "8000")))
        parser.add_argument("--threads", type=int, default=8)
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="do not start a background worker beside the web server",
        )

    def handle(self, *args, host, port, threads, no_worker, **options):
        worker = None
        if not no_worker:
            worker = subprocess.Popen(
                [sys.executable, "-m", "vigil", "db_worker", "--queue-name", "*", "--no-reload"]
            )
        self.stdout.write(f"Vigil is serving on http://{host}:{port}/ (Ctrl-C stops it)")
        try:
            serve(application, host=host, port=port, threads=threads)
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=10)
