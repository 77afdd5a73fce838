"""The display's event log and the statistics, against values worked out by hand."""

from datetime import timedelta

import pytest

from dukcapil.antrian import selectors as sel
from dukcapil.antrian import services as svc
from dukcapil.antrian.models import SumberTiket, Tiket

from .conftest import SELASA, pada

pytestmark = pytest.mark.django_db


def issue(jalur, minute, day=SELASA):
    return svc.tiket_terbitkan(jalur=jalur, tanggal=day.date(), sumber=SumberTiket.KIOSK, now=pada(8, minute, day=day))


def call(antrian, nomor, user, at):
    return svc.tiket_panggil_berikut(loket_id=antrian["loket"][nomor].pk, user=antrian[user], now=at)


def act(antrian, tiket, nomor, user, aksi, at):
    return svc.tiket_aksi(tiket_id=tiket.pk, loket_id=antrian["loket"][nomor].pk, aksi=aksi, user=antrian[user], now=at)


def test_the_display_gets_every_call_after_an_id_in_order_and_catches_up_after_a_reconnect(antrian):
    for m in range(3):
        issue(antrian["a"], m)
    issue(antrian["b"], 0)
    t1 = call(antrian, 1, "fo1", pada(9, 0))
    first = sel.layar(SELASA.date(), None)
    assert first["panggilan"] == [] and first["terakhir"] > 0  # the first load: only where the log stands
    seen = first["terakhir"]

    # the display goes offline; meanwhile a recall, two calls at other lokets, a skip and a recall
    act(antrian, t1, 1, "fo1", "panggil-ulang", pada(9, 1))
    call(antrian, 3, "fo_capil", pada(9, 2))
    t2 = call(antrian, 2, "fo2", pada(9, 3))
    act(antrian, t2, 2, "fo2", "lewati", pada(9, 4))
    act(antrian, t2, 2, "fo2", "panggil", pada(9, 5))

    back = sel.layar(SELASA.date(), seen)  # reconnect: everything missed, oldest first

    assert [(p["kode"], p["loket"], p["ulang"]) for p in back["panggilan"]] == [
        ("A001", 1, True),
        ("B001", 3, False),
        ("A002", 2, False),
        ("A002", 2, True),
    ]
    ids = [p["id"] for p in back["panggilan"]]
    assert ids == sorted(ids) and ids[0] > seen and back["terakhir"] == ids[-1]
    assert back["panggilan"][1]["teks"] == "Nomor antrian B 0 0 1, silakan menuju loket 3"
    assert {p["loket"]: p["kode"] for p in back["papan"]} == {1: "A001", 2: "A002", 3: "B001"}
    # polled again with the newest id: nothing new
    assert sel.layar(SELASA.date(), back["terakhir"])["panggilan"] == []
    # a display that remembers an id beyond the log (database restored) is set back to the log's end
    assert sel.layar(SELASA.date(), back["terakhir"] + 100)["terakhir"] == back["terakhir"]


def test_spoken_text_spells_every_digit():
    assert sel.teks_panggilan("A", 15, 3) == "Nomor antrian A 0 1 5, silakan menuju loket 3"
    assert sel.teks_panggilan("AB", 120, 12) == "Nomor antrian A B 1 2 0, silakan menuju loket 12"


def test_statistics_median_and_p90_match_the_hand_computed_values(antrian):
    # five tickets of line A on one day: waits 2, 4, 6, 8, 10 minutes; service 5, 10, 15, 20 minutes
    # and one no-show. Median wait 6; p90 = 8 + 0.6 × (10 − 8) = 9.2. Median service 12.5;
    # p90 = 15 + 0.7 × (20 − 15) = 18.5 (percentile_cont interpolates linearly).
    tickets = [issue(antrian["a"], m) for m in range(5)]  # antre_sejak 08:00 … 08:04
    service = [5, 10, 15, 20, None]
    clock = pada(8, 2)
    for i, t in enumerate(tickets):
        at = t.antre_sejak + timedelta(minutes=2 * (i + 1))
        called = call(antrian, 1, "fo1", at)
        assert called.pk == t.pk
        if service[i] is None:
            act(antrian, called, 1, "fo1", "lewati", at + timedelta(minutes=1))
            continue
        act(antrian, called, 1, "fo1", "layani", at + timedelta(minutes=1))
        act(antrian, called, 1, "fo1", "selesai", at + timedelta(minutes=1 + service[i]))
        clock = at
    issue(antrian["b"], 0)  # line B: one ticket never called
    assert clock  # the day happened

    stat = sel.statistik(SELASA.date(), SELASA.date())

    a = next(r for r in stat["jalur_harian"] if r["jalur__huruf"] == "A")
    assert (a["tiket"], a["dilayani"], a["tidak_hadir"], a["batal"]) == (5, 4, 1, 0)
    assert a["tunggu_median"] == timedelta(minutes=6)
    assert a["tunggu_p90"] == timedelta(minutes=9.2)
    assert a["layanan_median"] == timedelta(minutes=12.5)
    assert a["layanan_p90"] == timedelta(minutes=18.5)
    b = next(r for r in stat["jalur_harian"] if r["jalur__huruf"] == "B")
    assert (b["tiket"], b["tunggu_median"], b["layanan_median"]) == (1, None, None)
    assert [(r["loket__nomor"], r["tiket"]) for r in stat["loket_harian"]] == [(1, 5)]
    assert sel.menit(a["tunggu_p90"]) == "9,2" and sel.menit(None) == "-"


def test_a_ticket_called_before_its_queueing_moment_waited_zero_minutes(antrian):
    # an online ticket for today queues from the 08:00 opening; the officer calls it at 07:50
    svc.tiket_terbitkan(jalur=antrian["a"], tanggal=SELASA.date(), sumber=SumberTiket.KIOSK, now=pada(7, 0))
    call(antrian, 1, "fo1", pada(7, 50))
    row = sel.statistik(SELASA.date(), SELASA.date())["jalur_harian"][0]
    assert (row["tunggu_median"], row["tunggu_p90"]) == (timedelta(0), timedelta(0))


def test_statistics_leave_out_days_outside_the_range(antrian):
    issue(antrian["a"], 0)
    issue(antrian["a"], 0, day=SELASA + timedelta(days=1))
    stat = sel.statistik(SELASA.date(), SELASA.date())
    assert [r["tiket"] for r in stat["jalur_total"]] == [1]
    assert Tiket.objects.count() == 2
