from django.core.management.base import BaseCommand

from vigil.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demonstration case khojaly-1992. Running it again adds only what is missing."

    def handle(self, *args, **options):
        report = load_demo()
        self.stdout.write("Demonstration case khojaly-1992:")
        for line in report.lines():
            self.stdout.write(f"  {line}")
