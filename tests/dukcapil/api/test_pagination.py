"""page_size on the queue API: a whole number from 1; anything else is a 400 with a field error."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from dukcapil.choices import Status
from tests.factories import berkas_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page_size", ["null", "0", "-3", "abc", "1.5", ""])
def test_page_size_that_is_not_a_positive_integer_is_400(team, page_size):
    api = APIClient()
    api.force_authenticate(team["kasi"])
    response = api.get(reverse("api-antrian"), {"page_size": page_size})
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Permintaan tidak valid.",
        "errors": {"page_size": ["Harus bilangan bulat 1 sampai 200."]},
    }


def test_page_size_within_range_pages_and_above_the_maximum_is_capped(team):
    for seq in (1, 2, 3):
        berkas_in(Status.VERIFIKASI, team, seq=seq)
    api = APIClient()
    api.force_authenticate(team["kasi"])
    two = api.get(reverse("api-antrian"), {"page_size": "2"}).json()
    assert two["count"] == 3 and len(two["results"]) == 2 and two["next"]
    capped = api.get(reverse("api-antrian"), {"page_size": "100000"}).json()
    assert len(capped["results"]) == 3 and capped["next"] is None
