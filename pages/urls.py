from django.urls import re_path

from . import views

app_name = "pages"

urlpatterns = [
    # Simple pages take whatever address is left: iom_cms/urls.py includes these last.
    re_path(
        r"^(?P<path>[-a-zA-Z0-9_]+(?:/[-a-zA-Z0-9_]+)?)/$", views.PageView.as_view(), name="page"
    ),
]
