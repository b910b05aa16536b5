import os

from django.core.management.base import BaseCommand
from waitress import serve

from vigil.wsgi import application


class Command(BaseCommand):
    help = "Serve the web app with waitress on 127.0.0.1:VIGIL_PORT (default 8000)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("VIGIL_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("VIGIL_PORT", "8000")))
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args, host, port, threads, **options):
        self.stdout.write(f"Vigil is serving on http://{host}:{port}/ (Ctrl-C stops it)")
        serve(application, host=host, port=port, threads=threads)
