"""The finder form's own fields and choices: slugs checked before they reach the database."""

import calendar
import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

FIRST_YEAR, LAST_YEAR = 1951, 2999  # IOM was founded in 1951
MAX_TOPICS = 10
DATE_RANGE = [
    MinValueValidator(datetime.date(FIRST_YEAR, 1, 1)),
    MaxValueValidator(datetime.date(LAST_YEAR, 12, 31)),
]
SLUG = re.compile(r"^[-\w]{1,100}$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class Sort:
    NEWEST, OLDEST, RELEVANCE = "newest", "oldest", "relevance"
    ORDERINGS = {
        NEWEST: ("-published_at", "-pk"),
        OLDEST: ("published_at", "pk"),
        RELEVANCE: ("-rank", "-published_at", "-pk"),
    }


class SlugChoiceField(forms.ModelChoiceField):
    """One object by its slug; a malformed slug never reaches the database."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not isinstance(value, str) or not SLUG.match(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class TopicsField(forms.ModelMultipleChoiceField):
    """Several topics by their shared slug; a malformed slug never reaches the database."""

    def _check_values(self, value):
        if len(value) > MAX_TOPICS:
            raise ValidationError(
                self.error_messages["too_many"], code="too_many", params={"max": MAX_TOPICS}
            )
        for slug in value:
            if not isinstance(slug, str) or not SLUG.match(slug):
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super()._check_values(value)


class IsoDateField(forms.DateField):
    """A date written YYYY-MM-DD. A value in that form that is no date (2024-02-30, a month 13)
    is refused with what is wrong with it, not with the format, which was right."""

    def __init__(self, **kwargs):
        super().__init__(input_formats=["%Y-%m-%d"], validators=DATE_RANGE, **kwargs)

    def to_python(self, value):
        written = ISO_DATE.match(value.strip()) if isinstance(value, str) else None
        if written:
            year, month, day = (int(part) for part in written.groups())
            if not 1 <= month <= 12:
                raise ValidationError(
                    _("%(value)s is not a date: there is no month %(month)s."),
                    code="no_such_month",
                    params={"value": value.strip(), "month": written[2]},
                )
            days = calendar.monthrange(year, month)[1] if year else 31
            if not 1 <= day <= days:
                raise ValidationError(
                    _("%(value)s is not a date: %(month)s %(year)s has %(days)s days."),
                    code="no_such_day",
                    params={
                        "value": value.strip(),
                        "month": MONTHS[month],
                        "year": year,
                        "days": days,
                    },
                )
        return super().to_python(value)


class MonthField(forms.IntegerField):
    """A month of the archive, 1 to 12; another number is refused by name."""

    def validate(self, value):
        super().validate(value)
        if value is not None and not 1 <= value <= 12:
            raise ValidationError(
                _("There is no month %(month)s: the months are numbered 1 to 12."),
                code="no_such_month",
                params={"month": value},
            )
