from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from vigil.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demonstration case khojaly-1992. Running it again adds only what is missing."

    def handle(self, *args, **options):
        report = load_demo()
        self.stdout.write(_("Demonstration case khojaly-1992:"))
        for line in report.lines():
            self.stdout.write(f"  {line}")
