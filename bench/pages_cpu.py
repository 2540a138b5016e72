"""CPU time per page, in this process: the median of many renders of each page type.

    scripts/pgtest.sh run -- .venv/bin/python bench/pages_cpu.py            # demo content
    scripts/pgtest.sh run -- .venv/bin/python bench/pages_cpu.py --runs 400 home list
    DATABASE_URL=postgres://… .venv/bin/python bench/pages_cpu.py --no-setup  # a database you made
    … bench/pages_cpu.py --profile release    # where the time goes (needs pyinstrument, below)

Production settings with DEBUG off, the page cache off (PAGE_CACHE_SECONDS=0; other caches on,
in local memory), each page asked for through the test Client, so every middleware runs. Time is
`time.process_time()` around one request: CPU only, the database's own work (another process)
left out, the driver's included. The admin's pages are asked for by a staff user allowed to
manage releases (no second factor: it has no device). On an empty database it first migrates
and loads the demo content (`load_demo --force`). Figures vary by about ±10 % between runs on a
shared machine: compare before and after in the same conditions.

`--profile` samples the same requests with pyinstrument (`pip install pyinstrument==5.1.3`; a
development tool, not in the lock files) and prints where the time goes, page by page. A sampling
profiler, not cProfile: cProfile's cost per call distorts these pages several-fold.
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VAR = ROOT / "var" / "bench"

for name, value in {
    "DJANGO_SETTINGS_MODULE": "iom_cms.settings",
    "DEBUG": "false",
    "SECRET_KEY": "bench-only-not-secret",
    "ALLOWED_HOSTS": "testserver",
    "SECURE_SSL_REDIRECT": "false",
    "PAGE_CACHE_SECONDS": "0",
    "CACHE_URL": "locmemcache://",
    "STATIC_ROOT": str(VAR / "static"),
    "MEDIA_ROOT": str(Path(tempfile.gettempdir()) / "iom-bench-media"),
    "LOG_LEVEL": "WARNING",
}.items():
    os.environ.setdefault(name, value)

import django  # noqa: E402
from django.conf import settings  # noqa: E402

# Hashed static addresses as in production, without compressing every file at set-up.
settings.STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

PAGES = [
    "home",
    "list",
    "list-topic-year",
    "list-words",
    "release",
    "event",
    "who-we-are",
    "structure",
    "person",
    "feed",
    "api",
    "admin-list",
    "admin-change",
]


def set_up():
    """Migrate, load the demo content and collect the static files, where not done yet."""
    from pressroom.models import PressRelease

    call_command("migrate", verbosity=0)
    if not PressRelease.objects.exists():
        call_command("load_demo", force=True, stdout=io.StringIO())
    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        call_command("collectstatic", interactive=False, verbosity=0)


def addresses(language):
    """{page: address} on the data in the database."""
    from events.models import Event
    from organisation.models import Person
    from pressroom.models import PressRelease

    public = PressRelease.objects.published()
    release = public.order_by("-published_at").first()
    topic = release.topics.order_by("slug").first()
    person = Person.objects.filter(quoted_in__in=public).distinct().order_by("pk").first()
    person = person or Person.objects.order_by("pk").first()
    event = Event.objects.published().order_by("pk").first()
    with translation.override(language):
        found = reverse("pressroom:list")
        return {
            "home": reverse("home"),
            "list": found,
            "list-topic-year": f"{found}?topic={topic.slug}&year={release.published_at.year}",
            "list-words": f"{found}?q=migrants",
            "release": release.get_absolute_url(language),
            "event": event.get_absolute_url() if event else None,
            "who-we-are": reverse("organisation:who-we-are"),
            "structure": reverse("organisation:structure"),
            "person": person.get_absolute_url() if person else None,
            "feed": reverse("pressroom:feed"),
            "api": reverse("pressroom:api"),
            "admin-list": reverse("admin:pressroom_pressrelease_changelist"),
            "admin-change": reverse("admin:pressroom_pressrelease_change", args=[release.pk]),
        }


def staff_client():
    """A client logged in as a communications officer (every pressroom permission)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    user, _ = get_user_model().objects.get_or_create(
        username="bench-editor", defaults={"is_staff": True}
    )
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="pressroom"))
    client = Client()
    client.force_login(user)
    return client


def cpu_per_request(client, address, runs, warm_up=5):
    """Median CPU seconds of one request for `address` (checked to answer 200)."""
    for _ in range(warm_up):
        response = client.get(address)
        assert response.status_code == 200, f"{address}: {response.status_code}"
    times = []
    for _ in range(runs):
        start = time.process_time()
        client.get(address)
        times.append(time.process_time() - start)
    return statistics.median(times), min(times)


def profile(client, address, runs):
    """pyinstrument's tree of `runs` requests for `address`, as text, sampled on CPU time."""
    from pyinstrument import Profiler
    from pyinstrument.stack_sampler import get_stack_sampler

    get_stack_sampler().timer_func = time.process_time  # not the time spent waiting for SQL
    client.get(address)
    profiler = Profiler(interval=0.0002, async_mode="disabled")
    with profiler:
        for _ in range(runs):
            client.get(address)
    return profiler.output_text(show_all=False, color=False, time="percent_of_total")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", default=PAGES, help=f"some of: {' '.join(PAGES)}")
    parser.add_argument("--runs", type=int, default=200, help="requests per page (200)")
    parser.add_argument("--language", default="fr", help="the pages' language (fr)")
    parser.add_argument("--no-setup", action="store_true", help="no migrate, demo or static")
    parser.add_argument("--profile", action="store_true", help="print a sampled profile instead")
    args = parser.parse_args()
    if not args.no_setup:
        set_up()
    found = addresses(args.language)
    public, staff = Client(), staff_client()
    if args.profile:
        for page in args.pages:
            client = staff if page.startswith("admin") else public
            print(f"== {page} {found[page]}")
            print(profile(client, found[page], args.runs))
        return
    print(f"{'page':<16} {'median ms':>10} {'min ms':>8}  address")
    for page in args.pages:
        address = found[page]
        if address is None:
            print(f"{page:<16} {'-':>10} {'-':>8}  (none in this database)")
            continue
        client = staff if page.startswith("admin") else public
        median, fastest = cpu_per_request(client, address, args.runs)
        print(f"{page:<16} {median * 1000:>10.2f} {fastest * 1000:>8.2f}  {address}")


if __name__ == "__main__":
    main()
