"""Permintaan data: a request letter disposed to PIAK is answered only under an agreement in force
today with that lembaga covering what it asks; without one the case ends with a signed refusal
letter. What left the office is recorded (fields, records, SHA-256, method), never the data."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from piak.models import PermintaanData, StatusPermintaan
from piak.services import kerjasama as ks
from piak.services import permintaan_data as pd
from sekretariat.models import StatusDisposisi, StatusNaskah
from sekretariat.services import naskah as naskah_svc
from tests.sekretariat.naskah_helpers import klasifikasi
from tests.sekretariat.test_naskah_tte import sign

from .conftest import berlaku, surat_ke_piak

pytestmark = pytest.mark.django_db
S = StatusPermintaan
HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def buka(p, surat, disposisi, lingkup="verifikasi_nik"):
    data = pd.PermintaanBaru(surat.pk, "permintaan", lingkup, "Verifikasi NIK peserta baru.", disposisi.pk)
    return pd.permintaan_buka(user=p["kasi_piak"], data=data)


def through_chain(client, p, naskah):
    """The letter's naskah chain: paraf Kabid PIAK and Sekretaris, number, the Kadis's TTE, sent, archived."""
    naskah_svc.naskah_ajukan(pk=naskah.pk, user=p["kasi_piak"])
    naskah_svc.naskah_setujui(pk=naskah.pk, user=p["kasubag"])
    naskah_svc.naskah_paraf(pk=naskah.pk, user=p["kabid_piak"])
    naskah_svc.naskah_paraf(pk=naskah.pk, user=p["sekretaris"])
    naskah_svc.naskah_beri_nomor(pk=naskah.pk, user=p["agendaris"], klasifikasi=klasifikasi("474"),
                                 tanggal=date(2026, 12, 1))  # fmt: skip
    naskah.refresh_from_db()
    sign(client, p["kadis"], naskah)
    assert naskah.status == StatusNaskah.TERBIT
    naskah_svc.naskah_catat_ekspedisi(pk=naskah.pk, user=p["agendaris"], penerima="Bagian umum", cara="kurir",
                                      tanggal=date(2026, 12, 2))  # fmt: skip
    naskah_svc.naskah_arsipkan(pk=naskah.pk, user=p["agendaris"])
    naskah.refresh_from_db()
    return naskah


@pytest.mark.parametrize("keadaan", ["tanpa_pks", "berakhir", "lingkup_lain"])
def test_without_an_active_agreement_the_case_ends_with_a_signed_refusal_letter(client, piak, keadaan):
    today = timezone.localdate()
    if keadaan == "berakhir":  # its last day was today; the daily task ended it
        berlaku(piak, mulai=today - timedelta(days=400), berakhir=today)
        ks.kerjasama_harian(hari_ini=today + timedelta(days=1))
    elif keadaan == "lingkup_lain":
        berlaku(piak, lingkup=["pemadanan"])
    surat, disposisi = surat_ke_piak(piak)
    case = buka(piak, surat, disposisi)

    case = pd.permintaan_periksa(user=piak["kasi_piak"], pk=case.pk)

    assert case.status == S.PENOLAKAN and case.kerjasama is None
    expected = {"tanpa_pks": "belum memiliki perjanjian", "berakhir": "masa berlaku berakhir",
                "lingkup_lain": "tidak mencakup «Verifikasi NIK»"}[keadaan]  # fmt: skip
    assert expected in case.alasan_tolak
    naskah = case.naskah
    assert naskah.jenis.kode == "penolakan-permintaan-data" and naskah.status == StatusNaskah.KONSEP
    assert naskah.membalas_disposisi_id == disposisi.pk and expected in naskah.isi
    with pytest.raises(BerkasConflict, match="belum dikirim dan diarsipkan"):
        pd.permintaan_selesaikan(user=piak["kasi_piak"], pk=case.pk)

    naskah = through_chain(client, piak, naskah)
    case = pd.permintaan_selesaikan(user=piak["kasi_piak"], pk=case.pk)
    assert case.status == S.DITOLAK
    assert list(naskah.paraf.values_list("peran", flat=True)) == ["kabid", "sekretaris"]
    assert naskah.ekspedisi.count() == 1 and naskah.status == StatusNaskah.ARSIP
    disposisi.refresh_from_db()
    assert disposisi.status == StatusDisposisi.SELESAI  # sending the letter answered the disposisi
    assert case.jumlah_record is None and case.sha256 == ""  # no data left the office


def test_an_unknown_lembaga_is_refused_even_when_another_lembaga_has_an_agreement(piak):
    berlaku(piak, nama="BPJS Kesehatan Cabang")
    surat, disposisi = surat_ke_piak(piak, nama="PT Data Nusantara", nomor="01/PTDN/2026")
    case = pd.permintaan_periksa(user=piak["kasi_piak"], pk=buka(piak, surat, disposisi).pk)
    assert case.status == S.PENOLAKAN
    assert case.alasan_tolak == "PT Data Nusantara belum memiliki perjanjian kerja sama pemanfaatan data."


def test_answered_under_an_agreement_with_a_reply_through_the_naskah_chain(client, piak):
    pks = berlaku(piak)
    surat, disposisi = surat_ke_piak(piak)
    case = buka(piak, surat, disposisi)

    case = pd.permintaan_periksa(user=piak["kasi_piak"], pk=case.pk)
    assert (case.status, case.kerjasama_id, case.naskah_id) == (S.DIOLAH, pks.pk, None)

    hasil = pd.HasilData(["nik", "nama", "status_padan"], 1250, HASH.upper(), "sftp")
    with pytest.raises(BerkasForbidden):  # the Kasi does not record the processing: the ADB does
        pd.permintaan_lapor(user=piak["kasi_piak"], pk=case.pk, data=hasil)
    case = pd.permintaan_lapor(user=piak["adb"], pk=case.pk, data=hasil)
    assert (case.kolom, case.jumlah_record, case.sha256, case.metode) == (
        ["nik", "nama", "status_padan"], 1250, HASH, "sftp",
    )  # fmt: skip
    with pytest.raises(BerkasForbidden):  # the Kabid verifies after the Kasi
        pd.permintaan_aksi(user=piak["kabid_piak"], pk=case.pk, method="verifikasi")
    pd.permintaan_aksi(user=piak["kasi_piak"], pk=case.pk, method="verifikasi")
    case = pd.permintaan_aksi(user=piak["kabid_piak"], pk=case.pk, method="setujui")
    assert case.status == S.BALASAN

    case = pd.permintaan_susun_balasan(user=piak["kasi_piak"], pk=case.pk)
    naskah = case.naskah
    assert naskah.jenis.kode == "balasan-permintaan-data" and naskah.membalas_disposisi_id == disposisi.pk
    assert HASH in naskah.isi and "470/12/PKS/2026" in naskah.isi
    with pytest.raises(BerkasConflict):
        pd.permintaan_susun_balasan(user=piak["kasi_piak"], pk=case.pk)

    through_chain(client, piak, naskah)
    case = pd.permintaan_selesaikan(user=piak["kasi_piak"], pk=case.pk)
    assert case.status == S.SELESAI
    assert list(pks.permintaan.values_list("pk", flat=True)) == [case.pk]


@pytest.mark.parametrize(
    "sha256", ["", "abc", HASH[:-1], HASH + "0", "g" * 64, HASH[:60] + " xyz"], ids=["kosong", "pendek", "63", "65",
                                                                                    "bukan-hex", "spasi"]
)  # fmt: skip
def test_the_record_of_what_left_needs_a_sha256_of_64_hex_digits(piak, sha256):
    berlaku(piak)
    surat, disposisi = surat_ke_piak(piak)
    case = pd.permintaan_periksa(user=piak["kasi_piak"], pk=buka(piak, surat, disposisi).pk)
    with pytest.raises(BerkasInvalid) as exc:
        pd.permintaan_lapor(user=piak["adb"], pk=case.pk, data=pd.HasilData(["nik"], 10, sha256, "sftp"))
    assert "sha256" in exc.value.fields
    case.refresh_from_db()
    assert (case.status, case.sha256, case.jumlah_record) == (S.DIOLAH, "", None)


def test_other_fields_of_the_record_are_checked_too(piak):
    berlaku(piak)
    surat, disposisi = surat_ke_piak(piak)
    case = pd.permintaan_periksa(user=piak["kasi_piak"], pk=buka(piak, surat, disposisi).pk)
    with pytest.raises(BerkasInvalid) as exc:
        pd.permintaan_lapor(user=piak["adb"], pk=case.pk, data=pd.HasilData(["foto"], -1, HASH, "flashdisk"))
    assert set(exc.value.fields) == {"kolom", "jumlah_record", "metode"}


def test_one_case_per_letter_and_only_the_kasi_piak_opens_it(piak):
    surat, disposisi = surat_ke_piak(piak)
    data = pd.PermintaanBaru(surat.pk, "permintaan", "verifikasi_nik", "Uraian.", disposisi.pk)
    with pytest.raises(BerkasForbidden):
        pd.permintaan_buka(user=piak["kasi_lain"], data=data)
    pd.permintaan_buka(user=piak["kasi_piak"], data=data)
    with pytest.raises(BerkasConflict, match="sudah dibuka"):
        pd.permintaan_buka(user=piak["kasi_piak"], data=data)
    assert PermintaanData.objects.filter(surat=surat).count() == 1
