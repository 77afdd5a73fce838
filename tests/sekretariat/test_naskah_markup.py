"""sekretariat.naskah_markup: what the konsep may contain."""

from sekretariat.naskah_markup import sanitize, to_text


def test_only_printable_markup_is_kept():
    dirty = (
        '<p style="color:red" onclick="x()">Halo <b>tebal</b> <script>alert(1)</script>'
        '<a href="http://x">tautan</a><img src=x onerror=y></p><h1>Judul</h1>'
    )
    clean = sanitize(dirty)
    assert clean == "<p>Halo <b>tebal</b> tautan</p>Judul"


def test_plain_text_becomes_paragraphs_and_text_is_escaped():
    assert sanitize("Baris satu\n\nBaris 2 < 3") == "<p>Baris satu</p><p>Baris 2 &lt; 3</p>"


def test_the_diff_text_has_one_line_per_block():
    assert to_text("<p>A</p><ul><li>satu</li><li>dua</li></ul>") == ["A", "• satu", "• dua"]
