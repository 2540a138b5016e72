from django.apps import AppConfig


class IomCmsConfig(AppConfig):
    name = "iom_cms"
    verbose_name = "IOM CMS"
