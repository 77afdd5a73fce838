"""Demo population register: families as if migrated from SIAK, a foreign resident, blank stock."""

from datetime import date, timedelta

from django.utils import timezone

from dukcapil.demo import FAMILIES, family_members, make_nik

from .models import Keluarga, Penduduk, StokBlangko
from .register import PERSON_FIELDS

REGISTER_OFFSET = 100  # family indexes used for the register, apart from the KK baru demo berkas


def register_family(index: int, *, perekaman: bool = True) -> Keluarga:
    """A registered family (not through a berkas: the register predates the system)."""
    kepala, istri, anak = FAMILIES[index % len(FAMILIES)]
    keluarga = Keluarga.objects.create(
        nomor_kk=f"2102012003{index % 100:02d}{index:04d}"[:16].ljust(16, "0"),
        alamat=f"JL. WISATA BAHARI NO. {index % 50 + 1}",
        rt=f"{index % 9 + 1:03d}",
        rw="002",
        desa_kelurahan="KIJANG KOTA",
        kecamatan="BINTAN TIMUR",
        kabupaten_kota="KABUPATEN BINTAN",
        provinsi="KEPULAUAN RIAU",
        kode_pos="29151",
    )
    for urutan, a in enumerate(family_members(index, kepala, istri, anak), start=1):
        adult = (timezone.localdate() - a.tanggal_lahir).days >= 17 * 365
        Penduduk.objects.create(
            nik=a.nik,
            keluarga=keluarga,
            hubungan=a.hubungan,
            urutan=urutan,
            perekaman_pada=timezone.now() - timedelta(days=400) if (perekaman and adult) else None,
            perekaman_lokasi="Kantor Disdukcapil" if (perekaman and adult) else "",
            **{f: getattr(a, f) for f in PERSON_FIELDS},
        )
    return keluarga


# How the demo people below are given: who they are at birth, and their faith, schooling and work.
LAHIR = ("nama", "jenis_kelamin", "tempat_lahir", "tanggal_lahir")
HIDUP = ("agama", "pendidikan", "pekerjaan")


def _single_person(nik: str, lahir: tuple, hidup: tuple, **values) -> Penduduk:
    """An unmarried person put straight into the register, with whatever else they have."""
    given = dict(zip(LAHIR, lahir, strict=True)) | dict(zip(HIDUP, hidup, strict=True))
    return Penduduk.objects.create(nik=nik, status_perkawinan="BELUM KAWIN", **given, **values)


def register_child(keluarga: Keluarga, born: date, nama: str = "KEISHA ANINDYA") -> Penduduk:
    kepala = keluarga.anggota.get(hubungan="KEPALA KELUARGA")
    istri = keluarga.anggota.filter(hubungan="ISTRI").first()
    return _single_person(
        make_nik(born, "P", 9000 + keluarga.pk % 999),
        (nama, "P", "BINTAN", born),
        ("ISLAM", "TIDAK/BELUM SEKOLAH", "BELUM/TIDAK BEKERJA"),
        keluarga=keluarga,
        hubungan="ANAK",
        urutan=keluarga.anggota.count() + 1,
        nama_ayah=kepala.nama,
        nama_ibu=istri.nama if istri else "-",
    )


def register_foreigner(seq: int = 1) -> Penduduk:
    born = date(1988, 3, 14)
    return _single_person(
        make_nik(born, "L", 8000 + seq),
        ("HIROSHI TANAKA", "L", "OSAKA", born),
        ("BUDHA", "DIPLOMA IV/STRATA I", "KARYAWAN SWASTA"),
        kewarganegaraan="WNA",
        negara="JEPANG",
        no_paspor="TR1234567",
        no_kitap="2C21JE0012345",
        izin_tinggal_hingga=timezone.localdate() + timedelta(days=700),
        sponsor="PT BINTAN RESORT CAKRAWALA",
        nama_ayah="-",
        nama_ibu="-",
        perekaman_pada=timezone.now() - timedelta(days=30),
        perekaman_lokasi="Kantor Disdukcapil",
        keterangan_status="Alamat: JL. RAYA LAGOI KM 5, TELUK SEBONG",
    )


def seed_register(families: int = 12, ktp_el: int = 50, kia: int = 0) -> list[Keluarga]:
    made = [register_family(REGISTER_OFFSET + i) for i in range(families)]
    register_child(made[0], timezone.localdate().replace(year=timezone.localdate().year - 4))
    register_foreigner()
    for jenis, jumlah in (("ktp-el", ktp_el), ("kia", kia)):
        StokBlangko.objects.update_or_create(jenis=jenis, defaults={"jumlah": jumlah})
    return made


def demo_child() -> Penduduk:
    """The demo register's child of 4 (KEISHA ANINDYA), for the KIA berkas."""
    return Penduduk.objects.get(nama="KEISHA ANINDYA")
