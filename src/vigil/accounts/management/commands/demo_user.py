import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

BACKUP_CODES = 5


def boxed(lines: list[str]) -> str:
    """The lines framed in plain characters, so they stand out in any terminal's scrollback."""
    width = max(len(line) for line in lines)
    rule = "+" + "-" * (width + 4) + "+"
    return "\n".join([rule, *(f"|  {line.ljust(width)}  |" for line in lines), rule])


class Command(BaseCommand):
    help = (
        "Create the demonstration administrator (VIGIL_DEMO_USER, default 'demo') and print how "
        "to sign in: its password is VIGIL_DEMO_PASSWORD, or one generated once and kept in the "
        "data directory; an existing account's password is changed only when VIGIL_DEMO_PASSWORD "
        "is set. Administrators sign in with a second factor, so it also prints fresh single-use "
        "backup codes (the account's authenticator app can be paired after signing in)."
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
            user = User.objects.create_superuser(username=username, password=password, email="")
        elif given:
            user.set_password(password)
            user.save(update_fields=["password"])
        codes = self.backup_codes(user)
        self.stdout.write(
            boxed(
                [
                    "Sign in to Vigil",
                    "",
                    f"Demonstration account: user {username!r}, password {password!r}",
                    "Second factor: enter any one of these backup codes (each works once):",
                    "  " + "  ".join(codes),
                ]
            )
        )

    def backup_codes(self, user) -> list[str]:
        device, _created = StaticDevice.objects.get_or_create(
            user=user, name="Demonstration backup codes", defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
        for code in codes:
            device.token_set.create(token=code)
        return codes
