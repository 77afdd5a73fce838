"""The office's register akta and what every service writes in it: nomor akta, the berkas's akta
entry, catatan pinggir, kutipan; plus the reads of the population register the services share."""

from datetime import date

from django.conf import settings
from django.utils import timezone

from dukcapil.documents import format_tanggal, format_tanggal_waktu
from dukcapil.exceptions import BerkasInvalid
from dukcapil.models import Berkas, Kantor, User
from dukcapil.services import next_serial
from pendaftaran.choices import StatusPenduduk
from pendaftaran.register import penduduk_by_nik, register_change

from .choices import KODE_AKTA, JenisAkta, JenisCatatan, StatusAkta
from .models import Akta, CatatanPinggir, Kutipan, PermohonanAkta


def fail(field: str, message: str) -> None:
    raise BerkasInvalid(message, fields={field: [message]})


def tgl(value: str | date) -> str:
    return format_tanggal(date.fromisoformat(value) if isinstance(value, str) else value)


def active_person(nik: str, field: str):
    """An active resident of the register (pendaftaran.register.penduduk_by_nik plus the status check)."""
    person = penduduk_by_nik((nik or "").strip(), field=field)
    if person.status != StatusPenduduk.AKTIF:
        fail(field, f"NIK {nik} berstatus «{person.get_status_display()}» dalam database kependudukan.")
    return person


def person_or_none(nik: str | None):
    """A person of the register by NIK, whatever the status; None if the NIK is empty or unknown."""
    if not nik:
        return None
    try:
        return penduduk_by_nik(nik)
    except BerkasInvalid:
        return None


def kantor_penerbit_nama() -> str:
    kantor = Kantor.objects.filter(aktif=True).first()
    return (
        f"Dukcapil {kantor.kabupaten_kota}" if kantor and kantor.kabupaten_kota else settings.OFFICE["kabupaten_kota"]
    )


def akta_by_nomor(nomor: str, jenis: tuple[str, ...], field: str = "nomor_akta_rujukan") -> Akta:
    akta = Akta.objects.filter(nomor=nomor.strip().upper()).first()
    if akta is None:
        fail(
            field,
            f"Akta nomor {nomor} tidak ada dalam register akta kantor ini. Bila diterbitkan Dukcapil lain, "
            "ajukan kutipan kedua dengan nama Dukcapil penerbit.",
        )
    if akta.jenis not in jenis:
        allowed = ", ".join(JenisAkta(j).label for j in jenis)
        fail(field, f"Akta {akta.nomor} adalah {akta.get_jenis_display()}; layanan ini untuk {allowed}.")
    if akta.status == StatusAkta.BATAL:
        fail(field, f"Akta {akta.nomor} sudah dibatalkan.")
    return akta


def next_nomor_akta(jenis: str, tanggal: date) -> tuple[str, int]:
    """Nomor akta: kode wilayah-KODE-DDMMYYYY-urut, the urut from the office's series for the jenis
    and year under a row lock, so two akta issued at once never share or reuse a number."""
    year = tanggal.year
    urutan = next_serial(f"AKTA-{settings.OFFICE['kode_wilayah']}-{jenis}-{year}")
    return f"{settings.OFFICE['kode_wilayah']}-{KODE_AKTA[jenis]}-{tanggal:%d%m%Y}-{urutan:04d}", urutan


def save_akta(akta: Akta, user: User, **values) -> None:
    """Write an akta row: a new one whole, an existing one only in the fields given."""
    for key, value in values.items():
        setattr(akta, key, value)
    akta._history_user = user
    if akta.pk is None:
        akta.save()
    else:
        akta.save(update_fields=list(values))


def draw_up(permohonan: PermohonanAkta, user: User, jenis: str, **values) -> Akta:
    """The berkas's register entry: created once with a new number; later calls update it."""
    akta = Akta.objects.select_for_update().filter(berkas=permohonan.berkas, jenis=jenis).first()
    if akta is None:
        today = timezone.localdate()
        nomor, urutan = next_nomor_akta(jenis, today)
        akta = Akta(berkas=permohonan.berkas, jenis=jenis, nomor=nomor, urutan=urutan, tahun=today.year)
        values["kantor"] = kantor_penerbit_nama()
    save_akta(akta, user, **values)
    return akta


def note(permohonan: PermohonanAkta, akta: Akta, jenis: str, isi: str, user: User) -> CatatanPinggir:
    """The berkas's catatan pinggir on an akta: written once, rewritten by a re-approval."""
    catatan = CatatanPinggir.objects.filter(akta=akta, berkas=permohonan.berkas).first()
    catatan_baru = catatan is None
    if catatan_baru:
        catatan = CatatanPinggir(akta=akta, berkas=permohonan.berkas)
    catatan.jenis, catatan.isi = jenis, isi
    catatan._history_user = user
    if catatan_baru:
        catatan.save()
    else:
        catatan.save(update_fields=["jenis", "isi"])
    return catatan


def change(permohonan: PermohonanAkta, user: User, record, values: dict, base: dict | None = None) -> None:
    """A change of the population register made by the berkas (``pendaftaran.register.register_change``);
    ``base`` is what the register is expected to hold before, None for whatever it holds."""
    register_change(record, values, base=base, berkas=permohonan.berkas, user=user)


def kutipan(permohonan: PermohonanAkta, akta: Akta) -> Kutipan:
    """The berkas's kutipan of the akta: made once, numbered after the akta's earlier ones (one read
    of the akta's kutipan, few: one per issuance)."""
    issued = list(Kutipan.objects.filter(akta=akta).order_by("-ke"))
    existing = next((k for k in issued if k.berkas_id == permohonan.berkas.pk), None)
    if existing:
        return existing
    return Kutipan.objects.create(akta=akta, berkas=permohonan.berkas, ke=(issued[0].ke if issued else 0) + 1)


def entry_data(permohonan: PermohonanAkta, **extra) -> dict:
    """The operator's entry as the register akta keeps it."""
    return {**permohonan.data, **extra}


def void_drawn_up(berkas: Berkas, user: User, alasan: str) -> list[Akta]:
    """The berkas was cancelled after its approval drew up an akta: each such akta of this office is
    void. It stays in the register (its number is never reused) marked batal, with a catatan pinggir
    saying which berkas, who cancelled it, when and why. Writing it again changes nothing."""
    voided = []
    drawn_up = Akta.objects.select_for_update().filter(berkas=berkas, kantor_lain=False).order_by("pk")
    for akta in drawn_up.exclude(status=StatusAkta.BATAL):
        save_akta(akta, user, status=StatusAkta.BATAL)
        isi = (
            f"Akta ini batal: berkas {berkas.nomor_registrasi} dibatalkan oleh {user} pada "
            f"{format_tanggal_waktu(timezone.now())} sebelum akta ditandatangani. Alasan: {alasan or '-'}. "
            "Nomor akta ini tidak digunakan lagi."
        )
        catatan = CatatanPinggir.objects.filter(akta=akta, berkas=berkas).first()
        if catatan is None:
            catatan = CatatanPinggir(akta=akta, berkas=berkas, jenis=JenisCatatan.PEMBATALAN, isi=isi)
            catatan._history_user = user
            catatan.save()
        else:  # one catatan per berkas on an akta: the voiding is added to it
            catatan.isi = f"{catatan.isi}\n{isi}"
            catatan._history_user = user
            catatan.save(update_fields=["isi"])
        voided.append(akta)
    return voided
