"""A naskah dinas as a later bidang app would add it: its own record and state machine on the core."""

from datetime import date

from django.db import models
from django_fsm import FSMField, FSMModelMixin, transition
from simple_history.models import HistoricalRecords

from dukcapil.documents.letter import Surat, render_surat
from dukcapil.documents_builders import office_header
from dukcapil.registry import DocumentSpec, RenderedDocument, register_document_label
from dukcapil.tte.signable import Signable
from dukcapil.workflow.models import WorkflowRecord
from dukcapil.workflow.permissions import SYSTEM, Aksi, requires
from dukcapil.workflow.services import record_transition

register_document_label("naskah-uji", "Naskah dinas")


def render_naskah(naskah: "NaskahUji", *, verification_url: str, signer) -> RenderedDocument:
    surat = Surat(
        office=office_header(signer),
        nomor=naskah.nomor_naskah,
        tanggal=date(2026, 12, 1),
        sifat="Biasa",
        perihal=naskah.perihal,
        kepada=[f"Yth. {naskah.kepada}", "di", "Tempat"],
        isi=["Dengan hormat, bersama ini kami sampaikan data agregat kependudukan semester II."],
        verification_url=verification_url,
        tembusan=["Sekretaris Daerah"],
    )
    return RenderedDocument(pdf=render_surat(surat), nomor=naskah.nomor_naskah)


class NaskahUji(FSMModelMixin, Signable, WorkflowRecord):
    KOTAK_MASUK = {"tte": Aksi.TTE}

    nomor_naskah = models.CharField(max_length=40)
    perihal = models.CharField(max_length=200)
    kepada = models.CharField(max_length=200)
    status = FSMField(default="konsep", protected=True)
    history = HistoricalRecords()

    class Meta:
        app_label = "signable_app"
        verbose_name = "naskah dinas"

    def get_absolute_url(self) -> str:
        return f"/naskah/{self.pk}/"

    @property
    def nomor(self) -> str:
        return self.nomor_naskah

    @property
    def judul(self) -> str:
        return f"Naskah dinas: {self.perihal}"

    @transition(field=status, source="konsep", target="tte", permission=requires(Aksi.KONSEP_NASKAH))
    def ajukan(self) -> None:
        pass

    @transition(field=status, source="tte", target="cetak", permission=requires(Aksi.TTE))
    def sign(self) -> None:
        pass

    @transition(field=status, source="cetak", target="terbit", permission=SYSTEM)
    def terbitkan(self) -> None:
        pass

    @transition(field=status, source="cetak", target="tte", permission=SYSTEM)
    def signing_failed(self) -> None:
        pass

    def signing_documents(self) -> list[DocumentSpec]:
        return [DocumentSpec("naskah-uji", "Naskah dinas", render_naskah)]

    def signing_subject(self) -> str:
        return self.kepada

    def signing_completed(self, stored: dict, system, note: str) -> None:
        record_transition(self, "terbitkan", system, note)
