"""The container's health check: /healthz answers 200. Exit 0 when healthy, 1 otherwise.

Asks with the first allowed host name, since Django refuses other hosts, and over plain http,
which the health checks are exempt from redirecting (SECURE_REDIRECT_EXEMPT).
"""

import os
import sys
import urllib.request

# ".example.org" allows example.org and its subdomains; "*" allows any host.
host = (os.environ.get("ALLOWED_HOSTS") or "").split(",")[0].strip().lstrip(".")
host = host if host and host != "*" else "localhost"
request = urllib.request.Request("http://127.0.0.1:8000/healthz", headers={"Host": host})
try:
    with urllib.request.urlopen(request, timeout=4) as response:  # noqa: S310 - fixed address
        sys.exit(0 if response.status == 200 else 1)
except OSError:
    sys.exit(1)
