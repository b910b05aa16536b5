"""Tasks: the work a chapter shares out, tied to an event, a target or a material."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vigil.audit.log import AuditedModel
from vigil.campaigns.models.chapters import Chapter
from vigil.campaigns.models.events import Event
from vigil.campaigns.models.materials import Material


class Task(AuditedModel):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DOING = "doing", _("in progress")
        DONE = "done", _("done")

    title = models.CharField(_("title"), max_length=200)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
        verbose_name=_("assignee"),
    )
    chapter = models.ForeignKey(
        Chapter,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="tasks",
        verbose_name=_("chapter"),
    )
    due_date = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    event = models.ForeignKey(
        Event,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
        verbose_name=_("event"),
    )
    target = models.ForeignKey(
        "recognition.Target",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
        verbose_name=_("target"),
    )
    material = models.ForeignKey(
        Material,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
        verbose_name=_("material"),
    )

    class Meta:
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.title
