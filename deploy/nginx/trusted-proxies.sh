#!/bin/sh
# Writes the addresses nginx takes X-Forwarded-For from (its `set_real_ip_from` lines), one per
# address or network in TRUSTED_PROXIES (separated by spaces or commas), into the file that
# deploy/nginx/nginx.conf includes. The official nginx image runs it at start (mounted in
# /docker-entrypoint.d/ by docker-compose.yml); tests/nginx.py runs it for the tests' nginx.
#
# Name only what sits between the visitors and nginx: Varnish, and the balancer in front of it.
# A request from any other address keeps its own address, whatever X-Forwarded-For it sends, so
# the rate limits and the login lockout count it as itself.
set -eu

output=${TRUSTED_PROXIES_FILE:-/etc/nginx/conf.d/trusted-proxies.conf}
addresses=$(printf '%s' "${TRUSTED_PROXIES:-}" | tr ',' ' ')
if [ -z "$(printf '%s' "$addresses" | tr -d ' ')" ]; then
    echo "$0: TRUSTED_PROXIES is empty: set it to the addresses of Varnish and of the balancer" >&2
    exit 1
fi

lines="# Written by trusted-proxies.sh from TRUSTED_PROXIES at start: do not edit.
"
for address in $addresses; do
    case $address in
        *[!0-9A-Fa-f.:/]* | */*/* | "")
            echo "$0: not an address or a network: '$address' (in TRUSTED_PROXIES)" >&2
            exit 1
            ;;
    esac
    lines="${lines}set_real_ip_from $address;
"
done
printf '%s' "$lines" > "$output"
echo "$0: nginx takes X-Forwarded-For from: $addresses"
