"""Queue lines, counters, tickets and the call log of the waiting room.

Sources: 004 (every counter SOP starts with «Mengambil nomor antri»), 001 («Mengambil no.antrian
KK»), 003 PELITA 3 («mengambil antrian pada website»; «FO/Petugas/Pelaksana akan memanggil antrian
layanan yang akan ditampilkan pada monitor/TV yang berada diruang tunggu pelayanan», 1 menit).
"""

import uuid
from datetime import time

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django_fsm import FSMField, FSMModelMixin, transition

from dukcapil.models import AppendOnlyModel, Berkas, Bidang, Layanan
from dukcapil.nik import mask_nik
from dukcapil.workflow.permissions import Aksi, can


class JalurAntrian(models.Model):
    """A queue line: its letter prefixes the ticket code ("A015"); the layanan it serves open the intake."""

    nama = models.CharField("nama jalur", max_length=100)
    huruf = models.CharField(
        "huruf kode",
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{1,2}$", "Isi satu atau dua huruf kapital, mis. A.")],
    )
    keterangan = models.CharField("keterangan di kios", max_length=200, blank=True)
    layanan = models.ManyToManyField(Layanan, verbose_name="layanan", related_name="jalur_antrian", blank=True)
    kuota_harian = models.PositiveSmallIntegerField("kuota harian", default=100)
    jam_buka = models.TimeField("jam buka", default=time(8, 0))
    jam_tutup = models.TimeField("jam tutup pengambilan", default=time(15, 0))
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    aktif = models.BooleanField("aktif", default=True)

    class Meta:
        verbose_name = "jalur antrian"
        verbose_name_plural = "jalur antrian"
        ordering = ["urutan", "huruf"]

    def __str__(self) -> str:
        return f"{self.huruf} · {self.nama}"


class Loket(models.Model):
    """A counter: the lines it calls from and the bidang whose petugas loket sit at it."""

    nomor = models.PositiveSmallIntegerField("nomor loket", unique=True)
    nama = models.CharField("nama", max_length=100)
    jalur = models.ManyToManyField(JalurAntrian, verbose_name="jalur yang dilayani", related_name="loket")
    bidang = models.ForeignKey(Bidang, verbose_name="bidang", on_delete=models.PROTECT)
    aktif = models.BooleanField("aktif", default=True)

    class Meta:
        verbose_name = "loket"
        verbose_name_plural = "loket"
        ordering = ["nomor"]

    def __str__(self) -> str:
        return f"Loket {self.nomor} · {self.nama}"

    def get_absolute_url(self) -> str:
        return reverse("antrian:loket", args=[self.pk])


class SumberTiket(models.TextChoices):
    KIOSK = "kiosk", "Kios antrian"
    ONLINE = "online", "Online (website)"


class StatusTiket(models.TextChoices):
    MENUNGGU = "menunggu", "Menunggu"
    DIPANGGIL = "dipanggil", "Dipanggil"
    DILAYANI = "dilayani", "Sedang dilayani"
    SELESAI = "selesai", "Selesai"
    DILEWATI = "dilewati", "Dilewati (tidak hadir)"
    BATAL = "batal", "Dibatalkan"


S = StatusTiket


def _panggil_di_loket(tiket: "Tiket", user) -> bool:
    """FSM permission: the user holds «panggil antrian» in the bidang of the loket acting on the ticket."""
    return can(user, Aksi.PANGGIL_ANTRIAN, tiket.loket.bidang_id if tiket.loket_id else None)


_panggil_di_loket.actions = (Aksi.PANGGIL_ANTRIAN,)  # type: ignore[attr-defined]


class Tiket(FSMModelMixin, models.Model):
    """One queue ticket. Numbered per line per day (the counter row ``NomorUrut`` «antrian-<jalur>-<date>»
    under lock, within the daily quota). An online ticket carries the NIK (checked against the
    register) and a phone or email; a kiosk ticket carries nothing about the person."""

    jalur = models.ForeignKey(JalurAntrian, verbose_name="jalur", on_delete=models.PROTECT, related_name="tiket")
    tanggal = models.DateField("tanggal layanan")
    nomor = models.PositiveSmallIntegerField("nomor urut")
    sumber = models.CharField("sumber", max_length=10, choices=SumberTiket.choices)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    nik = models.CharField("NIK", max_length=16, blank=True)
    telepon = models.CharField("telepon/WA", max_length=20, blank=True)
    email = models.EmailField("email", blank=True)
    status = FSMField("status", max_length=12, choices=StatusTiket.choices, default=S.MENUNGGU, protected=True)
    diambil_pada = models.DateTimeField("diambil pada", default=timezone.now)
    # when the holder starts waiting: taking time, or the line's opening on the day of an online ticket
    # taken before it. The queue order and the waiting time count from here.
    antre_sejak = models.DateTimeField("antre sejak", default=timezone.now)
    dipanggil_pada = models.DateTimeField("dipanggil pertama pada", null=True, blank=True)
    dilayani_pada = models.DateTimeField("mulai dilayani pada", null=True, blank=True)
    selesai_pada = models.DateTimeField("selesai pada", null=True, blank=True)
    loket = models.ForeignKey(Loket, verbose_name="loket", null=True, blank=True, on_delete=models.PROTECT)
    petugas = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="petugas", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    berkas = models.ForeignKey(
        Berkas, verbose_name="berkas", null=True, blank=True, on_delete=models.SET_NULL, related_name="tiket_antrian"
    )
    dikabari_segera = models.BooleanField("sudah dikabari «segera dipanggil»", default=False)

    class Meta:
        verbose_name = "tiket antrian"
        verbose_name_plural = "tiket antrian"
        ordering = ["tanggal", "jalur_id", "nomor"]  # no join: a locking read locks only the ticket
        constraints = [
            models.UniqueConstraint(fields=["jalur", "tanggal", "nomor"], name="antrian_tiket_nomor_unik"),
            # one live online ticket per NIK per line per day (a cancelled one frees the place)
            models.UniqueConstraint(
                fields=["jalur", "tanggal", "nik"],
                condition=~Q(nik="") & ~Q(status="batal"),
                name="antrian_tiket_nik_sehari",
            ),
        ]
        indexes = [models.Index(fields=["tanggal", "jalur", "status", "antre_sejak"], name="antrian_tiket_antre_idx")]

    def __str__(self) -> str:
        return f"{self.kode} ({self.tanggal:%d-%m-%Y})"

    def get_absolute_url(self) -> str:
        return reverse("antrian:tiket", args=[self.token])

    @property
    def kode(self) -> str:
        return f"{self.jalur.huruf}{self.nomor:03d}"

    @property
    def nik_samar(self) -> str:
        return mask_nik(self.nik) if self.nik else ""

    # --- transitions (called only from dukcapil.antrian.services, under lock) ---

    @transition(field=status, source=[S.MENUNGGU, S.DILEWATI], target=S.DIPANGGIL, permission=_panggil_di_loket)
    def panggil(self) -> None:
        """Called to a loket: from the waiting queue, or again after being skipped (same day)."""

    @transition(field=status, source=S.DIPANGGIL, target=S.DIPANGGIL, permission=_panggil_di_loket)
    def panggil_ulang(self) -> None:
        """Called once more: the holder has not come to the loket yet."""

    @transition(field=status, source=S.DIPANGGIL, target=S.DILEWATI, permission=_panggil_di_loket)
    def lewati(self) -> None:
        """The holder did not come: skipped, recallable the same day."""

    @transition(field=status, source=S.DIPANGGIL, target=S.DILAYANI, permission=_panggil_di_loket)
    def layani(self) -> None:
        pass

    @transition(field=status, source=S.DILAYANI, target=S.SELESAI, permission=_panggil_di_loket)
    def selesai(self) -> None:
        pass

    @transition(field=status, source=[S.MENUNGGU, S.DILEWATI], target=S.BATAL)
    def batal(self) -> None:
        """The holder gives the ticket up (from the ticket page, which only the token's holder reaches)."""


class Panggilan(AppendOnlyModel):
    """One row per call or recall: the waiting-room display's event log, read in id order
    (``?sejak=<id>``), so a display that reconnects fetches every call it missed."""

    append_only_label = "Panggilan antrian"

    tiket = models.ForeignKey(Tiket, verbose_name="tiket", on_delete=models.PROTECT, related_name="panggilan")
    loket = models.ForeignKey(Loket, verbose_name="loket", on_delete=models.PROTECT, related_name="+")
    waktu = models.DateTimeField("waktu", default=timezone.now)
    ulang = models.BooleanField("panggilan ulang", default=False)

    class Meta(AppendOnlyModel.Meta):
        verbose_name = "panggilan antrian"
        verbose_name_plural = "panggilan antrian"
