"""sekretariat.documents.naskah: the layouts per jenis and the archive copy with its paraf table."""

import io

import pytest
from pypdf import PdfReader

from sekretariat.documents.naskah import render_arsip, render_konsep

from .naskah_helpers import sek_team, to_tte

pytestmark = pytest.mark.django_db


def text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_the_archive_copy_carries_the_paraf_table(team):
    sek = sek_team(team)
    naskah = to_tte(sek)
    printed = text(render_arsip(naskah))
    assert naskah.nomor_naskah in printed and "Permohonan data agregat" in printed
    assert "PARAF KOORDINASI" in printed
    assert "Sekretaris" in printed and "Sri Sekretaris" in printed
    # the signed letter itself has no paraf table
    assert "PARAF KOORDINASI" not in text(render_konsep(naskah))


def test_a_konsep_prints_unnumbered_and_keeps_bold_lists_and_tables(team):
    from .naskah_helpers import konsep

    sek = sek_team(team)
    naskah = konsep(
        sek,
        isi="<p>Pokok <b>penting</b>:</p><ol><li>Data KK</li><li>Data KTP-el</li></ol>"
        "<table><tr><th>Kecamatan</th><th>Jumlah</th></tr><tr><td>Bintan Timur</td><td>120</td></tr></table>",
    )
    printed = text(render_konsep(naskah))
    assert "(belum bernomor)" in printed
    assert "1. Data KK" in printed.replace("1.Data", "1. Data") and "2." in printed
    assert "Bintan Timur" in printed and "Kecamatan" in printed


@pytest.mark.parametrize(
    ("jenis", "data", "expected"),
    [
        ("nota-dinas", {"dari": "Sekretaris"}, ["NOTA DINAS", "Kepada", "Dari", "Tembusan", "Hal"]),
        (
            "surat-tugas",
            {"dasar": "DPA 2026", "kepada": "Rina, NIP 1990", "untuk": "Pelayanan jemput bola"},
            ["SURAT TUGAS", "Dasar", "MEMERINTAHKAN", "Untuk", "Pelayanan jemput bola"],
        ),
        (
            "keputusan",
            {"menimbang": "bahwa perlu tim", "mengingat": "UU 24/2013", "menetapkan": "Tim Jemput Bola"},
            ["KEPUTUSAN", "Menimbang", "Mengingat", "MEMUTUSKAN", "Tim Jemput Bola"],
        ),
    ],
)
def test_each_jenis_prints_its_own_head(team, jenis, data, expected):
    from .naskah_helpers import konsep

    sek = sek_team(team)
    printed = text(render_konsep(konsep(sek, jenis=jenis, data=data)))
    for word in expected:
        assert word in printed
