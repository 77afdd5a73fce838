"""PELITA 3 (Pekanbaru): one application, one status and one resi, producing akta perceraian, a new
KK and a KTP-el across Pencatatan Sipil and Pendaftaran Penduduk, each document signed."""

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from dukcapil import services
from dukcapil.choices import Status
from dukcapil.exceptions import BerkasInvalid
from dukcapil.models import Dokumen, Layanan, Pengambilan
from pencatatan_sipil.layanan import permohonan_update as akta_update
from pendaftaran.choices import StatusPerkawinan
from pendaftaran.layanan import permohonan_update as ktp_update
from pendaftaran.register import PERSON_FIELDS
from pendaftaran.services import AnggotaData, permohonan_kk_update
from tests.factories import act, register_service, to_pickup

pytestmark = pytest.mark.django_db


def test_pelita3_from_counter_to_pickup(capil, warga, client):
    layanan = Layanan.objects.get(kode="pelita3")
    assert layanan.komponen == ["akta-perceraian", "kk-pisah", "ktp-el-perubahan-data"]
    assert layanan.sop.kantor.slug == "pekanbaru"
    keluarga = warga[1]
    suami = keluarga.anggota.get(hubungan="KEPALA KELUARGA")
    istri = keluarga.anggota.get(hubungan="ISTRI")
    detail = {"0__nomor_akta_rujukan": "", "1__jenis": "pisah", "1__nomor_kk": keluarga.nomor_kk}
    berkas = register_service("pelita3", istri, capil["loket"], detail=detail)
    assert berkas.status == Status.DITERIMA
    # the Pekanbaru step times (FO 5+5+1+1 minutes, Kasi 5, Kabid 5, Kadis 2) are the berkas's standard
    assert berkas.standar_waktu.get(Status.VERIFIKASI) == 5 and berkas.standar_waktu.get(Status.TTE) == 2
    assert Dokumen.objects.filter(berkas=berkas, jenis="resi").count() == 1

    # the operator cannot send it on before every component's data is entered
    with pytest.raises(BerkasInvalid, match=r"^Data belum lengkap: Akta perceraian: NIK suami; ") as exc:
        act(berkas, "entri-selesai", capil["operator"])
    assert exc.value.fields["data"] == [
        "Akta perceraian: NIK suami",
        "Akta perceraian: NIK istri",
        "Akta perceraian: Pengadilan negeri",
        "Akta perceraian: Nomor putusan",
        "Akta perceraian: Tanggal putusan",
        "Akta perceraian: Tanggal berkekuatan hukum tetap",
        f"Pisah KK: pilih anggota yang pisah dari KK asal {keluarga.nomor_kk} (mantan pasangan, dan anak sesuai "
        "putusan pengadilan atau kesepakatan orang tua); seluruh anggota tidak boleh pisah karena KK asal menjadi "
        "kosong.",
        "Penerbitan KTP-el karena perubahan data: Hasil cek data SIAK, perekaman dan riwayat pencetakan",
        "Penerbitan KTP-el karena perubahan data: Jenis pekerjaan",
        "Penerbitan KTP-el karena perubahan data: Status perkawinan",
        "Penerbitan KTP-el karena perubahan data: Agama",
        "Penerbitan KTP-el karena perubahan data: Pendidikan",
        "Penerbitan KTP-el karena perubahan data: Dokumen dasar perubahan (nomor dan jenis)",
    ]

    def enter(b):
        operator = capil["operator"]
        akta_update(
            berkas_id=b.pk,
            user=operator,
            data={
                "nik_suami": suami.nik,
                "nik_istri": istri.nik,
                "pengadilan": "PENGADILAN NEGERI PEKANBARU",
                "nomor_putusan": "101/PDT.G/2026/PN PBR",
                "tanggal_putusan": "2026-10-01",
                "tanggal_inkracht": "2026-10-20",
            },
        )
        row = {f: getattr(istri, f) for f in PERSON_FIELDS if f in AnggotaData.__dataclass_fields__}
        row.update(nik=istri.nik, hubungan="KEPALA KELUARGA", status_perkawinan="CERAI HIDUP")
        permohonan_kk_update(
            berkas_id=b.pk,
            user=operator,
            data={
                "alamat": "JL. SUDIRMAN NO. 4",
                "rt": "001",
                "rw": "002",
                "desa_kelurahan": "KIJANG KOTA",
                "kecamatan": "BINTAN TIMUR",
                "kabupaten_kota": "KABUPATEN BINTAN",
                "provinsi": "KEPULAUAN RIAU",
                "kode_pos": "29151",
                "kode_wilayah": "210201",
            },
            anggota=[AnggotaData(**row)],
        )
        ktp_update(
            berkas_id=b.pk,
            user=operator,
            data={
                "catatan_cek_data": "Data SIAK cocok",
                "pekerjaan": istri.pekerjaan,
                "status_perkawinan": "CERAI HIDUP",
                "agama": istri.agama,
                "pendidikan": istri.pendidikan,
                "golongan_darah": "",
                "dokumen_dasar": "Akta perceraian",
            },
        )

    berkas = to_pickup(berkas, capil, enter)
    assert berkas.status == Status.SIAP_DIAMBIL
    produced = {d.jenis: d for d in Dokumen.objects.filter(berkas=berkas)}
    assert {"resi", "kutipan-perceraian", "register-perceraian", "kk", "ktp-el"} == set(produced)
    assert all(d.ditandatangani for j, d in produced.items() if j != "resi")
    suami.refresh_from_db()
    istri.refresh_from_db()
    assert suami.status_perkawinan == istri.status_perkawinan == StatusPerkawinan.CERAI_HIDUP
    assert istri.keluarga != keluarga and suami.keluarga == keluarga
    assert berkas.permohonan_kk.keluarga == istri.keluarga

    page = client.get("/berkas/" + berkas.nomor_registrasi + "/")
    assert page.status_code == 302  # staff only; the public status page is separate

    with pytest.raises(BerkasInvalid, match=r"^Aktivasi KTP-el \(verifikasi sidik jari pemilik\) belum dilakukan\.$"):
        services.berkas_serahkan(
            berkas_id=berkas.pk,
            user=capil["pengambilan"],
            penerima=services.PenerimaData(nama=istri.nama, nik=istri.nik, hubungan="sendiri"),
        )
    services.berkas_serahkan(
        berkas_id=berkas.pk,
        user=capil["pengambilan"],
        penerima=services.PenerimaData(nama=istri.nama, nik=istri.nik, hubungan="sendiri", aktivasi_ktp_el=True),
    )
    berkas.refresh_from_db()
    assert berkas.status == Status.DISERAHKAN
    # the pickup register records the owner, in person, with the KTP-el activated
    pengambilan = berkas.pengambilan
    assert pengambilan.jenis == Pengambilan.Jenis.DOKUMEN
    assert (pengambilan.penerima_nik, pengambilan.hubungan) == (istri.nik, Pengambilan.Hubungan.SENDIRI)
    assert pengambilan.aktivasi_ktp_el and pengambilan.petugas == capil["pengambilan"]
    # the Pekanbaru steps add up to 30 minutes: a same-day service, handed over by its deadline
    assert berkas.jangka_waktu_hari_kerja == 0
    assert berkas.tenggat == timezone.localdate(berkas.dibuat_pada)
    assert timezone.localdate(pengambilan.waktu) <= berkas.tenggat


# --- the KK part of PELITA 3: who leaves is chosen, never the whole family ---------------------------

ALAMAT_BARU = {
    "alamat": "JL. SUDIRMAN NO. 4",
    "rt": "001",
    "rw": "002",
    "desa_kelurahan": "KIJANG KOTA",
    "kecamatan": "BINTAN TIMUR",
    "kabupaten_kota": "KABUPATEN BINTAN",
    "provinsi": "KEPULAUAN RIAU",
    "kode_pos": "29151",
    "kode_wilayah": "210201",
}


def _pelita3(capil, keluarga, pemohon):
    detail = {"0__nomor_akta_rujukan": "", "1__jenis": "pisah", "1__nomor_kk": keluarga.nomor_kk}
    return register_service("pelita3", pemohon, capil["loket"], detail=detail)


def _enter_akta_and_ktp(b, capil, suami, istri):
    akta_update(
        berkas_id=b.pk,
        user=capil["operator"],
        data={
            "nik_suami": suami.nik,
            "nik_istri": istri.nik,
            "pengadilan": "PENGADILAN NEGERI PEKANBARU",
            "nomor_putusan": "102/PDT.G/2026/PN PBR",
            "tanggal_putusan": "2026-10-01",
            "tanggal_inkracht": "2026-10-20",
        },
    )
    ktp_update(
        berkas_id=b.pk,
        user=capil["operator"],
        data={
            "catatan_cek_data": "Data SIAK cocok",
            "pekerjaan": istri.pekerjaan,
            "status_perkawinan": "CERAI HIDUP",
            "agama": istri.agama,
            "pendidikan": istri.pendidikan,
            "golongan_darah": "",
            "dokumen_dasar": "Akta perceraian",
        },
    )


def _row(person, **changes) -> AnggotaData:
    row = {f: getattr(person, f) for f in AnggotaData.__dataclass_fields__}
    return AnggotaData(**(row | changes))


def test_pelita3_unchanged_pisah_kk_is_refused(capil, warga):
    keluarga = warga[1]
    suami = keluarga.anggota.get(hubungan="KEPALA KELUARGA")
    istri = keluarga.anggota.get(hubungan="ISTRI")
    berkas = _pelita3(capil, keluarga, istri)
    _enter_akta_and_ktp(berkas, capil, suami, istri)
    # the KK part is prefilled with the whole registered family: it is not complete untouched
    with pytest.raises(BerkasInvalid, match="pilih anggota yang pisah") as exc:
        act(berkas, "entri-selesai", capil["operator"])
    assert any("pilih anggota yang pisah" in m for m in exc.value.fields["data"])

    prefilled = [_row(a) for a in berkas.permohonan_kk.anggota.order_by("urutan")]
    assert {a.nik for a in prefilled} == {p.nik for p in keluarga.anggota.filter(status="aktif")}
    save = {"berkas_id": berkas.pk, "user": capil["operator"], "data": ALAMAT_BARU}
    # saved as prefilled: the whole family would leave and the KK asal would be empty
    with pytest.raises(BerkasInvalid, match="Pilih anggota yang pisah"):
        permohonan_kk_update(**save, anggota=prefilled)
    # the whole family with the wife as the new head is still the whole family
    whole = [_row(a, hubungan="KEPALA KELUARGA") if a.nik == istri.nik else a for a in prefilled]
    whole = [_row(a, hubungan="SUAMI") if a.nik == suami.nik else a for a in whole]
    with pytest.raises(BerkasInvalid, match="Pilih anggota yang pisah"):
        permohonan_kk_update(**save, anggota=whole)
    # the one who leaves heads the new KK
    with pytest.raises(BerkasInvalid, match="Kepala keluarga KK baru harus salah satu anggota yang pisah"):
        permohonan_kk_update(**save, anggota=[_row(istri)])
    # the head of the KK asal leaving would leave it without a head
    with pytest.raises(BerkasInvalid, match=r"kepala keluarga KK asal"):
        permohonan_kk_update(**save, anggota=[_row(suami)])
    with pytest.raises(BerkasInvalid):
        act(berkas, "entri-selesai", capil["operator"])


def test_pelita3_pisah_kk_gives_two_kk_and_both_cerai_hidup(capil, warga):
    keluarga = warga[1]
    suami = keluarga.anggota.get(hubungan="KEPALA KELUARGA")
    istri = keluarga.anggota.get(hubungan="ISTRI")
    anak = keluarga.anggota.filter(hubungan="ANAK").order_by("urutan").first()
    assert anak is not None
    staying = {p.nik for p in keluarga.anggota.filter(status="aktif")} - {istri.nik, anak.nik}
    berkas = _pelita3(capil, keluarga, istri)

    def enter(b):
        _enter_akta_and_ktp(b, capil, suami, istri)
        leavers = [_row(istri, hubungan="KEPALA KELUARGA", status_perkawinan="CERAI HIDUP"), _row(anak)]
        permohonan_kk_update(berkas_id=b.pk, user=capil["operator"], data=ALAMAT_BARU, anggota=leavers)

    berkas = to_pickup(berkas, capil, enter)
    assert berkas.status == Status.SIAP_DIAMBIL
    for p in (suami, istri, anak):
        p.refresh_from_db()
    baru = berkas.permohonan_kk.keluarga
    assert baru != keluarga and baru.aktif
    assert {p.nik for p in baru.anggota.filter(status="aktif")} == {istri.nik, anak.nik}
    assert baru.anggota.get(hubungan="KEPALA KELUARGA") == istri
    keluarga.refresh_from_db()
    assert keluarga.aktif
    assert {p.nik for p in keluarga.anggota.filter(status="aktif")} == staying
    assert keluarga.anggota.get(status="aktif", hubungan="KEPALA KELUARGA") == suami
    assert suami.status_perkawinan == istri.status_perkawinan == StatusPerkawinan.CERAI_HIDUP

    dokumen = Dokumen.objects.get(berkas=berkas, jenis="kk")
    assert dokumen.ditandatangani
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(dokumen.berkas_pdf.read())).pages)
    assert baru.nomor_kk in text and istri.nik in text and anak.nik in text
    assert suami.nik not in text
