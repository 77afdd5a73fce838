from django.db import models
from django.utils import timezone

from dukcapil.models import AppendOnlyModel
from dukcapil.workflow.models import optional_staff


class AuditLog(AppendOnlyModel):
    """One security event: a login, a failed login, a lockout, or a change to someone's access.
    Written only by ``dukcapil.audit.services.audit_record``; never changed or deleted."""

    class Jenis(models.TextChoices):
        LOGIN = "login", "Masuk berhasil"
        LOGIN_GAGAL = "login_gagal", "Masuk gagal"
        TERKUNCI = "terkunci", "Akun/alamat terkunci"
        TOKEN_GAGAL = "token_gagal", "Token API ditolak"
        LOGOUT = "logout", "Keluar"
        GRUP = "grup", "Perubahan peran (grup)"
        IZIN = "izin", "Perubahan izin pengguna"
        STATUS = "status", "Perubahan status akun"

    waktu = models.DateTimeField("waktu", default=timezone.now, db_index=True)
    jenis = models.CharField("jenis", max_length=20, choices=Jenis.choices, db_index=True)
    pengguna = optional_staff("pengguna")  # who logged in, failed, or whose access changed
    username = models.CharField("nama pengguna", max_length=150, blank=True, db_index=True)
    oleh = optional_staff("diubah oleh")
    ip = models.GenericIPAddressField("alamat IP", null=True, blank=True)
    keterangan = models.CharField("keterangan", max_length=500, blank=True)

    append_only_label = "Jejak audit"

    class Meta(AppendOnlyModel.Meta):
        verbose_name = "jejak audit"
        verbose_name_plural = "jejak audit keamanan"

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.username} {self.waktu:%Y-%m-%d %H:%M}"
