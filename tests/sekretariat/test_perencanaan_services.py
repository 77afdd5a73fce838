import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from reportlab.pdfgen.canvas import Canvas

from dukcapil.choices import Role
from dukcapil.exceptions import BerkasForbidden, BerkasInvalid
from dukcapil.models import HariLibur
from dukcapil.notifikasi.models import Notifikasi
from dukcapil.selectors import work_items
from sekretariat.models import DokumenPerencanaan, PengingatPerencanaan, StatusPerencanaan
from sekretariat.services import perencanaan as svc
from sekretariat.tasks import ingatkan_perencanaan

from ..factories import staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def o(catalogue):
    return {
        "kasubag": staff(Role.KASUBAG, bidang="sekretariat", first_name="Kurnia"),
        "sekretaris": staff(Role.SEKRETARIS, bidang="sekretariat", first_name="Sari"),
        "kadis": staff(Role.KADIS, bidang=None, first_name="Ahmad"),
        "staf": staff(Role.STAF, bidang="sekretariat", first_name="Santi"),
        "staf2": staff(Role.STAF, bidang="sekretariat", first_name="Tono"),
        "luar": staff(Role.STAF, bidang="pendaftaran", first_name="Dodi"),
    }


def _pdf() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "LKjIP final")
    canvas.save()
    return SimpleUploadedFile("final.pdf", buffer.getvalue(), content_type="application/pdf")


def _dok(tahun, jenis, ke=0) -> DokumenPerencanaan:
    return DokumenPerencanaan.objects.get(tahun=tahun, jenis=jenis, periode_ke=ke)


def test_calendar_due_dates_follow_the_rules_on_working_days(o):
    svc.perencanaan_buat_kalender(user=o["kasubag"], tahun=2026)
    # laporan bulanan: the 10th of the next month; 10 Jan 2027 is a Sunday → Friday 8 Jan
    assert _dok(2026, "bulanan", 3).tenggat == date(2026, 4, 10)
    assert _dok(2026, "bulanan", 12).tenggat == date(2027, 1, 8)
    # 10 Oct 2026 is a Saturday → Friday 9 Oct
    assert _dok(2026, "bulanan", 9).tenggat == date(2026, 10, 9)
    assert _dok(2026, "semester", 1).tenggat == date(2026, 7, 10)
    assert _dok(2026, "monev", 2).periode == "triwulan II 2026"
    assert _dok(2026, "lkjip").tenggat == date(2026, 2, 27)  # 28 Feb 2026 is a Saturday
    assert _dok(2026, "renja").periode == "tahun 2027"
    assert not DokumenPerencanaan.objects.filter(tahun=2026, jenis="renstra").exists()  # 2025 and 2030
    assert DokumenPerencanaan.objects.filter(tahun=2026).count() == 1 + 1 + 1 + 1 + 1 + 1 + 12 + 2 + 1 + 4


def test_a_cuti_bersama_moves_the_due_date_and_running_again_adds_nothing(o):
    HariLibur.objects.create(tanggal=date(2026, 4, 10), jenis="cuti_bersama", keterangan="Cuti bersama")
    first = svc.perencanaan_buat_kalender(user=o["kasubag"], tahun=2026)
    assert _dok(2026, "bulanan", 3).tenggat == date(2026, 4, 9)
    assert svc.perencanaan_buat_kalender(user=o["kasubag"], tahun=2026) == []
    assert DokumenPerencanaan.objects.filter(tahun=2026).count() == len(first)


def test_only_the_kasubag_makes_the_calendar(o):
    with pytest.raises(BerkasForbidden):
        svc.perencanaan_buat_kalender(user=o["staf"], tahun=2026)


def test_chain_with_return_and_final_upload(o):
    svc.perencanaan_buat_kalender(user=o["kasubag"], tahun=2026)
    dok = _dok(2026, "lkjip")
    svc.perencanaan_tetapkan_pemegang(user=o["kasubag"], pk=dok.pk, pemegang=o["staf"], tim=[o["staf2"]])
    assert [i.object_id for i in work_items(o["staf2"])] == [dok.pk]
    with pytest.raises(BerkasForbidden):
        svc.perencanaan_aksi(user=o["luar"], pk=dok.pk, method="ajukan")

    svc.perencanaan_aksi(user=o["staf"], pk=dok.pk, method="ajukan", expected_status="konsep")
    svc.perencanaan_aksi(user=o["kasubag"], pk=dok.pk, method="periksa")
    with pytest.raises(BerkasForbidden):
        svc.perencanaan_aksi(user=o["kasubag"], pk=dok.pk, method="kembalikan", catatan="x")
    svc.perencanaan_aksi(user=o["sekretaris"], pk=dok.pk, method="kembalikan", catatan="Capaian IKU belum ada.")
    dok.refresh_from_db()
    assert dok.status == StatusPerencanaan.KONSEP
    assert Notifikasi.objects.filter(penerima=o["staf2"], pesan="Capaian IKU belum ada.").exists()

    svc.perencanaan_aksi(user=o["staf2"], pk=dok.pk, method="ajukan")
    svc.perencanaan_aksi(user=o["kasubag"], pk=dok.pk, method="periksa")
    svc.perencanaan_aksi(user=o["sekretaris"], pk=dok.pk, method="paraf")
    svc.perencanaan_aksi(user=o["kadis"], pk=dok.pk, method="setujui")
    with pytest.raises(BerkasInvalid) as not_pdf:
        svc.perencanaan_unggah_final(user=o["staf"], pk=dok.pk, berkas=SimpleUploadedFile("x.pdf", b"bukan pdf"))
    assert "PDF" in not_pdf.value.message
    svc.perencanaan_unggah_final(user=o["staf"], pk=dok.pk, berkas=_pdf(), expected_status="disetujui")
    dok.refresh_from_db()
    assert dok.status == StatusPerencanaan.SELESAI
    assert dok.berkas_final.read().startswith(b"%PDF")
    assert list(work_items(o["staf"])) == []


def test_reminders_go_once_per_document_per_day_to_whoever_holds_it(o):
    svc.perencanaan_buat_kalender(user=o["kasubag"], tahun=2026)
    maret = _dok(2026, "bulanan", 3)  # due 10 April 2026
    svc.perencanaan_tetapkan_pemegang(user=o["kasubag"], pk=maret.pk, pemegang=o["staf"])
    april = _dok(2026, "bulanan", 4)  # due 8 May (10 May is a Sunday): not yet
    Notifikasi.objects.all().delete()

    today = date(2026, 4, 6)
    # the documents due by 13 April and not done: LKjIP, PK, IKU, bulanan Jan–Mar, monev I
    sent = svc.perencanaan_ingatkan(hari_ini=today)
    assert sent == DokumenPerencanaan.objects.filter(tenggat__lte=date(2026, 4, 13)).count()
    assert svc.perencanaan_ingatkan(hari_ini=today) == 0  # the same day again: nothing
    to_staf = Notifikasi.objects.filter(penerima=o["staf"])
    assert [n.judul for n in to_staf] == ["Tenggat Laporan bulanan Maret 2026: 4 hari lagi"]
    assert not PengingatPerencanaan.objects.filter(dokumen=april).exists()

    # with the Kasubag the next day: the Kasubag is reminded, not the holder
    svc.perencanaan_aksi(user=o["staf"], pk=maret.pk, method="ajukan")
    svc.perencanaan_ingatkan(hari_ini=date(2026, 4, 7))
    assert to_staf.count() == 1
    assert Notifikasi.objects.filter(penerima=o["kasubag"], judul__contains="Maret 2026: 3 hari lagi").count() == 1
    assert PengingatPerencanaan.objects.filter(dokumen=maret).count() == 2


def test_the_beat_task_calls_the_reminders(o, settings):
    assert settings.CELERY_BEAT_SCHEDULE["ingatkan-perencanaan"]["task"] == ingatkan_perencanaan.name
    svc.perencanaan_buat_kalender(user=None, tahun=date.today().year)
    first = ingatkan_perencanaan()
    assert first > 0
    assert ingatkan_perencanaan() == 0
