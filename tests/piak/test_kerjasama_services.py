"""The kerja sama register: the chain from ToR to signatures, its files checked by content, the
roles of each step, the end of its term and the reminders 90 and 30 days before."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.notifikasi.models import Notifikasi
from dukcapil.workflow.models import KartuKendali, WorkItem
from piak.models import Kerjasama, PengingatKerjasama, StatusKerjasama
from piak.services import kerjasama as ks

from .conftest import berlaku, ditandatangani, pdf, usulan

pytestmark = pytest.mark.django_db
S = StatusKerjasama


def test_the_chain_from_tor_to_berlaku_records_both_signatures(piak):
    pks = usulan(piak)
    assert pks.status == S.USULAN
    assert WorkItem.objects.filter(object_id=pks.pk, aksi="kerjasama_kelola", selesai_pada=None).exists()

    pks = ditandatangani(piak, pks)
    assert pks.status == S.DITANDATANGANI
    assert (pks.nomor_dinas, pks.nomor_mitra) == ("470/12/PKS/2026", "PKS.01/BPJS/2026")
    assert pks.pindaian.name.endswith(".pdf") and pks.juknis.name.endswith(".pdf")

    pks = ks.kerjasama_berlakukan(user=piak["kasi_piak"], pk=pks.pk)
    assert pks.status == S.BERLAKU
    steps = list(KartuKendali.objects.filter(object_id=pks.pk, content_type__model="kerjasama")
                 .values_list("transisi", "pelaku__username"))  # fmt: skip
    assert [t for t, _ in steps] == [
        "usulkan",
        "susun_draf",
        "ajukan",
        "setujui",
        "paraf",
        "tandatangani",
        "berlakukan",
    ]
    assert steps[3][1] == piak["kabid_piak"].username and steps[4][1] == piak["sekretaris"].username
    # the catalogue's SOP times (Lumajang «Pelaksanaan Kerjasama»): ToR 2 + 1 hari, Draft Nol 2 hari
    assert 2 * pks.standar_waktu["usulan"] == 3 * pks.standar_waktu["draf"] > 0


def test_each_step_belongs_to_its_office(piak):
    pks = usulan(piak)
    ks.kerjasama_aksi(user=piak["kasi_piak"], pk=pks.pk, method="susun_draf", draf=pdf())
    ks.kerjasama_aksi(user=piak["kasi_piak"], pk=pks.pk, method="ajukan")
    with pytest.raises(BerkasForbidden):  # the Kasi may not approve his own draft
        ks.kerjasama_aksi(user=piak["kasi_piak"], pk=pks.pk, method="setujui")
    with pytest.raises(BerkasForbidden):  # a Kabid of another bidang neither
        ks.kerjasama_aksi(user=piak["kabid"], pk=pks.pk, method="setujui")
    with pytest.raises(BerkasConflict):  # the Sekretaris initials only after the Kabid
        ks.kerjasama_aksi(user=piak["sekretaris"], pk=pks.pk, method="paraf")
    with pytest.raises(BerkasForbidden):
        ks.kerjasama_usulkan(user=piak["kasi_lain"], data=ks.UsulanData(pks.lembaga, "X", "Y", ["pemadanan"]))
    ks.kerjasama_aksi(user=piak["kabid_piak"], pk=pks.pk, method="kembalikan", catatan="Perjelas ruang lingkup.")
    pks.refresh_from_db()
    assert pks.status == S.DRAF
    assert Notifikasi.objects.filter(penerima=piak["kasi_piak"], pesan="Perjelas ruang lingkup.").exists()


def test_a_signed_scan_that_is_not_a_pdf_is_refused_and_nothing_is_saved(piak):
    pks = usulan(piak)
    ks.kerjasama_aksi(user=piak["kasi_piak"], pk=pks.pk, method="susun_draf", draf=pdf())
    ks.kerjasama_aksi(user=piak["kasi_piak"], pk=pks.pk, method="ajukan")
    ks.kerjasama_aksi(user=piak["kabid_piak"], pk=pks.pk, method="setujui")
    ks.kerjasama_aksi(user=piak["sekretaris"], pk=pks.pk, method="paraf")
    today = timezone.localdate()
    fake = SimpleUploadedFile("pks.pdf", b"bukan pdf sama sekali", content_type="application/pdf")
    data = ks.TandaTanganData("1", today, "2", today, today, today + timedelta(days=10), fake)
    with pytest.raises(BerkasInvalid, match="PDF, JPEG, atau PNG"):
        ks.kerjasama_tandatangani(user=piak["kasi_piak"], pk=pks.pk, data=data)
    pks.refresh_from_db()
    assert pks.status == S.TANDATANGAN and not pks.pindaian and pks.nomor_dinas == ""
    backwards = ks.TandaTanganData("1", today, "2", today, today, today - timedelta(days=1), pdf())
    with pytest.raises(BerkasInvalid) as exc:
        ks.kerjasama_tandatangani(user=piak["kasi_piak"], pk=pks.pk, data=backwards)
    assert "berakhir" in exc.value.fields


def _reminders(kerjasama):
    return Notifikasi.objects.filter(judul__startswith="Kerja sama berakhir", object_id=kerjasama.pk)


def test_reminders_90_and_30_days_before_the_end_each_once_to_the_kasi_and_kabid(piak):
    today = timezone.localdate()
    pks = berlaku(piak, berakhir=today + timedelta(days=120))

    assert ks.kerjasama_harian(hari_ini=today) == {"berakhir": 0, "pengingat": 0}  # 120 days: too early
    day90 = pks.berakhir - timedelta(days=90)
    assert ks.kerjasama_harian(hari_ini=day90)["pengingat"] == 1
    assert ks.kerjasama_harian(hari_ini=day90)["pengingat"] == 0  # the task ran twice that day
    assert ks.kerjasama_harian(hari_ini=day90 + timedelta(days=1))["pengingat"] == 0
    assert set(_reminders(pks).values_list("penerima__username", flat=True)) == {
        piak["kasi_piak"].username, piak["kabid_piak"].username,
    }  # fmt: skip
    assert _reminders(pks).first().judul.startswith("Kerja sama berakhir 90 hari lagi")

    day30 = pks.berakhir - timedelta(days=30)
    assert ks.kerjasama_harian(hari_ini=day30 - timedelta(days=1))["pengingat"] == 0
    assert ks.kerjasama_harian(hari_ini=day30)["pengingat"] == 1
    assert ks.kerjasama_harian(hari_ini=day30 + timedelta(days=5))["pengingat"] == 0
    assert _reminders(pks).count() == 4  # two thresholds × Kasi and Kabid
    assert sorted(PengingatKerjasama.objects.filter(kerjasama=pks).values_list("ambang_hari", flat=True)) == [30, 90]


def test_an_agreement_already_inside_30_days_gets_only_the_30_day_reminder(piak):
    today = timezone.localdate()
    pks = berlaku(piak, berakhir=today + timedelta(days=20))
    assert ks.kerjasama_harian(hari_ini=today)["pengingat"] == 1
    assert ks.kerjasama_harian(hari_ini=today + timedelta(days=1))["pengingat"] == 0
    assert _reminders(pks).count() == 2
    assert all("20 hari lagi" in j for j in _reminders(pks).values_list("judul", flat=True))


def test_the_daily_task_ends_an_agreement_past_its_term(piak):
    today = timezone.localdate()
    pks = berlaku(piak, berakhir=today + timedelta(days=3))
    assert ks.kerjasama_harian(hari_ini=today + timedelta(days=3))["berakhir"] == 0  # its last day
    assert ks.kerjasama_harian(hari_ini=today + timedelta(days=4))["berakhir"] == 1
    pks.refresh_from_db()
    assert pks.status == S.BERAKHIR
    baru = ks.kerjasama_perpanjang(user=piak["kasi_piak"], pk=pks.pk, tor="")
    pks.refresh_from_db()
    assert pks.status == S.DIPERPANJANG
    assert (baru.status, baru.diperpanjang_dari_id, baru.ruang_lingkup) == (S.USULAN, pks.pk, pks.ruang_lingkup)


def test_berlakukan_refuses_an_agreement_not_yet_in_force(piak):
    today = timezone.localdate()
    pks = ditandatangani(piak, usulan(piak), mulai=today + timedelta(days=5), berakhir=today + timedelta(days=50))
    with pytest.raises(BerkasConflict, match="baru berlaku mulai"):
        ks.kerjasama_berlakukan(user=piak["kasi_piak"], pk=pks.pk)
    assert Kerjasama.objects.get(pk=pks.pk).status == S.DITANDATANGANI
