"""`manage.py load_demo`: the demo content of every app, and an admin account to look at it with."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from events import demo as events_demo
from organisation import demo as organisation_demo
from pages import demo as pages_demo
from pressroom import demo as pressroom_demo

DEMO_USERNAME = "demo"


class Command(BaseCommand):
    help = (
        "Load the demo content (idempotent: what exists is left alone) and create the superuser "
        f"“{DEMO_USERNAME}”. For trying the site; it refuses to run with DEBUG off unless forced."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (the demo content would be public).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off, so this looks like a production site: load_demo would publish "
                "fictional press releases and create a superuser. Use --force if you mean it."
            )
        with transaction.atomic():
            # One line per app, in dependency order.
            organisation_demo.load(stdout=self.stdout)
            events_demo.load(stdout=self.stdout)
            pressroom_demo.load(stdout=self.stdout)
            pages_demo.load(stdout=self.stdout)  # the menu's pages lead to the apps' sections
            self.create_demo_admin()

    def create_demo_admin(self):
        users = get_user_model()._default_manager
        if users.filter(**{users.model.USERNAME_FIELD: DEMO_USERNAME}).exists():
            self.stdout.write(
                f"The superuser “{DEMO_USERNAME}” already exists; its password is unchanged."
            )
            return
        password = secrets.token_urlsafe(16)
        users.create_superuser(DEMO_USERNAME, "demo@example.org", password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created the superuser “{DEMO_USERNAME}” with the password {password}\n"
                "It is shown only this once: note it now."
            )
        )
