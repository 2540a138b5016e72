"""The two long repeated parts of the finder's page, written out in Python: the topics to tick and
the twenty release summaries.

They are the page's loops: forty topics and twenty summaries of a dozen values each, about 800 of
the page's 950 template nodes, two thirds of its rendering time in Django's template language.
Written here, with every value escaped, they cost a tenth of that. The markup is that of
`includes/release_summary.html` (which the organisation's and the home page's lists use) and of
the topic list in `pressroom/pressrelease_list.html`: change them together.
"""

from html import escape

from django.utils.safestring import mark_safe


def topic_options_html(options):
    """<li> items of the topic checkboxes: [(slug, name, count or None, checked)]."""
    items = []
    for slug, name, count, checked in options:
        counted = f' <span class="finder__count">({count})</span>' if count is not None else ""
        items.append(
            f'<li><label><input type="checkbox" name="topic" value="{escape(slug)}"'
            f"{' checked' if checked else ''}> {escape(name)}{counted}</label></li>"
        )
    return mark_safe("\n".join(items))  # noqa: S308 - every value above is escaped


def summaries_html(rows, list_url, topics_label):
    """<article> summaries of the rows made by presenting.summaries()."""
    articles = []
    for row in rows:
        lang = escape(row["lang"])
        meta = [
            f'<time datetime="{row["iso"]}">{escape(row["date"])}</time>',
            f'<span lang="{lang}">· {escape(row["dateline"])}</span>',
        ]
        if row["kind"]:
            meta.append(f'· <span class="release-summary__kind">{escape(row["kind"])}</span>')
        if row["office_slug"]:
            meta.append(
                f'· <a href="{escape(list_url)}?office={escape(row["office_slug"])}">'
                f"{escape(row['office_name'] or '')}</a>"
            )
        if row["passage"]:  # already safe HTML (search.highlighted)
            text = f'<p class="release-summary__passage" lang="{lang}">… {row["passage"]} …</p>'
        else:
            text = f'<p class="release-summary__lead" lang="{lang}">{escape(row["lead"])}</p>'
        parts = ['<article class="release-summary">']
        if row["thumbnail"]:  # decorative: the title beside it says what the release is about
            image = row["thumbnail"]
            parts.append(
                f'<img class="release-summary__image" src="{escape(image["src"])}" '
                f'srcset="{escape(image["srcset"])}" sizes="{escape(image["sizes"])}" alt="" '
                f'width="{image["width"]}" height="{image["height"]}" loading="lazy">'
            )
        parts += [
            '<p class="release-summary__meta">' + "\n".join(meta) + "</p>",
            f'<h3 class="release-summary__title" lang="{lang}"><a href="{escape(row["url"])}">'
            f"{escape(row['title'])}</a></h3>",
            text,
        ]
        if row["fallback"]:
            parts.append(f'<p class="fallback-note">{escape(row["fallback"])}</p>')
        if row["topics"]:
            links = "".join(
                f'<li><a href="{escape(list_url)}?topic={escape(slug)}">{escape(name)}</a></li>'
                for slug, name in row["topics"]
            )
            parts.append(f'<ul class="topic-list" aria-label="{escape(topics_label)}">{links}</ul>')
        parts.append("</article>")
        articles.append("\n".join(parts))
    return mark_safe("\n".join(articles))  # noqa: S308 - every value above is escaped
