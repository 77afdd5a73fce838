"""The civil-registration services from the counter to pickup: register akta, kutipan, catatan
pinggir, revocation, and their effects on the population register."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from dukcapil import services
from dukcapil.choices import Status
from dukcapil.documents import format_tanggal, tanggal_terbilang
from dukcapil.exceptions import BerkasConflict, BerkasInvalid
from dukcapil.models import Dokumen, Layanan
from pencatatan_sipil.choices import JenisAkta, StatusAkta
from pencatatan_sipil.layanan import apply_effects, konfirmasi_record, permohonan_update
from pencatatan_sipil.models import Akta, CatatanPinggir, Kutipan
from pendaftaran.choices import StatusPenduduk, StatusPerkawinan
from pendaftaran.models import Keluarga, Penduduk
from tests.factories import act, committed, register_service, to_pickup, to_tte

pytestmark = pytest.mark.django_db


def pdf_text(berkas, jenis) -> str:
    dokumen = Dokumen.objects.get(berkas=berkas, jenis=jenis)
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(dokumen.berkas_pdf.read())).pages)


def entering(capil, data):
    def enter(berkas):
        permohonan_update(berkas_id=berkas.pk, user=capil["operator"], data=data)

    return enter


def hand_over(berkas, capil):
    return services.berkas_serahkan(
        berkas_id=berkas.pk,
        user=capil["pengambilan"],
        penerima=services.PenerimaData(nama=berkas.pemohon_nama, nik=berkas.pemohon_nik, hubungan="sendiri"),
    )


def family(warga, index=0):
    keluarga = warga[index]
    return (
        keluarga,
        keluarga.anggota.get(hubungan="KEPALA KELUARGA"),
        keluarga.anggota.get(hubungan="ISTRI"),
    )


def kelahiran_data(keluarga, ayah, ibu, lahir, nama="ALYA PUTRI"):
    return {
        "nama_anak": nama,
        "jenis_kelamin": "P",
        "tempat_lahir": "BINTAN",
        "tanggal_lahir": lahir.isoformat(),
        "pukul": "08:15",
        "anak_ke": 3,
        "penolong": "BIDAN/PERAWAT",
        "nik_ibu": ibu.nik,
        "nik_ayah": ayah.nik,
        "nomor_kk": keluarga.nomor_kk,
        "nik_anak": "",
        "saksi_1": "HENDRA",
        "saksi_2": "YANTI",
    }


def lahirkan(capil, warga, days_ago=10, nama="ALYA PUTRI"):
    keluarga, ayah, ibu = family(warga)
    lahir = timezone.localdate() - timedelta(days=days_ago)
    berkas = register_service("akta-kelahiran", ayah, capil["loket"])
    berkas = to_pickup(berkas, capil, entering(capil, kelahiran_data(keluarga, ayah, ibu, lahir, nama)))
    return berkas, keluarga


def test_kelahiran_adds_the_child_with_nik_and_issues_kutipan_and_register(capil, warga):
    berkas, keluarga = lahirkan(capil, warga)
    assert berkas.status == Status.SIAP_DIAMBIL
    akta = Akta.objects.get(berkas=berkas)
    child = Penduduk.objects.get(nik=akta.subjek_nik)
    assert child.keluarga == keluarga and child.hubungan == "ANAK" and child.nama == "ALYA PUTRI"
    assert child.no_akta_kelahiran == akta.nomor and child.nik[6:8] == f"{child.tanggal_lahir.day + 40:02d}"
    year = timezone.localdate().year
    assert akta.nomor.startswith("2102-LT-") and akta.nomor.endswith(f"{year}-{akta.urutan:04d}")
    assert not akta.terlambat
    assert Kutipan.objects.get(akta=akta).ke == 1
    assert Kutipan.objects.get(akta=akta).dokumen.ditandatangani
    kutipan = pdf_text(berkas, "kutipan-kelahiran")
    assert "KUTIPAN AKTA KELAHIRAN" in kutipan and "ALYA PUTRI" in kutipan and akta.nomor in kutipan
    register = pdf_text(berkas, "register-kelahiran")
    assert "REGISTER AKTA KELAHIRAN" in register and "HENDRA" in register
    assert hand_over(berkas, capil).berkas.status == Status.DISERAHKAN


def test_kutipan_kelahiran_is_the_national_form_with_its_fixed_fields_in_order(capil, warga):
    berkas, _ = lahirkan(capil, warga)
    akta = Akta.objects.get(berkas=berkas)
    text = " ".join(pdf_text(berkas, "kutipan-kelahiran").split())
    order = [
        "REPUBLIK INDONESIA",
        "PENCATATAN SIPIL",
        "Warga negara Nationality",
        "NIK Personal identification number",
        akta.subjek_nik,
        "KUTIPAN AKTA KELAHIRAN",
        "EXCERPT OF BIRTH CERTIFICATE",
        "Berdasarkan Akta Kelahiran Nomor By virtue of Birth Certificate Number",
        akta.nomor,
        "bahwa di that in",
        akta.tempat_peristiwa.upper(),
        "pada tanggal on date",
        tanggal_terbilang(akta.tanggal_peristiwa).upper(),
        "telah lahir was born",
        "ALYA PUTRI",
        "anak ke child number",
        "TIGA, PEREMPUAN",
        "dari ayah from father",
        akta.data["nama_ayah"],
        "dan ibu and mother",
        akta.data["nama_ibu"],
        "Kutipan ini dikeluarkan di This excerpt is issued in",
        "pada tanggal on date",
        format_tanggal(timezone.localdate()).upper(),
        "Dokumen ini ditandatangani secara elektronik",  # the TTE caption beside the QR, left of the signer
        "KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
    ]
    at = 0
    for part in order:  # each fixed field after the one before it
        found = text.find(part, at)
        assert found >= 0, (part, text[at:])
        at = found + len(part)
    assert "BHINNEKA TUNGGAL IKA" in text


def test_late_birth_is_flagged_on_the_berkas_register_and_kutipan(capil, warga):
    berkas, _ = lahirkan(capil, warga, days_ago=75)
    assert berkas.permohonan_akta.terlambat
    assert Akta.objects.get(berkas=berkas).terlambat
    assert "60 hari" in pdf_text(berkas, "kutipan-kelahiran")


def test_register_effects_happen_once_when_the_kadis_sends_back_and_it_is_approved_again(capil, warga):
    keluarga, ayah, ibu = family(warga)
    data = kelahiran_data(keluarga, ayah, ibu, timezone.localdate() - timedelta(days=3), "BAYU")
    berkas = to_tte(register_service("akta-kelahiran", ayah, capil["loket"]), capil, entering(capil, data))
    members = keluarga.anggota.count()
    nomor = Akta.objects.get(berkas=berkas).nomor
    berkas = act(berkas, "koreksi", capil["kadis"], note="Nama anak salah ketik")
    berkas = to_tte(berkas, capil, entering(capil, {**data, "nama_anak": "BAYU SAKTI"}))
    with committed():  # a retried approval step runs the effects again
        apply_effects(berkas, capil["kabid"])
    assert keluarga.anggota.count() == members
    akta = Akta.objects.get(berkas=berkas)
    assert akta.nomor == nomor and akta.subjek_nama == "BAYU SAKTI"
    assert Penduduk.objects.get(nik=akta.subjek_nik).nama == "BAYU SAKTI"
    assert Kutipan.objects.filter(akta=akta).count() == 1


def test_kelahiran_bad_input_is_refused_with_a_message(capil, warga):
    keluarga, ayah, ibu = family(warga)
    berkas = register_service("akta-kelahiran", ayah, capil["loket"])
    data = kelahiran_data(keluarga, ayah, ibu, timezone.localdate())
    with pytest.raises(BerkasInvalid, match="bukan perempuan"):
        permohonan_update(berkas_id=berkas.pk, user=capil["operator"], data={**data, "nik_ibu": ayah.nik})
    other = warga[1]
    with pytest.raises(BerkasInvalid, match="tidak tercatat dalam KK"):
        permohonan_update(berkas_id=berkas.pk, user=capil["operator"], data={**data, "nomor_kk": other.nomor_kk})


def test_kelahiran_returned_when_a_persyaratan_is_missing(capil, warga):
    _, ayah, _ = family(warga)
    berkas = register_service("akta-kelahiran", ayah, capil["loket"], complete=False)
    assert berkas.status == Status.DIKEMBALIKAN
    assert "Surat Keterangan Kelahiran (F2.01)" in berkas.persyaratan_kurang


def test_kematian_marks_the_person_dead_off_the_kk_and_the_spouse_cerai_mati(capil, warga):
    keluarga, kepala, istri = family(warga, 1)
    berkas = register_service("akta-kematian", istri, capil["loket"])
    data = {
        "nik_jenazah": kepala.nik,
        "tanggal_kematian": (timezone.localdate() - timedelta(days=2)).isoformat(),
        "tempat_kematian": "RSUD BINTAN",
        "sebab_kematian": "SAKIT",
        "yang_menerangkan": "DOKTER",
        "nomor_surat_kematian": "SKM/12/2026",
        "saksi_1": "A",
        "saksi_2": "B",
    }
    berkas = to_pickup(berkas, capil, entering(capil, data))
    kepala.refresh_from_db()
    istri.refresh_from_db()
    assert kepala.status == StatusPenduduk.MENINGGAL and kepala.keluarga is None
    assert kepala.no_akta_kematian == Akta.objects.get(berkas=berkas, jenis=JenisAkta.KEMATIAN).nomor
    assert istri.status_perkawinan == StatusPerkawinan.CERAI_MATI
    assert "KUTIPAN AKTA KEMATIAN" in pdf_text(berkas, "kutipan-kematian")
    again = register_service("akta-kematian", istri, capil["loket"])
    with pytest.raises(BerkasInvalid, match="Meninggal"):
        permohonan_update(berkas_id=again.pk, user=capil["operator"], data=data)


def _bride_and_groom():
    from dukcapil.demo import make_nik

    lahir_l, lahir_p = timezone.localdate().replace(year=1996), timezone.localdate().replace(year=1998)
    common = dict(
        tempat_lahir="BINTAN",
        agama="KRISTEN",
        pendidikan="DIPLOMA IV/STRATA I",
        pekerjaan="KARYAWAN SWASTA",
        status_perkawinan="BELUM KAWIN",
        nama_ayah="X",
        nama_ibu="Y",
    )
    groom = Penduduk.objects.create(
        nik=make_nik(lahir_l, "L", 7001), nama="MARKUS SIMANJUNTAK", jenis_kelamin="L", tanggal_lahir=lahir_l, **common
    )
    bride = Penduduk.objects.create(
        nik=make_nik(lahir_p, "P", 7002), nama="MARIA LUMBANTOBING", jenis_kelamin="P", tanggal_lahir=lahir_p, **common
    )
    return groom, bride


def perkawinan_data(groom, bride, **changes):
    return {
        "nik_suami": groom.nik,
        "nik_istri": bride.nik,
        "tanggal_perkawinan": (timezone.localdate() - timedelta(days=5)).isoformat(),
        "tempat_perkawinan": "GEREJA HKBP KIJANG",
        "agama": "KRISTEN",
        "pemuka_agama": "PDT. S. NAINGGOLAN",
        "nomor_surat_pemberkatan": "123/HKBP/2026",
        "saksi_1": "JONI",
        "saksi_2": "RINA",
        **changes,
    }


def nikahkan(capil, warga):
    groom, bride = _bride_and_groom()
    berkas = register_service("akta-perkawinan", groom, capil["loket"])
    return to_pickup(berkas, capil, entering(capil, perkawinan_data(groom, bride))), groom, bride


def test_perkawinan_sets_both_kawin_and_issues_the_kutipan(capil, warga):
    berkas, groom, bride = nikahkan(capil, warga)
    akta = Akta.objects.get(berkas=berkas)
    groom.refresh_from_db()
    bride.refresh_from_db()
    assert (groom.status_perkawinan, groom.no_akta_perkawinan) == (StatusPerkawinan.KAWIN, akta.nomor)
    assert (bride.status_perkawinan, bride.no_akta_perkawinan) == (StatusPerkawinan.KAWIN, akta.nomor)
    assert "-KW-" in akta.nomor and "MARIA LUMBANTOBING" in pdf_text(berkas, "kutipan-perkawinan")


def test_perkawinan_conditional_persyaratan_and_bad_input(capil, warga):
    groom, bride = _bride_and_groom()
    layanan = Layanan.objects.get(kode="akta-perkawinan")
    conditional = layanan.persyaratan_berlaku().get(kondisi__icontains="pernah menikah")
    everything_else = [p.pk for p in layanan.persyaratan_berlaku() if p.pk != conditional.pk]
    with committed():
        berkas = services.berkas_register(
            layanan=layanan,
            pemohon=services.PemohonData(
                nik=groom.nik, nama=groom.nama, tanggal_lahir=groom.tanggal_lahir, jenis_kelamin="L"
            ),
            persyaratan_ids=everything_else,
            user=capil["loket"],
            detail={"kondisi": ["pernah menikah"]},
        )
    assert berkas.status == Status.DIKEMBALIKAN
    assert berkas.persyaratan_kurang == [conditional.nama]
    accepted = register_service("akta-perkawinan", groom, capil["loket"])
    with pytest.raises(BerkasInvalid, match="KUA"):
        permohonan_update(
            berkas_id=accepted.pk, user=capil["operator"], data=perkawinan_data(groom, bride, agama="ISLAM")
        )


def test_perceraian_notes_the_marriage_and_sets_cerai_hidup(capil, warga):
    kawin, groom, bride = nikahkan(capil, warga)
    akta_kawin = Akta.objects.get(berkas=kawin)
    berkas = register_service("akta-perceraian", bride, capil["loket"], detail={"nomor_akta_rujukan": akta_kawin.nomor})
    data = {
        "nik_suami": groom.nik,
        "nik_istri": bride.nik,
        "pengadilan": "PENGADILAN NEGERI TANJUNGPINANG",
        "nomor_putusan": "45/PDT.G/2026/PN TPG",
        "tanggal_putusan": (timezone.localdate() - timedelta(days=30)).isoformat(),
        "tanggal_inkracht": (timezone.localdate() - timedelta(days=10)).isoformat(),
    }
    with pytest.raises(BerkasInvalid, match="tidak boleh sebelum"):
        permohonan_update(
            berkas_id=berkas.pk,
            user=capil["operator"],
            data={**data, "tanggal_inkracht": (timezone.localdate() - timedelta(days=40)).isoformat()},
        )
    berkas = to_pickup(berkas, capil, entering(capil, data))
    groom.refresh_from_db()
    bride.refresh_from_db()
    assert groom.status_perkawinan == StatusPerkawinan.CERAI_HIDUP
    assert bride.status_perkawinan == StatusPerkawinan.CERAI_HIDUP
    note = CatatanPinggir.objects.get(akta=akta_kawin)
    assert "putus karena perceraian" in note.isi
    assert note.isi in " ".join(pdf_text(berkas, "register-perkawinan").split())
    assert "KUTIPAN AKTA PERCERAIAN" in pdf_text(berkas, "kutipan-perceraian")


def test_pembatalan_perkawinan_voids_the_akta_revokes_the_kutipan_and_restores_status(capil, warga, client):
    kawin, groom, bride = nikahkan(capil, warga)
    akta = Akta.objects.get(berkas=kawin)
    old = Dokumen.objects.get(berkas=kawin, jenis="kutipan-perkawinan")
    berkas = register_service("pembatalan-perkawinan", groom, capil["loket"], detail={"nomor_akta_rujukan": akta.nomor})
    data = {
        "pengadilan": "PENGADILAN NEGERI TANJUNGPINANG",
        "nomor_penetapan": "12/PDT.G/2026/PN TPG",
        "tanggal_penetapan": timezone.localdate().isoformat(),
        "amar": "Membatalkan perkawinan para pihak.",
    }
    berkas = to_pickup(berkas, capil, entering(capil, data))
    akta.refresh_from_db()
    old.refresh_from_db()
    assert akta.status == StatusAkta.BATAL
    assert old.status == Dokumen.Status.DICABUT and old.dicabut_pada and "pembatalan" in old.alasan_pencabutan
    groom.refresh_from_db()
    bride.refresh_from_db()
    assert (groom.status_perkawinan, groom.no_akta_perkawinan) == (StatusPerkawinan.BELUM_KAWIN, "")
    assert (bride.status_perkawinan, bride.no_akta_perkawinan) == (StatusPerkawinan.BELUM_KAWIN, "")
    assert "SURAT KEPUTUSAN PEMBATALAN" in pdf_text(berkas, "sk-pembatalan")
    assert "dibatalkan" in pdf_text(berkas, "register-perkawinan")
    page = client.get(reverse("verifikasi-dokumen", args=[old.token]))
    assert "Dicabut" in page.content.decode()
    with pytest.raises(BerkasInvalid, match="sudah dibatalkan"):
        register_service("pembetulan-akta", groom, capil["loket"], detail={"nomor_akta_rujukan": akta.nomor})


def test_pembetulan_corrects_the_register_and_revokes_the_old_kutipan(capil, warga):
    lahir, _ = lahirkan(capil, warga)
    akta = Akta.objects.get(berkas=lahir)
    old = Dokumen.objects.get(berkas=lahir, jenis="kutipan-kelahiran")
    berkas = register_service(
        "pembetulan-akta",
        Penduduk.objects.get(nik=lahir.pemohon_nik),
        capil["loket"],
        detail={"nomor_akta_rujukan": akta.nomor},
    )
    with pytest.raises(BerkasInvalid, match="sama dengan isi akta"):
        permohonan_update(
            berkas_id=berkas.pk,
            user=capil["operator"],
            data={"elemen": "nama", "isi_baru": "ALYA PUTRI", "dokumen_dasar": "IJAZAH"},
        )
    data = {"elemen": "nama", "isi_baru": "ALIA PUTRI", "dokumen_dasar": "SURAT KETERANGAN LAHIR RS"}
    berkas = to_pickup(berkas, capil, entering(capil, data))
    akta.refresh_from_db()
    old.refresh_from_db()
    assert akta.data["nama"] == "ALIA PUTRI" and Penduduk.objects.get(nik=akta.subjek_nik).nama == "ALIA PUTRI"
    assert old.status == Dokumen.Status.DICABUT and "pembetulan" in old.alasan_pencabutan.lower()
    new = Kutipan.objects.get(akta=akta, berkas=berkas)
    assert new.ke == 2 and new.dokumen.status == Dokumen.Status.BERLAKU
    text = pdf_text(berkas, "kutipan-kelahiran")
    assert "ALIA PUTRI" in text and "CATATAN PINGGIR" in text and "Kutipan ke-2" in text


CATATAN_SERVICES = [
    (
        "perubahan-nama",
        {
            "nama_baru": "ALYA PUTRI RAMADHANI",
            "pengadilan": "PN TANJUNGPINANG",
            "nomor_penetapan": "7/PDT.P/2026",
            "tanggal_penetapan": "2026-11-01",
        },
        "Nama diubah menjadi ALYA PUTRI RAMADHANI",
    ),
    (
        "perubahan-kewarganegaraan",
        {
            "kasus": "ganda_terbatas",
            "kewarganegaraan_baru": "WNI",
            "pengadilan": "KEMENTERIAN HUKUM",
            "nomor_penetapan": "AHU-1.AH.10.01",
            "tanggal_penetapan": "2026-11-02",
        },
        "ganda terbatas",
    ),
    (
        "peristiwa-penting-lainnya",
        {
            "uraian": "Perubahan jenis kelamin",
            "pengadilan": "PN TANJUNGPINANG",
            "nomor_penetapan": "9/PDT.P/2026",
            "tanggal_penetapan": "2026-11-03",
        },
        "Perubahan jenis kelamin",
    ),
    (
        "pengangkatan-anak",
        {
            "nama_ayah_angkat": "DODI",
            "nama_ibu_angkat": "SARI",
            "pengadilan": "PN TANJUNGPINANG",
            "nomor_penetapan": "3/PDT.P/2026",
            "tanggal_penetapan": "2026-11-04",
        },
        "diangkat oleh DODI dan SARI",
    ),
]


@pytest.mark.parametrize(("kode", "data", "expected"), CATATAN_SERVICES, ids=[c[0] for c in CATATAN_SERVICES])
def test_catatan_pinggir_services_note_the_register_and_reprint_the_kutipan(capil, warga, kode, data, expected):
    lahir, _ = lahirkan(capil, warga)
    akta = Akta.objects.get(berkas=lahir)
    old = Dokumen.objects.get(berkas=lahir, jenis="kutipan-kelahiran")
    pemohon = Penduduk.objects.get(nik=lahir.pemohon_nik)
    with pytest.raises(BerkasInvalid, match="wajib diisi"):
        register_service(kode, pemohon, capil["loket"], detail={"nomor_akta_rujukan": ""})
    berkas = register_service(kode, pemohon, capil["loket"], detail={"nomor_akta_rujukan": akta.nomor})
    berkas = to_pickup(berkas, capil, entering(capil, data))
    note = CatatanPinggir.objects.get(akta=akta)
    assert expected in note.isi
    old.refresh_from_db()
    assert old.status == Dokumen.Status.DIGANTI and old.diganti_oleh.record == berkas
    kutipan = " ".join(pdf_text(berkas, "kutipan-kelahiran").split())
    register = " ".join(pdf_text(berkas, "register-kelahiran").split())
    # the whole note is printed on the reissued kutipan and on the register
    assert "CATATAN PINGGIR" in kutipan and note.isi in kutipan
    assert "CATATAN PINGGIR" in register and note.isi in register


def pengakuan_entry(ayah, ibu) -> dict:
    return {"nik_ayah": ayah.nik, "tanggal_pengakuan": timezone.localdate().isoformat(), "persetujuan_ibu": True}


def pengesahan_entry(ayah, ibu) -> dict:
    return {
        "nik_ayah": ayah.nik,
        "nik_ibu": ibu.nik,
        "nomor_akta_perkawinan": "KUA/88/2026",
        "tanggal_perkawinan": timezone.localdate().isoformat(),
    }


@pytest.mark.parametrize(
    ("kode", "jenis", "entry_for"),
    [
        ("pengakuan-anak", JenisAkta.PENGAKUAN, pengakuan_entry),
        ("pengesahan-anak", JenisAkta.PENGESAHAN, pengesahan_entry),
    ],
    ids=["pengakuan-anak", "pengesahan-anak"],
)
def test_pengakuan_and_pengesahan_draw_up_their_akta_and_note_the_birth(capil, warga, kode, jenis, entry_for):
    # a child registered to the mother only
    keluarga, ayah, ibu = family(warga)
    data = {**kelahiran_data(keluarga, ayah, ibu, timezone.localdate() - timedelta(days=5), "CITRA"), "nik_ayah": ""}
    lahir = to_pickup(register_service("akta-kelahiran", ibu, capil["loket"]), capil, entering(capil, data))
    akta_lahir = Akta.objects.get(berkas=lahir)
    berkas = register_service(kode, ayah, capil["loket"], detail={"nomor_akta_rujukan": akta_lahir.nomor})
    entry = entry_for(ayah, ibu)
    with pytest.raises(BerkasInvalid, match=rf"^NIK {ibu.nik} bukan laki-laki\.$") as exc:
        permohonan_update(berkas_id=berkas.pk, user=capil["operator"], data={**entry, "nik_ayah": ibu.nik})
    assert exc.value.fields == {"nik_ayah": [f"NIK {ibu.nik} bukan laki-laki."]}
    berkas = to_pickup(berkas, capil, entering(capil, entry))
    akta = Akta.objects.get(berkas=berkas, jenis=jenis)
    assert CatatanPinggir.objects.get(akta=akta_lahir).isi.count(akta.nomor) == 1
    assert Penduduk.objects.get(nik=akta_lahir.subjek_nik).nama_ayah == ayah.nama
    produced = set(Dokumen.objects.filter(berkas=berkas).values_list("jenis", flat=True))
    assert produced == {"resi", f"kutipan-{jenis}", f"register-{jenis}", "kutipan-kelahiran", "register-kelahiran"}
    assert ayah.nama in pdf_text(berkas, f"kutipan-{jenis}")


def test_lahir_mati_is_registered_without_a_nik(capil, warga):
    keluarga, ayah, ibu = family(warga)
    people = Penduduk.objects.count()
    data = {
        "tanggal_peristiwa": (timezone.localdate() - timedelta(days=1)).isoformat(),
        "tempat_peristiwa": "BINTAN",
        "jenis_kelamin": "L",
        "lama_kandungan": 30,
        "penolong": "BIDAN/PERAWAT",
        "nik_ibu": ibu.nik,
        "nik_ayah": ayah.nik,
    }
    berkas = to_pickup(register_service("lahir-mati", ibu, capil["loket"]), capil, entering(capil, data))
    assert Penduduk.objects.count() == people
    assert "-LM-" in Akta.objects.get(berkas=berkas).nomor
    assert "SURAT KETERANGAN LAHIR MATI" in pdf_text(berkas, "kutipan-lahir_mati")


def test_kutipan_kedua_of_another_office_waits_for_its_confirmation(capil, warga):
    _, ayah, _ = family(warga)
    berkas = register_service(
        "kutipan-kedua",
        ayah,
        capil["loket"],
        detail={"nomor_akta_rujukan": "1471-LT-01022015-0042", "kantor_penerbit": "Dukcapil Kota Pekanbaru"},
    )
    assert berkas.status == Status.MENUNGGU_KONFIRMASI
    with pytest.raises(BerkasConflict, match="Menunggu konfirmasi"):
        act(berkas, "entri-selesai", capil["operator"])
    with committed():
        konfirmasi_record(
            berkas_id=berkas.pk, user=capil["operator"], nomor="470/88/DKPS", tanggal=timezone.localdate()
        )
    berkas.refresh_from_db()
    assert berkas.status == Status.DITERIMA
    data = {
        "alasan": "hilang",
        "nomor_surat_kehilangan": "LP/77/XI/2026",
        "jenis_akta": "kelahiran",
        "nama_subjek": "RIZKY PRATAMA",
        "tanggal_peristiwa": "2015-01-20",
        "tempat_peristiwa": "PEKANBARU",
        "nik_subjek": "",
    }
    berkas = to_pickup(berkas, capil, entering(capil, data))
    akta = Akta.objects.get(nomor="1471-LT-01022015-0042")
    assert akta.kantor_lain and akta.kantor == "DUKCAPIL KOTA PEKANBARU"
    assert Kutipan.objects.get(akta=akta).ke == 1
    text = pdf_text(berkas, "kutipan-kelahiran")
    assert "RIZKY PRATAMA" in text and "PEKANBARU" in text


def test_kutipan_kedua_of_this_office_replaces_the_first(capil, warga):
    lahir, _ = lahirkan(capil, warga)
    akta = Akta.objects.get(berkas=lahir)
    first = Dokumen.objects.get(berkas=lahir, jenis="kutipan-kelahiran")
    pemohon = Penduduk.objects.get(nik=lahir.pemohon_nik)
    with pytest.raises(BerkasInvalid, match="tidak ada dalam register"):
        register_service("kutipan-kedua", pemohon, capil["loket"], detail={"nomor_akta_rujukan": "2102-LT-0-9999"})
    berkas = register_service("kutipan-kedua", pemohon, capil["loket"], detail={"nomor_akta_rujukan": akta.nomor})
    assert berkas.status == Status.DITERIMA
    berkas = to_pickup(berkas, capil, entering(capil, {"alasan": "rusak", "nomor_surat_kehilangan": ""}))
    first.refresh_from_db()
    assert first.status == Dokumen.Status.DIGANTI
    assert Kutipan.objects.get(akta=akta, berkas=berkas).ke == 2
    assert "kutipan kedua" in CatatanPinggir.objects.get(akta=akta).isi.lower()


def test_keluarga_without_members_after_kematian_is_closed(capil, warga):
    from dukcapil.demo import make_nik

    lone = Keluarga.objects.create(nomor_kk="2102012003990001")
    born = timezone.localdate().replace(year=1950)
    person = Penduduk.objects.create(
        nik=make_nik(born, "L", 6001),
        keluarga=lone,
        hubungan="KEPALA KELUARGA",
        nama="TUA SENDIRI",
        jenis_kelamin="L",
        tempat_lahir="BINTAN",
        tanggal_lahir=born,
        agama="ISLAM",
        pendidikan="SLTA/SEDERAJAT",
        pekerjaan="PENSIUNAN",
        status_perkawinan="CERAI MATI",
        nama_ayah="X",
        nama_ibu="Y",
    )
    _, kepala, _ = family(warga, 2)
    data = {
        "nik_jenazah": person.nik,
        "tanggal_kematian": timezone.localdate().isoformat(),
        "tempat_kematian": "RUMAH",
        "sebab_kematian": "TUA",
        "yang_menerangkan": "KEPALA DESA/LURAH",
        "nomor_surat_kematian": "SKM/1",
        "saksi_1": "A",
        "saksi_2": "B",
    }
    to_pickup(register_service("akta-kematian", kepala, capil["loket"]), capil, entering(capil, data))
    lone.refresh_from_db()
    assert not lone.aktif


def test_kelahiran_cancelled_at_tte_voids_its_akta_which_stays_in_the_register(capil, warga, client):
    """Issue 12 item 17: an akta drawn up for a berkas cancelled at TTE no longer stays valid."""
    # given: a birth approved up to the Kadis, its akta drawn up with a number
    keluarga, ayah, ibu = family(warga)
    lahir = timezone.localdate() - timedelta(days=10)
    berkas = register_service("akta-kelahiran", ayah, capil["loket"])
    berkas = to_tte(berkas, capil, entering(capil, kelahiran_data(keluarga, ayah, ibu, lahir)))
    akta = Akta.objects.get(berkas=berkas)
    assert akta.status == StatusAkta.BERLAKU
    # when: the Kabid cancels the berkas at TTE
    act(berkas, "batalkan", capil["kabid"], "Ibu kandung ternyata tercatat di KK lain.", kategori="lainnya")
    # then: the akta is void, kept in the register with a catatan naming the berkas, who, when and why
    akta.refresh_from_db()
    assert akta.status == StatusAkta.BATAL
    catatan = CatatanPinggir.objects.get(akta=akta)
    assert catatan.berkas == berkas and catatan.jenis == "pembatalan"
    assert berkas.nomor_registrasi in catatan.isi and str(capil["kabid"]) in catatan.isi
    assert "Ibu kandung ternyata tercatat di KK lain." in catatan.isi and "WIB" in catatan.isi
    # no kutipan or register page is produced for it
    berkas.refresh_from_db()
    assert berkas.status == Status.DIBATALKAN
    assert not Dokumen.objects.filter(berkas=berkas).exclude(jenis="resi").exists()
    from pencatatan_sipil.layanan import document_specs

    assert document_specs(berkas) == []
    # its number is never reused: the next birth takes the next urut
    other_keluarga, other_ayah, other_ibu = family(warga, 1)
    nexts = register_service("akta-kelahiran", other_ayah, capil["loket"])
    nexts = to_tte(nexts, capil, entering(capil, kelahiran_data(other_keluarga, other_ayah, other_ibu, lahir)))
    assert Akta.objects.get(berkas=nexts).urutan == akta.urutan + 1
    # the register page shows it BATAL with the catatan
    client.force_login(capil["kasi"])
    page = client.post(reverse("pencatatan_sipil:register"), {"q": akta.nomor}).content.decode()
    assert "BATAL" in page and "tidak diterbitkan (akta batal)" in page and berkas.nomor_registrasi in page
    # and a lookup by its number says it is void
    with pytest.raises(BerkasInvalid, match="sudah dibatalkan"):
        register_service("pembetulan-akta", ayah, capil["loket"], detail={"nomor_akta_rujukan": akta.nomor})


def test_cancel_before_approval_voids_nothing(capil, warga):
    keluarga, ayah, ibu = family(warga)
    berkas = register_service("akta-kelahiran", ayah, capil["loket"])
    act(berkas, "batalkan", capil["loket"], "Pemohon menarik permohonan.", kategori="lainnya")
    assert not Akta.objects.filter(berkas=berkas).exists()
    assert not CatatanPinggir.objects.filter(berkas=berkas).exists()
