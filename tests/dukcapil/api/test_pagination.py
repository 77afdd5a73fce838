import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("given", ["null", "0", "-1", "abc", "201", "1.5", ""])
def test_a_page_size_that_is_not_a_whole_number_1_to_200_is_400_with_a_field_error(client, team, given):
    client.force_login(team["kasi"])
    response = client.get(reverse("api-antrian"), {"page_size": given})
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Permintaan tidak valid.",
        "errors": {"page_size": ["Harus bilangan bulat 1 sampai 200."]},
    }


def test_a_valid_page_size_pages(client, team):
    client.force_login(team["kasi"])
    response = client.get(reverse("api-antrian"), {"page_size": "200"})
    assert response.status_code == 200


def test_page_size_two_gives_pages_of_two(client, team):
    from dukcapil.choices import Status
    from tests.factories import berkas_in

    for seq in (1, 2, 3):
        berkas_in(Status.VERIFIKASI, team, seq=seq)
    client.force_login(team["kasi"])
    two = client.get(reverse("api-antrian"), {"page_size": "2"}).json()
    assert len(two["results"]) == 2
    rest = client.get(two["next"]).json()
    assert len(rest["results"]) == 1 and rest["next"] is None


@pytest.mark.parametrize("given", ["", "abc", "2"])
def test_a_page_number_is_400_pointing_to_the_cursor_links(client, team, given):
    client.force_login(team["kasi"])
    response = client.get(reverse("api-antrian"), {"page": given})
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "page": ["Halaman memakai kursor: ikuti tautan «next» atau «previous», bukan nomor halaman."]
    }
