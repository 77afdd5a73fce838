import io
from datetime import timedelta

import pytest
from asn1crypto import x509
from cryptography.hazmat.primitives.serialization import Encoding
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from dukcapil.choices import Status
from dukcapil.exceptions import BerkasForbidden, BerkasInvalid
from dukcapil.models import BatchTTEItem, Berkas, Dokumen, PercobaanTTE
from dukcapil.tte import devca
from dukcapil.tte.services import batch_progress, dokumen_revoke, tte_locked_until
from dukcapil.tte.verify import verify_pdf
from pendaftaran.models import PermohonanKK
from tests.factories import TTE_PASSPHRASE, berkas_in, register_service, sign, to_pickup

from .bsre_contract_server import ContractServer

pytestmark = pytest.mark.django_db


def signed_kk(team, seq=1) -> Dokumen:
    berkas = berkas_in(Status.SIAP_DIAMBIL, team, seq=seq)
    return Dokumen.objects.get(berkas=berkas, jenis="kk")


def test_signed_pdf_validates_against_the_ca(team):
    dokumen = signed_kk(team)
    data = dokumen.berkas_pdf.read()
    ca = devca.load_ca(settings.TTE_DIR)
    root = x509.Certificate.load(ca.cert.public_bytes(encoding=Encoding.DER))
    signature = PdfFileReader(io.BytesIO(data)).embedded_signatures[0]
    status = validate_pdf_signature(signature, ValidationContext(trust_roots=[root]))
    assert status.bottom_line and status.intact and status.valid and status.trusted
    assert status.signing_cert.subject.native["common_name"] == "Kepala Dinas Uji"
    # without the CA as trust root the same signature is intact but not trusted
    untrusted = validate_pdf_signature(signature, ValidationContext(trust_roots=[]))
    assert untrusted.intact and not untrusted.trusted
    assert dokumen.ditandatangani_oleh == "Kepala Dinas Uji" and dokumen.status == Dokumen.Status.BERLAKU


def test_pdf_changed_after_signing_fails(team):
    dokumen = signed_kk(team)
    data = bytearray(dokumen.berkas_pdf.read())
    assert verify_pdf(bytes(data), dokumen.sha256).valid
    position = data.index(b"KARTU KELUARGA") if b"KARTU KELUARGA" in data else len(data) // 3
    data[position] ^= 0x01  # one bit inside the signed byte range
    result = verify_pdf(bytes(data), dokumen.sha256)
    assert not result.same_file
    assert not result.valid


def test_wrong_passphrase_signs_nothing_and_is_recorded(team):
    berkas = berkas_in(Status.TTE, team)
    with pytest.raises(BerkasInvalid, match="Passphrase salah") as exc:
        sign([berkas], team["kadis"], passphrase="bukan-ini")
    assert "Sisa percobaan: 2" in exc.value.message
    berkas.refresh_from_db()
    assert berkas.status == Status.TTE
    assert not Dokumen.objects.filter(berkas=berkas, jenis="kk").exists()
    assert not BatchTTEItem.objects.exists()
    attempt = PercobaanTTE.objects.get(pengguna=team["kadis"])
    assert not attempt.berhasil and attempt.keterangan == "Passphrase salah"


def test_lockout_after_repeated_wrong_passphrases(team):
    berkas = berkas_in(Status.TTE, team)
    for _ in range(settings.TTE_LOCKOUT_ATTEMPTS):
        with pytest.raises(BerkasInvalid):
            sign([berkas], team["kadis"], passphrase="salah")
    with pytest.raises(BerkasForbidden, match="dikunci sampai"):
        sign([berkas], team["kadis"])  # even the right passphrase is refused while locked
    assert PercobaanTTE.objects.filter(pengguna=team["kadis"], berhasil=False).count() == 3
    later = timezone.now() + settings.TTE_LOCKOUT_PERIOD + timedelta(minutes=1)
    assert tte_locked_until(team["kadis"], now=later) is None
    berkas.refresh_from_db()
    assert berkas.status == Status.TTE


def test_only_the_kadis_signs(team):
    berkas = berkas_in(Status.TTE, team)
    for role in ["loket", "operator", "kasi", "kabid", "pengambilan", "admin", "kasi_capil"]:
        with pytest.raises(BerkasForbidden):
            sign([berkas], team[role])
    berkas.refresh_from_db()
    assert berkas.status == Status.TTE


def test_batch_with_one_broken_document_signs_the_rest(team):
    berkas = [berkas_in(Status.TTE, team, seq=n) for n in range(1, 4)]
    PermohonanKK.objects.filter(berkas=berkas[1]).delete()  # its KK data is gone: cannot be rendered
    batch = sign(berkas, team["kadis"])
    progress = batch_progress(batch)
    assert (progress.total, progress.berhasil, progress.gagal, progress.selesai) == (3, 2, 1, True)
    statuses = dict(Berkas.objects.filter(pk__in=[b.pk for b in berkas]).values_list("pk", "status"))
    assert statuses == {berkas[0].pk: Status.SIAP_DIAMBIL, berkas[1].pk: Status.TTE, berkas[2].pk: Status.SIAP_DIAMBIL}
    failed = BatchTTEItem.objects.get(batch=batch, status="gagal")
    assert failed.berkas_id == berkas[1].pk and "Dokumen tidak dapat dibuat" in failed.pesan
    assert "TTE gagal" in Berkas.objects.get(pk=berkas[1].pk).catatan


def test_bsre_backend_against_the_local_contract_server(team, kadis_p12, settings):
    settings.TTE_BACKEND = "dukcapil.tte.backends.BsreBackend"
    with ContractServer({"2102011708700001": str(kadis_p12)}) as server:
        settings.TTE_BSRE_URL = server.url
        berkas = berkas_in(Status.TTE, team)
        batch = sign([berkas], team["kadis"])
        assert batch_progress(batch).berhasil == 1
        dokumen = Dokumen.objects.get(berkas=berkas, jenis="kk")
        assert verify_pdf(dokumen.berkas_pdf.read(), dokumen.sha256).valid
        assert server.requests[-1]["nik"] == "2102011708700001" and server.requests[-1]["tampilan"] == "invisible"

        # a wrong passphrase is only known to the service: the batch fails as a whole, nothing is signed
        other = berkas_in(Status.TTE, team, seq=2)
        batch = sign([other], team["kadis"], passphrase="salah")
        item = BatchTTEItem.objects.get(batch=batch)
        assert item.status == "gagal" and "Passphrase salah" in item.pesan
        other.refresh_from_db()
        assert other.status == Status.TTE
        assert PercobaanTTE.objects.filter(pengguna=team["kadis"], berhasil=False).exists()


def test_verification_page_for_a_valid_document(client, team):
    dokumen = signed_kk(team)
    url = reverse("verifikasi-dokumen", args=[dokumen.token])
    page = client.get(url).content.decode()
    assert "berlaku" in page and "Kartu Keluarga" in page and "Kepala Dinas Uji" in page
    berkas = dokumen.berkas
    assert berkas.pemohon_nama not in page and berkas.pemohon_nik not in page
    assert dokumen.nomor not in page and dokumen.nomor[:4] + "********" + dokumen.nomor[-4:] in page
    for member in berkas.permohonan_kk.anggota.all():
        assert member.nama not in page and member.nik not in page
    pdf = dokumen.berkas_pdf.open("rb").read()
    checked = client.post(url, {"berkas": io.BytesIO(pdf)}).content.decode()
    assert "sama persis dengan dokumen yang diterbitkan" in checked and "Tanda tangan elektronik sah" in checked
    garbage = client.post(url, {"berkas": io.BytesIO(b"bukan pdf")})
    assert garbage.status_code == 200 and "bukan PDF yang dapat dibaca" in garbage.content.decode()


def test_verification_page_for_revoked_replaced_and_unknown(client, team):
    first = signed_kk(team, seq=1)
    dokumen_revoke(dokumen=first, reason="Data anggota salah", user=team["kadis"])
    assert "dicabut" in client.get(reverse("verifikasi-dokumen", args=[first.token])).content.decode()
    # a reprinted KK (hilang) with the same nomor KK replaces the older one
    older = signed_kk(team, seq=2)
    kepala = older.berkas.permohonan_kk.keluarga.anggota.get(hubungan="KEPALA KELUARGA")
    reprint = register_service("kk-hilang", kepala, team["loket"], detail={"jenis": "hilang", "nomor_kk": older.nomor})
    reprint = to_pickup(reprint, team)
    newer = Dokumen.objects.get(berkas=reprint, jenis="kk")
    assert newer.nomor == older.nomor
    older.refresh_from_db()
    assert older.status == Dokumen.Status.DIGANTI and older.diganti_oleh_id == newer.pk
    assert "diganti" in client.get(reverse("verifikasi-dokumen", args=[older.token])).content.decode()
    import uuid

    assert client.get(reverse("verifikasi-dokumen", args=[uuid.uuid4()])).status_code == 404


def test_kadis_signs_a_batch_from_the_kotak_masuk(client, team):
    berkas = [berkas_in(Status.TTE, team, seq=n) for n in range(1, 4)]
    client.force_login(team["kadis"])
    inbox = client.get(reverse("kotak-masuk")).content.decode()
    assert inbox.count('name="berkas"') == 3 and "Tandatangani berkas terpilih" in inbox
    from tests.factories import committed

    with committed():
        response = client.post(
            reverse("tte-batch-start"), {"berkas": [b.pk for b in berkas], "passphrase": TTE_PASSPHRASE}
        )
    assert response.status_code == 302
    progress = client.get(response["Location"]).content.decode()
    assert "3</strong> dari 3 dokumen ditandatangani" in progress and "Selesai" in progress
    wrong = client.post(reverse("tte-batch-start"), {"berkas": [berkas[0].pk], "passphrase": "x"})
    assert wrong.status_code == 400 and "Passphrase salah" in wrong.content.decode()
    client.force_login(team["kabid"])
    assert client.post(reverse("tte-batch-start"), {"berkas": [berkas[0].pk], "passphrase": "x"}).status_code == 403


def test_sweep_sends_berkas_back_to_tte_when_the_signing_session_has_expired(team, broker_down_for_tte):
    from dukcapil import services
    from dukcapil.tte import session_store

    berkas = berkas_in(Status.TTE, team)
    batch = sign([berkas], team["kadis"])  # the broker is down: nothing gets signed
    berkas.refresh_from_db()
    assert berkas.status == Status.CETAK
    session_store.drop(batch.pk)  # the session outlived its TTL
    swept = services.berkas_sweep_pending_documents(now=timezone.now() + timedelta(minutes=10))
    assert swept == [berkas.pk]
    berkas.refresh_from_db()
    assert berkas.status == Status.TTE and "Sesi penandatanganan berakhir" in berkas.catatan
    assert BatchTTEItem.objects.get(batch=batch).status == "gagal"
    assert not Dokumen.objects.filter(berkas=berkas, jenis="kk").exists()


def test_two_batches_for_the_same_berkas_sign_it_once(team):
    berkas = berkas_in(Status.TTE, team)
    sign([berkas], team["kadis"])
    with pytest.raises(Exception, match="masih menunggu TTE"):
        sign([berkas], team["kadis"])  # a second tab / double click
    assert Dokumen.objects.filter(berkas=berkas, jenis="kk").count() == 1


def test_admin_revokes_a_document_with_a_reason(client, team):
    dokumen = signed_kk(team)
    client.force_login(team["admin"])
    url = reverse("admin:dukcapil_dokumen_changelist")
    ask = client.post(url, {"action": "cabut", "_selected_action": [dokumen.pk]})
    assert ask.status_code == 200 and "Alasan pencabutan" in ask.content.decode()
    dokumen.refresh_from_db()
    assert dokumen.status == Dokumen.Status.BERLAKU  # nothing happens before the reason is given
    done = client.post(
        url,
        {
            "action": "cabut",
            "_selected_action": [dokumen.pk],
            "konfirmasi": "1",
            "alasan": "Diterbitkan atas data yang salah",
        },
        follow=True,
    )
    assert "1 dokumen dicabut" in done.content.decode()
    dokumen.refresh_from_db()
    assert dokumen.status == Dokumen.Status.DICABUT and dokumen.alasan_pencabutan == "Diterbitkan atas data yang salah"
    assert dokumen.history.latest().history_user == team["admin"]
