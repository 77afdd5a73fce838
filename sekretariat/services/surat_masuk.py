"""State changes of surat masuk and disposisi (one function per change; views and tasks call these).

Route (Lumajang, "Prosedur Pengagendaan Surat Masuk"): the Agendaris records the letter under its
nomor agenda → the Kasubag Umum checks it → the Sekretaris paraf → the Kadis writes the disposisi
(or has it archived). Each recipient of a disposisi may pass it further down (disposisi lanjutan,
only to people below them), mark it «cukup diarsipkan» or close their part with a note or a reply.
When every disposisi of the letter is closed the letter is «selesai».
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from dukcapil.choices import Role
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import SOP, Bidang, KartuKendali, User
from dukcapil.services import next_serial
from dukcapil.workflow.models import WorkflowRecord, WorkItem
from dukcapil.workflow.permissions import Aksi, holders
from dukcapil.workflow.services import check_allowed, check_expected, record_lock, record_transition

from ..models import (
    Disposisi,
    Instansi,
    InstruksiDisposisi,
    SifatSurat,
    StatusDisposisi,
    StatusSuratMasuk,
    SuratMasuk,
)

BIDANG_SEKRETARIAT = "sekretariat"
SOP_SLUG = "pengagendaan-surat-masuk"
# SOP step (urutan) → the state the record is in while that step is worked on
SOP_STEP_STATUS = {2: StatusSuratMasuk.KASUBAG, 3: StatusSuratMasuk.SEKRETARIS, 4: StatusSuratMasuk.KADIS}
SOP_STEP_DISPOSISI = 5  # «memberi disposisi lanjutan»
SOP_STEP_CATAT = 1  # the Agendaris records the letter: kept under the first card's transisi «catat»

# How far down the office a role stands: a disposisi lanjutan only goes to a higher number.
JENJANG = {
    Role.KADIS: 0,
    Role.SEKRETARIS: 1,
    Role.KABID: 1,
    Role.KASUBAG: 2,
    Role.KASI: 2,
}
JENJANG_STAF = 3

# Who opens the whole agenda book (rahasia rows masked unless in the chain)
PEMBACA_AGENDA = frozenset({Role.AGENDARIS, Role.KASUBAG, Role.SEKRETARIS, Role.KADIS, Role.ADMIN})


# --- helpers --------------------------------------------------------------------------------


def _roles(user) -> set[Role]:
    labels = {role.label: role for role in Role}
    return {labels[g.name] for g in user.groups.all() if g.name in labels}


def jenjang(user) -> int:
    return min((JENJANG.get(r, JENJANG_STAF) for r in _roles(user)), default=JENJANG_STAF)


def penerima_disposisi(user) -> QuerySet[User]:
    """Who ``user`` may send a disposisi to: active staff holding «tindak lanjut» or «disposisi»
    in the permissions table (nobody outside the office), below ``user`` (and, below the
    Sekretaris, in ``user``'s bidang)."""
    roles = {r.label for r in [*holders(Aksi.TINDAK_LANJUT), *holders(Aksi.DISPOSISI)] if r != Role.KADIS}
    candidates = (
        User.objects.filter(is_active=True, groups__name__in=roles)
        .exclude(pk=user.pk)
        .select_related("bidang", "unit")
        .prefetch_related("groups")
        .distinct()
        .order_by("first_name", "username")
    )
    level = jenjang(user)
    if user.bidang_id is not None and Role.SEKRETARIS not in _roles(user):
        # a Kabid, Kasi or Kasubag passes it within their own bidang; Kadis and Sekretaris office-wide
        candidates = candidates.filter(bidang_id=user.bidang_id)
    return User.objects.filter(pk__in=[u.pk for u in candidates if jenjang(u) > level]).select_related("bidang")


def _sop_minutes() -> dict[int, int]:
    """{urutan: standard minutes} of the active office's surat masuk SOP (or the first fallback office's)."""
    sops = {
        s.kantor.slug if not s.kantor.aktif else "": s
        for s in SOP.objects.filter(slug=SOP_SLUG).select_related("kantor").prefetch_related("langkah")
    }
    for slug in ["", *settings.SOP_FALLBACK_OFFICES]:
        if slug in sops:
            sop = sops[slug]
            return {
                step.urutan: minutes
                for step in sop.langkah.all()
                if (minutes := step.waktu_menit(sop.kantor.menit_kerja_per_hari)) is not None
            }
    return {}


def _holders_of_step(status: str) -> list[User]:
    role = SuratMasuk.PEMEGANG.get(status)
    if role is None:
        return []
    qs = User.objects.filter(is_active=True, groups__name=role.label)
    if role == Role.KASUBAG:  # the Kasubag Umum (dan Kepegawaian): the Sekretariat's
        qs = qs.filter(bidang__kode=BIDANG_SEKRETARIAT)
    return list(qs.distinct())


def _open_named(record: WorkflowRecord, users: Iterable[User], aksi: str, tenggat: date | None = None) -> None:
    ct = ContentType.objects.get_for_model(record)
    WorkItem.objects.bulk_create(
        [
            WorkItem(
                content_type=ct,
                object_id=record.pk,
                bidang_id=record.bidang_id,
                aksi=aksi,
                pengguna=user,
                status=record.status,
                sejak=record.status_sejak,
                standar_menit=record.standard_minutes(),
                tenggat=tenggat or record.tenggat,
            )
            for user in users
        ]
    )


def _first_card(record: WorkflowRecord, transisi: str, user: User, catatan: str) -> KartuKendali:
    """The kartu kendali's first row: the record came into being (no stage before it)."""
    at = record.status_sejak
    ct = ContentType.objects.get_for_model(record)
    fields = dict(dari_status="", ke_status=record.status, pelaku=user, waktu=at, mulai=at, catatan=catatan)
    return KartuKendali.objects.create(content_type=ct, object_id=record.pk, transisi=transisi, **fields)


def _notify(recipients: Sequence[User], *, judul: str, pesan: str, url: str, record) -> None:
    from dukcapil.notifikasi.services import notify

    notify(list(recipients), judul=judul, pesan=pesan, url=url, record=record)


def _remind(pengingat, recipients: Sequence[User], *, judul: str, pesan: str, record) -> None:
    """A reminder about ``record`` sent to ``recipients``; its row ``pengingat`` keeps how many they were."""
    _notify(recipients, judul=judul, pesan=pesan, url=record.get_absolute_url(), record=record)
    pengingat.penerima = len(recipients)
    pengingat.save(update_fields=["penerima"])


def _note(value: str) -> str:
    return (value or "").strip()[:1000]


# --- surat masuk ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SuratMasukData:
    tanggal_terima: date
    asal: Instansi
    nomor_surat: str
    tanggal_surat: date
    perihal: str
    sifat: str
    lampiran: str
    pindaian: object  # an uploaded file, checked by sekretariat.uploads


def instansi_pilih(*, nama: str, alamat: str = "", email: str = "", telepon: str = "") -> Instansi:
    """The address book's row for ``nama`` (created on first use; the existing row is kept)."""
    nama = " ".join(nama.split())
    if not nama:
        raise BerkasInvalid("Asal surat wajib diisi.", fields={"asal_baru": ["Isi nama instansi pengirim."]})
    instansi = Instansi.objects.filter(nama__iexact=nama).first()
    if instansi is None:
        instansi, _ = Instansi.objects.get_or_create(
            nama=nama, defaults={"alamat": alamat, "email": email, "telepon": telepon}
        )
    return instansi


def next_nomor_agenda(tahun: int) -> int:
    """The year's next nomor agenda from a locked counter row: concurrent callers never share one."""
    return next_serial(f"AGENDA-MASUK-{tahun}")


def surat_masuk_catat(*, user: User, data: SuratMasukData) -> SuratMasuk:
    """The Agendaris records a letter; it goes to the Kasubag Umum's kotak masuk."""
    from dukcapil.workflow.permissions import can

    if not can(user, Aksi.AGENDA_SURAT):
        raise BerkasForbidden("Hanya Agendaris yang dapat mengagendakan surat masuk.")
    if data.tanggal_surat > data.tanggal_terima:
        raise BerkasInvalid(
            "Tanggal surat tidak boleh sesudah tanggal terima.",
            fields={"tanggal_surat": ["Tanggal surat tidak boleh sesudah tanggal terima."]},
        )
    minutes = _sop_minutes()
    now = timezone.now()
    with transaction.atomic():
        tahun = data.tanggal_terima.year
        surat = SuratMasuk.objects.create(
            bidang=Bidang.objects.get(kode=BIDANG_SEKRETARIAT),
            tahun=tahun,
            nomor_agenda=next_nomor_agenda(tahun),
            tanggal_terima=data.tanggal_terima,
            asal=data.asal,
            nomor_surat=data.nomor_surat.strip(),
            tanggal_surat=data.tanggal_surat,
            perihal=data.perihal.strip(),
            sifat=data.sifat,
            lampiran=data.lampiran.strip(),
            pindaian=data.pindaian,
            dicatat_oleh=user,
            dicatat_pada=now,
            status_sejak=now,
            standar_waktu={
                status: minutes[step]
                for step, status in [(SOP_STEP_CATAT, "catat"), *SOP_STEP_STATUS.items()]
                if step in minutes
            },
        )
        _first_card(surat, "catat", user, "Surat masuk diagendakan.")
        _open_named(surat, _holders_of_step(surat.status), Aksi.DISPOSISI)
    return surat


TERUSKAN = {
    StatusSuratMasuk.KASUBAG: ("periksa_kasubag", "Teruskan ke Sekretaris"),
    StatusSuratMasuk.SEKRETARIS: ("paraf_sekretaris", "Paraf dan teruskan ke Kadis"),
}


def _surat_step(surat: SuratMasuk, method: str, user: User, note: str) -> None:
    record_transition(surat, method, user, note)
    _open_named(surat, _holders_of_step(surat.status), Aksi.DISPOSISI)


def surat_masuk_teruskan(*, user: User, pk: int, expected_status: str, catatan: str = "") -> SuratMasuk:
    """The Kasubag Umum (then the Sekretaris) passes the letter up to the next office."""
    with transaction.atomic():
        surat = record_lock(SuratMasuk, pk, label="Surat masuk")
        check_expected(surat, expected_status)
        method, label = TERUSKAN.get(surat.status, ("periksa_kasubag", "Teruskan"))
        check_allowed(surat, method, user, label)
        _surat_step(surat, method, user, _note(catatan))
    return surat


@dataclass(frozen=True)
class DisposisiData:
    kepada: Sequence[User]
    instruksi: Sequence[InstruksiDisposisi]
    isi: str
    batas_waktu: date | None
    sifat: str


def _check_recipients(user: User, data: DisposisiData, exclude: Iterable[int] = ()) -> None:
    if not data.kepada:
        raise BerkasInvalid("Pilih penerima disposisi.", fields={"kepada": ["Pilih paling sedikit satu penerima."]})
    allowed = set(penerima_disposisi(user).values_list("pk", flat=True)) - set(exclude)
    outside = [u for u in data.kepada if u.pk not in allowed]
    if outside:
        names = ", ".join(u.get_full_name() or u.username for u in outside)
        raise BerkasInvalid(
            f"Disposisi tidak dapat diberikan kepada {names}: hanya pegawai aktif kantor ini di bawah jenjang Anda.",
            fields={"kepada": ["Penerima di luar kantor atau tidak di bawah jenjang Anda."]},
        )
    if data.batas_waktu is not None and data.batas_waktu < timezone.localdate():
        raise BerkasInvalid(
            "Batas waktu tidak boleh sebelum hari ini.", fields={"batas_waktu": ["Batas waktu sudah lewat."]}
        )


def _give(surat: SuratMasuk, induk: Disposisi | None, user: User, data: DisposisiData) -> list[Disposisi]:
    now = timezone.now()
    minutes = _sop_minutes().get(SOP_STEP_DISPOSISI)
    made = []
    for penerima in data.kepada:
        disposisi = Disposisi.objects.create(
            surat=surat,
            induk=induk,
            dari=user,
            kepada=penerima,
            bidang_id=penerima.bidang_id or surat.bidang_id,
            isi=_note(data.isi),
            batas_waktu=data.batas_waktu,
            tenggat=data.batas_waktu,
            sifat=SifatSurat.RAHASIA if surat.rahasia else data.sifat,
            dibuat=now,
            status_sejak=now,
            standar_waktu={StatusDisposisi.TERBUKA: minutes} if minutes else {},
        )
        disposisi.instruksi.set(data.instruksi)
        _first_card(disposisi, "beri", user, disposisi.isi)
        _open_named(disposisi, [penerima], Aksi.TINDAK_LANJUT, data.batas_waktu)
        made.append(disposisi)
    _notify(
        data.kepada,
        judul=f"Disposisi baru: agenda {surat.nomor}",
        pesan=(
            f"{user.get_full_name() or user.username} memberi disposisi surat masuk agenda {surat.nomor}"
            + (f", batas waktu {data.batas_waktu:%d-%m-%Y}." if data.batas_waktu else ".")
        ),
        url=made[0].get_absolute_url() if len(made) == 1 else surat.get_absolute_url(),
        record=surat,
    )
    return made


def surat_masuk_disposisi(*, user: User, pk: int, expected_status: str, data: DisposisiData) -> list[Disposisi]:
    """The Kadis writes the disposisi: one row (and one kotak masuk item) per recipient."""
    with transaction.atomic():
        surat = record_lock(SuratMasuk, pk, label="Surat masuk")
        check_expected(surat, expected_status)
        check_allowed(surat, "disposisikan", user, "Beri disposisi")
        _check_recipients(user, data)
        record_transition(surat, "disposisikan", user, _note(data.isi))
        made = _give(surat, None, user, data)
    return made


def surat_masuk_arsipkan(*, user: User, pk: int, expected_status: str, catatan: str = "") -> SuratMasuk:
    """The Kadis decides the letter needs no action: «cukup diarsipkan»."""
    with transaction.atomic():
        surat = record_lock(SuratMasuk, pk, label="Surat masuk")
        check_expected(surat, expected_status)
        check_allowed(surat, "arsipkan", user, "Cukup diarsipkan")
        record_transition(surat, "arsipkan", user, _note(catatan) or "Cukup diarsipkan.")
    return surat


# --- disposisi ------------------------------------------------------------------------------


def _lock_own(pk: int, user: User, expected_status: str | None) -> Disposisi:
    disposisi = record_lock(Disposisi, pk, related=("surat",), label="Disposisi")
    if disposisi.kepada_id != user.pk:
        raise BerkasForbidden("Hanya penerima disposisi ini yang dapat menindaklanjutinya.")
    check_expected(disposisi, expected_status)
    return disposisi


def disposisi_baca(*, user: User, disposisi: Disposisi) -> None:
    """The recipient opened it: the first opening's time is kept."""
    if disposisi.kepada_id == user.pk and disposisi.dibaca_pada is None:
        now = timezone.now()
        updated = Disposisi.objects.filter(pk=disposisi.pk, dibaca_pada__isnull=True).update(dibaca_pada=now)
        if updated:
            disposisi.dibaca_pada = now


def disposisi_teruskan(*, user: User, pk: int, expected_status: str, data: DisposisiData) -> list[Disposisi]:
    """Disposisi lanjutan: the recipient passes it to people below them; their own part stays open."""
    with transaction.atomic():
        disposisi = _lock_own(pk, user, expected_status)
        check_allowed(disposisi, "teruskan", user, "Disposisi lanjutan")
        already = disposisi.lanjutan.values_list("kepada_id", flat=True)
        _check_recipients(user, data, exclude=already)
        _mark_read(disposisi)
        record_transition(disposisi, "teruskan", user, _note(data.isi), update_fields=["dibaca_pada"])
        _open_named(disposisi, [user], Aksi.TINDAK_LANJUT, disposisi.batas_waktu)
        made = _give(disposisi.surat, disposisi, user, data)
    return made


def _mark_read(disposisi: Disposisi) -> None:
    if disposisi.dibaca_pada is None:
        disposisi.dibaca_pada = timezone.now()


def _close(disposisi: Disposisi, method: str, user: User, catatan: str) -> None:
    if disposisi.lanjutan.filter(status__in=Disposisi.TERBUKA_STATUSES).exists():
        raise BerkasConflict(
            "Masih ada disposisi lanjutan yang belum selesai; tutup bagian Anda setelah penerimanya selesai."
        )
    _mark_read(disposisi)
    disposisi.ditutup_pada = timezone.now()
    disposisi.catatan_tindak_lanjut = catatan
    disposisi.dicatat_kembali_oleh = user
    record_transition(
        disposisi,
        method,
        user,
        catatan,
        update_fields=[
            "dibaca_pada",
            "ditutup_pada",
            "catatan_tindak_lanjut",
            "dicatat_kembali_oleh",
            "balasan_content_type",
            "balasan_object_id",
            "balasan_teks",
        ],
    )
    if disposisi.induk_id is None:
        surat = record_lock(SuratMasuk, disposisi.surat_id, label="Surat masuk")
        still_open = surat.disposisi.filter(induk__isnull=True, status__in=Disposisi.TERBUKA_STATUSES).exists()
        if not still_open and surat.status == StatusSuratMasuk.DIDISPOSISI:
            record_transition(surat, "selesaikan", user, "Seluruh disposisi telah ditindaklanjuti.")


def disposisi_tutup(*, user: User, pk: int, expected_status: str, catatan: str) -> Disposisi:
    """The recipient closes their part with a note (after everyone they passed it to closed theirs)."""
    catatan = _note(catatan)
    if not catatan:
        raise BerkasInvalid("Tulis catatan tindak lanjut.", fields={"catatan": ["Catatan tindak lanjut wajib diisi."]})
    with transaction.atomic():
        disposisi = _lock_own(pk, user, expected_status)
        check_allowed(disposisi, "tutup", user, "Selesai ditindaklanjuti")
        _close(disposisi, "tutup", user, catatan)
    return disposisi


def disposisi_arsipkan(*, user: User, pk: int, expected_status: str, catatan: str = "") -> Disposisi:
    """The recipient marks it «cukup diarsipkan» (nothing to do)."""
    with transaction.atomic():
        disposisi = _lock_own(pk, user, expected_status)
        check_allowed(disposisi, "cukup_arsipkan", user, "Cukup diarsipkan")
        _close(disposisi, "cukup_arsipkan", user, _note(catatan) or "Cukup diarsipkan.")
    return disposisi


def _link_reply(disposisi: Disposisi, balasan, balasan_teks: str) -> None:
    if balasan is not None:
        disposisi.balasan_content_type = ContentType.objects.get_for_model(balasan)
        disposisi.balasan_object_id = balasan.pk
    disposisi.balasan_teks = (balasan_teks or str(balasan)).strip()[:200]


def _close_answered(disposisi: Disposisi, balasan, teks: str, user: User) -> None:
    """Close ``disposisi`` as answered by the sent reply, first every open lanjutan below it
    (the reply answers their part too)."""
    for child in disposisi.lanjutan.filter(status__in=Disposisi.TERBUKA_STATUSES).order_by("pk"):
        _close_answered(record_lock(Disposisi, child.pk, label="Disposisi"), balasan, teks, user)
    _link_reply(disposisi, balasan, teks)
    _close(disposisi, "tutup", user, f"Dijawab dengan naskah {disposisi.balasan_teks}.")


def close_disposisi_with_reply(
    *, disposisi_id: int, balasan=None, balasan_teks: str = "", user: User, dikirim: bool = False
) -> Disposisi:
    """Hook for the naskah keluar that answers the letter: link the reply and close this disposisi.

    ``balasan`` is the reply record (any model) or None with ``balasan_teks`` (its nomor) only.
    The recipient may close their part with a reply themselves; with ``dikirim`` the office sent
    the reply (the Agendaris's kirim, in its transaction): the disposisi, the lanjutan still open
    below it and the givers above it whose every lanjutan is now closed are closed as answered,
    each with a kartu kendali row naming who sent it. A disposisi already closed keeps its state."""
    if balasan is None and not balasan_teks.strip():
        raise BerkasInvalid("Sebutkan naskah balasan.")
    with transaction.atomic():
        if not dikirim:
            disposisi = _lock_own(disposisi_id, user, None)
            check_allowed(disposisi, "tutup", user, "Selesai dengan balasan")
            _link_reply(disposisi, balasan, balasan_teks)
            _close(disposisi, "tutup", user, f"Dijawab dengan naskah {disposisi.balasan_teks}.")
            return disposisi
        disposisi = record_lock(Disposisi, disposisi_id, label="Disposisi")
        teks = (balasan_teks or str(balasan)).strip()
        if disposisi.terbuka:
            _close_answered(disposisi, balasan, teks, user)
        parent_id = disposisi.induk_id
        while parent_id is not None:
            parent = record_lock(Disposisi, parent_id, label="Disposisi")
            if (
                parent.status != StatusDisposisi.DITERUSKAN
                or parent.lanjutan.filter(status__in=Disposisi.TERBUKA_STATUSES).exists()
            ):
                break
            _link_reply(parent, balasan, teks)
            _close(parent, "tutup", user, f"Dijawab dengan naskah {parent.balasan_teks} (disposisi lanjutan).")
            parent_id = parent.induk_id
    return disposisi
