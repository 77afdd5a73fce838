"""Every Pendaftaran Penduduk service from the counter to pickup, with its register effects."""

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from dukcapil import services
from dukcapil.catalogue import derive_alur
from dukcapil.choices import Alur, Status
from dukcapil.exceptions import BerkasConflict, BerkasInvalid
from dukcapil.models import Dokumen, Layanan, Pengambilan
from pendaftaran.blangko import blangko_receive
from pendaftaran.choices import StatusPenduduk
from pendaftaran.layanan import permohonan_update
from pendaftaran.models import Keluarga, MutasiBlangko, Penduduk, StokBlangko
from pendaftaran.register import PERSON_FIELDS
from pendaftaran.services import AnggotaData, permohonan_kk_update
from tests.factories import act, committed, register_service, to_pickup

pytestmark = pytest.mark.django_db


def pdf_text(berkas, jenis) -> str:
    dokumen = Dokumen.objects.get(berkas=berkas, jenis=jenis)
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(dokumen.berkas_pdf.read())).pages)


def kepala(keluarga: Keluarga) -> Penduduk:
    return keluarga.anggota.get(hubungan="KEPALA KELUARGA")


def as_anggota(person: Penduduk, **changes) -> AnggotaData:
    values = {f: getattr(person, f) for f in PERSON_FIELDS if f in AnggotaData.__dataclass_fields__}
    values.update({"nik": person.nik, "hubungan": person.hubungan, **changes})
    return AnggotaData(**values)


def address(keluarga: Keluarga) -> dict:
    return {
        f: getattr(keluarga, f)
        for f in ("alamat", "rt", "rw", "desa_kelurahan", "kecamatan", "kabupaten_kota", "provinsi", "kode_pos")
    } | {"kode_wilayah": "210201"}


def enter_family(team, rows, keluarga=None, **kwargs):
    def enter(berkas):
        data = address(keluarga or berkas.permohonan_kk)
        permohonan_kk_update(berkas_id=berkas.pk, user=team["operator"], data=data, anggota=rows, **kwargs)

    return enter


def hand_over(berkas, team, person=None, **kwargs):
    person = person or Penduduk(nik=berkas.pemohon_nik, nama=berkas.pemohon_nama)
    return services.berkas_serahkan(
        berkas_id=berkas.pk,
        user=team["pengambilan"],
        penerima=services.PenerimaData(nama=person.nama, nik=person.nik, hubungan="sendiri", **kwargs),
    )


def newborn(keluarga: Keluarga) -> AnggotaData:
    k = kepala(keluarga)
    return AnggotaData(
        nik="2102014101250009",
        nama="BAYI ANINDITA",
        jenis_kelamin="P",
        tempat_lahir="BINTAN",
        tanggal_lahir=date(2025, 1, 1),
        agama="ISLAM",
        pendidikan="TIDAK/BELUM SEKOLAH",
        pekerjaan="BELUM/TIDAK BEKERJA",
        golongan_darah="",
        status_perkawinan="BELUM KAWIN",
        tanggal_perkawinan=None,
        hubungan="ANAK",
        kewarganegaraan="WNI",
        no_paspor="",
        no_kitap="",
        nama_ayah=k.nama,
        nama_ibu="SITI",
    )


# --- KK ----------------------------------------------------------------------------------


def test_tambah_anggota_adds_the_member_after_the_biometric_check_for_adults(team, warga):
    keluarga = warga[0]
    members = list(keluarga.anggota.order_by("urutan"))
    adult = as_anggota(
        members[0],
        nik="2102011505900077",
        nama="PAMAN SUKRI",
        tanggal_lahir=date(1990, 5, 15),
        hubungan="FAMILI LAIN",
        status_perkawinan="BELUM KAWIN",
        tanggal_perkawinan=None,
    )
    berkas = register_service(
        "kk-tambah-anggota", kepala(keluarga), team["loket"], detail={"nomor_kk": keluarga.nomor_kk}
    )
    assert berkas.status == Status.DITERIMA
    rows = [as_anggota(p) for p in members] + [newborn(keluarga), adult]
    enter_family(team, rows, keluarga)(berkas)
    with pytest.raises(BerkasInvalid, match="cek biometrik PAMAN SUKRI"):
        act(berkas, "entri-selesai", team["operator"])
    berkas = to_pickup(berkas, team, enter_family(team, rows, keluarga, biometrik={adult.nik}))
    assert berkas.status == Status.SIAP_DIAMBIL
    assert set(keluarga.anggota.values_list("nik", flat=True)) == {p.nik for p in members} | {
        "2102014101250009",
        adult.nik,
    }
    text = pdf_text(berkas, "kk")
    assert keluarga.nomor_kk in text and "BAYI ANINDITA" in text and "PAMAN SUKRI" in text
    hand_over(berkas, team)
    berkas.refresh_from_db()
    assert berkas.status == Status.DISERAHKAN


def test_baru_refuses_a_person_already_in_another_active_kk(team, warga):
    other = warga[1]
    person = kepala(warga[0])
    berkas = register_service("kk", person, team["loket"], detail={"jenis": "baru"})
    rows = [as_anggota(p) for p in other.anggota.all()]
    with pytest.raises(BerkasInvalid) as exc:
        enter_family(team, rows, other)(berkas)
    assert exc.value.fields == {
        "anggota": [
            f"NIK {row.nik} ({row.nama}) masih tercatat sebagai anggota KK {other.nomor_kk}. Seseorang hanya "
            "boleh tercatat dalam satu KK; ajukan pisah KK atau pengurangan anggota lebih dulu."
            for row in rows
        ]
    }


def test_kurang_anggota_needs_the_akta_kematian_and_marks_the_member_dead(team, warga):
    keluarga = warga[0]
    head = kepala(keluarga)
    layanan = Layanan.objects.get(kode="kk-kurang-anggota")
    akta = layanan.persyaratan_berlaku().get(nama__icontains="kematian")
    wajib = list(layanan.persyaratan_berlaku().filter(wajib=True).values_list("pk", flat=True))
    with pytest.raises(BerkasInvalid, match="alasan pengurangan"):
        register_service("kk-kurang-anggota", head, team["loket"], detail={"nomor_kk": keluarga.nomor_kk})
    with committed():
        returned = services.berkas_register(
            layanan=layanan,
            pemohon=services.PemohonData(
                nik=head.nik, nama=head.nama, tanggal_lahir=head.tanggal_lahir, jenis_kelamin="L"
            ),
            persyaratan_ids=wajib,
            user=team["loket"],
            detail={"nomor_kk": keluarga.nomor_kk, "alasan": "meninggal"},
        )
    assert returned.status == Status.DIKEMBALIKAN and akta.nama in returned.persyaratan_kurang
    # the applicant comes back with the akta kematian: the same berkas is checked again
    with committed():
        berkas = services.berkas_resubmit(
            berkas_id=returned.pk,
            persyaratan_ids=layanan.persyaratan_berlaku().values_list("pk", flat=True),
            user=team["loket"],
        )
    assert berkas.status != Status.DIKEMBALIKAN
    child = keluarga.anggota.filter(hubungan="ANAK").first()
    rest = [as_anggota(p) for p in keluarga.anggota.exclude(pk=child.pk)]
    berkas = to_pickup(berkas, team, enter_family(team, rest, keluarga, pengurangan={child.nik: "meninggal"}))
    child.refresh_from_db()
    assert child.status == StatusPenduduk.MENINGGAL and child.keluarga is None
    assert child.nama not in pdf_text(berkas, "kk")
    # the change is in the person's history, attributed to the Kabid whose approval applied it
    latest = child.history.latest()
    assert (latest.status, latest.keluarga_id, latest.history_user) == (StatusPenduduk.MENINGGAL, None, team["kabid"])


def test_perubahan_data_changes_the_element_in_the_register(team, warga):
    keluarga = warga[1]
    head = kepala(keluarga)
    berkas = register_service("kk-perubahan-data", head, team["loket"], detail={"nomor_kk": keluarga.nomor_kk})
    rows = [as_anggota(p, pekerjaan="GURU") if p.pk == head.pk else as_anggota(p) for p in keluarga.anggota.all()]
    missing_one = rows[:-1]
    with pytest.raises(BerkasInvalid, match="Susunan anggota harus sama"):
        enter_family(team, missing_one, keluarga)(berkas)
    to_pickup(berkas, team, enter_family(team, rows, keluarga))
    head.refresh_from_db()
    assert head.pekerjaan == "GURU"
    assert head.history.latest().history_user == team["kabid"]


def test_pisah_kk_moves_members_to_a_new_kk_and_keeps_the_rest(team, warga):
    asal = warga[2]
    child = asal.anggota.filter(hubungan="ANAK").first()
    head = kepala(asal)
    staying = set(asal.anggota.filter(status="aktif").exclude(pk=child.pk).values_list("nik", flat=True))
    berkas = register_service("kk-pisah", head, team["loket"], detail={"nomor_kk": asal.nomor_kk})
    new_family = [as_anggota(child, hubungan="KEPALA KELUARGA", status_perkawinan="KAWIN")]

    def enter(b):
        permohonan_kk_update(
            berkas_id=b.pk, user=team["operator"], data=address(asal) | {"alamat": "JL. BARU NO. 9"}, anggota=new_family
        )

    berkas = to_pickup(berkas, team, enter)
    child.refresh_from_db()
    new = berkas.permohonan_kk.keluarga
    assert child.keluarga == new and new.nomor_kk != asal.nomor_kk and new.nomor_kk.startswith("210201")
    assert set(asal.anggota.filter(status="aktif").values_list("nik", flat=True)) == staying
    asal.refresh_from_db()
    assert asal.aktif


# --- KTP-el ----------------------------------------------------------------------------------


def test_ktp_el_needs_perekaman_first(team, warga):
    person = kepala(warga[0])
    person.perekaman_pada = None
    person.save()
    with pytest.raises(BerkasInvalid, match="Perekaman KTP-el .* belum dilakukan"):
        register_service("ktp-el-cetak", person, team["loket"])


def test_ktp_el_takes_a_blangko_waits_when_none_and_prints_on_delivery(team, warga):
    StokBlangko.objects.filter(jenis="ktp-el").update(jumlah=1)
    a, b = kepala(warga[0]), kepala(warga[1])

    def enter(berkas):
        permohonan_update(berkas_id=berkas.pk, user=team["operator"], data={"catatan_cek_data": "Data cocok"})

    first = to_pickup(register_service("ktp-el-cetak", a, team["loket"]), team, enter)
    second = to_pickup(register_service("ktp-el-cetak", b, team["loket"]), team, enter)
    assert first.status == Status.SIAP_DIAMBIL
    assert second.status == Status.MENUNGGU_BLANGKO
    assert StokBlangko.objects.get(jenis="ktp-el").jumlah == 0
    printed = blangko_receive(jenis="ktp-el", jumlah=10, user=team["operator"], keterangan="BAST 12/2026")
    second.refresh_from_db()
    assert [x.pk for x in printed] == [second.pk] and second.status == Status.SIAP_DIAMBIL
    assert StokBlangko.objects.get(jenis="ktp-el").jumlah == 9
    assert MutasiBlangko.objects.filter(jumlah=-1).count() == 2
    text = pdf_text(first, "ktp-el")
    assert a.nik in text and a.nama in text and "SEUMUR HIDUP" in text
    # aktivasi in person only
    wife = warga[0].anggota.get(hubungan="ISTRI")
    with pytest.raises(BerkasInvalid, match="tidak dapat dikuasakan"):
        services.berkas_serahkan(
            berkas_id=first.pk,
            user=team["pengambilan"],
            penerima=services.PenerimaData(nama=wife.nama, nik=wife.nik, hubungan="keluarga", aktivasi_ktp_el=True),
        )
    with pytest.raises(BerkasInvalid, match="Aktivasi KTP-el"):
        hand_over(first, team, a)
    record = hand_over(first, team, a, aktivasi_ktp_el=True)
    assert record.aktivasi_ktp_el and record.penerima_nik == a.nik
    with pytest.raises(BerkasConflict, match="sudah diserahkan"):
        hand_over(first, team, a, aktivasi_ktp_el=True)


def test_ktp_el_hilang_without_the_police_report_is_returned(team, warga):
    person = kepala(warga[0])
    layanan = Layanan.objects.get(kode="ktp-el-hilang-rusak")
    wajib = list(layanan.persyaratan_berlaku().filter(wajib=True).values_list("pk", flat=True))
    with committed():
        berkas = services.berkas_register(
            layanan=layanan,
            pemohon=services.PemohonData(
                nik=person.nik, nama=person.nama, tanggal_lahir=person.tanggal_lahir, jenis_kelamin="L"
            ),
            persyaratan_ids=wajib,
            user=team["loket"],
            detail={"jenis": "ktp-el-hilang"},
        )
    assert berkas.status == Status.DIKEMBALIKAN
    assert berkas.persyaratan_kurang == ["Surat keterangan hilang dari kepolisian"]


def test_ktp_el_perubahan_data_updates_the_register(team, warga):
    person = kepala(warga[3])

    def enter(berkas):
        permohonan_update(
            berkas_id=berkas.pk,
            user=team["operator"],
            data={
                "catatan_cek_data": "ok",
                "pekerjaan": "NELAYAN",
                "status_perkawinan": "KAWIN",
                "agama": "ISLAM",
                "pendidikan": "SLTA/SEDERAJAT",
                "golongan_darah": "O",
                "dokumen_dasar": "Surat keterangan kerja 12/2026",
            },
        )

    berkas = register_service("ktp-el-perubahan-data", person, team["loket"])
    with pytest.raises(BerkasInvalid, match="Data belum lengkap"):
        act(berkas, "entri-selesai", team["operator"])
    berkas = to_pickup(berkas, team, enter)
    person.refresh_from_db()
    assert person.pekerjaan == "NELAYAN" and person.golongan_darah == "O"
    assert "NELAYAN" in pdf_text(berkas, "ktp-el")


def test_ktp_el_orang_asing_with_kitap_and_passport(team, warga):
    wna = Penduduk.objects.get(kewarganegaraan="WNA")
    with pytest.raises(BerkasInvalid, match="orang asing memakai KTP-el OA"):
        register_service("ktp-el-cetak", wna, team["loket"])

    def enter(berkas):
        permohonan_update(
            berkas_id=berkas.pk,
            user=team["operator"],
            data={
                "catatan_cek_data": "ok",
                "negara": "JEPANG",
                "no_paspor": "TR7654321",
                "no_kitap": "2D11JE0054321",
                "izin_tinggal_hingga": (timezone.localdate() + timedelta(days=1800)).isoformat(),
                "sponsor": "PT BINTAN RESORT CAKRAWALA",
            },
        )

    berkas = to_pickup(register_service("ktp-el-wna", wna, team["loket"]), team, enter)
    text = pdf_text(berkas, "ktp-el")
    assert "TR7654321" in text and "JEPANG" in text and "SEUMUR HIDUP" not in text


def test_penduduk_rentan_path_b_records_perekaman_at_home_then_prints(team, warga):
    person = warga[3].anggota.get(hubungan="ISTRI")
    person.perekaman_pada = None
    person.save()

    def enter(berkas):
        permohonan_update(
            berkas_id=berkas.pk,
            user=team["operator"],
            data={
                "nomor_surat_kelurahan": "470/12/KK/2026",
                "perekaman_tanggal": timezone.localdate().isoformat(),
                "perekaman_lokasi": "JL. WISATA BAHARI NO. 4",
                "petugas_perekaman": "Tim jemput bola",
            },
        )

    berkas = to_pickup(register_service("penduduk-rentan-perekaman", person, team["loket"]), team, enter)
    person.refresh_from_db()
    assert person.perekaman_pada is not None and "Tempat tinggal" in person.perekaman_lokasi
    assert berkas.status == Status.SIAP_DIAMBIL


def test_penduduk_rentan_path_a_registers_a_person_without_documents(team, warga):
    head = kepala(warga[0])
    berkas = register_service("penduduk-rentan", head, team["loket"])
    person = as_anggota(
        head,
        nik="2102010101800055",
        nama="SAMIN",
        tanggal_lahir=date(1980, 1, 1),
        hubungan="KEPALA KELUARGA",
        status_perkawinan="BELUM KAWIN",
        tanggal_perkawinan=None,
    )

    def enter(b):
        permohonan_kk_update(
            berkas_id=b.pk, user=team["operator"], data=address(warga[0]), anggota=[person], biometrik={person.nik}
        )

    berkas = to_pickup(berkas, team, enter)
    assert Penduduk.objects.get(nik=person.nik).keluarga == berkas.permohonan_kk.keluarga


# --- KIA ---------------------------------------------------------------------------------


def test_kia_for_a_child_and_not_for_an_adult(team, warga):
    with pytest.raises(BerkasInvalid, match="KIA hanya untuk anak"):
        register_service("kia", kepala(warga[0]), team["loket"])
    child = Penduduk.objects.get(nama="KEISHA ANINDYA")

    def enter(berkas):
        permohonan_update(
            berkas_id=berkas.pk, user=team["operator"], data={"no_akta_kelahiran": "2102-LT-01012022-0001"}
        )

    berkas = to_pickup(register_service("kia", child, team["loket"]), team, enter)
    text = pdf_text(berkas, "kia")
    assert "KARTU IDENTITAS ANAK" in text and child.nik in text and warga[0].nomor_kk in text
    assert StokBlangko.objects.get(jenis="kia").jumlah == 4


def test_kia_photo_is_asked_by_age_as_the_seed_says():
    from dukcapil.persyaratan import kondisi_berlaku

    assert kondisi_berlaku("untuk anak usia <3 tahun", {"usia": 2})
    assert not kondisi_berlaku("untuk anak usia <3 tahun", {"usia": 4})
    assert kondisi_berlaku("diatas 17 tahun", {"usia": 17})
    assert kondisi_berlaku("apabila KTP Elektronik hilang", {"kata": {"hilang"}})
    assert not kondisi_berlaku("apabila KTP Elektronik hilang", {"kata": {"rusak"}})


# --- pindah datang -------------------------------------------------------------------------------


def skpwni_data(**extra):
    return {
        "alasan_pindah": "PEKERJAAN",
        "klasifikasi": "ANTAR PROVINSI",
        "jenis_kepindahan": "KEPALA KELUARGA DAN SELURUH ANGGOTA KELUARGA",
        "tujuan_alamat": "JL. MERDEKA NO. 1",
        "tujuan_rt": "001",
        "tujuan_rw": "003",
        "tujuan_desa": "SUKAJADI",
        "tujuan_kecamatan": "SUKAJADI",
        "tujuan_kabupaten": "KOTA PEKANBARU",
        "tujuan_provinsi": "RIAU",
        "tanggal_pindah": "2026-12-01",
        **extra,
    }


def move_out(team, keluarga):
    niks = list(keluarga.anggota.values_list("nik", flat=True))

    def enter(berkas):
        permohonan_update(berkas_id=berkas.pk, user=team["operator"], data=skpwni_data(), nik_anggota=niks)

    return to_pickup(register_service("skpwni", kepala(keluarga), team["loket"]), team, enter), niks


def test_skpwni_moves_the_family_out_and_batal_pindah_brings_it_back(team, warga):
    keluarga = warga[1]
    berkas, niks = move_out(team, keluarga)
    keluarga.refresh_from_db()
    assert not keluarga.aktif
    assert set(Penduduk.objects.filter(nik__in=niks).values_list("status", flat=True)) == {StatusPenduduk.PINDAH}
    skpwni = Dokumen.objects.get(berkas=berkas, jenis="skpwni")
    text = pdf_text(berkas, "skpwni")
    assert "SURAT KETERANGAN PINDAH" in text and "KOTA PEKANBARU" in text and keluarga.nomor_kk in text
    assert skpwni.nomor.startswith("SKPWNI/")
    # the family has not left yet: they cancel with the SKPWNI in hand
    head = Penduduk.objects.get(nik=berkas.pemohon_nik)
    batal = register_service("batal-pindah", head, team["loket"])
    with pytest.raises(BerkasInvalid, match="tidak ditemukan"):
        permohonan_update(
            berkas_id=batal.pk,
            user=team["operator"],
            data={"nomor_rujukan": "SKPWNI/0000/2026/99999", "keterangan": "x"},
        )

    def enter(b):
        permohonan_update(
            berkas_id=b.pk, user=team["operator"], data={"nomor_rujukan": skpwni.nomor, "keterangan": "Batal bekerja"}
        )

    batal = to_pickup(batal, team, enter)
    skpwni.refresh_from_db()
    keluarga.refresh_from_db()
    assert skpwni.status == Dokumen.Status.DICABUT and keluarga.aktif
    assert set(Penduduk.objects.filter(nik__in=niks).values_list("keluarga_id", flat=True)) == {keluarga.pk}
    assert "BATAL" in pdf_text(batal, "batal-pindah")


def test_skpwni_hilang_and_perpanjangan_replace_the_letter_with_the_same_number(team, warga):
    berkas, _ = move_out(team, warga[2])
    skpwni = Dokumen.objects.get(berkas=berkas, jenis="skpwni")
    head = Penduduk.objects.get(nik=berkas.pemohon_nik)

    def enter(data):
        return lambda b: permohonan_update(berkas_id=b.pk, user=team["operator"], data=data)

    hilang = to_pickup(
        register_service("skpwni-hilang", head, team["loket"]),
        team,
        enter({"nomor_rujukan": skpwni.nomor, "keterangan": "Hilang di perjalanan"}),
    )
    replacement = Dokumen.objects.get(berkas=hilang, jenis="skpwni")
    skpwni.refresh_from_db()
    assert replacement.nomor == skpwni.nomor and skpwni.status == Dokumen.Status.DIGANTI
    assert "pengganti" in pdf_text(hilang, "skpwni")
    longer = to_pickup(
        register_service("perpanjangan-skp", head, team["loket"]),
        team,
        enter({"nomor_rujukan": skpwni.nomor, "keterangan": "Belum sempat pindah", "berlaku_hingga": "2027-03-01"}),
    )
    assert "01-03-2027" in pdf_text(longer, "skpwni")


def test_skpln_marks_the_person_as_moved_abroad(team, warga):
    keluarga = warga[3]
    wife = keluarga.anggota.get(hubungan="ISTRI")

    def enter(berkas):
        permohonan_update(
            berkas_id=berkas.pk,
            user=team["operator"],
            data={
                "negara_tujuan": "Malaysia",
                "alamat_luar_negeri": "Jalan Ampang 10, Kuala Lumpur",
                "alasan_pindah": "Pekerjaan",
                "no_paspor": "C1234567",
                "tanggal_pindah": "2026-12-10",
            },
            nik_anggota=[wife.nik],
        )

    berkas = to_pickup(register_service("skpln", wife, team["loket"]), team, enter)
    wife.refresh_from_db()
    assert wife.status == StatusPenduduk.PINDAH_LN and wife.keluarga is None
    assert "MALAYSIA" in pdf_text(berkas, "skpln")
    keluarga.refresh_from_db()
    assert keluarga.aktif  # the others stay


@pytest.mark.parametrize("kode,jenis", [("skdwni", "skdwni"), ("skdln", "skdln")])
def test_datang_registers_the_arriving_family_in_a_new_kk(team, warga, kode, jenis):
    arriving = as_anggota(
        kepala(warga[0]),
        nik="1471011203880003",
        nama="RAHMAT HIDAYAT",
        tanggal_lahir=date(1988, 3, 12),
        tempat_lahir="PEKANBARU",
        hubungan="KEPALA KELUARGA",
        status_perkawinan="BELUM KAWIN",
        tanggal_perkawinan=None,
    )
    pemohon = Penduduk(nik=arriving.nik, nama=arriving.nama, tanggal_lahir=arriving.tanggal_lahir, jenis_kelamin="L")
    berkas = register_service(kode, pemohon, team["loket"])

    def enter(b):
        permohonan_kk_update(
            berkas_id=b.pk,
            user=team["operator"],
            data=address(warga[0]),
            anggota=[arriving],
            datang={
                "nomor_surat_asal": "SKPWNI/1471/2026/00012",
                "alamat_asal": "Jl. Sudirman 5",
                "negara_asal": "Singapura" if kode == "skdln" else "",
                "no_paspor": "",
            },
        )

    berkas = to_pickup(berkas, team, enter)
    person = Penduduk.objects.get(nik=arriving.nik)
    assert person.keluarga == berkas.permohonan_kk.keluarga and person.keluarga.nomor_kk.startswith("210201")
    text = pdf_text(berkas, jenis)
    assert "RAHMAT HIDAYAT" in text and person.keluarga.nomor_kk in text


# --- orang asing ------------------------------------------------------------------------------


def sktt_data(**extra):
    return {
        "catatan_cek_data": "ok",
        "negara": "Australia",
        "no_paspor": "PA1122334",
        "no_kitap": "2C11AU0099887",
        "izin_tinggal_hingga": "2027-11-30",
        "sponsor": "PT Lagoi Bay",
        "nik": "2102015506920001",
        "nama": "Emily Clarke",
        "jenis_kelamin": "P",
        "tempat_lahir": "Perth",
        "tanggal_lahir": "1992-06-15",
        "agama": "KRISTEN",
        "pekerjaan": "Konsultan",
        "status_perkawinan": "BELUM KAWIN",
        "alamat": "Jl. Lagoi 7, Teluk Sebong",
        **extra,
    }


def test_sktt_registers_the_foreigner_and_a_lost_sktt_is_replaced(team, warga):
    sponsor = kepala(warga[0])
    berkas = register_service("sktt", sponsor, team["loket"])
    with pytest.raises(BerkasInvalid) as exc:
        permohonan_update(berkas_id=berkas.pk, user=team["operator"], data=sktt_data(tanggal_lahir="1992-06-16"))
    assert exc.value.fields == {"nik": ["Tanggal lahir tidak sesuai dengan NIK (NIK menunjukkan 15-06-..92)."]}
    berkas = to_pickup(
        berkas, team, lambda b: permohonan_update(berkas_id=b.pk, user=team["operator"], data=sktt_data())
    )
    wna = Penduduk.objects.get(nik="2102015506920001")
    assert wna.kewarganegaraan == "WNA" and wna.negara == "AUSTRALIA"
    first = Dokumen.objects.get(berkas=berkas, jenis="sktt")
    assert "SURAT KETERANGAN TEMPAT TINGGAL" in pdf_text(berkas, "sktt") and "PA1122334" in pdf_text(berkas, "sktt")
    lost = to_pickup(
        register_service("sktt-hilang", wna, team["loket"]),
        team,
        lambda b: permohonan_update(
            berkas_id=b.pk, user=team["operator"], data={"catatan_cek_data": "ok", "nomor_surat_kehilangan": "LP/1"}
        ),
    )
    first.refresh_from_db()
    assert Dokumen.objects.get(berkas=lost, jenis="sktt").nomor == first.nomor
    assert first.status == Dokumen.Status.DIGANTI


# --- order of work and pickup -----------------------------------------------------------------


def test_alur_is_read_from_the_sop_step_order():
    assert derive_alur([["pemohon", "petugas_loket"], ["kasi", "kabid"], ["operator_siak"], ["kadis"]]) == (
        Alur.VERIFIKASI_DULU
    )
    assert derive_alur([["petugas_loket"], ["operator_siak", "kasi"], ["kadis"]]) == Alur.ENTRI_DULU


def test_verification_first_runs_kasi_and_kabid_before_the_operator(team, warga):
    Layanan.objects.filter(kode="skpln").update(alur=Alur.VERIFIKASI_DULU)  # as Probolinggo P.4.4
    keluarga = warga[0]
    person = keluarga.anggota.get(hubungan="ISTRI")
    berkas = register_service("skpln", person, team["loket"])
    assert berkas.status == Status.VERIFIKASI
    berkas = act(berkas, "verifikasi", team["kasi"])
    assert berkas.status == Status.VALIDASI
    berkas = act(berkas, "validasi", team["kabid"])
    assert berkas.status == Status.DITERIMA
    permohonan_update(
        berkas_id=berkas.pk,
        user=team["operator"],
        data={
            "negara_tujuan": "Jepang",
            "alamat_luar_negeri": "Osaka",
            "alasan_pindah": "Studi",
            "no_paspor": "C7654321",
            "tanggal_pindah": "2026-12-20",
        },
        nik_anggota=[person.nik],
    )
    berkas = act(berkas, "entri-selesai", team["operator"])
    assert berkas.status == Status.TTE
    person.refresh_from_db()
    assert person.status == StatusPenduduk.PINDAH_LN  # applied at the step that sends it to the Kadis


def test_a_cancelled_berkas_is_handed_back_with_its_reason(team, warga):
    berkas = register_service("kia", Penduduk.objects.get(nama="KEISHA ANINDYA"), team["loket"])
    berkas = act(berkas, "batalkan", team["loket"], note="Data akta kelahiran belum ada di SIAK.")
    record = hand_over(berkas, team)
    assert record.jenis == Pengambilan.Jenis.BERKAS_BATAL and "belum ada di SIAK" in record.catatan
    berkas.refresh_from_db()
    assert berkas.status == Status.DIBATALKAN
