from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Frequency


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        error_messages={
            "required": _("Give the email address the alerts should go to."),
            "invalid": _("Give an email address such as name@example.org."),
            "max_length": _("An email address has at most %(limit_value)d characters."),
        },
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        initial=Frequency.IMMEDIATELY,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose how often you want the emails.")},
    )
    language = forms.ChoiceField(
        label=_("Language of the emails"),
        choices=settings.LANGUAGES,
        error_messages={"invalid_choice": _("There is no language with this code.")},
    )
    # A honeypot: hidden from people (and from screen readers), filled in by form-filling
    # robots; a request with it is answered as any other and sends nothing.
    website = forms.CharField(required=False, max_length=200)


class ChangeForm(forms.Form):
    frequency = forms.ChoiceField(label=_("How often"), choices=Frequency.choices)
    language = forms.ChoiceField(label=_("Language of the emails"), choices=settings.LANGUAGES)
