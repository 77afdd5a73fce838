"""Pembatalan perkawinan, perceraian and akta (P.5.6): the akta becomes void, its kutipan revoked,
a surat keputusan pembatalan issued; the register returns to what it was before the akta."""

from django.conf import settings
from django.utils import timezone

from dukcapil.models import User
from dukcapil.services import next_serial
from pendaftaran.choices import StatusPerkawinan

from .. import documents
from .. import forms as f
from ..choices import JenisAkta, JenisCatatan, JenisPermohonanAkta, StatusAkta
from ..models import Akta, PermohonanAkta
from ..register_akta import change, person_or_none, save_akta
from .base import ALL_AKTA, AktaKind, penetapan, service


class PembatalanKind(AktaKind):
    entry_form = f.PembatalanForm
    catatan = JenisCatatan.PEMBATALAN
    mencabut_kutipan = True

    def catatan_text(self, permohonan: PermohonanAkta, new: Akta | None) -> str:
        return f"Akta ini dibatalkan {penetapan(permohonan.data)}. {permohonan.data.get('amar', '')}".strip()

    def rujukan_effects(self, permohonan: PermohonanAkta, akta: Akta, user: User) -> None:
        save_akta(akta, user, status=StatusAkta.BATAL)
        self.undo(permohonan, akta, user)

    def undo(self, permohonan: PermohonanAkta, akta: Akta, user: User) -> None:
        """What the voided akta had changed in the population register, set back."""
        if akta.jenis == JenisAkta.PERKAWINAN:
            for person in self._spouses_of(akta):
                sebelum = akta.status_perkawinan_sebelum.get(person.nik, StatusPerkawinan.BELUM_KAWIN)
                values = {"status_perkawinan": sebelum, "tanggal_perkawinan": None, "no_akta_perkawinan": ""}
                change(permohonan, user, person, values, base={"status_perkawinan": StatusPerkawinan.KAWIN})
        elif akta.jenis == JenisAkta.PERCERAIAN:
            nomor_perkawinan = akta.data.get("nomor_akta_perkawinan", "")
            for person in self._spouses_of(akta):
                values = {"status_perkawinan": StatusPerkawinan.KAWIN, "no_akta_perkawinan": nomor_perkawinan}
                change(permohonan, user, person, values, base={"status_perkawinan": StatusPerkawinan.CERAI_HIDUP})
        elif akta.jenis == JenisAkta.KELAHIRAN:
            subject = person_or_none(akta.subjek_nik)
            if subject is not None and subject.no_akta_kelahiran == akta.nomor:
                change(permohonan, user, subject, {"no_akta_kelahiran": ""}, base={"no_akta_kelahiran": akta.nomor})

    @staticmethod
    def _spouses_of(akta: Akta) -> list:
        """The couple of a marriage or divorce akta whose register still points at that akta."""
        people = (person_or_none(akta.data.get(key)) for key in ("nik_suami", "nik_istri"))
        return [p for p in people if p is not None and p.no_akta_perkawinan == akta.nomor]

    def finish(self, permohonan: PermohonanAkta) -> list[str]:
        if not permohonan.nomor_sk:
            year = timezone.localdate().year
            serial = next_serial(f"SK-PEMBATALAN-{year}")
            permohonan.nomor_sk = f"474/{serial:04d}/SK-BTL/{settings.OFFICE['kode_wilayah']}/{year}"
        return ["nomor_sk"]

    def document_specs(self, permohonan: PermohonanAkta):
        return [documents.sk_pembatalan_spec(), *super().document_specs(permohonan)]


def _pembatalan(kode: JenisPermohonanAkta, layanan: str, rujukan: tuple[str, ...]) -> type[PembatalanKind]:
    """The pembatalan service ``kode`` of the akta of jenis ``rujukan``."""
    jenis = JenisAkta(rujukan[0]).label.lower() if len(rujukan) == 1 else "akta"
    name = kode.name.title().replace("_", "") + "Kind"
    attrs = {"__module__": __name__, "rujukan": rujukan, "rujukan_label": f"Nomor {jenis} yang dibatalkan"}
    return service(kode, layanan)(type(name, (PembatalanKind,), attrs))


BatalKawinKind = _pembatalan(JenisPermohonanAkta.BATAL_KAWIN, "pembatalan-perkawinan", (JenisAkta.PERKAWINAN,))
BatalCeraiKind = _pembatalan(JenisPermohonanAkta.BATAL_CERAI, "pembatalan-perceraian", (JenisAkta.PERCERAIAN,))
BatalAktaKind = _pembatalan(JenisPermohonanAkta.BATAL_AKTA, "pembatalan-akta", ALL_AKTA)
