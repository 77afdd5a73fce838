from django.apps import AppConfig


class PencatatanSipilConfig(AppConfig):
    name = "pencatatan_sipil"
    verbose_name = "Pelayanan Pencatatan Sipil"

    def ready(self) -> None:
        from dukcapil.registry import BerkasKind, register

        from . import (
            documents,  # noqa: F401 (document labels)
            kinds,  # noqa: F401 (registers the services' kinds)
            layanan,
        )
        from .forms import IntakeAktaForm

        def _unused_render(berkas, **kwargs):  # documents come from each kind's document_specs
            raise NotImplementedError

        register(
            BerkasKind(
                key="pencatatan_sipil.akta",
                label="Akta pencatatan sipil",
                document_jenis="kutipan",
                render_document=_unused_render,
                missing_data=layanan.missing_data,
                create_detail=layanan.permohonan_create,
                entry_url_name="pencatatan_sipil:entri",
                detail_template="pencatatan_sipil/_permohonan_detail.html",
                intake_form=IntakeAktaForm,
                persyaratan_facts=layanan.persyaratan_facts,
                apply_effects=layanan.apply_effects,
                on_cancel=layanan.void_on_cancel,
                documents=layanan.document_specs,
                after_signed=layanan.after_signed,
                needs_confirmation=layanan.needs_confirmation,
                subject_key=layanan.subject_key,
            )
        )
