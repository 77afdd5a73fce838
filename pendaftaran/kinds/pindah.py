"""Pindah variants: SKPWNI, SKPLN, their cancellation, replacement and extension."""

from typing import ClassVar

from dukcapil.kinds import register_kind
from dukcapil.models import Dokumen

from ..choices import StatusPenduduk
from ..models import Penduduk, PermohonanPenduduk
from ..register import register_change
from .base import PendudukKind, RujukanKind, change
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
        for p in Penduduk.objects.filter(nik__in=permohonan.nik_anggota, keluarga=asal):
            moved[p.nik] = {"hubungan": p.hubungan, "urutan": p.urutan}
            change(
                p,
                berkas,
                user,
                {"status": StatusPenduduk.AKTIF, "keluarga": asal.nomor_kk},
                status=self.status_pindah,
                keluarga=None,
                keterangan_status=f"{self.label} {berkas}",
            )
        permohonan.asal_anggota = moved
        if asal is not None and asal.aktif and not asal.anggota.filter(status=StatusPenduduk.AKTIF).exists():
            register_change(asal, {"aktif": False}, base=None, berkas=berkas, user=user)


@register_kind
class Skpwni(PindahKeluarKind):
    kode = "skpwni"
    label = "Surat Keterangan Pindah WNI"
    family = "pendaftaran.skpwni"
    document_jenis = "skpwni"
    layanan = ("skpwni",)
    entry_form = TujuanForm
    nomor_prefix = "SKPWNI"
    status_pindah = StatusPenduduk.PINDAH


@register_kind
class Skpln(PindahKeluarKind):
    kode = "skpln"
    label = "Surat Keterangan Pindah ke Luar Negeri"
    family = "pendaftaran.skpln"
    document_jenis = "skpln"
    layanan = ("skpln",)
    entry_form = LuarNegeriForm
    nomor_prefix = "SKPLN"
    status_pindah = StatusPenduduk.PINDAH_LN


@register_kind
class BatalPindah(PendudukKind):
    """The people of the cancelled SKPWNI/SKPLN return to their KK; the cancelled document is revoked."""

    kode = "batal-pindah"
    label = "Surat Keterangan Batal Pindah"
    family = "pendaftaran.batal-pindah"
    document_jenis = "batal-pindah"
    layanan = ("batal-pindah",)
    entry_form = RujukanForm
    rujukan = ("skpwni", "skpln")
    nomor_prefix = "SKBP"

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


@register_kind
class SkpwniHilang(RujukanKind):
    kode = "skpwni-hilang"
    label = "SKPWNI pengganti (hilang)"
    family = "pendaftaran.skpwni"
    document_jenis = "skpwni"
    layanan = ("skpwni-hilang",)
    entry_form = RujukanForm
    kata = ("hilang",)
    rujukan = ("skpwni",)


@register_kind
class PerpanjanganSkp(RujukanKind):
    kode = "perpanjangan-skp"
    label = "Perpanjangan SKPWNI"
    family = "pendaftaran.skpwni"
    document_jenis = "skpwni"
    layanan = ("perpanjangan-skp",)
    entry_form = PerpanjanganForm
    rujukan = ("skpwni",)
