"""Simple pages and the main menu built from them, edited by staff in the admin."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.richtext import RichTextField
from core.translated import LANGUAGE_CODES, TranslatedContent, filled, original_version_present

# Parts of the site a menu entry may lead to instead of a page of its own.
SECTIONS = {
    "pressroom:list": _("Press releases"),
    "organisation:who-we-are": _("Who we are"),
    "organisation:structure": _("Structure"),
    "events:list": _("Events"),
}


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def public(self):
        """What visitors can open: published, and a sub-page's parent published too."""
        return self.published().exclude(parent__is_published=False)

    def menu(self):
        """The published top-level pages in the menu; sub-pages are listed on their parent."""
        return self.published().filter(parent=None, in_menu=True).order_by("order", "pk")


class Page(TranslatedContent, models.Model):
    version_fields = ("title", "slug", "body")

    # Translated (see translation.py). Which languages exist is decided in clean().
    title = models.CharField(_("title"), max_length=200, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        blank=True,
        db_index=False,
        help_text=_("The last part of the address, in each language."),
    )
    body = RichTextField(_("text"), blank=True)

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent page"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Leave empty for a top-level page. Pages have at most two levels."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Smaller numbers come first in the menu.")
    )
    in_menu = models.BooleanField(_("in the menu"), default=True)
    section = models.CharField(
        _("leads to"),
        max_length=40,
        blank=True,
        choices=list(SECTIONS.items()),
        help_text=_("A part of the site this menu entry opens, instead of the page's own text."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    original_language = models.CharField(
        _("original language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=original_version_present(),
                name="page_has_original_language_version",
                violation_error_message=_("The page needs a title in its original language."),
            ),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="page_not_its_own_parent"
            ),
            *[
                models.CheckConstraint(
                    condition=~filled(f"title_{c}") | filled(f"slug_{c}"),
                    name=f"page_slug_{c}_with_title",
                )
                for c in LANGUAGE_CODES
            ],
            *[
                models.UniqueConstraint(
                    fields=[f"slug_{c}"],
                    condition=filled(f"slug_{c}") & models.Q(parent=None),
                    name=f"page_top_slug_{c}_unique",
                    violation_error_message=_("Another page already has this address."),
                )
                for c in LANGUAGE_CODES
            ],
            *[
                models.UniqueConstraint(
                    fields=["parent", f"slug_{c}"],
                    condition=filled(f"slug_{c}") & models.Q(parent__isnull=False),
                    name=f"page_child_slug_{c}_unique",
                    violation_error_message=_("Another page already has this address."),
                )
                for c in LANGUAGE_CODES
            ],
        ]

    def __str__(self):
        return self.in_language(translation.get_language()).title

    def get_absolute_url(self, language=None):
        language = language or translation.get_language()
        with translation.override(language):
            if self.section:
                return reverse(self.section)
            slugs = [self.in_language(language).slug]
            if self.parent_id:
                slugs.insert(0, self.parent.in_language(language).slug)
            return reverse("pages:page", kwargs={"path": "/".join(slugs)})

    def clean(self):
        errors = {}
        for code in LANGUAGE_CODES:
            if getattr(self, f"title_{code}") and not getattr(self, f"slug_{code}"):
                errors[f"slug_{code}"] = _("Required when the page has a title in this language.")
        if not getattr(self, f"title_{self.original_language}"):
            errors[f"title_{self.original_language}"] = _(
                "The page needs a title in its original language."
            )
        if self.parent_id and (self.parent.parent_id or self.parent_id == self.pk):
            errors["parent"] = _("Pages have at most two levels: choose a top-level page.")
        if self.pk and self.parent_id and self.children.exists():
            errors["parent"] = _("This page has sub-pages, so it must stay at the top level.")
        if errors:
            raise ValidationError(errors)
        self._check_addresses_are_free()

    def _check_addresses_are_free(self):
        """A page's address must not hide another part of the site (releases, events…)."""
        if self.section:
            return
        for code in self.languages:
            try:
                url = self.get_absolute_url(code)
            except (NoReverseMatch, Page.DoesNotExist):
                continue
            try:
                match = resolve(url)
            except Resolver404:
                continue
            if match.view_name != "pages:page":
                raise ValidationError(
                    {f"slug_{code}": _("This address is already used by another part of the site.")}
                )
