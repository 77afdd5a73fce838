"""Cuti pegawai: working-day arithmetic, the PP 11/2017 balance, refusals, the chain and its return paths."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.workflow.models import KartuKendali, WorkItem
from sekretariat.models import JenisCuti, KeteranganPresensi, Naskah, PermohonanCuti
from sekretariat.services import cuti as svc
from sekretariat.services.cuti import hak_cuti_tahunan

from .cuti_helpers import data, kantor_cuti_fixture, riwayat, sampai, tahunan  # noqa: F401
from .kepegawaian_helpers import data_kepegawaian  # noqa: F401

# --- working days ------------------------------------------------------------------------------


def test_cuti_tahunan_counts_working_days_across_a_weekend_a_national_holiday_and_a_cuti_bersama(kantor_cuti):
    # Wed 13 May 2026 .. Tue 19 May: Thu 14 Ascension Day, Fri 15 cuti bersama, Sat–Sun weekend
    p = svc.cuti_ajukan(user=kantor_cuti["fikri"], data=data(date(2026, 5, 13), date(2026, 5, 19)))
    assert (p.lama, p.hari_kerja) == (3, 3)
    assert svc.saldo_cuti(kantor_cuti["p_fikri"], 2026).menunggu == 3


def test_other_kinds_count_calendar_days(kantor_cuti):
    penting = JenisCuti.objects.get(kode="alasan-penting")
    p = svc.cuti_ajukan(user=kantor_cuti["fikri"], data=data(date(2026, 5, 13), date(2026, 5, 19), penting))
    assert (p.lama, p.hari_kerja) == (7, 3)
    assert svc.saldo_cuti(kantor_cuti["p_fikri"], 2026).menunggu == 0  # only cuti tahunan draws on the balance


# --- the PP 11/2017 carry-over -----------------------------------------------------------------

FULL = {2022: 12, 2023: 12, 2024: 12, 2025: 12, 2026: 12}


@pytest.mark.parametrize(
    ("diambil", "bawaan", "total"),
    [
        ({2022: 12, 2023: 12, 2024: 12, 2025: 12}, 0, 12),  # 0 years unused: nothing carries
        ({2022: 12, 2023: 12, 2024: 12, 2025: 9}, 3, 15),  # 3 days left last year carry
        ({2022: 12, 2023: 12, 2024: 12, 2025: 2}, 6, 18),  # 1 year (mostly) unused: capped at 18
        ({2022: 12, 2023: 5}, 12, 24),  # 2 years unused (2024 and 2025 untouched): 24
        ({2022: 12, 2023: 12}, 12, 24),  # 2 years unused: capped at 24
        ({}, 12, 24),  # never used: still 24, not more
    ],
)
def test_carry_over_follows_pp_11_2017(diambil, bawaan, total):
    hak = hak_cuti_tahunan(2026, FULL, diambil)
    assert (hak.dasar, hak.bawaan, hak.total) == (12, bawaan, total)


def test_two_unused_years_need_both_years_entitled_and_untouched():
    # 2025 untouched but 2024 used: the 18 rule, not the 24 one
    hak = hak_cuti_tahunan(2026, FULL, {2024: 1})
    assert (hak.bawaan, hak.bawaan_dua_tahun) == (6, False)
    # a new employee entitled from 2026 only carries nothing
    assert hak_cuti_tahunan(2026, {2026: 12}, {}).total == 12


def test_leave_taken_uses_the_carried_days_first():
    # 2025 had 12 + 12 carried (24); taking 10 used carried days only: 2025's own 12 stay, 6 carry
    hak = hak_cuti_tahunan(2026, FULL, {2022: 12, 2023: 0, 2024: 0, 2025: 10})
    assert hak.bawaan == 6


def test_balance_from_the_register_shows_the_carry_over_and_pending_days(kantor_cuti):
    fikri = kantor_cuti["p_fikri"]
    riwayat(fikri, date(2024, 3, 4), 12)
    riwayat(fikri, date(2025, 3, 3), 14)  # 6 carried from 2024 used first, then 8 of its own: 4 carry
    riwayat(fikri, date(2026, 2, 2), 2)
    riwayat(fikri, date(2026, 4, 6), 4, status="ditolak")  # refused: counts nothing
    svc.cuti_ajukan(user=kantor_cuti["fikri"], data=data(date(2026, 5, 11), date(2026, 5, 12)))
    saldo = svc.saldo_cuti(fikri, 2026)
    assert (saldo.hak.dasar, saldo.hak.bawaan, saldo.hak.total) == (12, 4, 16)
    assert (saldo.diambil, saldo.menunggu, saldo.sisa) == (2, 2, 12)


def test_a_cuti_besar_year_has_no_cuti_tahunan(kantor_cuti):
    fikri = kantor_cuti["p_fikri"]
    riwayat(fikri, date(2026, 1, 5), 60, jenis=JenisCuti.objects.get(kode="besar"))
    assert svc.saldo_cuti(fikri, 2026).hak.dasar == 0


def test_cuti_bersama_does_not_reduce_the_entitlement_unless_the_office_ticks_it(kantor_cuti):
    fikri = kantor_cuti["p_fikri"]
    assert svc.saldo_cuti(fikri, 2026).cuti_bersama == 0  # PP 11/2017 Pasal 333 ayat (2)
    JenisCuti.objects.filter(kode="tahunan").update(dikurangi_cuti_bersama=True)
    saldo = svc.saldo_cuti(fikri, 2026)
    assert (saldo.cuti_bersama, saldo.sisa) == (1, saldo.hak.total - 1)  # the Friday 15 May


# --- refusals ----------------------------------------------------------------------------------


def _refused(user, d, message: str, **kw) -> None:
    with pytest.raises(BerkasInvalid) as exc:
        svc.cuti_ajukan(user=user, data=d, **kw)
    assert message in exc.value.message
    assert not PermohonanCuti.objects.filter(mulai=d.mulai).exists()


def test_more_than_the_balance_is_refused(kantor_cuti):
    # CPNS since March 2025: a year's service in 2026, so 12 days and nothing carried
    kantor_cuti["p_fikri"].__class__.objects.filter(pk=kantor_cuti["p_fikri"].pk).update(tmt_cpns=date(2025, 3, 1))
    _refused(kantor_cuti["fikri"], data(date(2026, 6, 2), date(2026, 6, 19)), "tidak cukup: diminta 13 hari kerja")
    # pending days count: 10 asked, then 3 more is too much
    svc.cuti_ajukan(user=kantor_cuti["fikri"], data=data(date(2026, 6, 2), date(2026, 6, 15)))
    _refused(kantor_cuti["fikri"], data(date(2026, 7, 6), date(2026, 7, 8)), "sisa 2 hari kerja")


def test_overlapping_a_pending_or_approved_request_is_refused(kantor_cuti):
    first = svc.cuti_ajukan(user=kantor_cuti["fikri"], data=data(date(2026, 5, 11), date(2026, 5, 13)))
    _refused(kantor_cuti["fikri"], data(date(2026, 5, 13), date(2026, 5, 20)), f"bertabrakan dengan {first.nomor}")
    svc.cuti_batalkan(user=kantor_cuti["fikri"], pk=first.pk)
    assert svc.cuti_ajukan(user=kantor_cuti["fikri"], data=data(date(2026, 5, 13), date(2026, 5, 20))).lama == 4


def test_end_before_start_and_past_start_are_refused_but_the_kasubag_may_record_past_leave(kantor_cuti):
    _refused(kantor_cuti["fikri"], data(date(2026, 5, 12), date(2026, 5, 11)), "tidak boleh sebelum tanggal mulai")
    _refused(kantor_cuti["fikri"], data(date(2026, 4, 27), date(2026, 4, 28)), "Tanggal mulai sudah lewat")
    p = svc.cuti_ajukan(
        user=kantor_cuti["kasubag"],
        data=data(date(2026, 4, 27), date(2026, 4, 28)),
        pegawai_id=kantor_cuti["p_fikri"].pk,
    )
    assert (p.pegawai, p.diajukan_oleh, p.lama) == (kantor_cuti["p_fikri"], kantor_cuti["kasubag"], 2)


def test_an_account_without_a_pegawai_cannot_ask_and_staff_cannot_ask_for_someone_else(kantor_cuti):
    with pytest.raises(BerkasInvalid, match="belum terhubung"):
        svc.cuti_ajukan(user=kantor_cuti["agendaris"], data=data(date(2026, 5, 11), date(2026, 5, 12)))
    with pytest.raises(BerkasForbidden):
        svc.cuti_ajukan(
            user=kantor_cuti["wulan"], data=data(date(2026, 5, 11), date(2026, 5, 12)),
            pegawai_id=kantor_cuti["p_fikri"].pk,
        )  # fmt: skip
    assert not PermohonanCuti.objects.exists()


# --- the chain ---------------------------------------------------------------------------------


def _open_item(p):
    ct = ContentType.objects.get_for_model(PermohonanCuti)
    return WorkItem.objects.get(content_type=ct, object_id=p.pk, selesai_pada__isnull=True)


def test_approval_walks_kasubag_sekretaris_kadis_then_the_letter_and_presensi(kantor_cuti):
    k = kantor_cuti
    p = svc.cuti_ajukan(user=k["fikri"], data=data(date(2026, 5, 13), date(2026, 5, 19)))
    assert (_open_item(p).aksi, p.status) == ("cuti_periksa", "diajukan")
    p = sampai(k, p, "kadis")
    assert (_open_item(p).aksi, p.status, p.diperiksa_oleh) == ("cuti_putus", "kadis", k["kasubag"])
    p = svc.cuti_setujui(user=k["kadis"], pk=p.pk)
    # the surat izin cuti: drafted under the Kasubag, submitted for checking, filled from the request
    n = p.naskah
    assert (n.jenis.kode, n.status, n.pembuat) == ("surat-izin-cuti", "periksa", k["kasubag"])
    assert "13 Mei 2026" in n.isi and "19 Mei 2026" in n.isi and "Jl. Melati 5, Bintan" in n.isi
    # presensi: a keterangan «cuti» on each working day (13, 18, 19 May), none on the holiday or weekend
    days = list(KeteranganPresensi.objects.filter(pegawai=k["p_fikri"], jenis="cuti").values_list("tanggal", flat=True))
    assert sorted(days) == [date(2026, 5, 13), date(2026, 5, 18), date(2026, 5, 19)]
    assert svc.saldo_cuti(k["p_fikri"], 2026).diambil == 3
    # signed: the request is done
    Naskah.objects.filter(pk=n.pk).update(status="cetak")
    n = Naskah.objects.get(pk=n.pk)
    n.signing_completed({}, None, "Ditandatangani secara elektronik.")
    p.refresh_from_db()
    assert p.status == "selesai"
    ct = ContentType.objects.get_for_model(PermohonanCuti)
    transisi = list(KartuKendali.objects.filter(content_type=ct, object_id=p.pk).values_list("transisi", flat=True))
    assert transisi == ["ajukan", "teruskan", "paraf", "setujui", "surat_terbit"]


def test_kasubag_returns_to_the_employee_who_corrects_and_submits_again(kantor_cuti):
    k = kantor_cuti
    p = svc.cuti_ajukan(user=k["fikri"], data=data(date(2026, 5, 11), date(2026, 5, 12)))
    with pytest.raises(BerkasInvalid, match="alasan pengembalian"):
        svc.cuti_kembalikan(user=k["kasubag"], pk=p.pk, catatan=" ")
    p = svc.cuti_kembalikan(user=k["kasubag"], pk=p.pk, catatan="Lengkapi alamat.")
    item = _open_item(p)
    assert (p.status, item.pengguna) == ("dikembalikan", k["fikri"])
    p = svc.cuti_ajukan_ulang(
        user=k["fikri"], pk=p.pk, data=data(date(2026, 5, 11), date(2026, 5, 13), alamat="Jl. Mawar 2, Tanjung Uban"),
        expected_status="dikembalikan",
    )  # fmt: skip
    assert (p.status, p.lama, p.alamat, _open_item(p).aksi) == (
        "diajukan",
        3,
        "Jl. Mawar 2, Tanjung Uban",
        "cuti_periksa",
    )


def test_sekretaris_returns_to_the_kasubag(kantor_cuti):
    k = kantor_cuti
    p = sampai(k, svc.cuti_ajukan(user=k["fikri"], data=data(date(2026, 5, 11), date(2026, 5, 12))), "sekretaris")
    p = svc.cuti_kembalikan(user=k["sekretaris"], pk=p.pk, catatan="Periksa lagi sisa cutinya.")
    assert (p.status, p.catatan, _open_item(p).aksi) == ("diajukan", "Periksa lagi sisa cutinya.", "cuti_periksa")


def test_kadis_refuses_with_a_reason_and_the_days_return_to_the_balance(kantor_cuti):
    k = kantor_cuti
    p = sampai(k, svc.cuti_ajukan(user=k["fikri"], data=data(date(2026, 5, 11), date(2026, 5, 12))), "kadis")
    with pytest.raises(BerkasInvalid, match="Alasan penolakan"):
        svc.cuti_tolak(user=k["kadis"], pk=p.pk, alasan="")
    p = svc.cuti_tolak(user=k["kadis"], pk=p.pk, alasan="Tenaga loket kurang.")
    assert (p.status, p.alasan_tolak, p.naskah) == ("ditolak", "Tenaga loket kurang.", None)
    saldo = svc.saldo_cuti(k["p_fikri"], 2026)
    assert (saldo.diambil, saldo.menunggu) == (0, 0)
    assert not KeteranganPresensi.objects.exists()


def test_the_employee_cancels_before_the_kadis_decides_but_not_after(kantor_cuti):
    k = kantor_cuti
    p = sampai(k, svc.cuti_ajukan(user=k["fikri"], data=data(date(2026, 5, 11), date(2026, 5, 12))), "kadis")
    assert svc.cuti_batalkan(user=k["fikri"], pk=p.pk).status == "dibatalkan"
    assert not WorkItem.objects.filter(object_id=p.pk, selesai_pada__isnull=True, aksi__startswith="cuti").exists()
    q = sampai(k, svc.cuti_ajukan(user=k["fikri"], data=data(date(2026, 5, 11), date(2026, 5, 12))), "disetujui")
    with pytest.raises(BerkasConflict):
        svc.cuti_batalkan(user=k["fikri"], pk=q.pk)


# --- roles (403) and states (409) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("step", "who"),
    [("teruskan", "fikri"), ("teruskan", "sekretaris"), ("paraf", "kasubag"), ("setujui", "sekretaris")],
)
def test_a_role_that_may_not_act_is_refused(kantor_cuti, step, who):
    k = kantor_cuti
    p = svc.cuti_ajukan(user=k["fikri"], data=data(date(2026, 5, 11), date(2026, 5, 12)))
    if step != "teruskan":
        p = sampai(k, p, "sekretaris" if step == "paraf" else "kadis")
    with pytest.raises(BerkasForbidden):
        getattr(svc, f"cuti_{step}")(user=k[who], pk=p.pk)
    assert PermohonanCuti.objects.get(pk=p.pk).status == p.status


def test_another_employee_may_not_cancel(kantor_cuti):
    p = svc.cuti_ajukan(user=kantor_cuti["fikri"], data=data(date(2026, 5, 11), date(2026, 5, 12)))
    with pytest.raises(BerkasForbidden):
        svc.cuti_batalkan(user=kantor_cuti["wulan"], pk=p.pk)


def test_a_state_that_does_not_allow_the_step_is_a_conflict(kantor_cuti):
    k = kantor_cuti
    p = svc.cuti_ajukan(user=k["fikri"], data=data(date(2026, 5, 11), date(2026, 5, 12)))
    with pytest.raises(BerkasConflict):
        svc.cuti_paraf(user=k["sekretaris"], pk=p.pk)
    with pytest.raises(BerkasConflict, match="baru saja diproses"):
        svc.cuti_teruskan(user=k["kasubag"], pk=p.pk, expected_status="kadis")
    p = sampai(k, p, "disetujui")
    with pytest.raises(BerkasConflict):
        svc.cuti_tolak(user=k["kadis"], pk=p.pk, alasan="Terlambat.")
    assert PermohonanCuti.objects.get(pk=p.pk).status == "disetujui"


def test_tahunan_data_matches_pp_11_2017():
    from sekretariat.cuti_data import JENIS_CUTI

    kinds = {row[0]: row for row in JENIS_CUTI}
    assert set(kinds) == {"tahunan", "besar", "sakit", "melahirkan", "alasan-penting", "cltn"}
    assert kinds["tahunan"][2:7] == ("hari_kerja", 24, True, 12, 1)
    assert kinds["besar"][2:4] == ("bulan", 3) and kinds["melahirkan"][2:4] == ("bulan", 3)


def test_tahunan_is_loaded(kantor_cuti):
    assert tahunan().hak_tahunan == 12
