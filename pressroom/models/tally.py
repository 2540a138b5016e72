from django.db import models

from .releases import ReleaseKind


class ReleaseTally(models.Model):
    """How many published releases there are per year or month, type and topic.

    PostgreSQL keeps these numbers exact itself: triggers on releases and their topics (migration
    0005) add and remove each release as it is written, in the same transaction, whatever writes
    it. The finder reads them instead of counting 100,000 rows (pressroom/finder/). Scheduled
    releases are counted in their month: the finder takes only past months from here. Not used on
    SQLite, which has no such triggers.
    """

    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField(help_text="1–12, or 0 for the whole year.")
    kind = models.CharField(max_length=20, choices=ReleaseKind.choices)
    topic_id = models.BigIntegerField(help_text="A topic's id, or 0 for the releases themselves.")
    count = models.IntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["topic_id", "year", "month"], name="releasetally_topic"),
            models.Index(fields=["month", "year"], name="releasetally_period"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "month", "kind", "topic_id"], name="releasetally_unique"
            ),
        ]

    def __str__(self):
        return f"{self.year}-{self.month:02d} {self.kind} topic {self.topic_id}: {self.count}"
