from django.apps import AppConfig


class PendaftaranConfig(AppConfig):
    name = "pendaftaran"
    verbose_name = "Pelayanan Pendaftaran Penduduk"

    def ready(self) -> None:
        from dukcapil.penduduk import set_household_lookup
        from dukcapil.registry import BerkasKind, register

        from . import kinds, layanan
        from .document_builders import (
            build_datang_pdf,
            build_kartu_pdf,
            build_kk_pdf,
            build_pindah_pdf,
            build_sktt_pdf,
        )
        from .forms import IntakeKKForm, IntakeVarianForm
        from .kinds.base import PendudukKind
        from .register import household_niks
        from .services import (
            apply_kk_effects,
            kk_persyaratan_facts,
            permohonan_kk_create,
            permohonan_kk_missing_data,
            rebase_kk,
        )

        kinds.load()  # every variant registers itself (dukcapil.kinds)
        set_household_lookup(household_niks)  # the pickup desk checks «anggota keluarga» against the KK

        kk = {
            "missing_data": permohonan_kk_missing_data,
            "create_detail": permohonan_kk_create,
            "entry_url_name": "pendaftaran:entri-kk",
            "detail_template": "pendaftaran/_kk_detail.html",
            "persyaratan_facts": kk_persyaratan_facts,
            "apply_effects": apply_kk_effects,
            "rebase": rebase_kk,
        }
        register(
            BerkasKind(
                key="pendaftaran.kk",
                label="Kartu Keluarga",
                document_jenis="kk",
                render_document=build_kk_pdf,
                intake_form=IntakeKKForm,
                **kk,
            )
        )
        register(
            BerkasKind(
                key="pendaftaran.skdwni",
                label="SKDWNI",
                document_jenis="skdwni",
                render_document=build_datang_pdf,
                **kk,
            )
        )
        register(
            BerkasKind(
                key="pendaftaran.skdln", label="SKDLN", document_jenis="skdln", render_document=build_datang_pdf, **kk
            )
        )
        generic = {
            "missing_data": layanan.missing_data,
            "create_detail": layanan.permohonan_create,
            "entry_url_name": "pendaftaran:entri",
            "detail_template": "pendaftaran/_permohonan_detail.html",
            "intake_form": IntakeVarianForm,
            "persyaratan_facts": layanan.persyaratan_facts,
            "apply_effects": layanan.apply_effects,
            "rebase": layanan.rebase,
            "activation_required": layanan.activation_required,
        }
        for key, label, jenis, render in [
            ("ktp-el", "KTP-el", "ktp-el", build_kartu_pdf),
            ("kia", "KIA", "kia", build_kartu_pdf),
            ("skpwni", "SKPWNI", "skpwni", build_pindah_pdf),
            ("skpln", "SKPLN", "skpln", build_pindah_pdf),
            ("batal-pindah", "Surat Keterangan Batal Pindah", "batal-pindah", build_pindah_pdf),
            ("sktt", "SKTT", "sktt", build_sktt_pdf),
        ]:
            family = f"pendaftaran.{key}"
            # a family of printed cards takes a blank from stock for each card
            cards = any(k.blangko for k in kinds.kinds_of(PendudukKind) if k.family == family)
            register(
                BerkasKind(
                    key=family,
                    label=label,
                    document_jenis=jenis,
                    render_document=render,
                    take_blangko=layanan.take_blangko if cards else None,
                    **generic,
                )
            )
