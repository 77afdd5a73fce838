"""Check an uploaded PDF: is it the issued file (hash), and is its signature valid and trusted?"""

import hashlib
import io
import logging
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import pem, x509
from django.conf import settings
from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class VerificationResult:
    same_file: bool
    signed: bool
    intact: bool = False
    trusted: bool = False
    signer: str = ""
    covers_whole_file: bool = False
    problem: str = ""

    @property
    def valid(self) -> bool:
        return self.signed and self.intact and self.trusted and self.covers_whole_file


def trust_roots() -> list[x509.Certificate]:
    roots = []
    for name in settings.TTE_TRUST_ROOTS:
        path = Path(name)
        if not path.exists():
            continue
        data = path.read_bytes()
        if pem.detect(data):
            for _, _, der in pem.unarmor(data, multiple=True):
                roots.append(x509.Certificate.load(der))
        else:
            roots.append(x509.Certificate.load(data))
    return roots


def verify_pdf(data: bytes, expected_sha256: str) -> VerificationResult:
    same = hashlib.sha256(data).hexdigest() == expected_sha256
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        logger.info("uploaded file is not a readable PDF: %s", type(exc).__name__)
        return VerificationResult(same_file=same, signed=False, problem="Berkas bukan PDF yang dapat dibaca.")
    if not signatures:
        return VerificationResult(same_file=same, signed=False, problem="PDF ini tidak bertanda tangan elektronik.")
    signature = signatures[-1]
    try:
        status = validate_pdf_signature(signature, ValidationContext(trust_roots=trust_roots()))
    except Exception as exc:  # a malformed signature must not become a 500
        logger.info("signature validation failed: %s", type(exc).__name__)
        return VerificationResult(same_file=same, signed=True, problem="Tanda tangan tidak dapat diperiksa.")
    signer = status.signing_cert.subject.native.get("common_name", "") if status.signing_cert else ""
    return VerificationResult(
        same_file=same,
        signed=True,
        intact=status.intact and status.valid,
        trusted=status.trusted,
        signer=signer,
        covers_whole_file=status.coverage is not None
        and status.coverage.name in ("ENTIRE_FILE", "ENTIRE_REVISION")
        and status.modification_level is not None
        and status.modification_level.name in ("NONE", "LTA_UPDATES"),
    )
