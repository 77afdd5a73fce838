"""KTP-el (WNI and orang asing) and KIA card layouts.

Pure function: :func:`render_kartu_pdf` takes a :class:`KartuData` and
returns PDF bytes. The page is an ID-1 card (85.6 mm x 53.98 mm, the size of
the printed blangko); page 1 is the front, page 2 the back. The front follows
the real KTP-el: province and regency centred on top, the label/colon/value
rows at the left and the pas foto with the issue place and date at the right.
The back carries the verification QR code (vector, via :func:`draw_qr`), the
issuing statement, the signatory and the blangko serial number.

Long values never run off the card: a value first wraps onto the lines its
field allows (two for the name, three for the address) and then shrinks with
:func:`fit_font_size`; the row pitch shrinks when the rows need more lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from dukcapil.documents import draw_qr, fit_font_size, upper_or

__all__ = [
    "JENIS_KARTU",
    "KARTU_PAGE_SIZE",
    "PHOTO_X",
    "KartuData",
    "render_kartu_pdf",
]


@dataclass(frozen=True)
class _Desain:
    """What one card design prints beyond what every card has."""

    nama: str  # short name in the PDF's title and subject
    nama_belakang: str  # the card kind on the back's top band
    judul: str = ""  # the title band on the front; none on the plain KTP-el
    anak: bool = False  # the child's rows, a photo only from age 5, no holder signature (KIA)
    orang_asing: bool = False  # passport and KITAS/KITAP rows; always expires with the permit


_DESAIN = {
    "ktp-el": _Desain("KTP-el", "KARTU TANDA PENDUDUK ELEKTRONIK"),
    "ktp-el-wna": _Desain(
        "KTP-el Orang Asing",
        "KARTU TANDA PENDUDUK ELEKTRONIK ORANG ASING",
        judul="KARTU TANDA PENDUDUK ORANG ASING",
        orang_asing=True,
    ),
    "kia": _Desain("KIA", "KARTU IDENTITAS ANAK", judul="KARTU IDENTITAS ANAK", anak=True),
}
JENIS_KARTU = tuple(_DESAIN)


# --------------------------------------------------------------------------
# Data contract
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class KartuData:
    jenis: str  # "ktp-el" | "ktp-el-wna" | "kia"
    provinsi: str
    kabupaten_kota: str
    nik: str
    nama: str
    tempat_lahir: str
    tanggal_lahir: date
    jenis_kelamin: str  # "LAKI-LAKI" / "PEREMPUAN"
    golongan_darah: str  # "" -> "-"
    alamat: str
    rt: str
    rw: str
    desa_kelurahan: str
    kecamatan: str
    agama: str
    status_perkawinan: str
    pekerjaan: str
    kewarganegaraan: str  # "WNI" or the country for WNA
    berlaku_hingga: str  # "SEUMUR HIDUP" or "dd-mm-yyyy"
    tempat_terbit: str
    tanggal_terbit: date
    # KIA
    nomor_kk: str = ""
    nama_kepala_keluarga: str = ""
    no_akta_kelahiran: str = ""
    # WNA
    no_paspor: str = ""
    no_kitas_kitap: str = ""
    verification_url: str = ""  # QR target on the back; empty -> no QR drawn
    penandatangan: str = ""  # "KEPALA DINAS ..." name for the back
    nomor_seri_blangko: str = ""  # printed small on the back, e.g. "BLK-2026-000123"


# --------------------------------------------------------------------------
# Card geometry (points; origin bottom-left)
# --------------------------------------------------------------------------

KARTU_PAGE_SIZE = (85.6 * mm, 53.98 * mm)  # ISO/IEC 7810 ID-1
CARD_W, CARD_H = KARTU_PAGE_SIZE

FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"
FONT_ITALIC = "Helvetica-Oblique"

_INK = colors.Color(0.05, 0.05, 0.1)
_TINT_TOP = colors.Color(0.76, 0.88, 0.97)
_TINT_BOTTOM = colors.Color(0.92, 0.96, 1.0)
_PHOTO_FILL = colors.Color(0.86, 0.89, 0.93)
_PHOTO_LINE = colors.Color(0.55, 0.6, 0.68)
_MUTED = colors.Color(0.3, 0.33, 0.4)

_MARGIN = 2.6 * mm
_HEAD_SIZE = 7.0
_HEAD_FIRST_Y = CARD_H - 9.2  # baseline of "PROVINSI ..."
_HEAD_LEADING = 8.2
_TITLE_SIZE = 6.0

# Pas foto 3x4 at the right, issue place/date and holder signature under it.
_PHOTO_W = 18.5 * mm
_PHOTO_H = _PHOTO_W * 4 / 3
_PHOTO_X = CARD_W - _MARGIN - _PHOTO_W
#: Left edge of the photo column on the front (points from the left card edge):
#: the row values always end before it.
PHOTO_X = round(_PHOTO_X, 2)
_PHOTO_GAP = 2.2 * mm  # between the value column and the photo column

# Rows
_LABEL_X = _MARGIN
_LABEL_INDENT = 5.0  # RT/RW, Kel/Desa, Kecamatan sit under Alamat, indented
_ROWS_BOTTOM = _MARGIN
_MAX_LEADING = 8.6
_MIN_SIZE = 3.6  # below this the wrapped text is shrunk line by line instead
_CONT_FACTOR = 0.82  # a continuation line of a wrapped value takes this share of a row pitch
_NIK_FACTOR = 1.45  # the NIK row is taller (larger bold type)


@dataclass(frozen=True)
class _Row:
    label: str
    value: str
    max_lines: int = 1
    indent: bool = False
    extra: tuple[str, str] | None = None  # a second "label : value" on the same line (Gol. Darah)


def _wilayah(prefix: str, value: str) -> str:
    """``PROVINSI JAWA TIMUR`` / ``KABUPATEN LUMAJANG``; a value that already names its kind is kept."""
    value = upper_or(value, "")
    if value.startswith(("PROVINSI", "KABUPATEN", "KOTA", "KAB.")):
        return value
    return f"{prefix} {value}".strip()


def _tanggal(value: date) -> str:
    # The cards print dates as dd-mm-yyyy.
    return value.strftime("%d-%m-%Y")


def _umur(lahir: date, pada: date) -> int:
    return pada.year - lahir.year - ((pada.month, pada.day) < (lahir.month, lahir.day))


def _kia_with_photo(data: KartuData) -> bool:
    """KIA for children aged 5 and over carries a photo; under 5 it has none."""
    return _umur(data.tanggal_lahir, data.tanggal_terbit) >= 5


def _has_photo(data: KartuData) -> bool:
    return not _DESAIN[data.jenis].anak or _kia_with_photo(data)


def _title(data: KartuData) -> str:
    return _DESAIN[data.jenis].judul


def _rows(data: KartuData) -> list[_Row]:
    lahir = f"{upper_or(data.tempat_lahir)}, {_tanggal(data.tanggal_lahir)}"
    rt_rw = f"{upper_or(data.rt, '000')}/{upper_or(data.rw, '000')}"
    alamat = [
        _Row("Alamat", upper_or(data.alamat), max_lines=3),
        _Row("RT/RW", rt_rw, indent=True),
        _Row("Kel/Desa", upper_or(data.desa_kelurahan), indent=True),
        _Row("Kecamatan", upper_or(data.kecamatan), indent=True),
    ]
    if _DESAIN[data.jenis].anak:
        return [
            _Row("Nama", upper_or(data.nama), max_lines=2),
            _Row("Tempat/Tgl Lahir", lahir),
            _Row("Jenis Kelamin", upper_or(data.jenis_kelamin)),
            _Row("No. KK", upper_or(data.nomor_kk)),
            _Row("Nama Kepala Keluarga", upper_or(data.nama_kepala_keluarga), max_lines=2),
            _Row("No. Akta Kelahiran", upper_or(data.no_akta_kelahiran)),
            _Row("Agama", upper_or(data.agama)),
            _Row("Kewarganegaraan", upper_or(data.kewarganegaraan)),
            *alamat,
            _Row("Berlaku Hingga", upper_or(data.berlaku_hingga)),
        ]
    rows = [
        _Row("Nama", upper_or(data.nama), max_lines=2),
        _Row("Tempat/Tgl Lahir", lahir),
        _Row("Jenis Kelamin", upper_or(data.jenis_kelamin), extra=("Gol. Darah", upper_or(data.golongan_darah))),
        *alamat,
        _Row("Agama", upper_or(data.agama)),
        _Row("Status Perkawinan", upper_or(data.status_perkawinan)),
        _Row("Pekerjaan", upper_or(data.pekerjaan), max_lines=2),
        _Row("Kewarganegaraan", upper_or(data.kewarganegaraan)),
    ]
    if _DESAIN[data.jenis].orang_asing:
        rows += [
            _Row("No. Paspor", upper_or(data.no_paspor)),
            _Row("No. KITAS/KITAP", upper_or(data.no_kitas_kitap)),
        ]
    rows.append(_Row("Berlaku Hingga", upper_or(data.berlaku_hingga)))
    return rows


def _validate(data: KartuData) -> None:
    if data.jenis not in _DESAIN:
        raise ValueError(f"jenis kartu tidak dikenal: {data.jenis!r}")
    if _DESAIN[data.jenis].orang_asing and "SEUMUR" in data.berlaku_hingga.upper():
        # A KTP-el for a foreign resident follows the KITAP and always expires.
        raise ValueError("KTP-el orang asing harus mempunyai tanggal berlaku, bukan seumur hidup")


# --------------------------------------------------------------------------
# Text fitting
# --------------------------------------------------------------------------


def _wrap_fit(text: str, font: str, size: float, width: float, max_lines: int) -> tuple[list[str], float]:
    """Lines and font size so that ``text`` fits ``width`` on at most ``max_lines`` lines."""
    if max_lines <= 1:
        return [text], fit_font_size(text, font, size, width, min_size=1.0)
    current = size
    while True:
        lines = simpleSplit(text, font, current, width) or [""]
        if len(lines) <= max_lines:
            return lines, current
        if current - 0.2 < _MIN_SIZE:
            break
        current -= 0.2
    # Still too long at the smallest comfortable size: keep the line count
    # and shrink until every line fits (a legible-if-tiny value beats text off the card).
    lines = lines[: max_lines - 1] + [" ".join(lines[max_lines - 1 :])]
    return lines, min(fit_font_size(line, font, current, width, min_size=1.0) for line in lines)


@dataclass
class _Placed:
    row: _Row
    lines: list[str]
    size: float


def _layout_rows(
    rows: list[_Row], value_w: float, top: float, bottom: float, base_size: float
) -> tuple[list[_Placed], float, float]:
    """Fit every value; returns the placed rows, the row pitch and the label size."""
    size = base_size
    while True:
        placed = [_Placed(r, *_wrap_fit(r.value, FONT, size, value_w, r.max_lines)) for r in rows]
        units = _NIK_FACTOR + sum(1 + (len(p.lines) - 1) * _CONT_FACTOR for p in placed)
        pitch = min(_MAX_LEADING, (top - bottom) / units)
        if size <= pitch * 0.8 or size <= 3.8:
            return placed, pitch, size
        size = max(3.8, pitch * 0.8)


# --------------------------------------------------------------------------
# Drawing: front
# --------------------------------------------------------------------------


def _draw_background(canvas: Canvas) -> None:
    canvas.saveState()
    path = canvas.beginPath()
    path.rect(0, 0, CARD_W, CARD_H)
    canvas.clipPath(path, stroke=0, fill=0)
    canvas.linearGradient(0, CARD_H, CARD_W * 0.35, 0, (_TINT_TOP, _TINT_BOTTOM), extend=True)
    canvas.restoreState()


def _draw_centred_fit(canvas: Canvas, text: str, font: str, size: float, y: float, width: float) -> None:
    canvas.setFont(font, fit_font_size(text, font, size, width, min_size=1.0))
    canvas.drawCentredString(CARD_W / 2, y, text)


def _draw_header(canvas: Canvas, data: KartuData) -> float:
    """Province, regency and (for WNA / KIA) the card title; returns the y below them."""
    width = CARD_W - 2 * _MARGIN
    canvas.setFillColor(_INK)
    y = _HEAD_FIRST_Y
    _draw_centred_fit(canvas, _wilayah("PROVINSI", data.provinsi), FONT_BOLD, _HEAD_SIZE, y, width)
    y -= _HEAD_LEADING
    _draw_centred_fit(canvas, _wilayah("KABUPATEN", data.kabupaten_kota), FONT_BOLD, _HEAD_SIZE, y, width)
    title = _title(data)
    if title:
        y -= _TITLE_SIZE + 2.4
        canvas.saveState()
        size = fit_font_size(title, FONT_BOLD, _TITLE_SIZE, width, min_size=1.0)
        text_w = canvas.stringWidth(title, FONT_BOLD, size)
        # A dark band behind the title marks the card kind at a glance.
        canvas.setFillColor(colors.Color(0.12, 0.25, 0.5))
        canvas.roundRect(CARD_W / 2 - text_w / 2 - 4, y - 1.9, text_w + 8, size + 3.0, 1.5, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(FONT_BOLD, size)
        canvas.drawCentredString(CARD_W / 2, y, title)
        canvas.restoreState()
    return y - 3.5


def _draw_photo_column(canvas: Canvas, data: KartuData, photo_top: float) -> None:
    cx = _PHOTO_X + _PHOTO_W / 2
    photo_y = photo_top - _PHOTO_H
    if _has_photo(data):
        canvas.saveState()
        canvas.setFillColor(_PHOTO_FILL)
        canvas.setStrokeColor(_PHOTO_LINE)
        canvas.setLineWidth(0.4)
        canvas.rect(_PHOTO_X, photo_y, _PHOTO_W, _PHOTO_H, stroke=1, fill=1)
        canvas.setFillColor(_PHOTO_LINE)
        canvas.setFont(FONT_BOLD, 5)
        canvas.drawCentredString(cx, photo_y + _PHOTO_H / 2 - 1.8, "PAS FOTO")
        canvas.setFont(FONT, 3.8)
        canvas.drawCentredString(cx, photo_y + _PHOTO_H / 2 - 7, "3 x 4")
        canvas.restoreState()

    # Issue place and date under the photo, as on the real card; without a photo
    # (KIA under 5) they sit at the foot of the column.
    canvas.setFillColor(_INK)
    tempat = upper_or(data.tempat_terbit, "")
    y = photo_y - 6.2 if _has_photo(data) else _ROWS_BOTTOM + 9.0
    canvas.setFont(FONT, fit_font_size(tempat, FONT, 5.2, _PHOTO_W + 4, min_size=1.0))
    canvas.drawCentredString(cx, y, tempat)
    y -= 6.0
    canvas.setFont(FONT, 5.2)
    canvas.drawCentredString(cx, y, _tanggal(data.tanggal_terbit))

    if _DESAIN[data.jenis].anak:
        return  # a KIA carries no holder signature
    line_y = _ROWS_BOTTOM + 5.2
    canvas.saveState()
    canvas.setStrokeColor(_MUTED)
    canvas.setLineWidth(0.35)
    canvas.line(_PHOTO_X + 2, line_y, _PHOTO_X + _PHOTO_W - 2, line_y)
    canvas.setFillColor(_MUTED)
    canvas.setFont(FONT, 3.4)
    canvas.drawCentredString(cx, line_y - 4.0, "Tanda tangan pemegang")
    canvas.restoreState()


def _draw_front(canvas: Canvas, data: KartuData) -> None:
    _draw_background(canvas)
    top = _draw_header(canvas, data)

    # The photo column stays reserved even on a KIA without photo: the issue place and date live there.
    value_right = _PHOTO_X - _PHOTO_GAP
    rows = _rows(data)

    # Label column: as wide as the widest label at the base size (labels never shrink below it).
    base_size = 5.6
    label_w = max(canvas.stringWidth(r.label, FONT, base_size) + (_LABEL_INDENT if r.indent else 0) for r in rows)
    colon_x = _LABEL_X + max(label_w, canvas.stringWidth("NIK", FONT_BOLD, 7.6)) + 2.5
    value_x = colon_x + 4.0
    value_w = value_right - value_x

    placed, pitch, size = _layout_rows(rows, value_w, top, _ROWS_BOTTOM, base_size)
    nik_size = min(7.6, size * 1.4)
    canvas.setFillColor(_INK)

    # NIK: bold and larger, the first thing a clerk reads.
    y = top - pitch * _NIK_FACTOR + (pitch * _NIK_FACTOR - nik_size) / 2 + 1.0
    nik = (data.nik or "").strip() or "-"
    canvas.setFont(FONT_BOLD, nik_size)
    canvas.drawString(_LABEL_X, y, "NIK")
    canvas.drawString(colon_x, y, ":")
    canvas.setFont(FONT_BOLD, fit_font_size(nik, FONT_BOLD, nik_size, value_w, min_size=1.0))
    canvas.drawString(value_x, y, nik)

    y = top - pitch * _NIK_FACTOR - pitch + (pitch - size) / 2 + 0.6
    for item in placed:
        row = item.row
        label_size = min(size, fit_font_size(row.label, FONT, base_size, colon_x - _LABEL_X - 1.5, min_size=1.0))
        canvas.setFont(FONT, label_size)
        canvas.drawString(_LABEL_X + (_LABEL_INDENT if row.indent else 0), y, row.label)
        canvas.setFont(FONT, size)
        canvas.drawString(colon_x, y, ":")
        canvas.setFont(FONT, item.size)
        if row.extra is None:
            for i, line in enumerate(item.lines):
                canvas.drawString(value_x, y, line)
                if i < len(item.lines) - 1:
                    y -= pitch * _CONT_FACTOR
        else:
            _draw_with_extra(canvas, row, item, value_x, value_w, y, size)
        y -= pitch

    photo_top = top - 1.0
    _draw_photo_column(canvas, data, photo_top)


def _draw_with_extra(
    canvas: Canvas, row: _Row, item: _Placed, value_x: float, value_w: float, y: float, size: float
) -> None:
    """``PEREMPUAN   Gol. Darah : O`` on the Jenis Kelamin line."""
    label, value = row.extra or ("", "")
    # The second pair starts at a fixed tab like the printed card, or right after the value if it is long.
    tab = max(value_x + 0.48 * value_w, value_x + canvas.stringWidth(row.value, FONT, size) + 6)
    tail_w = canvas.stringWidth(f"{label} : {value}", FONT, size)
    if tab + tail_w > value_x + value_w:
        tab = value_x + value_w - tail_w
    canvas.setFont(FONT, size)
    canvas.drawString(value_x, y, row.value)
    canvas.drawString(tab, y, f"{label} : {value}")


# --------------------------------------------------------------------------
# Drawing: back
# --------------------------------------------------------------------------

_QR_SIZE = 26 * mm
_QR_QUIET = 1.2 * mm  # white margin around the code so it scans on the tinted card
_QR_CAPTION = "Pindai untuk memeriksa keaslian"
_MILIK_NEGARA = (
    "Kartu ini milik Pemerintah Republik Indonesia. Apabila menemukan kartu ini harap dikembalikan "
    "ke kantor Dinas Kependudukan dan Pencatatan Sipil terdekat."
)


def _prose_wilayah(value: str) -> str:
    # "KABUPATEN LUMAJANG" -> "Kabupaten Lumajang" inside a sentence.
    return " ".join(word.capitalize() for word in _wilayah("KABUPATEN", value).split())


def _back_blocks(data: KartuData) -> list[tuple[str, str, float]]:
    """(text, font, relative size) blocks of the back text column, top to bottom."""
    blocks = [
        (f"Dikeluarkan oleh Dinas Kependudukan dan Pencatatan Sipil {_prose_wilayah(data.kabupaten_kota)}", FONT, 1.0)
    ]
    if data.penandatangan.strip():
        blocks.append((data.penandatangan.strip(), FONT_BOLD, 1.0))
    blocks.append((_MILIK_NEGARA, FONT_ITALIC, 0.9))
    return blocks


def _draw_back(canvas: Canvas, data: KartuData) -> None:
    _draw_background(canvas)
    canvas.setFillColor(_INK)

    # Top band: the card kind, so the back alone still says what it is.
    kind = _DESAIN[data.jenis].nama_belakang
    _draw_centred_fit(canvas, "REPUBLIK INDONESIA", FONT_BOLD, 6.2, CARD_H - 8.5, CARD_W - 2 * _MARGIN)
    _draw_centred_fit(canvas, kind, FONT, 5.0, CARD_H - 15.0, CARD_W - 2 * _MARGIN)
    canvas.saveState()
    canvas.setStrokeColor(_MUTED)
    canvas.setLineWidth(0.3)
    canvas.line(_MARGIN, CARD_H - 19.0, CARD_W - _MARGIN, CARD_H - 19.0)
    canvas.restoreState()

    area_top = CARD_H - 22.0
    area_bottom = _MARGIN + 6.0  # the serial number sits below
    text_x = _MARGIN
    if data.verification_url:
        qr_x = _MARGIN + _QR_QUIET
        block_h = _QR_SIZE + 2 * _QR_QUIET + 6.0  # code, quiet zone and caption
        qr_y = area_bottom + (area_top - area_bottom - block_h) / 2 + 6.0 + _QR_QUIET
        canvas.saveState()
        canvas.setFillColor(colors.white)
        canvas.rect(qr_x - _QR_QUIET, qr_y - _QR_QUIET, _QR_SIZE + 2 * _QR_QUIET, _QR_SIZE + 2 * _QR_QUIET, 0, 1)
        canvas.restoreState()
        draw_qr(canvas, data.verification_url, qr_x, qr_y, _QR_SIZE)
        cap_w = _QR_SIZE + 2 * _QR_QUIET
        canvas.setFont(FONT, fit_font_size(_QR_CAPTION, FONT, 4.6, cap_w, min_size=1.0))
        canvas.drawCentredString(qr_x + _QR_SIZE / 2, qr_y - _QR_QUIET - 5.0, _QR_CAPTION)
        text_x = qr_x + _QR_SIZE + _QR_QUIET + 3.0 * mm
    text_w = CARD_W - _MARGIN - text_x

    # Fit the text column: shrink until the wrapped blocks fit the area.
    blocks = _back_blocks(data)
    size = 6.0
    while True:
        wrapped = [(simpleSplit(t, f, size * k, text_w), f, size * k) for t, f, k in blocks]
        gap = size * 0.7
        height = sum(len(lines) * s * 1.22 for lines, _, s in wrapped) + gap * (len(wrapped) - 1)
        if height <= area_top - area_bottom or size <= 3.0:
            break
        size -= 0.2
    # The text column is centred vertically in the area.
    y = area_top - max(0.0, (area_top - area_bottom - height) / 2) - size
    for lines, font, s in wrapped:
        canvas.setFont(font, s)
        for line in lines:
            canvas.drawString(text_x, y, line)
            y -= s * 1.22
        y -= gap

    if data.nomor_seri_blangko.strip():
        seri = f"No. Seri Blangko: {data.nomor_seri_blangko.strip()}"
        canvas.setFillColor(_MUTED)
        canvas.setFont(FONT, fit_font_size(seri, FONT, 4.2, CARD_W - 2 * _MARGIN, min_size=1.0))
        canvas.drawRightString(CARD_W - _MARGIN, _MARGIN, seri)


def render_kartu_pdf(data: KartuData) -> bytes:
    """Render the card (ID-1 size; page 1 front, page 2 back) and return the PDF bytes."""
    _validate(data)
    buf = BytesIO()
    canvas = Canvas(buf, pagesize=KARTU_PAGE_SIZE)
    nama_kartu = _DESAIN[data.jenis].nama
    canvas.setTitle(f"{nama_kartu} NIK {data.nik}")
    canvas.setAuthor(f"Dinas Kependudukan dan Pencatatan Sipil {_prose_wilayah(data.kabupaten_kota)}")
    canvas.setSubject(f"{nama_kartu} {data.nama}")
    canvas.setCreator("Dukcapil")
    _draw_front(canvas, data)
    canvas.showPage()
    _draw_back(canvas, data)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()
