from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase, TaggedItemBase

from core.translated import LANGUAGE_CODES


class Topic(TagBase):
    """A topic of press releases. The name is translated; the slug is shared by all languages."""

    # Redefined without TagBase's unique=True: uniqueness is per language and case-insensitive
    # (constraints below), and modeltranslation adds one column per language.
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["slug"]
        constraints = [
            models.UniqueConstraint(
                Lower(f"name_{code}"),
                name=f"topic_name_{code}_unique_ci",
                violation_error_message=_("A topic with this name already exists."),
            )
            for code in LANGUAGE_CODES
        ]

    def __str__(self):
        return self.name or self.slug

    def get_absolute_url(self):
        return reverse("pressroom:list") + f"?topic={self.slug}"


class TaggedRelease(TaggedItemBase):
    content_object = models.ForeignKey(
        "PressRelease", on_delete=models.CASCADE, related_name="topic_links"
    )
    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="release_links")

    class Meta:
        verbose_name = _("topic of a release")
        verbose_name_plural = _("topics of releases")
        # The releases of a topic on the index alone (the finder's topic filter and counts).
        indexes = [models.Index(fields=["tag", "content_object"], name="taggedrelease_by_topic")]
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="taggedrelease_once_per_release"
            ),
        ]
