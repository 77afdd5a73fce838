import io
import threading
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from openpyxl import Workbook

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.workflow.models import WorkItem
from sekretariat.impor import ImporGagal
from sekretariat.models import Barang, MutasiBarang, Naskah, UsulanBmd, validate_kode_barang
from sekretariat.selectors.bmd import kir, riwayat
from sekretariat.services import bmd as svc

from .bmd_helpers import barang, bmd_office  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "kode",
    ["1.3.2.10.01.02", "1.3.2.10.01.02.1", "2.3.2.10.01.02.001", "1.3.2.1.01.02.001", "1-3-2-10-01-02-001", ""],
)
def test_a_kode_barang_outside_the_permendagri_108_format_is_refused_with_the_format_shown(kode):
    with pytest.raises(ValidationError) as refused:
        validate_kode_barang(kode)
    assert "Permendagri 108/2016" in refused.value.messages[0]
    assert "1.3.2.10.01.02.001" in refused.value.messages[0]


def test_a_well_formed_kode_barang_passes():
    validate_kode_barang("1.3.2.05.02.04.004")  # no exception: AC split


def test_the_service_refuses_a_bad_kode_and_saves_nothing(o):
    with pytest.raises(BerkasInvalid, match="Permendagri 108/2016") as refused:
        barang(o, kode_barang="1.3.2.10.01")
    assert "kode_barang" in refused.value.fields
    assert not Barang.objects.exists()


def test_a_duplicate_kode_and_register_in_one_room_is_refused_and_the_database_refuses_it_too(o):
    first = barang(o)
    with pytest.raises(BerkasInvalid, match="nomor register 000001 sudah ada di KIR ruangan ini"):
        barang(o, nama="Komputer PC lain")
    barang(o, ruangan="b")  # the same code and register in another room is another line
    barang(o, nomor_register="000002")
    with pytest.raises(IntegrityError), transaction.atomic():
        Barang.objects.create(
            ruangan=first.ruangan, kode_barang=first.kode_barang, nomor_register=first.nomor_register,
            nama="x", tahun_perolehan=2020, harga_perolehan=1,
        )  # fmt: skip


def test_an_edit_is_kept_in_the_history_with_who_and_what_changed(o):
    b = barang(o)
    data = {f: getattr(b, f) for f in svc.BARANG_FIELDS} | {"kondisi": "RR", "keterangan": "Kipas berisik"}
    svc.barang_ubah(user=o["kasubag"], pk=b.pk, data=data)
    latest = riwayat(b)[0]
    assert latest["record"].history_user == o["kasubag"]
    assert {"field": "kondisi", "old": "Baik", "new": "Rusak Ringan"} in latest["changes"]
    assert riwayat(b)[-1]["created"]


def test_only_the_sekretariat_pengurus_barang_may_change_the_kir(o):
    with pytest.raises(BerkasForbidden):
        barang(o | {"pengurus": o["luar"]})
    with pytest.raises(BerkasForbidden):
        barang(o | {"pengurus": o["kadis"]})


CSV_HEADER = (
    "kode_barang;nomor_register;nama;merk_type;bahan;tahun_perolehan;jumlah;kondisi;harga_perolehan;keterangan\n"
)


def test_an_import_with_bad_rows_names_each_line_and_saves_nothing(o):
    barang(o, nomor_register="000009")
    text = CSV_HEADER + (
        "1.3.2.05.02.01.002;000001;Meja kerja;Olympic;Kayu;2019;2;Baik;1800000;\n"
        "1.3.2.05.02;000002;Kursi;Chitose;Besi;2019;1;B;850000;\n"
        "1.3.2.05.02.01.008;000003;Kursi;Chitose;Besi;2019;1;Hancur;850000;\n"
        "1.3.2.05.02.01.002;000001;Meja kerja kembar;;Kayu;2019;1;B;1800000;\n"
        "1.3.2.10.01.02.001;000009;Komputer PC;;;2021;1;B;1000;\n"
    )
    with pytest.raises(ImporGagal) as refused:
        svc.barang_impor(user=o["pengurus"], ruangan_id=o["a"].pk, nama_berkas="kir.csv", data=text.encode())
    lines = [e.split(":")[0] for e in refused.value.kesalahan]
    assert lines == ["Baris 3", "Baris 4", "Baris 5", "Baris 6"]
    assert "Permendagri 108/2016" in refused.value.kesalahan[0]
    assert "sudah ada di baris 2" in refused.value.kesalahan[2]
    assert "sudah ada di KIR" in refused.value.kesalahan[3]
    assert Barang.objects.count() == 1


def test_a_clean_xlsx_import_fills_the_kir(o):
    wb = Workbook()
    ws = wb.active
    ws.append(["Kode barang", "Nomor register", "Nama", "Tahun perolehan", "Kondisi", "Harga perolehan"])
    ws.append(["1.3.2.05.02.01.002", "1", "Meja kerja", 2019, "Rusak Ringan", 1800000])
    ws.append(["1.3.2.05.02.01.008", "2", "Kursi kerja", 2020, "B", 850000])
    buffer = io.BytesIO()
    wb.save(buffer)
    n = svc.barang_impor(user=o["pengurus"], ruangan_id=o["a"].pk, nama_berkas="kir.xlsx", data=buffer.getvalue())
    assert n == 2
    meja = Barang.objects.get(nama="Meja kerja")
    assert (meja.nomor_register, meja.kondisi, meja.jumlah) == ("000001", "RR", 1)


def test_a_mutasi_moves_the_barang_from_one_kir_to_the_other_and_shows_in_its_history(o):
    b = barang(o)
    svc.barang_mutasi(
        user=o["pengurus"], pk=b.pk, dari_id=o["a"].pk, ke_id=o["b"].pk, tanggal=date(2026, 11, 2), alasan="Loket"
    )
    assert list(kir(o["a"])) == []
    assert list(kir(o["b"])) == [b]
    m = MutasiBarang.objects.get(barang=b)
    assert (m.dari, m.ke, m.dicatat_oleh, m.alasan) == (o["a"], o["b"], o["pengurus"], "Loket")
    assert {"field": "ruangan", "old": "Ruang Umum", "new": "Ruang Pelayanan"} in riwayat(b)[0]["changes"]


def test_a_second_move_from_the_same_stale_page_is_a_409_naming_the_room_it_is_in_now(o):
    b = barang(o)
    common = dict(user=o["pengurus"], pk=b.pk, dari_id=o["a"].pk, tanggal=date(2026, 11, 2), alasan="x")
    svc.barang_mutasi(ke_id=o["b"].pk, **common)
    c = svc.ruangan_tambah(user=o["pengurus"], kode="R-04", nama="Ruang Server", penanggung_jawab=None)
    with pytest.raises(BerkasConflict, match="sekarang di ruangan R-03 Ruang Pelayanan") as refused:
        svc.barang_mutasi(ke_id=c.pk, **common)
    assert refused.value.http_status == 409
    assert MutasiBarang.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_moves_of_one_barang_one_wins_the_other_gets_409(o):
    b = barang(o)
    c = svc.ruangan_tambah(user=o["pengurus"], kode="R-04", nama="Ruang Server", penanggung_jawab=None)
    outcomes, start = [], threading.Barrier(2)

    def move(ke):
        try:
            start.wait()
            svc.barang_mutasi(
                user=o["pengurus"], pk=b.pk, dari_id=o["a"].pk, ke_id=ke.pk, tanggal=date(2026, 11, 2), alasan="x"
            )
            outcomes.append("ok")
        except BerkasConflict:
            outcomes.append(409)
        finally:
            connection.close()

    threads = [threading.Thread(target=move, args=(room,)) for room in (o["b"], c)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes, key=str) == [409, "ok"]
    assert MutasiBarang.objects.count() == 1


# --- usulan pemeliharaan / penghapusan -------------------------------------------------------


def _usulan(o, jenis="penghapusan", kondisi="RB", user="pengurus"):
    b = barang(o, ruangan="b", kondisi=kondisi)
    return svc.usulan_bmd_buat(user=o[user], jenis=jenis, barang_ids=[b.pk], alasan="Rusak, tidak ekonomis"), b


def _status(usulan) -> str:
    return UsulanBmd.objects.get(pk=usulan.pk).status  # a protected FSM field is not refreshed in place


def _open_item(usulan) -> str:
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(UsulanBmd)
    return WorkItem.objects.get(content_type=ct, object_id=usulan.pk, selesai_pada__isnull=True).aksi


@pytest.mark.parametrize(
    ("steps", "returner"),
    [([("pengurus", "ajukan")], "kasubag"),
     ([("pengurus", "ajukan"), ("kasubag", "periksa")], "sekretaris"),
     ([("pengurus", "ajukan"), ("kasubag", "periksa"), ("sekretaris", "paraf")], "kadis")],
)  # fmt: skip
def test_each_step_of_the_chain_can_return_the_usulan_to_the_pengusul_with_a_note(o, steps, returner):
    usulan, _ = _usulan(o)
    for who, method in steps:
        svc.usulan_bmd_aksi(user=o[who], pk=usulan.pk, method=method)
    with pytest.raises(BerkasInvalid, match="Tulis apa yang harus diperbaiki"):
        svc.usulan_bmd_aksi(user=o[returner], pk=usulan.pk, method="kembalikan")
    with pytest.raises(BerkasForbidden):
        svc.usulan_bmd_aksi(user=o["luar"], pk=usulan.pk, method="kembalikan", catatan="x")
    svc.usulan_bmd_aksi(user=o[returner], pk=usulan.pk, method="kembalikan", catatan="Lampirkan foto kerusakan")
    returned = UsulanBmd.objects.get(pk=usulan.pk)
    assert (returned.status, returned.catatan) == ("konsep", "Lampirkan foto kerusakan")
    assert _open_item(usulan) == "bmd_kelola"
    assert returned.naskah is None


def test_a_step_out_of_turn_is_409_and_a_role_without_the_step_403(o):
    usulan, _ = _usulan(o)
    svc.usulan_bmd_aksi(user=o["pengurus"], pk=usulan.pk, method="ajukan")
    with pytest.raises(BerkasConflict) as conflict:
        svc.usulan_bmd_aksi(user=o["sekretaris"], pk=usulan.pk, method="paraf")
    assert conflict.value.http_status == 409
    with pytest.raises(BerkasForbidden):
        svc.usulan_bmd_aksi(user=o["sekretaris"], pk=usulan.pk, method="periksa")
    assert _status(usulan) == "kasubag" and _open_item(usulan) == "bmd_periksa"


def _to_diusulkan(o, usulan):
    for who, method in (("pengurus", "ajukan"), ("kasubag", "periksa"), ("sekretaris", "paraf"), ("kadis", "setujui")):
        usulan = svc.usulan_bmd_aksi(user=o[who], pk=usulan.pk, method=method)
    return usulan


def test_the_kadis_approval_drafts_the_surat_usulan_in_the_naskah_chain(o):
    usulan, b = _usulan(o)
    usulan = _to_diusulkan(o, usulan)
    naskah = usulan.naskah
    assert (naskah.jenis.kode, naskah.status, naskah.pembuat) == ("surat-usulan-bmd", "konsep", o["pengurus"])
    assert b.kode_barang in naskah.isi and "penghapusan" in naskah.hal
    assert _status(usulan) == "diusulkan"


def test_penghapusan_the_sk_is_recorded_after_the_letter_is_sent_and_the_barang_leaves_the_kir(o):
    usulan, b = _usulan(o)
    usulan = _to_diusulkan(o, usulan)
    sk = dict(nomor="030/112/KPTS/BPKAD/2026", tanggal=date(2026, 11, 20), penerbit="BPKAD")
    with pytest.raises(BerkasConflict, match="belum ditandatangani"):
        svc.usulan_bmd_catat_keputusan(user=o["pengurus"], pk=usulan.pk, **sk)
    Naskah.objects.filter(pk=usulan.naskah_id).update(status="terkirim")  # the naskah tests walk that chain
    svc.usulan_bmd_catat_keputusan(user=o["pengurus"], pk=usulan.pk, **sk)
    b.refresh_from_db()
    assert (b.dihapus, b.sk_penghapusan, b.tanggal_sk_penghapusan) == (True, sk["nomor"], sk["tanggal"])
    assert b not in kir(o["b"])
    assert _status(usulan) == "selesai"
    assert "Dihapus dengan SK 030/112/KPTS/BPKAD/2026" in [r["record"].history_change_reason for r in riwayat(b)]


def test_pemeliharaan_records_the_result_the_cost_and_the_new_kondisi(o):
    usulan, b = _usulan(o, jenis="pemeliharaan", kondisi="RR")
    usulan = _to_diusulkan(o, usulan)
    Naskah.objects.filter(pk=usulan.naskah_id).update(status="terbit")
    with pytest.raises(BerkasInvalid, match="isi hasil, biaya dan kondisi"):
        svc.usulan_bmd_catat_keputusan(
            user=o["pengurus"], pk=usulan.pk, nomor="BA/7/2026", tanggal=date(2026, 11, 20), penerbit="BPKAD"
        )
    svc.usulan_bmd_catat_keputusan(
        user=o["pengurus"], pk=usulan.pk, nomor="BA/7/2026", tanggal=date(2026, 11, 20), penerbit="BPKAD",
        hasil="Ganti kipas dan pasta", biaya=Decimal("450000"), kondisi_baru="B",
    )  # fmt: skip
    b.refresh_from_db()
    done = UsulanBmd.objects.get(pk=usulan.pk)
    assert (b.kondisi, b.dihapus) == ("B", False)
    assert (done.hasil, done.biaya, done.nomor_keputusan) == ("Ganti kipas dan pasta", Decimal("450000"), "BA/7/2026")


def test_the_sop_rule_rusak_berat_for_penghapusan_and_no_second_open_usulan(o):
    with pytest.raises(BerkasInvalid, match="hanya untuk barang berkondisi Rusak Berat"):
        _usulan(o, kondisi="RR")
    b = barang(o, nomor_register="000050", kondisi="RB")
    svc.usulan_bmd_buat(user=o["pengurus"], jenis="penghapusan", barang_ids=[b.pk], alasan="x")
    with pytest.raises(BerkasConflict, match="usulan yang belum selesai"):
        svc.usulan_bmd_buat(user=o["pengurus"], jenis="penghapusan", barang_ids=[b.pk], alasan="y")


def test_a_room_penanggung_jawab_may_propose_for_their_room_only(o):
    usulan, _ = _usulan(o, user="pj")  # barang in room b, which Hendra holds
    svc.usulan_bmd_aksi(user=o["pj"], pk=usulan.pk, method="ajukan")
    assert _status(usulan) == "kasubag"
    other = barang(o, ruangan="a", nomor_register="000077", kondisi="RB")
    with pytest.raises(BerkasForbidden):
        svc.usulan_bmd_buat(user=o["pj"], jenis="penghapusan", barang_ids=[other.pk], alasan="x")


def test_the_sop_times_of_the_inventaris_ruangan_are_written_on_the_usulan(o):
    usulan, _ = _usulan(o)
    assert usulan.standar_waktu["sekretaris"] == 10 and usulan.standar_waktu["kadis"] == 10
    assert usulan.standar_waktu["kasubag"] > 60  # 2 hari kerja
