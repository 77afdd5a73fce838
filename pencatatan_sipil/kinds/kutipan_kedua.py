"""Kutipan kedua (P.5.8): a new kutipan of an akta of this office, or of another office's akta once
that office confirmed it is valid (transcribed into this register as theirs)."""

from datetime import date

from django.utils import timezone

from dukcapil.models import User

from .. import forms as f
from ..choices import JenisCatatan, JenisPermohonanAkta
from ..models import Akta, PermohonanAkta
from ..register_akta import tgl
from .base import CatatanKind, service


@service(JenisPermohonanAkta.KUTIPAN_KEDUA, "kutipan-kedua", f.KutipanKeduaForm)
class KutipanKeduaKind(CatatanKind):
    catatan = JenisCatatan.KUTIPAN_KEDUA
    kantor_penerbit_di_loket = True

    def form(self, permohonan: PermohonanAkta, data=None):
        if permohonan.kantor_penerbit and permohonan.akta_rujukan_id is None:
            # another office's akta: its register data as that office confirmed it
            return f.KutipanKeduaLainForm(data, initial=dict(permohonan.data))
        return super().form(permohonan, data)

    def draw_up(self, permohonan: PermohonanAkta, user: User) -> None:
        if permohonan.akta_rujukan_id is None:
            d = permohonan.data
            tanggal = date.fromisoformat(d["tanggal_peristiwa"])
            permohonan.akta_rujukan = Akta.objects.create(
                jenis=d["jenis_akta"],
                nomor=permohonan.nomor_akta_rujukan,
                kantor=permohonan.kantor_penerbit,
                kantor_lain=True,
                tahun=tanggal.year,
                tanggal_peristiwa=tanggal,
                tempat_peristiwa=d["tempat_peristiwa"].upper(),
                subjek_nik=d.get("nik_subjek", ""),
                subjek_nama=d["nama_subjek"],
                data={"nama": d["nama_subjek"], "konfirmasi": permohonan.konfirmasi_nomor},
            )
        return None

    def catatan_text(self, permohonan: PermohonanAkta, new: Akta | None) -> str:
        alasan = permohonan.data["alasan"]
        return f"Kutipan kedua diterbitkan tanggal {tgl(timezone.localdate())} karena kutipan pertama {alasan}."
