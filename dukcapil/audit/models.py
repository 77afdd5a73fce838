from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditLogQuerySet(models.QuerySet):
    """Append-only: rows are only ever created (``dukcapil.audit.services.audit_record``)."""

    def update(self, **kwargs):
        raise TypeError("Jejak audit tidak dapat diubah.")

    def delete(self):
        raise TypeError("Jejak audit tidak dapat dihapus.")


class AuditLog(models.Model):
    """One security event: a login, a failed login, a lockout, or a change to someone's access."""

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
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="pengguna",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Akun yang masuk, gagal masuk, atau yang aksesnya diubah.",
    )
    username = models.CharField("nama pengguna", max_length=150, blank=True, db_index=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diubah oleh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ip = models.GenericIPAddressField("alamat IP", null=True, blank=True)
    keterangan = models.CharField("keterangan", max_length=500, blank=True)

    objects = AuditLogQuerySet.as_manager()

    class Meta:
        verbose_name = "jejak audit"
        verbose_name_plural = "jejak audit keamanan"
        ordering = ["-waktu", "-pk"]
        default_permissions = ("add", "view")

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.username} {self.waktu:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Jejak audit tidak dapat diubah.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Jejak audit tidak dapat dihapus.")
