"""The site's own settings plus one address, /bare/: the framework's floor on this machine."""

from iom_cms.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
