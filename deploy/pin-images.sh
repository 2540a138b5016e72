#!/usr/bin/env bash
# Pin every base image by digest: the FROM lines of the Dockerfile and the image: lines of
# docker-compose.yml, `name:tag` → `name:tag@sha256:<digest of the tag's multi-platform index>`.
# An image already pinned gets the tag's current digest (the same release line, rebuilt with its
# security fixes). Images built here (iom-cms:…) are left alone.
#   deploy/pin-images.sh        # needs `docker buildx` and access to Docker Hub; no pull
# Then: make test (tests/test_deployment.py checks every reference), commit both files.
# With REQUIRE_IMAGE_DIGESTS=true the tests refuse any reference without a digest.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v docker >/dev/null || { echo "pin-images: docker (with buildx) is needed" >&2; exit 1; }

references() {
  sed -nE 's/^FROM[[:space:]]+([^[:space:]]+).*/\1/p' Dockerfile
  sed -nE 's/^[[:space:]]+image:[[:space:]]+"?([^"[:space:]#]+)"?.*/\1/p' docker-compose.yml
}

for reference in $(references | sort -u); do
  image=${reference%@*}  # without an old digest
  [[ $image == iom-cms:* ]] && continue
  digest=$(docker buildx imagetools inspect "$image" --format '{{.Manifest.Digest}}')
  [[ $digest =~ ^sha256:[0-9a-f]{64}$ ]] || { echo "pin-images: no digest for $image" >&2; exit 1; }
  pattern=$(printf '%s' "$image" | sed 's/[.[\*^$/]/\\&/g')
  sed -i -E "s/(^FROM[[:space:]]+|image:[[:space:]]+\"?)${pattern}(@sha256:[0-9a-f]{64})?/\1${image//\//\\/}@${digest}/" \
    Dockerfile docker-compose.yml
  echo "$image@$digest"
done
