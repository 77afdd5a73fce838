"""A small population register with known counts, and the PIAK officers of the report's chain."""

from datetime import date, datetime

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone

from dukcapil.choices import Role
from dukcapil.models import Dokumen
from pendaftaran.models import Keluarga, Penduduk, PerubahanRegister
from tests.conftest import give_certificate
from tests.factories import staff

_seq = iter(range(1, 10_000))


def orang(keluarga: Keluarga, nama: str, jk: str, lahir: date, **extra) -> Penduduk:
    n = next(_seq)
    fields = dict(
        nama=nama,
        nik=f"21020{n:011d}",
        keluarga=keluarga,
        jenis_kelamin=jk,
        tempat_lahir="KIJANG",
        tanggal_lahir=lahir,
        agama="ISLAM",
        pendidikan="TIDAK/BELUM SEKOLAH",
        pekerjaan="BELUM/TIDAK BEKERJA",
        status_perkawinan="BELUM KAWIN",
        nama_ayah="AYAH",
        nama_ibu="IBU",
    )
    return Penduduk.objects.create(**(fields | extra))


def keluarga(kecamatan: str, desa: str) -> Keluarga:
    n = next(_seq)
    return Keluarga.objects.create(nomor_kk=f"21029{n:011d}", kecamatan=kecamatan, desa_kelurahan=desa)


def register_uji(pelaku) -> dict[str, Penduduk]:
    """Nine persons in two kecamatan, ages on 31 December 2026 at the edges of the age groups; one
    dead and one moved out during semester II 2026 (the counts are worked out in the tests)."""
    kijang = keluarga("BINTAN TIMUR", "KIJANG KOTA")
    kawal = keluarga("GUNUNG KIJANG", "KAWAL")
    p = {
        # 4 on 31-12-2026 (5 the next day): 0–4
        "a": orang(kijang, "ANDI BALITA", "L", date(2022, 1, 1), no_akta_kelahiran="AL-1"),
        # exactly 5: 5–9; has a KIA
        "b": orang(kijang, "BUNGA LIMA", "P", date(2021, 12, 31), no_akta_kelahiran="AL-2", agama="KRISTEN"),
        # exactly 18: 15–19, wajib KTP-el, recorded
        "c": orang(
            kijang,
            "CANDRA DELAPANBELAS",
            "L",
            date(2008, 12, 31),
            no_akta_kelahiran="AL-3",
            pekerjaan="PELAJAR/MAHASISWA",
            perekaman_pada=timezone.make_aware(datetime(2025, 3, 1, 9)),
        ),
        # 17 (18 the next day): a child for KIA, wajib KTP-el, not recorded
        "d": orang(kijang, "DEWI TUJUHBELAS", "P", date(2009, 1, 1), pekerjaan="PELAJAR/MAHASISWA"),
        # born in the period
        "k": orang(kijang, "KIKI BAYI", "L", date(2026, 8, 1)),
        # exactly 75: 75+
        "e": orang(
            kawal,
            "EKO SEPUH",
            "L",
            date(1951, 12, 31),
            status_perkawinan="KAWIN",
            pekerjaan="PETANI",
            perekaman_pada=timezone.make_aware(datetime(2014, 5, 1, 9)),
        ),
        # 16 and married: wajib KTP-el by marriage
        "h": orang(
            kawal, "HANA MENIKAH", "P", date(2010, 5, 5), status_perkawinan="KAWIN", pekerjaan="MENGURUS RUMAH TANGGA"
        ),
        # died in the period: not in the population
        "f": orang(
            kawal, "FATIMAH ALMARHUMAH", "P", date(1952, 1, 1), status="meninggal", tanggal_kematian=date(2026, 10, 5)
        ),
        # moved out in the period
        "g": orang(kawal, "GALIH PINDAH", "L", date(1990, 6, 15), status="pindah"),
    }
    PerubahanRegister.objects.create(
        penduduk=p["g"],
        field="status",
        label="status",
        nilai_lama="aktif",
        nilai_baru="pindah",
        teks_lama="Aktif",
        teks_baru="Pindah keluar daerah",
        disetujui_oleh=pelaku,
        waktu=timezone.make_aware(datetime(2026, 11, 10, 10)),
    )
    Dokumen.objects.create(
        content_type=ContentType.objects.get_for_model(Penduduk),
        object_id=p["b"].pk,
        jenis="kia",
        nomor=p["b"].nik,
        berkas_pdf=ContentFile(b"%PDF-1.4 kia", name="kia.pdf"),
        sha256="0" * 64,
    )
    return p


def piak_team(kadis_p12) -> dict:
    kadis = staff(Role.KADIS, bidang=None, first_name="Ahmad", last_name="Kadis")
    give_certificate(kadis, kadis_p12)
    return {
        "kasi": staff(Role.KASI, bidang="piak", first_name="Rudi", last_name="Kasi"),
        "kabid": staff(Role.KABID, bidang="piak", first_name="Wulan", last_name="Kabid"),
        "sekretaris": staff(Role.SEKRETARIS, bidang="sekretariat", first_name="Sari", last_name="Sekretaris"),
        "adb": staff(Role.ADB, bidang="piak", first_name="Fajar", last_name="ADB"),
        "kadis": kadis,
        "kasi_daftar": staff(Role.KASI, bidang="pendaftaran", first_name="Rina", last_name="Kasi"),
    }
