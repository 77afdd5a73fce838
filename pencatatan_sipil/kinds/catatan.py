"""Services that write a catatan pinggir on an existing akta and reprint its kutipan (P.5.2–P.5.4,
P.5.6 pengangkatan): kewarganegaraan, peristiwa penting lainnya, perubahan nama, pengangkatan anak."""

from dukcapil.models import User

from .. import forms as f
from ..choices import JenisAkta, JenisCatatan, JenisPermohonanAkta, KasusKewarganegaraan
from ..models import Akta, PermohonanAkta
from ..register_akta import change, fail, person_or_none
from .base import CatatanKind, penetapan, service


@service(JenisPermohonanAkta.KEWARGANEGARAAN, "perubahan-kewarganegaraan", f.KewarganegaraanForm)
class KewarganegaraanKind(CatatanKind):
    catatan = JenisCatatan.KEWARGANEGARAAN

    def check_register(self, permohonan: PermohonanAkta, data: dict) -> dict:
        kasus = data["kasus"]
        baru = data["kewarganegaraan_baru"].strip().upper()
        if kasus == KasusKewarganegaraan.WNA_KE_WNI and baru != "WNI":
            fail("kewarganegaraan_baru", "Untuk perubahan WNA menjadi WNI, kewarganegaraan sekarang harus WNI.")
        if kasus == KasusKewarganegaraan.WNI_KE_WNA and baru == "WNI":
            fail("kewarganegaraan_baru", "Isi nama negara kewarganegaraan yang baru.")
        return {"kewarganegaraan_baru": baru}

    def catatan_text(self, permohonan: PermohonanAkta, new: Akta | None) -> str:
        d = permohonan.data
        kasus = KasusKewarganegaraan(d["kasus"]).label
        return f"{kasus}; kewarganegaraan sekarang {d['kewarganegaraan_baru']}, {penetapan(d)}."

    # what each case changes in the register, and what the register is expected to hold before
    REGISTER = {
        KasusKewarganegaraan.WNA_KE_WNI: ({"kewarganegaraan": "WNA"}, {"kewarganegaraan": "WNI", "negara": ""}),
        KasusKewarganegaraan.WNI_KE_WNA: ({"kewarganegaraan": "WNI"}, {"kewarganegaraan": "WNA"}),
    }

    def rujukan_effects(self, permohonan: PermohonanAkta, akta: Akta, user: User) -> None:
        d = permohonan.data
        subject = person_or_none(akta.subjek_nik)
        if subject is None or d["kasus"] not in self.REGISTER:
            return
        base, new = self.REGISTER[d["kasus"]]
        if "negara" not in new:
            new = {**new, "negara": d["kewarganegaraan_baru"]}
        change(permohonan, user, subject, new, base=base)


@service(JenisPermohonanAkta.PERISTIWA_LAIN, "peristiwa-penting-lainnya", f.PeristiwaLainForm)
class PeristiwaLainKind(CatatanKind):
    catatan = JenisCatatan.PERISTIWA_LAIN
    catatan_format = "{uraian}, {penetapan}."


@service(JenisPermohonanAkta.PERUBAHAN_NAMA, "perubahan-nama", f.PerubahanNamaForm)
class PerubahanNamaKind(CatatanKind):
    rujukan = (JenisAkta.KELAHIRAN,)
    rujukan_label = "Nomor akta kelahiran"
    catatan = JenisCatatan.PERUBAHAN_NAMA
    catatan_format = "Nama diubah menjadi {nama_baru}, {penetapan}."

    def rujukan_effects(self, permohonan: PermohonanAkta, akta: Akta, user: User) -> None:
        subject = person_or_none(akta.subjek_nik)
        if subject is not None:
            # the court's decision stands whatever name the register holds now
            change(permohonan, user, subject, {"nama": permohonan.data["nama_baru"]})


@service(JenisPermohonanAkta.PENGANGKATAN, "pengangkatan-anak", f.PengangkatanForm)
class PengangkatanKind(CatatanKind):
    rujukan = (JenisAkta.KELAHIRAN,)
    rujukan_label = "Nomor akta kelahiran anak"
    catatan = JenisCatatan.PENGANGKATAN
    catatan_format = "Anak ini diangkat oleh {nama_ayah_angkat} dan {nama_ibu_angkat}, {penetapan}."
