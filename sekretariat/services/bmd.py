"""State changes of BMD (barang milik daerah): rooms, KIR lines (with history), the all-or-nothing
import, the moves between rooms and the usulan pemeliharaan / penghapusan.

Steps and times: Lumajang «Prosedur Penyusunan Inventaris Ruangan» (the Staf types and matches the
list with the assets; the Kasubag Umum checks it, 2 hari; the Sekretaris initials, 10 menit; the
Kaban/Kadis signs, 10 menit) and Probolinggo P1.3.2 «Penatausahaan BMD» (the pengurus barang keeps
the KIR and the labels; rusak ringan → pemeliharaan; rusak berat → usulan penghapusan to the Kadis,
then BPPKAD's SK penghapusan, after which the barang leaves the KIR)."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import escape

from dukcapil.choices import Role
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import SOP, Bidang, User
from dukcapil.workflow.permissions import Aksi, can, can_in_bidang
from dukcapil.workflow.services import check_allowed, check_expected, move_work_items, record_lock, record_transition

from ..forms.bmd import BARANG_FIELDS, BarangImporForm
from ..impor import ImporGagal, baca_tabel
from ..models.bmd import Barang, JenisUsulanBmd, KondisiBarang, MutasiBarang, Ruangan, StatusUsulanBmd, UsulanBmd
from ..models.naskah import JenisNaskah
from .naskah import naskah_buat
from .surat_masuk import BIDANG_SEKRETARIAT, _first_card, _note, _notify

MAX_BARIS = 2000
JENIS_NASKAH_USULAN = "surat-usulan-bmd"
SOP_KIR = "Penyusunan Inventaris Ruangan"
# SOP step (urutan) → the state the usulan is in while that step is worked on
SOP_STEP_STATUS = {3: StatusUsulanBmd.KASUBAG, 4: StatusUsulanBmd.SEKRETARIS, 5: StatusUsulanBmd.KADIS}
NASKAH_TERKIRIM = ("terbit", "terkirim", "arsip")
TUJUAN_USULAN = "Kepala Badan Pengelolaan Keuangan dan Aset Daerah"
# the import's columns (header row; «jumlah», «merk_type», «bahan», «keterangan» may be absent)
KOLOM_IMPOR = BARANG_FIELDS
DUPLIKAT = "Kode barang {kode} dengan nomor register {reg} sudah ada di KIR ruangan ini."


def pengurus_barang(user) -> bool:
    return can_in_bidang(user, Aksi.BMD_KELOLA, BIDANG_SEKRETARIAT)


def _kelola(user) -> None:
    if not pengurus_barang(user):
        raise BerkasForbidden("Hanya pengurus barang Sekretariat yang dapat mengubah KIR.")


def _ruangan(pk: int) -> Ruangan:
    ruangan = Ruangan.objects.filter(pk=pk).first()
    if ruangan is None:
        raise BerkasInvalid("Ruangan tidak ditemukan.")
    return ruangan


def _duplikat(ruangan_id: int, kode: str, reg: str, exclude: int | None = None) -> None:
    others = Barang.objects.filter(ruangan_id=ruangan_id, kode_barang=kode, nomor_register=reg, dihapus=False)
    if others.exclude(pk=exclude).exists():
        message = DUPLIKAT.format(kode=kode, reg=reg)
        raise BerkasInvalid(message, fields={"nomor_register": [message]})


def ruangan_tambah(*, user, kode: str, nama: str, penanggung_jawab: User | None) -> Ruangan:
    _kelola(user)
    kode, nama = kode.strip(), nama.strip()
    if not kode or not nama:
        raise BerkasInvalid("Kode dan nama ruangan wajib diisi.")
    if Ruangan.objects.filter(kode=kode).exists():
        raise BerkasInvalid(f"Kode ruangan {kode} sudah dipakai.", fields={"kode": ["Kode ruangan sudah dipakai."]})
    return Ruangan.objects.create(kode=kode, nama=nama, penanggung_jawab=penanggung_jawab)


def barang_tambah(*, user, ruangan_id: int, data: dict) -> Barang:
    """A new KIR line (``data``: the cleaned BarangForm fields)."""
    _kelola(user)
    with transaction.atomic():
        ruangan = Ruangan.objects.select_for_update().filter(pk=ruangan_id).first()
        if ruangan is None:
            raise BerkasInvalid("Ruangan tidak ditemukan.")
        _duplikat(ruangan.pk, data["kode_barang"], data["nomor_register"])
        barang = Barang(ruangan=ruangan, **{k: data[k] for k in BARANG_FIELDS})
        try:
            barang.full_clean(exclude=["ruangan"], validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            raise BerkasInvalid(" ".join(exc.messages), fields=exc.message_dict) from None
        barang._history_user = user
        barang.save()
    return barang


def barang_ubah(*, user, pk: int, data: dict) -> Barang:
    """Change a KIR line; only the fields that changed are written (and shown in its history)."""
    _kelola(user)
    with transaction.atomic():
        barang = Barang.objects.select_for_update().filter(pk=pk, dihapus=False).first()
        if barang is None:
            raise BerkasInvalid("Barang tidak ditemukan atau sudah dihapus.")
        changed = [name for name in BARANG_FIELDS if getattr(barang, name) != data[name]]
        if not changed:
            return barang
        _duplikat(barang.ruangan_id, data["kode_barang"], data["nomor_register"], exclude=barang.pk)
        for name in changed:
            setattr(barang, name, data[name])
        barang._history_user = user
        _save_unique(barang, changed)
    return barang


def _save_unique(barang: Barang, fields: list[str]) -> None:
    """Save; a same kode + register written meanwhile by someone else is a conflict, not a 500."""
    try:
        with transaction.atomic():
            barang.save(update_fields=fields)
    except IntegrityError:
        raise BerkasConflict(
            DUPLIKAT.format(kode=barang.kode_barang, reg=barang.nomor_register) + " Muat ulang halaman."
        ) from None


def barang_impor(*, user, ruangan_id: int, nama_berkas: str, data: bytes) -> int:
    """Import KIR lines into a room: every row checked (kode barang, register, kondisi, numbers and
    duplicates); any bad row refuses the whole file with each bad row named by its line."""
    _kelola(user)
    ruangan = _ruangan(ruangan_id)
    header, body = baca_tabel(nama_berkas, data, MAX_BARIS)
    wajib = ["kode_barang", "nomor_register", "nama", "tahun_perolehan", "kondisi", "harga_perolehan"]
    kurang = [k for k in wajib if k not in header]
    if kurang:
        raise BerkasInvalid(f"Kolom tidak ada: {', '.join(kurang)}. Lihat daftar kolom di halaman impor.")
    ada = set(Barang.objects.filter(ruangan=ruangan, dihapus=False).values_list("kode_barang", "nomor_register"))
    errors: list[str] = []
    rows: list[dict] = []
    seen: dict[tuple[str, str], int] = {}
    for line, cells in body:
        values = {name: ("" if cell is None else str(cell).strip()) for name, cell in zip(header, cells, strict=False)}
        values.setdefault("jumlah", "1")
        values["jumlah"] = values["jumlah"] or "1"
        form = BarangImporForm({k: values.get(k, "") for k in BARANG_FIELDS})
        if not form.is_valid():
            detail = "; ".join(
                f"{form.fields[name].label if name in form.fields else 'baris'}: {' '.join(msgs)}"
                for name, msgs in form.errors.items()
            )
            errors.append(f"Baris {line}: {detail}")
            continue
        key = (form.cleaned_data["kode_barang"], form.cleaned_data["nomor_register"])
        if key in ada:
            errors.append(f"Baris {line}: " + DUPLIKAT.format(kode=key[0], reg=key[1]))
        elif key in seen:
            errors.append(f"Baris {line}: kode barang {key[0]} register {key[1]} sudah ada di baris {seen[key]}.")
        else:
            seen[key] = line
            rows.append(form.cleaned_data)
    if errors:
        raise ImporGagal(errors)
    if not rows:
        raise BerkasInvalid("Berkas tidak berisi baris barang.")
    made = []
    for data_row in rows:
        barang = Barang(ruangan=ruangan, **{k: data_row[k] for k in BARANG_FIELDS})
        barang._history_user = user
        made.append(barang)
    try:
        with transaction.atomic():
            for barang in made:
                barang.save()
    except IntegrityError:
        raise BerkasConflict("KIR ruangan ini baru saja diubah orang lain; unggah ulang berkasnya.") from None
    return len(made)


def barang_mutasi(*, user, pk: int, dari_id: int, ke_id: int, tanggal: date, alasan: str) -> MutasiBarang:
    """Move a barang to another room. ``dari_id`` is the room the page showed: if someone moved the
    barang meanwhile, nothing happens (409) and the user is told where it is now."""
    _kelola(user)
    alasan = _note(alasan)
    if not alasan:
        raise BerkasInvalid("Alasan mutasi wajib diisi.", fields={"alasan": ["Alasan wajib diisi."]})
    if tanggal > timezone.localdate():
        raise BerkasInvalid("Tanggal mutasi tidak boleh sesudah hari ini.", fields={"tanggal": ["Tanggal salah."]})
    if dari_id == ke_id:
        raise BerkasInvalid("Ruangan tujuan sama dengan ruangan asal.", fields={"ke": ["Pilih ruangan lain."]})
    ke = _ruangan(ke_id)
    with transaction.atomic():
        # no join under the lock: a concurrent move changes ruangan_id, and PostgreSQL's re-check of the
        # waiting row against the old joined room would drop it (the loser would read «not found»)
        barang = Barang.objects.select_for_update().filter(pk=pk).first()
        if barang is None or barang.dihapus:
            raise BerkasInvalid("Barang tidak ditemukan atau sudah dihapus.")
        if barang.ruangan_id != dari_id:
            last = barang.mutasi.select_related("dicatat_oleh").first()
            who = f" oleh {last.dicatat_oleh}" if last else ""
            raise BerkasConflict(
                f"{barang.nama} baru saja dipindahkan{who}; sekarang di ruangan {barang.ruangan}. "
                "Mutasi Anda tidak dijalankan. Muat ulang halaman."
            )
        _duplikat(ke.pk, barang.kode_barang, barang.nomor_register)
        mutasi = MutasiBarang.objects.create(
            barang=barang, tanggal=tanggal, dari_id=dari_id, ke=ke, alasan=alasan, dicatat_oleh=user
        )
        barang.ruangan = ke
        barang._history_user = user
        barang._change_reason = f"Mutasi ke {ke}: {alasan}"[:100]
        _save_unique(barang, ["ruangan"])
    return mutasi


# --- usulan pemeliharaan / penghapusan ------------------------------------------------------


def standar_waktu() -> dict[str, int]:
    """Standard minutes per state from the catalogue's SOP of the inventaris ruangan (empty if absent)."""
    sop = SOP.objects.filter(nama__icontains=SOP_KIR).select_related("kantor").prefetch_related("langkah").first()
    result: dict[str, int] = {}
    for step in sop.langkah.all() if sop else ():
        status = SOP_STEP_STATUS.get(step.urutan)
        if status and (minutes := step.waktu_menit(sop.kantor.menit_kerja_per_hari)) is not None:
            result[status] = minutes
    return result


def _syarat_kondisi(jenis: str, barang: list[Barang]) -> None:
    """P1.3.2: rusak berat → penghapusan; rusak ringan → pemeliharaan."""
    if jenis == JenisUsulanBmd.PENGHAPUSAN:
        salah = [b for b in barang if b.kondisi != KondisiBarang.RB]
        if salah:
            raise BerkasInvalid(
                "Penghapusan hanya untuk barang berkondisi Rusak Berat: " + ", ".join(str(b) for b in salah) + "."
            )
    elif [b for b in barang if b.kondisi == KondisiBarang.B]:
        raise BerkasInvalid("Pemeliharaan diusulkan untuk barang yang rusak, bukan yang berkondisi Baik.")


def usulan_bmd_buat(*, user, jenis: str, barang_ids: list[int], alasan: str) -> UsulanBmd:
    """The pengurus barang (any room) or a room's penanggung jawab (their room) drafts an usulan."""
    if jenis not in JenisUsulanBmd.values:
        raise BerkasInvalid("Jenis usulan tidak dikenal.")
    alasan = _note(alasan)
    if not alasan:
        raise BerkasInvalid("Alasan usulan wajib diisi.", fields={"alasan": ["Alasan wajib diisi."]})
    if not barang_ids:
        raise BerkasInvalid("Pilih paling sedikit satu barang.", fields={"barang": ["Pilih barang."]})
    with transaction.atomic():
        barang = list(Barang.objects.select_for_update().filter(pk__in=barang_ids).order_by("pk"))
        if len(barang) != len(set(barang_ids)) or any(b.dihapus for b in barang):
            raise BerkasInvalid("Ada barang yang tidak ditemukan atau sudah dihapus.")
        pj = dict(Ruangan.objects.filter(barang__in=barang).values_list("pk", "penanggung_jawab_id"))
        if not pengurus_barang(user) and any(pj[b.ruangan_id] != user.pk for b in barang):
            raise BerkasForbidden("Hanya pengurus barang atau penanggung jawab ruangan yang dapat mengusulkan.")
        _syarat_kondisi(jenis, barang)
        open_ones = UsulanBmd.objects.exclude(status=StatusUsulanBmd.SELESAI).filter(barang__in=barang)
        if dipakai := open_ones.values_list("barang__nama", flat=True).distinct():
            raise BerkasConflict(f"Barang sudah ada dalam usulan yang belum selesai: {', '.join(dipakai)}.")
        usulan = UsulanBmd.objects.create(
            bidang=Bidang.objects.get(kode=BIDANG_SEKRETARIAT),
            jenis=jenis,
            alasan=alasan,
            diusulkan_oleh=user,
            standar_waktu=standar_waktu(),
        )
        usulan.barang.set(barang)
        _first_card(usulan, "buat", user, alasan)
        move_work_items([usulan], usulan.status_sejak)
    return usulan


LABEL = {
    "ajukan": "Ajukan ke Kasubag Umum",
    "periksa": "Periksa dan teruskan ke Sekretaris",
    "paraf": "Paraf dan teruskan ke Kadis",
    "setujui": "Setujui dan buat surat usulan",
    "kembalikan": "Kembalikan ke pengusul",
}


def _isi_surat(usulan: UsulanBmd) -> str:
    rows = "".join(
        f"<tr><td>{escape(b.kode_barang)}</td><td>{escape(b.nomor_register)}</td><td>{escape(b.nama)}</td>"
        f"<td>{escape(b.merk_type)}</td><td>{b.tahun_perolehan}</td><td>{escape(b.get_kondisi_display())}</td></tr>"
        for b in usulan.barang.all()
    )
    jenis = usulan.get_jenis_display().lower()
    return (
        f"<p>Dengan hormat, bersama ini kami usulkan {jenis} barang milik daerah pada Dinas Kependudukan "
        f"dan Pencatatan Sipil sebagai berikut:</p>"
        f"<table><tr><td>Kode barang</td><td>Register</td><td>Nama barang</td><td>Merk/type</td>"
        f"<td>Tahun</td><td>Kondisi</td></tr>{rows}</table>"
        f"<p>Alasan: {escape(usulan.alasan)}</p>"
        "<p>Demikian usulan ini disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.</p>"
    )


def _penyusun_surat(usulan: UsulanBmd) -> User:
    """The surat usulan is a konsep of the pengusul, or of the Kasubag Umum if they may not draft letters."""
    pengusul = usulan.diusulkan_oleh
    if can(pengusul, Aksi.KONSEP_NASKAH, usulan.bidang_id):
        return pengusul
    kasubag = User.objects.filter(is_active=True, groups__name=Role.KASUBAG.label, bidang_id=usulan.bidang_id)
    return kasubag.order_by("pk").first() or pengusul


def usulan_bmd_aksi(*, user, pk: int, method: str, expected_status: str | None = None, catatan: str = "") -> UsulanBmd:
    """One step of the chain (ajukan, periksa, paraf, setujui, kembalikan). The Kadis's approval
    drafts the surat usulan to BPKAD as a konsep of the naskah chain."""
    if method not in LABEL:
        raise BerkasInvalid("Tindakan tidak dikenal.")
    note = _note(catatan)
    if method == "kembalikan" and not note:
        raise BerkasInvalid("Tulis apa yang harus diperbaiki.", fields={"catatan": ["Catatan wajib diisi."]})
    with transaction.atomic():
        usulan = record_lock(UsulanBmd, pk, related=["diusulkan_oleh"], label="Usulan")
        check_expected(usulan, expected_status)
        check_allowed(usulan, method, user, LABEL[method])
        fields = []
        if method == "setujui":
            usulan.naskah = naskah_buat(
                user=_penyusun_surat(usulan),
                jenis=JenisNaskah.objects.get(kode=JENIS_NASKAH_USULAN),
                hal=f"Usulan {usulan.get_jenis_display().lower()} barang milik daerah",
                isi=_isi_surat(usulan),
                tujuan_nama=TUJUAN_USULAN,
            )
            fields = ["naskah"]
        record_transition(usulan, method, user, note, update_fields=fields)
        if method in ("kembalikan", "setujui"):
            judul = f"{usulan.judul} {usulan.nomor} " + ("dikembalikan" if method == "kembalikan" else "disetujui")
            pesan = note or "Surat usulan sudah dibuat sebagai konsep naskah."
            _notify([usulan.diusulkan_oleh], judul=judul, pesan=pesan, url=usulan.get_absolute_url(), record=usulan)
    return usulan


def usulan_bmd_catat_keputusan(
    *,
    user,
    pk: int,
    nomor: str,
    tanggal: date,
    penerbit: str,
    hasil: str = "",
    biaya: Decimal | None = None,
    kondisi_baru: str = "",
    expected_status: str | None = None,
) -> UsulanBmd:
    """Record the outside decision (SK/BA of BPKAD or the Bupati). Penghapusan: the barang leave the
    KIR with the SK's reference. Pemeliharaan: the result, its cost and the barang's new kondisi."""
    nomor, penerbit = (nomor or "").strip(), (penerbit or "").strip()
    if not nomor or not tanggal or not penerbit:
        raise BerkasInvalid("Nomor, tanggal dan penerbit SK/BA wajib diisi.")
    if tanggal > timezone.localdate():
        raise BerkasInvalid("Tanggal SK/BA tidak boleh sesudah hari ini.")
    with transaction.atomic():
        usulan = record_lock(UsulanBmd, pk, related=["naskah"], label="Usulan")
        check_expected(usulan, expected_status)
        check_allowed(usulan, "catat_keputusan", user, "Catat keputusan")
        if usulan.naskah is None or usulan.naskah.status not in NASKAH_TERKIRIM:
            raise BerkasConflict("Surat usulan belum ditandatangani dan dikirim; keputusan belum dapat dicatat.")
        pemeliharaan = usulan.jenis == JenisUsulanBmd.PEMELIHARAAN
        if pemeliharaan and (not hasil.strip() or biaya is None or kondisi_baru not in KondisiBarang.values):
            raise BerkasInvalid("Untuk pemeliharaan, isi hasil, biaya dan kondisi barang sesudahnya.")
        usulan.nomor_keputusan, usulan.tanggal_keputusan, usulan.penerbit_keputusan = nomor, tanggal, penerbit
        fields = ["nomor_keputusan", "tanggal_keputusan", "penerbit_keputusan"]
        if pemeliharaan:
            usulan.hasil, usulan.biaya, usulan.kondisi_baru = hasil.strip(), biaya, kondisi_baru
            fields += ["hasil", "biaya", "kondisi_baru"]
        record_transition(usulan, "catat_keputusan", user, f"SK/BA {nomor}", update_fields=fields)
        for barang in Barang.objects.select_for_update().filter(usulan=usulan):
            barang._history_user = user
            if pemeliharaan:
                barang.kondisi = kondisi_baru
                barang._change_reason = f"Pemeliharaan, BA {nomor}"[:100]
                barang.save(update_fields=["kondisi"])
            else:
                barang.dihapus, barang.sk_penghapusan, barang.tanggal_sk_penghapusan = True, nomor, tanggal
                barang._change_reason = f"Dihapus dengan SK {nomor}"[:100]
                barang.save(update_fields=["dihapus", "sk_penghapusan", "tanggal_sk_penghapusan"])
    return usulan
