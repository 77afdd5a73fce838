"""Signer backends behind one interface: open a session with the signer's passphrase, sign PDFs.

* ``LocalPadesBackend``: pyhanko with the signer's PKCS#12 file (PAdES B-B).
* ``BsreBackend``: the office's on-premise BSrE "Esign Client Service" (NIK + passphrase).

The passphrase is given to ``open_session`` only; it is never stored or logged here.
"""

import dataclasses
import functools
import hashlib
import hmac
import io
import logging
import os
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

import requests
from asn1crypto import cms
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
from django.conf import settings
from django.utils.module_loading import import_string
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.general import get_pyca_cryptography_hash
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

logger = logging.getLogger(__name__)

SIGNATURE_FIELD = "TTE_Kadis"
# Room for the CMS blob (RSA-2048 chain of two certs ≈ 4 KiB); given explicitly so pyhanko does
# not sign twice to measure it.
BYTES_RESERVED = 16 * 1024
ONE_HOUR = timedelta(hours=1)


class TTEError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class PassphraseSalah(TTEError):
    """Wrong passphrase: nothing was signed."""


class SignerUnavailable(TTEError):
    """The signer has no certificate, or the signing service cannot be reached."""


@dataclass(frozen=True)
class SignRequest:
    pdf: bytes
    reason: str
    location: str


class SigningSession(Protocol):
    signer_name: str

    def sign(self, request: SignRequest) -> bytes: ...


class Backend(Protocol):
    def open_session(self, *, certificate, passphrase: str) -> SigningSession: ...


# --- local PKCS#12 with pyhanko ------------------------------------------------------------


class ReusedKeySigner(signers.SimpleSigner):
    """pyhanko's SimpleSigner re-parses (and re-validates) the private key for every signature;
    this one parses it once per session. RSA PKCS#1 v1.5 (what a PKCS#12 from BSrE or the
    development CA carries) is handled here; other mechanisms fall back to pyhanko.

    It also builds the CMS container of a PAdES signature from a template (``CmsTemplate``): for
    one signer the container pyhanko makes differs between documents only in the document digest
    and the RSA signature over the signed attributes, so pyhanko builds it once per session and each
    document fills in those two (byte for byte what pyhanko would produce; tests compare them)."""

    @classmethod
    def from_simple(cls, signer: signers.SimpleSigner) -> "ReusedKeySigner":
        reused = cls(
            signing_cert=signer.signing_cert, signing_key=signer.signing_key, cert_registry=signer.cert_registry
        )
        reused._pyca_key = serialization.load_der_private_key(signer.signing_key.dump(), password=None)
        reused._templates = {}
        return reused

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        if mechanism == "rsassa_pkcs1v15" and isinstance(self._pyca_key, RSAPrivateKey):
            return self._pyca_key.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))
        return super().sign_raw(data, digest_algorithm)

    async def async_sign(
        self,
        data_digest: bytes,
        digest_algorithm: str,
        dry_run=False,
        use_pades=False,
        timestamper=None,
        signed_attr_settings: PdfCMSSignedAttributes | None = None,
        is_pdf_sig=True,
        encap_content_info=None,
    ) -> cms.ContentInfo:
        pyhanko = functools.partial(
            super().async_sign,
            data_digest,
            digest_algorithm,
            dry_run=dry_run,
            use_pades=use_pades,
            timestamper=timestamper,
            signed_attr_settings=signed_attr_settings,
            is_pdf_sig=is_pdf_sig,
            encap_content_info=encap_content_info,
        )
        templated = (
            use_pades  # PAdES: no signing time in the CMS (it is the signature dictionary's /M)
            and not dry_run
            and timestamper is None
            and is_pdf_sig
            and encap_content_info is None
            and signed_attr_settings is not None
            and signed_attr_settings.adobe_revinfo_attr is None
            and signed_attr_settings.cades_signed_attrs is None
        )
        if not templated:
            return await pyhanko()
        key = digest_algorithm.lower()
        if key not in self._templates:
            self._templates[key] = await CmsTemplate.build(self, data_digest, digest_algorithm, signed_attr_settings)
        template = self._templates[key]
        der = template.fill(data_digest, self) if template is not None else None
        if der is None:
            return await pyhanko()
        return cms.ContentInfo.load(der)


@dataclass(frozen=True)
class CmsTemplate:
    """pyhanko's CMS SignedData of one signer, with the places of the document digest (inside the
    signed attributes) and of the signature over those attributes."""

    der: bytes
    digest_algorithm: str
    attrs_at: int
    attrs_end: int
    digest_at: int
    digest_end: int
    signature_at: int
    signature_end: int

    @classmethod
    async def build(
        cls, signer: signers.Signer, digest: bytes, digest_algorithm: str, settings: PdfCMSSignedAttributes
    ) -> "CmsTemplate | None":
        """Two containers from pyhanko (different digests and signing times) must differ only in
        the digest and the signature, each found once; otherwise None (pyhanko signs every time)."""
        other = bytes(b ^ 0xFF for b in digest)
        later = dataclasses.replace(settings, signing_time=(settings.signing_time or datetime.now(UTC)) + ONE_HOUR)
        made = []
        for value, attrs in ((digest, settings), (other, later)):
            content = await signers.Signer.async_sign(
                signer, value, digest_algorithm, use_pades=True, signed_attr_settings=attrs
            )
            made.append(content.dump())  # as pyhanko writes it into the PDF
        first, second = made
        info = cms.ContentInfo.load(first)["content"]["signer_infos"][0]
        attrs, signature = info["signed_attrs"].dump(), info["signature"].native
        places = [(first.find(part), len(part)) for part in (attrs, digest, signature)]
        if len(first) != len(second) or any(first.count(part) != 1 for part in (attrs, digest, signature)):
            return None
        (attrs_at, attrs_len), (digest_at, digest_len), (signature_at, signature_len) = places
        template = cls(
            first,
            digest_algorithm,
            attrs_at,
            attrs_at + attrs_len,
            digest_at,
            digest_at + digest_len,
            signature_at,
            signature_at + signature_len,
        )
        if not attrs_at < digest_at < template.attrs_end <= signature_at:
            return None
        if template.fill(other, signer) != second:
            return None
        return template

    def fill(self, digest: bytes, signer: signers.Signer) -> bytes | None:
        if len(digest) != self.digest_end - self.digest_at:
            return None
        der = self.der
        attrs = b"\x31" + der[self.attrs_at + 1 : self.digest_at] + digest + der[self.digest_end : self.attrs_end]
        signature = signer.sign_raw(attrs, self.digest_algorithm)  # signed as a SET, stored as [0] IMPLICIT
        if len(signature) != self.signature_end - self.signature_at:
            return None
        return (
            der[: self.digest_at]
            + digest
            + der[self.digest_end : self.signature_at]
            + signature
            + der[self.signature_end :]
        )


class LocalPadesSession:
    def __init__(self, signer: signers.SimpleSigner):
        self._signer = ReusedKeySigner.from_simple(signer)  # key parsed once for the whole batch
        self.signer_name = signer.signing_cert.subject.native.get("common_name", "")

    def sign(self, request: SignRequest) -> bytes:
        writer = IncrementalPdfFileWriter(io.BytesIO(request.pdf), strict=False)
        meta = signers.PdfSignatureMetadata(
            field_name=SIGNATURE_FIELD,
            subfilter=fields.SigSeedSubFilter.PADES,
            md_algorithm="sha256",
            reason=request.reason,
            location=request.location,
        )
        pdf_signer = signers.PdfSigner(meta, signer=self._signer, new_field_spec=fields.SigFieldSpec(SIGNATURE_FIELD))
        out = io.BytesIO()
        pdf_signer.sign_pdf(writer, bytes_reserved=BYTES_RESERVED, output=out)
        return out.getvalue()


# Sessions opened in this process, so a worker parses the PKCS#12 (key derivation, key and chain
# parsing) once per signer and not once per chunk. Process memory only, never Redis or the
# database. Keyed by the certificate row, its file (path, size, mtime: a replaced .p12 misses) and
# an HMAC of the passphrase under a key drawn at process start (a wrong passphrase misses, so it is
# still checked and audited); entries end after TTE_SESSION_TTL like the batch's session.
_SESSIONS: dict[tuple, tuple[float, "LocalPadesSession"]] = {}
_SESSIONS_LOCK = threading.Lock()
_SESSIONS_MAX = 4
_PROCESS_SALT = secrets.token_bytes(32)


def _session_key(certificate, passphrase: str) -> tuple:
    stat = os.stat(certificate.p12_path)
    digest = hmac.new(_PROCESS_SALT, passphrase.encode(), hashlib.sha256).digest()
    return (getattr(certificate, "pk", None), certificate.p12_path, stat.st_size, stat.st_mtime_ns, digest)


def clear_session_cache() -> None:
    """Forget every signer loaded in this process (a certificate was replaced or deactivated)."""
    with _SESSIONS_LOCK:
        _SESSIONS.clear()


class LocalPadesBackend:
    def open_session(self, *, certificate, passphrase: str) -> LocalPadesSession:
        if not certificate.p12_path:
            raise SignerUnavailable("Sertifikat elektronik penandatangan belum dipasang.")
        try:
            key = _session_key(certificate, passphrase)
        except OSError:
            raise SignerUnavailable("Berkas sertifikat elektronik tidak dapat dibaca.") from None
        now = time.monotonic()
        with _SESSIONS_LOCK:
            cached = _SESSIONS.get(key)
            if cached is not None and cached[0] > now:
                return cached[1]
        session = self._load(certificate, passphrase)
        with _SESSIONS_LOCK:
            for stale in [k for k, (until, _) in _SESSIONS.items() if until <= now or k[:2] == key[:2]]:
                del _SESSIONS[stale]  # expired, or an older file/passphrase of this certificate
            while len(_SESSIONS) >= _SESSIONS_MAX:
                del _SESSIONS[next(iter(_SESSIONS))]
            _SESSIONS[key] = (now + settings.TTE_SESSION_TTL, session)
        return session

    def _load(self, certificate, passphrase: str) -> LocalPadesSession:
        try:
            # returns None (does not raise) on a wrong passphrase
            signer = signers.SimpleSigner.load_pkcs12(certificate.p12_path, passphrase=passphrase.encode())
        except OSError:
            raise SignerUnavailable("Berkas sertifikat elektronik tidak dapat dibaca.") from None
        except ValueError:
            signer = None
        if signer is None:
            raise PassphraseSalah("Passphrase salah. Tidak ada dokumen yang ditandatangani.")
        return LocalPadesSession(signer)


# --- BSrE Esign Client Service ----------------------------------------------------------------


class BsreSession:
    def __init__(self, base_url: str, nik: str, passphrase: str, timeout: float, signer_name: str):
        self._base = base_url.rstrip("/")
        self._nik = nik
        self._passphrase = passphrase
        self._timeout = timeout
        self._http = requests.Session()
        self.signer_name = signer_name

    def sign(self, request: SignRequest) -> bytes:
        try:
            response = self._http.post(
                f"{self._base}/api/sign/pdf",
                files={"file": ("dokumen.pdf", request.pdf, "application/pdf")},
                data={"nik": self._nik, "passphrase": self._passphrase, "tampilan": "invisible"},
                timeout=self._timeout,
            )
        except requests.RequestException as exc:
            raise SignerUnavailable(f"Layanan TTE tidak dapat dihubungi ({type(exc).__name__}).") from None
        if response.status_code in (400, 401, 403):
            message = _error_text(response)
            if "passphrase" in message.lower():
                raise PassphraseSalah("Passphrase salah. Tidak ada dokumen yang ditandatangani.")
            raise TTEError(f"Layanan TTE menolak dokumen: {message}")
        if response.status_code >= 500:
            raise SignerUnavailable(f"Layanan TTE gagal (HTTP {response.status_code}).")
        if response.headers.get("Content-Type", "").startswith("application/pdf"):
            return response.content
        document_id = response.json().get("id_dokumen")
        if not document_id:
            raise TTEError("Layanan TTE tidak mengembalikan dokumen.")
        download = self._http.get(f"{self._base}/api/sign/download/{document_id}", timeout=self._timeout)
        if download.status_code != 200:
            raise SignerUnavailable(f"Dokumen bertanda tangan tidak dapat diunduh (HTTP {download.status_code}).")
        return download.content


def _error_text(response: requests.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:200]
    return str(body.get("error") or body.get("message") or body)[:200]


class BsreBackend:
    def open_session(self, *, certificate, passphrase: str) -> BsreSession:
        if not certificate.nik:
            raise SignerUnavailable("NIK penandatangan untuk layanan TTE belum diisi.")
        return BsreSession(
            settings.TTE_BSRE_URL, certificate.nik, passphrase, settings.TTE_BSRE_TIMEOUT, certificate.nama
        )


def get_backend() -> Backend:
    return import_string(settings.TTE_BACKEND)()
