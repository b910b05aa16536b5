import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the demonstration account (VIGIL_DEMO_USER, default 'demo') and print how to sign "
        "in. Its password is VIGIL_DEMO_PASSWORD, or one generated once and kept in the data "
        "directory. An existing account's password is changed only when VIGIL_DEMO_PASSWORD is set."
    )

    def handle(self, *args, **options):
        username = os.environ.get("VIGIL_DEMO_USER", "demo")
        given = os.environ.get("VIGIL_DEMO_PASSWORD", "")
        password_file = settings.DATA_DIR / "demo-password"
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if given:
            password = given
        elif password_file.exists():
            password = password_file.read_text().strip()
        else:
            password = secrets.token_urlsafe(12)
            password_file.write_text(password)
            password_file.chmod(0o600)
        if user is None:
            User.objects.create_superuser(username=username, password=password, email="")
        elif given:
            user.set_password(password)
            user.save(update_fields=["password"])
        self.stdout.write(f"Demonstration account: user {username!r}, password {password!r}")
