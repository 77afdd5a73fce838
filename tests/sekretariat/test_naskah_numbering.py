"""Numbering under concurrency: 20 Agendaris threads number 20 naskah at once."""

import threading

import pytest
from django.db import connection

from sekretariat.models import Naskah, NomorNaskahUrut
from sekretariat.services import naskah as services

from .naskah_helpers import klasifikasi, sek_team, to_penomoran


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_numberings_give_twenty_consecutive_distinct_numbers(team):
    sek = sek_team(team)
    naskah = [to_penomoran(sek, hal=f"Undangan rapat {i}") for i in range(20)]
    kode = klasifikasi("005")
    barrier = threading.Barrier(20)
    errors: list[BaseException] = []

    def number(pk: int) -> None:
        try:
            barrier.wait()
            services.naskah_beri_nomor(pk=pk, user=sek["agendaris"], klasifikasi=kode)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=number, args=(n.pk,)) for n in naskah]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    rows = list(
        Naskah.objects.filter(pk__in=[n.pk for n in naskah]).values_list("nomor_urut", "nomor_naskah", "status")
    )
    numbers = sorted(r[0] for r in rows)
    assert numbers == list(range(1, 21))
    assert len({r[1] for r in rows}) == 20 and all(r[2] == "tte" for r in rows)
    assert NomorNaskahUrut.objects.get().terakhir == 20
