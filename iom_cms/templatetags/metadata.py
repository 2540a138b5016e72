"""Head metadata for base.html: canonical and hreflang links, Open Graph and Twitter cards,
JSON-LD structured data (rules in iom_cms.metadata and iom_cms.structured_data)."""

from django import template
from django.templatetags.static import static
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pressroom.models import PressRelease

from .. import metadata, structured_data

register = template.Library()

# gettext_lazy by its own name: makemessages knows `_` and `gettext_lazy`, not other aliases,
# and a string it never extracts stays English in every language.
DEFAULT_DESCRIPTION = gettext_lazy(
    "News, press releases and information from the International Organization for Migration, "
    "the UN migration agency."
)
DEFAULT_IMAGE = "img/iom-share.png"  # 1200 × 630, what link previews expect
DEFAULT_IMAGE_SIZE = (1200, 630)


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # Blocks inside stay overridable: a child's {% block title %} fills the captured text.
        # What a template rendered is already escaped: marking it safe avoids escaping twice.
        text = " ".join(self.nodelist.render(context).split())
        context[self.name] = mark_safe(text)  # noqa: S308
        return ""


@register.tag
def capture(parser, token):
    """{% capture as name %}…{% endcapture %}: render once, use twice (<title> and og:title)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


def _image(request, item, language):
    if isinstance(item, PressRelease) and item.image:
        version = item.in_language(language)
        return {
            "url": request.build_absolute_uri(item.image.url),
            "alt": version.image_alt or version.title,
            # The stored size: image.width would open the file (and fail if it is missing).
            "width": item.image_width,
            "height": item.image_height,
            "large": True,
        }
    width, height = DEFAULT_IMAGE_SIZE
    return {
        "url": request.build_absolute_uri(static(DEFAULT_IMAGE)),
        "alt": _("The IOM logo"),
        "width": width,
        "height": height,
        "large": False,
    }


@register.inclusion_tag("includes/head_metadata.html", takes_context=True)
def head_metadata(context, title, description):
    """Canonical, hreflang alternates (with x-default), Open Graph and Twitter card."""
    request = context["request"]
    item = context.get("object")
    language = translation.get_language()
    links = metadata.head_links(
        request,
        item=item,
        language_urls=context.get("language_urls"),
        form=context.get("form"),
        language=language,
    )
    is_article = isinstance(item, PressRelease)
    return {
        **links,
        "title": title,
        "description": description or DEFAULT_DESCRIPTION,
        "site_name": _("IOM – International Organization for Migration"),
        "type": "article" if is_article else "website",
        "article": item if is_article else None,
        "image": _image(request, item, language),
    }


@register.simple_tag(takes_context=True)
def json_ld(context):
    """The page's schema.org description as <script type="application/ld+json">, or nothing."""
    data = structured_data.for_page(
        context["request"], context.get("object"), language=translation.get_language()
    )
    if data is None:
        return ""
    # dumps() escapes <, > and &: nothing in the data can end the element.
    script = f'<script type="application/ld+json">{structured_data.dumps(data)}</script>'
    return mark_safe(script)  # noqa: S308
