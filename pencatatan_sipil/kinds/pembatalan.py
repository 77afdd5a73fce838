"""Pembatalan perkawinan, perceraian and akta (P.5.6): the akta becomes void, its kutipan revoked,
a surat keputusan pembatalan issued; the register returns to what it was before the akta."""

from django.conf import settings
from django.utils import timezone

from dukcapil.kinds import register_kind
from dukcapil.models import User
from dukcapil.services import next_serial
from pendaftaran.choices import StatusPerkawinan
from pendaftaran.register import register_change

from .. import documents
from .. import forms as f
from ..choices import JenisAkta, JenisCatatan, JenisPermohonanAkta, StatusAkta
from ..models import Akta, PermohonanAkta
from ..register_akta import person_or_none, save_akta
from .base import ALL_AKTA, AktaKind, penetapan


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
                register_change(
                    person,
                    {
                        "status_perkawinan": akta.status_perkawinan_sebelum.get(
                            person.nik, StatusPerkawinan.BELUM_KAWIN
                        ),
                        "tanggal_perkawinan": None,
                        "no_akta_perkawinan": "",
                    },
                    base={"status_perkawinan": StatusPerkawinan.KAWIN},
                    berkas=permohonan.berkas,
                    user=user,
                )
        elif akta.jenis == JenisAkta.PERCERAIAN:
            for person in self._spouses_of(akta):
                register_change(
                    person,
                    {
                        "status_perkawinan": StatusPerkawinan.KAWIN,
                        "no_akta_perkawinan": akta.data.get("nomor_akta_perkawinan", ""),
                    },
                    base={"status_perkawinan": StatusPerkawinan.CERAI_HIDUP},
                    berkas=permohonan.berkas,
                    user=user,
                )
        elif akta.jenis == JenisAkta.KELAHIRAN:
            subject = person_or_none(akta.subjek_nik)
            if subject is not None and subject.no_akta_kelahiran == akta.nomor:
                register_change(
                    subject,
                    {"no_akta_kelahiran": ""},
                    base={"no_akta_kelahiran": akta.nomor},
                    berkas=permohonan.berkas,
                    user=user,
                )

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


@register_kind
class BatalKawinKind(PembatalanKind):
    kode = JenisPermohonanAkta.BATAL_KAWIN
    label = JenisPermohonanAkta.BATAL_KAWIN.label
    layanan = ("pembatalan-perkawinan",)
    rujukan = (JenisAkta.PERKAWINAN,)
    rujukan_label = "Nomor akta perkawinan yang dibatalkan"


@register_kind
class BatalCeraiKind(PembatalanKind):
    kode = JenisPermohonanAkta.BATAL_CERAI
    label = JenisPermohonanAkta.BATAL_CERAI.label
    layanan = ("pembatalan-perceraian",)
    rujukan = (JenisAkta.PERCERAIAN,)
    rujukan_label = "Nomor akta perceraian yang dibatalkan"


@register_kind
class BatalAktaKind(PembatalanKind):
    kode = JenisPermohonanAkta.BATAL_AKTA
    label = JenisPermohonanAkta.BATAL_AKTA.label
    layanan = ("pembatalan-akta",)
    rujukan = ALL_AKTA
    rujukan_label = "Nomor akta yang dibatalkan"
