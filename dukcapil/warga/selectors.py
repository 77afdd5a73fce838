"""Reads for the citizen's pages and the loket's queue, filtered to who is asking."""

from dataclasses import dataclass

from django.db.models import QuerySet

from dukcapil.models import Berkas, Dokumen, Persyaratan
from dukcapil.registry import document_label
from dukcapil.services import RESI
from dukcapil.workflow.permissions import Aksi, bidang_filter

from .models import PermohonanOnline, StatusOnline, Warga
from .services import DATA, detail_form

# documents a citizen prints at home once signed (KK and kutipan akta with TTE); cards are taken
# at the office (PELITA 3 step 11: «dokumen ... yang sudah ditandatangani akan diberikan ... melalui email»)
KARTU = {"ktp-el": "KTP-el", "kia": "KIA"}


def dapat_dicetak_warga(jenis: str) -> bool:
    return jenis == "kk" or jenis.startswith("kutipan-")


def permohonan_milik(warga: Warga) -> list[PermohonanOnline]:
    return list(PermohonanOnline.objects.filter(warga=warga).select_related("layanan", "berkas").order_by("-pk")[:100])


def antrean_petugas(user, status: str) -> QuerySet[PermohonanOnline]:
    """The applications of the bidang where the user verifies online applications, oldest first."""
    return (
        PermohonanOnline.objects.filter(bidang_filter(user, Aksi.VERIFIKASI_ONLINE), status=status)
        .select_related("layanan", "warga", "berkas")
        .order_by("status_sejak", "pk")
    )


@dataclass(frozen=True)
class DokumenWarga:
    pk: int | None
    jenis: str
    label: str
    dapat_diunduh: bool
    keterangan: str


def dokumen_warga(berkas: Berkas) -> list[DokumenWarga]:
    """What the citizen's berkas page lists: the resi, the signed KK/akta to download, and the cards
    that are taken at the office."""
    rows = []
    for d in Dokumen.objects.filter(berkas=berkas).order_by("pk"):
        if d.status != Dokumen.Status.BERLAKU:
            continue
        if d.jenis == RESI:
            rows.append(DokumenWarga(d.pk, d.jenis, "Resi (lembar penerimaan permohonan)", True, ""))
        elif d.jenis in KARTU:
            rows.append(DokumenWarga(None, d.jenis, KARTU[d.jenis], False, "Diambil di kantor"))
        elif dapat_dicetak_warga(d.jenis):
            signed = d.ditandatangani
            rows.append(
                DokumenWarga(
                    d.pk if signed else None,
                    d.jenis,
                    document_label(d.jenis),
                    signed,
                    "Ditandatangani secara elektronik; dapat dicetak sendiri" if signed else "Menunggu tanda tangan",
                )
            )
    return rows


def perlu_diperbaiki(permohonan: PermohonanOnline) -> list[str]:
    items = permohonan.perlu_diperbaiki or []
    names = dict(Persyaratan.objects.filter(pk__in=[int(i) for i in items if i != DATA]).values_list("pk", "nama"))
    return ["Data permohonan" if i == DATA else names.get(int(i), i) for i in items]


def detail_rows(permohonan: PermohonanOnline) -> list[tuple[str, str]]:
    """The entry as label/value pairs (choices shown by their label)."""
    form = detail_form(permohonan)
    if form is None:
        return []
    rows = []
    for name, field in form.fields.items():
        values = (permohonan.data_detail or {}).get(f"detail-{name}", [])
        choices = dict((str(k), str(v)) for k, v in getattr(field, "choices", []) or [])
        rows.append((str(field.label), ", ".join(choices.get(v, v) for v in values if v) or "—"))
    return rows


@dataclass(frozen=True)
class UnggahanRow:
    persyaratan: Persyaratan
    unggahan: object
    diganti: bool  # replaced in the latest submission after a return


def unggahan_rows(permohonan: PermohonanOnline, persyaratan: list[Persyaratan]) -> list[UnggahanRow]:
    by_id = {u.persyaratan_id: u for u in permohonan.unggahan.all()}
    return [
        UnggahanRow(
            p,
            by_id.get(p.pk),
            bool(by_id.get(p.pk) and permohonan.putaran > 1 and by_id[p.pk].putaran == permohonan.putaran),
        )
        for p in persyaratan
    ]


__all__ = ["StatusOnline"]
