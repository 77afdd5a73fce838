"""Pindah variants: SKPWNI, SKPLN, their cancellation, replacement and extension."""

from typing import ClassVar

from dukcapil.models import Dokumen

from ..choices import StatusPenduduk
from ..models import Penduduk, PermohonanPenduduk
from ..register import RegisterBatch, register_change
from .base import PendudukKind, RujukanKind, change, own_variant, variant
from .forms import LuarNegeriForm, PerpanjanganForm, RujukanForm, TujuanForm


class PindahKeluarKind(PendudukKind):
    """People of the pemohon's KK leave: they go out of the KK; an emptied KK becomes inactive."""

    needs_family = True
    butuh_anggota = True
    status_pindah: ClassVar[str]

    def change_register(self, permohonan: PermohonanPenduduk, user) -> None:
        berkas = permohonan.berkas
        asal = permohonan.keluarga
        moved = dict(permohonan.asal_anggota)
        batch = RegisterBatch(berkas=berkas, user=user)  # the people who move: one update for all
        locked = Penduduk.objects.select_for_update(of=("self",)).select_related("keluarga")
        for p in locked.filter(nik__in=permohonan.nik_anggota, keluarga=asal).order_by("urutan", "pk"):
            moved[p.nik] = {"hubungan": p.hubungan, "urutan": p.urutan}
            batch.change(
                p,
                {"status": self.status_pindah, "keluarga": None, "keterangan_status": f"{self.label} {berkas}"},
                base={"status": StatusPenduduk.AKTIF, "keluarga": asal.nomor_kk},
            )
        batch.write()
        permohonan.asal_anggota = moved
        if asal is not None and asal.aktif and not asal.anggota.filter(status=StatusPenduduk.AKTIF).exists():
            register_change(asal, {"aktif": False}, base=None, berkas=berkas, user=user)


def pindah_keluar(kode: str, label: str, entry_form: type, status_pindah: str, **data):
    """An SKPWNI or SKPLN: its own layanan and document, numbered under its code."""
    return own_variant(
        kode, label, entry_form=entry_form, nomor_prefix=kode.upper(), status_pindah=status_pindah, **data
    )


@pindah_keluar("skpwni", "Surat Keterangan Pindah WNI", TujuanForm, StatusPenduduk.PINDAH)
class Skpwni(PindahKeluarKind):
    """Moving to another kabupaten/kota in Indonesia."""


@pindah_keluar(
    "skpln", "Surat Keterangan Pindah ke Luar Negeri", LuarNegeriForm, StatusPenduduk.PINDAH_LN, luar_negeri=True
)
class Skpln(PindahKeluarKind):
    """Moving abroad."""


@own_variant(
    "batal-pindah",
    "Surat Keterangan Batal Pindah",
    entry_form=RujukanForm,
    rujukan=("skpwni", "skpln"),
    nomor_prefix="SKBP",
    pembatalan=True,
)
class BatalPindah(PendudukKind):
    """The people of the cancelled SKPWNI/SKPLN return to their KK; the cancelled document is revoked."""

    def rujukan_problem(self, rujukan: Dokumen) -> str:
        if rujukan.status != Dokumen.Status.BERLAKU:
            return f"Dokumen {rujukan.nomor} sudah {rujukan.get_status_display().lower()}."
        return ""

    def change_register(self, permohonan: PermohonanPenduduk, user) -> None:
        from dukcapil.tte.services import dokumen_revoke

        berkas = permohonan.berkas
        rujukan = permohonan.dokumen_rujukan
        asal_permohonan = PermohonanPenduduk.objects.select_related("keluarga").get(berkas=rujukan.record)
        keluarga = asal_permohonan.keluarga
        if keluarga is not None and not keluarga.aktif:
            register_change(keluarga, {"aktif": True}, base=None, berkas=berkas, user=user)
        for nik, place in asal_permohonan.asal_anggota.items():
            p = Penduduk.objects.get(nik=nik)
            if p.status in (StatusPenduduk.PINDAH, StatusPenduduk.PINDAH_LN) and p.keluarga_id is None:
                change(
                    p,
                    berkas,
                    user,
                    None,
                    status=StatusPenduduk.AKTIF,
                    keluarga=keluarga.nomor_kk if keluarga else None,
                    hubungan=place["hubungan"],
                    urutan=place["urutan"],
                    keterangan_status=f"Batal pindah {berkas}",
                )
        dokumen_revoke(dokumen=rujukan, reason=f"Dibatalkan dengan surat keterangan batal pindah {berkas}.", user=user)


class SkpwniRujukanKind(RujukanKind):
    """A new SKPWNI in place of one the berkas refers to by number."""

    family = "pendaftaran.skpwni"
    document_jenis = "skpwni"
    rujukan = ("skpwni",)


@variant("skpwni-hilang", "SKPWNI pengganti (hilang)", "skpwni-hilang", entry_form=RujukanForm, kata=("hilang",))
class SkpwniHilang(SkpwniRujukanKind):
    """A lost SKPWNI replaced."""

    catatan = "Diterbitkan sebagai pengganti surat keterangan pindah yang hilang; yang lama tidak berlaku."


@variant("perpanjangan-skp", "Perpanjangan SKPWNI", "perpanjangan-skp", entry_form=PerpanjanganForm)
class PerpanjanganSkp(SkpwniRujukanKind):
    """An SKPWNI extended."""

    catatan = "Masa berlaku diperpanjang hingga {berlaku}."
