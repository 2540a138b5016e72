"""Print the finder's benchmark targets as `label path` lines (run with manage.py shell).

Chosen from the data like the Wagtail peer's: a topic and a year three years back with more
than one page, a word that a journalist would type, the newest release.
"""

from urllib.parse import urlencode

from django.db.models import Count
from django.utils import timezone, translation

from pressroom.models import PressRelease, TaggedRelease

with translation.override("fr"):
    public = PressRelease.objects.published()
    year = timezone.localdate().year - 3
    in_year = public.filter(published_at__year=year)
    topic = (
        TaggedRelease.objects.filter(content_object__in=in_year)
        .values("tag__slug")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()["tag__slug"]
    )
    newest = public.order_by("-published_at").first()
    targets = {
        "list": "/fr/communiques/",
        "topic_year_p2": f"/fr/communiques/?topic={topic}&year={year}&page=2",
        # 267 matches of 100,000 (a journalist's two words), and 8,739 (two very common ones).
        "words": "/fr/communiques/?" + urlencode({"q": "ambassadeur résilience"}),
        "words_broad": "/fr/communiques/?" + urlencode({"q": "sécheresse familles"}),
        "page_500": "/fr/communiques/?page=500",
        "release": newest.get_absolute_url("fr"),
        "feed": "/fr/communiques/feed/",
        "api": "/fr/communiques/api/",
    }
    for label, address in targets.items():
        print(label, address)
