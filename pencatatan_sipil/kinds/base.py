"""The shared flow of the civil-registration services; each service is one subclass.

A service says which register akta it draws up (``draw_up``), which existing akta it acts on (the
rujukan: the marriage a divorce ends, the birth a name change is noted on), which catatan pinggir
it writes there (``catatan`` and ``catatan_text``), what that changes (``rujukan_effects``), which
documents the Kadis signs and what it changes in the population register (only through
``pendaftaran.register``). Register entries, nomor akta, catatan pinggir and register effects are
written once, at the approval that sends the berkas to the Kadis (``apply``), in that transaction;
a retry or a send-back and re-approval updates them instead of adding more.
"""

from typing import ClassVar

from django.utils import timezone

from dukcapil.kinds import ServiceKind, register_kind
from dukcapil.models import Berkas, Dokumen, User
from dukcapil.registry import DocumentSpec

from .. import documents
from ..choices import JenisAkta, JenisPermohonanAkta
from ..models import Akta, Kutipan, PermohonanAkta
from ..register_akta import draw_up, kutipan, note, tgl

ALL_AKTA = tuple(JenisAkta.values)


class AktaKind(ServiceKind):
    """A civil-registration service; the defaults are those of a catatan pinggir on one akta."""

    family = "pencatatan_sipil.akta"
    akta_baru: ClassVar[str | None] = None  # JenisAkta this service draws up
    rujukan: ClassVar[tuple[str, ...]] = ()  # JenisAkta of the akta it acts on
    rujukan_wajib: ClassVar[bool] = True
    rujukan_label: ClassVar[str] = "Nomor akta yang dimohonkan"
    catatan: ClassVar[str | None] = None  # JenisCatatan written on the rujukan akta
    kutipan_rujukan: ClassVar[bool] = False  # reprints the rujukan akta's kutipan (with its catatan pinggir)
    mencabut_kutipan: ClassVar[bool] = False  # the old kutipan is revoked (dicabut), not just replaced
    # Intake: the akta may be another office's (kutipan kedua); the mempelai's conditions (perkawinan).
    kantor_penerbit_di_loket: ClassVar[bool] = False
    kondisi_di_loket: ClassVar[bool] = False

    # --- counter ----------------------------------------------------------------------------

    def persyaratan_facts(self, permohonan: PermohonanAkta) -> dict:
        return {"usia": None, "kata": set(self.kata) | set(permohonan.kondisi)}

    def needs_confirmation(self, permohonan: PermohonanAkta) -> bool:
        return permohonan.menunggu_konfirmasi

    # --- operator entry -----------------------------------------------------------------------

    def form(self, permohonan: PermohonanAkta, data=None):
        return self.entry_form(data, initial=dict(permohonan.data))

    def check_register(self, permohonan: PermohonanAkta, data: dict) -> dict:
        """Register checks of the entry; returns what the entry takes from the register (names).
        May record on ``permohonan`` what the system derives (the child's NIK, late reporting)."""
        return {}

    # --- approval -----------------------------------------------------------------------------

    def draw_up(self, permohonan: PermohonanAkta, user: User) -> Akta | None:
        """The register akta this service draws up (or updates on a re-approval)."""
        return None

    def write_akta(
        self, permohonan: PermohonanAkta, user: User, tanggal, tempat: str, nama: str, data: dict, **values
    ) -> Akta:
        """Draw up this service's akta (``akta_baru``): the peristiwa's date and place, the subject's
        name, the akta data, and any other Akta fields given (subjek_nik, terlambat, ...)."""
        return draw_up(
            permohonan,
            user,
            self.akta_baru,
            tanggal_peristiwa=tanggal,
            tempat_peristiwa=tempat,
            subjek_nama=nama,
            data=data,
            **values,
        )

    def catatan_text(self, permohonan: PermohonanAkta, new: Akta | None) -> str:
        return ""

    def rujukan_effects(self, permohonan: PermohonanAkta, akta: Akta, user: User) -> None:
        """What the catatan pinggir changes in the register akta and the population register."""

    def finish(self, permohonan: PermohonanAkta) -> list[str]:
        """Last numbers of the approval (an SK); returns the PermohonanAkta fields set."""
        return []

    def apply(self, permohonan: PermohonanAkta, user: User) -> None:
        new = self.draw_up(permohonan, user)
        akta = permohonan.akta_rujukan
        if akta is not None and self.catatan:
            note(permohonan, akta, self.catatan, self.catatan_text(permohonan, new), user)
            self.rujukan_effects(permohonan, akta, user)
        if new is not None:
            kutipan(permohonan, new)
        if akta is not None and self.kutipan_rujukan:
            kutipan(permohonan, akta)
        changed = ["data", "nik_anak", "nomor_akta", "nomor_kk_asal", "akta_rujukan", *self.finish(permohonan)]
        if permohonan.diterapkan_pada is None:
            permohonan.diterapkan_pada = timezone.now()
        permohonan._history_user = user
        permohonan.save(update_fields=[*dict.fromkeys(changed), "diterapkan_pada"])

    # --- documents ----------------------------------------------------------------------------

    def document_specs(self, permohonan: PermohonanAkta) -> list[DocumentSpec]:
        specs: list[DocumentSpec] = []
        if self.akta_baru:
            specs.append(documents.kutipan_spec(self.akta_baru, source="baru"))
            specs.append(documents.register_spec(self.akta_baru, source="baru"))
        # the akta acted on is known from the counter, or (kutipan kedua of another office) from approval
        rujukan_jenis = permohonan.akta_rujukan.jenis if permohonan.akta_rujukan_id else None
        if self.kutipan_rujukan and rujukan_jenis:
            specs.append(documents.kutipan_spec(rujukan_jenis, source="rujukan"))
        if self.catatan and rujukan_jenis:
            specs.append(documents.register_spec(rujukan_jenis, source="rujukan"))
        return specs

    def after_signed(self, permohonan: PermohonanAkta, stored: dict[str, Dokumen], user: User) -> None:
        """Link the signed kutipan to their records; the older kutipan of the same akta become void:
        revoked (dicabut) when ``mencabut_kutipan``, replaced (diganti) otherwise."""
        from dukcapil.tte.services import dokumen_revoke

        berkas: Berkas = permohonan.berkas
        for row in Kutipan.objects.filter(berkas=berkas).select_related("akta"):
            dokumen = stored.get(f"kutipan-{row.akta.jenis}")
            if dokumen is not None and row.dokumen_id is None:
                row.dokumen = dokumen
                row.save(update_fields=["dokumen"])
        akta = permohonan.akta_rujukan
        if akta is None:
            return
        new_kutipan = stored.get(f"kutipan-{akta.jenis}")
        older = Dokumen.objects.filter(
            jenis=f"kutipan-{akta.jenis}", nomor=akta.nomor, status=Dokumen.Status.BERLAKU
        ).exclude(berkas=berkas)
        for old in older:
            if self.mencabut_kutipan:
                reason = (
                    f"Dicabut karena {self.label.lower()} dengan berkas {berkas.nomor_registrasi} "
                    f"tanggal {tgl(timezone.localdate())}."
                )
                dokumen_revoke(dokumen=old, reason=reason, user=user)
            elif new_kutipan is not None:
                dokumen_revoke(
                    dokumen=old,
                    reason=f"Diganti kutipan baru berkas {berkas.nomor_registrasi}.",
                    replaced_by=new_kutipan,
                    user=user,
                )


def service(kode: JenisPermohonanAkta, layanan: str, entry_form: type | None = None):
    """Registers the decorated kind as the service ``kode`` (labelled as its JenisPermohonanAkta) of
    the catalogue layanan ``layanan``, its operator entry on ``entry_form`` (else the one it inherits)."""

    def decorate(cls: type[AktaKind]) -> type[AktaKind]:
        cls.kode, cls.label, cls.layanan = kode, JenisPermohonanAkta(kode).label, (layanan,)
        if entry_form is not None:
            cls.entry_form = entry_form
        return register_kind(cls)

    return decorate


class CatatanKind(AktaKind):
    """A service that only writes a catatan pinggir on an existing akta (of any jenis unless it says
    otherwise) and reprints that akta's kutipan. ``catatan_format`` is the note's text, filled from the
    entry data and ``penetapan`` (the decision it cites)."""

    rujukan = ALL_AKTA
    kutipan_rujukan = True
    catatan_format: ClassVar[str] = ""

    def catatan_text(self, permohonan: PermohonanAkta, new: Akta | None) -> str:
        d = permohonan.data
        return self.catatan_format.format(**d, penetapan=penetapan(d))


def penetapan(d: dict) -> str:
    """The court or office decision a catatan pinggir cites."""
    tanggal = d.get("tanggal_penetapan") or d.get("tanggal_putusan")
    if not tanggal:
        return ""
    nomor = d.get("nomor_penetapan") or d.get("nomor_putusan", "")
    return f"berdasarkan {d.get('pengadilan', '')} nomor {nomor} tanggal {tgl(tanggal)}"
