"""The BMD screens: KIR page (query count, add, bad kode 400, duplicate), import page, mutasi (409 from a
stale page), the usulan chain from its page, and the PDFs produced by cetakan tasks (KIR, QR labels)."""

import io
import re
from datetime import date
from unittest.mock import patch
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from dukcapil.cetakan.models import Cetakan
from dukcapil.cetakan.registry import registered
from sekretariat.documents import bmd as docs
from sekretariat.models import Barang, UsulanBmd
from sekretariat.services import bmd as svc
from sekretariat.views.bmd import label_url

from .bmd_helpers import barang, bmd_office, data_barang  # noqa: F401

pytestmark = pytest.mark.django_db


def _post_barang(client, o, **over):
    data = {k: v for k, v in data_barang(**over).items()}
    return client.post(reverse("sekretariat:kir", args=[o["a"].pk]), data)


def test_the_pengurus_adds_a_barang_and_a_bad_kode_or_a_duplicate_is_400_with_the_reason(client, o):
    client.force_login(o["pengurus"])
    assert _post_barang(client, o).status_code == 302
    bad = _post_barang(client, o, kode_barang="1.3.2.10", nomor_register="000002")
    assert bad.status_code == 400
    assert "tidak sesuai kodefikasi Permendagri 108/2016" in bad.content.decode()
    dup = _post_barang(client, o, nama="PC kembar")
    assert dup.status_code == 400
    assert "Kode barang 1.3.2.10.01.02.001 dengan nomor register 000001 sudah ada di KIR ruangan ini." in (
        dup.content.decode()
    )
    assert Barang.objects.count() == 1


def test_leaders_read_the_kir_but_cannot_change_it_and_other_bidang_get_403(client, o):
    barang(o)
    client.force_login(o["kadis"])
    page = client.get(reverse("sekretariat:kir", args=[o["a"].pk]))
    assert page.status_code == 200 and "Komputer PC" in page.content.decode()
    assert "Tambah barang" not in page.content.decode()
    assert _post_barang(client, o, nomor_register="000005").status_code == 403
    client.force_login(o["luar"])
    assert client.get(reverse("sekretariat:kir", args=[o["a"].pk])).status_code == 403
    assert client.get(reverse("sekretariat:bmd-ruangan")).status_code == 403


@pytest.mark.parametrize("rows", [2, 8])
def test_the_kir_page_has_a_pinned_query_count(client, o, django_assert_num_queries, rows):
    """Session, user, groups, the user's bidang (the Sekretariat check), the room with its penanggung jawab,
    its barang, the notification badge: the same for 2 rows as for 8."""
    for i in range(rows):
        barang(o, nomor_register=f"{i + 1:06d}")
    client.force_login(o["pengurus"])
    with django_assert_num_queries(7):
        response = client.get(reverse("sekretariat:kir", args=[o["a"].pk]))
    assert response.content.decode().count('name="barang"') == rows


@pytest.mark.parametrize("extra", [0, 3])
def test_the_room_list_has_a_pinned_query_count(client, o, django_assert_num_queries, extra):
    """The totals come with the rooms in one query: the same count for 2 rooms as for 5."""
    barang(o)
    barang(o, ruangan="b", kondisi="RR")
    for i in range(extra):
        svc.ruangan_tambah(user=o["pengurus"], kode=f"R-1{i}", nama=f"Ruang Rapat {i}", penanggung_jawab=o["pj"])
    client.force_login(o["kasubag"])
    with django_assert_num_queries(7):
        response = client.get(reverse("sekretariat:bmd-ruangan"))
    assert response.content.decode().count("/sekretariat/bmd/ruangan/") == 2 + extra


def test_an_import_page_lists_every_bad_line(client, o):
    client.force_login(o["pengurus"])
    text = "kode_barang,nomor_register,nama,tahun_perolehan,kondisi,harga_perolehan\n"
    text += "1.3.2.05.02.01.002,1,Meja,2019,B,100\n1.3.2.05,2,Kursi,2019,B,100\n1.3.2.05.02.01.008,3,Kursi,2019,X,100\n"
    upload = SimpleUploadedFile("kir.csv", text.encode(), content_type="text/csv")
    response = client.post(reverse("sekretariat:kir-impor", args=[o["a"].pk]), {"berkas": upload})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Baris 3:" in page and "Baris 4:" in page and "Baris 2:" not in page
    assert "Tidak ada baris yang disimpan" in page
    assert not Barang.objects.exists()


def test_a_move_from_a_stale_page_is_409_and_the_kir_of_both_rooms_follow_the_first(client, o):
    b = barang(o)
    c = svc.ruangan_tambah(user=o["pengurus"], kode="R-09", nama="Gudang", penanggung_jawab=None)
    client.force_login(o["pengurus"])
    url = reverse("sekretariat:barang-mutasi", args=[b.pk])
    form = {"dari": o["a"].pk, "tanggal": "2026-11-02", "alasan": "Dipakai loket"}
    assert client.post(url, form | {"ke": o["b"].pk}).status_code == 302
    stale = client.post(url, form | {"ke": c.pk})
    assert stale.status_code == 409
    assert "baru saja dipindahkan" in stale.content.decode()
    assert "Komputer PC" not in client.get(reverse("sekretariat:kir", args=[o["a"].pk])).content.decode()
    assert "Komputer PC" in client.get(reverse("sekretariat:kir", args=[o["b"].pk])).content.decode()
    detail = client.get(reverse("sekretariat:barang-detail", args=[b.pk])).content.decode()
    assert "Dipakai loket" in detail and "Ruang Pelayanan" in detail


def test_the_usulan_chain_from_its_page_including_a_return(client, o):
    b = barang(o, ruangan="b", kondisi="RR")
    client.force_login(o["pengurus"])
    response = client.post(
        reverse("sekretariat:usulan-bmd-list"), {"jenis": "pemeliharaan", "barang": [b.pk], "alasan": "AC bocor"}
    )
    usulan = UsulanBmd.objects.get()
    assert response["Location"] == usulan.get_absolute_url()
    aksi = lambda m: reverse("sekretariat:usulan-bmd-aksi", args=[usulan.pk, m])  # noqa: E731
    assert client.post(aksi("ajukan"), {"expected_status": "konsep"}).status_code == 302
    client.force_login(o["kasubag"])
    empty = client.post(aksi("kembalikan"), {"expected_status": "kasubag", "catatan": ""})
    assert empty.status_code == 400
    assert client.post(aksi("kembalikan"), {"expected_status": "kasubag", "catatan": "Foto?"}).status_code == 302
    assert UsulanBmd.objects.get().status == "konsep"
    again = client.post(aksi("periksa"), {"expected_status": "kasubag"})
    assert again.status_code == 409  # the page was stale: it is a konsep again


def test_the_kir_pdf_is_made_by_a_task_with_the_form_and_its_signatures(client, o, django_capture_on_commit_callbacks):
    assert {"kir", "label-bmd"} <= set(registered())
    barang(o, ruangan="b")
    client.force_login(o["kasubag"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("sekretariat:kir-cetak", args=[o["b"].pk]))
    assert response.status_code == 302
    cetakan = Cetakan.objects.get()
    assert cetakan.status == Cetakan.Status.SIAP and cetakan.nama_file == "kir-R-03.pdf"
    text = PdfReader(io.BytesIO(cetakan.file.read())).pages[0].extract_text()
    for expected in ("KARTU INVENTARIS RUANGAN (KIR)", "1.3.2.10.01.02.001", "Penanggung Jawab Ruangan",
                     "Hendra Wiratama", "Pengurus Barang", "Kepala Dinas"):  # fmt: skip
        assert expected in text, expected
    xlsx = client.get(reverse("sekretariat:kir-cetak", args=[o["b"].pk]), {"format": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_qr_labels_carry_only_the_opaque_staff_url_and_no_personal_data(client, o, django_capture_on_commit_callbacks):
    pc = barang(o, ruangan="b")
    printer = barang(o, ruangan="b", kode_barang="1.3.2.10.02.03.003", nama="Printer", nomor_register="000002")
    client.force_login(o["pengurus"])
    with patch.object(docs, "draw_qr", wraps=docs.draw_qr) as qr, django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("sekretariat:bmd-label"), {"barang": [pc.pk]})
    assert response.status_code == 302
    assert [c.args[1] for c in qr.call_args_list] == [label_url(pc)]  # the payload segno encodes on the label
    pdf = PdfReader(io.BytesIO(Cetakan.objects.get().file.read()))
    links = [a.get_object()["/A"]["/URI"] for a in pdf.pages[0].get("/Annots", [])]
    assert links == [label_url(pc)]
    assert re.fullmatch(r"https?://[^/]+/sekretariat/bmd/b/[0-9a-f-]{36}/", links[0])
    assert str(pc.token) in links[0] and str(pc.pk) not in links[0].rsplit("/b/", 1)[1].replace(str(pc.token), "")
    text = pdf.pages[0].extract_text()
    assert "1.3.2.10.01.02.001" in text and "Ruang Pelayanan" in text and "Printer" not in text
    for private in ("Hendra", "198505052010011002", "Fikri"):  # the room's penanggung jawab, the pengurus
        assert private not in text and private not in links[0]
    # the URL opens the barang for staff who may read the KIR
    page = client.get(urlsplit(links[0]).path)
    assert page.status_code == 200 and "Komputer PC" in page.content.decode()
    Cetakan.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("sekretariat:bmd-label"), {"ruangan": o["b"].pk})
    room = PdfReader(io.BytesIO(Cetakan.objects.get().file.read()))
    assert len(room.pages[0]["/Annots"]) == 2 and printer.nama in room.pages[0].extract_text()


def test_the_qr_url_of_a_barang_is_not_open_to_other_staff(client, o):
    b = barang(o)
    client.force_login(o["luar"])
    assert client.get(reverse("sekretariat:barang-qr", args=[b.token])).status_code == 403
    client.logout()
    assert client.get(reverse("sekretariat:barang-qr", args=[b.token])).status_code == 302


def test_a_decision_before_the_letter_is_sent_is_409_on_the_page(client, o):
    b = barang(o, kondisi="RB")
    usulan = svc.usulan_bmd_buat(user=o["pengurus"], jenis="penghapusan", barang_ids=[b.pk], alasan="x")
    for who, method in (("pengurus", "ajukan"), ("kasubag", "periksa"), ("sekretaris", "paraf"), ("kadis", "setujui")):
        svc.usulan_bmd_aksi(user=o[who], pk=usulan.pk, method=method)
    client.force_login(o["pengurus"])
    response = client.post(
        reverse("sekretariat:usulan-bmd-aksi", args=[usulan.pk, "keputusan"]),
        {
            "nomor": "030/1/2026",
            "tanggal": date(2026, 11, 20).isoformat(),
            "penerbit": "BPKAD",
            "expected_status": "diusulkan",
        },
    )
    assert response.status_code == 409
    assert "belum ditandatangani dan dikirim" in response.content.decode()
    b.refresh_from_db()
    assert not b.dihapus
