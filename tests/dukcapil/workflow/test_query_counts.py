"""Queries per transition, pinned: the common steps of a berkas (kartu kendali, history, work items
and outbox rows included) may not creep back up (issue: performance, ≤ 10 per transition).

The counts include the service's own transaction: a SAVEPOINT and a RELEASE here (tests run inside
a transaction), BEGIN and COMMIT in production, where the counts are the same (bench/day.py).
"""

import pytest
from django.contrib.contenttypes.models import ContentType

from dukcapil import services
from dukcapil.choices import Status
from dukcapil.models import Berkas, KartuKendali, Layanan
from dukcapil.notifikasi.models import PesanKeluar
from dukcapil.workflow.models import WorkItem
from tests.factories import berkas_in, committed, enter_kk, pemohon, wajib_ids

pytestmark = pytest.mark.django_db


def _cards(berkas) -> list[str]:
    ct = ContentType.objects.get_for_model(Berkas)
    return list(
        KartuKendali.objects.filter(content_type=ct, object_id=berkas.pk)
        .order_by("pk")
        .values_list("transisi", flat=True)
    )


def _open_item(berkas) -> list[str]:
    ct = ContentType.objects.get_for_model(Berkas)
    return list(
        WorkItem.objects.filter(content_type=ct, object_id=berkas.pk, selesai_pada=None).values_list("aksi", flat=True)
    )


def _warm(team) -> None:
    """Each officer's grants are read once per request (the first query of a request): read them now."""
    from dukcapil.workflow.permissions import grants

    for user in team.values():
        grants(user)


# (action, role, status before, queries): lock (with the layanan), the kind's checks, kartu kendali,
# the update, its history row, the work item closed and the next one opened, the transaction's two.
PLAIN = [
    ("entri-selesai", "operator", Status.DITERIMA, 10),  # + the KK entry and its members (missing_data)
    ("verifikasi", "kasi", Status.VERIFIKASI, 8),
]


@pytest.mark.parametrize(("action", "role", "status", "queries"), PLAIN)
def test_a_common_transition_reads_and_writes_a_pinned_number_of_queries(
    team, django_assert_num_queries, action, role, status, queries
):
    berkas = berkas_in(status, team)
    if status == Status.DITERIMA:
        enter_kk(berkas, team["operator"])
    _warm(team)
    before = len(_cards(berkas))
    with django_assert_num_queries(queries):
        moved = services.berkas_transition(berkas_id=berkas.pk, action=action, user=team[role])
    moved.refresh_from_db()
    assert moved.status != status
    assert len(_cards(berkas)) == before + 1
    assert moved.history.count() == len(_cards(berkas)) + 1  # the creation, then one row per transition
    assert _open_item(berkas) == [str(Berkas.KOTAK_MASUK[moved.status])]


def test_the_approval_writes_the_register_in_a_pinned_number_of_queries(team, django_assert_num_queries):
    """validasi: the transition (8 as above) and the KK's register changes (a new family of three:
    the detail locked, the nomor KK (the upsert and the free-number check in one statement), the
    family with its address and its history row, the staged members, the register's rows locked,
    the members in one insert and their history rows in another, every PerubahanRegister row in one
    insert, the detail's update and its history row)."""
    berkas = berkas_in(Status.DITERIMA, team)
    enter_kk(berkas, team["operator"], index=1)  # a family of three, whatever the berkas's number
    for action, role in (("entri-selesai", "operator"), ("verifikasi", "kasi")):
        services.berkas_transition(berkas_id=berkas.pk, action=action, user=team[role])
    _warm(team)
    with django_assert_num_queries(19):
        moved = services.berkas_transition(berkas_id=berkas.pk, action="validasi", user=team["kabid"])
    moved.refresh_from_db()
    assert moved.status == Status.TTE
    assert moved.permohonan_kk.keluarga.anggota.count() == 3


def test_registration_at_the_counter_reads_and_writes_a_pinned_number_of_queries(team, django_assert_num_queries):
    """Registration: the layanan's persyaratan (read once: the ids handed in checked, then those
    that apply), the SOP timings (langkah with the standar pelayanan's jangka joined, hari libur),
    the nomor (one upsert), the berkas and its history, the persyaratan rows (one insert), the
    KK detail and its history (the facts for conditional persyaratan read from it, no query), the
    acceptance (kartu kendali, update, history, the first work item: none
    to close), the queue ticket hook (a registration hook), the transaction's two statements."""
    layanan = Layanan.objects.get(kode="kk")
    ids = wajib_ids(layanan)
    _warm(team)
    with django_assert_num_queries(16):
        berkas = services.berkas_register(
            layanan=layanan, pemohon=pemohon(8), persyaratan_ids=ids, user=team["loket"], detail={"jenis": "baru"}
        )
    assert berkas.status == Status.DITERIMA
    assert _cards(berkas) == ["accept"]
    assert _open_item(berkas) == ["entri"]
    assert berkas.history.count() == 2


def test_signing_completion_prints_and_tells_the_pemohon_in_a_pinned_number_of_queries(team, django_assert_num_queries):
    """After the documents are stored: «cetak» → «siap diambil», the kartu kendali, history, work
    item and the pemohon's «siap diambil» message (a registered signed hook)."""
    from dukcapil.services import system_user
    from dukcapil.tte.services import tte_batch_start
    from tests.factories import TTE_PASSPHRASE

    berkas = berkas_in(Status.TTE, team)
    tte_batch_start(user=team["kadis"], berkas_ids=[berkas.pk], passphrase=TTE_PASSPHRASE)  # tasks not run
    Berkas.objects.filter(pk=berkas.pk).update(pemohon_email="budi@contoh.example")
    system = system_user()
    record = Berkas.objects.select_related("layanan").get(pk=berkas.pk)
    assert record.status == Status.CETAK
    sent = PesanKeluar.objects.count()
    with django_assert_num_queries(8):
        record.signing_completed({}, system, "Ditandatangani secara elektronik.")
    record.refresh_from_db()
    assert record.status == Status.SIAP_DIAMBIL
    assert _cards(berkas)[-1] == "mark_printed"
    assert PesanKeluar.objects.count() == sent + 1  # «siap diambil» to the pemohon's address


def test_the_handover_reads_and_writes_a_pinned_number_of_queries(team, django_assert_num_queries):
    berkas = berkas_in(Status.SIAP_DIAMBIL, team)
    _warm(team)
    penerima = services.PenerimaData(nama=berkas.pemohon_nama, nik=berkas.pemohon_nik, hubungan="sendiri")
    with django_assert_num_queries(8), committed():
        services.berkas_serahkan(berkas_id=berkas.pk, user=team["pengambilan"], penerima=penerima)
    berkas.refresh_from_db()
    assert berkas.status == Status.DISERAHKAN
    assert _cards(berkas)[-1] == "hand_over"
    assert _open_item(berkas) == []
