"""Documents of SPJ and daftar gaji: A4 landscape PDFs (the register layout, with who signed under
the table) and the daftar gaji as XLSX. The PDF renderers run in a task (sekretariat.cetakan) and
read through the selectors of the user who asked, so a right lost meanwhile refuses it."""

from dukcapil.documents.common import format_tanggal
from dukcapil.documents_builders import office_header
from dukcapil.exceptions import BerkasInvalid

from ..selectors import gaji as gaji_sel
from ..selectors import spj as spj_sel
from .registers import register_pdf, register_xlsx


def _rp(value) -> str:
    return f"{value:,.0f}".replace(",", ".")


def _nama(user) -> str:
    return (user.get_full_name() or user.username) if user else "-"


def _signed(record) -> None:
    if record.ditandatangani_pada is None:
        raise BerkasInvalid(f"{record.judul} belum ditandatangani; dokumennya dicetak setelah ditandatangani.")


def _ttd(jabatan: str, record) -> str:
    return (
        f"Ditandatangani {jabatan}: {_nama(record.ditandatangani_oleh)}, {format_tanggal(record.ditandatangani_pada)}."
    )


def spj_administratif_pdf(params: dict, user) -> tuple[str, bytes]:
    spj = spj_sel.spj_for(user, params["pk"])
    _signed(spj)
    sub = spj.sub_kegiatan
    keterangan = (
        f"Nomor {spj.nomor_spj} · {format_tanggal(spj.tanggal)} · SP2D {spj.spp.nomor_sp2d} "
        f"(SPP {spj.spp.nomor_sipd}) · Sub kegiatan {sub.kode} {sub.nama} · Rekening {spj.kode_rekening}"
    )
    rows = [[str(n), b.get_jenis_display(), b.keterangan] for n, b in enumerate(spj.bukti.all(), start=1)]
    rows.append(["", "Jumlah SPJ", f"Rp{_rp(spj.nilai)} — {spj.uraian}"])
    penutup = [f"Disusun oleh: {_nama(spj.disusun_oleh)}.", _ttd("PPTK", spj)]
    pdf = register_pdf(
        office_header(),
        "SPJ administratif",
        keterangan,
        ["No.", "Jenis bukti", "Keterangan"],
        rows,
        [6, 20, 74],
        penutup,
    )
    return f"spj-{spj.tahun}-{spj.pk}.pdf", pdf


FUNGSIONAL_KOLOM = ["Kode", "Uraian", "Anggaran", "SPJ s.d. bulan lalu", "SPJ bulan ini", "SPJ s.d. bulan ini", "Sisa"]


def spj_fungsional_pdf(params: dict, user) -> tuple[str, bytes]:
    spj = spj_sel.fungsional_for(user, params["pk"])
    _signed(spj)
    rows = spj_sel.fungsional_rows(spj)
    total = spj_sel.jumlah(rows)
    keys = ("anggaran", "lalu", "ini", "sampai_ini", "sisa")
    cells = [[r.kode, r.nama, *[_rp(getattr(r, k)) for k in keys]] for r in rows]
    cells.append(["", "Jumlah", *[_rp(total[k]) for k in keys]])
    penutup = [f"Disusun oleh Bendahara Pengeluaran: {_nama(spj.disusun_oleh)}.", _ttd("Pengguna Anggaran", spj)]
    if spj.nomor_terima:
        penutup.append(f"Diterima BPPKAD: nomor {spj.nomor_terima}, {format_tanggal(spj.tanggal_terima)}.")
    pdf = register_pdf(
        office_header(),
        "SPJ fungsional",
        f"Bulan {spj.periode}",
        FUNGSIONAL_KOLOM,
        cells,
        [18, 40, 14, 14, 14, 14, 14],
        penutup,
    )
    return f"spj-fungsional-{spj.tahun}-{spj.bulan:02d}.pdf", pdf


GAJI_KOLOM = [
    "No.", "Nama / NIP", "Gol.", "MKG", "Gaji pokok", "Tunj. istri/ suami", "Tunj. anak", "Tunj. jabatan",
    "Tunj. umum", "Jumlah kotor", "IWP 8%", "IWP 2%", "PPh 21", "Jumlah potongan", "Jumlah bersih",
]  # fmt: skip
GAJI_LEBAR = [4, 26, 6, 5, 11, 10, 9, 10, 9, 11, 9, 9, 9, 10, 11]
UANG = gaji_sel.KOLOM_JUMLAH


def _gaji_cells(daftar, as_text: bool):
    fmt = _rp if as_text else (lambda v: v)
    rows = gaji_sel.baris(daftar)
    cells = [
        [n, f"{r.nama} / {r.nip}", r.golongan, r.masa_kerja, *[fmt(getattr(r, k)) for k in UANG]]
        for n, r in enumerate(rows, start=1)
    ]
    total = gaji_sel.jumlah(rows)
    cells.append(["", "Jumlah", "", "", *[fmt(total[k]) for k in UANG]])
    return cells


def _gaji_keterangan(daftar) -> str:
    status = daftar.get_status_display()
    if daftar.ditandatangani_pada:
        status = _ttd("PA", daftar)
    return f"Bulan {daftar.periode} · {status}"


def daftar_gaji_pdf(params: dict, user) -> tuple[str, bytes]:
    daftar = gaji_sel.daftar_for(user, params["pk"])
    cells = [[str(c) for c in row] for row in _gaji_cells(daftar, as_text=True)]
    penutup = [f"Disusun oleh Bendahara gaji: {_nama(daftar.disusun_oleh)}."]
    if daftar.ditandatangani_pada:
        penutup.append(_ttd("Pengguna Anggaran", daftar))
    else:
        penutup.append("KONSEP — belum ditandatangani.")
    pdf = register_pdf(
        office_header(), "Daftar gaji", f"Bulan {daftar.periode}", GAJI_KOLOM, cells, GAJI_LEBAR, penutup
    )
    return f"daftar-gaji-{daftar.tahun}-{daftar.bulan:02d}.pdf", pdf


def daftar_gaji_xlsx(daftar) -> bytes:
    return register_xlsx("Daftar gaji", _gaji_keterangan(daftar), GAJI_KOLOM, _gaji_cells(daftar, as_text=False))
