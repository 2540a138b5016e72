"""The answer to an unhandled error: 503 while the database is unreachable, else the 500 page.

The 503 page is a standalone template that needs neither the database nor the URL configuration.
The 500 page is a page of the site, in the visitor's language and with the navigation (the menu
falls back to the site's sections when the database cannot be read); if even that fails, the
standalone 500_plain.html in the three languages answers.
"""

import logging
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


logger = logging.getLogger(__name__)


def visitor_language(request):
    """The language of the address, else the browser's (Accept-Language)."""
    return translation.get_language_from_path(request.path_info) or (
        translation.get_language_from_request(request)
    )


def server_error(request):
    """handler500. Django calls it while handling the exception, so sys.exc_info() has it."""
    if database_unavailable(sys.exc_info()[1]):
        return service_unavailable(request)
    try:
        with translation.override(visitor_language(request)):
            html = loader.render_to_string("500.html", request=request)
    except Exception:
        # The page of the site failed too (templates, URLs…): the plain page still answers.
        logger.exception("The 500 page could not be rendered")
        html = loader.get_template("500_plain.html").render()
    return HttpResponseServerError(html)


def service_unavailable(request):
    """The 503 page in the visitor's language (from the address or Accept-Language)."""
    language = visitor_language(request)
    html = loader.get_template("503.html").render({"language": language})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
