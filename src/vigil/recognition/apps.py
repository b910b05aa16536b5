from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    name = "vigil.recognition"
    verbose_name = _("Recognition")

    def ready(self):
        from vigil.recognition import choices  # noqa: F401 - registers what forms may offer

        post_migrate.connect(_install_states, sender=self)


def _install_states(sender, using="default", **kwargs):
    from vigil.recognition.actors import install_states

    install_states(using=using)
