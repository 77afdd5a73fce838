import base64
import io
import re
import zlib
from datetime import timedelta

import pytest
from asn1crypto import x509
from cryptography.hazmat.primitives.serialization import Encoding
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from pyhanko.pdf_utils.generic import NameObject, StreamObject
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader as PypdfReader

from dukcapil.choices import Status
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import BatchTTEItem, Berkas, Dokumen, PercobaanTTE
from dukcapil.tte import devca
from dukcapil.tte.services import SESI_BERAKHIR, TTELocked, batch_progress, dokumen_revoke, record_ref, tte_locked_until
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


def rewrite_page_text(pdf: bytes, old: bytes, new: bytes) -> bytes:
    """The signed file with ``old`` replaced by ``new`` in the page's content stream, edited in place:
    the stream is re-encoded to its original length, so every offset, the xref table and the
    signature's byte ranges still line up and the result is a well-formed PDF a reader opens."""
    reference = PdfFileReader(io.BytesIO(pdf)).root["/Pages"]["/Kids"][0].raw_get("/Contents")
    header = re.compile(rb"\n%d 0 obj\s*<<(.*?)/Length (\d+)\s*>>\s*stream\r?\n" % reference.idnum, re.S)
    found = header.search(pdf)
    assert found and b"[ /ASCII85Decode /FlateDecode ]" in found.group(1), "a ReportLab content stream"
    start, length = found.end(), int(found.group(2))
    content = zlib.decompress(base64.a85decode(pdf[start : start + length], adobe=True))
    assert old in content
    changed = content.replace(old, new)
    encoded = min(
        (base64.a85encode(zlib.compress(changed, level), adobe=True)[2:] for level in range(10)),
        key=len,
    )
    assert len(encoded) <= length
    encoded = encoded[:-2] + b"\n" * (length - len(encoded)) + b"~>"  # ASCII85 ignores whitespace
    return pdf[:start] + encoded + pdf[start + length :]


def append_page_revision(pdf: bytes, old: bytes, new: bytes) -> bytes:
    """The signed file with an incremental update appended that gives the page new content."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    page = writer.root["/Pages"]["/Kids"][0]
    content = page["/Contents"].data
    assert old in content
    page[NameObject("/Contents")] = writer.add_object(StreamObject(stream_data=content.replace(old, new)))
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PypdfReader(io.BytesIO(pdf)).pages)


def check_on_the_verification_page(client, dokumen: Dokumen, pdf: bytes) -> str:
    url = reverse("verifikasi-dokumen", args=[dokumen.token])
    response = client.post(url, {"berkas": io.BytesIO(pdf)})
    assert response.status_code == 200
    return response.content.decode()


def forged_kk(team) -> tuple[Dokumen, bytes, bytes, str]:
    """A signed KK, its bytes, and the head of the family's name as drawn on the page."""
    dokumen = signed_kk(team)
    original = dokumen.berkas_pdf.read()
    assert verify_pdf(original, dokumen.sha256).valid
    nama = dokumen.record.permohonan_kk.keluarga.anggota.get(hubungan="KEPALA KELUARGA").nama
    return dokumen, original, f"({nama})".encode(), nama


def test_pdf_edited_inside_the_signed_bytes_is_reported_not_intact(client, team):
    dokumen, original, drawn, nama = forged_kk(team)
    forged = rewrite_page_text(original, drawn, b"(ORANG LAIN)")
    assert len(forged) == len(original) and forged != original
    text = pdf_text(forged)  # still a KK anyone can open, now with another head of family
    assert "ORANG LAIN" in text and nama not in text and "KARTU KELUARGA" in text

    result = verify_pdf(forged, dokumen.sha256)
    assert result.signed and result.problem == ""  # read and checked, not refused as unreadable
    assert result.signer == "Kepala Dinas Uji"
    assert not result.intact  # the signed digest no longer matches the bytes
    assert not result.valid and not result.same_file

    page = check_on_the_verification_page(client, dokumen, forged)
    assert "Berkas <strong>tidak sama</strong> dengan dokumen yang diterbitkan." in page
    assert "Tanda tangan <strong>tidak sah</strong>: isi dokumen berubah setelah ditandatangani." in page
    assert "Tanda tangan elektronik sah" not in page


def test_pdf_changed_by_a_revision_appended_after_signing_is_reported_modified(client, team):
    dokumen, original, drawn, nama = forged_kk(team)
    forged = append_page_revision(original, drawn, b"(ORANG LAIN)")
    assert forged.startswith(original)  # the signed revision itself is untouched
    text = pdf_text(forged)
    assert "ORANG LAIN" in text and nama not in text and "KARTU KELUARGA" in text

    result = verify_pdf(forged, dokumen.sha256)
    assert result.signed and result.problem == ""
    assert result.intact and result.trusted  # the signature over the first revision still holds ...
    assert not result.covers_whole_file  # ... but it does not cover what is shown now
    assert not result.valid and not result.same_file

    page = check_on_the_verification_page(client, dokumen, forged)
    assert "Berkas <strong>tidak sama</strong> dengan dokumen yang diterbitkan." in page
    assert "Dokumen diubah setelah ditandatangani." in page
    assert "Tanda tangan elektronik sah" not in page


def test_wrong_passphrase_signs_nothing_and_is_recorded(team):
    berkas = berkas_in(Status.TTE, team)
    with pytest.raises(BerkasInvalid) as exc:
        sign([berkas], team["kadis"], passphrase="bukan-ini")
    assert exc.value.message == "Passphrase salah. Tidak ada dokumen yang ditandatangani. Sisa percobaan: 2."
    assert exc.value.fields == {"passphrase": ["Passphrase salah. Tidak ada dokumen yang ditandatangani."]}
    berkas.refresh_from_db()
    assert berkas.status == Status.TTE
    assert not Dokumen.objects.filter(berkas=berkas, jenis="kk").exists()
    assert not BatchTTEItem.objects.exists()
    attempt = PercobaanTTE.objects.get(pengguna=team["kadis"])
    assert not attempt.berhasil and attempt.keterangan == "Passphrase salah"


def test_lockout_after_repeated_wrong_passphrases(team):
    berkas = berkas_in(Status.TTE, team)
    assert settings.TTE_LOCKOUT_ATTEMPTS == 3
    with pytest.raises(BerkasInvalid, match=r"Sisa percobaan: 2\.$"):
        sign([berkas], team["kadis"], passphrase="salah")
    with pytest.raises(BerkasInvalid, match=r"Sisa percobaan: 1\.$"):
        sign([berkas], team["kadis"], passphrase="salah")
    with pytest.raises(BerkasInvalid, match=r"Penandatanganan kini dikunci sementara\.$"):
        sign([berkas], team["kadis"], passphrase="salah")
    locked = r"^Penandatanganan dikunci sampai \d\d\.\d\d WIB karena passphrase salah 3 kali berturut-turut\.$"
    with pytest.raises(TTELocked, match=locked):
        sign([berkas], team["kadis"])  # even the right passphrase is refused while locked
    assert PercobaanTTE.objects.filter(pengguna=team["kadis"], berhasil=False).count() == 3
    later = timezone.now() + settings.TTE_LOCKOUT_PERIOD + timedelta(minutes=1)
    assert tte_locked_until(team["kadis"], now=later) is None
    berkas.refresh_from_db()
    assert berkas.status == Status.TTE


@pytest.mark.parametrize("role", ["loket", "operator", "kasi", "kabid", "pengambilan", "admin", "kasi_capil"])
def test_only_the_kadis_signs(team, role):
    berkas = berkas_in(Status.TTE, team)
    with pytest.raises(BerkasForbidden, match=r"^Hanya Kepala Dinas yang menandatangani dokumen\.$"):
        sign([berkas], team[role])
    berkas.refresh_from_db()
    assert berkas.status == Status.TTE
    assert not BatchTTEItem.objects.filter(berkas=berkas).exists()


def test_batch_with_one_broken_document_signs_the_rest(team):
    berkas = [berkas_in(Status.TTE, team, seq=n) for n in range(1, 4)]
    PermohonanKK.objects.filter(berkas=berkas[1]).delete()  # its KK data is gone: cannot be rendered
    batch = sign(berkas, team["kadis"])
    progress = batch_progress(batch)
    assert (progress.total, progress.berhasil, progress.gagal, progress.selesai) == (3, 2, 1, True)
    statuses = dict(Berkas.objects.filter(pk__in=[b.pk for b in berkas]).values_list("pk", "status"))
    assert statuses == {berkas[0].pk: Status.SIAP_DIAMBIL, berkas[1].pk: Status.TTE, berkas[2].pk: Status.SIAP_DIAMBIL}
    failed = BatchTTEItem.objects.get(batch=batch, status="gagal")
    assert failed.record == berkas[1] and "Dokumen tidak dapat dibuat" in failed.pesan
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
    berkas = dokumen.record
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
    kepala = older.record.permohonan_kk.keluarga.anggota.get(hubungan="KEPALA KELUARGA")
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
    refs = [record_ref(b) for b in berkas]
    assert all(f'name="record" value="{ref}"' in inbox for ref in refs)
    assert inbox.count('name="record"') == 3 and "Tandatangani berkas terpilih" in inbox
    from tests.factories import committed

    with committed():
        response = client.post(reverse("tte-batch-start"), {"record": refs, "passphrase": TTE_PASSPHRASE})
    assert response.status_code == 302
    progress = client.get(response["Location"]).content.decode()
    assert "3</strong> dari 3 dokumen ditandatangani" in progress and "Selesai" in progress
    wrong = client.post(reverse("tte-batch-start"), {"berkas": [berkas[0].pk], "passphrase": "x"})
    assert wrong.status_code == 400 and "Passphrase salah" in wrong.content.decode()
    client.force_login(team["kabid"])
    assert client.post(reverse("tte-batch-start"), {"berkas": [berkas[0].pk], "passphrase": "x"}).status_code == 403


# the Kadis's kotak masuk: session, user, group permissions, the work items, the berkas (with layanan
# and bidang), the last batch item of each record in «tte» (to sign again?); the same for 2 rows as for 1.
# … the unread-notification badge, the overdue-disposisi banner (the Kadis gives disposisi) and the
# stopped-layanan banner (PIAK gangguan)
KADIS_INBOX_QUERIES = 9


def test_sweep_sends_berkas_back_to_tte_when_the_signing_session_has_expired(
    client, team, broker_down_for_tte, django_assert_num_queries
):
    from dukcapil import services
    from dukcapil.models import KartuKendali, SesiTTE

    berkas = [berkas_in(Status.TTE, team, seq=n) for n in (1, 2)]
    batch = sign(berkas, team["kadis"])  # the broker is down: nothing gets signed
    assert {b.status for b in Berkas.objects.filter(pk__in=[b.pk for b in berkas])} == {Status.CETAK}
    # the outage outlasts the session
    SesiTTE.objects.filter(batch=batch).update(berlaku_sampai=timezone.now() - timedelta(seconds=1))
    swept = services.berkas_sweep_pending_documents(now=timezone.now() + timedelta(minutes=10))
    assert sorted(swept) == sorted(b.pk for b in berkas)
    berkas_ct = ContentType.objects.get_for_model(Berkas)
    for one in berkas:
        one.refresh_from_db()
        assert one.status == Status.TTE
        # the return is written down with its reason, never silent
        row = KartuKendali.objects.filter(content_type=berkas_ct, object_id=one.pk, ke_status=Status.TTE).latest("pk")
        assert row.catatan == f"TTE gagal: {SESI_BERAKHIR}"
        assert row.pelaku.username == "sistem"
    assert set(BatchTTEItem.objects.filter(batch=batch).values_list("status", flat=True)) == {"gagal"}
    assert not Dokumen.objects.filter(berkas__in=berkas, jenis="kk").exists()
    assert not SesiTTE.objects.exists()  # the expired session is gone
    # the Kadis is told plainly how many to sign again, and which
    client.force_login(team["kadis"])
    client.get(reverse("kotak-masuk"))  # warm the session/permission caches of this client
    with django_assert_num_queries(KADIS_INBOX_QUERIES):
        inbox = client.get(reverse("kotak-masuk")).content.decode()
    assert (
        "2 berkas perlu ditandatangani ulang</strong> karena sesi TTE berakhir saat layanan antrean tugas terputus"
        in inbox
    )
    assert inbox.count("TTE ulang</strong>") == 2
    # once signed again the notice is gone
    broker_down_for_tte.restore()
    sign(berkas[:1], team["kadis"])
    with django_assert_num_queries(KADIS_INBOX_QUERIES):
        inbox = client.get(reverse("kotak-masuk")).content.decode()
    assert "1 berkas perlu ditandatangani ulang" in inbox and inbox.count("TTE ulang</strong>") == 1


def test_two_batches_for_the_same_berkas_sign_it_once(team):
    berkas = berkas_in(Status.TTE, team)
    sign([berkas], team["kadis"])
    with pytest.raises(
        BerkasConflict, match=r"^Tidak ada berkas terpilih yang masih menunggu TTE; mungkin sudah diproses\.$"
    ):
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


def test_kadis_follows_a_running_batch_n_of_n_and_failures_with_reason(client, team, django_assert_num_queries):
    from dukcapil.models import BatchTTE

    # given a batch of five while the workers sign: two signed, one failed, two still waiting
    berkas = [berkas_in(Status.TTE, team, seq=n) for n in range(1, 6)]
    batch = BatchTTE.objects.create(penandatangan=team["kadis"])
    reason = "Dokumen tidak dapat dibuat (KeyError); periksa data berkas."
    states = [("berhasil", ""), ("berhasil", ""), ("gagal", reason), ("menunggu", ""), ("menunggu", "")]
    BatchTTEItem.objects.bulk_create(
        BatchTTEItem(batch=batch, record=b, status=status, pesan=pesan)
        for b, (status, pesan) in zip(berkas, states, strict=True)
    )
    client.force_login(team["kadis"])
    # when the progress page polls its answer: session, user, batch, counts, failed items, their berkas
    with django_assert_num_queries(6):
        answer = client.get(reverse("tte-batch-progres", args=[batch.pk]))
    # then the Kadis sees 2 of 5 signed and which berkas failed, and why
    assert answer.status_code == 200
    body = answer.json()
    assert (body["total"], body["berhasil"], body["gagal"], body["selesai"]) == (5, 2, 1, False)
    assert body["gagal_rincian"] == [{"nomor": berkas[2].nomor_registrasi, "pesan": reason}]
    page = client.get(reverse("tte-batch", args=[batch.pk])).content.decode()
    assert '<strong id="tte-berhasil">2</strong> dari 5 dokumen ditandatangani' in page
    assert f'data-progres-url="{reverse("tte-batch-progres", args=[batch.pk])}"' in page
    # and nobody else sees another signer's batch
    client.force_login(team["kabid"])
    assert client.get(reverse("tte-batch-progres", args=[batch.pk])).status_code == 404


def test_batch_of_a_thousand_is_published_in_chunks(team, settings, monkeypatch):
    from dukcapil.tasks import sign_chunk
    from dukcapil.tte.services import tte_batch_start
    from tests.factories import committed

    # given 7 berkas waiting for TTE and chunks of 3 (a 1,000 batch: 20 chunks of 50)
    settings.TTE_CHUNK_SIZE = 3
    berkas = [berkas_in(Status.TTE, team, seq=n) for n in range(1, 8)]
    published: list[list[int]] = []
    monkeypatch.setattr(sign_chunk, "publish", lambda batch_id, item_ids: published.append(item_ids) or True)
    # when the Kadis starts the batch
    with committed():
        batch = tte_batch_start(user=team["kadis"], berkas_ids=[b.pk for b in berkas], passphrase=TTE_PASSPHRASE)
    # then it goes to the workers as three tasks of at most three documents, each document once
    assert [len(chunk) for chunk in published] == [3, 3, 1]
    assert sorted(pk for chunk in published for pk in chunk) == sorted(batch.items.values_list("pk", flat=True))


def test_worker_loads_the_signers_key_once_and_still_refuses_a_wrong_passphrase(team, tmp_path):
    from dukcapil.models import SertifikatPenandatangan
    from dukcapil.tte import backends

    backends.clear_session_cache()
    cert = SertifikatPenandatangan.objects.get(pengguna=team["kadis"])
    backend = backends.LocalPadesBackend()
    # given a session opened with the right passphrase
    first = backend.open_session(certificate=cert, passphrase=TTE_PASSPHRASE)
    # when the next chunk opens one: the same parsed key, not the PKCS#12 read again
    assert backend.open_session(certificate=cert, passphrase=TTE_PASSPHRASE) is first
    # a wrong passphrase is still checked against the file
    with pytest.raises(backends.PassphraseSalah):
        backend.open_session(certificate=cert, passphrase="salah")
    # and a replaced certificate file is read afresh: the new signer's name signs
    ca = devca.load_ca(settings.TTE_DIR)
    replaced = tmp_path / "kadis-baru.p12"
    replaced.write_bytes(devca.issue_signer_p12(ca, nama="Kepala Dinas Baru", nik="", passphrase=TTE_PASSPHRASE))
    cert.p12_path = str(replaced)
    renewed = backend.open_session(certificate=cert, passphrase=TTE_PASSPHRASE)
    assert renewed is not first and renewed.signer_name == "Kepala Dinas Baru"


def test_batch_start_moves_every_berkas_with_its_note_and_history(team, monkeypatch):
    from dukcapil.tasks import sign_chunk
    from dukcapil.tte.services import tte_batch_start
    from tests.factories import committed

    # given three berkas waiting for TTE, one with an earlier note of its own
    berkas = [berkas_in(Status.TTE, team, seq=n) for n in range(1, 4)]
    Berkas.objects.filter(pk=berkas[0].pk).update(catatan="Catatan kasi.")
    monkeypatch.setattr(sign_chunk, "publish", lambda batch_id, item_ids: True)  # workers not run
    # when the Kadis starts the batch
    with committed():
        batch = tte_batch_start(user=team["kadis"], berkas_ids=[b.pk for b in berkas], passphrase=TTE_PASSPHRASE)
    # then each is in «cetak» since the same moment, with the batch's note and a history row by the Kadis
    moved = list(Berkas.objects.filter(pk__in=[b.pk for b in berkas]).order_by("pk"))
    assert {b.status for b in moved} == {Status.CETAK} and len({b.status_sejak for b in moved}) == 1
    assert {b.catatan for b in moved} == {f"Disetujui untuk TTE (batch #{batch.pk})."}
    for b in moved:
        latest = b.history.order_by("-history_id").first()
        assert latest.status == Status.CETAK and latest.history_user == team["kadis"]
