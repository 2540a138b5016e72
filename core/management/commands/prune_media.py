"""manage.py prune_media [--delete]: the stored files that no row refers to.

For stores that predate the automatic clean-up (core/uploads.py, django-cleanup), and for files
left by a save outside a request that rolled back. Lists them by default; --delete removes them.
A rendition counts as referenced while its original is.
"""

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand

from core import media


def stored_names(storage, folder=""):
    directories, files = storage.listdir(folder)
    prefix = f"{folder}/" if folder else ""
    for file in sorted(files):
        yield prefix + file
    for directory in sorted(directories):
        yield from stored_names(storage, prefix + directory)


class Command(BaseCommand):
    help = "List the stored files that no row refers to; with --delete, remove them."

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="Remove them (default: list).")

    def handle(self, *args, delete=False, **options):
        referenced = media.referenced_names()
        orphans = [
            name
            for name in stored_names(default_storage)
            if media.original_of(name) not in referenced
        ]
        for name in orphans:
            if delete:
                default_storage.delete(name)
            self.stdout.write(name)
        verb = "Removed" if delete else "Found (dry run: --delete removes them)"
        self.stdout.write(f"{verb} {len(orphans)} unreferenced file(s).")
