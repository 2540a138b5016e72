"""The site's addresses and /bare/, a fixed 20 KB page through the same middleware."""

from django.http import HttpResponse
from django.urls import path

from iom_cms.urls import urlpatterns as site

PARAGRAPH = "<p>" + "The International Organization for Migration. " * 20 + "</p>\n"
BARE = (
    "<!DOCTYPE html><html lang=en><head><title>bare</title></head><body>\n"
    + PARAGRAPH * (20_480 // len(PARAGRAPH) + 1)
)[:20_466] + "</body></html>"


def bare(request):
    return HttpResponse(BARE)


urlpatterns = [path("bare/", bare), *site]
