"""The SOP catalogue: loading an office's transcribed SOP set, and reading timings from it."""

import json
import math
import re
from dataclasses import dataclass
from dataclasses import field as dc_field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Case, OuterRef, Subquery, When

from .choices import Alur, Status
from .exceptions import BerkasInvalid
from .models import SOP, Bidang, Kantor, LangkahSOP, Layanan, Persyaratan, StandarPelayanan

OFFICES_DIR = Path(settings.BASE_DIR) / "fixtures" / "offices"

BIDANG = [
    ("pendaftaran", "Pelayanan Pendaftaran Penduduk"),
    ("pencatatan_sipil", "Pelayanan Pencatatan Sipil"),
    ("piak", "Pengelolaan Informasi Administrasi Kependudukan dan Pemanfaatan Data"),
    ("sekretariat", "Sekretariat"),
]

# The citizen services the catalogue links SOPs to: (kode, nama, bidang, prefix nomor registrasi,
# berkas kind the system processes it with; "" = public information only for now).
PENDAFTARAN, CAPIL = "pendaftaran", "pencatatan_sipil"
LAYANAN = [
    ("kk", "Penerbitan Kartu Keluarga (KK)", PENDAFTARAN, "KK", "pendaftaran.kk"),
    ("kk-hilang", "Penerbitan KK yang hilang atau rusak", PENDAFTARAN, "KKH", "pendaftaran.kk"),
    ("kk-tambah-anggota", "Penambahan anggota keluarga", PENDAFTARAN, "KKT", "pendaftaran.kk"),
    ("kk-kurang-anggota", "Pengurangan anggota keluarga", PENDAFTARAN, "KKK", "pendaftaran.kk"),
    ("kk-perubahan-data", "Perubahan data pada KK", PENDAFTARAN, "KKP", "pendaftaran.kk"),
    ("kk-pisah", "Pisah KK", PENDAFTARAN, "KKS", "pendaftaran.kk"),
    ("ktp-el", "Penerbitan KTP-el", PENDAFTARAN, "KTP", "pendaftaran.ktp-el"),
    ("ktp-el-cetak", "Pencetakan KTP-el", PENDAFTARAN, "KTC", "pendaftaran.ktp-el"),
    ("ktp-el-hilang-rusak", "Penerbitan KTP-el hilang/rusak", PENDAFTARAN, "KTH", "pendaftaran.ktp-el"),
    ("ktp-el-perubahan-data", "Penerbitan KTP-el karena perubahan data", PENDAFTARAN, "KTU", "pendaftaran.ktp-el"),
    ("perekaman-ktp-el", "Perekaman KTP-el", PENDAFTARAN, "REK", ""),
    ("kia", "Kartu Identitas Anak (KIA)", PENDAFTARAN, "KIA", "pendaftaran.kia"),
    ("skpwni", "Surat Keterangan Pindah WNI (SKPWNI)", PENDAFTARAN, "SKP", "pendaftaran.skpwni"),
    ("skdwni", "Surat Keterangan Datang WNI (SKDWNI)", PENDAFTARAN, "SKD", "pendaftaran.skdwni"),
    ("skpwni-hilang", "SKPWNI hilang", PENDAFTARAN, "SKH", "pendaftaran.skpwni"),
    ("perpanjangan-skp", "Perpanjangan surat keterangan pindah", PENDAFTARAN, "PSK", "pendaftaran.skpwni"),
    ("batal-pindah", "Pembatalan pindah", PENDAFTARAN, "BTP", "pendaftaran.batal-pindah"),
    ("skpln", "Surat Keterangan Pindah ke Luar Negeri (SKPLN)", PENDAFTARAN, "SPL", "pendaftaran.skpln"),
    ("skdln", "Surat Keterangan Datang dari Luar Negeri (SKDLN)", PENDAFTARAN, "SDL", "pendaftaran.skdln"),
    ("sktt", "Surat Keterangan Tempat Tinggal (SKTT) orang asing", PENDAFTARAN, "STT", "pendaftaran.sktt"),
    ("sktt-hilang", "SKTT orang asing yang hilang", PENDAFTARAN, "STH", "pendaftaran.sktt"),
    ("ktp-el-wna", "KTP-el orang asing", PENDAFTARAN, "KTA", "pendaftaran.ktp-el"),
    ("ktp-el-wna-hilang", "KTP-el orang asing yang hilang", PENDAFTARAN, "KAH", "pendaftaran.ktp-el"),
    ("penduduk-rentan", "Penduduk rentan tanpa dokumen (jalur A)", PENDAFTARAN, "RTN", "pendaftaran.kk"),
    (
        "penduduk-rentan-perekaman",
        "Penduduk rentan: perekaman KTP-el di tempat tinggal (jalur B)",
        PENDAFTARAN,
        "RTB",
        "pendaftaran.ktp-el",
    ),
    ("pengambilan-dokumen", "Pengambilan dokumen", PENDAFTARAN, "AMB", ""),
    ("akta-kelahiran", "Akta kelahiran", CAPIL, "AKL", "pencatatan_sipil.akta"),
    ("lahir-mati", "Surat keterangan lahir mati", CAPIL, "LMT", "pencatatan_sipil.akta"),
    ("akta-kematian", "Akta kematian", CAPIL, "AKM", "pencatatan_sipil.akta"),
    ("akta-perkawinan", "Akta perkawinan", CAPIL, "AKW", "pencatatan_sipil.akta"),
    ("akta-perceraian", "Akta perceraian", CAPIL, "AKC", "pencatatan_sipil.akta"),
    ("perubahan-kewarganegaraan", "Pencatatan perubahan status kewarganegaraan", CAPIL, "PKW", "pencatatan_sipil.akta"),
    ("peristiwa-penting-lainnya", "Pencatatan peristiwa penting lainnya", CAPIL, "PPL", "pencatatan_sipil.akta"),
    ("pembetulan-akta", "Pembetulan akta", CAPIL, "PBA", "pencatatan_sipil.akta"),
    ("perubahan-nama", "Pencatatan perubahan nama", CAPIL, "PNM", "pencatatan_sipil.akta"),
    ("pembatalan-perkawinan", "Pembatalan perkawinan", CAPIL, "BPK", "pencatatan_sipil.akta"),
    ("pembatalan-perceraian", "Pembatalan perceraian", CAPIL, "BPC", "pencatatan_sipil.akta"),
    ("pembatalan-akta", "Pembatalan akta", CAPIL, "BAK", "pencatatan_sipil.akta"),
    ("pengangkatan-anak", "Pencatatan pengangkatan anak", CAPIL, "PGA", "pencatatan_sipil.akta"),
    ("pengakuan-anak", "Pencatatan pengakuan anak", CAPIL, "PKA", "pencatatan_sipil.akta"),
    ("pengesahan-anak", "Pencatatan pengesahan anak", CAPIL, "PSA", "pencatatan_sipil.akta"),
    ("kutipan-kedua", "Kutipan kedua akta", CAPIL, "KTD", "pencatatan_sipil.akta"),
    ("pelita3", "Layanan integrasi akta perceraian, KK dan KTP-el (PELITA 3)", CAPIL, "PL3", "dukcapil.paket"),
]

# Bundles: one application producing the documents of several layanan (Pekanbaru PELITA 3: the
# divorce is recorded, the one who leaves the family gets a new KK and a KTP-el with the new status).
KOMPONEN = {"pelita3": ["akta-perceraian", "kk-pisah", "ktp-el-perubahan-data"]}

# Layanan that no seed gives an SOP of its own follow the SOP of a sibling layanan: a pisah KK is a
# KK issue (Probolinggo P.4.1 lists it with the other KK variants), and the two paths of P.4.5 share
# one SOP.
SOP_SIBLING = {
    "kk-pisah": "kk",
    "ktp-el-perubahan-data": "ktp-el",
    "penduduk-rentan-perekaman": "penduduk-rentan",
    # Probolinggo P.5.6 and P.5.7 each cover three services under one SOP.
    "pembatalan-perceraian": "pembatalan-perkawinan",
    "pembatalan-akta": "pembatalan-perkawinan",
    "pengakuan-anak": "pengangkatan-anak",
    "pengesahan-anak": "pengangkatan-anak",
}

HEADER_TEXT_FIELDS = ["dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan", "peringatan", "pencatatan"]
HEADER_DATE_FIELDS = ["tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif", "tanggal_pengesahan", "disahkan_oleh"]
SP_FIELDS = [field for field, _ in StandarPelayanan.COMPONENTS]


@dataclass(frozen=True)
class LoadResult:
    kantor: Kantor
    sops: int
    langkah: int
    persyaratan: int
    layanan_linked: int
    # step timings edited in admin that the file would change, kept: "sop langkah N: admin X, berkas Y"
    dipertahankan: list[str] = dc_field(default_factory=list)


def available_offices() -> list[str]:
    return sorted(p.stem for p in OFFICES_DIR.glob("*.json") if "_part_" not in p.stem)


def ensure_reference_data() -> None:
    """Bidang and the layanan list; created when missing, never overwritten (admins edit them)."""
    for kode, nama in BIDANG:
        Bidang.objects.get_or_create(kode=kode, defaults={"nama": nama})
    bidang = {b.kode: b for b in Bidang.objects.all()}
    for kode, nama, bidang_kode, prefix, jenis in LAYANAN:
        lay, created = Layanan.objects.get_or_create(
            kode=kode,
            defaults={"nama": nama, "bidang": bidang[bidang_kode], "prefix_nomor": prefix, "jenis_berkas": jenis},
        )
        if not created and jenis and not lay.jenis_berkas:
            # a layanan that was information only becomes processable once its kind exists
            lay.jenis_berkas = jenis
            lay.save(update_fields=["jenis_berkas"])
        if kode in KOMPONEN and not lay.komponen:
            lay.komponen = KOMPONEN[kode]
            lay.save(update_fields=["komponen"])


def derive_tahap(peran_per_step: list[list[str]]) -> list[str]:
    """Which berkas stage each step belongs to, from who performs it and where it stands.

    Counter steps before the back office are intake («baru»); operator work is «diterima»;
    Kasi «verifikasi», Kabid «validasi», Kadis «tte»; after the Kadis, printing and register
    work is «cetak» and handing over (counter, pickup, applicant) is «siap diambil».
    """
    stages: list[str] = []
    after_kadis = False
    seen_back_office = False
    for roles in peran_per_step:
        role_set = set(roles)
        if "kadis" in role_set:
            stage, after_kadis = Status.TTE, True
        elif "kabid" in role_set:
            stage = Status.VALIDASI
        elif "kasi" in role_set:
            stage = Status.VERIFIKASI
        elif after_kadis and role_set & {"operator_siak", "petugas_register", "petugas_scan"}:
            stage = Status.CETAK
        elif after_kadis and role_set & {"petugas_loket", "petugas_pengambilan", "pemohon"}:
            stage = Status.SIAP_DIAMBIL
        elif role_set & {"operator_siak", "petugas_scan", "petugas_register"}:
            stage = Status.DITERIMA
        elif role_set & {"petugas_loket", "pemohon"} and not seen_back_office:
            stage = Status.BARU
        elif role_set & {"petugas_pengambilan"}:
            stage = Status.SIAP_DIAMBIL
        else:
            stage = ""
        if stage in (Status.DITERIMA, Status.VERIFIKASI, Status.VALIDASI, Status.TTE):
            seen_back_office = True
        stages.append(stage)
    return stages


def parse_jangka_hari(text: str | None) -> int | None:
    """'3 (tiga) Hari Kerja (Maksimal)' → 3; None when the text names no number of days."""
    if not text:
        return None
    match = re.search(r"(\d+)\s*(?:\([^)]*\))?\s*hari", text, re.IGNORECASE)
    return int(match.group(1)) if match else None


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(v) for v in value if v)
    return str(value)


def read_office_file(slug: str) -> dict:
    path = OFFICES_DIR / f"{slug}.json"
    if not path.exists():
        raise BerkasInvalid(f"Kantor «{slug}» tidak ada. Pilihan: {', '.join(available_offices())}.")
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("office", {}).get("slug") != slug:
        raise BerkasInvalid(f"Berkas {path.name} bukan untuk kantor «{slug}».")
    return data


@transaction.atomic
def load_office(*, slug: str, activate: bool = True, reset: bool = False) -> LoadResult:
    """Create or update an office's SOP set from fixtures/offices/<slug>.json. Idempotent.

    Existing rows are updated in place (so their history continues); steps and persyaratan no
    longer in the file are removed. With activate, the office becomes the deployment's and each
    layanan points at this office's SOP for it. Step timings an admin edited are kept (and listed
    in ``dipertahankan``) unless ``reset``.
    """
    data = read_office_file(slug)
    ensure_reference_data()
    office = data["office"]
    kantor, _ = Kantor.objects.get_or_create(slug=slug, defaults={"nama_dinas": office["nama_dinas"]})
    changed: list[str] = []
    for field in [
        "nama_dinas",
        "pemerintah",
        "kabupaten_kota",
        "alamat",
        "kepala_dinas_nama",
        "kepala_dinas_nip",
        "sumber",
    ]:
        value = _text(office.get(field))
        if value and getattr(kantor, field) != value:
            setattr(kantor, field, value)
            changed.append(field)
    if changed:
        kantor.save(update_fields=changed)
    bidang = {b.kode: b for b in Bidang.objects.all()}
    layanan = {lay.kode: lay for lay in Layanan.objects.all()}
    totals = {"langkah": 0, "persyaratan": 0}
    seen_slugs = []
    edited = set() if reset else _admin_edited_steps(kantor)
    kept: list[str] = []
    for entry in data["sops"]:
        sop = _upsert_sop(kantor, entry, bidang, layanan)
        seen_slugs.append(sop.slug)
        totals["langkah"] += _sync_steps(sop, entry.get("langkah") or [], edited, kept)
        totals["persyaratan"] += _sync_persyaratan(sop, entry.get("persyaratan") or [])
    SOP.objects.filter(kantor=kantor).exclude(slug__in=seen_slugs).delete()
    linked = 0
    if activate:
        Kantor.objects.exclude(pk=kantor.pk).filter(aktif=True).update(aktif=False)
        if not kantor.aktif:
            kantor.aktif = True
            kantor.save(update_fields=["aktif"])
        linked = link_layanan(kantor)
    else:
        linked = link_layanan()  # this office may now supply SOPs the active one lacks
    return LoadResult(kantor, len(seen_slugs), totals["langkah"], totals["persyaratan"], linked, kept)


TIMING_FIELDS = ("waktu_jumlah", "waktu_satuan", "waktu_teks")


def _admin_edited_steps(kantor: Kantor) -> set[int]:
    """Steps of this office whose history has a change by a person (admin), not by a load."""
    return set(LangkahSOP.history.filter(sop__kantor=kantor, history_user__isnull=False).values_list("id", flat=True))


def _upsert_sop(kantor: Kantor, entry: dict, bidang: dict, layanan: dict) -> SOP:
    header = entry.get("header") or {}
    values = {
        "nomor": _text(entry.get("nomor")),
        "nama": entry["nama"],
        "bidang": bidang[entry["bidang"]],
        "kelompok": _text(entry.get("kelompok")),
        "layanan": layanan.get(entry.get("layanan") or ""),
        "total_waktu_teks": _text(entry.get("total_waktu_teks")),
        "catatan_transkripsi": _text(entry.get("catatan_transkripsi")),
        **{f: _text(header.get(f)) for f in HEADER_DATE_FIELDS + HEADER_TEXT_FIELDS},
    }
    sop = SOP.objects.filter(kantor=kantor, slug=entry["slug"]).first() or SOP(kantor=kantor, slug=entry["slug"])
    _save_if_changed(sop, values)
    sp_data = entry.get("standar_pelayanan")
    if sp_data:
        sp = StandarPelayanan.objects.filter(sop=sop).first() or StandarPelayanan(sop=sop)
        sp_values = {f: _text(sp_data.get(f)) for f in SP_FIELDS}
        sp_values["jangka_waktu_hari_kerja"] = parse_jangka_hari(sp_values["jangka_waktu"])
        _save_if_changed(sp, sp_values)
    else:
        StandarPelayanan.objects.filter(sop=sop).delete()
    return sop


def _sync_steps(sop: SOP, steps: list[dict], edited: set[int] = frozenset(), kept: list | None = None) -> int:
    existing = {s.urutan: s for s in sop.langkah.all()}
    stages = derive_tahap([s.get("peran") or [] for s in steps])
    for position, (step, stage) in enumerate(zip(steps, stages, strict=True), start=1):
        urutan = position
        jumlah = step.get("waktu_jumlah")
        values = {
            "uraian": _text(step.get("uraian")),
            "pelaksana": ", ".join(step.get("pelaksana") or []),
            "peran": list(step.get("peran") or []),
            "kelengkapan": _text(step.get("kelengkapan")),
            "waktu_jumlah": None if jumlah is None else Decimal(str(jumlah)),
            "waktu_satuan": step.get("waktu_satuan") or "",
            "waktu_teks": _text(step.get("waktu_teks")),
            "output": _text(step.get("output")),
            "keterangan": _text(step.get("keterangan")),
            "tahap": step.get("tahap") or stage,
        }
        row = existing.pop(urutan, None) or LangkahSOP(sop=sop, urutan=urutan)
        if row.pk in edited:
            for name in TIMING_FIELDS:
                if getattr(row, name) != values[name] and kept is not None:
                    kept.append(
                        f"{sop.slug} langkah {urutan} {name}: admin «{getattr(row, name)}», berkas «{values[name]}»"
                    )
                values[name] = getattr(row, name)
        _save_if_changed(row, values)
    for row in existing.values():
        row.delete()
    return len(steps)


def _sync_persyaratan(sop: SOP, items: list[dict]) -> int:
    existing = {p.urutan: p for p in sop.persyaratan.all()}
    for urutan, item in enumerate(items, start=1):
        values = {
            "nama": item["nama"],
            "wajib": bool(item.get("wajib", True)),
            "kondisi": _text(item.get("kondisi")),
            "kondisi_dari_kantor": bool(item.get("kondisi_dari_kantor", False)),
            "sumber": _text(item.get("sumber")),
            "catatan": _text(item.get("catatan")),
        }
        _save_if_changed(existing.pop(urutan, None) or Persyaratan(sop=sop, urutan=urutan), values)
    for row in existing.values():
        row.delete()
    return len(items)


def _save_if_changed(row, values: dict) -> None:
    """Save only new or changed rows, so re-loading an office adds no empty history entries."""
    if row.pk is None:
        for key, value in values.items():
            setattr(row, key, value)
        row.save()
        return
    changed = [k for k, v in values.items() if getattr(row, k) != v]
    for key in changed:
        setattr(row, key, values[key])
    if changed:
        row.save(update_fields=changed)


_ENTRY_WORDS = re.compile(r"\b(meng?entri|pengentrian|menginput|penginputan)", re.IGNORECASE)


def derive_alur(peran_per_step: list[list[str]], uraian_per_step: list[str] | None = None) -> str:
    """Manual verification first (Probolinggo P.4.2–P.4.4) when a Kasi/Kabid step without the
    operator comes before the operator's first step; otherwise entry first. A step that enters the
    data counts as the operator's whoever does it (Pekanbaru's front office enters into SIAK)."""
    uraian_per_step = uraian_per_step or [""] * len(peran_per_step)
    for roles, uraian in zip(peran_per_step, uraian_per_step, strict=False):
        role_set = set(roles)
        if "operator_siak" in role_set or (_ENTRY_WORDS.search(uraian or "") and not role_set & {"kasi", "kabid"}):
            return Alur.ENTRI_DULU
        if role_set & {"kasi", "kabid"}:
            return Alur.VERIFIKASI_DULU
    return Alur.ENTRI_DULU


def _sop_for(lay: Layanan, offices: list[Kantor]) -> SOP | None:
    kodes = [lay.kode] + ([SOP_SIBLING[lay.kode]] if lay.kode in SOP_SIBLING else [])
    for kantor in offices:
        for kode in kodes:
            # an office may have two SOPs for one product (Lumajang's akta kelahiran at the counter and
            # through the hospital): the one of the layanan's own bidang comes first
            sop = (
                SOP.objects.filter(kantor=kantor, layanan__kode=kode)
                .order_by(Case(When(bidang_id=lay.bidang_id, then=0), default=1), "pk")
                .first()
            )
            if sop is not None:
                return sop
    return None


def link_layanan(kantor: Kantor | None = None) -> int:
    """Point every layanan at the active office's SOP for it (the first one, in document order).

    A layanan the active office has no SOP for takes the first one found in the offices of
    settings.SOP_FALLBACK_OFFICES that are loaded; the layanan page names the office it comes from.
    """
    kantor = kantor or Kantor.objects.filter(aktif=True).first()
    if kantor is None:
        return 0
    fallback = {k.slug: k for k in Kantor.objects.filter(slug__in=settings.SOP_FALLBACK_OFFICES)}
    offices = [kantor] + [fallback[s] for s in settings.SOP_FALLBACK_OFFICES if s in fallback and s != kantor.slug]
    linked = 0
    for lay in Layanan.objects.all():
        sop = _sop_for(lay, offices)
        if lay.sop_id != (sop.pk if sop else None):
            lay.sop = sop
            fields = ["sop"]
            if sop is not None:
                steps = list(sop.langkah.order_by("urutan"))
                lay.alur = derive_alur([step.peran for step in steps], [step.uraian for step in steps])
                fields.append("alur")
            lay.save(update_fields=fields)
        linked += sop is not None
    return linked


# --- timings read by the berkas services -------------------------------------------------


def standard_minutes_per_stage(layanan: Layanan) -> dict[str, int]:
    return _minutes_per_stage(layanan.langkah_berlaku())


def jangka_waktu_hari_kerja(layanan: Layanan) -> int | None:
    """The Standar Pelayanan's jangka waktu, else the SOP steps' total in working days."""
    if layanan.sop_id is None:
        return None
    sp = StandarPelayanan.objects.filter(sop_id=layanan.sop_id).only("jangka_waktu_hari_kerja").first()
    if sp and sp.jangka_waktu_hari_kerja is not None:
        return sp.jangka_waktu_hari_kerja
    return _jangka_of_steps(list(layanan.langkah_berlaku()))


def sop_timings(layanan: Layanan) -> tuple[dict[str, int], int | None]:
    """``standard_minutes_per_stage`` and ``jangka_waktu_hari_kerja`` in one read (at registration):
    the SOP's steps with the Standar Pelayanan's jangka waktu joined to them."""
    if layanan.sop_id is None:
        return {}, None
    sp = StandarPelayanan.objects.filter(sop_id=OuterRef("sop_id")).order_by("pk")
    steps = list(layanan.langkah_berlaku().annotate(jangka_sp=Subquery(sp.values("jangka_waktu_hari_kerja")[:1])))
    if not steps:  # no steps to carry it: the Standar Pelayanan alone
        return {}, jangka_waktu_hari_kerja(layanan)
    jangka = steps[0].jangka_sp
    return _minutes_per_stage(steps), jangka if jangka is not None else _jangka_of_steps(steps)


def _minutes_per_stage(steps) -> dict[str, int]:
    totals: dict[str, int] = {}
    for step in steps:
        minutes = step.waktu_menit()
        if step.tahap and minutes is not None:
            totals[step.tahap] = totals.get(step.tahap, 0) + minutes
    return totals


def _jangka_of_steps(steps: list[LangkahSOP]) -> int | None:
    minutes = [s.waktu_menit() for s in steps]
    if not steps or any(m is None for m in minutes):
        return None
    per_day = steps[0].sop.kantor.menit_kerja_per_hari
    # work that fits in one office day is finished the same day (0 further working days)
    return max(0, math.ceil(sum(minutes) / per_day) - 1)
