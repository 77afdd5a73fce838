"""Perkawinan and perceraian (P.5.1): the akta; both spouses' status perkawinan in the register."""

from datetime import date

from dukcapil.models import User
from pendaftaran.choices import StatusPerkawinan
from pendaftaran.register import penduduk_by_nik

from .. import forms as f
from ..choices import JenisAkta, JenisCatatan, JenisPermohonanAkta
from ..models import Akta, PermohonanAkta
from ..register_akta import active_person, change, fail
from .base import AktaKind, penetapan, service

USIA_MINIMAL_KAWIN = 19  # UU 16/2019


def _couple(data: dict):
    return active_person(data["nik_suami"], "nik_suami"), active_person(data["nik_istri"], "nik_istri")


def _couple_name(suami, istri) -> str:
    """The subject of a marriage or divorce akta."""
    return f"{suami.nama} DAN {istri.nama}"


@service(JenisPermohonanAkta.PERKAWINAN, "akta-perkawinan", f.PerkawinanForm)
class PerkawinanKind(AktaKind):
    akta_baru = JenisAkta.PERKAWINAN
    kondisi_di_loket = True

    def check_register(self, permohonan: PermohonanAkta, data: dict) -> dict:
        if data["agama"] == "ISLAM":
            fail("agama", "Perkawinan pasangan beragama Islam dicatat oleh KUA, bukan Dinas Dukcapil.")
        suami, istri = _couple(data)
        if suami.jenis_kelamin != "L" or istri.jenis_kelamin != "P":
            fail("nik_suami", "NIK suami harus laki-laki dan NIK istri perempuan.")
        tanggal = date.fromisoformat(data["tanggal_perkawinan"])
        # on a re-entry after approval the couple is already kawin by this berkas
        akta = Akta.objects.filter(berkas=permohonan.berkas, jenis=JenisAkta.PERKAWINAN).first()
        married_here = {akta.data.get("nik_suami"), akta.data.get("nik_istri")} if akta else set()
        for person, field in ((suami, "nik_suami"), (istri, "nik_istri")):
            if person.status_perkawinan == StatusPerkawinan.KAWIN and person.nik not in married_here:
                fail(field, f"{person.nama} masih berstatus kawin dalam database kependudukan.")
            if person.usia(tanggal) < USIA_MINIMAL_KAWIN:
                fail(field, f"{person.nama} belum berusia 19 tahun; perlu dispensasi kawin dari pengadilan.")
        return {"nama_suami": suami.nama, "nama_istri": istri.nama}

    def draw_up(self, permohonan: PermohonanAkta, user: User) -> Akta:
        d = permohonan.data
        suami, istri = penduduk_by_nik(d["nik_suami"]), penduduk_by_nik(d["nik_istri"])
        tanggal = date.fromisoformat(d["tanggal_perkawinan"])
        existing = Akta.objects.filter(berkas=permohonan.berkas, jenis=JenisAkta.PERKAWINAN).first()
        before = (existing.status_perkawinan_sebelum if existing else None) or {
            suami.nik: suami.status_perkawinan,
            istri.nik: istri.status_perkawinan,
        }
        tempat, nama = d["tempat_perkawinan"].upper(), _couple_name(suami, istri)
        akta = self.write_akta(
            permohonan, user, tanggal, tempat, nama, dict(d), subjek_nik=suami.nik, status_perkawinan_sebelum=before
        )
        kawin = {
            "status_perkawinan": StatusPerkawinan.KAWIN,
            "tanggal_perkawinan": tanggal,
            "no_akta_perkawinan": akta.nomor,
        }
        for person in (suami, istri):
            sebelum = {"status_perkawinan": before.get(person.nik, person.status_perkawinan)}
            change(permohonan, user, person, kawin, base=sebelum)
        return akta


@service(JenisPermohonanAkta.PERCERAIAN, "akta-perceraian", f.PerceraianForm)
class PerceraianKind(AktaKind):
    akta_baru = JenisAkta.PERCERAIAN
    rujukan = (JenisAkta.PERKAWINAN,)
    rujukan_wajib = False
    rujukan_label = "Nomor akta perkawinan (bila dicatat di kantor ini)"
    catatan = JenisCatatan.PERCERAIAN

    def check_register(self, permohonan: PermohonanAkta, data: dict) -> dict:
        suami, istri = _couple(data)
        akta = permohonan.akta_rujukan
        if akta is not None and {akta.data.get("nik_suami"), akta.data.get("nik_istri")} != {suami.nik, istri.nik}:
            fail("nik_suami", f"NIK suami dan istri tidak sama dengan akta perkawinan {akta.nomor}.")
        for person, field in ((suami, "nik_suami"), (istri, "nik_istri")):
            if person.status_perkawinan not in (StatusPerkawinan.KAWIN, StatusPerkawinan.CERAI_HIDUP):
                fail(field, f"{person.nama} tidak berstatus kawin dalam database kependudukan.")
        if data["tanggal_inkracht"] < data["tanggal_putusan"]:
            fail("tanggal_inkracht", "Tanggal berkekuatan hukum tetap tidak boleh sebelum tanggal putusan.")
        return {"nama_suami": suami.nama, "nama_istri": istri.nama}

    def draw_up(self, permohonan: PermohonanAkta, user: User) -> Akta:
        d = permohonan.data
        suami, istri = penduduk_by_nik(d["nik_suami"]), penduduk_by_nik(d["nik_istri"])
        tanggal, tempat = date.fromisoformat(d["tanggal_inkracht"]), d["pengadilan"].upper()
        data = {**d, "nomor_akta_perkawinan": permohonan.nomor_akta_rujukan}
        akta = self.write_akta(
            permohonan, user, tanggal, tempat, _couple_name(suami, istri), data, subjek_nik=suami.nik
        )
        cerai = {"status_perkawinan": StatusPerkawinan.CERAI_HIDUP, "no_akta_perkawinan": akta.nomor}
        for person in (suami, istri):
            change(permohonan, user, person, cerai, base={"status_perkawinan": StatusPerkawinan.KAWIN})
        return akta

    def catatan_text(self, permohonan: PermohonanAkta, new: Akta | None) -> str:
        return (
            f"Perkawinan ini putus karena perceraian, akta perceraian nomor {new.nomor}, {penetapan(permohonan.data)}."
        )
