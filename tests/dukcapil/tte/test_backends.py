"""The local PAdES signer: the CMS container made from a per-session template is pyhanko's own."""

import asyncio
import functools
import hashlib
import io
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from asn1crypto import x509
from cryptography.hazmat.primitives.serialization import Encoding
from django.conf import settings
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from reportlab.pdfgen import canvas

from dukcapil.tte import backends, devca
from tests.factories import TTE_PASSPHRASE


def own_thread(test):
    """Runs the test in a thread of its own: ``asyncio.run`` (here and inside pyhanko's sync API)
    needs a thread without a running event loop, and the browser suite's Playwright keeps one
    running in the main thread for the rest of the session."""

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(test, *args, **kwargs).result()

    return wrapper


def session_signer(kadis_p12) -> backends.ReusedKeySigner:
    simple = signers.SimpleSigner.load_pkcs12(str(kadis_p12), passphrase=TTE_PASSPHRASE.encode())
    return backends.ReusedKeySigner.from_simple(simple)


def a_pdf(text: str) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, text)
    page.save()
    return out.getvalue()


@own_thread
def test_templated_cms_is_byte_for_byte_what_pyhanko_makes(kadis_p12):
    signer = session_signer(kadis_p12)
    attrs = PdfCMSSignedAttributes(signing_time=datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    for text in ["KK satu", "KK dua", "KK tiga"]:
        digest = hashlib.sha256(text.encode()).digest()
        # given the container pyhanko builds itself for this digest
        expected = asyncio.run(
            signers.Signer.async_sign(signer, digest, "sha256", use_pades=True, signed_attr_settings=attrs)
        ).dump()
        # when the session signs the same digest through its template
        made = asyncio.run(signer.async_sign(digest, "sha256", use_pades=True, signed_attr_settings=attrs)).dump()
        # then the bytes are the same (RSA PKCS#1 v1.5 is deterministic)
        assert made == expected
    assert signer._templates["sha256"] is not None


@own_thread
def test_a_pdf_signed_through_the_template_validates_against_the_ca(kadis_p12):
    session = backends.LocalPadesSession(
        signers.SimpleSigner.load_pkcs12(str(kadis_p12), passphrase=TTE_PASSPHRASE.encode())
    )
    root = x509.Certificate.load(devca.load_ca(settings.TTE_DIR).cert.public_bytes(encoding=Encoding.DER))
    for name in ["BUDI SANTOSO", "SITI AMINAH"]:
        pdf = a_pdf(name)
        signed = session.sign(backends.SignRequest(pdf=pdf, reason="Penerbitan KK", location="Bintan"))
        signature = PdfFileReader(io.BytesIO(signed)).embedded_signatures[0]
        status = validate_pdf_signature(signature, ValidationContext(trust_roots=[root]))
        assert status.bottom_line and status.intact and status.valid and status.trusted
        assert status.coverage.name == "ENTIRE_FILE"
        assert signed.startswith(pdf)  # the document itself, with the signature as an incremental update
    assert session._signer._templates["sha256"] is not None


@own_thread
def test_a_dry_run_or_non_pades_signature_is_left_to_pyhanko(kadis_p12):
    signer = session_signer(kadis_p12)
    attrs = PdfCMSSignedAttributes(signing_time=datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    digest = hashlib.sha256(b"x").digest()
    asyncio.run(signer.async_sign(digest, "sha256", dry_run=True, use_pades=True, signed_attr_settings=attrs))
    asyncio.run(signer.async_sign(digest, "sha256", use_pades=False, signed_attr_settings=attrs))
    assert signer._templates == {}
