"""The cluster's node settings (tests/cluster_settings.py) plus the finder benchmark's /bare/
address (bench/finder/bench_urls.py): the framework's floor, served by the same nodes."""

from tests.cluster_settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
