"""Channels that carry a ``PesanKeluar`` to its recipient: email, a WhatsApp gateway, an SMS gateway.

One class per channel, registered by its ``kode`` (the value stored in ``PesanKeluar.kanal``).
``send(pesan)`` returns when the channel accepted the message, raises ``GagalSementara`` when it
may work later (server down, timeout, 5xx, 429) and ``GagalPermanen`` when it never will (an
invalid number, a refused address). A channel whose gateway is not configured is off
(``aktif()`` False): ``kabari_warga`` writes no row for it, and a row already queued for it stays
queued until the gateway is configured.

The HTTP gateways are generic: a JSON POST ``{"to": "+62…", "from": <sender>, "message": <text>}``
with ``Authorization: Bearer <token>`` to the configured URL. A provider with another payload gets
its own subclass, registered under the same kode in a deployment's settings module.
"""

from __future__ import annotations

import smtplib

import phonenumbers
import requests
from django.conf import settings
from django.core.mail import EmailMessage


class GagalKirim(Exception):
    """The channel did not take the message; ``str(exc)`` is stored as the last error (no personal data)."""


class GagalSementara(GagalKirim):
    """Worth trying again later (server unreachable, timeout, 5xx, rate limited)."""


class GagalPermanen(GagalKirim):
    """Will never work (invalid number or address, refused by the gateway): the message is «gagal»."""


class Kanal:
    kode: str = ""
    label: str = ""

    def aktif(self) -> bool:
        return True

    def send(self, pesan) -> None:
        raise NotImplementedError

    def alamat(self, raw: str) -> str | None:
        """The recipient's address as this channel stores it, or None when it is not one."""
        return raw.strip() or None


_KANAL: dict[str, Kanal] = {}


def register_kanal(cls: type[Kanal]) -> type[Kanal]:
    """``@register_kanal`` on a ``Kanal`` subclass; a later class with the same kode replaces it."""
    if not cls.kode:
        raise ValueError(f"{cls.__name__} has no kode")
    _KANAL[cls.kode] = cls()
    return cls


def kanal_for(kode: str) -> Kanal:
    try:
        return _KANAL[kode]
    except KeyError:
        raise LookupError(f"no channel registered for {kode!r}") from None


def registered() -> dict[str, Kanal]:
    return dict(_KANAL)


def normalise_telepon(raw: str) -> str | None:
    """A mobile number in E.164 (+628…), read as Indonesian when written 08…; None if it is not one."""
    try:
        number = phonenumbers.parse(raw or "", "ID")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    if phonenumbers.number_type(number) not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        return None  # a landline receives neither WhatsApp nor SMS
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def mask_alamat(alamat: str) -> str:
    """For lists: «+62812****5678», «bu***@example.go.id»."""
    if "@" in alamat:
        nama, _, domain = alamat.partition("@")
        return f"{nama[:2]}***@{domain}"
    return f"{alamat[:6]}****{alamat[-4:]}" if len(alamat) > 10 else "****"


@register_kanal
class Email(Kanal):
    kode = "email"
    label = "Email"

    def send(self, pesan) -> None:
        message = EmailMessage(pesan.subjek, pesan.isi, settings.DEFAULT_FROM_EMAIL, pesan.kepada)
        for dokumen in pesan.lampiran.all():
            with dokumen.berkas_pdf.open("rb") as pdf:
                message.attach(f"{dokumen.jenis}-{dokumen.nomor or dokumen.pk}.pdf", pdf.read(), "application/pdf")
        try:
            message.send()
        except smtplib.SMTPRecipientsRefused as exc:  # every address refused: retrying will not help
            raise GagalPermanen(f"alamat ditolak server surel ({len(exc.recipients)} alamat)") from exc
        except smtplib.SMTPResponseException as exc:
            if exc.smtp_code >= 500 and not isinstance(exc, smtplib.SMTPAuthenticationError):
                raise GagalPermanen(f"ditolak server surel: kode {exc.smtp_code}") from exc
            raise GagalSementara(f"server surel menolak sementara: kode {exc.smtp_code}") from exc
        except OSError as exc:  # connection refused, timeout, disconnected, missing attachment file
            raise GagalSementara(f"{type(exc).__name__}: {exc}") from exc


class HttpGateway(Kanal):
    """A gateway reached by one HTTPS POST per message; configured by ``<PREFIX>_GATEWAY_*``."""

    prefix = ""

    def _setting(self, name: str, default=""):
        return getattr(settings, f"{self.prefix}_GATEWAY_{name}", default)

    def aktif(self) -> bool:
        return bool(self._setting("URL"))

    def alamat(self, raw: str) -> str | None:
        return normalise_telepon(raw)

    def payload(self, pesan) -> dict:
        return {"to": pesan.kepada[0], "from": self._setting("SENDER"), "message": self.text(pesan)}

    def text(self, pesan) -> str:
        return pesan.isi

    def send(self, pesan) -> None:
        url = self._setting("URL")
        if not url:
            raise GagalSementara(f"gateway {self.label} belum dikonfigurasi")
        headers = {"Accept": "application/json"}
        if token := self._setting("TOKEN"):
            headers["Authorization"] = f"Bearer {token}"
        try:
            response = requests.post(
                url, json=self.payload(pesan), headers=headers, timeout=float(self._setting("TIMEOUT", 10))
            )
        except requests.Timeout as exc:
            raise GagalSementara(f"gateway {self.label}: batas waktu habis") from exc
        except requests.RequestException as exc:
            raise GagalSementara(f"gateway {self.label}: {type(exc).__name__}") from exc
        code = response.status_code
        if 200 <= code < 300:
            return
        # the gateway's own words, cut short: they name the failure, never the recipient's number
        reason = f"gateway {self.label}: HTTP {code} {response.text[:120]}".strip()
        if code in (408, 425, 429) or code >= 500:
            raise GagalSementara(reason)
        raise GagalPermanen(reason)  # 4xx: invalid number, unregistered on WhatsApp, bad request


@register_kanal
class WhatsApp(HttpGateway):
    kode = "whatsapp"
    label = "WhatsApp"
    prefix = "WHATSAPP"

    def text(self, pesan) -> str:
        return f"*{pesan.subjek}*\n\n{pesan.isi}"


@register_kanal
class Sms(HttpGateway):
    kode = "sms"
    label = "SMS"
    prefix = "SMS"

    def text(self, pesan) -> str:
        return pesan.isi_singkat or pesan.isi
