"""Distribusi blangko ke kecamatan: deliveries into the one stock ledger, the Dinas's decision never
above the office's stock, BAST numbering, the ledger after handover, concurrent handovers."""

import threading
from datetime import date

import pytest
from django.db import connection

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.workflow.models import KartuKendali
from pendaftaran.models import MutasiBlangko, StokBlangko
from piak.models import PermintaanBlangko
from piak.selectors.distribusi_blangko import stok_per_barang
from piak.services import distribusi_blangko as svc

from .distribusi_blangko_helpers import diputuskan, minta, serahkan, terima

pytestmark = pytest.mark.django_db


def stok(jenis: str) -> int:
    return StokBlangko.objects.get(jenis=jenis).jumlah


def test_a_delivery_of_ribbon_goes_into_the_same_ledger_with_its_source(piak):
    penerimaan = terima(piak, "ribbon", 10, "provinsi")
    assert stok("ribbon") == 10
    row = MutasiBlangko.objects.get(pk=penerimaan.mutasi_id)
    assert (row.jenis, row.jumlah, row.sisa) == ("ribbon", 10, 10)
    assert "Dinas Dukcapil Provinsi" in row.keterangan
    assert penerimaan.get_sumber_display() == "Dinas Dukcapil Provinsi"


def test_only_piak_records_a_delivery(piak):
    with pytest.raises(BerkasForbidden):
        svc.penerimaan_catat(
            user=piak["kasi_lain"], jenis="ktp-el", jumlah=5, sumber="ditjen", tanggal=date(2026, 11, 2)
        )
    assert not StokBlangko.objects.filter(jenis="ktp-el", jumlah__gt=0).exists()


def test_the_kabid_cannot_approve_more_than_the_office_holds(piak):
    terima(piak, "ktp-el", 30)
    permintaan = minta(piak, items={"ktp-el": (0, 50)})
    svc.permintaan_usulkan(user=piak["kasi_piak"], pk=permintaan.pk, jumlah={"ktp-el": 30},
                           alasan={"ktp-el": "Stok Dinas 30."})  # fmt: skip
    with pytest.raises(BerkasInvalid, match="Stok Blangko KTP-el di Dinas tinggal 30; 40 tidak dapat diberikan") as e:
        svc.permintaan_putuskan(user=piak["kabid_piak"], pk=permintaan.pk, jumlah={"ktp-el": 40},
                                alasan={"ktp-el": "x"})  # fmt: skip
    assert e.value.http_status == 400
    permintaan.refresh_from_db()
    assert permintaan.status == "diusulkan"
    assert permintaan.items.get().disetujui is None


def test_less_than_asked_needs_a_reason(piak):
    terima(piak, "ktp-el", 100)
    permintaan = minta(piak, items={"ktp-el": (0, 50)})
    with pytest.raises(BerkasInvalid, match="alasan"):
        svc.permintaan_usulkan(user=piak["kasi_piak"], pk=permintaan.pk, jumlah={"ktp-el": 20})
    svc.permintaan_usulkan(user=piak["kasi_piak"], pk=permintaan.pk, jumlah={"ktp-el": 20},
                           alasan={"ktp-el": "Kecamatan masih punya stok."})  # fmt: skip
    assert permintaan.items.get().diusulkan == 20


def test_the_kasi_may_not_decide_and_the_kabid_may_not_propose(piak):
    terima(piak, "ktp-el", 100)
    permintaan = minta(piak)
    with pytest.raises(BerkasForbidden):
        svc.permintaan_usulkan(user=piak["kabid_piak"], pk=permintaan.pk, jumlah={"ktp-el": 50})
    svc.permintaan_usulkan(user=piak["kasi_piak"], pk=permintaan.pk, jumlah={"ktp-el": 50})
    with pytest.raises(BerkasForbidden):
        svc.permintaan_putuskan(user=piak["kasi_piak"], pk=permintaan.pk, jumlah={"ktp-el": 50})


def test_handover_moves_the_stock_out_with_ledger_rows_and_numbers_the_bast(piak):
    terima(piak, "ktp-el", 100)
    terima(piak, "cleaning", 3, "provinsi")
    permintaan = diputuskan(piak, {"ktp-el": 40, "cleaning": 1})
    serahkan(piak, permintaan)
    permintaan.refresh_from_db()
    assert permintaan.status == "diserahkan"
    assert permintaan.nomor_bast == "001/BAST-BLANGKO/PIAK/2026"
    assert (permintaan.penerima_nip, permintaan.pihak_pertama) == ("198501012010012003", piak["adb"])
    assert (stok("ktp-el"), stok("cleaning")) == (60, 2)
    keluar = MutasiBlangko.objects.filter(jumlah__lt=0).order_by("jenis")
    assert [(m.jenis, m.jumlah, m.sisa) for m in keluar] == [("cleaning", -1, 2), ("ktp-el", -40, 60)]
    assert all("Bintan Timur" in m.keterangan and permintaan.nomor_bast in m.keterangan for m in keluar)
    rows = {r.jenis: r for r in stok_per_barang()}
    assert (rows["ktp-el"].diterima, rows["ktp-el"].didistribusikan, rows["ktp-el"].saldo) == (100, 40, 60)
    transisi = KartuKendali.objects.filter(object_id=permintaan.pk, content_type__model="permintaanblangko")
    assert list(transisi.order_by("pk").values_list("transisi", flat=True)) == [
        "catat",
        "usulkan",
        "putuskan",
        "serahkan",
    ]


def test_bast_numbers_follow_each_other_within_the_year(piak):
    terima(piak, "ktp-el", 100)
    first, second = diputuskan(piak, {"ktp-el": 10}), diputuskan(piak, {"ktp-el": 10}, kecamatan="Gunung Kijang")
    serahkan(piak, second)
    serahkan(piak, first)
    numbers = dict(PermintaanBlangko.objects.values_list("kecamatan", "nomor_bast"))
    assert numbers == {"Gunung Kijang": "001/BAST-BLANGKO/PIAK/2026", "Bintan Timur": "002/BAST-BLANGKO/PIAK/2026"}


def test_a_handover_without_enough_stock_is_a_409_and_nothing_moves(piak):
    terima(piak, "ktp-el", 50)
    first, second = diputuskan(piak, {"ktp-el": 40}), diputuskan(piak, {"ktp-el": 40}, kecamatan="Toapaya")
    serahkan(piak, first)
    with pytest.raises(BerkasConflict, match="Blangko KTP-el tinggal 10, diputuskan 40") as e:
        serahkan(piak, second)
    assert e.value.http_status == 409
    second.refresh_from_db()
    assert (second.status, second.nomor_bast, stok("ktp-el")) == ("diputuskan", "", 10)


def test_a_second_handover_of_the_same_request_is_a_409(piak):
    terima(piak, "ktp-el", 100)
    permintaan = diputuskan(piak, {"ktp-el": 40})
    serahkan(piak, permintaan)
    with pytest.raises(BerkasConflict):
        serahkan(piak, permintaan)
    assert stok("ktp-el") == 60


def test_the_nip_of_the_kecamatan_officer_is_checked(piak):
    terima(piak, "ktp-el", 100)
    permintaan = diputuskan(piak, {"ktp-el": 40})
    with pytest.raises(BerkasInvalid) as e:
        svc.permintaan_serahkan(user=piak["adb"], pk=permintaan.pk, penerima_nama="Siti", penerima_nip="1234")
    assert e.value.fields["penerima_nip"] == ["NIP terdiri dari 18 angka."]


@pytest.mark.django_db(transaction=True)
def test_two_officers_handing_over_the_last_blangko_at_once_one_wins_the_other_gets_409(piak):
    terima(piak, "ktp-el", 40)
    requests = [diputuskan(piak, {"ktp-el": 40}), diputuskan(piak, {"ktp-el": 40}, kecamatan="Toapaya")]
    outcomes, start = [], threading.Barrier(2)

    def handover(permintaan, user):
        try:
            start.wait()
            serahkan(piak, permintaan, user)
            outcomes.append("ok")
        except BerkasConflict:
            outcomes.append(409)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=handover, args=a) for a in zip(requests, (piak["adb"], piak["kasi_piak"]), strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes, key=str) == [409, "ok"]
    assert stok("ktp-el") == 0
    assert PermintaanBlangko.objects.filter(status="diserahkan").count() == 1
    assert MutasiBlangko.objects.filter(jumlah__lt=0).count() == 1
