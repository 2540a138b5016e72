"""The HTTP Observatory's score, computed from one response's headers (and HTML, for SRI).

The Observatory (Mozilla, now MDN's HTTP Observatory, rules of its v2 scanner) starts every site
at 100, applies one result per test below, and adds the bonuses only when the penalties left
the score at 90 or more. Written from its published scoring table; where a rule was unclear, the
reading here is the stricter one (no HSTS preload bonus, since being on the browsers' preload
list cannot be checked from a response).

| test                     | result                                                | points |
|--------------------------|-------------------------------------------------------|--------|
| Content-Security-Policy  | default-src 'none', nothing unsafe                    | +10    |
|                          | implemented, nothing unsafe                           | 0      |
|                          | 'unsafe-inline' in style-src only                     | 0      |
|                          | http: sources for passive content (images, media)     | -10    |
|                          | 'unsafe-eval' in script-src                           | -10    |
|                          | unsafe script sources ('unsafe-inline', *, data:, …)  | -20    |
|                          | http: sources for scripts, styles, objects, frames    | -20    |
|                          | not implemented / unparsable                          | -25    |
| cookies                  | all Secure, sessions HttpOnly, all SameSite           | +5     |
|                          | all Secure, sessions HttpOnly / no cookies            | 0      |
|                          | not Secure but HSTS (non-session / session cookie)    | -5/-10 |
|                          | not Secure (non-session cookie)                       | -20    |
|                          | invalid SameSite; anti-CSRF cookie without SameSite   | -20    |
|                          | session cookie without HttpOnly                       | -30    |
|                          | session cookie without Secure (and no HSTS)           | -40    |
| CORS                     | none, or public (*) without credentials               | 0      |
|                          | any origin with credentials                           | -50    |
| redirection (http)       | to https on the same host                             | 0      |
|                          | missing, or not to https                              | -20    |
| Referrer-Policy          | no-referrer, same-origin, strict-origin(-w-c-o)       | +5     |
|                          | not set, no-referrer-when-downgrade                   | 0      |
|                          | origin, origin-when-cross-origin, unsafe-url, invalid | -5     |
| Strict-Transport-Sec.    | max-age of six months or more                         | 0      |
|                          | less than six months                                  | -10    |
|                          | not implemented / invalid                             | -20    |
| Subresource Integrity    | external scripts with integrity, over https           | +5     |
|                          | no scripts, or only scripts from the same origin      | 0      |
|                          | external scripts over https without integrity         | -5     |
|                          | external scripts over http without integrity          | -50    |
| X-Content-Type-Options   | nosniff                                               | 0      |
|                          | missing / invalid                                     | -5     |
| X-Frame-Options          | CSP frame-ancestors (not *)                           | +5     |
|                          | DENY / SAMEORIGIN                                     | 0      |
|                          | missing / invalid                                     | -20    |
| Cross-Origin-Resource-P. | same-origin, same-site, cross-origin, not set         | 0      |
|                          | invalid                                               | -5     |
"""

import re
from dataclasses import dataclass, field

SIX_MONTHS = 15_768_000
UNSAFE_SCRIPT_SOURCES = {"'unsafe-inline'", "*", "data:", "http:", "https:", "blob:"}
SESSION_MARKERS = ("sess", "login", "sid", "auth")


@dataclass
class Score:
    score: int
    results: dict = field(default_factory=dict)  # test -> (result, points)

    def __str__(self):
        lines = [f"score {self.score}"]
        lines += [
            f"  {name}: {result} ({points:+d})" for name, (result, points) in self.results.items()
        ]
        return "\n".join(lines)


def parse_csp(value):
    policy = {}
    for part in value.split(";"):
        tokens = part.strip().split()
        if not tokens:
            continue
        name = tokens[0].lower()
        if name in policy:
            raise ValueError(f"directive {name} twice")
        policy[name] = [token.lower() for token in tokens[1:]]
    return policy


def content_security_policy(headers):
    value = headers.get("content-security-policy")
    if not value:
        return "csp-not-implemented", -25, {}
    try:
        policy = parse_csp(value)
    except ValueError:
        return "csp-header-invalid", -25, {}
    default = policy.get("default-src", ["*"])
    script = policy.get("script-src", default)
    style = policy.get("style-src", default)
    active = (script, style, policy.get("object-src", default), policy.get("frame-src", default))
    passive = (policy.get("img-src", default), policy.get("media-src", default))
    # A nonce or a hash makes browsers ignore 'unsafe-inline'.
    if any(s.startswith(("'nonce-", "'sha")) for s in script):
        script = [s for s in script if s != "'unsafe-inline'"]
    if set(script) & UNSAFE_SCRIPT_SOURCES:
        return "csp-implemented-with-unsafe-inline", -20, policy
    if any(s == "http:" or s.startswith("http://") for sources in active for s in sources):
        return "csp-implemented-with-insecure-scheme", -20, policy
    if "'unsafe-eval'" in script:
        return "csp-implemented-with-unsafe-eval", -10, policy
    if any(s == "http:" or s.startswith("http://") for sources in passive for s in sources):
        return "csp-implemented-with-insecure-scheme-in-passive-content-only", -10, policy
    if "'unsafe-inline'" in style:
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0, policy
    if policy.get("default-src") == ["'none'"]:
        return "csp-implemented-with-no-unsafe-default-src-none", 10, policy
    return "csp-implemented-with-no-unsafe", 0, policy


def parse_cookie(header):
    name_value, *attributes = [part.strip() for part in header.split(";")]
    parsed = {"name": name_value.split("=", 1)[0]}
    for attribute in attributes:
        key, _, value = attribute.partition("=")
        parsed[key.lower()] = value or True
    return parsed


def cookies(set_cookies, hsts):
    if not set_cookies:
        return "cookies-not-found", 0
    results = []
    for cookie in map(parse_cookie, set_cookies):
        name = cookie["name"].lower()
        session = any(marker in name for marker in SESSION_MARKERS)
        samesite = cookie.get("samesite")
        if samesite not in (None, True) and str(samesite).lower() not in ("strict", "lax", "none"):
            results.append(("cookies-samesite-flag-invalid", -20))
        if "csrf" in name and not samesite:
            results.append(("cookies-anticsrf-without-samesite-flag", -20))
        if session and "secure" not in cookie:
            results.append(
                ("cookies-session-without-secure-flag-but-protected-by-hsts", -10)
                if hsts
                else ("cookies-session-without-secure-flag", -40)
            )
        if session and "httponly" not in cookie:
            results.append(("cookies-session-without-httponly-flag", -30))
        if not session and "secure" not in cookie:
            results.append(
                ("cookies-without-secure-flag-but-protected-by-hsts", -5)
                if hsts
                else ("cookies-without-secure-flag", -20)
            )
        if not samesite:
            results.append(("cookies-secure-with-httponly-sessions", 0))
    if results:
        return min(results, key=lambda result: result[1])
    return "cookies-secure-with-httponly-sessions-and-samesite", 5


def cors(headers):
    origin = headers.get("access-control-allow-origin")
    if not origin:
        return "cross-origin-resource-sharing-not-implemented", 0
    if headers.get("access-control-allow-credentials", "").lower() == "true":
        return "cross-origin-resource-sharing-implemented-with-universal-access", -50
    return "cross-origin-resource-sharing-implemented-with-public-access", 0


def redirection(http_response):
    if http_response is None:
        return "redirection-not-tested", 0
    status, location = http_response
    if status not in (301, 302, 307, 308) or not location:
        return "redirection-missing", -20
    if not location.startswith("https://"):
        return "redirection-not-to-https", -20
    return "redirection-to-https", 0


def referrer_policy(headers):
    value = headers.get("referrer-policy")
    if value is None:
        return "referrer-policy-not-implemented", 0
    policies = [p.strip().lower() for p in value.split(",") if p.strip()]
    known = {
        "no-referrer",
        "same-origin",
        "strict-origin",
        "strict-origin-when-cross-origin",
        "no-referrer-when-downgrade",
        "origin",
        "origin-when-cross-origin",
        "unsafe-url",
    }
    valid = [p for p in policies if p in known]
    if not valid:
        return "referrer-policy-header-invalid", -5
    policy = valid[-1]  # browsers use the last one they understand
    if policy in {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}:
        return "referrer-policy-private", 5
    if policy == "no-referrer-when-downgrade":
        return "referrer-policy-no-referrer-when-downgrade", 0
    return "referrer-policy-unsafe", -5


def strict_transport_security(headers):
    value = headers.get("strict-transport-security")
    if not value:
        return "hsts-not-implemented", -20
    match = re.search(r"max-age=\"?(\d+)\"?", value, re.IGNORECASE)
    if not match:
        return "hsts-header-invalid", -20
    if int(match.group(1)) < SIX_MONTHS:
        return "hsts-implemented-max-age-less-than-six-months", -10
    return "hsts-implemented-max-age-at-least-six-months", 0


SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)


def subresource_integrity(headers, html):
    if html is None or "html" not in headers.get("content-type", ""):
        return "sri-not-implemented-response-not-html", 0
    external = []
    for attributes in SCRIPT_TAG.findall(html):
        src = re.search(r"\bsrc=[\"']?([^\"' >]+)", attributes)
        if src and src.group(1).startswith(("http:", "https:", "//")):
            external.append((src.group(1), "integrity=" in attributes))
    if not external:
        return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0
    if any(url.startswith("http:") and not integrity for url, integrity in external):
        return "sri-not-implemented-and-external-scripts-not-loaded-securely", -50
    if all(integrity for _url, integrity in external):
        return "sri-implemented-and-external-scripts-loaded-securely", 5
    return "sri-not-implemented-but-external-scripts-loaded-securely", -5


def x_content_type_options(headers):
    value = headers.get("x-content-type-options")
    if value is None:
        return "x-content-type-options-not-implemented", -5
    if value.strip().lower() != "nosniff":
        return "x-content-type-options-header-invalid", -5
    return "x-content-type-options-nosniff", 0


def x_frame_options(headers, policy):
    ancestors = policy.get("frame-ancestors")
    if ancestors and "*" not in ancestors:
        return "x-frame-options-implemented-via-csp", 5
    value = headers.get("x-frame-options")
    if value is None:
        return "x-frame-options-not-implemented", -20
    if value.strip().lower() in ("deny", "sameorigin"):
        return "x-frame-options-sameorigin-or-deny", 0
    return "x-frame-options-header-invalid", -20


def cross_origin_resource_policy(headers):
    value = headers.get("cross-origin-resource-policy")
    if value is None:
        return "cross-origin-resource-policy-not-implemented", 0
    if value.strip().lower() in ("same-origin", "same-site", "cross-origin"):
        return "cross-origin-resource-policy-implemented", 0
    return "cross-origin-resource-policy-header-invalid", -5


def score(headers, set_cookies=(), html=None, http_response=None):
    """The score of one https response.

    headers: its headers (any case); set_cookies: its Set-Cookie values; html: its body;
    http_response: (status, Location) of the same address asked over http, when it was.
    """
    headers = {name.lower(): value for name, value in headers.items()}
    csp_result, csp_points, policy = content_security_policy(headers)
    hsts = strict_transport_security(headers)
    results = {
        "content-security-policy": (csp_result, csp_points),
        "cookies": cookies(list(set_cookies), hsts=hsts[1] == 0),
        "cross-origin-resource-sharing": cors(headers),
        "redirection": redirection(http_response),
        "referrer-policy": referrer_policy(headers),
        "strict-transport-security": hsts,
        "subresource-integrity": subresource_integrity(headers, html),
        "x-content-type-options": x_content_type_options(headers),
        "x-frame-options": x_frame_options(headers, policy),
        "cross-origin-resource-policy": cross_origin_resource_policy(headers),
    }
    total = 100 + sum(points for _result, points in results.values() if points < 0)
    if total >= 90:  # bonuses count only for a site without serious penalties
        total += sum(points for _result, points in results.values() if points > 0)
    return Score(total, results)


def score_django_response(response, http_response=None):
    """score() for a response of Django's test client."""
    set_cookies = [morsel.OutputString() for morsel in response.cookies.values()]
    html = response.content.decode() if not getattr(response, "streaming", False) else None
    return score(response.headers, set_cookies, html, http_response)
