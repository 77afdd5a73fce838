"""Services that write a catatan pinggir on an existing akta and reprint its kutipan (P.5.2–P.5.4,
P.5.6 pengangkatan): kewarganegaraan, peristiwa penting lainnya, perubahan nama, pengangkatan anak."""

from dukcapil.kinds import register_kind
from dukcapil.models import User

from .. import forms as f
from ..choices import JenisAkta, JenisCatatan, JenisPermohonanAkta, KasusKewarganegaraan
from ..models import Akta, PermohonanAkta
from ..register_akta import change, fail, person_or_none
from .base import CatatanKind, penetapan


@register_kind
class KewarganegaraanKind(CatatanKind):
    kode = JenisPermohonanAkta.KEWARGANEGARAAN
    layanan = ("perubahan-kewarganegaraan",)
    entry_form = f.KewarganegaraanForm
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


@register_kind
class PeristiwaLainKind(CatatanKind):
    kode = JenisPermohonanAkta.PERISTIWA_LAIN
    layanan = ("peristiwa-penting-lainnya",)
    entry_form = f.PeristiwaLainForm
    catatan = JenisCatatan.PERISTIWA_LAIN
    catatan_format = "{uraian}, {penetapan}."


@register_kind
class PerubahanNamaKind(CatatanKind):
    kode = JenisPermohonanAkta.PERUBAHAN_NAMA
    layanan = ("perubahan-nama",)
    entry_form = f.PerubahanNamaForm
    rujukan = (JenisAkta.KELAHIRAN,)
    rujukan_label = "Nomor akta kelahiran"
    catatan = JenisCatatan.PERUBAHAN_NAMA
    catatan_format = "Nama diubah menjadi {nama_baru}, {penetapan}."

    def rujukan_effects(self, permohonan: PermohonanAkta, akta: Akta, user: User) -> None:
        subject = person_or_none(akta.subjek_nik)
        if subject is not None:
            # the court's decision stands whatever name the register holds now
            change(permohonan, user, subject, {"nama": permohonan.data["nama_baru"]})


@register_kind
class PengangkatanKind(CatatanKind):
    kode = JenisPermohonanAkta.PENGANGKATAN
    layanan = ("pengangkatan-anak",)
    entry_form = f.PengangkatanForm
    rujukan = (JenisAkta.KELAHIRAN,)
    rujukan_label = "Nomor akta kelahiran anak"
    catatan = JenisCatatan.PENGANGKATAN
    catatan_format = "Anak ini diangkat oleh {nama_ayah_angkat} dan {nama_ibu_angkat}, {penetapan}."
