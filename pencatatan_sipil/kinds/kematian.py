"""Kematian (P.5.1): the death's akta; the person leaves the register, the spouse becomes cerai mati."""

from datetime import date

from dukcapil.models import User
from pendaftaran.choices import Hubungan, StatusPenduduk, StatusPerkawinan
from pendaftaran.models import Penduduk
from pendaftaran.register import RegisterBatch, active_members, penduduk_by_nik

from .. import forms as f
from ..choices import JenisAkta, JenisPermohonanAkta
from ..models import Akta, PermohonanAkta
from ..register_akta import active_person, change, fail, tgl
from .base import AktaKind, service

# who is the spouse of whom in a KK
SPOUSE_ROLES = {
    Hubungan.KEPALA_KELUARGA: (Hubungan.ISTRI, Hubungan.SUAMI),
    Hubungan.ISTRI: (Hubungan.KEPALA_KELUARGA, Hubungan.SUAMI),
    Hubungan.SUAMI: (Hubungan.KEPALA_KELUARGA, Hubungan.ISTRI),
}


@service(JenisPermohonanAkta.KEMATIAN, "akta-kematian", f.KematianForm)
class KematianKind(AktaKind):
    akta_baru = JenisAkta.KEMATIAN

    def check_register(self, permohonan: PermohonanAkta, data: dict) -> dict:
        person = active_person(data["nik_jenazah"], "nik_jenazah")
        if date.fromisoformat(data["tanggal_kematian"]) < person.tanggal_lahir:
            fail("tanggal_kematian", "Tanggal kematian sebelum tanggal lahir.")
        return {
            "nama": person.nama,
            "jenis_kelamin": person.jenis_kelamin,
            "tanggal_lahir": person.tanggal_lahir.isoformat(),
        }

    def draw_up(self, permohonan: PermohonanAkta, user: User) -> Akta:
        d = permohonan.data
        person = penduduk_by_nik(d["nik_jenazah"])
        tanggal = date.fromisoformat(d["tanggal_kematian"])
        tempat = d["tempat_kematian"].upper()
        akta = self.write_akta(permohonan, user, tanggal, tempat, person.nama, dict(d), subjek_nik=person.nik)
        if person.status == StatusPenduduk.MENINGGAL:  # a retried or repeated approval
            return akta
        keluarga = person.keluarga
        spouse = None
        if keluarga is not None and person.status_perkawinan == StatusPerkawinan.KAWIN:
            roles = SPOUSE_ROLES.get(person.hubungan, ())
            spouse = next(
                (
                    p
                    for p in active_members(keluarga)
                    if p.hubungan in roles and p.status_perkawinan == StatusPerkawinan.KAWIN and p.pk != person.pk
                ),
                None,
            )
        # the person and the spouse under their locks, changed in one update (with history rows)
        locked = Penduduk.objects.select_for_update(of=("self",)).select_related("keluarga")
        rows = {p.pk: p for p in locked.filter(pk__in=[person.pk] + ([spouse.pk] if spouse else []))}
        batch = RegisterBatch(berkas=permohonan.berkas, user=user)
        if spouse is not None:
            cerai_mati = {"status_perkawinan": StatusPerkawinan.CERAI_MATI}
            batch.change(rows[spouse.pk], cerai_mati, base={"status_perkawinan": StatusPerkawinan.KAWIN})
        permohonan.nomor_kk_asal = keluarga.nomor_kk if keluarga else ""
        meninggal = {
            "status": StatusPenduduk.MENINGGAL,
            "keluarga": None,
            "tanggal_kematian": tanggal,
            "no_akta_kematian": akta.nomor,
            "keterangan_status": f"Meninggal {tgl(tanggal)}, akta kematian {akta.nomor}",
        }
        batch.change(rows[person.pk], meninggal, base={"status": StatusPenduduk.AKTIF})
        batch.write()
        if keluarga is not None and not active_members(keluarga):
            change(permohonan, user, keluarga, {"aktif": False}, base={"aktif": True})
        return akta
