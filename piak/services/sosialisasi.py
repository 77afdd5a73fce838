"""State changes of sosialisasi kebijakan kependudukan (one function per change).

Steps: Lumajang «Prosedur Sosialisasi Kebijakan Kependudukan»: 1 the Kasi draws up the schedule and
plan from the priority data (2 hari); 2 prepares the material with the bidang concerned (2 hari);
3 writes the surat pemberitahuan to the target kecamatan (2 jam), a naskah of the Sekretariat's
chain: signed, it lets the event go ahead; 4 holds the socialisation with the surat tugas and the
material, output the notulen (the daftar hadir counted per category of participant); 5 reports to
the Kadis with a Nota Dinas Laporan Pelaksanaan (1 jam), again a naskah: signed by the Kadis, the
socialisation is done.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from dukcapil.documents.common import format_tanggal
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import Bidang, User
from dukcapil.workflow.permissions import Aksi, can, can_in_bidang
from dukcapil.workflow.services import move_work_items, record_checked, record_lock, record_transition
from sekretariat.models import Naskah, StatusNaskah
from sekretariat.services.naskah import SETELAH_TERBIT, naskah_buat
from sekretariat.services.surat_masuk import _first_card, _note
from sekretariat.uploads import periksa_pindaian

from ..models.sosialisasi import (
    KategoriPeserta,
    KehadiranSosialisasi,
    PrioritasSosialisasi,
    Sosialisasi,
    StatusSosialisasi,
)
from .common import invalid, jenis_naskah, stage_minutes, transition_with

S = StatusSosialisasi
BIDANG_PIAK = "piak"
SOP_SLUG = "sosialisasi-kebijakan-kependudukan"
# the stage → the SOP step (urutan) that times it; «siap» waits for the planned date, not a standard
SOP_STEP = {S.DIRENCANAKAN: 2, S.MATERI_SIAP: 3, S.DILAKSANAKAN: 5}
JENIS_SURAT, JENIS_TUGAS, JENIS_NOTA = "surat-dinas", "surat-tugas", "nota-dinas-laporan-pelaksanaan"
DARI = "Kepala Bidang Pemanfaatan Data dan Inovasi Pelayanan"
LABEL_LOCK = "Sosialisasi"

LABEL = {
    "siapkan_materi": "Simpan bahan materi",
    "susun_surat": "Susun surat ke kecamatan",
    "laksanakan": "Catat pelaksanaan",
    "laporkan": "Susun nota dinas laporan pelaksanaan",
    "batalkan": "Batalkan sosialisasi",
}


def standar_waktu() -> dict[str, int]:
    return stage_minutes(SOP_SLUG, SOP_STEP)


def _acting(user: User, pk: int, method: str, expected_status: str | None) -> Sosialisasi:
    return record_checked(model=Sosialisasi, pk=pk, method=method, user=user, label=LABEL[method],
                          expected_status=expected_status, lock_label=LABEL_LOCK)  # fmt: skip


def _berkas(upload, what: str, field: str) -> None:
    try:
        periksa_pindaian(upload, what)
    except ValidationError as exc:
        raise BerkasInvalid(exc.messages[0], fields={field: exc.messages}) from None


@dataclass(frozen=True)
class RencanaData:
    tema: str
    kecamatan: str
    desa: str
    tempat: str
    tanggal: date
    sasaran: str
    prioritas: str
    dasar_prioritas: str


def sosialisasi_rencanakan(*, user: User, data: RencanaData) -> Sosialisasi:
    """Step 1: the schedule and plan (where, when, to whom, and the priority data behind the choice)."""
    if not can_in_bidang(user, Aksi.SOSIALISASI_KELOLA, BIDANG_PIAK):
        raise BerkasForbidden("Hanya Bidang PIAK yang merencanakan sosialisasi kebijakan kependudukan.")
    required = {"tema": data.tema, "kecamatan": data.kecamatan, "tempat": data.tempat, "sasaran": data.sasaran,
                "dasar_prioritas": data.dasar_prioritas}  # fmt: skip
    if missing := [name for name, value in required.items() if not value.strip()]:
        raise BerkasInvalid("Lengkapi rencana sosialisasi.", fields={name: ["Wajib diisi."] for name in missing})
    if data.prioritas not in PrioritasSosialisasi.values:
        raise invalid("prioritas", "Pilih prioritas: tinggi, sedang atau rendah.")
    if data.tanggal < timezone.localdate():
        raise invalid("tanggal", "Tanggal rencana sosialisasi tidak boleh sebelum hari ini.")
    now = timezone.now()
    with transaction.atomic():
        sos = Sosialisasi.objects.create(
            bidang=Bidang.objects.get(kode=BIDANG_PIAK), perencana=user, direncanakan_pada=now, status_sejak=now,
            tema=data.tema.strip()[:200], kecamatan=data.kecamatan.strip()[:100], desa=data.desa.strip()[:100],
            tempat=data.tempat.strip()[:200], tanggal=data.tanggal, sasaran=data.sasaran.strip()[:300],
            prioritas=data.prioritas, dasar_prioritas=data.dasar_prioritas.strip(), tenggat=data.tanggal,
            standar_waktu=standar_waktu(),
        )  # fmt: skip
        _first_card(sos, "rencanakan", user, f"{sos.tema} · {sos.lokasi}, {format_tanggal(sos.tanggal)}"[:1000])
        move_work_items([sos], now)
    return sos


def sosialisasi_siapkan_materi(
    *, user: User, pk: int, berkas, uraian: str, expected_status: str | None = None
) -> Sosialisasi:
    """Step 2: the material (a PDF or image that opens) and what it covers."""
    note = _note(uraian)
    if not note:
        raise invalid("uraian", "Tulis pokok materi sosialisasi.")
    _berkas(berkas, "Bahan materi", "berkas")
    with transaction.atomic():
        sos = _acting(user, pk, "siapkan_materi", expected_status)
        sos.materi.save(f"{sos.nomor.lower()}-materi", berkas, save=False)
        return transition_with(sos, "siapkan_materi", user, note, materi=sos.materi, materi_uraian=note)


def isi_surat(sos: Sosialisasi, koordinasi: str = "") -> str:
    """The surat pemberitahuan's body, filled from the plan."""
    desa = f" Desa/Kelurahan {escape(sos.desa)}" if sos.desa else ""
    kontak = f"<p>Hasil koordinasi: {escape(koordinasi)}</p>" if koordinasi else ""
    return (
        "<p>Dengan hormat,</p>"
        f"<p>Dalam rangka sosialisasi kebijakan kependudukan «{escape(sos.tema)}», bersama ini kami "
        f"beritahukan bahwa Dinas Kependudukan dan Pencatatan Sipil akan melaksanakan sosialisasi di wilayah "
        f"Kecamatan {escape(sos.kecamatan)}{desa} pada {format_tanggal(sos.tanggal)} bertempat di "
        f"{escape(sos.tempat)}, dengan sasaran {escape(sos.sasaran)}.</p>{kontak}"
        "<p>Sehubungan dengan hal tersebut, kami mohon bantuan Saudara untuk mengoordinasikan kehadiran "
        "peserta dan menyiapkan tempat.</p>"
        "<p>Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.</p>"
    )


def sosialisasi_susun_surat(
    *, user: User, pk: int, kepada: str, koordinasi: str = "", expected_status: str | None = None
) -> Sosialisasi:
    """Step 3: the surat pemberitahuan to the kecamatan, drafted as a naskah konsep (Kabid's paraf,
    Sekretaris, the Kadis signs); the socialisation is ready when it is signed."""
    if not kepada.strip():
        raise invalid("kepada", "Tulis kepada siapa surat ditujukan (mis. Camat ...).")
    jenis = jenis_naskah(JENIS_SURAT)
    with transaction.atomic():
        sos = _acting(user, pk, "susun_surat", expected_status)
        surat = naskah_buat(
            user=user, jenis=jenis, hal=f"Pemberitahuan pelaksanaan sosialisasi {sos.tema}"[:250],
            isi=isi_surat(sos, _note(koordinasi)), tujuan_nama=kepada.strip()[:200],
            tujuan_alamat=f"Kecamatan {sos.kecamatan}"[:300],
        )  # fmt: skip
        return transition_with(sos, "susun_surat", user, f"Surat ke {surat.tujuan_nama} disusun.", surat=surat)


def sosialisasi_surat_tugas(*, user: User, pk: int, kepada: str) -> Sosialisasi:
    """The surat tugas of the officers who hold the socialisation (step 4's kelengkapan), drafted as
    a naskah konsep; once, unless the earlier one was withdrawn."""
    if not kepada.strip():
        raise invalid("kepada", "Tulis petugas yang ditugaskan (nama, NIP, jabatan).")
    jenis = jenis_naskah(JENIS_TUGAS)
    with transaction.atomic():
        sos = record_lock(Sosialisasi, pk, related=("surat_tugas",), label=LABEL_LOCK)
        if not can(user, Aksi.SOSIALISASI_KELOLA, sos.bidang_id):
            raise BerkasForbidden("Hanya Bidang PIAK yang menyusun surat tugas sosialisasi.")
        if sos.status not in {S.MATERI_SIAP, S.SURAT, S.SIAP}:
            raise BerkasConflict("Surat tugas disusun setelah materi siap dan sebelum pelaksanaan.")
        if sos.surat_tugas_id and sos.surat_tugas.status != StatusNaskah.DITARIK:
            raise BerkasConflict(f"Surat tugas sudah disusun ({sos.surat_tugas.get_status_display()}).")
        sos.surat_tugas = naskah_buat(
            user=user, jenis=jenis, hal=f"Surat tugas sosialisasi {sos.tema}"[:250],
            data={"dasar": "Program kerja sosialisasi kebijakan kependudukan Bidang PIAK",
                  "kepada": kepada.strip(),
                  "untuk": f"Melaksanakan sosialisasi «{sos.tema}» di {sos.lokasi}, {format_tanggal(sos.tanggal)}"},
        )  # fmt: skip
        sos.save(update_fields=["surat_tugas"])
    return sos


@dataclass(frozen=True)
class PelaksanaanData:
    tanggal: date
    kehadiran: dict[int, int]  # KategoriPeserta pk → number of participants
    daftar_hadir: object
    notulen: str


def sosialisasi_laksanakan(*, user: User, pk: int, data: PelaksanaanData, expected_status: str | None = None):
    """Step 4: it took place: when, who came per category (from the daftar hadir scan) and the notulen."""
    if data.tanggal > timezone.localdate():
        raise invalid("tanggal", "Tanggal pelaksanaan tidak boleh di masa depan.")
    kategori = {k.pk: k for k in KategoriPeserta.objects.filter(pk__in=list(data.kehadiran))}
    if unknown := set(data.kehadiran) - set(kategori):
        raise BerkasInvalid(f"Kategori peserta tidak dikenal: {sorted(unknown)}.")
    if any(jumlah < 0 for jumlah in data.kehadiran.values()):
        raise BerkasInvalid("Jumlah peserta tidak boleh negatif.")
    total = sum(data.kehadiran.values())
    if total == 0:
        raise BerkasInvalid("Isi jumlah peserta sedikitnya untuk satu kategori, sesuai daftar hadir.")
    notulen = (data.notulen or "").strip()
    if not notulen:
        raise invalid("notulen", "Notulen hasil sosialisasi wajib diisi.")
    _berkas(data.daftar_hadir, "Pindaian daftar hadir", "daftar_hadir")
    with transaction.atomic():
        sos = _acting(user, pk, "laksanakan", expected_status)
        if data.tanggal < sos.direncanakan_pada.date():
            raise invalid("tanggal", "Tanggal pelaksanaan tidak boleh sebelum rencana disusun.")
        KehadiranSosialisasi.objects.bulk_create(
            [KehadiranSosialisasi(sosialisasi=sos, kategori=kategori[k], jumlah=n)
             for k, n in data.kehadiran.items() if n]
        )  # fmt: skip
        sos.daftar_hadir.save(f"{sos.nomor.lower()}-daftar-hadir", data.daftar_hadir, save=False)
        note = f"{total} peserta, {format_tanggal(data.tanggal)}"
        return transition_with(sos, "laksanakan", user, note, dilaksanakan_tanggal=data.tanggal,
                               daftar_hadir=sos.daftar_hadir, notulen=notulen)  # fmt: skip


def isi_nota_dinas(sos: Sosialisasi) -> str:
    """The nota dinas's body, filled from the record (plan, material, attendance, notulen)."""
    rows = "".join(
        f"<li>{escape(h.kategori.nama)}: {h.jumlah} orang</li>" for h in sos.kehadiran.select_related("kategori")
    )
    total = sum(h.jumlah for h in sos.kehadiran.all())
    nomor = sos.surat.nomor_naskah if sos.surat else ""
    surat = f" (surat pemberitahuan nomor {escape(nomor)})" if nomor else ""
    return (
        f"<p>Bersama ini dilaporkan pelaksanaan sosialisasi kebijakan kependudukan «{escape(sos.tema)}» "
        f"di {escape(sos.lokasi)}{surat}, bertempat di {escape(sos.tempat)} pada "
        f"{format_tanggal(sos.dilaksanakan_tanggal)}.</p>"
        f"<p>Sasaran: {escape(sos.sasaran)} (prioritas {escape(sos.get_prioritas_display().lower())}: "
        f"{escape(sos.dasar_prioritas.rstrip('.'))}).</p>"
        f"<p>Materi: {escape(sos.materi_uraian)}</p>"
        f"<p>Peserta yang hadir menurut daftar hadir: {total} orang, terdiri atas:</p><ul>{rows}</ul>"
        f"<p>Notulen hasil sosialisasi: {escape(sos.notulen)}</p>"
        "<p>Demikian laporan ini disampaikan untuk menjadi periksa dan mohon disposisi lebih lanjut.</p>"
    )


def sosialisasi_laporkan(*, user: User, pk: int, catatan: str = "", expected_status: str | None = None):
    """Step 5: the Nota Dinas Laporan Pelaksanaan to the Kadis, drafted from the record as a naskah
    konsep whose route the jenis sets (the Kabid's paraf, the Kadis signs)."""
    jenis = jenis_naskah(JENIS_NOTA)
    with transaction.atomic():
        sos = _acting(user, pk, "laporkan", expected_status)
        nota = naskah_buat(
            user=user, jenis=jenis, hal=f"Laporan pelaksanaan sosialisasi {sos.tema}"[:250],
            isi=isi_nota_dinas(sos), tujuan_nama="Kepala Dinas", data={"dari": DARI},
        )  # fmt: skip
        note = _note(catatan) or "Nota dinas laporan pelaksanaan disusun."
        return transition_with(sos, "laporkan", user, note, nota_dinas=nota)


def sosialisasi_batalkan(*, user: User, pk: int, alasan: str, expected_status: str | None = None) -> Sosialisasi:
    note = _note(alasan)
    if not note:
        raise invalid("alasan", "Tulis alasan pembatalan.")
    with transaction.atomic():
        return transition_with(_acting(user, pk, "batalkan", expected_status), "batalkan", user, note)


def sosialisasi_naskah_terbit(*, naskah: Naskah, system) -> None:
    """Called when a naskah is signed (``naskah.SETELAH_TERBIT``): the letter to the kecamatan lets
    the socialisation go ahead; the signed nota dinas closes it."""
    for field, status, method, note in (
        ("surat", S.SURAT, "surat_terbit", "Surat pemberitahuan ke kecamatan ditandatangani"),
        ("nota_dinas", S.DILAPORKAN, "laporan_terbit", "Nota dinas laporan pelaksanaan ditandatangani Kadis"),
    ):
        sos = Sosialisasi.objects.select_for_update(of=("self",)).filter(**{field: naskah}, status=status).first()
        if sos is not None:
            nomor = f" nomor {naskah.nomor_naskah}" if naskah.nomor_naskah else ""
            record_transition(sos, method, system, f"{note}{nomor}.")


SETELAH_TERBIT.append(sosialisasi_naskah_terbit)
