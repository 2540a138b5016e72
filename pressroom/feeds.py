"""The finder's query as an Atom feed: the same form and QuerySet as the page, newest first."""

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .finder import PER_PAGE, ReleaseFilterForm, attach_corrections, page_rows


class BadFilter(Exception):
    def __init__(self, form):
        super().__init__()
        self.form = form


class ReleaseFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        try:
            response = super().__call__(request, *args, **kwargs)
        except BadFilter as bad:
            messages = [str(m) for errors in bad.form.errors.values() for m in errors]
            return HttpResponseBadRequest(
                "\n".join(messages) + "\n", content_type="text/plain; charset=utf-8"
            )
        # The feed generator writes hundreds of small pieces, which the server would send one by
        # one: join them into one.
        response.content = response.content
        return response

    def get_object(self, request, *args, **kwargs):
        form = ReleaseFilterForm(request.GET)
        if not form.is_valid():
            raise BadFilter(form)
        return form

    def title(self, form):
        return _("IOM press releases") + (f" – {form.description}" if form.description else "")

    def link(self, form):
        query = form.querystring(sort=None)
        return reverse("pressroom:list") + (f"?{query}" if query else "")

    def feed_url(self, form):
        query = form.querystring()
        return reverse("pressroom:feed") + (f"?{query}" if query else "")

    def author_name(self, form):
        # RFC 4287 wants an author for the feed or for every entry: IOM writes them all.
        return _("International Organization for Migration")

    def subtitle(self, form):
        return _("Press releases of the International Organization for Migration (IOM).")

    def items(self, form):
        return attach_corrections(page_rows(form.ordered(form.filtered()), limit=PER_PAGE))

    def item_title(self, release):
        return release.content.title

    def item_description(self, release):
        """The lead, then each correction with its date (the entry's “updated” says when)."""
        content = release.content
        notes = [
            _("Corrected on %(date)s: %(text)s")
            % {
                "date": formats.date_format(
                    timezone.localtime(correction.corrected_at), "DATE_FORMAT"
                ),
                "text": correction.text_in(content.language),
            }
            for correction in release.correction_list
        ]
        return "\n\n".join([content.lead, *notes])

    def item_link(self, release):
        return release.url

    def item_pubdate(self, release):
        return release.published_at

    def item_updateddate(self, release):
        return release.updated_at

    def item_categories(self, release):
        return [topic.name for topic in release.topic_list]
