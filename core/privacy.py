"""What is not public yet: who may see it, and how a response that shows it is sent.

One rule for every app: staff with the model's change permission see drafts and embargoed items
at their public address (a preview), unless the site requires a second factor of them and this
session has not passed it (`OTP_REQUIRED_FOR_SUPERUSERS`: the same rule as the admin's, so a
stolen password of a superuser opens neither). Anything shown privately is sent by
`keep_private()`: not indexed, not cached on the way, no Referer passed on.
"""

from typing import Any

from django.conf import settings
from django.http import HttpResponseBase
from django.utils.cache import patch_cache_control
from django_otp import user_has_device


def needs_second_factor(user: Any) -> bool:
    if user.is_superuser and settings.OTP_REQUIRED_FOR_SUPERUSERS:
        return True
    return bool(user_has_device(user, confirmed=True))


def passed_second_factor(user: Any) -> bool:
    """False for a session that should have given a code and has not (django-otp's is_verified)."""
    if not user.is_authenticated:
        return False
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified()) or not needs_second_factor(user)


def may_preview(user: Any, permission: str) -> bool:
    """Whether `user` sees what the public cannot, for a model guarded by `permission`."""
    return bool(user.is_authenticated and user.has_perm(permission)) and passed_second_factor(user)


def keep_private(response: HttpResponseBase) -> HttpResponseBase:
    """Mark a response as for its reader only: not indexed, not cached, no Referer sent on."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    patch_cache_control(response, private=True, no_store=True)
    response["Referrer-Policy"] = "no-referrer"
    return response
