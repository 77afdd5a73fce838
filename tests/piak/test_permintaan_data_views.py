"""Screens of permintaan data: opened from the disposisi page or PIAK's list, the steps' buttons,
the list's query count, bad input without a 500."""

import pytest
from django.urls import reverse

from piak.models import PermintaanData, StatusPermintaan

from .conftest import berlaku, surat_ke_piak

pytestmark = pytest.mark.django_db
HASH = "a" * 64


def test_the_kasi_opens_the_case_from_the_disposisi_page(client, piak):
    berlaku(piak)
    surat, disposisi = surat_ke_piak(piak)
    client.force_login(piak["kasi_piak"])
    page = client.get(reverse("sekretariat:disposisi-detail", args=[disposisi.pk])).content.decode()
    buka = reverse("piak:permintaan-dari-disposisi", args=[disposisi.pk])
    assert f'href="{buka}"' in page
    form = client.get(buka).content.decode()
    assert surat.nomor_surat in form
    response = client.post(buka, {"surat": surat.pk, "jenis": "permintaan", "ruang_lingkup": "verifikasi_nik",
                                  "uraian": "Verifikasi NIK."})  # fmt: skip
    case = PermintaanData.objects.get()
    assert response["Location"] == reverse("piak:permintaan-detail", args=[case.pk])
    assert case.disposisi_id == disposisi.pk and case.lembaga == surat.asal
    page = client.get(reverse("sekretariat:disposisi-detail", args=[disposisi.pk])).content.decode()
    assert reverse("piak:permintaan-detail", args=[case.pk]) in page and f'href="{buka}"' not in page
    # the Kabid who passed it on sees no «buka» button on his own disposisi
    client.force_login(piak["kabid_piak"])
    assert client.get(buka).status_code == 403


def test_the_steps_from_the_case_page(client, piak):
    berlaku(piak)
    surat, _ = surat_ke_piak(piak)
    client.force_login(piak["kasi_piak"])
    client.post(reverse("piak:permintaan"), {"surat": surat.pk, "jenis": "permintaan",
                                             "ruang_lingkup": "verifikasi_nik", "uraian": "NIK."})  # fmt: skip
    case = PermintaanData.objects.get()
    aksi = lambda m: reverse("piak:permintaan-aksi", args=[case.pk, m])  # noqa: E731
    assert client.post(aksi("periksa"), {"expected_status": "periksa"}).status_code == 302
    assert client.post(aksi("periksa"), {"expected_status": "periksa"}).status_code == 409  # stale page
    client.force_login(piak["adb"])
    detail = client.get(reverse("piak:permintaan-detail", args=[case.pk])).content.decode()
    assert "Catat data yang keluar" in detail
    bad = client.post(aksi("lapor"), {"expected_status": "diolah", "kolom": ["nik"], "jumlah_record": "5",
                                      "sha256": "z" * 64, "metode": "sftp"})  # fmt: skip
    assert bad.status_code == 400 and "heksadesimal" in bad.content.decode()
    ok = client.post(aksi("lapor"), {"expected_status": "diolah", "kolom": ["nik", "nama"], "jumlah_record": "5",
                                     "sha256": HASH, "metode": "email_terenkripsi"})  # fmt: skip
    assert ok.status_code == 302
    assert client.post(aksi("verifikasi"), {"expected_status": "verifikasi_kasi"}).status_code == 403
    client.force_login(piak["kasi_piak"])
    assert client.post(aksi("verifikasi"), {"expected_status": "verifikasi_kasi"}).status_code == 302
    client.force_login(piak["kabid_piak"])
    assert client.post(aksi("kembalikan"), {"expected_status": "verifikasi_kabid", "catatan": ""}).status_code == 400
    assert client.post(aksi("setujui"), {"expected_status": "verifikasi_kabid"}).status_code == 302
    client.force_login(piak["kasi_piak"])
    response = client.post(aksi("balasan"), {"expected_status": "balasan"})
    case.refresh_from_db()
    assert case.status == StatusPermintaan.BALASAN
    assert response["Location"] == reverse("sekretariat:naskah-detail", args=[case.naskah_id])
    page = client.get(reverse("piak:permintaan-detail", args=[case.pk])).content.decode()
    assert HASH in page and "Email terenkripsi" in page and "Nama lengkap" in page
    assert client.post(aksi("selesaikan"), {"expected_status": "balasan"}).status_code == 409  # not sent yet


def test_the_list_costs_the_same_queries_for_one_or_many_cases(client, piak, django_assert_num_queries):
    from piak.services import permintaan_data as pd

    client.force_login(piak["kabid_piak"])
    url = reverse("piak:permintaan") + "?status=terbuka"
    for n in range(3):
        surat, disposisi = surat_ke_piak(piak, nomor=f"005/{n}/X/2026")
        data = pd.PermintaanBaru(surat.pk, "permintaan", "verifikasi_nik", "NIK.", disposisi.pk)
        pd.permintaan_buka(user=piak["kasi_piak"], data=data)
        client.get(url)
        with django_assert_num_queries(6):  # session, user, groups, bidang, cases (one join), badge
            page = client.get(url).content.decode()
        assert page.count(">Pemeriksaan PKS oleh Kasi</span>") == n + 1


def test_someone_outside_piak_sees_neither_list_nor_case(client, piak):
    surat, disposisi = surat_ke_piak(piak)
    client.force_login(piak["kasi_piak"])
    form = {"surat": surat.pk, "jenis": "permintaan", "ruang_lingkup": "data_balikan", "uraian": "Data."}
    client.post(reverse("piak:permintaan-dari-disposisi", args=[disposisi.pk]), form)
    case = PermintaanData.objects.get()
    client.force_login(piak["kasi_lain"])
    assert client.get(reverse("piak:permintaan")).status_code == 403
    assert client.get(reverse("piak:permintaan-detail", args=[case.pk])).status_code == 403
    assert client.post(reverse("piak:permintaan-aksi", args=[case.pk, "periksa"])).status_code == 403
    case.refresh_from_db()
    assert case.status == StatusPermintaan.PERIKSA
