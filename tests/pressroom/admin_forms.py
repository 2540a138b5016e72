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
            for index, part in enumerate(field.field.widget.decompress(value)):
                data[f"{field.html_name}_{index}"] = "" if part is None else str(part)
        elif isinstance(value, list | tuple):
            data[field.html_name] = [str(item) for item in value]
        else:
            data[field.html_name] = "" if value is None else value
    data.update(changes)
    return data
