"""Pengakuan and pengesahan anak (P.5.7): their own akta, and a catatan pinggir on the birth."""

from datetime import date

from dukcapil.models import User

from .. import forms as f
from ..choices import JenisAkta, JenisCatatan, JenisPermohonanAkta
from ..models import Akta, PermohonanAkta
from ..register_akta import active_person, change, fail, person_or_none, tgl
from .base import AktaKind, service


class AnakKind(AktaKind):
    """The father of a child whose akta kelahiran names the mother only becomes known."""

    rujukan = (JenisAkta.KELAHIRAN,)
    rujukan_label = "Nomor akta kelahiran anak"
    kutipan_rujukan = True
    tanggal_field = ""

    def check_register(self, permohonan: PermohonanAkta, data: dict) -> dict:
        ayah = active_person(data["nik_ayah"], "nik_ayah")
        if ayah.jenis_kelamin != "L":
            fail("nik_ayah", f"NIK {ayah.nik} bukan laki-laki.")
        return {"nama_ayah": ayah.nama, **self.check_kelahiran(permohonan.akta_rujukan, data)}

    def check_kelahiran(self, akta: Akta, data: dict) -> dict:
        """Checks of the entry against the child's akta kelahiran; returns what it takes from the register."""
        return {}

    def draw_up(self, permohonan: PermohonanAkta, user: User) -> Akta:
        d = permohonan.data
        lahir = permohonan.akta_rujukan
        tanggal = date.fromisoformat(d[self.tanggal_field])
        nama_ibu = lahir.data.get("nama_ibu", d.get("nama_ibu", ""))
        data = {**d, "nama": lahir.subjek_nama, "nama_ibu": nama_ibu, "nomor_akta_kelahiran": lahir.nomor}
        akta = self.write_akta(
            permohonan, user, tanggal, lahir.tempat_peristiwa, lahir.subjek_nama, data, subjek_nik=lahir.subjek_nik
        )
        child = person_or_none(lahir.subjek_nik)
        if child is not None:
            # the akta kelahiran named no father: the register holds «-»
            change(permohonan, user, child, {"nama_ayah": d["nama_ayah"]})
        return akta


@service(JenisPermohonanAkta.PENGAKUAN, "pengakuan-anak", f.PengakuanForm)
class PengakuanKind(AnakKind):
    akta_baru = JenisAkta.PENGAKUAN
    catatan = JenisCatatan.PENGAKUAN
    tanggal_field = "tanggal_pengakuan"

    def check_kelahiran(self, akta: Akta, data: dict) -> dict:
        if akta.data.get("nama_ayah"):
            fail("nik_ayah", f"Akta kelahiran {akta.nomor} sudah mencantumkan ayah; pengakuan tidak diperlukan.")
        return {}

    def catatan_text(self, permohonan: PermohonanAkta, new: Akta | None) -> str:
        nama_ayah = permohonan.data["nama_ayah"]
        return f"Anak ini diakui oleh {nama_ayah} sebagai ayahnya, akta pengakuan anak nomor {new.nomor}."


@service(JenisPermohonanAkta.PENGESAHAN, "pengesahan-anak", f.PengesahanForm)
class PengesahanKind(AnakKind):
    akta_baru = JenisAkta.PENGESAHAN
    catatan = JenisCatatan.PENGESAHAN
    tanggal_field = "tanggal_perkawinan"

    def check_kelahiran(self, akta: Akta, data: dict) -> dict:
        ibu = active_person(data["nik_ibu"], "nik_ibu")
        if ibu.nama != akta.data.get("nama_ibu"):
            fail("nik_ibu", f"Ibu tidak sama dengan ibu pada akta kelahiran {akta.nomor}.")
        return {"nama_ibu": ibu.nama}

    def catatan_text(self, permohonan: PermohonanAkta, new: Akta | None) -> str:
        d = permohonan.data
        return (
            f"Anak ini disahkan sebagai anak {d['nama_ayah']} dan {d['nama_ibu']} karena perkawinan orang tuanya "
            f"tanggal {tgl(d['tanggal_perkawinan'])}, akta pengesahan anak nomor {new.nomor}."
        )
