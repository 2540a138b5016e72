"""The site's WSGI application with one more address, /slow?seconds=N, that answers after N
seconds: a request still in flight when tests/test_gunicorn.py stops gunicorn."""

import time
import urllib.parse

from iom_cms.wsgi import application as site


def application(environ, start_response):
    if environ["PATH_INFO"] != "/slow":
        return site(environ, start_response)
    seconds = float(urllib.parse.parse_qs(environ["QUERY_STRING"])["seconds"][0])
    time.sleep(seconds)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"finished\n"]
