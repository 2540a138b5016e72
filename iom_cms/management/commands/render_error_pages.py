"""`manage.py render_error_pages`: the pages nginx serves without asking Django, in each language.

Today one: 429.html, the answer to a visitor over a rate limit (deploy/nginx/nginx.conf). nginx
must not ask Django for it: the limit is there to keep that traffic away from Django. The
Dockerfile runs this after collectstatic, so the pages travel with the static files to the
volume nginx serves (/static/errors/429.<language>.html).
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.utils import translation

PAGES = ["429"]


class Command(BaseCommand):
    help = "Write the error pages that nginx serves itself, one file per page and language."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Folder to write them to (default: STATIC_ROOT/errors).",
        )

    def handle(self, *args, output, **options):
        folder = output or Path(settings.STATIC_ROOT) / "errors"
        folder.mkdir(parents=True, exist_ok=True)
        for page in PAGES:
            for language, _name in settings.LANGUAGES:
                with translation.override(language):
                    html = render_to_string(f"{page}.html")
                (folder / f"{page}.{language}.html").write_text(html, encoding="utf-8")
        self.stdout.write(f"Wrote {len(PAGES) * len(settings.LANGUAGES)} pages to {folder}")
