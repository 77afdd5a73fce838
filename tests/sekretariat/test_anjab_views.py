"""The Anjab/ABK screens: open a round, fill an isian (400 on bad numbers), return with catatan,
compile the usulan (the naskah with the ABK table), 403/409, pinned query counts, sertifikat upload."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sekretariat.models import IsianAnjab, Jabatan, Naskah, ProgramSdm, PutaranAnjab
from sekretariat.services import anjab as svc

from .conftest import scan_pdf
from .kepegawaian_helpers import data_kepegawaian, pegawai  # noqa: F401
from .test_anjab_services import ADM, LOKET, URAIAN_ADM, isi_dan_verifikasi, isian, putaran_fixture  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("data_kepegawaian")]


def _formset(rows, ikhtisar="Ikhtisar"):
    data = {"ikhtisar": ikhtisar, "u-TOTAL_FORMS": str(len(rows)), "u-INITIAL_FORMS": "0"}
    for i, row in enumerate(rows):
        data |= {f"u-{i}-{k}": str(v) for k, v in row.items()}
    return data


def test_the_kasubag_opens_a_round_with_one_isian_per_chosen_jabatan(client, kantor):
    client.force_login(kantor["kasubag"])
    jabatan = list(Jabatan.objects.filter(nama__in=[ADM, LOKET]))
    data = {
        "tahun": 2026,
        "nomor_surat": "061/1/2026",
        "tanggal_surat": "2026-02-02",
        "jabatan": [j.pk for j in jabatan],
    }
    response = client.post(reverse("sekretariat:anjab-list"), data)
    putaran = PutaranAnjab.objects.get()
    assert response.status_code == 302 and response["Location"] == putaran.get_absolute_url()
    assert set(putaran.isian.values_list("jabatan__nama", flat=True)) == {ADM, LOKET}
    again = client.post(reverse("sekretariat:anjab-list"), data)
    assert again.status_code == 409
    assert "sudah dibuka" in again.content.decode()
    client.force_login(kantor["staf_sek"])
    assert client.post(reverse("sekretariat:anjab-list"), data | {"tahun": 2027}).status_code == 403
    client.force_login(kantor["kasi"])
    assert client.get(reverse("sekretariat:anjab-list")).status_code == 403


def test_the_isian_page_refuses_bad_numbers_with_400_and_saves_good_rows(client, kantor, putaran):
    client.force_login(kantor["staf_sek"])
    url = reverse("sekretariat:anjab-isian", args=[isian(putaran, ADM).pk])
    bad = client.post(url, _formset([URAIAN_ADM[0] | {"volume": 0}, URAIAN_ADM[1] | {"norma_waktu": "-5"}]))
    assert bad.status_code == 400
    body = bad.content.decode()
    assert "Beban kerja per tahun harus lebih dari 0." in body
    assert "Norma waktu harus lebih dari 0 menit." in body
    assert not isian(putaran, ADM).uraian.exists()
    assert client.post(url, _formset(URAIAN_ADM)).status_code == 302
    page = client.get(url).content.decode()
    assert '<span id="kebutuhan">0,64</span>' in page  # 47760 / 75000


def test_the_analis_returns_an_isian_and_the_holder_sees_the_catatan(client, kantor, putaran):
    pk = isian(putaran, ADM).pk
    svc.isian_simpan(user=kantor["staf_sek"], pk=pk, ikhtisar="x", uraian=URAIAN_ADM)
    svc.isian_ajukan(user=kantor["staf_sek"], pk=pk)
    client.force_login(kantor["staf_sek"])
    aksi = reverse("sekretariat:anjab-isian-aksi", args=[pk, "kembalikan"])
    assert client.post(aksi, {"expected_status": "diajukan", "catatan": ""}).status_code == 400
    assert client.post(aksi, {"expected_status": "diajukan", "catatan": "Periksa volume arsip"}).status_code == 302
    assert IsianAnjab.objects.get(pk=pk).status == "dikembalikan"
    page = client.get(reverse("sekretariat:anjab-isian", args=[pk])).content.decode()
    assert "Catatan analis: Periksa volume arsip" in page
    stale = client.post(
        reverse("sekretariat:anjab-isian-aksi", args=[pk, "verifikasi"]), {"expected_status": "diajukan"}
    )
    assert stale.status_code == 409
    client.force_login(kantor["staf"])  # a Staf of Pendaftaran may fill but not verify
    svc.isian_ajukan(user=kantor["staf_sek"], pk=pk)
    refused = client.post(
        reverse("sekretariat:anjab-isian-aksi", args=[pk, "verifikasi"]), {"expected_status": "diajukan"}
    )
    assert refused.status_code == 403
    assert IsianAnjab.objects.get(pk=pk).status == "diajukan"


def test_the_usulan_from_the_page_drafts_the_naskah_and_then_the_perwali_is_recorded(client, kantor, putaran):
    client.force_login(kantor["kasubag"])
    usulkan = reverse("sekretariat:anjab-aksi", args=[putaran.pk, "usulkan"])
    assert client.post(usulkan, {"expected_status": "dibuka"}).status_code == 409
    isi_dan_verifikasi(kantor, putaran)
    assert client.post(usulkan, {"expected_status": "dibuka"}).status_code == 302
    naskah = Naskah.objects.get()
    assert "<td>0,64</td>" in naskah.isi
    page = client.get(putaran.get_absolute_url()).content.decode()
    assert naskah.hal in page
    perwali = reverse("sekretariat:anjab-aksi", args=[putaran.pk, "perwali"])
    assert client.post(perwali, {"expected_status": "diusulkan", "nomor": "", "tanggal": ""}).status_code == 400
    assert (
        client.post(perwali, {"expected_status": "diusulkan", "nomor": "5", "tanggal": "2026-03-01"}).status_code == 302
    )
    assert PutaranAnjab.objects.get().nomor_perwali == "5"


@pytest.mark.parametrize("extra", [0, 3])
def test_the_round_page_has_a_pinned_query_count(client, kantor, putaran, django_assert_num_queries, extra):
    """Session, user, groups, the round with its naskah, its isian with jabatan, their uraian, the pegawai
    count per jabatan, the menu's own queries — whatever the number of jabatan and uraian."""
    for nama in ["Bendahara", "Pranata Komputer Terampil", "Pengolah Data dan Informasi"][:extra]:
        i = IsianAnjab.objects.create(putaran=putaran, jabatan=Jabatan.objects.get(nama=nama))
        svc.isian_simpan(user=kantor["staf_sek"], pk=i.pk, ikhtisar="x", uraian=URAIAN_ADM)
    client.force_login(kantor["kasubag"])
    with django_assert_num_queries(QUERIES_PUTARAN):
        assert client.get(putaran.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("extra", [1, 4])
def test_the_programme_list_has_a_pinned_query_count(client, kantor, django_assert_num_queries, extra):
    peserta = [pegawai(f"P{i}", seq=i) for i in range(1, 4)]
    for i in range(extra):
        svc.program_tambah(
            user=kantor["kasubag"], jenis="formasi", judul=f"Formasi {i}", penyelenggara="bkpsdm",
            tanggal=date(2026, 5, 1), peserta=peserta,
        )  # fmt: skip
    client.force_login(kantor["kadis"])
    with django_assert_num_queries(QUERIES_PROGRAM):
        page = client.get(reverse("sekretariat:program-sdm-list") + "?tahun=2026")
    assert page.status_code == 200
    assert page.content.decode().count("P1, P2, P3") == extra


def test_the_sertifikat_must_be_a_real_pdf(client, kantor):
    program = svc.program_tambah(
        user=kantor["kasubag"], jenis="bimtek_internal", judul="Bimtek TNDE", penyelenggara="internal",
        tanggal=date(2026, 1, 5), peserta=[pegawai("Andi")],
    )  # fmt: skip
    client.force_login(kantor["kasubag"])
    url = program.get_absolute_url()
    fake = SimpleUploadedFile("sertifikat.pdf", b"bukan pdf sama sekali", content_type="application/pdf")
    bad = client.post(url, {"sertifikat": fake})
    assert bad.status_code == 400
    assert "harus berupa PDF" in bad.content.decode()
    assert ProgramSdm.objects.get().status == "direncanakan"
    assert client.post(url, {"sertifikat": scan_pdf("sertifikat.pdf")}).status_code == 302
    done = ProgramSdm.objects.get()
    assert done.status == "dilaksanakan" and done.sertifikat
    download = client.get(reverse("sekretariat:program-sdm-sertifikat", args=[program.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


QUERIES_PUTARAN = 9
QUERIES_PROGRAM = 8


def test_the_pegawai_page_shows_the_riwayat_diklat(client, kantor):
    andi = pegawai("Andi")
    svc.program_tambah(
        user=kantor["kasubag"], jenis="diklat_teknis", judul="Diklat teknis SIAK", penyelenggara="bkpsdm",
        tanggal=date(2026, 1, 5), peserta=[andi],
    )  # fmt: skip
    client.force_login(kantor["kasubag"])
    page = client.get(andi.get_absolute_url()).content.decode()
    section = page.split('id="riwayat-diklat"')[1].split("</section>")[0]
    assert "Diklat teknis SIAK" in section and "5 Januari 2026" in section
