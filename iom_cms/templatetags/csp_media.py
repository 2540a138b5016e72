from django import template
from js_asset import Media

register = template.Library()


@register.filter
def with_csp_nonce(media, request):
    """Form media whose tags carry the request's CSP nonce.

    The rich-text editor loads its modules through an import map, which can only be an inline
    <script type="importmap">: without the nonce the policy (no unsafe-inline) refuses it.
    """
    nonce = getattr(request, "csp_nonce", None)
    if not media or nonce is None:
        return media
    return Media.from_media(media, nonce=nonce)
