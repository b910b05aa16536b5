import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from vigil.private_files import write_private_text

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
        "data directory. An account that already exists keeps its own password unless "
        "VIGIL_DEMO_PASSWORD is set (then it is reset to it); when that is not the kept one (it "
        "was changed, or restored from a backup), the command says so instead of printing a "
        "password the account does not accept. Administrators sign in with a second factor, so "
        "it also prints fresh single-use backup codes."
    )

    def handle(self, *args, **options):
        username = os.environ.get("VIGIL_DEMO_USER", "demo")
        given = os.environ.get("VIGIL_DEMO_PASSWORD", "")
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            password = given or self.kept_password() or self.new_password()
            user = get_user_model().objects.create_superuser(
                username=username, password=password, email=""
            )
            account = [f"Demonstration account: user {username!r}, password {password!r}"]
        elif given:
            user.set_password(given)
            user.save(update_fields=["password"])
            account = [
                f"Demonstration account: user {username!r}, password {given!r}",
                "(its password was reset to VIGIL_DEMO_PASSWORD)",
            ]
        else:
            account = self.existing_account(user, username)
        codes = self.backup_codes(user)
        self.stdout.write(
            boxed(
                [
                    "Sign in to Vigil",
                    "",
                    *account,
                    "Second factor: enter any one of these backup codes (each works once):",
                    "  " + "  ".join(codes),
                ]
            )
        )

    def existing_account(self, user, username: str) -> list[str]:
        """How to sign in to an account that was already there, without changing its password."""
        password = self.kept_password()
        if password and user.check_password(password):
            return [f"Demonstration account: user {username!r}, password {password!r}"]
        return [
            f"Demonstration account: user {username!r} already has a password of its own",
            "(changed, or restored from a backup): it was kept, so sign in with that one.",
            "To reset it, set VIGIL_DEMO_PASSWORD and run `vigil demo-user` again.",
        ]

    def password_file(self):
        return settings.DATA_DIR / "demo-password"

    def kept_password(self) -> str:
        path = self.password_file()
        return path.read_text().strip() if path.exists() else ""

    def new_password(self) -> str:
        password = secrets.token_urlsafe(12)
        write_private_text(self.password_file(), password)
        return password

    def backup_codes(self, user) -> list[str]:
        device, _created = StaticDevice.objects.get_or_create(
            user=user, name="Demonstration backup codes", defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
        for code in codes:
            device.token_set.create(token=code)
        return codes
