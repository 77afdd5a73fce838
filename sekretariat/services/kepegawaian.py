"""Changes to data pegawai: create, edit (refused field by field when someone changed the same field
since the page was opened) and the all-or-nothing CSV import. History rows carry the acting user."""

import csv
import io
from dataclasses import dataclass

from django.db import transaction

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.workflow.permissions import Aksi, can

from ..forms.kepegawaian import PEGAWAI_FIELDS, PegawaiCsvForm
from ..kepegawaian_nip import urai_nip
from ..models.kepegawaian import Pegawai

MAX_BARIS = 2000
KOLOM_BOLEH_TIADA = ("gelar_depan", "gelar_belakang", "pendidikan", "diklat")


def _require(user) -> None:
    if not can(user, Aksi.KELOLA_PEGAWAI):
        raise BerkasForbidden("Peran Anda tidak dapat mengubah data pegawai.")


def _derive(pegawai: Pegawai) -> None:
    """Sex and TMT CPNS come from the NIP (the form checked it decodes)."""
    urai = urai_nip(pegawai.nip)
    pegawai.jenis_kelamin = urai.jenis_kelamin
    pegawai.tmt_cpns = urai.tmt_cpns


def pegawai_tambah(*, user, data: dict) -> Pegawai:
    _require(user)
    pegawai = Pegawai(**data)
    _derive(pegawai)
    pegawai._history_user = user
    with transaction.atomic():
        if Pegawai.objects.filter(nip=pegawai.nip).exists():
            raise BerkasInvalid("NIP ini sudah terdaftar.", fields={"nip": ["NIP ini sudah terdaftar."]})
        pegawai.save()
    return pegawai


def pegawai_ubah(*, user, pk: int, perubahan: dict[str, tuple]) -> Pegawai:
    """``perubahan``: field → (value the page showed, new value). A field whose stored value is no
    longer what the page showed was changed by someone else: nothing is saved."""
    _require(user)
    with transaction.atomic():
        try:
            pegawai = Pegawai.objects.select_for_update().get(pk=pk)
        except Pegawai.DoesNotExist:
            raise BerkasInvalid("Pegawai tidak ditemukan.") from None
        if not perubahan:
            return pegawai
        bentrok = [
            str(Pegawai._meta.get_field(name).verbose_name)
            for name, (lama, _) in perubahan.items()
            if getattr(pegawai, name) != lama
        ]
        if bentrok:
            last = pegawai.history.select_related("history_user").first()
            who = f" oleh {last.history_user}" if last and last.history_user else ""
            raise BerkasConflict(
                f"Data pegawai ini baru saja diubah{who} ({', '.join(bentrok)}); muat ulang halaman lalu ulangi."
            )
        for name, (_, baru) in perubahan.items():
            setattr(pegawai, name, baru)
        if "nip" in perubahan:
            if Pegawai.objects.filter(nip=pegawai.nip).exclude(pk=pk).exists():
                raise BerkasInvalid("NIP ini sudah terdaftar.", fields={"nip": ["NIP ini sudah terdaftar."]})
            _derive(pegawai)
        pegawai._history_user = user
        fields = set(perubahan) | ({"jenis_kelamin", "tmt_cpns"} if "nip" in perubahan else set())
        pegawai.save(update_fields=sorted(fields))
    return pegawai


@dataclass
class HasilImpor:
    baru: int
    diperbarui: int


def pegawai_impor_csv(*, user, teks: str) -> HasilImpor:
    """Rows are created or, for a NIP already known, updated. Any bad row: BerkasInvalid listing
    every bad row by its line number, and nothing is saved."""
    _require(user)
    reader = csv.DictReader(io.StringIO(teks), delimiter=_delimiter(teks))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    kurang = [f for f in PEGAWAI_FIELDS if f not in header and f not in KOLOM_BOLEH_TIADA]
    if kurang:
        raise BerkasInvalid(f"Kolom tidak ada: {', '.join(kurang)}. Lihat daftar kolom di halaman impor.")
    reader.fieldnames = header
    errors: list[str] = []
    rows: list[dict] = []
    seen: dict[str, int] = {}
    for line, row in enumerate(reader, start=2):
        if line - 1 > MAX_BARIS:
            raise BerkasInvalid(f"Berkas lebih dari {MAX_BARIS} baris; pecah menjadi beberapa berkas.")
        if not any((v or "").strip() for v in row.values()):
            continue
        form = PegawaiCsvForm({k: (v or "").strip() for k, v in row.items() if k})
        if not form.is_valid():
            detail = "; ".join(
                f"{form.fields[name].label if name in form.fields else 'baris'}: {' '.join(msgs)}"
                for name, msgs in form.errors.items()
            )
            errors.append(f"Baris {line}: {detail}")
            continue
        nip = form.cleaned_data["nip"]
        if nip in seen:
            errors.append(f"Baris {line}: NIP {nip} sudah ada pada baris {seen[nip]}.")
            continue
        seen[nip] = line
        rows.append(form.cleaned_data)
    if errors:
        raise BerkasInvalid("Tidak ada yang disimpan. " + " ".join(errors[:50]), fields={"berkas": errors})
    if not rows:
        raise BerkasInvalid("Berkas tidak berisi baris data.")
    baru = diperbarui = 0
    with transaction.atomic():
        known = {p.nip: p for p in Pegawai.objects.select_for_update().filter(nip__in=list(seen))}
        for data in rows:
            pegawai = known.get(data["nip"]) or Pegawai()
            for name in PEGAWAI_FIELDS:
                setattr(pegawai, name, data[name])
            _derive(pegawai)
            pegawai._history_user = user
            if pegawai.pk:
                diperbarui += 1
            else:
                baru += 1
            pegawai.save()
    return HasilImpor(baru=baru, diperbarui=diperbarui)


def _delimiter(teks: str) -> str:
    first = teks.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","
