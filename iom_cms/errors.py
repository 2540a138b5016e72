"""The answer to an unhandled error: 503 while the database is unreachable, else the 500 page.

Both pages are standalone templates that need neither the database nor the URL configuration,
since either may be what failed.
"""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils import translation

# OperationalError: the server is down, restarting, out of connections, or unreachable.
# InterfaceError: the connection broke under the request.
UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_unavailable(exception: BaseException | None) -> bool:
    return isinstance(exception, UNAVAILABLE) or (
        isinstance(exception, DatabaseError) and isinstance(exception.__cause__, UNAVAILABLE)
    )


def server_error(request):
    """handler500. Django calls it while handling the exception, so sys.exc_info() has it."""
    if database_unavailable(sys.exc_info()[1]):
        return service_unavailable(request)
    return HttpResponseServerError(loader.get_template("500.html").render())


def service_unavailable(request):
    """The 503 page in the visitor's language (from the address or Accept-Language)."""
    language = translation.get_language_from_path(request.path_info) or (
        translation.get_language_from_request(request)
    )
    html = loader.get_template("503.html").render({"language": language})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
