"""Shared rows for the keuangan tests: the office's finance people and a small DPA."""

import io
from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from dukcapil.choices import Role
from sekretariat.models import SubKegiatanDpa
from sekretariat.services import keuangan as svc

from ..factories import staff

HEADER = ["tahun", "kode_program", "program", "kode_kegiatan", "kegiatan", "kode_sub_kegiatan", "sub_kegiatan", "pagu"]


def orang_keuangan() -> dict:
    return {
        "pptk": staff(Role.PPTK, bidang="sekretariat", first_name="Putri", last_name="PPTK"),
        "bendahara": staff(Role.BENDAHARA, bidang="sekretariat", first_name="Bena", last_name="Bendahara"),
        "ppk": staff(Role.PPK, bidang="sekretariat", first_name="Pandu", last_name="PPK"),
        "kadis": staff(Role.KADIS, bidang=None, first_name="Ahmad", last_name="Kadis"),
        "staf": staff(Role.STAF, bidang="pendaftaran", first_name="Dodi", last_name="Staf"),
    }


def sub_kegiatan(kode="5.01.01.2.01.0001", kegiatan="5.01.01.2.01", program="5.01.01", pagu="100000000", tahun=2026):
    return SubKegiatanDpa.objects.create(
        tahun=tahun,
        program_kode=program,
        program_nama=f"Program {program}",
        kegiatan_kode=kegiatan,
        kegiatan_nama=f"Kegiatan {kegiatan}",
        kode=kode,
        nama=f"Sub kegiatan {kode}",
        pagu=Decimal(pagu),
    )


def siapkan(pptk, sub, *, nomor="SPP-001/LS/2026", nilai="25000000", tanggal=date(2026, 11, 2), jenis="ls"):
    data = svc.SppData(
        jenis=jenis,
        nomor_sipd=nomor,
        tanggal=tanggal,
        nilai=Decimal(nilai),
        sub_kegiatan=sub,
        uraian="Belanja blangko KTP-el",
    )
    return svc.spp_siapkan(user=pptk, data=data)


def sampai_sp2d(o, spp):
    svc.spp_ajukan(user=o["bendahara"], pk=spp.pk)
    svc.spp_setujui(user=o["ppk"], pk=spp.pk)
    svc.spm_tandatangani(user=o["kadis"], pk=spp.pk, nomor_spm="SPM-001/2026", tanggal_spm=spp.tanggal)
    return svc.sp2d_catat(user=o["bendahara"], pk=spp.pk, nomor_sp2d="SP2D-0451/2026", tanggal_sp2d=spp.tanggal)


def xlsx(rows, header=HEADER, name="dpa.xlsx") -> SimpleUploadedFile:
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def pdf_upload(name="kuitansi.pdf") -> SimpleUploadedFile:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")


def spj(o, spp, *, nomor="SPJ-1", nilai="1000000", tanggal=None, tandatangani=True):
    """An SPJ administratif of ``spp`` with one bukti, signed by the PPTK unless told otherwise."""
    from sekretariat.services import spj as spj_svc

    data = spj_svc.SpjData(
        spp=spp,
        nomor_spj=nomor,
        tanggal=tanggal or spp.tanggal_sp2d,
        kode_rekening="5.1.02.01.01.0024",
        uraian="Belanja ATK",
        nilai=Decimal(nilai),
    )
    record = spj_svc.spj_susun(user=o["bendahara"], data=data)
    if tandatangani:
        spj_svc.bukti_tambah(user=o["bendahara"], pk=record.pk, jenis="kuitansi", keterangan="K-1", berkas=pdf_upload())
        spj_svc.spj_ajukan(user=o["bendahara"], pk=record.pk)
        spj_svc.spj_verifikasi(user=o["ppk"], pk=record.pk)
        spj_svc.spj_tandatangani(user=o["pptk"], pk=record.pk)
        record.refresh_from_db()
    return record
