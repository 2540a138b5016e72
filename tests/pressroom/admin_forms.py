"""The POST data an editor's browser would send back from an admin change form, as it was loaded."""

from django.forms import FileField, MultiWidget


def form_data(response, **changes):
    form = response.context["adminform"].form
    data = {}
    for field in form:
        if isinstance(field.field, FileField):
            continue
        value = field.value()
        if isinstance(field.field.widget, MultiWidget):
            # A bound form (one sent back with errors) holds the parts as they were posted.
            parts = value if isinstance(value, list) else field.field.widget.decompress(value)
            for index, part in enumerate(parts):
                data[f"{field.html_name}_{index}"] = "" if part is None else str(part)
        elif isinstance(value, list | tuple):
            data[field.html_name] = [str(item) for item in value]
        else:
            data[field.html_name] = "" if value is None else value
    data.update(changes)
    return data
