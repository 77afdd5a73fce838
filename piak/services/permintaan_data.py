"""State changes of a permintaan data / pemadanan (Probolinggo P.6.3 «Pengolahan Permintaan Data
Laporan»). The Kasi PIAK opens the case from the request letter's disposisi (or from PIAK's list)
and checks that the lembaga has an agreement in force covering what it asks, today. With one, the
ADB processes it and records what left the office (fields, number of records, SHA-256 of the file,
transfer method; never the data); the Kasi and then the Kabid verify it; the Kasi drafts the reply
(a naskah dinas: paraf Kabid and Sekretaris, number from the Sekretariat, the Kadis's TTE, sent
and archived). Without one the case ends with a signed refusal letter, never with data."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import User
from dukcapil.workflow.permissions import Aksi, can
from dukcapil.workflow.services import (
    check_allowed,
    check_expected,
    move_work_items,
    record_checker,
    record_lock,
    record_transition,
)
from sekretariat.models import Disposisi, JenisNaskah, Naskah, StatusNaskah, SuratMasuk
from sekretariat.services.naskah import naskah_buat, naskah_buat_balasan
from sekretariat.services.surat_masuk import _first_card, _note

from ..models.kerjasama import Kerjasama, RuangLingkup, StatusKerjasama
from ..models.permintaan_data import JenisPermintaan, KolomData, MetodeKirim, PermintaanData, StatusPermintaan
from ..models.permintaan_data import sha256_valid as _sha256_valid
from .kerjasama import bidang_piak, kerjasama_aktif

S = StatusPermintaan
JENIS_BALASAN, JENIS_PENOLAKAN = "balasan-permintaan-data", "penolakan-permintaan-data"
LABEL = {
    "periksa": "Periksa PKS",
    "lapor": "Laporkan hasil pengolahan",
    "verifikasi": "Verifikasi dan teruskan ke Kabid",
    "setujui": "Setujui hasil pengolahan",
    "kembalikan": "Kembalikan ke ADB",
    "balasan": "Susun surat balasan",
    "selesaikan": "Selesaikan",
    "tutup_tolak": "Tutup dengan surat penolakan",
}


@dataclass(frozen=True)
class PermintaanBaru:
    surat_id: int
    jenis: str
    ruang_lingkup: str
    uraian: str
    disposisi_id: int | None = None


def surat_untuk_piak(user: User):
    """The letters disposed to someone of PIAK that have no case yet (PIAK's «buka dari daftar»)."""
    return (
        SuratMasuk.objects.filter(disposisi__kepada__bidang__kode="piak")
        .exclude(permintaan_data__isnull=False)
        .select_related("asal")
        .distinct()
        .order_by("-tanggal_terima", "-pk")
    )


def permintaan_buka(*, user: User, data: PermintaanBaru) -> PermintaanData:
    """The Kasi PIAK opens the case of a request letter disposed to PIAK (one case per letter)."""
    bidang = bidang_piak()
    if not can(user, Aksi.PERMINTAAN_PERIKSA, bidang.pk):
        raise BerkasForbidden("Hanya Kasi PIAK yang dapat membuka permintaan data.")
    if data.jenis not in JenisPermintaan.values:
        raise BerkasInvalid("Jenis permintaan tidak dikenal.", fields={"jenis": ["Pilih jenis permintaan."]})
    if data.ruang_lingkup not in RuangLingkup.values:
        raise BerkasInvalid("Hak akses yang diminta tidak dikenal.", fields={"ruang_lingkup": ["Pilih hak akses."]})
    if not data.uraian.strip():
        raise BerkasInvalid("Uraian permintaan wajib diisi.", fields={"uraian": ["Wajib diisi."]})
    with transaction.atomic():
        surat = (
            SuratMasuk.objects.select_for_update(of=("self",)).select_related("asal").filter(pk=data.surat_id).first()
        )
        if surat is None or not surat_untuk_piak(user).filter(pk=surat.pk).exists():
            if surat is not None and PermintaanData.objects.filter(surat=surat).exists():
                raise BerkasConflict("Surat ini sudah dibuka sebagai permintaan data.")
            raise BerkasInvalid("Surat tidak ditemukan di antara surat yang didisposisikan ke PIAK.")
        disposisi = None
        if data.disposisi_id is not None:
            disposisi = Disposisi.objects.filter(pk=data.disposisi_id, surat=surat).first()
            if disposisi is None:
                raise BerkasInvalid("Disposisi tidak sesuai dengan surat ini.")
        case = PermintaanData.objects.create(
            bidang=bidang,
            surat=surat,
            disposisi=disposisi,
            lembaga=surat.asal,
            jenis=data.jenis,
            ruang_lingkup=data.ruang_lingkup,
            uraian=data.uraian.strip(),
            dibuka_oleh=user,
        )
        _first_card(case, "buka", user, f"Dibuka dari surat {surat.nomor_surat}.")
        move_work_items([case], case.status_sejak)
    return case


_acting = record_checker(PermintaanData, labels=LABEL, lock_label="Permintaan data", related=("lembaga", "surat"))


def alasan_tanpa_pks(case: PermintaanData, today=None) -> str:
    """Why no agreement covers the request today (for the refusal letter and the case page)."""
    rows = list(Kerjasama.objects.filter(lembaga_id=case.lembaga_id).order_by("-berakhir"))
    if not rows:
        return f"{case.lembaga.nama} belum memiliki perjanjian kerja sama pemanfaatan data."
    berlaku = [k for k in rows if k.status == StatusKerjasama.BERLAKU]
    lingkup = RuangLingkup(case.ruang_lingkup).label
    if berlaku and not any(case.ruang_lingkup in k.ruang_lingkup for k in berlaku):
        return f"Perjanjian kerja sama yang berlaku tidak mencakup «{lingkup}»."
    return f"Tidak ada perjanjian kerja sama yang berlaku hari ini untuk «{lingkup}» (masa berlaku berakhir)."


def _surat_keluar(user: User, case: PermintaanData, kode: str, hal: str, isi: str) -> Naskah:
    """The letter to the lembaga through the naskah chain; a reply to the disposisi the user holds
    (sending it then closes that disposisi), else a konsep quoting the letter's number."""
    jenis = JenisNaskah.objects.get(kode=kode)
    surat, lembaga = case.surat, case.lembaga
    fields = {"tujuan_instansi": lembaga, "tujuan_nama": f"Pimpinan {lembaga.nama}", "tujuan_alamat": lembaga.alamat,
              "tujuan_email": lembaga.email}  # fmt: skip
    held = (
        Disposisi.objects.filter(surat=surat, kepada=user, status__in=Disposisi.TERBUKA_STATUSES)
        .exclude(naskah_balasan__isnull=False)
        .order_by("pk")
        .first()
    )
    isi = (
        f"<p>Menindaklanjuti surat Saudara nomor {escape(surat.nomor_surat)} perihal {escape(surat.perihal)}.</p>" + isi
    )
    if held is not None:
        return naskah_buat_balasan(user=user, disposisi_id=held.pk, jenis=jenis, hal=hal, isi=isi, **fields)
    naskah = naskah_buat(user=user, jenis=jenis, hal=hal, isi=isi, **fields)
    naskah.membalas_ref = surat.nomor_surat[:100]
    naskah.save(update_fields=["membalas_ref"])
    return naskah


def permintaan_periksa(*, user: User, pk: int, expected_status: str | None = None) -> PermintaanData:
    """The Kasi checks the agreement: in force today, with this lembaga, covering the access asked.
    Found: the case goes to the ADB. Not found: the refusal letter is drafted and the case waits for
    it to be signed and sent; no data leaves the office."""
    with transaction.atomic():
        case = record_lock(PermintaanData, pk, related=("lembaga", "surat"), label="Permintaan data")
        check_expected(case, expected_status)
        pks = kerjasama_aktif(case.lembaga_id, case.ruang_lingkup)
        if pks is not None:
            check_allowed(case, "teruskan", user, LABEL["periksa"])
            case.kerjasama = pks
            record_transition(case, "teruskan", user, f"PKS {pks.nomor} berlaku s.d. {pks.berakhir:%d-%m-%Y}.",
                              update_fields=["kerjasama"])  # fmt: skip
            return case
        check_allowed(case, "tolak", user, LABEL["periksa"])
        case.alasan_tolak = alasan_tanpa_pks(case)[:300]
        case.naskah = _surat_keluar(
            user, case, JENIS_PENOLAKAN, f"Penolakan permintaan data {case.lembaga.nama}"[:300],
            f"<p>{escape(case.alasan_tolak)} Permintaan data belum dapat kami penuhi.</p>"
            "<p>Pemanfaatan data kependudukan dapat dilaksanakan setelah perjanjian kerja sama ditandatangani "
            "para pihak. Demikian untuk menjadi maklum.</p>",
        )  # fmt: skip
        record_transition(case, "tolak", user, case.alasan_tolak, update_fields=["alasan_tolak", "naskah"])
    return case


@dataclass(frozen=True)
class HasilData:
    kolom: list[str]
    jumlah_record: int
    sha256: str
    metode: str


def permintaan_lapor(*, user: User, pk: int, data: HasilData, expected_status: str | None = None) -> PermintaanData:
    """The ADB records what left the office: which fields, how many records, the file's SHA-256 and
    the transfer method (the data itself is never stored here)."""
    errors: dict[str, list[str]] = {}
    kolom = [k for k in dict.fromkeys(data.kolom or []) if k]
    if not kolom or any(k not in KolomData.values for k in kolom):
        errors["kolom"] = ["Pilih kolom data yang dikirim."]
    if data.jumlah_record is None or data.jumlah_record < 0:
        errors["jumlah_record"] = ["Jumlah record wajib diisi (0 atau lebih)."]
    sha = (data.sha256 or "").strip().lower()
    try:
        _sha256_valid(sha)
    except ValidationError as exc:
        errors["sha256"] = exc.messages
    if data.metode not in MetodeKirim.values:
        errors["metode"] = ["Pilih cara pengiriman."]
    if errors:
        raise BerkasInvalid("Periksa catatan data yang keluar.", fields=errors)
    with transaction.atomic():
        case = _acting(user, pk, "lapor", expected_status)
        case.kolom, case.jumlah_record, case.sha256, case.metode = kolom, data.jumlah_record, sha, data.metode
        case.diolah_oleh = user
        note = f"{data.jumlah_record} record, {len(kolom)} kolom, {MetodeKirim(data.metode).label}."
        record_transition(case, "lapor", user, note,
                          update_fields=["kolom", "jumlah_record", "sha256", "metode", "diolah_oleh"])  # fmt: skip
    return case


def permintaan_aksi(
    *, user: User, pk: int, method: str, expected_status: str | None = None, catatan: str = ""
) -> PermintaanData:
    """verifikasi (Kasi), setujui (Kabid), kembalikan (to the ADB, with a note)."""
    if method not in ("verifikasi", "setujui", "kembalikan"):
        raise BerkasInvalid("Tindakan tidak dikenal.")
    note = _note(catatan)
    if method == "kembalikan" and not note:
        raise BerkasInvalid("Tulis apa yang harus diperbaiki.", fields={"catatan": ["Catatan wajib diisi."]})
    with transaction.atomic():
        case = _acting(user, pk, method, expected_status)
        record_transition(case, method, user, note)
    return case


def permintaan_susun_balasan(*, user: User, pk: int, expected_status: str | None = None) -> PermintaanData:
    """The Kasi drafts the reply after the Kabid's verification (P.6.3 step 5); it then goes through
    the naskah chain: paraf Kabid and Sekretaris, number, the Kadis's TTE, sent and archived."""
    with transaction.atomic():
        case = record_lock(PermintaanData, pk, related=("lembaga", "surat", "kerjasama"), label="Permintaan data")
        check_expected(case, expected_status)
        if case.status != S.BALASAN:
            raise BerkasConflict(f"Permintaan berstatus «{case.get_status_display()}»; balasan belum dapat disusun.")
        if not can(user, Aksi.PERMINTAAN_PERIKSA, case.bidang_id):
            raise BerkasForbidden("Hanya Kasi PIAK yang menyusun surat balasan permintaan data.")
        if case.naskah_id and Naskah.objects.filter(pk=case.naskah_id).exclude(status=StatusNaskah.DITARIK).exists():
            raise BerkasConflict("Surat balasan permintaan ini sudah disusun.")
        kolom = ", ".join(case.kolom_label())
        isi = (
            f"<p>Berdasarkan Perjanjian Kerja Sama Nomor {escape(case.kerjasama.nomor_dinas)}, data telah diolah: "
            f"{case.jumlah_record} record dengan kolom {escape(kolom)}, dikirim melalui "
            f"{escape(case.get_metode_display())}. Nilai hash SHA-256 berkas: {case.sha256}.</p>"
            "<p>Data agar dimanfaatkan sesuai ruang lingkup perjanjian dan dijaga kerahasiaannya.</p>"
        )
        case.naskah = _surat_keluar(
            user, case, JENIS_BALASAN, f"Penyampaian data kependudukan {case.lembaga.nama}"[:300], isi
        )
        case.save(update_fields=["naskah"])
    return case


def permintaan_selesaikan(*, user: User, pk: int, expected_status: str | None = None) -> PermintaanData:
    """Close the case once its letter (reply or refusal) is signed, sent and archived (two copies)."""
    with transaction.atomic():
        case = record_lock(PermintaanData, pk, related=("naskah",), label="Permintaan data")
        check_expected(case, expected_status)
        method = "tutup_tolak" if case.status == S.PENOLAKAN else "selesaikan"
        check_allowed(case, method, user, LABEL[method])
        naskah = case.naskah
        if naskah is None or naskah.status != StatusNaskah.ARSIP:
            keadaan = naskah.get_status_display() if naskah else "belum disusun"
            raise BerkasConflict(
                f"Surat belum dikirim dan diarsipkan (sekarang: «{keadaan}»); permintaan belum dapat diselesaikan."
            )
        record_transition(case, method, user, f"Surat {naskah.nomor_naskah} dikirim dan diarsipkan.")
    return case


# the transitions a page may offer, by method (what ``available`` asks the model)
TRANSISI = {
    "teruskan": LABEL["periksa"],
    "tolak": LABEL["periksa"],
    "lapor": LABEL["lapor"],
    "verifikasi": LABEL["verifikasi"],
    "setujui": LABEL["setujui"],
    "kembalikan": LABEL["kembalikan"],
    "selesaikan": LABEL["selesaikan"],
    "tutup_tolak": LABEL["tutup_tolak"],
}


def can_buka(user: User) -> bool:
    from dukcapil.workflow.permissions import can_in_bidang

    return can_in_bidang(user, Aksi.PERMINTAAN_PERIKSA, "piak")


def untuk_disposisi(disposisi: Disposisi, user: User) -> dict:
    """What the disposisi page shows of PIAK: the case of its letter, or «Buka permintaan data»."""
    case = (
        PermintaanData.objects.filter(surat_id=disposisi.surat_id)
        .select_related(None)
        .only("pk", "status", "dibuka_pada")
        .first()
    )
    return {"case": case, "boleh_buka": case is None and disposisi.kepada_id == user.pk and can_buka(user)}
