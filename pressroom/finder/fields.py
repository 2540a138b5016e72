"""The finder form's own fields and choices: slugs checked before they reach the database."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator

FIRST_YEAR, LAST_YEAR = 1951, 2999  # IOM was founded in 1951
MAX_TOPICS = 10
DATE_RANGE = [
    MinValueValidator(datetime.date(FIRST_YEAR, 1, 1)),
    MaxValueValidator(datetime.date(LAST_YEAR, 12, 31)),
]
SLUG = re.compile(r"^[-\w]{1,100}$")


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
