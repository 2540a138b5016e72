# Varnish in front of nginx (which balances the web nodes): the edge cache of public pages.
# Mounted read-only as /etc/varnish/default.vcl in the official image (docker-compose.yml).
#
# Django decides what is kept and how long (core/public_cache.py): an anonymous page answers
#   Cache-Control: public, max-age=<browsers>, s-maxage=<until the next scheduled publication>
#   xkey: all lists pressroom.pressrelease-12 ...
# and every change purges by those keys: `PURGE /` with `xkey-purge: <keys>` from a web node
# (core/edge.py), accepted only from the addresses below.
# Everything else (staff with a session, the admin, forms, errors, previews) says private or
# no-store and passes through.

vcl 4.1;

import xkey;

backend default {
    .host = "nginx";
    .port = "80";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

# Who may purge: this machine and the private networks the web nodes live on (compose's bridge
# networks are 172.16.0.0/12). Narrow it to the nodes' own addresses where they are known.
acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "No xkey-purge header"));
        }
        # A hard purge: an unpublished release must be gone, not served stale.
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff (a session) and forms (a CSRF cookie) are never served from here, nor the images
    # of a preview link's visitor (its signed cookie, sent only to /media/: core/media.py).
    if (req.http.Cookie ~ "(^|;\s*)((__Host-)?(sessionid|csrftoken)|preview_images)=") {
        return (pass);
    }
    # The public site sets no cookie: any other (analytics) would split the cache for nothing.
    unset req.http.Cookie;
    unset req.http.Authorization;
    return (hash);
}

sub vcl_backend_response {
    # No grace: a page expires exactly when Django said (the next scheduled publication), so an
    # embargoed release appears at its second, never one request late.
    set beresp.grace = 0s;
    # The built-in rules follow (private, no-store, Set-Cookie: not kept).
}

sub vcl_deliver {
    # The keys and Varnish's own headers are for this cache only.
    unset resp.http.xkey;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # Browsers read max-age; s-maxage was for caches that are purged.
}

sub vcl_synth {
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.body = resp.reason + {"
"};
    return (deliver);
}
