"""Disiplin pegawai: a case per staff member climbing the ladder teguran lisan → SP I → SP II →
SP III; each step is recorded (date, pelanggaran, who) and each written warning is a naskah."""

from django.conf import settings
from django.db import models

__all__ = ["CaraSelesai", "KasusDisiplin", "LangkahDisiplin", "TingkatDisiplin"]

# the ladder in order: (value, label)
_TINGKAT = [("lisan", "Teguran lisan"), ("sp1", "Surat Peringatan I"), ("sp2", "Surat Peringatan II"),
            ("sp3", "Surat Peringatan III")]  # fmt: skip
TingkatDisiplin = models.TextChoices("TingkatDisiplin", [(v.upper(), (v, label)) for v, label in _TINGKAT])
URUTAN = [v for v, _ in _TINGKAT]


class CaraSelesai(models.TextChoices):
    """How a case ends (Probolinggo P1.2.2: the pegawai improves, or the hukuman disiplin goes to
    the Inspektorat/BKPSDM, whose letter is the reference)."""

    MEMBAIK = "membaik", "Pegawai sudah memperbaiki sikap dan perilaku"
    DISERAHKAN = "diserahkan", "Hukuman disiplin diserahkan ke Inspektorat/BKPSDM"


class KasusDisiplin(models.Model):
    """One employee's case; its steps are the ladder climbed so far. A closed case keeps who closed
    it, when, how and why, and takes no further step."""

    pegawai = models.ForeignKey("sekretariat.Pegawai", on_delete=models.PROTECT, related_name="kasus_disiplin")
    dibuka_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dibuka_pada = models.DateTimeField("dibuka pada", auto_now_add=True)
    selesai = models.BooleanField("selesai", default=False)
    cara_selesai = models.CharField("cara selesai", max_length=12, choices=CaraSelesai.choices, blank=True)
    alasan_selesai = models.TextField("alasan", blank=True)
    rujukan_selesai = models.CharField(
        "rujukan", max_length=150, blank=True, help_text="Nomor surat penyerahan ke Inspektorat/BKPSDM."
    )
    ditutup_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ditutup_pada = models.DateTimeField("ditutup pada", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "kasus disiplin"

    def __str__(self) -> str:
        nomor = self.pk or "baru"
        return f"Kasus disiplin #{nomor}"


class LangkahDisiplin(models.Model):
    kasus = models.ForeignKey(KasusDisiplin, on_delete=models.CASCADE, related_name="langkah")
    tingkat = models.CharField("tingkat", max_length=10, choices=TingkatDisiplin.choices)
    tanggal = models.DateField("tanggal")
    pelanggaran = models.TextField("pelanggaran")
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    naskah = models.ForeignKey(
        "sekretariat.Naskah", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="naskah"
    )

    class Meta:
        verbose_name = verbose_name_plural = "langkah disiplin"
        constraints = [models.UniqueConstraint(fields=["kasus", "tingkat"], name="langkah_disiplin_sekali")]

    def __str__(self) -> str:
        label = self.get_tingkat_display()
        return f"{label} ({self.tanggal})"
