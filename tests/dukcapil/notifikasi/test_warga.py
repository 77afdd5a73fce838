"""The pemohon hears about the berkas at the states they care about, with nothing personal in the text."""

import json
import re

import pytest
from django.core import mail

from dukcapil import services
from dukcapil.choices import Alur, Status
from dukcapil.models import Berkas, Layanan, PesanKeluar
from tests.factories import (
    PATH,
    act,
    committed,
    enter_kk,
    pemohon,
    register_service,
    serahkan,
    sign,
    to_pickup,
    wajib_ids,
)

from .conftest import SMS_URL, WA_URL

pytestmark = pytest.mark.django_db

STATUS_URL = "https://dukcapil.contoh.example/cek-status/"


@pytest.fixture(autouse=True)
def _public_url(settings):
    settings.PUBLIC_BASE_URL = "https://dukcapil.contoh.example"


def daftar(loket, *, complete: bool = True, **kontak):
    layanan = Layanan.objects.get(kode="kk")
    ids = wajib_ids(layanan)
    with committed():
        return services.berkas_register(
            layanan=layanan,
            pemohon=pemohon(1, **kontak),
            persyaratan_ids=ids if complete else ids[:2],
            user=loket,
            detail={"jenis": "baru"},
        )


def messages(berkas) -> list[PesanKeluar]:
    return list(PesanKeluar.objects.filter(object_id=berkas.pk).order_by("dibuat", "pk"))


def assert_nothing_personal(berkas, text: str) -> None:
    assert berkas.pemohon_nik not in text
    assert not re.search(r"\d{16}", text)
    assert berkas.pemohon_nama.lower() not in text.lower()


def test_registered_berkas_tells_the_pemohon_by_email_and_whatsapp(team, whatsapp_on, http):
    http.post(WA_URL, json={"status": "ok"})
    berkas = daftar(team["loket"], email="budi@contoh.example", telepon="081277001234")

    rows = messages(berkas)
    assert [(r.kanal, r.status) for r in rows] == [("email", "terkirim"), ("whatsapp", "terkirim")]
    (email,) = mail.outbox
    assert email.to == ["budi@contoh.example"]
    assert email.subject == f"Berkas {berkas.nomor_registrasi} diterima"
    assert berkas.layanan.nama in email.body
    assert STATUS_URL in email.body
    assert "Perkiraan selesai: " in email.body
    assert email.attachments == []
    assert_nothing_personal(berkas, email.subject + email.body)
    (call,) = http.calls
    body = json.loads(call.request.body)
    assert body["to"] == "+6281277001234"
    assert berkas.nomor_registrasi in body["message"] and STATUS_URL in body["message"]
    assert_nothing_personal(berkas, body["message"])


def test_a_returned_berkas_lists_what_to_bring(team):
    berkas = daftar(team["loket"], complete=False, email="budi@contoh.example")
    assert berkas.status == Status.DIKEMBALIKAN
    (email,) = mail.outbox
    assert email.subject == f"Berkas {berkas.nomor_registrasi} dikembalikan: persyaratan belum lengkap"
    assert len(berkas.persyaratan_kurang) >= 1
    for nomor, item in enumerate(berkas.persyaratan_kurang, start=1):
        assert f"{nomor}. {item}" in email.body
    assert_nothing_personal(berkas, email.body)

    # the pemohon comes back with everything: the same berkas is registered, and they hear so
    ids = wajib_ids(berkas.layanan)
    with committed():
        services.berkas_resubmit(berkas_id=berkas.pk, persyaratan_ids=ids, user=team["loket"])
    assert [m.subject for m in mail.outbox][1] == f"Berkas {berkas.nomor_registrasi} diterima"


def test_ready_and_handed_over_are_told_once_each(team):
    berkas = daftar(team["loket"], email="budi@contoh.example")
    enter_kk(berkas, team["operator"])
    for action, role in PATH:
        berkas = act(berkas, action, team[role])
    assert len(mail.outbox) == 1  # entry, verification and validation are the office's business

    sign([berkas], team["kadis"])
    berkas.refresh_from_db()
    assert berkas.status == Status.SIAP_DIAMBIL
    siap = mail.outbox[1]
    assert siap.subject == f"Dokumen berkas {berkas.nomor_registrasi} siap diambil"
    assert "Bawa resi" in siap.body and STATUS_URL in siap.body
    assert siap.attachments == []
    assert_nothing_personal(berkas, siap.body)

    serahkan(berkas, team["pengambilan"])
    selesai = mail.outbox[2]
    assert selesai.subject == f"Berkas {berkas.nomor_registrasi} selesai: dokumen telah diserahkan"
    assert "segera hubungi kantor kami" in selesai.body
    assert_nothing_personal(berkas, selesai.body)
    assert [(m.kanal, m.status) for m in messages(berkas)] == [("email", "terkirim")] * 3
    assert len(mail.outbox) == 3


def test_no_address_no_message(team, whatsapp_on, http):
    berkas = daftar(team["loket"], telepon="", email="")
    assert berkas.status == Status.DITERIMA
    assert messages(berkas) == []
    assert len(http.calls) == 0


def test_a_phone_only_pemohon_gets_nothing_while_the_gateways_are_off(team):
    berkas = daftar(team["loket"], telepon="081277001234")
    assert messages(berkas) == []


def test_a_refused_registration_writes_no_message(team):
    berkas = daftar(team["loket"], email="budi@contoh.example")
    with pytest.raises(services.DuplicateBerkas):
        daftar(team["loket"], email="budi@contoh.example")  # the same family's KK again
    assert len(messages(berkas)) == 1 and PesanKeluar.objects.count() == 1


def test_sent_back_by_manual_verification_the_pemohon_is_told_without_the_internal_note(team, warga):
    Layanan.objects.filter(kode="skpln").update(alur=Alur.VERIFIKASI_DULU)  # as Probolinggo P.4.4
    person = warga[0].anggota.get(hubungan="ISTRI")
    berkas = register_service("skpln", person, team["loket"])
    Berkas.objects.filter(pk=berkas.pk).update(pemohon_email="siti@contoh.example")  # the counter had it
    assert berkas.status == Status.VERIFIKASI

    note = f"Paspor atas NIK {person.nik} tidak terbaca; minta fotokopi baru."
    berkas = act(berkas, "koreksi", team["kasi"], note=note)
    assert berkas.status == Status.DIKEMBALIKAN
    (email,) = mail.outbox
    assert email.subject == f"Berkas {berkas.nomor_registrasi} dikembalikan: persyaratan belum lengkap"
    assert "Petugas loket akan menjelaskan apa yang perlu dilengkapi." in email.body
    assert "Paspor" not in email.body  # the Kasi's note stays in the office
    assert_nothing_personal(berkas, email.body)


def test_a_card_waiting_for_blangko_is_announced_when_the_blangko_arrives(team, warga):
    from pendaftaran.blangko import blangko_receive
    from pendaftaran.layanan import permohonan_update
    from pendaftaran.models import StokBlangko

    StokBlangko.objects.filter(jenis="ktp-el").update(jumlah=0)
    person = warga[1].anggota.get(hubungan="KEPALA KELUARGA")
    berkas = register_service("ktp-el-cetak", person, team["loket"])
    Berkas.objects.filter(pk=berkas.pk).update(pemohon_email="andi@contoh.example")

    def enter(b):
        permohonan_update(berkas_id=b.pk, user=team["operator"], data={"catatan_cek_data": "Data cocok"})

    berkas = to_pickup(berkas, team, enter)
    assert berkas.status == Status.MENUNGGU_BLANGKO
    assert [m.subject for m in mail.outbox] == []  # registered before the address was known; no blangko yet

    with committed():
        blangko_receive(jenis="ktp-el", jumlah=5, user=team["operator"], keterangan="BAST 13/2026")
    (siap,) = mail.outbox
    assert siap.subject == f"Dokumen berkas {berkas.nomor_registrasi} siap diambil"
    assert "KTP-el hanya diserahkan kepada pemiliknya sendiri" in siap.body
    assert_nothing_personal(berkas, siap.body)


def test_by_sms_the_pemohon_gets_the_short_text(team, sms_on, http):
    http.post(SMS_URL, json={"status": "ok"})
    berkas = daftar(team["loket"], telepon="0812 7700 1234")
    (sms,) = messages(berkas)
    assert (sms.kanal, sms.status, sms.kepada) == ("sms", "terkirim", ["+6281277001234"])
    (call,) = http.calls
    text = json.loads(call.request.body)["message"]
    assert text == sms.isi_singkat
    assert text.startswith(f"Dukcapil Kabupaten Bintan: berkas {berkas.nomor_registrasi} (")
    assert text.endswith(f"diterima. Cek status: {STATUS_URL}")
    assert len(text) < len(sms.isi) and len(text) <= 320  # at most two SMS
    assert_nothing_personal(berkas, text)
