"""Screens of the kerja sama register: who sees them, the list's query count, the chain's buttons,
the requests made under an agreement listed on its page, bad input answered without a 500."""

import pytest
from django.urls import reverse

from piak.models import Kerjasama, StatusKerjasama

from .conftest import berlaku, pdf, usulan

pytestmark = pytest.mark.django_db


def test_only_piak_and_the_leaders_see_the_register(client, piak):
    url = reverse("piak:kerjasama")
    for who, status in [("kasi_piak", 200), ("adb", 200), ("sekretaris", 200), ("kadis", 200),
                        ("kasi_lain", 403), ("agendaris", 403)]:  # fmt: skip
        client.force_login(piak[who])
        assert client.get(url).status_code == status, who
    client.force_login(piak["adb"])
    assert client.get(reverse("piak:kerjasama-baru")).status_code == 403  # only the Kasi proposes


def test_the_list_costs_the_same_queries_for_one_or_many_agreements(client, piak, django_assert_num_queries):
    berlaku(piak)
    client.force_login(piak["kabid_piak"])
    url = reverse("piak:kerjasama")
    client.get(url)
    with django_assert_num_queries(6):  # session, user, groups, bidang, agreements (+ request counts), badge
        page = client.get(url).content.decode()
    assert "BPJS Kesehatan Cabang" in page and "Verifikasi NIK, Akses web service" in page
    for n in range(3):
        usulan(piak, nama=f"Lembaga {n}")
    with django_assert_num_queries(6):
        page = client.get(url).content.decode()
    assert "Lembaga 2" in page


def test_a_proposal_form_with_errors_answers_400_and_saves_nothing(client, piak):
    client.force_login(piak["kasi_piak"])
    response = client.post(reverse("piak:kerjasama-baru"), {"judul": "X", "tor": ""})
    assert response.status_code == 400
    assert "Pilih lembaga atau tulis nama lembaga baru." in response.content.decode()
    assert not Kerjasama.objects.exists()
    response = client.post(
        reverse("piak:kerjasama-baru"),
        {"jenis": "pks", "lembaga_baru": "Bank Jateng", "judul": "Verifikasi NIK nasabah", "tor": "ToR.",
         "ruang_lingkup": ["verifikasi_nik", "web_portal"]},
    )  # fmt: skip
    pks = Kerjasama.objects.get()
    assert response["Location"] == reverse("piak:kerjasama-detail", args=[pks.pk])
    assert (pks.lembaga.nama, pks.ruang_lingkup, pks.status) == ("Bank Jateng", ["verifikasi_nik", "web_portal"],
                                                                 StatusKerjasama.USULAN)  # fmt: skip


def test_the_page_walks_the_chain_and_refuses_what_the_state_or_role_does_not_allow(client, piak):
    pks = usulan(piak)
    client.force_login(piak["kasi_piak"])
    detail = reverse("piak:kerjasama-detail", args=[pks.pk])
    assert "Simpan draf PKS" in client.get(detail).content.decode()
    aksi = lambda m: reverse("piak:kerjasama-aksi", args=[pks.pk, m])  # noqa: E731
    bad = client.post(aksi("susun_draf"), {"expected_status": "usulan", "draf": _not_pdf()})
    assert bad.status_code == 400 and "PDF, JPEG, atau PNG" in bad.content.decode()
    assert client.post(aksi("susun_draf"), {"expected_status": "usulan", "draf": pdf()}).status_code == 302
    assert client.post(aksi("susun_draf"), {"expected_status": "usulan", "draf": pdf()}).status_code == 409
    assert client.post(aksi("ajukan"), {"expected_status": "draf"}).status_code == 302
    assert client.post(aksi("setujui"), {"expected_status": "dibahas"}).status_code == 403  # the Kabid's step
    client.force_login(piak["kabid_piak"])
    assert "Setujui hasil pembahasan" in client.get(detail).content.decode()
    assert client.post(aksi("setujui"), {"expected_status": "dibahas"}).status_code == 302
    assert client.post(aksi("entah"), {}).status_code == 404
    pks.refresh_from_db()
    assert pks.status == StatusKerjasama.PARAF
    assert client.get(reverse("piak:kerjasama-berkas", args=[pks.pk, "draf"]))["Content-Type"] == "application/pdf"


def _not_pdf():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("draf.pdf", b"teks biasa", content_type="application/pdf")


def test_the_agreement_page_lists_the_requests_made_under_it(client, piak, django_assert_num_queries):
    from piak.services import permintaan_data as pd

    from .conftest import surat_ke_piak

    pks = berlaku(piak)
    for n in range(2):
        surat, disposisi = surat_ke_piak(piak, nomor=f"005/{n}/BPJS/2026")
        data = pd.PermintaanBaru(surat.pk, "pemadanan", "web_service", "Pemadanan.", disposisi.pk)
        pd.permintaan_periksa(user=piak["kasi_piak"], pk=pd.permintaan_buka(user=piak["kasi_piak"], data=data).pk)
    client.force_login(piak["adb"])
    page = client.get(reverse("piak:kerjasama-detail", args=[pks.pk])).content.decode()
    assert "005/0/BPJS/2026" in page and "005/1/BPJS/2026" in page and page.count("Diolah ADB") == 2
