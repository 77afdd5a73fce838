"""Two officers press «Panggil berikutnya» at the same moment: each gets a different ticket.

Real connections (transaction=True): both calls hold their row lock at once (a barrier inside the
transaction, after the pick), which only works because the pick skips rows another call has locked;
a plain FOR UPDATE would make the second wait on the first and the barrier would break."""

import threading

import pytest
from django.db import connection

from dukcapil.antrian import services as svc
from dukcapil.antrian.models import Panggilan, StatusTiket, SumberTiket, Tiket

from .conftest import SELASA, pada

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_officers_calling_at_once_get_different_tickets(antrian, monkeypatch):
    for minute in range(3):
        svc.tiket_terbitkan(jalur=antrian["a"], tanggal=SELASA.date(), sumber=SumberTiket.KIOSK, now=pada(8, minute))
    barrier = threading.Barrier(2, timeout=10)
    original = svc._record_call

    def record_then_wait(*args, **kwargs):
        row = original(*args, **kwargs)
        barrier.wait()  # both transactions are open and hold their ticket here
        return row

    monkeypatch.setattr(svc, "_record_call", record_then_wait)
    results, errors = {}, []

    def press(nomor: int, user) -> None:
        try:
            loket = antrian["loket"][nomor]
            results[nomor] = svc.tiket_panggil_berikut(loket_id=loket.pk, user=user, now=pada(9)).kode
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=(n, antrian[u])) for n, u in ((1, "fo1"), (2, "fo2"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)

    assert errors == []
    assert sorted(results.values()) == ["A001", "A002"]
    called = Tiket.objects.filter(status=StatusTiket.DIPANGGIL)
    assert sorted(called.values_list("loket__nomor", flat=True)) == [1, 2]
    assert Panggilan.objects.count() == 2
    assert Tiket.objects.get(nomor=3).status == StatusTiket.MENUNGGU
