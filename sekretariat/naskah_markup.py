"""The konsep's body: a small HTML subset that prints well, sanitized with nh3, turned into PDF blocks.

Allowed: paragraphs (<p>, <br>), <b>/<strong>, <i>/<em>, <u>, ordered and unordered lists
(<ol>/<ul> with <li>), simple tables (<table>, <tr>, <th>, <td>). Everything else is removed
(the tags, never their text); no attributes are kept.
"""

import re
from html import unescape
from html.parser import HTMLParser
from xml.sax.saxutils import escape

import nh3
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from dukcapil.documents.common import FONT
from dukcapil.documents.letter import Tabel

TAGS = {"p", "br", "b", "strong", "i", "em", "u", "ol", "ul", "li", "table", "thead", "tbody", "tr", "th", "td"}
_TAG = re.compile(r"</?[a-zA-Z]")
_INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i", "u": "u"}

STYLE_PARA = ParagraphStyle("naskah-para", fontName=FONT, fontSize=9.0, leading=12.0, firstLineIndent=28)
STYLE_ITEM = ParagraphStyle("naskah-item", fontName=FONT, fontSize=9.0, leading=12.0, leftIndent=16, bulletIndent=2)


def sanitize(html: str) -> str:
    """The konsep as stored: only the allowed tags, no attributes, no scripts."""
    text = (html or "").strip()
    if text and not _TAG.search(text):  # plain text typed into the textarea: one paragraph per blank line
        text = "".join(f"<p>{escape(p.strip())}</p>" for p in text.replace("\r", "").split("\n\n") if p.strip())
    return nh3.clean(text, tags=TAGS, attributes={}, link_rel=None, strip_comments=True).strip()


class _Blocks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list = []
        self.buf: list[str] = []  # reportlab inline markup of the current paragraph/item
        self.lists: list[list] = []  # [kind, counter]
        self.table: list[list[str]] | None = None
        self.row: list[str] | None = None
        self.cell: list[str] | None = None

    def _flush(self) -> None:
        text = "".join(self.buf).strip()
        self.buf = []
        if not text:
            return
        if self.lists:
            kind = self.lists[-1]
            kind[1] += 1
            bullet = f"{kind[1]}." if kind[0] == "ol" else "•"
            self.blocks.append(Paragraph(text, STYLE_ITEM, bulletText=bullet))
        else:
            self.blocks.append(Paragraph(text, STYLE_PARA))

    def handle_starttag(self, tag, attrs):
        if self.cell is not None:
            return
        if tag in _INLINE:
            self.buf.append(f"<{_INLINE[tag]}>")
        elif tag == "br":
            self.buf.append("<br/>")
        elif tag in ("p", "li"):
            self._flush()
        elif tag in ("ol", "ul"):
            self._flush()
            self.lists.append([tag, 0])
        elif tag == "table":
            self._flush()
            self.table = []
        elif tag == "tr" and self.table is not None:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif self.cell is not None:
            return
        elif tag in _INLINE:
            self.buf.append(f"</{_INLINE[tag]}>")
        elif tag in ("p", "li"):
            self._flush()
        elif tag in ("ol", "ul") and self.lists:
            self._flush()
            self.lists.pop()
        elif tag == "tr" and self.row is not None:
            if self.table is not None and self.row:
                self.table.append(self.row)
            self.row = None
        elif tag == "table" and self.table is not None:
            if self.table:
                head, *rows = self.table
                self.blocks.append(Tabel(judul="", kolom=head, baris=rows))
            self.table = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)
        elif self.table is None:
            self.buf.append(escape(data))


def to_blocks(html: str) -> list:
    """The body as blocks for dukcapil.documents.letter.Surat.isi (paragraphs keep bold/italic/underline)."""
    parser = _Blocks()
    parser.feed(sanitize(html))
    parser.close()
    parser._flush()
    return parser.blocks


def to_text(html: str) -> list[str]:
    """The body as plain lines (for the version diff)."""
    marked = sanitize(html)
    for tag in ("</p>", "<br>", "</li>", "</tr>", "</table>", "<li>"):
        marked = marked.replace(tag, "\n" + ("• " if tag == "<li>" else ""))
    stripped = nh3.clean(marked, tags=set(), attributes={})
    return [line.strip() for line in unescape(stripped).splitlines() if line.strip()]
