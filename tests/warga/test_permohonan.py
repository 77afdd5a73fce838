"""Online applications: uploads checked by content, who may read them, verification by the loket."""

import threading

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection
from django.urls import reverse

from dukcapil.choices import Status
from dukcapil.exceptions import BerkasConflict
from dukcapil.models import AksesDataPribadi, Berkas, Dokumen
from dukcapil.notifikasi.models import PesanKeluar
from dukcapil.warga import services
from dukcapil.warga.models import PermohonanOnline, StatusOnline, UnggahanPersyaratan
from dukcapil.warga.selectors import dokumen_warga
from pendaftaran.models import Penduduk

from .conftest import pdf_bytes, pelita3_detail, png_bytes, submitted, upload

pytestmark = pytest.mark.django_db


def form_data(permohonan, files: dict, **extra) -> dict:
    person = Penduduk.objects.get(nik=permohonan.warga.nik)
    data = {k: v[0] for k, v in pelita3_detail(person).items()}
    contacts = {"email": permohonan.warga.email, "telepon": permohonan.warga.telepon, "catatan": ""}
    return data | contacts | files | extra


@pytest.fixture
def draf(akun, pelita3):
    return services.permohonan_buat(warga=akun, layanan=pelita3)


def syarat(pelita3):
    return list(pelita3.persyaratan_berlaku())


def test_citizen_fills_uploads_and_submits_then_the_loket_is_told(client, akun, draf, pelita3):
    client.force_login(akun.user)
    url = reverse("warga:permohonan", args=[draf.nomor_permohonan])
    files = {f"syarat_{p.pk}": upload(f"{p.pk}.pdf", pdf_bytes()) for p in syarat(pelita3)}
    response = client.post(url, form_data(draf, files, ajukan="1"))
    assert response.status_code == 302
    draf.refresh_from_db()
    assert draf.status == StatusOnline.DIAJUKAN and draf.putaran == 1
    assert draf.unggahan.count() == len(syarat(pelita3))
    assert PesanKeluar.objects.filter(subjek__contains="diajukan", kepada=[akun.email]).exists()
    # stored outside the web root: under MEDIA_ROOT/private, not /media/ nor static
    stored = draf.unggahan.first().berkas
    assert "/private/permohonan-online/" in stored.path


def test_submit_without_every_required_upload_is_refused(client, akun, draf, pelita3):
    client.force_login(akun.user)
    first = syarat(pelita3)[0]
    files = {f"syarat_{first.pk}": upload("a.pdf", pdf_bytes())}
    response = client.post(
        reverse("warga:permohonan", args=[draf.nomor_permohonan]), form_data(draf, files, ajukan="1")
    )
    assert response.status_code == 400
    assert f"Belum diunggah: {syarat(pelita3)[1].nama}" in response.content.decode()
    draf.refresh_from_db()
    assert draf.status == StatusOnline.DRAF


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("besar.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10), "terlalu besar (maksimal 1 MB)"),
        ("program.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200, "harus berupa PDF, JPEG, atau PNG"),
        ("catatan.pdf", b"ini hanya teks biasa, bukan PDF " * 20, "harus berupa PDF, JPEG, atau PNG"),
        ("rusak.png", b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"rusak" * 40, "rusak atau tidak dapat dibuka"),
    ],
)
def test_bad_uploads_are_refused_with_a_message(client, akun, draf, pelita3, settings, name, content, message):
    settings.WARGA_UPLOAD_MAX_MB = 1
    client.force_login(akun.user)
    first = syarat(pelita3)[0]
    files = {f"syarat_{first.pk}": upload(name, content)}
    response = client.post(reverse("warga:permohonan", args=[draf.nomor_permohonan]), form_data(draf, files))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not UnggahanPersyaratan.objects.exists()


def test_a_pdf_name_on_a_png_is_stored_and_served_as_the_png_it_is(client, akun, draf, pelita3):
    client.force_login(akun.user)
    first = syarat(pelita3)[0]
    files = {f"syarat_{first.pk}": upload("scan.pdf", png_bytes())}
    assert (
        client.post(reverse("warga:permohonan", args=[draf.nomor_permohonan]), form_data(draf, files)).status_code
        == 302
    )
    row = UnggahanPersyaratan.objects.get()
    assert row.jenis == "png"
    response = client.get(reverse("warga:unggahan", args=[draf.nomor_permohonan, row.pk]))
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_upload_is_read_by_its_owner_and_the_layanan_loket_only(
    client, akun, akun_lain, pelita3, loket_capil, loket_dafduk
):
    permohonan = submitted(akun, pelita3)
    row = permohonan.unggahan.first()
    url = reverse("warga:unggahan", args=[permohonan.nomor_permohonan, row.pk])

    assert client.get(url).status_code == 302  # anonymous: sign in first
    client.force_login(akun.user)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(akun_lain.user)
    assert client.get(url).status_code == 404
    client.force_login(loket_dafduk)  # front office of another bidang
    assert client.get(url).status_code == 404
    assert not AksesDataPribadi.objects.filter(pengguna=loket_dafduk).exists()
    client.force_login(loket_capil)
    assert client.get(url).status_code == 200
    log = AksesDataPribadi.objects.get(pengguna=loket_capil)
    assert log.nik == akun.nik and permohonan.nomor_permohonan in log.konteks


def verify(client, officer, permohonan, tindakan, **extra):
    client.force_login(officer)
    data = {"tindakan": tindakan, "expected_status": permohonan.status, "putaran": permohonan.putaran, "catatan": ""}
    return client.post(reverse("warga:verifikasi", args=[permohonan.nomor_permohonan]), data | extra)


def test_accept_registers_the_berkas_and_the_resi_appears_in_the_account(
    client, akun, pelita3, loket_capil, django_capture_on_commit_callbacks
):
    permohonan = submitted(akun, pelita3)
    with django_capture_on_commit_callbacks(execute=True):  # the resi is made by a task after commit
        response = verify(client, loket_capil, permohonan, "terima")
    assert response.status_code == 302
    permohonan.refresh_from_db()
    berkas = permohonan.berkas
    assert permohonan.status == StatusOnline.DIVERIFIKASI
    assert berkas.pemohon_nik == akun.nik and berkas.layanan == pelita3 and berkas.status == Status.DITERIMA
    assert berkas.dibuat_oleh == loket_capil
    assert set(berkas.persyaratan_diserahkan.values_list("pk", flat=True)) == {p.pk for p in syarat(pelita3)}
    assert berkas.intake_token == permohonan.token
    # one «diterima» message, the one pointing to the account (the berkas's own is not sent twice)
    told = PesanKeluar.objects.filter(isi__contains=berkas.nomor_registrasi)
    assert [p.subjek for p in told] == [f"Permohonan {permohonan.nomor_permohonan} diterima"]

    client.force_login(akun.user)
    page = client.get(reverse("warga:permohonan", args=[permohonan.nomor_permohonan])).content.decode()
    assert berkas.nomor_registrasi in page
    assert "Diterima, menunggu entri operator" in page  # the public status steps
    resi_url = reverse("warga:dokumen", args=[permohonan.nomor_permohonan, "resi"])
    assert resi_url in page
    resi = client.get(resi_url)
    assert resi.status_code == 200 and resi["Content-Type"] == "application/pdf"


def test_a_later_acceptance_of_the_berkas_at_the_counter_is_told_by_the_counter(
    client, akun, pelita3, loket_capil, django_capture_on_commit_callbacks
):
    """warga is the teller of the application's acceptance only (registry.register_teller); once the
    berkas is linked, an acceptance at the counter (missing items brought in) is the counter's message."""
    from dukcapil.notifikasi.warga import berkas_kabari

    permohonan = submitted(akun, pelita3)
    with django_capture_on_commit_callbacks(execute=True):
        verify(client, loket_capil, permohonan, "terima")
    permohonan.refresh_from_db()
    berkas = permohonan.berkas
    told = berkas_kabari(berkas, "diterima")
    assert told
    assert all(berkas.nomor_registrasi in p.isi for p in told)


def test_return_names_the_items_then_the_citizen_fixes_and_resubmits(client, akun, pelita3, loket_capil):
    permohonan = submitted(akun, pelita3)
    kk = next(p for p in syarat(pelita3) if p.nama == "KK")
    response = verify(client, loket_capil, permohonan, "kembalikan", items=[str(kk.pk)], catatan="KK tidak terbaca.")
    assert response.status_code == 302
    permohonan.refresh_from_db()
    assert permohonan.status == StatusOnline.DIKEMBALIKAN and permohonan.perlu_diperbaiki == [str(kk.pk)]
    pesan = PesanKeluar.objects.filter(subjek__contains="perlu diperbaiki").get()
    assert "- KK" in pesan.isi and "KK tidak terbaca." in pesan.isi

    client.force_login(akun.user)
    url = reverse("warga:permohonan", args=[permohonan.nomor_permohonan])
    page = client.get(url).content.decode()
    assert "Perlu diperbaiki" in page and "KK tidak terbaca." in page
    # resubmitting without replacing the KK is refused
    response = client.post(url, form_data(permohonan, {}, ajukan="1"))
    assert response.status_code == 400 and "Belum diganti: KK" in response.content.decode()
    response = client.post(
        url, form_data(permohonan, {f"syarat_{kk.pk}": upload("kk.png", png_bytes((30, 30)))}, ajukan="1")
    )
    assert response.status_code == 302
    permohonan.refresh_from_db()
    assert permohonan.status == StatusOnline.DIAJUKAN and permohonan.putaran == 2
    assert permohonan.perubahan == ["Unggahan diganti: KK"]

    client.force_login(loket_capil)
    page = client.get(reverse("warga:verifikasi", args=[permohonan.nomor_permohonan])).content.decode()
    assert "Diubah pemohon sejak dikembalikan" in page and "Unggahan diganti: KK" in page


def test_return_without_items_or_note_is_refused(client, akun, pelita3, loket_capil):
    permohonan = submitted(akun, pelita3)
    response = verify(client, loket_capil, permohonan, "kembalikan", catatan="")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Pilih persyaratan atau data yang harus diperbaiki." in body
    assert "Catatan untuk pemohon wajib diisi." in body
    permohonan.refresh_from_db()
    assert permohonan.status == StatusOnline.DIAJUKAN


def test_the_second_officer_on_a_stale_page_gets_409_and_one_berkas_is_registered(
    client, akun, pelita3, loket_capil, loket_capil_2
):
    permohonan = submitted(akun, pelita3)
    assert verify(client, loket_capil, permohonan, "terima").status_code == 302
    response = verify(client, loket_capil_2, permohonan, "kembalikan", items=["data"], catatan="Data salah.")
    assert response.status_code == 409
    assert "baru saja diproses oleh" in response.content.decode()
    assert Berkas.objects.filter(pemohon_nik=akun.nik).count() == 1
    permohonan.refresh_from_db()
    assert permohonan.status == StatusOnline.DIVERIFIKASI


@pytest.mark.django_db(transaction=True)
def test_two_officers_at_once_one_wins_the_other_gets_a_conflict(akun_committed):
    akun, pelita3, officers = akun_committed
    permohonan = submitted(akun, pelita3)
    results = []
    barrier = threading.Barrier(2)

    def act(officer, tindakan):
        try:
            barrier.wait()
            if tindakan == "terima":
                services.permohonan_terima(
                    permohonan_id=permohonan.pk, user=officer, expected_status="diajukan", putaran=1
                )
            else:
                services.permohonan_kembalikan(
                    permohonan_id=permohonan.pk,
                    user=officer,
                    expected_status="diajukan",
                    putaran=1,
                    items=["data"],
                    catatan="Data salah.",
                )
            results.append("ok")
        except BerkasConflict:
            results.append("409")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=act, args=(o, t)) for o, t in zip(officers, ["terima", "kembalikan"], strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["409", "ok"]
    permohonan.refresh_from_db()
    assert Berkas.objects.filter(intake_token=permohonan.token).count() == (
        1 if permohonan.status == StatusOnline.DIVERIFIKASI else 0
    )


@pytest.fixture
def akun_committed(transactional_db, catalogue):
    from dukcapil.choices import Role
    from dukcapil.models import Layanan
    from dukcapil.warga.data import load
    from pendaftaran.demo import seed_register
    from tests.factories import staff

    from .conftest import make_account

    seed_register(families=2, ktp_el=2, kia=0)
    load()
    person = Penduduk.objects.filter(hubungan="KEPALA KELUARGA").order_by("pk").first()
    officers = [staff(Role.PETUGAS_LOKET, "pencatatan_sipil", username=f"fo_{i}") for i in (1, 2)]
    return make_account(person, "serentak@example.id"), Layanan.objects.get(kode="pelita3"), officers


def test_verification_is_403_for_another_bidang_and_for_a_role_without_it(client, akun, pelita3, loket_dafduk):
    from dukcapil.choices import Role
    from tests.factories import staff

    permohonan = submitted(akun, pelita3)
    operator = staff(Role.OPERATOR_SIAK, "pencatatan_sipil", username="op_capil")
    for officer in (loket_dafduk, operator):
        response = verify(client, officer, permohonan, "terima")
        assert response.status_code == 403
        client.force_login(officer)
        assert client.get(reverse("warga:verifikasi", args=[permohonan.nomor_permohonan])).status_code == 403
    permohonan.refresh_from_db()
    assert permohonan.status == StatusOnline.DIAJUKAN


def test_the_loket_list_shows_its_bidang_only_in_a_fixed_number_of_queries(
    client, akun, akun_lain, pelita3, loket_capil, loket_dafduk, django_assert_num_queries
):
    mine = [submitted(akun, pelita3), submitted(akun_lain, pelita3)]
    client.force_login(loket_capil)
    client.get(reverse("warga:petugas"))  # warm the session and content types
    # session, user, the user's groups (menu), unread notices, page count, the page's rows with their
    # layanan, pemohon and berkas (one join), and the bidang of the header
    with django_assert_num_queries(7):
        response = client.get(reverse("warga:petugas"))
    body = response.content.decode()
    assert all(p.nomor_permohonan in body for p in mine)
    client.force_login(loket_dafduk)
    body = client.get(reverse("warga:petugas")).content.decode()
    assert not any(p.nomor_permohonan in body for p in mine)


def test_the_citizen_downloads_signed_kk_and_akta_and_is_told_cards_are_taken_at_the_office(
    client, akun, akun_lain, pelita3, loket_capil
):
    permohonan = submitted(akun, pelita3)
    services.permohonan_terima(permohonan_id=permohonan.pk, user=loket_capil, expected_status="diajukan", putaran=1)
    permohonan.refresh_from_db()
    ct = ContentType.objects.get_for_model(Berkas)
    for jenis, signer in (("kk", "Kepala Dinas"), ("kutipan-perceraian", ""), ("ktp-el", "Kepala Dinas")):
        Dokumen.objects.create(
            content_type=ct,
            object_id=permohonan.berkas_id,
            jenis=jenis,
            berkas_pdf=ContentFile(pdf_bytes(), name=f"{jenis}.pdf"),
            sha256="0" * 64,
            ditandatangani_oleh=signer,
        )
    rows = {d.jenis: d for d in dokumen_warga(permohonan.berkas)}
    assert rows["kk"].dapat_diunduh and not rows["kutipan-perceraian"].dapat_diunduh  # not signed yet
    assert rows["ktp-el"].keterangan == "Diambil di kantor" and not rows["ktp-el"].dapat_diunduh

    client.force_login(akun.user)
    assert client.get(reverse("warga:dokumen", args=[permohonan.nomor_permohonan, "kk"])).status_code == 200
    assert client.get(reverse("warga:dokumen", args=[permohonan.nomor_permohonan, "ktp-el"])).status_code == 404
    assert (
        client.get(reverse("warga:dokumen", args=[permohonan.nomor_permohonan, "kutipan-perceraian"])).status_code
        == 404
    )
    client.force_login(akun_lain.user)
    assert client.get(reverse("warga:dokumen", args=[permohonan.nomor_permohonan, "kk"])).status_code == 404


def test_the_application_page_of_another_citizen_is_not_found(client, akun, akun_lain, pelita3):
    permohonan = submitted(akun, pelita3)
    client.force_login(akun_lain.user)
    assert client.get(reverse("warga:permohonan", args=[permohonan.nomor_permohonan])).status_code == 404
    assert PermohonanOnline.objects.filter(warga=akun).count() == 1


def test_a_submitted_application_waits_in_the_front_office_kotak_masuk_of_its_bidang(
    client, akun, pelita3, loket_capil, loket_dafduk
):
    permohonan = submitted(akun, pelita3)
    client.force_login(loket_capil)
    body = client.get(reverse("kotak-masuk")).content.decode()
    assert permohonan.nomor_permohonan in body and f"Permohonan online {pelita3.nama}" in body
    assert reverse("warga:verifikasi", args=[permohonan.nomor_permohonan]) in body
    client.force_login(loket_dafduk)
    assert permohonan.nomor_permohonan not in client.get(reverse("kotak-masuk")).content.decode()


def test_hostile_input_on_the_citizen_and_officer_forms_is_refused_without_a_500(
    client, akun, draf, pelita3, loket_capil
):
    from tests.test_form_fuzz import HOSTILE, _check, _post

    client.force_login(akun.user)
    url = reverse("warga:permohonan", args=[draf.nomor_permohonan])
    for name, value in HOSTILE.items():
        for field in ("email", "telepon", "catatan", "detail-1__nomor_kk", "detail-0__nomor_akta_rujukan"):
            _check(_post(client, url, form_data(draf, {}), field, value), f"permohonan {field} {name}")
    draf.refresh_from_db()
    assert draf.status == StatusOnline.DRAF

    permohonan = submitted(akun, pelita3)
    client.force_login(loket_capil)
    url = reverse("warga:verifikasi", args=[permohonan.nomor_permohonan])
    base = {"tindakan": "kembalikan", "expected_status": "diajukan", "putaran": 1, "items": ["data"], "catatan": "x"}
    for name, value in HOSTILE.items():
        for field in ("tindakan", "expected_status", "putaran", "items", "catatan"):
            response = _post(client, url, base | {"catatan": "Periksa lagi."}, field, value)
            _check(response, f"verifikasi {field} {name}")
            permohonan.refresh_from_db()
            if permohonan.status != StatusOnline.DIAJUKAN:  # a valid return went through: submit again
                assert permohonan.status == StatusOnline.DIKEMBALIKAN and response.status_code == 302
                return
