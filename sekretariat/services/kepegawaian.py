"""Changes to data pegawai: create, edit (refused field by field when someone changed the same field
since the page was opened) and the all-or-nothing CSV import. History rows carry the acting user."""

import csv
import io
from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from dukcapil.documents.common import format_tanggal
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.workflow.models import KartuKendali
from dukcapil.workflow.permissions import Aksi, can
from dukcapil.workflow.services import check_allowed, check_expected, move_work_items, record_lock, record_transition

from ..forms.kepegawaian import PEGAWAI_FIELDS, PegawaiCsvForm
from ..kepegawaian_data import JENIS_USULAN
from ..kepegawaian_nip import urai_nip
from ..models.kepegawaian import (
    JENIS_KARTU,
    LABEL_TANGGAL,
    NASKAH_TERKIRIM,
    Golongan,
    JenisUsulan,
    Pegawai,
    StatusUsulan,
    UsulanKepegawaian,
)
from ..models.naskah import JenisNaskah
from .naskah import naskah_buat

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


TUJUAN_USULAN = "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
# Lumajang «Prosedur Pengusulan MPP/Pensiun»: the surat goes to the Bupati cq. Kepala BKD, and
# «Pembuatan KARIS/KARSU»: the surat pengantar goes to the BKD.
TUJUAN_BKD = {
    JenisUsulan.MPP: "Bupati cq. Kepala Badan Kepegawaian Daerah",
    JenisUsulan.PENSIUN: "Bupati cq. Kepala Badan Kepegawaian Daerah",
    JenisUsulan.KARIS: "Kepala Badan Kepegawaian Daerah",
    JenisUsulan.KARSU: "Kepala Badan Kepegawaian Daerah",
}


def _isi_usulan(pegawai: Pegawai, jenis: str, jatuh_tempo: date) -> str:
    label = JenisUsulan(jenis).label.lower()
    rows = [
        ("Nama", pegawai.nama_lengkap),
        ("NIP", pegawai.nip_cetak),
        ("Pangkat, golongan", str(pegawai.golongan)),
        ("Jabatan", pegawai.jabatan.nama),
        ("Unit kerja", pegawai.unit),
        (LABEL_TANGGAL.get(jenis, "Jatuh tempo"), format_tanggal(jatuh_tempo)),
    ]
    table = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in rows)
    return (
        f"<p>Dengan hormat, bersama ini kami usulkan {label} bagi pegawai berikut:</p><table>{table}</table>"
        "<p>Demikian usulan ini disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.</p>"
    )


def _check_kartu(pegawai: Pegawai, jenis: str) -> None:
    """KARIS/KARSU: only for a married employee without a card, KARIS for a man, KARSU for a woman."""
    if jenis not in JENIS_KARTU:
        return
    if not pegawai.tanggal_menikah:
        raise BerkasInvalid("Tanggal menikah pegawai ini belum diisi di data pegawai.")
    if pegawai.nomor_karis_karsu:
        raise BerkasConflict(f"{pegawai.nama_lengkap} sudah memiliki kartu nomor {pegawai.nomor_karis_karsu}.")
    if jenis != pegawai.jenis_kartu_pasangan:
        benar = JenisUsulan(pegawai.jenis_kartu_pasangan).label
        raise BerkasInvalid(f"Untuk pegawai ini yang diusulkan adalah {benar}.")


def usulan_mulai(*, user, pegawai_id: int, jenis: str, jatuh_tempo: date) -> UsulanKepegawaian:
    """Start an usulan from the buku kendali: its surat usulan as a konsep in the naskah chain."""
    _require(user)
    if jenis not in JenisUsulan.values:
        raise BerkasInvalid("Jenis usulan tidak dikenal.")
    with transaction.atomic():
        try:
            pegawai = (
                Pegawai.objects.select_for_update(of=("self",)).select_related("golongan", "jabatan").get(pk=pegawai_id)
            )
        except Pegawai.DoesNotExist:
            raise BerkasInvalid("Pegawai tidak ditemukan.") from None
        open_one = UsulanKepegawaian.objects.filter(pegawai=pegawai, jenis=jenis, status=StatusUsulan.DIUSULKAN)
        if open_one.exists():
            raise BerkasConflict(f"{JenisUsulan(jenis).label} {pegawai.nama_lengkap} sudah diusulkan dan menunggu SK.")
        _check_kartu(pegawai, jenis)
        naskah = naskah_buat(
            user=user,
            jenis=JenisNaskah.objects.get(kode=JENIS_USULAN["kode"]),
            hal=f"Usulan {JenisUsulan(jenis).label.lower()} a.n. {pegawai.nama_lengkap}",
            isi=_isi_usulan(pegawai, jenis, jatuh_tempo),
            tujuan_nama=TUJUAN_BKD.get(jenis, TUJUAN_USULAN),
        )
        usulan = UsulanKepegawaian.objects.create(
            pegawai=pegawai, jenis=jenis, jatuh_tempo=jatuh_tempo, naskah=naskah, bidang=naskah.bidang
        )
        KartuKendali.objects.create(
            content_type=ContentType.objects.get_for_model(usulan),
            object_id=usulan.pk,
            transisi="mulai",
            dari_status="",
            ke_status=usulan.status,
            pelaku=user,
            waktu=usulan.status_sejak,
            mulai=usulan.status_sejak,
        )
        move_work_items([usulan], usulan.status_sejak)
    return usulan


def usulan_terima_sk(
    *, user, pk: int, nomor_sk: str, tanggal_sk: date, tmt_sk: date | None, expected_status: str | None
) -> UsulanKepegawaian:
    """Record the outside decision; a KGB moves the TMT KGB, a kenaikan pangkat the golongan and its TMT."""
    nomor_sk = _nomor_tanggal(nomor_sk, tanggal_sk, "Nomor dan tanggal SK wajib diisi.", "Tanggal SK")
    needs_tmt = ("kgb", "pangkat")
    with transaction.atomic():
        usulan = _lock_terkirim(user=user, pk=pk, expected_status=expected_status, apa="SK")
        if usulan.jenis in JENIS_KARTU:
            raise BerkasConflict("Untuk KARIS/KARSU yang dicatat adalah nomor kartunya.")
        if usulan.jenis in needs_tmt and not tmt_sk:
            raise BerkasInvalid("TMT dalam SK wajib diisi untuk KGB dan kenaikan pangkat.")
        usulan.nomor_sk, usulan.tanggal_sk, usulan.tmt_sk = nomor_sk, tanggal_sk, tmt_sk
        record_transition(
            usulan, "terima_sk", user, f"SK {nomor_sk}", update_fields=["nomor_sk", "tanggal_sk", "tmt_sk"]
        )
        p = usulan.pegawai
        if usulan.jenis == JenisUsulan.KGB:
            pegawai_ubah(user=user, pk=p.pk, perubahan={"tmt_kgb": (p.tmt_kgb, tmt_sk)})
        elif usulan.jenis == JenisUsulan.PANGKAT:
            naik = Golongan.objects.filter(urutan__gt=p.golongan.urutan).order_by("urutan").first() or p.golongan
            perubahan = {"golongan": (p.golongan, naik), "tmt_pangkat": (p.tmt_pangkat, tmt_sk)}
            pegawai_ubah(user=user, pk=p.pk, perubahan=perubahan)
    return usulan


def _nomor_tanggal(nomor: str, tanggal: date | None, wajib: str, label_tanggal: str) -> str:
    """The reply's number (stripped) and date checked: both given, the date not in the future."""
    nomor = (nomor or "").strip()
    if not nomor or not tanggal:
        raise BerkasInvalid(wajib)
    if tanggal > timezone.localdate():
        raise BerkasInvalid(f"{label_tanggal} tidak boleh sesudah hari ini.")
    return nomor


def _lock_terkirim(*, user, pk: int, expected_status: str | None, apa: str) -> UsulanKepegawaian:
    """The usulan locked for recording the reply: the surat usulan must have gone out."""
    usulan = record_lock(UsulanKepegawaian, pk, related=["pegawai__golongan", "naskah"], label="Usulan")
    check_expected(usulan, expected_status)
    check_allowed(usulan, "terima_sk", user, f"Catat {apa}")
    if usulan.naskah is None or usulan.naskah.status not in NASKAH_TERKIRIM:
        raise BerkasConflict(f"Surat usulan belum ditandatangani dan dikirim; {apa} belum dapat dicatat.")
    return usulan


def usulan_terima_kartu(
    *, user, pk: int, nomor_kartu: str, tanggal: date, expected_status: str | None
) -> UsulanKepegawaian:
    """KARIS/KARSU: the card came back from the BKD; its number goes on the usulan and the Pegawai."""
    nomor_kartu = _nomor_tanggal(
        nomor_kartu, tanggal, "Nomor kartu dan tanggal diterima wajib diisi.", "Tanggal diterima"
    )
    with transaction.atomic():
        usulan = _lock_terkirim(user=user, pk=pk, expected_status=expected_status, apa="nomor kartu")
        if usulan.jenis not in JENIS_KARTU:
            raise BerkasConflict("Nomor kartu hanya dicatat untuk usulan KARIS/KARSU.")
        usulan.nomor_kartu, usulan.tanggal_sk = nomor_kartu, tanggal
        label = JenisUsulan(usulan.jenis).label
        record_transition(
            usulan, "terima_sk", user, f"{label} {nomor_kartu}", update_fields=["nomor_kartu", "tanggal_sk"]
        )
        p = usulan.pegawai
        pegawai_ubah(user=user, pk=p.pk, perubahan={"nomor_karis_karsu": (p.nomor_karis_karsu, nomor_kartu)})
    return usulan
