"""Update data screens: the form (400 in Indonesian, nothing saved), the list (NIK masked, pinned
query count), the detail (register shown to the ADB while checking, access logged; the Kabid sees a
masked NIK and no register), 403/404/409 on the actions."""

import pytest
from django.urls import reverse
from django.utils import timezone

from dukcapil.models import AksesDataPribadi
from dukcapil.nik import mask_nik
from piak.models import PermohonanUpdateData, StatusUpdateData
from piak.services import update_data as svc

from .update_data_helpers import report_pdf, terima, update_data_team  # noqa: F401 (the «upd» fixture)

pytestmark = pytest.mark.django_db
S = StatusUpdateData


def _form(nik: str, **extra) -> dict:
    return {"kanal": "kantor", "nik": nik, "nama_pemohon": "Siti Aminah", "telepon": "0812", "email": "",
            "jenis_masalah": "data_ganda", "uraian": "NIK ganda di pusat."} | extra  # fmt: skip


def test_piak_receives_a_request_with_evidence_and_lands_on_it(client, upd):
    client.force_login(upd["adb"])
    response = client.post(reverse("piak:update-data-baru"), _form(upd["person"].nik, bukti=report_pdf("kk.pdf")))
    p = PermohonanUpdateData.objects.get()
    assert response.status_code == 302 and response["Location"] == p.get_absolute_url()
    assert upd["person"].nik not in response["Location"]
    assert client.get(reverse("piak:update-data-bukti", args=[p.pk])).status_code == 200


def test_an_invalid_nik_is_400_with_its_message_and_nothing_saved(client, upd):
    client.force_login(upd["adb"])
    response = client.post(reverse("piak:update-data-baru"), _form("3502013201900001"))
    assert response.status_code == 400
    assert "NIK tidak valid" in response.content.decode()
    response = client.post(reverse("piak:update-data-baru"), _form("12345"))
    assert response.status_code == 400 and "NIK harus 16 digit angka." in response.content.decode()
    assert not PermohonanUpdateData.objects.exists()


def test_outside_piak_the_screens_are_403(client, upd):
    p = terima(upd["adb"], upd["person"].nik)
    client.force_login(upd["kasi_dafduk"])
    assert client.get(reverse("piak:update-data-list")).status_code == 403
    assert client.get(reverse("piak:update-data-detail", args=[p.pk])).status_code == 403
    assert client.post(reverse("piak:update-data-baru"), _form(upd["person"].nik)).status_code == 403
    client.force_login(upd["kabid"])  # reads, does not act
    data = {"expected_status": S.DITERIMA, "sesuai": "1", "temuan": "Sesuai."}
    assert client.post(reverse("piak:update-data-aksi", args=[p.pk, "verifikasi"]), data).status_code == 403
    assert PermohonanUpdateData.objects.get(pk=p.pk).status == S.DITERIMA


def test_the_adb_sees_the_register_while_checking_and_the_access_is_logged(client, upd):
    person = upd["person"]
    p = terima(upd["adb"], person.nik)
    client.force_login(upd["adb"])
    page = client.get(reverse("piak:update-data-detail", args=[p.pk])).content.decode()
    assert "Data pada database kependudukan" in page and person.nama in page and person.nama_ibu in page
    log = AksesDataPribadi.objects.get()
    assert (log.pengguna, log.nik, log.halaman) == (upd["adb"], person.nik, "database_penduduk")
    assert p.nomor in log.konteks

    client.force_login(upd["kabid"])  # a reader: masked NIK, no register, no log row
    page = client.get(reverse("piak:update-data-detail", args=[p.pk])).content.decode()
    assert mask_nik(person.nik) in page and person.nik not in page and person.nama_ibu not in page
    assert AksesDataPribadi.objects.count() == 1


def test_a_nik_the_register_lacks_is_said_so(client, upd):
    p = terima(upd["adb"], "3502011501900001")
    client.force_login(upd["adb"])
    page = client.get(reverse("piak:update-data-detail", args=[p.pk])).content.decode()
    assert "tidak ditemukan dalam database kependudukan" in page


def test_actions_through_the_page_and_a_stale_page_is_409(client, upd):
    p = terima(upd["adb"], upd["person"].nik)
    client.force_login(upd["adb"])
    url = reverse("piak:update-data-aksi", args=[p.pk, "verifikasi"])
    data = {"expected_status": S.DITERIMA, "sesuai": "1", "temuan": "Register: satu biodata."}
    assert client.post(url, data).status_code == 302
    response = client.post(url, data)
    assert response.status_code == 409 and "baru saja diproses" in response.content.decode()
    response = client.post(reverse("piak:update-data-aksi", args=[p.pk, "ajukan"]),
                           {"expected_status": S.DIVERIFIKASI, "nomor_tiket": "", "tanggal": ""})  # fmt: skip
    assert response.status_code == 400
    assert PermohonanUpdateData.objects.get(pk=p.pk).status == S.DIVERIFIKASI
    response = client.post(reverse("piak:update-data-aksi", args=[p.pk, "ajukan"]),
                           {"expected_status": S.DIVERIFIKASI, "nomor_tiket": "KONSOL-9",
                            "tanggal": timezone.localdate().isoformat()})  # fmt: skip
    assert response.status_code == 302
    page = client.get(reverse("piak:update-data-detail", args=[p.pk])).content.decode()
    assert "KONSOL-9" in page and "Data pada database kependudukan" not in page  # sent on: register hidden


@pytest.mark.parametrize("n", [1, 6])
def test_the_list_masks_the_nik_and_reads_a_fixed_number_of_queries(client, upd, django_assert_num_queries, n):
    from pendaftaran.models import Penduduk

    niks = list(Penduduk.objects.order_by("pk").values_list("nik", flat=True)[:n])
    for nik in niks:
        terima(upd["adb"], nik)
    client.force_login(upd["kabid"])
    client.get(reverse("piak:update-data-list"))
    # session, user, groups, count, rows, unread badge, bidang
    with django_assert_num_queries(7):
        page = client.get(reverse("piak:update-data-list")).content.decode()
    for nik in niks:
        assert mask_nik(nik) in page and nik not in page
    assert page.count("/piak/update-data/") >= len(niks)


def test_the_refused_request_is_confirmed_to_the_pemohon_on_the_page(client, upd):
    p = terima(upd["adb"], upd["person"].nik)
    svc.update_data_verifikasi(user=upd["adb"], pk=p.pk, sesuai=False, temuan="Bukan update data.")
    client.force_login(upd["kasi"])
    response = client.post(reverse("piak:update-data-aksi", args=[p.pk, "konfirmasi"]),
                           {"expected_status": S.DITOLAK, "kanal": "email",
                            "tanggal": timezone.localdate().isoformat(), "catatan": ""})  # fmt: skip
    assert response.status_code == 400 and "tidak mencantumkan email" in response.content.decode()
    response = client.post(reverse("piak:update-data-aksi", args=[p.pk, "konfirmasi"]),
                           {"expected_status": S.DITOLAK, "kanal": "telepon",
                            "tanggal": timezone.localdate().isoformat(), "catatan": ""})  # fmt: skip
    assert response.status_code == 302
    assert PermohonanUpdateData.objects.get(pk=p.pk).status == S.SELESAI
