"""The press room's admin: releases (with their workflow and history), topics and contacts."""

from django.contrib import admin
from taggit.models import Tag

from . import directory, releases  # noqa: F401 - registers the admins

# Releases use our translated Topic; taggit's own untranslated tags would only confuse editors.
admin.site.unregister(Tag)
