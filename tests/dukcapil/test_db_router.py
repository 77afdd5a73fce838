"""Which reads may go to the read replica (DATABASE_REPLICA_URL): the public lookups, nothing else."""

import pytest
from django.urls import reverse

from dukcapil import db_router, selectors
from dukcapil.choices import Status
from dukcapil.models import Berkas
from tests.factories import berkas_in

ROUTER = db_router.ReplicaRouter()
# the replica alias is added to settings for the router to see; no connection is opened to it
pytestmark = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")


@pytest.fixture
def with_replica(settings):
    settings.DATABASES = {**settings.DATABASES, "replica": dict(settings.DATABASES["default"])}


def test_reads_go_to_the_replica_only_inside_a_replica_block(with_replica):
    assert ROUTER.db_for_read(Berkas) is None
    with db_router.replica():
        assert ROUTER.db_for_read(Berkas) == "replica"
        assert ROUTER.db_for_write(Berkas) is None  # writes stay on the primary
    assert ROUTER.db_for_read(Berkas) is None


def test_without_a_configured_replica_everything_reads_the_primary():
    with db_router.replica():
        assert ROUTER.db_for_read(Berkas) is None


def test_the_replica_is_never_migrated():
    assert ROUTER.allow_migrate("replica", "dukcapil") is False
    assert ROUTER.allow_migrate("default", "dukcapil") is True


@pytest.mark.django_db
def test_the_public_status_lookup_reads_in_a_replica_block(team, monkeypatch, with_replica):
    seen = []
    original = selectors.KartuKendali.objects.filter

    def spy(*args, **kwargs):
        seen.append(db_router.reading_from_replica())
        return original(*args, **kwargs)

    monkeypatch.setattr(selectors.KartuKendali.objects, "filter", spy)
    monkeypatch.setattr(db_router.ReplicaRouter, "db_for_read", lambda self, model, **hints: None)
    berkas = berkas_in(Status.VERIFIKASI, team)
    response = selectors.public_status_lookup(berkas.nomor_registrasi, berkas.pemohon_nik)
    assert response is not None and seen == [True]
    assert db_router.reading_from_replica() is False


@pytest.mark.django_db
def test_the_staff_pages_read_the_primary(client, team, monkeypatch, with_replica):
    reads = []

    def record(self, model, **hints):
        reads.append(db_router.reading_from_replica())

    monkeypatch.setattr(db_router.ReplicaRouter, "db_for_read", record)
    client.force_login(team["kasi"])
    assert client.get(reverse("kotak-masuk")).status_code == 200
    assert reads and not any(reads)
