"""SKTT: the residence certificate of an orang asing, and its replacement when lost."""

from datetime import date

from django.core.exceptions import ValidationError

from dukcapil.exceptions import BerkasInvalid
from dukcapil.nik import clean_nik, nik_mismatches

from ..models import Penduduk, PermohonanPenduduk
from ..register import register_create_person
from .base import PendudukKind, next_nomor_dokumen, variant
from .forms import SkttForm, SkttHilangForm


class SkttKind(PendudukKind):
    family = "pendaftaran.sktt"
    document_jenis = "sktt"
    nomor_prefix = "SKTT"


@variant("sktt", "Surat Keterangan Tempat Tinggal", "sktt", entry_form=SkttForm, registered_subject=False)
class Sktt(SkttKind):
    """The pemohon is the sponsor; the orang asing is new to the register and entered by the operator."""

    def check_data(self, data: dict) -> dict[str, list[str]]:
        errors: dict[str, list[str]] = {}
        try:
            nik = clean_nik(data.get("nik", ""))
        except ValidationError as exc:
            return {"nik": exc.messages}
        problems = nik_mismatches(nik, date.fromisoformat(data["tanggal_lahir"]), data["jenis_kelamin"])
        if problems:
            errors["nik"] = problems
        if Penduduk.objects.filter(nik=nik).exists():
            errors.setdefault("nik", []).append(
                f"NIK {nik} sudah terdaftar; untuk SKTT yang hilang ajukan SKTT hilang."
            )
        return errors

    def change_register(self, permohonan: PermohonanPenduduk, user) -> None:
        if permohonan.penduduk is not None:
            return
        data = permohonan.data
        permohonan.penduduk = register_create_person(
            nik=data["nik"],
            values=dict(
                nama=data["nama"].upper(),
                jenis_kelamin=data["jenis_kelamin"],
                tempat_lahir=data["tempat_lahir"].upper(),
                tanggal_lahir=date.fromisoformat(data["tanggal_lahir"]),
                agama=data["agama"],
                pendidikan="",
                pekerjaan=data["pekerjaan"].upper(),
                status_perkawinan=data["status_perkawinan"],
                kewarganegaraan="WNA",
                negara=data["negara"].upper(),
                no_paspor=data["no_paspor"],
                no_kitap=data["no_kitap"],
                izin_tinggal_hingga=date.fromisoformat(data["izin_tinggal_hingga"]),
                sponsor=data["sponsor"].upper(),
                nama_ayah="-",
                nama_ibu="-",
                keterangan_status=f"Alamat: {data['alamat'].upper()}",
            ),
            berkas=permohonan.berkas,
            user=user,
        )


@variant("sktt-hilang", "SKTT pengganti (hilang)", "sktt-hilang", entry_form=SkttHilangForm, kata=("hilang",))
class SkttHilang(SkttKind):
    """A lost SKTT replaced under the same number."""

    catatan = "Diterbitkan sebagai pengganti SKTT yang hilang; SKTT yang lama tidak berlaku."

    def check_subject(self, person: Penduduk, berkas) -> None:
        super().check_subject(person, berkas)
        if person.kewarganegaraan != "WNA":
            raise BerkasInvalid("SKTT hanya untuk orang asing.", fields={"nik": ["Bukan orang asing."]})

    def nomor_dokumen(self, permohonan: PermohonanPenduduk) -> str:
        # the replacement keeps the lost SKTT's number, so the lost one is marked replaced
        old = (
            PermohonanPenduduk.objects.filter(penduduk=permohonan.penduduk, jenis=Sktt.kode)
            .exclude(nomor_dokumen="")
            .order_by("-diterapkan_pada")
            .first()
        )
        return old.nomor_dokumen if old else next_nomor_dokumen(self.nomor_prefix)
