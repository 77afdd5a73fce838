from datetime import timedelta

import pytest
from django.contrib.admin import AdminSite
from django.contrib.auth.hashers import check_password
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from dukcapil.exceptions import BerkasForbidden, BerkasInvalid
from dukcapil.hari_kerja import add_hari_kerja
from dukcapil.models import Bidang
from dukcapil.notifikasi.models import PesanKeluar
from dukcapil.selectors import work_items
from dukcapil.workflow.models import KartuKendali
from piak.admin.pengaduan import PengaduanAdmin
from piak.models import JawabanTerkunci, Pengaduan, StatusPengaduan
from piak.services import pengaduan as svc

from .conftest import fake_png, png

pytestmark = pytest.mark.django_db
S = StatusPengaduan


def data(**overrides) -> svc.PengaduanData:
    values = dict(
        saluran="web",
        jenis="pengaduan",
        kategori="ktp_el",
        nama="Budi Santoso",
        kontak="081234567890",
        email="budi@contoh.example",
        isi="KTP-el saya belum jadi.",
    )
    return svc.PengaduanData(**(values | overrides))


def bidang(kode: str) -> Bidang:
    return Bidang.objects.get(kode=kode)


def answered(o, *, email="budi@contoh.example") -> Pengaduan:
    p = svc.pengaduan_buat(user=None, data=data(email=email)).pengaduan
    svc.pengaduan_triase(user=o["adb"], pk=p.pk, kategori="ktp_el", bidang_penjawab=bidang("pendaftaran"))
    svc.pengaduan_jawab(user=o["kasi"], pk=p.pk, jawaban="Blangko sudah tersedia; silakan ambil besok.")
    return svc.pengaduan_setujui(user=o["kabid_piak"], pk=p.pk)


def test_a_web_ticket_keeps_only_the_hash_of_its_code_and_waits_for_piak(o):
    tiket = svc.pengaduan_buat(user=None, data=data())
    p = Pengaduan.objects.get(pk=tiket.pengaduan.pk)
    assert len(tiket.kode) == svc.PANJANG_KODE and tiket.kode not in p.kode_hash
    assert check_password(tiket.kode, p.kode_hash)
    assert p.status == S.BARU and p.saluran == "web" and p.bidang.kode == "piak" and p.kontak == "+6281234567890"
    assert [w.record for w in work_items(o["adb"])] == [p]
    assert list(work_items(o["kasi"])) == []


def test_the_deadline_counts_working_days_from_triage_and_the_item_moves_to_the_answering_bidang(o):
    p = svc.pengaduan_buat(user=o["adb"], data=data(saluran="whatsapp")).pengaduan
    p = svc.pengaduan_triase(user=o["adb"], pk=p.pk, kategori="kk", bidang_penjawab=bidang("pendaftaran"))
    assert p.tenggat == add_hari_kerja(timezone.localdate(), svc.TENGGAT_HARI_KERJA)
    assert p.kategori == "kk"
    assert [w.object_id for w in work_items(o["kasi"])] == [p.pk]
    assert list(work_items(o["kasi_capil"])) == []  # another bidang's Kasi does not get it
    assert list(work_items(o["adb"])) == []


def test_only_the_answering_bidang_may_answer(o):
    p = svc.pengaduan_buat(user=None, data=data()).pengaduan
    svc.pengaduan_triase(user=o["adb"], pk=p.pk, kategori="akta", bidang_penjawab=bidang("pencatatan_sipil"))
    with pytest.raises(BerkasForbidden):
        svc.pengaduan_jawab(user=o["kasi"], pk=p.pk, jawaban="Bukan bidang saya.")
    svc.pengaduan_jawab(user=o["kasi_capil"], pk=p.pk, jawaban="Akta dapat dibetulkan di loket Capil.")
    assert Pengaduan.objects.get(pk=p.pk).status == S.PERSETUJUAN


def test_another_bidangs_kabid_may_not_approve_and_the_kabid_piak_may_return_it(o):
    p = svc.pengaduan_buat(user=None, data=data()).pengaduan
    svc.pengaduan_triase(user=o["adb"], pk=p.pk, kategori="ktp_el", bidang_penjawab=bidang("pendaftaran"))
    svc.pengaduan_jawab(user=o["kasi"], pk=p.pk, jawaban="Draf.")
    with pytest.raises(BerkasForbidden):
        svc.pengaduan_setujui(user=o["kabid"], pk=p.pk)
    with pytest.raises(BerkasInvalid):
        svc.pengaduan_kembalikan(user=o["kabid_piak"], pk=p.pk, catatan="")
    svc.pengaduan_kembalikan(user=o["kabid_piak"], pk=p.pk, catatan="Sebutkan tanggalnya.")
    p.refresh_from_db()
    assert p.status == S.DITRIASE and p.catatan == "Sebutkan tanggalnya."
    assert [w.object_id for w in work_items(o["kasi"])] == [p.pk]


def test_approval_releases_the_answer_and_emails_the_citizen_through_the_outbox(o):
    p = answered(o)
    assert p.status == S.DIJAWAB and p.dijawab_pada is not None
    mail = PesanKeluar.objects.get()
    assert (
        mail.kepada == ["budi@contoh.example"] and "Blangko sudah tersedia" in mail.isi and p.nomor_tiket in mail.subjek
    )
    ct = ContentType.objects.get_for_model(Pengaduan)
    cards = KartuKendali.objects.filter(content_type=ct, object_id=p.pk).order_by("waktu", "pk")
    assert [c.transisi for c in cards] == ["catat", "triase", "ajukan_jawaban", "setujui"]


def test_no_email_when_the_citizen_gave_none(o):
    answered(o, email="")
    assert not PesanKeluar.objects.exists()


def test_a_closed_answer_cannot_be_edited_by_the_service_or_in_admin(o, rf):
    p = answered(o)
    p = svc.pengaduan_tutup(user=o["adb"], pk=p.pk)
    assert p.status == S.SELESAI
    with pytest.raises(JawabanTerkunci) as refused:
        svc.pengaduan_jawab(user=o["kasi"], pk=p.pk, jawaban="Diubah setelah ditutup.")
    assert refused.value.message == f"Jawaban {p.nomor_tiket} sudah disampaikan dan tidak dapat diubah."
    assert refused.value.http_status == 409
    # the admin shows a closed ticket read-only: no field of it is on the form
    admin = PengaduanAdmin(Pengaduan, AdminSite())
    request = rf.get("/")
    request.user = o["kadis"]
    readonly = admin.get_readonly_fields(request, Pengaduan.objects.get(pk=p.pk))
    assert {"jawaban", "status", "nama", "kontak", "email"} <= set(readonly)
    assert Pengaduan.objects.get(pk=p.pk).jawaban == "Blangko sudah tersedia; silakan ambil besok."


def test_admin_corrects_an_open_tickets_contact_but_never_its_answer_or_state(o, rf):
    p = svc.pengaduan_buat(user=None, data=data()).pengaduan
    admin = PengaduanAdmin(Pengaduan, AdminSite())
    request = rf.get("/")
    request.user = o["kadis"]
    readonly = set(admin.get_readonly_fields(request, p))
    assert {"jawaban", "status", "bidang_penjawab"} <= readonly
    assert not {"nama", "kontak", "email"} & readonly


def test_bad_input_is_refused_with_a_message_and_nothing_saved(o):
    with pytest.raises(BerkasInvalid) as too_long:
        svc.pengaduan_buat(user=None, data=data(isi="x" * 10_000))
    assert too_long.value.message == "Isi terlalu panjang: 10.000 karakter, paling banyak 2.000 karakter."
    with pytest.raises(BerkasInvalid) as bad_phone:
        svc.pengaduan_buat(user=None, data=data(kontak="12345"))
    assert "Nomor telepon tidak valid" in bad_phone.value.message
    with pytest.raises(BerkasInvalid) as bad_file:
        svc.pengaduan_buat(user=None, data=data(lampiran=fake_png()))
    assert "PDF, JPEG, atau PNG" in bad_file.value.message
    with pytest.raises(BerkasInvalid):  # a citizen cannot claim a staff channel
        svc.pengaduan_buat(user=None, data=data(saluran="telepon"))
    assert not Pengaduan.objects.exists()


def test_only_piak_staff_record_a_ticket_from_another_channel(o):
    with pytest.raises(BerkasForbidden):
        svc.pengaduan_buat(user=o["kasi"], data=data(saluran="telepon"))
    p = svc.pengaduan_buat(user=o["kasi_piak"], data=data(saluran="telepon", lampiran=png())).pengaduan
    assert p.dicatat_oleh == o["kasi_piak"] and p.lampiran.name.endswith(".png")


def test_the_public_lookup_needs_the_right_code(o):
    tiket = svc.pengaduan_buat(user=None, data=data())
    nomor = tiket.pengaduan.nomor_tiket
    assert svc.pengaduan_cek_publik(nomor.lower(), tiket.kode.lower()) == tiket.pengaduan
    assert svc.pengaduan_cek_publik(nomor, "SALAH123") is None
    assert svc.pengaduan_cek_publik("ADU-0000-XXXXXX", tiket.kode) is None


@pytest.mark.parametrize(
    "raw,ok",
    [
        ("0812-3456-7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("(0771) 21234", "+6277121234"),
        ("6285212345678", "+6285212345678"),
    ],
)
def test_indonesian_phone_numbers_are_normalised(raw, ok):
    assert svc.normalisasi_telepon(raw) == ok


@pytest.mark.parametrize("raw", ["12345", "0812", "+1 202 555 0100", "08123456789012345", "0812abc4567", ""])
def test_other_numbers_are_refused(raw):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        svc.normalisasi_telepon(raw)


def test_demo_builds_tickets_in_every_state_from_several_channels(o):
    from piak.demo_pengaduan import build_pengaduan_demo

    users = {k: o[k] for k in ("adb", "kabid_piak", "kasi", "kasi_piak", "kasi_capil")}
    made = build_pengaduan_demo(users)
    rows = Pengaduan.objects.filter(pk__in=[p.pk for p in made])
    assert set(rows.values_list("status", flat=True)) == set(S.values)
    assert rows.values("saluran").distinct().count() >= 5
    assert all(r.tenggat is None or r.tenggat > timezone.localdate() - timedelta(days=1) for r in rows)
