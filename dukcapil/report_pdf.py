"""What the statistical reports' PDFs share (the IKM semester report, the monthly laporan kinerja, the
laporan perkembangan kependudukan): one set of paragraph styles and the same opening, kop, title and
subtitles."""

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer

from .documents.common import FONT, FONT_BOLD, KopFlowable


def report_styles(prefix: str, *, cell: tuple[float, float] = (7.5, 9)) -> tuple[ParagraphStyle, ...]:
    """The title, subtitle, heading, body and table-cell styles, named ``<prefix>-…``; ``cell`` the
    cells' font size and leading."""
    return (
        ParagraphStyle(f"{prefix}-title", fontName=FONT_BOLD, fontSize=12, leading=15, alignment=1, spaceAfter=2),
        ParagraphStyle(f"{prefix}-sub", fontName=FONT, fontSize=9.5, leading=12, alignment=1, spaceAfter=8),
        ParagraphStyle(f"{prefix}-h2", fontName=FONT_BOLD, fontSize=10, leading=13, spaceBefore=8, spaceAfter=4),
        ParagraphStyle(f"{prefix}-body", fontName=FONT, fontSize=9, leading=12),
        ParagraphStyle(f"{prefix}-cell", fontName=FONT, fontSize=cell[0], leading=cell[1]),
    )


def report_opening(office, title: str, *subtitles: str, styles: tuple[ParagraphStyle, ...]) -> list:
    """The first flowables: the office's kop, ``title`` (plain text) and each of ``subtitles`` (markup)."""
    title_style, sub_style = styles[:2]
    return [
        KopFlowable(office),
        Spacer(1, 6),
        Paragraph(escape(title), title_style),
        *(Paragraph(sub, sub_style) for sub in subtitles),
    ]
