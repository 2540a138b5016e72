"""Site-wide request handling: a log line and an id per request, and malformed addresses refused.

Each concern is one small class; settings.MIDDLEWARE says where each one sits and why.
"""

import contextvars
import logging
import re
import time
import uuid
from urllib.parse import unquote_to_bytes

from django.http import HttpResponseBadRequest, HttpResponseNotAllowed

from core.client import client_ip  # AXES_CLIENT_IP_CALLABLE names it here
from core.redaction import redact_tokens

request_logger = logging.getLogger("iom_cms.requests")

# The id of the request being handled, for every log record written while handling it.
current_request_id = contextvars.ContextVar("request_id", default="-")

# An id from the proxy (nginx's $request_id) is kept when it looks like one; anything else
# could forge log lines, so it is replaced.
REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdFilter(logging.Filter):
    """Gives every log record the current request's id ("-" outside a request)."""

    def filter(self, record):
        record.request_id = current_request_id.get()
        return True


class RedactTokensFilter(logging.Filter):
    """Takes the tokens of signed links (core/redaction.py) out of every record a handler
    writes, its trace included: the request line, Django's CSRF and security warnings, errors
    under a preview or an email alerts address."""

    def filter(self, record):
        message = record.getMessage()
        redacted = redact_tokens(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact_tokens(record.exc_text)
        return True


def loggable_path(request):
    """The address as logged: a signed link's token is left out (see RedactTokensFilter)."""
    return redact_tokens(request.get_full_path())


class RequestLogMiddleware:
    """One log line per request: method, path, status, duration and request id.

    The id comes from the X-Request-ID header (nginx sets one) or is made here; it is sent back
    in the response's X-Request-ID so that a visitor's report can be matched with the logs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = current_request_id.set(request_id)
        start = time.perf_counter()
        try:
            response = self.get_response(request)
            duration_ms = (time.perf_counter() - start) * 1000
            response["X-Request-ID"] = request_id
            request_logger.info(
                "%s %s %s %.1fms ip=%s",
                request.method,
                loggable_path(request),
                response.status_code,
                duration_ms,
                client_ip(request),
            )
            return response
        finally:
            current_request_id.reset(token)


SERVED_METHODS = ("GET", "HEAD", "POST", "OPTIONS")


class UnservedMethodMiddleware:
    """405 for TRACE, PUT, PATCH, DELETE, CONNECT and any other method: no address of the site
    serves one (the admin writes with POST), so none reaches a view or a page cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in SERVED_METHODS:
            return HttpResponseNotAllowed(SERVED_METHODS)
        return self.get_response(request)


# NUL and the other control characters that XML 1.0 cannot carry (tab, line feed and carriage
# return can): no address of the site contains them, and feeds and the API would fail on them.
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def is_malformed(raw: bytes) -> bool:
    """True for bytes that no address of the site can contain: control bytes, invalid UTF-8."""
    if CONTROL_BYTES.search(raw):
        return True
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


# Django decodes the path before any middleware sees it, and writes each byte that is not valid
# UTF-8 back as %XX (always a byte of 0x80 or more, in capitals).
BROKEN_UTF8_IN_PATH = re.compile(r"%[89A-F][0-9A-F]")


class MalformedRequestMiddleware:
    """A 400 for a path or query string with a NUL byte (or another control character that XML
    cannot carry) or invalid UTF-8, on every address.

    Django would otherwise carry on with such bytes, and some code paths (file names, database
    parameters) fail on them with a 500. No address of the site contains a "%" once decoded,
    so a re-encoded byte in the path is unambiguous. The answer is short and in the three
    languages: the request may not even say which language it wants.
    """

    MESSAGE = "Adresse invalide. / Invalid address. / Dirección no válida.\n"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        # The query string is left as the client sent it: percent-encoded bytes read as latin-1.
        raw_query = request.META.get("QUERY_STRING", "").encode("latin-1", "replace")
        query = unquote_to_bytes(raw_query.replace(b"+", b" "))
        if (
            BROKEN_UTF8_IN_PATH.search(path)
            or is_malformed(path.encode("utf-8", "surrogatepass"))
            or is_malformed(query)
        ):
            return HttpResponseBadRequest(self.MESSAGE, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
