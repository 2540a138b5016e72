"""The press room's models, one module per subject; import them from here."""

from .contacts import MediaContact
from .releases import PressRelease, PressReleaseQuerySet, ReleaseKind, ReleaseStatus
from .tally import ReleaseTally
from .topics import TaggedRelease, Topic

__all__ = [
    "MediaContact",
    "PressRelease",
    "PressReleaseQuerySet",
    "ReleaseKind",
    "ReleaseStatus",
    "ReleaseTally",
    "TaggedRelease",
    "Topic",
]
