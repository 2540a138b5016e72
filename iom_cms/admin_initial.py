"""Initial values from the address of an admin "add" page (?event=3&status=draft), checked.

Django's admin copies every query parameter named like a field into the add form's initial
data. A value the field cannot take (`?event=abc`, `?published_at=tomorrow`) then breaks the
widget while the page renders: an autocomplete looks it up as an id, a split date-time widget
expects a datetime, and the editor gets a 500. Every ModelAdmin of our admin site gets this
mixin (SiteAdmin.register): each value goes through its form field's own clean(), and one the
field refuses is dropped, so the form opens empty there, as it would without the parameter.
"""

from django.core.exceptions import ValidationError


class CheckedInitialData:
    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if not initial:
            return initial
        fields = self.get_form(request).base_fields
        for name in list(initial):
            field = fields.get(name)
            if field is None:
                continue
            try:
                field.clean(initial[name])
            except (ValidationError, TypeError, ValueError):
                del initial[name]
        return initial
