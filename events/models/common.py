"""What the events models share: Geneva's clock, time zone names and a translated CHECK."""

import functools
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.translated import LANGUAGE_CODES, filled

GENEVA = zoneinfo.ZoneInfo(settings.TIME_ZONE)


def filled_in_any_language(field_name):
    return models.Q.create(
        [filled(f"{field_name}_{code}") for code in LANGUAGE_CODES], connector=models.Q.OR
    )


@functools.cache
def time_zone_names():
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value):
    if value not in time_zone_names():
        raise ValidationError(
            _("“%(value)s” is not a time zone name such as America/New_York."),
            code="invalid_time_zone",
            params={"value": value},
        )
