"""State changes of a naskah dinas keluar. Every user path locks the row, refuses a stale page
(409), a state that does not allow it (409) or a role the permissions table does not grant (403),
then runs the transition declared on ``Naskah`` through the workflow core (kartu kendali + work
items). Notifications and emails are outbox rows written in the same transaction."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from dukcapil.choices import Role
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import SOP, Bidang, Dokumen
from dukcapil.tte.services import dokumen_revoke
from dukcapil.workflow.permissions import Aksi, can, grants
from dukcapil.workflow.services import check_allowed, check_expected, record_lock, record_transition

from ..models.naskah import (
    Ekspedisi,
    JenisNaskah,
    KlasifikasiArsip,
    Naskah,
    NomorNaskahUrut,
    ParafNaskah,
    PengaturanNaskah,
    StatusNaskah,
    VersiNaskah,
)
from ..naskah_markup import sanitize

User = get_user_model()
S = StatusNaskah
SOP_SURAT_KELUAR = "Pengagendaan Surat Keluar"  # Lumajang "Prosedur Pengagendaan Surat Keluar"
# who performs an SOP step → the naskah state that step is
_SOP_PERAN_STATUS = {"kasubag": S.PERIKSA, "sekretaris": S.PARAF, "staf": S.PENOMORAN, "kadis": S.TTE}
EDITABLE = (
    "hal",
    "sifat",
    "lampiran",
    "tujuan_instansi",
    "tujuan_nama",
    "tujuan_alamat",
    "tujuan_email",
    "tembusan",
    "isi",
    "data",
)


# Records that follow their letter (an approved cuti waits for its surat izin): each callable is run
# with (naskah=, system=) in the transaction that publishes a signed naskah (``Naskah.signing_completed``).
SETELAH_TERBIT: list = []


def naskah_setelah_terbit(*, naskah: Naskah, system) -> None:
    for follower in SETELAH_TERBIT:
        follower(naskah=naskah, system=system)


def _required(text: str, message: str) -> str:
    if not text.strip():
        raise BerkasInvalid(message)
    return text.strip()


def _lock(pk: int) -> Naskah:
    return record_lock(Naskah, pk, related=("jenis", "bidang"), label="Naskah")


@contextmanager
def _acting(pk: int, expected_status: str | None, user=None, method: str = "", label: str = "") -> Iterator[Naskah]:
    """One transaction: the naskah locked, the page's state checked, then (with ``method``) the FSM
    state and the permissions table."""
    with transaction.atomic():
        naskah = _lock(pk)
        check_expected(naskah, expected_status)
        if method:
            check_allowed(naskah, method, user, label)
        yield naskah


def standar_waktu() -> dict[str, int]:
    """Standard minutes per state from the catalogue's SOP for outgoing letters (empty if not loaded)."""
    sop = SOP.objects.filter(nama__icontains=SOP_SURAT_KELUAR).prefetch_related("langkah").first()
    result: dict[str, int] = {}
    for step in sop.langkah.all() if sop else ():
        minutes = step.waktu_menit()
        for peran in step.peran:
            if (status := _SOP_PERAN_STATUS.get(peran)) and minutes is not None:
                result[status] = result.get(status, 0) + minutes
    return result


def _clean_data(jenis: JenisNaskah, data: dict) -> dict:
    cleaned = {}
    for field in jenis.isian:
        value = str((data or {}).get(field["nama"], "") or "").strip()
        if field.get("wajib") and not value:
            raise BerkasInvalid(f"Isian «{field['label']}» wajib diisi untuk {jenis.nama}.")
        cleaned[field["nama"]] = value
    return cleaned


def _snapshot(naskah: Naskah, user, peristiwa: str, catatan: str = "") -> VersiNaskah:
    last = naskah.versi.order_by("-nomor_versi").values_list("nomor_versi", flat=True).first() or 0
    return VersiNaskah.objects.create(
        naskah=naskah,
        nomor_versi=last + 1,
        hal=naskah.hal,
        isi=naskah.isi,
        data=naskah.data,
        peristiwa=peristiwa,
        catatan=catatan,
        oleh=user,
    )


def _notify(recipients, *, judul: str, pesan: str, naskah: Naskah) -> None:
    from dukcapil.notifikasi.services import notify

    recipients = [u for u in recipients if u.is_active]
    if recipients:
        notify(recipients, judul=judul, pesan=pesan, url=naskah.get_absolute_url(), record=naskah)


def _holders(role: Role):
    return User.objects.filter(groups__name=role.label, is_active=True)


# --- konsep -------------------------------------------------------------------------------------


def naskah_buat(*, user, jenis: JenisNaskah, hal: str, isi: str = "", data: dict | None = None, **fields) -> Naskah:
    """A new konsep from the jenis's template, in the author's bidang (the Sekretariat's for office-wide staff)."""
    bidang = user.bidang if user.bidang_id else Bidang.objects.get(kode="sekretariat")
    if not can(user, Aksi.KONSEP_NASKAH, bidang.pk):
        raise BerkasForbidden("Peran Anda tidak berwenang menyusun konsep naskah dinas.")
    if not hal.strip():
        raise BerkasInvalid("Hal naskah wajib diisi.")
    extra = {k: v for k, v in fields.items() if k in EDITABLE}
    return Naskah.objects.create(
        jenis=jenis,
        bidang=bidang,
        hal=hal.strip(),
        isi=sanitize(isi or jenis.templat_isi),
        data=_clean_data(jenis, data or {}),
        pembuat=user,
        standar_waktu=standar_waktu(),
        **extra,
    )


def naskah_bulanan_buat(
    *, model, user, tahun: int, bulan: int, jenis_kode: str, hal: str, isi: str, label: str, **fields
):
    """The month's one report row of ``model`` (a ``NaskahBulanan``) drawn up as a naskah konsep;
    the naskah chain does the rest. A withdrawn naskah may be replaced by a new one."""
    jenis = JenisNaskah.objects.filter(kode=jenis_kode).first()
    if jenis is None:
        raise BerkasInvalid(f"Jenis naskah «{jenis_kode}» belum tersedia.")
    with transaction.atomic():
        row, _ = model.objects.select_for_update().get_or_create(
            tahun=tahun, bulan=bulan, defaults={"dibuat_oleh": user}
        )
        if row.naskah_id and row.naskah.status != S.DITARIK:
            raise BerkasConflict(f"{label} bulan ini sudah diajukan ({row.naskah.get_status_display()}).")
        row.naskah = naskah_buat(user=user, jenis=jenis, hal=hal, isi=isi, **fields)
        row.dibuat_oleh = user
        row.save(update_fields=["naskah", "dibuat_oleh"])
    return row


def balasan_awal(disposisi) -> dict:
    """The konsep's fields prefilled from the letter a disposisi is about (the reply's starting point)."""
    surat = disposisi.surat
    asal = surat.asal
    return {
        "tujuan_instansi": asal,
        "tujuan_nama": asal.nama,
        "tujuan_alamat": asal.alamat,
        "tujuan_email": asal.email,
        "hal": f"Balasan atas surat nomor {surat.nomor_surat} perihal {surat.perihal}"[:300],
        "sifat": Naskah.Sifat.RAHASIA if surat.rahasia else Naskah.Sifat.BIASA,
    }


def naskah_buat_balasan(*, user, disposisi_id: int, jenis: JenisNaskah, hal: str, **fields) -> Naskah:
    """A konsep answering the surat masuk of a disposisi the user holds; sending it (kirim) closes
    that disposisi. One reply in progress per disposisi; a reply to a rahasia letter is rahasia."""
    from ..models import Disposisi

    with transaction.atomic():
        disposisi = record_lock(Disposisi, disposisi_id, related=("surat",), label="Disposisi")
        if disposisi.kepada_id != user.pk:
            raise BerkasForbidden("Hanya penerima disposisi ini yang dapat menyusun balasannya.")
        if not disposisi.terbuka:
            raise BerkasConflict(
                f"Disposisi ini berstatus «{disposisi.get_status_display()}»; balasan tidak dapat disusun lagi."
            )
        other = disposisi.naskah_balasan.exclude(status=S.DITARIK).first()
        if other is not None:
            raise BerkasConflict(
                f"Disposisi ini sudah dibalas dengan naskah {other.nomor} ({other.get_status_display()})."
            )
        surat = disposisi.surat
        if surat.rahasia:
            fields["sifat"] = Naskah.Sifat.RAHASIA
        naskah = naskah_buat(user=user, jenis=jenis, hal=hal, **fields)
        naskah.membalas_disposisi = disposisi
        naskah.membalas_ref = surat.nomor_surat[:100]
        naskah.save(update_fields=["membalas_disposisi", "membalas_ref"])
    return naskah


def naskah_ubah(*, pk: int, user, expected_status: str | None = S.KONSEP, **fields) -> Naskah:
    """Edit the konsep (only while it is a konsep)."""
    with _acting(pk, expected_status) as naskah:
        if naskah.status != S.KONSEP:
            raise BerkasConflict("Naskah hanya dapat diubah selama berstatus «Konsep».")
        if not can(user, Aksi.KONSEP_NASKAH, naskah.bidang_id):
            raise BerkasForbidden("Peran Anda tidak berwenang mengubah konsep naskah ini.")
        changed = []
        for name, value in fields.items():
            if name not in EDITABLE:
                continue
            if name == "isi":
                value = sanitize(value)
            elif name == "data":
                value = _clean_data(naskah.jenis, value)
            elif name == "hal" and not str(value).strip():
                raise BerkasInvalid("Hal naskah wajib diisi.")
            setattr(naskah, name, value)
            changed.append(name)
        naskah.save(update_fields=changed)
    return naskah


def naskah_ajukan(*, pk: int, user, expected_status: str | None = None) -> Naskah:
    """Submit the konsep for checking; its text is kept as a new version."""
    with _acting(pk, expected_status, user, "ajukan", "Ajukan untuk diperiksa") as naskah:
        _snapshot(naskah, user, "diajukan")
        record_transition(naskah, "ajukan", user, "Konsep diajukan untuk diperiksa.")
    return naskah


def naskah_setujui(*, pk: int, user, expected_status: str | None = None, note: str = "") -> Naskah:
    """The Kasubag (periksa) accepts the konsep; it goes to paraf koordinasi (or straight to the
    Agendaris when its route needs no paraf)."""
    with _acting(pk, expected_status, user, "setujui", "Setujui hasil pemeriksaan") as naskah:
        record_transition(naskah, "setujui", user, note or "Konsep diperiksa dan disetujui.")
        if not rute_paraf(naskah):
            record_transition(naskah, "paraf_lengkap", user, "Rute naskah ini tanpa paraf koordinasi.")
    return naskah


def naskah_kembalikan(*, pk: int, user, catatan: str, expected_status: str | None = None) -> Naskah:
    """Return the konsep to its author with a note (periksa, paraf or the Kadis); the author is told."""
    catatan = _required(catatan, "Catatan pengembalian wajib diisi.")
    with _acting(pk, expected_status, user, "kembalikan", "Kembalikan konsep") as naskah:
        _snapshot(naskah, user, f"dikembalikan dari «{naskah.get_status_display()}»", catatan)
        record_transition(naskah, "kembalikan", user, catatan, update_fields=["putaran"])
        _notify(
            [naskah.pembuat],
            judul=f"Konsep dikembalikan: {naskah.hal}",
            pesan=f"{user.get_full_name() or user.username} mengembalikan konsep: {catatan}",
            naskah=naskah,
        )
    return naskah


# --- paraf koordinasi ---------------------------------------------------------------------------


def rute_paraf(naskah: Naskah) -> list[str]:
    """The roles whose paraf the naskah needs, in order. The Sekretariat has no Kabid: its letters
    skip the Kabid's paraf."""
    route = [r for r in naskah.jenis.rute_paraf if r in Role.values]
    if naskah.bidang.kode == "sekretariat":
        route = [r for r in route if r != Role.KABID]
    return route


def paraf_kurang(naskah: Naskah) -> list[str]:
    done = set(naskah.paraf.filter(putaran=naskah.putaran).values_list("peran", flat=True))
    return [r for r in rute_paraf(naskah) if r not in done]


def naskah_paraf(*, pk: int, user, expected_status: str | None = None, catatan: str = "") -> Naskah:
    """Record the user's paraf koordinasi (the next role on the route); the last paraf sends the
    naskah to the Agendaris for its number."""
    with _acting(pk, expected_status, user, "paraf_lengkap", "Paraf koordinasi") as naskah:
        missing = paraf_kurang(naskah)
        roles = {r.value for r in grants(user).roles}
        if not missing:
            raise BerkasConflict("Paraf koordinasi naskah ini sudah lengkap.")
        if missing[0] not in roles:
            if any(r in roles for r in missing):
                raise BerkasConflict(f"Naskah ini menunggu paraf {Role(missing[0]).label} lebih dahulu.")
            raise BerkasForbidden("Rute paraf naskah ini tidak memerlukan paraf Anda.")
        ParafNaskah.objects.create(
            naskah=naskah, peran=missing[0], pengguna=user, putaran=naskah.putaran, catatan=catatan[:300]
        )
        if len(missing) == 1:
            record_transition(naskah, "paraf_lengkap", user, "Paraf koordinasi lengkap.")
    return naskah


# --- nomor --------------------------------------------------------------------------------------


def format_nomor(*, kode: str, nomor: int, tahun: int) -> str:
    pengaturan = PengaturanNaskah.objects.first() or PengaturanNaskah()
    return pengaturan.format_nomor.format(kode=kode, nomor=nomor, unit=pengaturan.kode_unit, tahun=tahun)


def _next_number(tahun: int) -> int:
    """The year's next number under the counter row's lock (rolled back with the transaction)."""
    NomorNaskahUrut.objects.bulk_create([NomorNaskahUrut(tahun=tahun)], ignore_conflicts=True)
    counter = NomorNaskahUrut.objects.select_for_update().get(tahun=tahun)
    counter.terakhir += 1
    counter.save(update_fields=["terakhir"])
    return counter.terakhir


def naskah_beri_nomor(
    *,
    pk: int,
    user,
    klasifikasi: KlasifikasiArsip | None = None,
    tanggal: date | None = None,
    expected_status: str | None = None,
) -> Naskah:
    """The Agendaris numbers the naskah and dates it; it then waits for the Kadis's TTE. A naskah
    returned after numbering keeps its number."""
    with _acting(pk, expected_status) as naskah:
        if naskah.status == S.PERIKSA:
            raise BerkasConflict("Naskah belum dapat diberi nomor dan ditandatangani: belum diperiksa Kasubag.")
        if naskah.status == S.PARAF:
            names = ", ".join(Role(r).label for r in paraf_kurang(naskah))
            raise BerkasConflict(f"Naskah belum dapat diberi nomor dan ditandatangani: belum diparaf {names}.")
        check_allowed(naskah, "beri_nomor", user, "Beri nomor naskah")
        tanggal = tanggal or timezone.localdate()
        fields = ["tanggal_naskah"]
        if not naskah.nomor_naskah:
            if klasifikasi is None:
                raise BerkasInvalid("Kode klasifikasi arsip wajib dipilih.")
            naskah.klasifikasi = klasifikasi
            naskah.tahun_nomor = tanggal.year
            naskah.nomor_urut = _next_number(tanggal.year)
            naskah.nomor_naskah = format_nomor(kode=klasifikasi.kode, nomor=naskah.nomor_urut, tahun=tanggal.year)
            fields += ["klasifikasi", "tahun_nomor", "nomor_urut", "nomor_naskah"]
            note = f"Diberi nomor {naskah.nomor_naskah}."
        else:
            note = f"Nomor {naskah.nomor_naskah} tetap dipakai."
        naskah.tanggal_naskah = tanggal
        record_transition(naskah, "beri_nomor", user, note, update_fields=fields)
        _notify(
            _holders(Role.KADIS),
            judul=f"Menunggu TTE: {naskah.hal}",
            pesan=f"Naskah {naskah.nomor_naskah} menunggu tanda tangan elektronik Anda.",
            naskah=naskah,
        )
    return naskah


# --- kirim, arsip, tarik ------------------------------------------------------------------------


def dokumen_naskah(naskah: Naskah) -> Dokumen | None:
    return Dokumen.objects.filter(
        content_type__app_label="sekretariat", content_type__model="naskah", object_id=naskah.pk, jenis="naskah-dinas"
    ).first()


def _ekspedisi(naskah: Naskah, user, **fields) -> Ekspedisi:
    if naskah.status == S.TERBIT:
        check_allowed(naskah, "kirim", user, "Kirim naskah")
        record_transition(naskah, "kirim", user, f"Dikirim kepada {fields['penerima']} ({fields['cara']}).")
        if naskah.membalas_disposisi_id:
            from .surat_masuk import close_disposisi_with_reply

            close_disposisi_with_reply(
                disposisi_id=naskah.membalas_disposisi_id,
                balasan=naskah,
                balasan_teks=naskah.nomor_naskah,
                user=user,
                dikirim=True,
            )
    elif naskah.status == S.TERKIRIM:  # one more recipient
        if not can(user, Aksi.NOMOR_NASKAH, naskah.bidang_id):
            raise BerkasForbidden("Peran Anda tidak berwenang: «Kirim naskah».")
    else:
        raise BerkasConflict(
            f"Naskah berstatus «{naskah.get_status_display()}»; hanya naskah yang sudah ditandatangani dapat dikirim."
        )
    return Ekspedisi.objects.create(naskah=naskah, dicatat_oleh=user, **fields)


def naskah_kirim_email(*, pk: int, user, email: str, expected_status: str | None = None) -> Ekspedisi:
    """Send the signed PDF by email (outbox, after commit) and write it in the buku ekspedisi."""
    from dukcapil.notifikasi.services import kirim_email

    with _acting(pk, expected_status) as naskah:
        dokumen = dokumen_naskah(naskah)
        if dokumen is None or dokumen.status != Dokumen.Status.BERLAKU:
            raise BerkasConflict("Naskah belum memiliki PDF bertanda tangan elektronik yang berlaku.")
        to = email.strip() or naskah.tujuan_email
        if not to:
            raise BerkasInvalid("Alamat email tujuan wajib diisi.")
        ekspedisi = _ekspedisi(naskah, user, penerima=to, cara=Ekspedisi.Cara.EMAIL, tanggal=timezone.localdate())
        pesan = kirim_email(
            [to],
            subjek=f"{naskah.jenis.nama} Nomor {naskah.nomor_naskah}: {naskah.hal}",
            isi=(
                f"Yth. {naskah.tujuan_nama or to},\n\nbersama ini kami kirimkan {naskah.jenis.nama.lower()} "
                f"Nomor {naskah.nomor_naskah} tentang {naskah.hal} (terlampir, ditandatangani secara elektronik)."
            ),
            lampiran=[dokumen],
            record=naskah,
        )
        ekspedisi.pesan_keluar_id = pesan.pk
        ekspedisi.save(update_fields=["pesan_keluar_id"])
    return ekspedisi


def naskah_catat_ekspedisi(
    *,
    pk: int,
    user,
    penerima: str,
    cara: str,
    tanggal: date,
    kurir: str = "",
    tanda_terima=None,
    catatan: str = "",
    expected_status: str | None = None,
) -> Ekspedisi:
    """Record delivery by hand, courier or post in the buku ekspedisi."""
    penerima = _required(penerima, "Nama penerima wajib diisi.")
    if cara not in Ekspedisi.Cara.values or cara == Ekspedisi.Cara.EMAIL:
        raise BerkasInvalid("Cara kirim tidak dikenal; email dikirim melalui tombol «Kirim email».")
    with _acting(pk, expected_status) as naskah:
        ekspedisi = _ekspedisi(
            naskah, user, penerima=penerima.strip(), cara=cara, tanggal=tanggal, kurir=kurir.strip(), catatan=catatan
        )
        if tanda_terima is not None:
            ekspedisi.tanda_terima.save(
                f"tanda-terima-{ekspedisi.pk}.{tanda_terima.name.rsplit('.', 1)[-1]}", tanda_terima, save=False
            )
            ekspedisi.save(update_fields=["tanda_terima"])
    return ekspedisi


def naskah_arsipkan(*, pk: int, user, expected_status: str | None = None) -> Naskah:
    with _acting(pk, expected_status, user, "arsipkan", "Arsipkan naskah") as naskah:
        record_transition(naskah, "arsipkan", user, "Naskah diarsipkan.")
    return naskah


def naskah_tarik(*, pk: int, user, alasan: str, expected_status: str | None = None) -> Naskah:
    """Withdraw a signed naskah: its document is revoked (the verification page says so)."""
    alasan = _required(alasan, "Alasan penarikan wajib diisi.")
    with _acting(pk, expected_status, user, "tarik", "Tarik naskah") as naskah:
        if dokumen := dokumen_naskah(naskah):
            dokumen_revoke(dokumen=dokumen, reason=f"Naskah ditarik: {alasan}", user=user)
        record_transition(naskah, "tarik", user, alasan)
    return naskah


def detail_url(naskah: Naskah) -> str:
    return reverse("sekretariat:naskah-detail", args=[naskah.pk])
