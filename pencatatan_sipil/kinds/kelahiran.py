"""Kelahiran (P.5.1) and lahir mati: the birth's akta; a live-born child joins the family's KK."""

from datetime import date

from django.utils import timezone

from dukcapil.exceptions import BerkasInvalid
from dukcapil.models import User
from pendaftaran.choices import Hubungan, StatusPenduduk, StatusPerkawinan
from pendaftaran.register import (
    active_members,
    keluarga_by_nomor,
    next_nik,
    register_create_person,
)

from .. import forms as f
from ..choices import JenisAkta, JenisPermohonanAkta
from ..models import Akta, PermohonanAkta
from ..register_akta import active_person, change, fail, person_or_none
from .base import AktaKind, service

# UU 24/2013 art. 27: a birth is reported within 60 days; later is recorded as late.
BATAS_PELAPORAN_KELAHIRAN = 60


def check_parents(data: dict) -> dict:
    """The mother (and the father, if entered) in the register; their names for the akta."""
    ibu = active_person(data["nik_ibu"], "nik_ibu")
    if ibu.jenis_kelamin != "P":
        fail("nik_ibu", f"NIK {ibu.nik} bukan perempuan; periksa NIK ibu.")
    extra = {"nama_ibu": ibu.nama, "agama": ibu.agama, "nama_ayah": ""}
    if data.get("nik_ayah"):
        ayah = active_person(data["nik_ayah"], "nik_ayah")
        if ayah.jenis_kelamin != "L":
            fail("nik_ayah", f"NIK {ayah.nik} bukan laki-laki; periksa NIK ayah.")
        extra["nama_ayah"] = ayah.nama
    return extra


@service(JenisPermohonanAkta.KELAHIRAN, "akta-kelahiran", f.KelahiranForm)
class KelahiranKind(AktaKind):
    akta_baru = JenisAkta.KELAHIRAN

    def check_register(self, permohonan: PermohonanAkta, data: dict) -> dict:
        extra = check_parents(data)
        reported = timezone.localtime(permohonan.berkas.dibuat_pada).date()
        lahir = date.fromisoformat(data["tanggal_lahir"])
        try:
            keluarga = keluarga_by_nomor(data["nomor_kk"])
        except BerkasInvalid:  # unknown or closed KK
            fail("nomor_kk", f"KK {data['nomor_kk']} tidak ada atau tidak aktif dalam database kependudukan.")
        members = active_members(keluarga)
        parents = {data["nik_ibu"], data.get("nik_ayah") or ""}
        if not any(p.nik in parents for p in members):
            fail("nomor_kk", f"Ayah atau ibu tidak tercatat dalam KK {keluarga.nomor_kk}.")
        if data.get("nik_anak"):
            # already in the KK with a NIK (the usual case for an older child): the akta is added
            anak = active_person(data["nik_anak"], "nik_anak")
            if anak.keluarga_id != keluarga.pk:
                fail("nik_anak", f"NIK anak tidak tercatat dalam KK {keluarga.nomor_kk}.")
            if anak.tanggal_lahir != lahir or anak.jenis_kelamin != data["jenis_kelamin"]:
                fail("tanggal_lahir", "Tanggal lahir atau jenis kelamin tidak sama dengan database kependudukan.")
            if anak.no_akta_kelahiran and anak.no_akta_kelahiran != permohonan.nomor_akta:
                fail(
                    "nik_anak",
                    f"{anak.nama} sudah memiliki akta kelahiran {anak.no_akta_kelahiran}; ajukan kutipan kedua.",
                )
            permohonan.nik_anak = anak.nik
        else:
            if not permohonan.nomor_akta:  # not approved yet: no child of this berkas in the register
                permohonan.nik_anak = ""
            if any(
                p.nama == data["nama_anak"] and p.tanggal_lahir == lahir and p.nik != permohonan.nik_anak
                for p in members
            ):
                fail("nama_anak", f"{data['nama_anak']} dengan tanggal lahir ini sudah tercatat dalam KK tersebut.")
        permohonan.hari_pelaporan = (reported - lahir).days
        permohonan.terlambat = permohonan.hari_pelaporan > BATAS_PELAPORAN_KELAHIRAN
        return extra

    def draw_up(self, permohonan: PermohonanAkta, user: User) -> Akta:
        d = permohonan.data
        berkas = permohonan.berkas
        lahir = date.fromisoformat(d["tanggal_lahir"])
        keluarga = keluarga_by_nomor(d["nomor_kk"])
        child = person_or_none(permohonan.nik_anak)
        nik = child.nik if child else next_nik(keluarga.nomor_kk[:6], lahir, d["jenis_kelamin"])
        tempat = d["tempat_lahir"].upper()
        data = {**d, "nama": d["nama_anak"], "nik": nik, "tempat_lahir": tempat}
        akta = self.write_akta(
            permohonan, user, lahir, tempat, d["nama_anak"], data, subjek_nik=nik, terlambat=permohonan.terlambat
        )
        values = {
            "nama": d["nama_anak"],
            "jenis_kelamin": d["jenis_kelamin"],
            "tempat_lahir": tempat,
            "tanggal_lahir": lahir,
            "agama": d["agama"],
            "nama_ayah": d.get("nama_ayah") or "-",
            "nama_ibu": d["nama_ibu"],
            "no_akta_kelahiran": akta.nomor,
        }
        if child is None:
            urutan = max((p.urutan or 0 for p in active_members(keluarga)), default=0) + 1
            register_create_person(
                nik=nik,
                values={
                    **values,
                    "keluarga": keluarga,  # logged by its nomor; no lookup by number
                    "hubungan": Hubungan.ANAK,
                    "urutan": urutan,
                    "status": StatusPenduduk.AKTIF,
                    "pendidikan": "TIDAK/BELUM SEKOLAH",
                    "pekerjaan": "BELUM/TIDAK BEKERJA",
                    "status_perkawinan": StatusPerkawinan.BELUM_KAWIN,
                    "kewarganegaraan": "WNI",
                    "keterangan_status": f"Kelahiran dicatat dengan berkas {berkas}",
                },
                berkas=berkas,
                user=user,
                nik_baru=True,  # from next_nik above
            )
        else:
            # a child this berkas registered (a re-approval) or one already in the KK without an akta
            base = None if child.no_akta_kelahiran == akta.nomor else {"no_akta_kelahiran": ""}
            change(permohonan, user, child, values, base=base)
        permohonan.nik_anak, permohonan.nomor_akta = nik, akta.nomor
        return akta


@service(JenisPermohonanAkta.LAHIR_MATI, "lahir-mati", f.LahirMatiForm)
class LahirMatiKind(AktaKind):
    akta_baru = JenisAkta.LAHIR_MATI

    def check_register(self, permohonan: PermohonanAkta, data: dict) -> dict:
        return check_parents(data)

    def draw_up(self, permohonan: PermohonanAkta, user: User) -> Akta:
        d = permohonan.data
        tanggal, tempat = date.fromisoformat(d["tanggal_peristiwa"]), d["tempat_peristiwa"].upper()
        return self.write_akta(permohonan, user, tanggal, tempat, f"LAHIR MATI DARI {d['nama_ibu']}", dict(d))
