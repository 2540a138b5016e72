"""One notice per transaction (core/public_pages.py): the calls to `changed()` made in one
transaction are sent once, after the commit, with the union of their keys; a rollback, of the
transaction or of a savepoint, takes its calls with it.

The tests that commit run on a real transaction (transaction=True), as the site does."""

import contextlib

import pytest
from django.db import transaction

from core.public_pages import ALL, LISTS, changed, public_pages_changed
from tests.core.notices import public_page_notices
from tests.factories import PageFactory


class Rollback(Exception):
    pass


@contextlib.contextmanager
def notices_sent():
    """The keys of each notice sent while the block runs, by real commits."""
    sent = []

    def receive(sender, keys, **kwargs):
        sent.append(keys)

    public_pages_changed.connect(receive)
    try:
        yield sent
    finally:
        public_pages_changed.disconnect(receive)


def changed_then_rolled_back(*keys):
    """`changed(*keys)` in a savepoint that rolls back."""
    with pytest.raises(Rollback), transaction.atomic():
        changed(*keys)
        raise Rollback


committing = pytest.mark.django_db(transaction=True)


@committing
def test_outside_a_transaction_each_change_is_told_at_once():
    with notices_sent() as sent:
        changed("a")
        assert sent == [{"a"}]
        changed()
    assert sent == [{"a"}, {ALL}]


@committing
def test_the_changes_of_one_transaction_are_told_once_after_the_commit():
    with notices_sent() as sent, transaction.atomic():
        changed("pressroom.pressrelease-1", LISTS)
        changed("pressroom.pressrelease-2", LISTS)
        changed("taggit.tag-3")
        assert sent == []
    assert sent == [{"pressroom.pressrelease-1", "pressroom.pressrelease-2", LISTS, "taggit.tag-3"}]


@committing
def test_every_page_absorbs_the_other_keys():
    with notices_sent() as sent, transaction.atomic():
        changed("pressroom.pressrelease-1")
        changed()
        changed(LISTS)
    assert sent == [{ALL}]


@committing
def test_a_transaction_that_rolls_back_tells_nothing():
    with notices_sent() as sent:
        with pytest.raises(Rollback), transaction.atomic():
            changed("a")
            changed("b")
            raise Rollback
        with transaction.atomic():
            pass  # a later commit does not send what rolled back
    assert sent == []


@committing
def test_a_savepoint_that_rolls_back_takes_its_changes_with_it():
    with notices_sent() as sent, transaction.atomic():
        changed_then_rolled_back("first")  # the notice's first call
        changed("kept")
        changed_then_rolled_back("inner")
        with transaction.atomic():
            changed("nested")
    assert sent == [{"kept", "nested"}]


@committing
def test_a_transaction_whose_every_change_rolled_back_tells_nothing():
    with notices_sent() as sent, transaction.atomic():
        changed_then_rolled_back("a")
    assert sent == []


@committing
def test_each_transaction_has_its_own_notice():
    with notices_sent() as sent:
        with transaction.atomic():
            changed("a")
        with transaction.atomic():
            changed("b")
    assert sent == [{"a"}, {"b"}]


@pytest.mark.django_db
def test_pages_saved_together_in_the_admin_list_are_one_notice(admin_client):
    pages = [PageFactory(order=n) for n in range(4)]
    data = {
        "form-TOTAL_FORMS": len(pages),
        "form-INITIAL_FORMS": len(pages),
        "_save": "Save",
    }
    for n, page in enumerate(sorted(pages, key=lambda page: page.order)):
        data |= {
            f"form-{n}-id": page.pk,
            f"form-{n}-order": 10 - n,
            f"form-{n}-in_menu": "on",
            f"form-{n}-is_published": "on",
        }
    with public_page_notices() as notices:
        response = admin_client.post("/admin/pages/page/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert sorted(page.order for page in type(pages[0]).objects.all()) == [7, 8, 9, 10]
    assert notices == [{ALL}]
