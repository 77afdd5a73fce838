from django.apps import AppConfig


class PendaftaranConfig(AppConfig):
    name = "pendaftaran"
    verbose_name = "Pelayanan Pendaftaran Penduduk"

    def ready(self) -> None:
        from dukcapil.registry import BerkasKind, register

        from .document_builders import build_kk_pdf
        from .forms import IntakeKKForm
        from .services import permohonan_kk_create, permohonan_kk_missing_data

        register(
            BerkasKind(
                key="pendaftaran.kk",
                label="Kartu Keluarga",
                document_jenis="kk",
                render_document=build_kk_pdf,
                missing_data=permohonan_kk_missing_data,
                create_detail=permohonan_kk_create,
                entry_url_name="pendaftaran:entri-kk",
                detail_template="pendaftaran/_kk_detail.html",
                intake_form=IntakeKKForm,
            )
        )
