"""The press room's models, one module per subject; import them from here."""

from .contacts import MediaContact
from .corrections import Correction
from .pages import ReleasePage, ReleasePageGeneration
from .previews import PreviewLink
from .releases import PressRelease, PressReleaseQuerySet, ReleaseKind, ReleaseStatus, public_at
from .slugs import OldSlug
from .tally import ReleaseTally
from .topics import TaggedRelease, Topic

__all__ = [
    "Correction",
    "MediaContact",
    "OldSlug",
    "PressRelease",
    "PressReleaseQuerySet",
    "PreviewLink",
    "ReleaseKind",
    "ReleasePage",
    "ReleasePageGeneration",
    "ReleaseStatus",
    "ReleaseTally",
    "TaggedRelease",
    "Topic",
    "public_at",
]
