"""The queue's services: numbering and quota, opening hours, one online ticket per NIK per line per
day, the console's transitions (403/409), «segera dipanggil», and the berkas linked while serving."""

from datetime import timedelta

import pytest

from dukcapil.antrian import services as svc
from dukcapil.antrian.models import Panggilan, StatusTiket, SumberTiket, Tiket
from dukcapil.antrian.selectors import di_depan
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.notifikasi.models import PesanKeluar
from tests.factories import register

from .conftest import SELASA, pada

pytestmark = pytest.mark.django_db
S = StatusTiket


def kiosk(jalur, at=SELASA):
    return svc.tiket_ambil_kiosk(jalur_id=jalur.pk, now=at)


def online(jalur, nik, *, email="warga@example.com", telepon="", tanggal=None, at=SELASA):
    data = svc.TiketOnline(jalur_id=jalur.pk, tanggal=tanggal or at.date(), nik=nik, telepon=telepon, email=email)
    return svc.tiket_ambil_online(data=data, now=at)


# --- numbering, quota, opening ---------------------------------------------------------------


def test_numbers_run_per_line_per_day_and_make_the_code(antrian):
    a1, a2, b1 = kiosk(antrian["a"]), kiosk(antrian["a"]), kiosk(antrian["b"])
    besok = kiosk(antrian["a"], at=SELASA + timedelta(days=1))

    assert [a1.kode, a2.kode, b1.kode] == ["A001", "A002", "B001"]
    assert besok.kode == "A001" and besok.tanggal == SELASA.date() + timedelta(days=1)
    assert a1.sumber == SumberTiket.KIOSK and a1.nik == "" and a1.status == S.MENUNGGU
    assert di_depan(a2) == 1 and di_depan(a1) == 0


def test_quota_full_is_refused_and_the_refusal_does_not_use_a_number(antrian):
    a = antrian["a"]
    a.kuota_harian = 2
    a.save(update_fields=["kuota_harian"])
    kiosk(a), kiosk(a)

    with pytest.raises(BerkasConflict, match="Kuota antrian Pendaftaran Penduduk .* sudah habis"):
        kiosk(a)

    assert Tiket.objects.filter(jalur=a).count() == 2
    a.kuota_harian = 3  # the office raises the quota: the next number is 3, not 4
    a.save(update_fields=["kuota_harian"])
    assert kiosk(a).nomor == 3


@pytest.mark.parametrize(
    ("at", "message"),
    [
        (pada(7, 30), "dibuka pukul 08.00"),
        (pada(15, 0), "sudah ditutup"),
        (SELASA.replace(day=7), "Kantor tutup pada 07-11-2026"),  # a Saturday
    ],
)
def test_kiosk_outside_opening_is_refused_with_the_reason(antrian, at, message):
    with pytest.raises(BerkasConflict, match=message):
        kiosk(antrian["a"], at=at)
    assert not Tiket.objects.exists()


# --- online ----------------------------------------------------------------------------------------


def test_online_ticket_checks_the_register_and_sends_the_code(antrian, warga):
    from pendaftaran.models import Penduduk

    nik = Penduduk.objects.order_by("pk").values_list("nik", flat=True).first()
    besok = SELASA.date() + timedelta(days=1)

    tiket = online(antrian["a"], nik, tanggal=besok)

    assert (tiket.kode, tiket.tanggal, tiket.sumber, tiket.nik) == ("A001", besok, SumberTiket.ONLINE, nik)
    # it waits from the line's opening on its day, not from the evening before
    assert tiket.antre_sejak == pada(8, 0, day=SELASA + timedelta(days=1))
    pesan = PesanKeluar.objects.get()
    assert pesan.kepada == ["warga@example.com"] and "A001" in pesan.isi and str(tiket.token) in pesan.isi
    assert nik not in pesan.isi


def test_a_second_online_ticket_for_the_same_nik_line_and_day_is_refused(antrian, warga):
    from pendaftaran.models import Penduduk

    nik = Penduduk.objects.order_by("pk").values_list("nik", flat=True).first()
    first = online(antrian["a"], nik)

    with pytest.raises(BerkasConflict, match="sudah memiliki nomor antrian Pendaftaran Penduduk untuk 03-11-2026"):
        online(antrian["a"], nik, email="lain@example.com")

    assert online(antrian["b"], nik).kode == "B001"  # another line: allowed
    svc.tiket_batal(token=first.token)
    assert online(antrian["a"], nik).kode == "A002"  # given up: the NIK may take a new one


def test_a_nik_not_in_the_register_is_refused_revealing_nothing(antrian, warga):
    with pytest.raises(BerkasInvalid) as refused:
        online(antrian["a"], "2102015708850099")
    assert refused.value.message == svc.TIDAK_TERVERIFIKASI
    assert "2102015708850099" not in str(refused.value.fields)
    assert not Tiket.objects.exists() and not PesanKeluar.objects.exists()


def test_online_needs_a_contact_and_a_day_within_the_window(antrian, warga):
    from pendaftaran.models import Penduduk

    nik = Penduduk.objects.order_by("pk").values_list("nik", flat=True).first()
    with pytest.raises(BerkasInvalid, match="telepon/WhatsApp atau email"):
        online(antrian["a"], nik, email="")
    with pytest.raises(BerkasInvalid, match="Pilih hari kerja"):
        online(antrian["a"], nik, tanggal=SELASA.date() + timedelta(days=30))
    with pytest.raises(BerkasInvalid, match="Pilih hari kerja"):
        online(antrian["a"], nik, tanggal=SELASA.date() + timedelta(days=4))  # the Saturday


# --- the console -----------------------------------------------------------------------------------


def test_call_next_takes_the_oldest_waiting_of_the_lokets_lines_and_logs_the_call(antrian):
    a1 = kiosk(antrian["a"], at=pada(8, 1))
    kiosk(antrian["b"], at=pada(8, 0))
    a2 = kiosk(antrian["a"], at=pada(8, 2))
    loket1 = antrian["loket"][1]

    called = svc.tiket_panggil_berikut(loket_id=loket1.pk, user=antrian["fo1"], now=pada(9, 0))

    assert called.pk == a1.pk and called.status == S.DIPANGGIL
    assert (called.loket, called.petugas, called.dipanggil_pada) == (loket1, antrian["fo1"], pada(9, 0))
    assert list(Panggilan.objects.values_list("tiket_id", "loket_id", "ulang")) == [(a1.pk, loket1.pk, False)]
    # loket 2 serves the same line: it gets the next one
    assert svc.tiket_panggil_berikut(loket_id=antrian["loket"][2].pk, user=antrian["fo2"], now=pada(9, 1)).pk == a2.pk


def test_full_life_of_a_ticket_with_a_skip_and_a_recall(antrian):
    t = kiosk(antrian["a"], at=pada(8, 30))
    loket, fo = antrian["loket"][1], antrian["fo1"]

    def aksi(name, minute, expected):
        return svc.tiket_aksi(tiket_id=t.pk, loket_id=loket.pk, aksi=name, user=fo, expected_status=expected,
                              now=pada(9, minute))  # fmt: skip

    svc.tiket_panggil_berikut(loket_id=loket.pk, user=fo, now=pada(9, 0))
    aksi("panggil-ulang", 1, S.DIPANGGIL)
    assert aksi("lewati", 2, S.DIPANGGIL).status == S.DILEWATI
    assert aksi("panggil", 5, S.DILEWATI).status == S.DIPANGGIL  # the holder turned up after all
    aksi("layani", 6, S.DIPANGGIL)
    done = aksi("selesai", 15, S.DILAYANI)

    assert done.status == S.SELESAI
    assert (done.dipanggil_pada, done.dilayani_pada, done.selesai_pada) == (pada(9, 0), pada(9, 6), pada(9, 15))
    assert list(Panggilan.objects.order_by("pk").values_list("ulang", flat=True)) == [False, True, True]


def test_console_refusals_403_and_409(antrian):
    t = kiosk(antrian["a"], at=pada(8, 30))
    loket1 = antrian["loket"][1]
    # a counter officer of another bidang, and a role without the action: 403
    with pytest.raises(BerkasForbidden):
        svc.tiket_panggil_berikut(loket_id=loket1.pk, user=antrian["fo_capil"], now=pada(9))
    with pytest.raises(BerkasForbidden):
        svc.tiket_panggil_berikut(loket_id=loket1.pk, user=antrian["operator"], now=pada(9))

    svc.tiket_panggil_berikut(loket_id=loket1.pk, user=antrian["fo1"], now=pada(9))
    # the page showed «menunggu», the ticket is «dipanggil» now: 409 naming who did it
    with pytest.raises(BerkasConflict, match="A001 baru saja diproses oleh Rina"):
        svc.tiket_aksi(tiket_id=t.pk, loket_id=loket1.pk, aksi="layani", user=antrian["fo2"],
                       expected_status=S.MENUNGGU, now=pada(9, 1))  # fmt: skip
    # another loket may not act on it
    with pytest.raises(BerkasConflict, match="ditangani loket lain"):
        svc.tiket_aksi(tiket_id=t.pk, loket_id=antrian["loket"][2].pk, aksi="layani", user=antrian["fo2"],
                       now=pada(9, 1))  # fmt: skip
    # a state that does not allow it
    with pytest.raises(BerkasConflict, match="tidak dapat dilakukan"):
        svc.tiket_aksi(tiket_id=t.pk, loket_id=loket1.pk, aksi="selesai", user=antrian["fo1"], now=pada(9, 1))
    # calling next while a ticket is still open at the loket
    a2 = kiosk(antrian["a"], at=pada(8, 40))
    with pytest.raises(BerkasConflict, match="A001 masih «dipanggil» di loket 1"):
        svc.tiket_panggil_berikut(loket_id=loket1.pk, user=antrian["fo1"], now=pada(9, 2))
    # or calling a skipped ticket back while another is open there
    assert svc.tiket_panggil_berikut(loket_id=antrian["loket"][2].pk, user=antrian["fo2"], now=pada(9, 2)) == a2
    svc.tiket_aksi(tiket_id=a2.pk, loket_id=antrian["loket"][2].pk, aksi="lewati", user=antrian["fo2"], now=pada(9, 3))
    with pytest.raises(BerkasConflict, match="A001 masih «dipanggil» di loket 1"):
        svc.tiket_aksi(tiket_id=a2.pk, loket_id=loket1.pk, aksi="panggil", user=antrian["fo1"], now=pada(9, 4))
    assert Tiket.objects.get(pk=t.pk).status == S.DIPANGGIL


def test_nothing_waiting_is_a_clear_409(antrian):
    with pytest.raises(BerkasConflict, match="Tidak ada antrian yang menunggu untuk loket 3"):
        svc.tiket_panggil_berikut(loket_id=antrian["loket"][3].pk, user=antrian["fo_capil"], now=pada(9))


def test_the_ticket_three_places_behind_hears_segera_dipanggil_once(antrian, settings):
    settings.ANTRIAN_KABARI_SEGERA = 3
    a = antrian["a"]
    tickets = [
        svc.tiket_terbitkan(
            jalur=a,
            tanggal=SELASA.date(),
            sumber=SumberTiket.ONLINE,
            now=pada(8, i),
            nik=f"21020157088500{i:02d}",
            email=f"w{i}@example.com",
        )  # fmt: skip
        for i in range(6)
    ]
    loket, fo = antrian["loket"][1], antrian["fo1"]

    svc.tiket_panggil_berikut(loket_id=loket.pk, user=fo, now=pada(9))  # A001 called: A002 A003 [A004] …

    pesan = PesanKeluar.objects.get()
    assert pesan.kepada == ["w3@example.com"] and "A004" in pesan.subjek and "segera dipanggil" in pesan.subjek
    svc.tiket_aksi(tiket_id=tickets[0].pk, loket_id=loket.pk, aksi="panggil-ulang", user=fo, now=pada(9, 1))
    svc.tiket_aksi(tiket_id=tickets[0].pk, loket_id=loket.pk, aksi="lewati", user=fo, now=pada(9, 2))
    svc.tiket_panggil_berikut(loket_id=loket.pk, user=fo, now=pada(9, 3))  # A002 called: [A005] now

    assert sorted(p.kepada[0] for p in PesanKeluar.objects.all()) == ["w3@example.com", "w4@example.com"]
    assert Tiket.objects.get(pk=tickets[3].pk).dikabari_segera


def test_a_berkas_registered_while_serving_is_linked_to_the_ticket(antrian, jam):
    from django.utils import timezone

    t = svc.tiket_terbitkan(jalur=antrian["a"], tanggal=timezone.localdate(), sumber=SumberTiket.KIOSK)
    loket, fo = antrian["loket"][1], antrian["fo1"]
    svc.tiket_panggil_berikut(loket_id=loket.pk, user=fo)
    svc.tiket_aksi(tiket_id=t.pk, loket_id=loket.pk, aksi="layani", user=fo)
    other = register(antrian["fo2"], seq=2)  # another officer, not serving: not linked
    assert not Tiket.objects.filter(berkas=other).exists()

    berkas = register(fo, seq=1)

    t.refresh_from_db()
    assert t.berkas == berkas
    assert berkas.tiket_antrian.get() == t
