"""manage.py prune_media [--delete]: the stored files that no row refers to.

For stores that predate the automatic clean-up (core/uploads.py, django-cleanup), for files
left by a save outside a request that rolled back, and for the held uploads of forms abandoned
more than a day ago (core/held_uploads.py). Lists them by default; --delete removes them.
A rendition counts as referenced while its original is.
"""

from collections.abc import Iterator
from typing import Any

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand

from core import held_uploads, media


def stored_names(storage: Any, folder: str = "") -> Iterator[str]:
    directories, files = storage.listdir(folder)
    prefix = f"{folder}/" if folder else ""
    for file in sorted(files):
        yield prefix + file
    for directory in sorted(directories):
        yield from stored_names(storage, prefix + directory)


class Command(BaseCommand):
    help = "List the stored files that no row refers to; with --delete, remove them."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--delete", action="store_true", help="Remove them (default: list).")

    def handle(self, *args: Any, delete: bool = False, **options: Any) -> None:
        referenced = media.referenced_names()
        orphans = [
            name
            for name in stored_names(default_storage)
            if media.original_of(name) not in referenced
            and (not name.startswith(held_uploads.FOLDER + "/") or held_uploads.is_abandoned(name))
        ]
        for name in orphans:
            if delete:
                default_storage.delete(name)
            self.stdout.write(name)
        verb = "Removed" if delete else "Found (dry run: --delete removes them)"
        self.stdout.write(f"{verb} {len(orphans)} unreferenced file(s).")
