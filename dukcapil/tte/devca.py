"""A development certificate authority and signer certificates (demo and tests only).

An office uses the certificate its CA (BSrE) issued instead; see README, "Tanda tangan elektronik".
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


@dataclass(frozen=True)
class DevCA:
    cert: x509.Certificate
    key: rsa.RSAPrivateKey

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)


def _name(common_name: str, org: str = "Dukcapil (pengembangan)", serial: str | None = None) -> x509.Name:
    attrs = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ]
    if serial:
        attrs.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, serial))
    return x509.Name(attrs)


# Neither the CA's key nor a signer's is ever used to encrypt or to agree keys.
_NO_ENCRYPTION = {
    "key_encipherment": False,
    "data_encipherment": False,
    "key_agreement": False,
    "encipher_only": False,
    "decipher_only": False,
}


def _key_usage(*, ca: bool) -> x509.KeyUsage:
    """A CA signs certificates and CRLs only; a signer's key signs documents, with non-repudiation."""
    return x509.KeyUsage(
        digital_signature=not ca, content_commitment=not ca, key_cert_sign=ca, crl_sign=ca, **_NO_ENCRYPTION
    )


def _certificate(
    subject: x509.Name, issuer: x509.Name, key: rsa.RSAPrivateKey, days: int, *, ca: bool
) -> x509.CertificateBuilder:
    """A certificate for ``key`` (a CA's or a signer's), valid from five minutes ago for ``days``."""
    now = datetime.now(UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), critical=True)
        .add_extension(_key_usage(ca=ca), critical=True)
    )


def create_ca(common_name: str = "Dukcapil Development Root CA", days: int = 3650) -> DevCA:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (
        _certificate(_name(common_name), _name(common_name), key, days, ca=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return DevCA(cert, key)


def issue_signer_p12(ca: DevCA, *, nama: str, nik: str, passphrase: str, days: int = 730) -> bytes:
    """A signing certificate for one official, packed with its key as PKCS#12 under ``passphrase``."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (
        _certificate(_name(nama, serial=nik), ca.cert.subject, key, days, ca=False)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False)
        .sign(ca.key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        name=nama.encode(),
        key=key,
        cert=cert,
        cas=[ca.cert],
        encryption_algorithm=serialization.BestAvailableEncryption(passphrase.encode()),
    )


def write_ca(ca: DevCA, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "dev-root-ca.pem"
    path.write_bytes(ca.pem)
    (directory / "dev-root-ca.key").write_bytes(
        ca.key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return path


def load_ca(directory: Path) -> DevCA | None:
    cert_path, key_path = directory / "dev-root-ca.pem", directory / "dev-root-ca.key"
    if not (cert_path.exists() and key_path.exists()):
        return None
    return DevCA(
        x509.load_pem_x509_certificate(cert_path.read_bytes()),
        serialization.load_pem_private_key(key_path.read_bytes(), password=None),
    )
