"""Every state change of a citizen's account and online application goes through here."""

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from dukcapil import services as berkas_services
from dukcapil.choices import Status
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import Layanan, Persyaratan, User
from dukcapil.notifikasi.services import kabari_warga
from dukcapil.persyaratan import persyaratan_wajib
from dukcapil.registry import get_kind
from dukcapil.workflow.services import check_allowed, check_expected, record_lock, record_transition

from .models import (
    USERNAME_PREFIX,
    LayananOnline,
    PendaftaranWarga,
    PermohonanOnline,
    StatusOnline,
    UnggahanPersyaratan,
    Warga,
)

TIDAK_TERVERIFIKASI = "Data tidak dapat diverifikasi. Periksa kembali NIK dan nama sesuai KK, atau hubungi loket."
DATA = "data"  # the item «data permohonan» a return may name besides the persyaratan


def _link(name: str, *args) -> str:
    return settings.PUBLIC_BASE_URL.rstrip("/") + reverse(name, args=args)


# --- sign-up with a one-time code ------------------------------------------------------------


def _hash_kode(pendaftaran: PendaftaranWarga, kode: str) -> str:
    message = f"{pendaftaran.token}:{kode}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _new_kode(pendaftaran: PendaftaranWarga) -> str:
    kode = f"{secrets.randbelow(10**6):06d}"
    now = timezone.now()
    pendaftaran.kode_hash = _hash_kode(pendaftaran, kode)
    pendaftaran.kode_dibuat = now
    pendaftaran.kode_kedaluwarsa = now + settings.WARGA_OTP_BERLAKU
    pendaftaran.percobaan = 0
    return kode


def _send_kode(pendaftaran: PendaftaranWarga, kode: str) -> None:
    menit = int(settings.WARGA_OTP_BERLAKU.total_seconds() // 60)
    kabari_warga(
        email=pendaftaran.email,
        telepon=pendaftaran.telepon,
        subjek="Kode verifikasi akun layanan online Dukcapil",
        isi=f"Kode verifikasi Anda: {kode}\nBerlaku {menit} menit. Jangan berikan kode ini kepada siapa pun, "
        "termasuk petugas.",
    )


def _normal(nama: str) -> str:
    return " ".join(nama.upper().split())


def warga_daftar(*, nik: str, nama: str, email: str, telepon: str, kata_sandi: str) -> PendaftaranWarga:
    """Check NIK and name against the register and send a one-time code. Any mismatch (no such NIK,
    another name, not an active resident, an account already there) gets the same neutral message."""
    from pendaftaran.choices import StatusPenduduk
    from pendaftaran.models import Penduduk

    nik = nik.strip()
    penduduk = Penduduk.objects.filter(nik=nik).only("nama", "status").first()
    matches = (
        penduduk is not None and penduduk.status == StatusPenduduk.AKTIF and _normal(penduduk.nama) == _normal(nama)
    )
    taken = Warga.objects.filter(nik=nik).exists() or (email and Warga.objects.filter(email__iexact=email).exists())
    if not matches or taken:
        raise BerkasInvalid(TIDAK_TERVERIFIKASI)
    with transaction.atomic():
        # sign-ups never confirmed are kept a day at most
        PendaftaranWarga.objects.filter(dibuat__lt=timezone.now() - timedelta(days=1)).delete()
        pendaftaran = PendaftaranWarga(
            nik=nik,
            nama=penduduk.nama,
            email=email.strip().lower(),
            telepon=telepon.strip(),
            kata_sandi=make_password(kata_sandi),
            kode_kedaluwarsa=timezone.now(),
        )
        kode = _new_kode(pendaftaran)
        pendaftaran.save()
        _send_kode(pendaftaran, kode)
    return pendaftaran


def _locked_until(pendaftaran: PendaftaranWarga):
    if pendaftaran.percobaan >= settings.WARGA_OTP_MAKS_PERCOBAAN and pendaftaran.terakhir_gagal:
        return pendaftaran.terakhir_gagal + settings.WARGA_OTP_TUNGGU
    return None


def _jam(when) -> str:
    return timezone.localtime(when).strftime("%H.%M")


def _pendaftaran_locked(pendaftaran_id: int) -> tuple[PendaftaranWarga, datetime, datetime | None]:
    """The sign-up locked for this request (inside its transaction), now, and until when its code
    attempts are exhausted (None when they are not)."""
    pendaftaran = PendaftaranWarga.objects.select_for_update().filter(pk=pendaftaran_id).first()
    if pendaftaran is None:
        raise BerkasInvalid("Pendaftaran tidak ditemukan; silakan mendaftar lagi.")
    return pendaftaran, timezone.now(), _locked_until(pendaftaran)


def warga_kirim_ulang_kode(*, pendaftaran_id: int) -> PendaftaranWarga:
    """A new code (the old one stops working): not sooner than WARGA_OTP_JEDA_KIRIM after the last,
    not while the attempts are exhausted (until the wait is over), at most 5 per sign-up."""
    with transaction.atomic():
        pendaftaran, now, until = _pendaftaran_locked(pendaftaran_id)
        if until is not None and now < until:
            raise BerkasConflict(f"Terlalu banyak percobaan. Kode baru dapat diminta setelah pukul {_jam(until)} WIB.")
        if now < pendaftaran.kode_dibuat + settings.WARGA_OTP_JEDA_KIRIM:
            detik = int((pendaftaran.kode_dibuat + settings.WARGA_OTP_JEDA_KIRIM - now).total_seconds()) + 1
            raise BerkasConflict(f"Kode baru saja dikirim. Tunggu {detik} detik sebelum meminta lagi.")
        if pendaftaran.dikirim >= 5:
            raise BerkasConflict("Batas pengiriman kode tercapai. Silakan mendaftar ulang nanti atau hubungi loket.")
        kode = _new_kode(pendaftaran)
        pendaftaran.dikirim += 1
        pendaftaran.terakhir_gagal = None
        pendaftaran.save(
            update_fields=["kode_hash", "kode_dibuat", "kode_kedaluwarsa", "percobaan", "dikirim", "terakhir_gagal"]
        )
        _send_kode(pendaftaran, kode)
    return pendaftaran


def warga_verifikasi_kode(*, pendaftaran_id: int, kode: str) -> Warga:
    """The right code within its life and attempts creates the account (a user with no staff role);
    a wrong one counts an attempt (kept even though the answer is an error)."""
    refused = None
    with transaction.atomic():
        pendaftaran, now, until = _pendaftaran_locked(pendaftaran_id)
        if until is not None:
            wait = f"setelah pukul {_jam(until)} WIB" if now < until else "sekarang"
            raise BerkasConflict(f"Terlalu banyak percobaan kode yang salah. Minta kode baru {wait}.")
        if now >= pendaftaran.kode_kedaluwarsa:
            raise BerkasInvalid("Kode sudah kedaluwarsa. Minta kode baru.", fields={"kode": ["Kode kedaluwarsa."]})
        if not hmac.compare_digest(pendaftaran.kode_hash, _hash_kode(pendaftaran, kode.strip())):
            pendaftaran.percobaan += 1
            pendaftaran.terakhir_gagal = now
            pendaftaran.save(update_fields=["percobaan", "terakhir_gagal"])
            sisa = settings.WARGA_OTP_MAKS_PERCOBAAN - pendaftaran.percobaan
            refused = BerkasInvalid(
                f"Kode salah. Sisa {sisa} percobaan."
                if sisa > 0
                else "Kode salah. Percobaan habis; minta kode baru "
                f"setelah pukul {_jam(now + settings.WARGA_OTP_TUNGGU)} WIB.",
                fields={"kode": ["Kode salah."]},
            )
        else:
            if Warga.objects.filter(nik=pendaftaran.nik).exists():
                raise BerkasInvalid(TIDAK_TERVERIFIKASI)
            user = User.objects.create(
                username=f"{USERNAME_PREFIX}{uuid.uuid4().hex[:20]}",
                first_name=pendaftaran.nama[:150],
                email=pendaftaran.email,
                password=pendaftaran.kata_sandi,
            )
            warga = Warga.objects.create(
                user=user,
                nik=pendaftaran.nik,
                nama=pendaftaran.nama,
                email=pendaftaran.email,
                telepon=pendaftaran.telepon,
            )
            PendaftaranWarga.objects.filter(nik=pendaftaran.nik).delete()
            return warga
    raise refused


def warga_cari_akun(identitas: str) -> Warga | None:
    """The account signed in by NIK or email."""
    identitas = identitas.strip()
    if not identitas:
        return None
    field = "nik" if identitas.isdigit() else "email__iexact"
    return Warga.objects.select_related("user").filter(**{field: identitas}).first()


# --- online applications ---------------------------------------------------------------------


def layanan_online() -> list[Layanan]:
    rows = LayananOnline.objects.filter(aktif=True, layanan__aktif=True).select_related("layanan__bidang")
    return [row.layanan for row in rows if row.layanan.menerima_berkas]


def _owned(permohonan_id: int, user) -> PermohonanOnline:
    permohonan = record_lock(PermohonanOnline, permohonan_id, related=["layanan", "warga"], label="Permohonan")
    if permohonan.warga.user_id != user.pk:
        raise BerkasForbidden("Permohonan ini bukan milik akun Anda.")
    return permohonan


def permohonan_buat(*, warga: Warga, layanan: Layanan) -> PermohonanOnline:
    if layanan not in layanan_online():
        raise BerkasInvalid("Layanan ini tidak dibuka untuk permohonan online.")
    today = timezone.localdate()
    with transaction.atomic():
        key = f"ON-{today:%y%m%d}"
        return PermohonanOnline.objects.create(
            nomor_permohonan=f"{key}-{berkas_services.next_serial(key):04d}",
            warga=warga,
            layanan=layanan,
            bidang_id=layanan.bidang_id,
            telepon=warga.telepon,
            email=warga.email,
        )


@dataclass(frozen=True)
class Unggahan:
    """A checked upload (its type found from its content by the form): what the service stores."""

    persyaratan_id: int
    file: object
    jenis: str


def permohonan_simpan(
    *,
    permohonan_id: int,
    user,
    data_detail: dict[str, list[str]],
    telepon: str,
    email: str,
    catatan: str,
    unggahan: list[Unggahan],
) -> PermohonanOnline:
    """Save the citizen's entry and uploads while the application is with the citizen."""
    with transaction.atomic():
        permohonan = _owned(permohonan_id, user)
        if permohonan.status not in (StatusOnline.DRAF, StatusOnline.DIKEMBALIKAN):
            raise BerkasConflict(
                f"Permohonan berstatus «{permohonan.get_status_display()}»; data tidak dapat diubah lagi."
            )
        known = set(permohonan.layanan.persyaratan_berlaku().values_list("pk", flat=True))
        if any(u.persyaratan_id not in known for u in unggahan):
            raise BerkasInvalid("Ada unggahan untuk persyaratan yang bukan milik layanan ini.")
        permohonan.data_detail = data_detail
        permohonan.telepon, permohonan.email, permohonan.catatan_pemohon = telepon, email, catatan
        permohonan._history_user = user
        permohonan.save(update_fields=["data_detail", "telepon", "email", "catatan_pemohon"])
        old_files = []
        for u in unggahan:
            u.file.seek(0)
            digest = hashlib.sha256(u.file.read()).hexdigest()
            u.file.seek(0)
            row = UnggahanPersyaratan.objects.filter(permohonan=permohonan, persyaratan_id=u.persyaratan_id).first()
            if row is None:
                row = UnggahanPersyaratan(permohonan=permohonan, persyaratan_id=u.persyaratan_id)
            elif row.berkas:
                old_files.append(row.berkas.name)
            row.jenis, row.ukuran, row.sha256 = u.jenis, u.file.size, digest
            row.putaran = permohonan.putaran + 1  # the submission it goes with
            row.diunggah = timezone.now()
            row.berkas.save(f"unggahan.{u.jenis}", u.file, save=False)
            row.save()
        if old_files:
            storage = UnggahanPersyaratan._meta.get_field("berkas").storage
            transaction.on_commit(lambda: [storage.delete(name) for name in old_files])
    return permohonan


def detail_form(permohonan: PermohonanOnline, data=None):
    """The kind's own intake form (the one the counter fills), bound to the stored entry or ``data``."""
    kind = get_kind(permohonan.layanan.jenis_berkas)
    if kind.intake_form is None:
        return None
    if data is None:
        data = QueryDict(mutable=True)
        for key, values in (permohonan.data_detail or {}).items():
            data.setlist(key, values)
    return kind.intake_form(data, prefix="detail", layanan=permohonan.layanan)


def persyaratan_diminta(permohonan: PermohonanOnline) -> list[Persyaratan]:
    """The persyaratan the application must carry: every wajib one (the conditional ones are
    offered, not required: the counter's facts come from the entry only after registration)."""
    return persyaratan_wajib(permohonan.layanan, {"kata": set(), "usia": None})


def _snapshot(permohonan: PermohonanOnline) -> dict:
    return {
        "detail": permohonan.data_detail,
        "telepon": permohonan.telepon,
        "email": permohonan.email,
        "unggahan": {str(pid): sha for pid, sha in permohonan.unggahan.values_list("persyaratan_id", "sha256")},
    }


def _changes(permohonan: PermohonanOnline, before: dict) -> list[str]:
    """What the citizen changed since the return, as the officer reads it."""
    if not before:
        return []
    changes = []
    now = _snapshot(permohonan)
    form = detail_form(permohonan)
    labels = {name: str(field.label) for name, field in form.fields.items()} if form is not None else {}
    for key in sorted(set(before["detail"]) | set(now["detail"])):
        if key in ("csrfmiddlewaretoken",):
            continue
        old, new = before["detail"].get(key, []), now["detail"].get(key, [])
        if old != new:
            name = key.removeprefix("detail-")
            changes.append(f"Data «{labels.get(name, name)}»: {', '.join(old) or '—'} → {', '.join(new) or '—'}")
    for field, label in (("telepon", "Telepon"), ("email", "Email")):
        if before.get(field) != now[field]:
            changes.append(f"{label}: {before.get(field) or '—'} → {now[field] or '—'}")
    names = dict(Persyaratan.objects.filter(pk__in=[int(p) for p in now["unggahan"]]).values_list("pk", "nama"))
    for pid, sha in now["unggahan"].items():
        if before["unggahan"].get(pid) != sha:
            changes.append(f"Unggahan diganti: {names.get(int(pid), pid)}")
    return changes


def permohonan_ajukan(*, permohonan_id: int, user) -> PermohonanOnline:
    """Submit (or resubmit after a return): every required upload is there and the entry passes the
    kind's intake form; the officers of the layanan's bidang find it in «Permohonan online»."""
    with transaction.atomic():
        permohonan = _owned(permohonan_id, user)
        check_allowed(permohonan, "ajukan", user, "Ajukan permohonan")
        errors: dict[str, list[str]] = {}
        form = detail_form(permohonan)
        if form is not None and not form.is_valid():
            errors["data"] = [f"{form.fields[n].label if n in form.fields else 'Data'}: {' '.join(e)}"
                              for n, e in form.errors.items()]  # fmt: skip
        have = set(permohonan.unggahan.values_list("persyaratan_id", flat=True))
        missing = [p.nama for p in persyaratan_diminta(permohonan) if p.pk not in have]
        if missing:
            errors["unggahan"] = [f"Belum diunggah: {nama}" for nama in missing]
        if permohonan.status == StatusOnline.DIKEMBALIKAN:
            fixed = {str(pid) for pid in have}
            asked = [i for i in permohonan.perlu_diperbaiki if i != DATA]
            changed_files = {
                str(pid)
                for pid, sha in permohonan.unggahan.values_list("persyaratan_id", "sha256")
                if permohonan.data_sebelumnya.get("unggahan", {}).get(str(pid)) != sha
            }
            still = [i for i in asked if i not in (fixed & changed_files)]
            if still:
                names = dict(Persyaratan.objects.filter(pk__in=[int(i) for i in still]).values_list("pk", "nama"))
                errors.setdefault("unggahan", []).extend(f"Belum diganti: {names.get(int(i), i)}" for i in still)
        if errors:
            raise BerkasInvalid("Permohonan belum dapat diajukan.", fields=errors)
        permohonan.perubahan = _changes(permohonan, permohonan.data_sebelumnya)
        record_transition(permohonan, "ajukan", user, "", update_fields=["putaran", "diajukan_pada", "perubahan"])
        kabari_warga(
            email=permohonan.email,
            telepon=permohonan.telepon,
            subjek=f"Permohonan {permohonan.nomor_permohonan} diajukan",
            isi=f"Permohonan {permohonan.layanan.nama} nomor {permohonan.nomor_permohonan} telah diajukan dan "
            "menunggu verifikasi petugas. Anda akan diberi kabar setelah berkas diperiksa.\n\n"
            + _link("warga:permohonan", permohonan.nomor_permohonan),
            record=permohonan,
        )
    return permohonan


def _officer_lock(permohonan_id: int, user, method: str, label: str, expected_status: str, putaran: int):
    permohonan = record_lock(PermohonanOnline, permohonan_id, related=["layanan", "warga"], label="Permohonan")
    check_allowed_or_forbidden(permohonan, user)
    check_expected(permohonan, expected_status)
    if putaran != permohonan.putaran:
        raise BerkasConflict(
            f"Permohonan {permohonan.nomor} telah diajukan ulang oleh pemohon sejak halaman Anda dibuka. "
            "Tindakan Anda tidak dijalankan; muat ulang halaman untuk melihat perubahannya."
        )
    check_allowed(permohonan, method, user, label)
    return permohonan


def check_allowed_or_forbidden(permohonan: PermohonanOnline, user) -> None:
    from dukcapil.workflow.permissions import Aksi, can

    if not can(user, Aksi.VERIFIKASI_ONLINE, permohonan.bidang_id):
        raise BerkasForbidden("Anda tidak berwenang memverifikasi permohonan online layanan ini.")


def permohonan_terima(
    *, permohonan_id: int, user, expected_status: str, putaran: int, catatan: str = ""
) -> PermohonanOnline:
    """Accept: the berkas is registered through the counter's own service with the uploaded data (the
    pemohon from the account and the register), the uploads count as the persyaratan handed in, and
    the resi appears in the citizen's account."""
    from pendaftaran.models import Penduduk

    with transaction.atomic():
        permohonan = _officer_lock(permohonan_id, user, "terima", "Terima permohonan", expected_status, putaran)
        warga = permohonan.warga
        penduduk = Penduduk.objects.filter(nik=warga.nik).first()
        if penduduk is None:
            raise BerkasInvalid("Pemohon tidak lagi ada dalam database kependudukan; kembalikan permohonan.")
        form = detail_form(permohonan)
        if form is not None and not form.is_valid():
            raise BerkasInvalid(
                "Data permohonan tidak lolos pemeriksaan loket; kembalikan permohonan dengan catatan.",
                fields={"data": [f"{n}: {' '.join(e)}" for n, e in form.errors.items()]},
            )
        berkas = berkas_services.berkas_register(
            layanan=permohonan.layanan,
            pemohon=berkas_services.PemohonData(
                nik=warga.nik,
                nama=penduduk.nama,
                tanggal_lahir=penduduk.tanggal_lahir,
                jenis_kelamin=penduduk.jenis_kelamin,
                telepon=permohonan.telepon,
                email=permohonan.email,
            ),
            persyaratan_ids=list(permohonan.unggahan.values_list("persyaratan_id", flat=True)),
            user=user,
            detail=form.cleaned_data if form is not None else None,
            note=f"Permohonan online {permohonan.nomor_permohonan}. {catatan}".strip(),
            intake_token=permohonan.token,  # «diterima» is told below, with the link (berkas_diterima_dari_sini)
        )
        permohonan.diperiksa_oleh = user
        record_transition(permohonan, "terima", user, catatan, berkas, update_fields=["berkas", "diperiksa_oleh"])
        # a berkas the counter's rules returned (a conditional persyaratan) was told as «dikembalikan»
        if berkas.status != Status.DIKEMBALIKAN:
            kabari_warga(
                email=permohonan.email,
                telepon=permohonan.telepon,
                subjek=f"Permohonan {permohonan.nomor_permohonan} diterima",
                isi=f"Permohonan {permohonan.layanan.nama} Anda telah diverifikasi dan diterima dengan nomor "
                f"registrasi {berkas.nomor_registrasi}. Resi (lembar penerimaan permohonan) tersedia di akun Anda.\n\n"
                + _link("warga:permohonan", permohonan.nomor_permohonan),
                record=permohonan,
            )
    return permohonan


def permohonan_kembalikan(
    *, permohonan_id: int, user, expected_status: str, putaran: int, items: list[str], catatan: str
) -> PermohonanOnline:
    """Return to the citizen: the officer names what to fix (persyaratan and/or the entry) and why."""
    catatan = (catatan or "").strip()
    with transaction.atomic():
        permohonan = _officer_lock(permohonan_id, user, "kembalikan", "Kembalikan permohonan", expected_status, putaran)
        valid = {str(pk) for pk in permohonan.layanan.persyaratan_berlaku().values_list("pk", flat=True)} | {DATA}
        items = [i for i in dict.fromkeys(items) if i]
        errors = {}
        if not items or any(i not in valid for i in items):
            errors["items"] = ["Pilih persyaratan atau data yang harus diperbaiki."]
        if not catatan:
            errors["catatan"] = ["Catatan untuk pemohon wajib diisi."]
        if errors:
            raise BerkasInvalid("Sebutkan yang harus diperbaiki dan catatannya.", fields=errors)
        permohonan.data_sebelumnya = _snapshot(permohonan)
        permohonan.diperiksa_oleh = user
        record_transition(
            permohonan,
            "kembalikan",
            user,
            catatan,
            items,
            catatan,
            update_fields=["perlu_diperbaiki", "catatan_petugas", "data_sebelumnya", "diperiksa_oleh"],
        )
        names = dict(permohonan.layanan.persyaratan_berlaku().values_list("pk", "nama"))
        daftar = "\n".join(f"- {'Data permohonan' if i == DATA else names.get(int(i), i)}" for i in items)
        kabari_warga(
            email=permohonan.email,
            telepon=permohonan.telepon,
            subjek=f"Permohonan {permohonan.nomor_permohonan} perlu diperbaiki",
            isi=f"Permohonan {permohonan.layanan.nama} nomor {permohonan.nomor_permohonan} dikembalikan oleh petugas "
            f"untuk diperbaiki:\n{daftar}\n\nCatatan petugas: {catatan}\n\n"
            "Perbaiki dan ajukan ulang melalui akun Anda:\n" + _link("warga:permohonan", permohonan.nomor_permohonan),
            record=permohonan,
        )
    return permohonan


def berkas_diterima_dari_sini(berkas, peristiwa: str) -> bool:
    """The teller hook (``registry.register_teller``): the acceptance of a berkas being registered
    from an online application (its intake token is the application's, not linked to a berkas yet)
    is told by ``permohonan_terima``, with the link to the citizen's account, not by the counter's
    standard message. A later acceptance at the counter (the missing items brought in) is the
    counter's to tell."""
    if peristiwa != "diterima" or berkas.intake_token is None:
        return False
    return PermohonanOnline.objects.filter(token=berkas.intake_token, berkas__isnull=True).exists()


def kabari_dokumen_ditandatangani(berkas) -> None:
    """PELITA 3 step 11: the signed documents reach the applicant of an online application. The
    message carries a link to the account, never the document itself (``kabari_warga``)."""
    from .selectors import dokumen_warga

    permohonan = PermohonanOnline.objects.filter(berkas=berkas).first()
    if permohonan is None:
        return
    rows = dokumen_warga(berkas)
    unduh = [d.label for d in rows if d.dapat_diunduh and d.jenis != berkas_services.RESI]
    kartu = [d.label for d in rows if not d.dapat_diunduh and d.keterangan == "Diambil di kantor"]
    lines = []
    if unduh:
        lines.append("Dokumen berikut telah ditandatangani secara elektronik dan dapat diunduh di akun Anda: "
                     + ", ".join(unduh) + ".")  # fmt: skip
    if kartu:
        lines.append(", ".join(kartu) + " diambil di kantor setelah dicetak; bawa resi Anda.")
    if not lines:
        return
    kabari_warga(
        email=permohonan.email,
        telepon=permohonan.telepon,
        subjek=f"Dokumen berkas {berkas.nomor_registrasi} telah ditandatangani",
        isi="\n".join(lines) + "\n\n" + _link("warga:permohonan", permohonan.nomor_permohonan),
        record=permohonan,
    )
