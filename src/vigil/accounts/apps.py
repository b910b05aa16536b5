from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "vigil.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from vigil import lookups

        self._apply_language_at_sign_in()
        lookups.register()  # project-wide: no form or filter fails on an id out of range

    def _apply_language_at_sign_in(self):
        from django.contrib.auth.signals import user_logged_in

        from vigil.accounts import language_choice

        user_logged_in.connect(
            language_choice.apply_preference_at_sign_in, dispatch_uid="vigil-language-at-sign-in"
        )
