from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class IomCmsConfig(AppConfig):
    name = "iom_cms"
    verbose_name = "IOM CMS"


class AdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin whose `admin.site` is our SiteAdmin (two-factor login, see
    iom_cms/admin_site.py): apps keep registering with `admin.site` as usual."""

    default = False  # named in INSTALLED_APPS; IomCmsConfig stays this module's default
    default_site = "iom_cms.admin_site.SiteAdmin"
