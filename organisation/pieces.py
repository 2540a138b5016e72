"""The organisation's profile (mission and key figures, on home and "Who we are"), read once per
language and kept until the public pages change (core/site_pieces.py)."""

from core.site_pieces import kept

from .models import Profile


def profile():
    """The organisation's profile, or None before anyone wrote it."""
    return kept("organisation-profile", Profile.objects.first)
