import threading
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils import timezone

from dukcapil import services
from dukcapil.choices import Status
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.hari_kerja import add_hari_kerja
from dukcapil.models import Berkas, Dokumen, KartuKendali, LangkahSOP, Layanan, Pengambilan
from tests.factories import (
    PATH,
    act,
    berkas_in,
    committed,
    enter_kk,
    pemohon,
    register,
    serahkan,
    sign,
    wajib_ids,
)

pytestmark = pytest.mark.django_db


def test_full_happy_path_from_counter_to_pickup(team):
    # given a complete KK application at the counter
    berkas = register(team["loket"])
    assert berkas.status == Status.DITERIMA
    assert berkas.nomor_registrasi.startswith("KK-") and berkas.nomor_registrasi.endswith("-0001")
    assert Dokumen.objects.filter(berkas=berkas, jenis="resi").exists()  # resi produced after commit

    # when it goes through operator, Kasi, Kabid and Kadis
    enter_kk(berkas, team["operator"])
    for action, role in PATH:
        berkas = act(berkas, action, team[role])
    sign([berkas], team["kadis"])

    # then the signed KK PDF exists and the berkas waits for pickup
    berkas.refresh_from_db()
    assert berkas.status == Status.SIAP_DIAMBIL
    kk = Dokumen.objects.get(berkas=berkas, jenis="kk")
    assert kk.berkas_pdf.read().startswith(b"%PDF")

    berkas = serahkan(berkas, team["pengambilan"])
    assert berkas.status == Status.DISERAHKAN
    assert berkas.pengambilan.penerima_nik == berkas.pemohon_nik  # every handover is in the register

    card = list(
        berkas.kartu_kendali.order_by("waktu", "pk").values_list("dari_status", "ke_status", "pelaku__username")
    )
    assert [(d, k) for d, k, _ in card] == [
        ("baru", "diterima"),
        ("diterima", "verifikasi"),
        ("verifikasi", "validasi"),
        ("validasi", "tte"),
        ("tte", "cetak"),
        ("cetak", "siap_diambil"),
        ("siap_diambil", "diserahkan"),
    ]
    assert card[0][2] == team["loket"].username
    assert card[4][2] == team["kadis"].username
    assert card[5][2] == services.SYSTEM_USERNAME  # the Celery task acts as the system user
    # history records the acting user, also for the task's change
    assert berkas.history.filter(status="siap_diambil").get().history_user.username == services.SYSTEM_USERNAME
    assert berkas.history.filter(status="validasi").get().history_user == team["kasi"]


def test_kartu_kendali_is_append_only(team):
    berkas = register(team["loket"])
    row = berkas.kartu_kendali.get()
    recorded = row.catatan
    row.catatan = "diubah"
    with pytest.raises(PermissionDenied, match=r"^Kartu kendali tidak dapat diubah\.$"):
        row.save()
    with pytest.raises(PermissionDenied, match=r"^Kartu kendali tidak dapat dihapus\.$"):
        row.delete()
    row.refresh_from_db()
    assert row.catatan == recorded
    assert berkas.kartu_kendali.count() == 1


def test_incomplete_persyaratan_returns_with_missing_items_then_same_berkas_is_resubmitted(team):
    berkas = register(team["loket"], complete=False)
    assert berkas.status == Status.DIKEMBALIKAN
    assert "Form Permohonan Kartu Keluarga (F-1.15)" in berkas.persyaratan_kurang
    assert not Dokumen.objects.filter(berkas=berkas).exists()  # no resi for a returned file

    layanan = Layanan.objects.get(kode="kk")
    with committed():
        again = services.berkas_resubmit(berkas_id=berkas.pk, persyaratan_ids=wajib_ids(layanan), user=team["loket"])
    assert again.pk == berkas.pk
    assert again.status == Status.DITERIMA
    assert again.persyaratan_kurang == []
    assert Berkas.objects.count() == 1
    assert Dokumen.objects.filter(berkas=berkas, jenis="resi").exists()


def test_resubmit_still_incomplete_stays_returned(team):
    berkas = register(team["loket"], complete=False)
    again = services.berkas_resubmit(berkas_id=berkas.pk, persyaratan_ids=[], user=team["loket"])
    assert again.status == Status.DIKEMBALIKAN
    assert again.kartu_kendali.count() == 2


def test_koreksi_loop_goes_back_to_operator_and_forward_again(team):
    berkas = berkas_in(Status.VALIDASI, team)
    berkas = act(berkas, "koreksi", team["kabid"], note="Nama ibu anggota 3 tidak sesuai akta.")
    assert berkas.status == Status.PERBAIKAN
    assert berkas.catatan == "Nama ibu anggota 3 tidak sesuai akta."
    berkas = act(berkas, "entri-selesai", team["operator"])
    assert berkas.status == Status.VERIFIKASI


def test_send_back_and_cancel_need_a_note(team):
    berkas = berkas_in(Status.VERIFIKASI, team)
    with pytest.raises(BerkasInvalid, match="wajib diisi"):
        act(berkas, "koreksi", team["kasi"], note="  ")
    with pytest.raises(BerkasInvalid, match="Alasan pembatalan wajib diisi"):
        act(berkas, "batalkan", team["kasi"])
    berkas = act(berkas, "batalkan", team["kasi"], note="Permohonan ganda")
    assert berkas.status == Status.DIBATALKAN


def test_entry_cannot_complete_without_family_data(team):
    berkas = register(team["loket"])
    with pytest.raises(BerkasInvalid, match="Data belum lengkap: alamat; RT"):
        act(berkas, "entri-selesai", team["operator"])
    berkas.refresh_from_db()
    assert berkas.status == Status.DITERIMA


def test_invalid_nik_and_mismatched_birth_date_are_refused(team):
    layanan = Layanan.objects.get(kode="kk")
    with pytest.raises(BerkasInvalid) as exc:
        services.berkas_register(
            layanan=layanan,
            pemohon=pemohon(nik="12345"),
            persyaratan_ids=[],
            user=team["loket"],
            detail={"jenis": "baru"},
        )
    assert exc.value.fields == {"nik": ["NIK harus 16 digit angka."]}
    with pytest.raises(BerkasInvalid) as exc:
        services.berkas_register(
            layanan=layanan,
            pemohon=pemohon(jenis_kelamin="P"),
            persyaratan_ids=[],
            user=team["loket"],
            detail={"jenis": "baru"},
        )
    assert exc.value.fields == {"jenis_kelamin": ["Jenis kelamin tidak sesuai dengan NIK (NIK menunjukkan laki-laki)."]}
    assert Berkas.objects.count() == 0


# --- permission matrix: every role × every action, on a berkas where the state allows it ----

ACTION_STATES = {  # action: (the state that allows it, the state it leads to)
    "entri-selesai": (Status.PERBAIKAN, Status.VERIFIKASI),
    "verifikasi": (Status.VERIFIKASI, Status.VALIDASI),
    "validasi": (Status.VALIDASI, Status.TTE),
    "koreksi": (Status.VERIFIKASI, Status.PERBAIKAN),
    "batalkan": (Status.DITERIMA, Status.DIBATALKAN),
}
ALLOWED = {
    "entri-selesai": {"operator"},
    "verifikasi": {"kasi"},
    "validasi": {"kabid"},
    "koreksi": {"kasi"},  # at verifikasi: the Kasi (Kabid and Kadis at their own stages)
    "batalkan": {"loket", "kasi", "kabid"},
}
ROLES = ["loket", "operator", "kasi", "kabid", "kadis", "pengambilan", "admin", "kasi_capil"]
PERMITTED = [pytest.param(a, r, id=f"{a}-{r}") for a in ACTION_STATES for r in ROLES if r in ALLOWED[a]]
REFUSED = [pytest.param(a, r, id=f"{a}-{r}") for a in ACTION_STATES for r in ROLES if r not in ALLOWED[a]]


@pytest.mark.parametrize(("action", "role"), PERMITTED)
def test_permitted_role_moves_the_berkas_on(team, action, role):
    before, after = ACTION_STATES[action]
    berkas = berkas_in(before, team)
    result = act(berkas, action, team[role], note="catatan uji")
    assert result.status == after
    row = berkas.kartu_kendali.order_by("waktu", "pk").last()
    assert (row.dari_status, row.ke_status, row.pelaku) == (before, after, team[role])


@pytest.mark.parametrize(("action", "role"), REFUSED)
def test_other_roles_are_refused_and_nothing_changes(team, action, role):
    before, _ = ACTION_STATES[action]
    berkas = berkas_in(before, team)
    rows = berkas.kartu_kendali.count()
    with pytest.raises(BerkasForbidden, match="^Peran Anda tidak berwenang: «"):
        act(berkas, action, team[role], note="catatan uji")
    berkas.refresh_from_db()
    assert berkas.status == before
    assert berkas.kartu_kendali.count() == rows


# handing over is not an action of the berkas page: it goes through the pickup desk's service
HAND_OVER_ALLOWED = {"pengambilan", "loket"}


@pytest.mark.parametrize("role", ROLES)
def test_only_the_pickup_roles_hand_over_and_the_register_records_it(team, role):
    berkas = berkas_in(Status.SIAP_DIAMBIL, team)
    rows = berkas.kartu_kendali.count()
    if role in HAND_OVER_ALLOWED:
        berkas = serahkan(berkas, team[role])
        assert berkas.status == Status.DISERAHKAN
        row = berkas.kartu_kendali.order_by("waktu", "pk").last()
        assert (row.dari_status, row.ke_status, row.pelaku) == (Status.SIAP_DIAMBIL, Status.DISERAHKAN, team[role])
        assert berkas.pengambilan.petugas == team[role]
    else:
        with pytest.raises(BerkasForbidden, match=r"^Peran Anda tidak berwenang menyerahkan dokumen\.$"):
            serahkan(berkas, team[role])
        assert berkas.status == Status.SIAP_DIAMBIL
        assert berkas.kartu_kendali.count() == rows
        assert not Pengambilan.objects.filter(berkas=berkas).exists()


def test_the_berkas_page_action_serahkan_is_gone(team):
    berkas = berkas_in(Status.SIAP_DIAMBIL, team)
    assert "serahkan" not in services.ACTIONS
    with pytest.raises(BerkasInvalid, match=r"^Tindakan «serahkan» tidak dikenal\.$"):
        act(berkas, "serahkan", team["pengambilan"], note="Diambil sendiri.")
    berkas.refresh_from_db()
    assert berkas.status == Status.SIAP_DIAMBIL


def test_the_counter_registers_a_berkas(team):
    assert register(team["loket"], seq=9).status == Status.DITERIMA


@pytest.mark.parametrize("role", [r for r in ROLES if r != "loket"])
def test_other_roles_cannot_register_a_berkas(team, role):
    with pytest.raises(BerkasForbidden, match=r"^Anda tidak berwenang menerima berkas untuk layanan ini\.$"):
        register(team[role], seq=9)
    assert Berkas.objects.count() == 0


def test_kabid_cannot_send_back_at_kasi_stage_but_can_at_own(team):
    berkas = berkas_in(Status.VERIFIKASI, team)
    refused = r"^Peran Anda tidak berwenang: «Kembalikan ke operator untuk perbaikan» pada tahap ini\.$"
    with pytest.raises(BerkasForbidden, match=refused):
        act(berkas, "koreksi", team["kabid"], note="x")
    berkas = act(berkas, "verifikasi", team["kasi"])
    assert act(berkas, "koreksi", team["kabid"], note="x").status == Status.PERBAIKAN


def test_state_that_does_not_allow_the_action_is_a_conflict(team):
    berkas = berkas_in(Status.VERIFIKASI, team)
    with pytest.raises(BerkasConflict, match="tidak dapat dilakukan pada tahap ini"):
        act(berkas, "validasi", team["kabid"])
    with pytest.raises(BerkasConflict, match="masih menunggu TTE"):
        sign([berkas], team["kadis"])
    with pytest.raises(
        BerkasConflict,
        match=r"^Berkas berstatus «Menunggu verifikasi Kasi»; belum ada dokumen yang dapat diserahkan\.$",
    ):
        serahkan(berkas, team["pengambilan"])
    berkas.refresh_from_db()
    assert berkas.status == Status.VERIFIKASI


def test_stale_page_is_told_who_acted_and_nothing_changes(team):
    berkas = berkas_in(Status.VERIFIKASI, team)
    act(berkas, "verifikasi", team["kasi"])
    with pytest.raises(BerkasConflict, match="baru saja diproses oleh"):
        services.berkas_transition(
            berkas_id=berkas.pk, action="batalkan", user=team["kabid"], note="x", expected_status=Status.VERIFIKASI
        )
    berkas.refresh_from_db()
    assert berkas.status == Status.VALIDASI


@pytest.mark.django_db(transaction=True)
def test_two_officers_at_once_exactly_one_wins(catalogue):
    from dukcapil.choices import Role
    from tests.factories import staff

    team = {
        "loket": staff(Role.PETUGAS_LOKET),
        "operator": staff(Role.OPERATOR_SIAK),
        "kasi": staff(Role.KASI),
        "kasi2": staff(Role.KASI),
    }
    berkas = berkas_in(Status.VERIFIKASI, team)
    barrier = threading.Barrier(2)
    results: dict[str, object] = {}

    def worker(name, action, note):
        try:
            barrier.wait(timeout=5)
            results[name] = services.berkas_transition(
                berkas_id=berkas.pk, action=action, user=team[name], note=note, expected_status=Status.VERIFIKASI
            ).status
        except Exception as exc:  # noqa: BLE001
            results[name] = exc
        finally:
            connection.close()

    threads = [
        threading.Thread(target=worker, args=("kasi", "verifikasi", "")),
        threading.Thread(target=worker, args=("kasi2", "koreksi", "Foto KK buram")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)

    outcomes = list(results.values())
    winners = [o for o in outcomes if isinstance(o, str)]
    losers = [o for o in outcomes if isinstance(o, BerkasConflict)]
    assert len(winners) == 1 and len(losers) == 1, outcomes
    assert "baru saja diproses" in losers[0].message
    berkas.refresh_from_db()
    assert berkas.status == winners[0]
    # exactly one kartu kendali row for the contested step; nothing half-written
    assert KartuKendali.objects.filter(berkas=berkas, dari_status=Status.VERIFIKASI).count() == 1


def test_timings_are_snapshotted_at_registration(team):
    first = register(team["loket"], seq=1)
    step = LangkahSOP.objects.get(sop=Layanan.objects.get(kode="kk").sop, tahap=Status.VERIFIKASI)
    step.waktu_jumlah = 45
    step.save()
    second = register(team["loket"], seq=2)
    assert first.standard_minutes(Status.VERIFIKASI) == 30  # Bintan SOP KK step 5: 30 menit
    assert second.standard_minutes(Status.VERIFIKASI) == 45
    assert first.standard_minutes(Status.BARU) == 20  # steps 1–3: 5 + 5 + 10 menit
    assert first.jangka_waktu_hari_kerja == 3  # "3 (tiga) Hari Kerja (Maksimal)"
    assert first.tenggat == add_hari_kerja(timezone.localdate(first.dibuat_pada), 3)


def test_producing_the_document_twice_makes_one_document(team):
    from dukcapil.models import BatchTTEItem
    from dukcapil.tte.services import tte_sign_chunk

    berkas = berkas_in(Status.SIAP_DIAMBIL, team)
    first = Dokumen.objects.get(berkas=berkas, jenis="kk")
    item = BatchTTEItem.objects.get(berkas=berkas)
    # a redelivered task for the same chunk finds nothing left to do
    item.status = BatchTTEItem.Status.MENUNGGU
    item.save()
    tte_sign_chunk(batch_id=item.batch_id, item_ids=[item.pk])
    assert Dokumen.objects.get(berkas=berkas, jenis="kk").pk == first.pk
    assert Dokumen.objects.filter(berkas=berkas, jenis="kk").count() == 1
    assert berkas.kartu_kendali.filter(ke_status=Status.SIAP_DIAMBIL).count() == 1


def test_broker_down_strands_nothing_the_sweep_recovers(team, caplog, request):
    berkas = berkas_in(Status.TTE, team)

    # when the Kadis signs while the broker is down: no error for the Kadis, berkas waits in «cetak»
    request.getfixturevalue("broker_down_for_tte")
    with caplog.at_level("WARNING", logger="dukcapil.tasks"):
        sign([berkas], team["kadis"])
    berkas.refresh_from_db()
    assert berkas.status == Status.CETAK
    assert "could not enqueue dukcapil.tasks.sign_chunk" in caplog.text
    assert berkas.pemohon_nik not in caplog.text and berkas.pemohon_nama not in caplog.text
    assert not Dokumen.objects.filter(berkas=berkas, jenis="kk").exists()

    # then, with the broker back, the periodic sweep re-enqueues it once it has waited too long
    from dukcapil.celery import app

    app.conf.task_always_eager = True  # the re-enqueued task runs in-process here
    assert services.berkas_sweep_pending_documents(now=timezone.now()) == []  # not overdue yet
    with committed():
        swept = services.berkas_sweep_pending_documents(now=timezone.now() + timedelta(minutes=10))
    assert swept == [berkas.pk]
    berkas.refresh_from_db()
    assert berkas.status == Status.SIAP_DIAMBIL
    assert Dokumen.objects.filter(berkas=berkas, jenis="kk").count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_double_submit_of_one_intake_form_registers_once(catalogue):
    import uuid

    from dukcapil.choices import Role
    from tests.factories import staff

    loket = staff(Role.PETUGAS_LOKET)
    layanan = Layanan.objects.get(kode="kk")
    token = uuid.uuid4()
    barrier = threading.Barrier(2)
    results = []

    def click():
        try:
            barrier.wait(timeout=5)
            results.append(
                services.berkas_register(
                    layanan=layanan,
                    pemohon=pemohon(),
                    persyaratan_ids=wajib_ids(layanan),
                    user=loket,
                    detail={"jenis": "baru"},
                    intake_token=token,
                ).pk
            )
        except Exception as exc:  # noqa: BLE001
            results.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    assert len(results) == 2 and results[0] == results[1], results
    assert Berkas.objects.count() == 1
    assert Berkas.objects.get().nomor_registrasi.endswith("-0001")


@pytest.mark.django_db(transaction=True)
def test_locking_one_berkas_does_not_block_another_of_the_same_layanan(catalogue):
    """lock_berkas locks the berkas row only, not the joined layanan row (seen as a batch-wide stall)."""
    from django.db import transaction

    from dukcapil.choices import Role
    from tests.factories import staff

    loket = staff(Role.PETUGAS_LOKET)
    first, second = register(loket, seq=1), register(loket, seq=2)
    held, release = threading.Event(), threading.Event()

    def hold_first():
        with transaction.atomic():
            services.lock_berkas(first.pk)
            held.set()
            release.wait(timeout=10)
        connection.close()

    holder = threading.Thread(target=hold_first)
    holder.start()
    assert held.wait(timeout=5)
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '2s'")
            assert services.lock_berkas(second.pk).pk == second.pk  # would time out if layanan were locked
    finally:
        release.set()
        holder.join(timeout=10)
