"""Who is asking: the visitor's address, for the login lockout, the logs and rate limits."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The visitor's address: from the header the proxy in front sets, or the connection's.

    settings.CLIENT_IP_HEADER names a header that the proxy overwrites on every request (nginx
    sets X-Real-IP to the address it sees), so a client cannot choose its own address. Used by
    the login lockout (django-axes), the request log and the email alerts' rate limits.
    """
    if settings.CLIENT_IP_HEADER:
        key = "HTTP_" + settings.CLIENT_IP_HEADER.upper().replace("-", "_")
        forwarded = str(request.META.get(key, "")).strip()
        if forwarded:
            return forwarded
    return str(request.META.get("REMOTE_ADDR", ""))
