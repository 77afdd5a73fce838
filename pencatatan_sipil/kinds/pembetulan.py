"""Pembetulan akta (P.5.5): an element of the akta corrected from an authentic document; the old
kutipan is revoked."""

from dukcapil.models import User

from .. import forms as f
from ..choices import JenisAkta, JenisCatatan, JenisPermohonanAkta
from ..models import Akta, PermohonanAkta
from ..register_akta import change, fail, person_or_none, save_akta
from .base import CatatanKind, service

# Elements a pembetulan may correct, per jenis akta: (key in Akta.data, label, Penduduk field or "").
ELEMEN = {
    JenisAkta.KELAHIRAN: [
        ("nama", "Nama anak", "nama"),
        ("tempat_lahir", "Tempat lahir", "tempat_lahir"),
        ("nama_ayah", "Nama ayah", "nama_ayah"),
        ("nama_ibu", "Nama ibu", "nama_ibu"),
    ],
    JenisAkta.KEMATIAN: [("nama", "Nama", ""), ("tempat_kematian", "Tempat kematian", "")],
    JenisAkta.PERKAWINAN: [
        ("nama_suami", "Nama suami", ""),
        ("nama_istri", "Nama istri", ""),
        ("tempat_perkawinan", "Tempat perkawinan", ""),
        ("pemuka_agama", "Nama pemuka agama", ""),
    ],
    JenisAkta.PERCERAIAN: [("nama_suami", "Nama suami", ""), ("nama_istri", "Nama istri", "")],
    JenisAkta.LAHIR_MATI: [("nama_ibu", "Nama ibu", ""), ("nama_ayah", "Nama ayah", "")],
    JenisAkta.PENGAKUAN: [("nama", "Nama anak", ""), ("nama_ayah", "Nama ayah", "")],
    JenisAkta.PENGESAHAN: [("nama", "Nama anak", ""), ("nama_ayah", "Nama ayah", ""), ("nama_ibu", "Nama ibu", "")],
}


@service(JenisPermohonanAkta.PEMBETULAN, "pembetulan-akta", f.PembetulanForm)
class PembetulanKind(CatatanKind):
    catatan = JenisCatatan.PEMBETULAN
    mencabut_kutipan = True

    def form(self, permohonan: PermohonanAkta, data=None):
        jenis = permohonan.akta_rujukan.jenis if permohonan.akta_rujukan_id else JenisAkta.KELAHIRAN
        choices = [(k, label) for k, label, _ in ELEMEN[jenis]]
        return self.entry_form(data, initial=dict(permohonan.data), elemen_choices=choices)

    def check_register(self, permohonan: PermohonanAkta, data: dict) -> dict:
        isi_lama = str(permohonan.akta_rujukan.data.get(data["elemen"], ""))
        if isi_lama == data["isi_baru"]:
            fail("isi_baru", "Isi yang benar sama dengan isi akta sekarang; tidak ada yang dibetulkan.")
        return {"isi_lama": isi_lama}

    def catatan_text(self, permohonan: PermohonanAkta, new: Akta | None) -> str:
        d = permohonan.data
        label = {k: lbl for k, lbl, _ in ELEMEN[permohonan.akta_rujukan.jenis]}.get(d["elemen"], d["elemen"])
        return f"{label} dibetulkan dari «{d['isi_lama']}» menjadi «{d['isi_baru']}» berdasarkan {d['dokumen_dasar']}."

    def rujukan_effects(self, permohonan: PermohonanAkta, akta: Akta, user: User) -> None:
        d = permohonan.data
        _key, _label, field = next(e for e in ELEMEN[akta.jenis] if e[0] == d["elemen"])
        values = {"data": {**akta.data, d["elemen"]: d["isi_baru"]}}
        if d["elemen"] == "nama":
            values["subjek_nama"] = d["isi_baru"]
        save_akta(akta, user, **values)
        subject = person_or_none(akta.subjek_nik)
        if subject is not None and field:
            # an authentic document corrects the register whatever it holds now
            change(permohonan, user, subject, {field: d["isi_baru"]})
