from django.db import models
from django.utils.translation import gettext_lazy as _


class ClaimTally(models.Model):
    """How many claims of a case have each review status, by their source's access level and by
    whether they are published: the case's counts, kept in step with the claims and sources by
    database triggers (vigil/evidence/claim_tallies.py), so the case list, a case's page and the
    publish screen read a few rows instead of counting the case's claims. Derived data: never
    written through the ORM, left out of backups, rebuilt by `vigil tallies --rebuild`."""

    # No database constraint: a trigger may still count down a claim whose case is being
    # deleted in the same transaction; rows left at zero are harmless and a rebuild drops them.
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    access_level = models.CharField(max_length=12)
    review_status = models.CharField(max_length=10)
    published = models.BooleanField(default=False)  # the publish screen counts those not yet
    claims = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("claim count")
        verbose_name_plural = _("claim counts")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "access_level", "review_status", "published"],
                name="one_tally_per_kind_of_claim",
            )
        ]

    def __str__(self):
        return f"{self.claims} {self.review_status} ({self.access_level})"
