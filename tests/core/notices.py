"""Counting the notices that public pages changed (`core.public_pages.changed()`): one save in
the admin or one service call, one notice, whichever layers it passes through."""

import contextlib

from django.test import TestCase

from core.public_pages import public_pages_changed


@contextlib.contextmanager
def public_page_notices():
    """The list of notices sent by what runs in the block (the keys of each), filled when the
    block ends.

    The notice waits for the transaction to commit, and a test's own transaction never does:
    the callbacks waiting for it are run at the end of the block, as a commit would run them.
    """
    sent = []

    def receive(sender, keys, **kwargs):
        sent.append(keys)

    public_pages_changed.connect(receive)
    try:
        with TestCase.captureOnCommitCallbacks(execute=True):
            yield sent
    finally:
        public_pages_changed.disconnect(receive)
