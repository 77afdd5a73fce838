"""PELITA 3 step 5: the applicant checks the konsep of the documents before the Kadis signs."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from dukcapil.cetakan.models import Cetakan
from dukcapil.notifikasi.models import PesanKeluar
from dukcapil.warga import services
from pendaftaran.services import permohonan_kk_update
from tests.factories import sign, to_tte
from tests.pencatatan_sipil import conftest as capil_conftest
from tests.pencatatan_sipil.test_paket import ALAMAT_BARU, _enter_akta_and_ktp, _row

from .conftest import make_account, pdf_bytes, upload

pytestmark = pytest.mark.django_db
capil = capil_conftest.capil  # the Pencatatan Sipil officers


def test_the_applicant_sees_the_konsep_marked_as_such_only_while_it_waits_for_the_tte(
    client, capil, register, akun_lain, django_capture_on_commit_callbacks
):
    from dukcapil.models import Layanan

    keluarga = register[1]
    suami = keluarga.anggota.get(hubungan="KEPALA KELUARGA")
    istri = keluarga.anggota.get(hubungan="ISTRI")
    akun = make_account(istri, "istri@example.id")
    pelita3 = Layanan.objects.get(kode="pelita3")
    permohonan = services.permohonan_buat(warga=akun, layanan=pelita3)
    services.permohonan_simpan(
        permohonan_id=permohonan.pk,
        user=akun.user,
        data_detail={
            "detail-1__jenis": ["pisah"],
            "detail-1__nomor_kk": [keluarga.nomor_kk],
            "detail-2__jenis": ["ktp-el-perubahan"],
        },
        telepon="",
        email=akun.email,
        catatan="",
        unggahan=[
            services.Unggahan(persyaratan_id=p.pk, file=upload("s.pdf", pdf_bytes()), jenis="pdf")
            for p in pelita3.persyaratan_berlaku()
        ],
    )
    services.permohonan_ajukan(permohonan_id=permohonan.pk, user=akun.user)
    services.permohonan_terima(permohonan_id=permohonan.pk, user=capil["loket"], expected_status="diajukan", putaran=1)
    permohonan.refresh_from_db()
    url = reverse("warga:permohonan", args=[permohonan.nomor_permohonan])
    konsep_url = reverse("warga:konsep", args=[permohonan.nomor_permohonan])

    client.force_login(akun.user)
    assert konsep_url not in client.get(url).content.decode()  # with the operator: nothing to check yet
    assert client.post(konsep_url)["Location"] == url

    def enter(b):
        _enter_akta_and_ktp(b, capil, suami, istri)
        leavers = [_row(istri, hubungan="KEPALA KELUARGA", status_perkawinan="CERAI HIDUP")]
        permohonan_kk_update(berkas_id=b.pk, user=capil["operator"], data=ALAMAT_BARU, anggota=leavers)

    berkas = to_tte(permohonan.berkas, capil, enter)
    assert konsep_url in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(konsep_url)
    assert response.status_code == 302
    cetakan = Cetakan.objects.get(diminta_oleh=akun.user)
    assert cetakan.status == Cetakan.Status.SIAP, cetakan.galat
    pdf = client.get(reverse("cetakan-unduh", args=[cetakan.token]))
    assert pdf.status_code == 200
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(b"".join(pdf.streaming_content))).pages)
    assert "KONSEP" in text and istri.nik in text
    assert berkas.permohonan_kk.keluarga.nomor_kk in text  # the new KK as it will be signed

    client.force_login(akun_lain.user)  # another citizen: not found
    assert client.post(konsep_url).status_code == 404
    assert client.get(reverse("cetakan-unduh", args=[cetakan.token])).status_code == 404

    # signed (step 11): the applicant is told by email with a link to the account, no document attached
    sign([berkas], capil["kadis"])
    pesan = PesanKeluar.objects.get(kepada=[akun.email], subjek__contains="telah ditandatangani")
    assert "Kartu Keluarga" in pesan.isi and "diambil di kantor" in pesan.isi
    assert permohonan.nomor_permohonan in pesan.isi and not pesan.lampiran.exists() and istri.nik not in pesan.isi
    client.force_login(akun.user)
    assert client.get(reverse("warga:dokumen", args=[permohonan.nomor_permohonan, "kk"])).status_code == 200
    assert client.post(konsep_url)["Location"] == url  # signed: no konsep any more
