"""What a record needs to be signed by the Kadis through the one signing path.

A workflow record type that produces signed documents (a berkas, a naskah dinas, a PIAK reply)
inherits ``Signable`` and declares the django-fsm transitions ``sign`` (``TTE_STATUS`` →
``CETAK_STATUS``, permission ``requires(Aksi.TTE)``) and ``signing_failed`` (back, ``SYSTEM``).
The batch, the passphrase lockout, PAdES, QR verification and revocation then work for it
unchanged (dukcapil.tte.services).
"""

from typing import ClassVar


class Signable:
    TTE_STATUS: ClassVar[str] = "tte"
    CETAK_STATUS: ClassVar[str] = "cetak"

    def signing_documents(self) -> list:
        """The documents to sign (dukcapil.registry.DocumentSpec), the main product first."""
        raise NotImplementedError

    def signing_subject(self) -> str:
        """Whom the documents concern, as the public verification page shows it (masked)."""
        return ""

    def signing_completed(self, stored: dict, system, note: str) -> None:
        """Every document is signed and stored ({jenis: Dokumen}): move the record out of
        ``CETAK_STATUS`` (dukcapil.workflow.services.record_transition, with ``note`` for the kartu
        kendali) and do what follows."""
        raise NotImplementedError
