"""KTP-el variants (and KIA, the child's card): printed cards that take a blank from stock."""

from datetime import date
from typing import ClassVar

from django.urls import reverse
from django.utils import timezone

from dukcapil.exceptions import BerkasInvalid

from ..choices import StatusPerkawinan
from ..models import Penduduk, PermohonanPenduduk, StokBlangko, usia
from .base import PendudukKind, change, own_variant, variant
from .forms import CetakForm, HilangForm, KiaForm, PerekamanRumahForm, PerubahanForm, WnaForm, WnaHilangForm


class KtpElKind(PendudukKind):
    family = "pendaftaran.ktp-el"
    document_jenis = "ktp-el"
    blangko = StokBlangko.Jenis.KTP_EL
    kartu = "ktp-el"
    activation_required = True
    wna: ClassVar[bool] = False  # for orang asing only (otherwise for WNI only)
    perlu_perekaman: ClassVar[bool] = True  # the biometric recording must already exist

    def check_subject(self, person: Penduduk, berkas) -> None:
        super().check_subject(person, berkas)
        if self.wna != (person.kewarganegaraan == "WNA"):
            raise BerkasInvalid(
                "Layanan ini untuk orang asing."
                if self.wna
                else "Layanan ini untuk WNI; orang asing memakai KTP-el OA.",
                fields={"nik": ["Kewarganegaraan tidak sesuai layanan."]},
            )
        age = usia(person.tanggal_lahir)
        if age < 17 and person.status_perkawinan == StatusPerkawinan.BELUM_KAWIN:
            raise BerkasInvalid(
                f"Pemohon berusia {age} tahun dan belum kawin; KTP-el hanya untuk usia 17 tahun ke atas atau sudah "
                "kawin. Untuk anak, ajukan KIA.",
                fields={"nik": ["Belum wajib KTP-el."]},
            )
        if self.perlu_perekaman and person.perekaman_pada is None:
            raise BerkasInvalid(
                "Perekaman KTP-el (foto, sidik jari, iris) untuk NIK ini belum dilakukan. Jadwalkan perekaman di "
                f"halaman Jadwal perekaman KTP-el ({reverse('pendaftaran:perekaman')}) di kantor Dinas atau "
                "kecamatan; KTP-el baru dapat dicetak setelah perekaman ditandai selesai.",
                fields={"nik": ["Belum perekaman KTP-el."]},
            )


@variant("ktp-el-baru", "Cetak KTP-el (pertama kali / penggantian)", "ktp-el", "ktp-el-cetak", entry_form=CetakForm)
class KtpElBaru(KtpElKind):
    """A first KTP-el, or a replacement, printed from the recording."""


@variant("ktp-el-hilang", "KTP-el hilang", "ktp-el", "ktp-el-hilang-rusak", entry_form=HilangForm, kata=("hilang",))
class KtpElHilang(KtpElKind):
    """A lost KTP-el printed again, on the police report."""


@variant("ktp-el-rusak", "KTP-el rusak", "ktp-el", "ktp-el-hilang-rusak", entry_form=CetakForm, kata=("rusak",))
class KtpElRusak(KtpElKind):
    """A damaged KTP-el printed again."""


@variant(
    "ktp-el-perubahan",
    "KTP-el karena perubahan data",
    "ktp-el",
    "ktp-el-perubahan-data",
    entry_form=PerubahanForm,
    kata=("perubahan",),
)
class KtpElPerubahan(KtpElKind):
    changed_fields = ("pekerjaan", "status_perkawinan", "agama", "pendidikan", "golongan_darah")

    def change_register(self, permohonan: PermohonanPenduduk, user) -> None:
        data = permohonan.data
        change(
            permohonan.penduduk, permohonan.berkas, user, permohonan.dasar, **{k: data[k] for k in self.changed_fields}
        )


@variant("ktp-el-wna", "KTP-el orang asing", "ktp-el-wna", entry_form=WnaForm, wna=True, kartu="ktp-el-wna")
class KtpElWna(KtpElKind):
    """An orang asing's KTP-el: the stay permit and sponsor are written to the register."""

    def change_register(self, permohonan: PermohonanPenduduk, user) -> None:
        data = permohonan.data
        change(
            permohonan.penduduk,
            permohonan.berkas,
            user,
            permohonan.dasar,
            negara=data["negara"],
            no_paspor=data["no_paspor"],
            no_kitap=data["no_kitap"],
            izin_tinggal_hingga=date.fromisoformat(data["izin_tinggal_hingga"]),
            sponsor=data["sponsor"],
        )


@variant(
    "ktp-el-wna-hilang",
    "KTP-el orang asing hilang",
    "ktp-el-wna-hilang",
    entry_form=WnaHilangForm,
    kata=("hilang",),
    perlu_perekaman=False,
)
class KtpElWnaHilang(KtpElWna):
    """A lost orang asing's KTP-el printed again."""


@variant(
    "rentan-perekaman",
    "Perekaman dan cetak KTP-el di tempat tinggal",
    "penduduk-rentan-perekaman",
    entry_form=PerekamanRumahForm,
    perlu_perekaman=False,
)
class RentanPerekaman(KtpElKind):
    """The recording is done at the resident's home, then the KTP-el is printed."""

    def check_subject(self, person: Penduduk, berkas) -> None:
        super().check_subject(person, berkas)
        if person.perekaman_pada is not None:
            raise BerkasInvalid(
                "Penduduk ini sudah melakukan perekaman; ajukan pencetakan KTP-el biasa.",
                fields={"nik": ["Sudah perekaman."]},
            )

    def initial(self, permohonan: PermohonanPenduduk) -> dict:
        initial = super().initial(permohonan)
        if permohonan.penduduk is not None and permohonan.keluarga is not None:
            initial.setdefault("perekaman_lokasi", permohonan.keluarga.alamat)
        return initial

    def change_register(self, permohonan: PermohonanPenduduk, user) -> None:
        person, data = permohonan.penduduk, permohonan.data
        if person.perekaman_pada is None:
            change(
                person,
                permohonan.berkas,
                user,
                None,
                perekaman_pada=timezone.now(),
                perekaman_lokasi=f"Tempat tinggal: {data['perekaman_lokasi']} ({data['perekaman_tanggal']})",
            )


@own_variant(
    "kia",
    "Kartu Identitas Anak",
    entry_form=KiaForm,
    blangko=StokBlangko.Jenis.KIA,
    kartu="kia",
    kartu_hingga_usia=17,
)
class Kia(PendudukKind):
    """The child's identity card, for a child under 17 with a birth certificate."""

    def check_subject(self, person: Penduduk, berkas) -> None:
        super().check_subject(person, berkas)
        age = usia(person.tanggal_lahir)
        if age >= 17:
            raise BerkasInvalid(
                f"Anak berusia {age} tahun; KIA hanya untuk anak di bawah 17 tahun.",
                fields={"nik": ["Bukan usia KIA."]},
            )

    def change_register(self, permohonan: PermohonanPenduduk, user) -> None:
        change(
            permohonan.penduduk,
            permohonan.berkas,
            user,
            permohonan.dasar,
            no_akta_kelahiran=permohonan.data["no_akta_kelahiran"],
        )
