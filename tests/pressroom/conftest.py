"""Admin clients in each editorial role (groups made by pressroom migration 0006); each fixture
is a client of its own, so a test can act as two people at once."""

import pytest
from django.test import Client

from tests.factories import StaffUserFactory


def logged_in(role):
    client = Client()
    client.force_login(StaffUserFactory(role=role))
    return client


@pytest.fixture
def writer_client():
    return logged_in("Writers")


@pytest.fixture
def publisher_client():
    return logged_in("Publishers")


@pytest.fixture
def second_publisher_client():
    return logged_in("Publishers")
