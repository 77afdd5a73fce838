from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.test import override_settings
from django.utils import timezone

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.notifikasi.models import Notifikasi
from sekretariat.models import IsianAnjab, Jabatan, Naskah, ProgramSdm, PutaranAnjab, UraianTugas
from sekretariat.selectors.anjab import abk_rows
from sekretariat.services import anjab as svc

from .kepegawaian_helpers import data_kepegawaian, pegawai  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("data_kepegawaian")]

ADM, LOKET = "Pengadministrasi Perkantoran", "Penata Layanan Operasional"
URAIAN_ADM = [
    {"uraian": "Mengagendakan surat", "satuan_hasil": "Surat", "volume": 2400, "norma_waktu": Decimal(10)},
    {"uraian": "Menyiapkan bahan rapat", "satuan_hasil": "Berkas", "volume": 48, "norma_waktu": Decimal(120)},
    {"uraian": "Mengarsipkan naskah", "satuan_hasil": "Berkas", "volume": 1200, "norma_waktu": Decimal(15)},
]
URAIAN_LOKET = [
    {"uraian": "Melayani pemohon", "satuan_hasil": "Berkas", "volume": 6000, "norma_waktu": Decimal(12)},
    {"uraian": "Merekap register", "satuan_hasil": "Laporan", "volume": 100, "norma_waktu": Decimal("45.5")},
]


@pytest.fixture(name="putaran")
def putaran_fixture(kantor):
    jabatan = Jabatan.objects.filter(nama__in=[ADM, LOKET])
    return svc.putaran_buka(
        user=kantor["kasubag"], tahun=2026, nomor_surat="061/118/425.004/2026", tanggal_surat=date(2026, 2, 2),
        jabatan_ids=[j.pk for j in jabatan],
    )  # fmt: skip


def isian(putaran, nama) -> IsianAnjab:
    return putaran.isian.get(jabatan__nama=nama)


def isi_dan_verifikasi(kantor, putaran):
    for nama, uraian in ((ADM, URAIAN_ADM), (LOKET, URAIAN_LOKET)):
        pk = isian(putaran, nama).pk
        svc.isian_simpan(user=kantor["staf_sek"], pk=pk, ikhtisar=f"Ikhtisar {nama}", uraian=uraian)
        svc.isian_ajukan(user=kantor["staf_sek"], pk=pk)
        svc.isian_verifikasi(user=kantor["staf_sek"], pk=pk)


def test_the_abk_is_the_sum_of_volume_times_norma_waktu_over_75000_minutes(kantor, putaran):
    for seq in (1, 2):
        pegawai(f"Loket {seq}", seq=seq, jabatan=LOKET)
    isi_dan_verifikasi(kantor, putaran)
    rows = {r.jabatan.nama: r for r in abk_rows(putaran)}
    # 2400×10 + 48×120 + 1200×15 = 24000 + 5760 + 18000 = 47760 minutes; 47760 / 75000 = 0.6368
    assert rows[ADM].total_menit == Decimal(47760)
    assert rows[ADM].kebutuhan == Decimal("0.64")
    assert rows[ADM].ada == 0
    assert rows[ADM].selisih_label == "kurang 0,64"
    # 6000×12 + 100×45.5 = 72000 + 4550 = 76550; 76550 / 75000 = 1.0207 → 1.02; two in post: lebih 0.98
    assert rows[LOKET].kebutuhan == Decimal("1.02")
    assert rows[LOKET].ada == 2
    assert rows[LOKET].selisih_label == "lebih 0,98"


@override_settings(ANJAB_WAKTU_KERJA_EFEKTIF_MENIT=60_000)
def test_the_effective_working_time_is_a_setting(kantor, putaran):
    isi_dan_verifikasi(kantor, putaran)
    rows = {r.jabatan.nama: r for r in abk_rows(putaran)}
    assert rows[ADM].kebutuhan == Decimal("0.80")  # 47760 / 60000 = 0.796


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("volume", 0, "beban kerja"), ("norma_waktu", Decimal(0), "norma waktu"), ("uraian", "", "uraian tugas")],
)
def test_a_bad_uraian_row_is_refused_and_nothing_is_saved(kantor, putaran, field, value, message):
    row = dict(URAIAN_ADM[0]) | {field: value}
    with pytest.raises(BerkasInvalid, match=message):
        svc.isian_simpan(user=kantor["staf_sek"], pk=isian(putaran, ADM).pk, ikhtisar="baru", uraian=[row])
    assert not UraianTugas.objects.exists()
    assert isian(putaran, ADM).ikhtisar == ""


def test_an_isian_returned_with_a_catatan_can_be_corrected_and_submitted_again(kantor, putaran):
    pk = isian(putaran, ADM).pk
    svc.isian_simpan(user=kantor["staf_sek"], pk=pk, ikhtisar="x", uraian=URAIAN_ADM)
    svc.isian_ajukan(user=kantor["staf_sek"], pk=pk)
    with pytest.raises(BerkasConflict):
        svc.isian_simpan(user=kantor["staf_sek"], pk=pk, ikhtisar="y", uraian=URAIAN_ADM)
    with pytest.raises(BerkasInvalid, match="Catatan wajib"):
        svc.isian_kembalikan(user=kantor["staf_sek"], pk=pk, catatan=" ")
    holder = pegawai("Wulan", jabatan=ADM, pengguna=kantor["staf"])
    returned = svc.isian_kembalikan(user=kantor["staf_sek"], pk=pk, catatan="Norma waktu arsip terlalu besar")
    notice = Notifikasi.objects.get(penerima=holder.pengguna)
    assert notice.judul == f"Isian Anjab/ABK {ADM} dikembalikan"
    assert notice.pesan == "Norma waktu arsip terlalu besar"
    assert returned.status == "dikembalikan"
    assert returned.catatan == "Norma waktu arsip terlalu besar"
    svc.isian_simpan(user=kantor["staf_sek"], pk=pk, ikhtisar="x", uraian=URAIAN_ADM[:2])
    again = svc.isian_ajukan(user=kantor["staf_sek"], pk=pk)
    assert again.status == "diajukan"
    assert again.catatan == ""
    assert UraianTugas.objects.filter(isian_id=pk).count() == 2


def test_only_the_analis_of_the_sekretariat_verifies_and_only_a_submitted_isian(kantor, putaran):
    pk = isian(putaran, ADM).pk
    with pytest.raises(BerkasInvalid, match="paling sedikit satu uraian"):
        svc.isian_ajukan(user=kantor["staf_sek"], pk=pk)
    svc.isian_simpan(user=kantor["staf_sek"], pk=pk, ikhtisar="x", uraian=URAIAN_ADM)
    with pytest.raises(BerkasConflict):
        svc.isian_verifikasi(user=kantor["staf_sek"], pk=pk)  # still konsep
    svc.isian_ajukan(user=kantor["staf_sek"], pk=pk)
    with pytest.raises(BerkasForbidden):
        svc.isian_verifikasi(user=kantor["staf"], pk=pk)  # a Staf of Pendaftaran
    with pytest.raises(BerkasForbidden):
        svc.isian_verifikasi(user=kantor["kasi"], pk=pk)
    assert IsianAnjab.objects.get(pk=pk).status == "diajukan"


def test_the_usulan_waits_for_every_isian_then_drafts_the_letter_with_the_abk_table(kantor, putaran):
    with pytest.raises(BerkasForbidden):
        svc.putaran_usulkan(user=kantor["staf_sek"], pk=putaran.pk)
    with pytest.raises(BerkasConflict, match="belum terverifikasi"):
        svc.putaran_usulkan(user=kantor["kasubag"], pk=putaran.pk)
    assert not Naskah.objects.exists()
    isi_dan_verifikasi(kantor, putaran)
    done = svc.putaran_usulkan(user=kantor["kasubag"], pk=putaran.pk)
    naskah = Naskah.objects.get()
    assert done.status == "diusulkan"
    assert done.naskah == naskah
    assert naskah.jenis.kode == "usulan-anjab-abk"
    assert naskah.status == "konsep"
    assert "Bagian Organisasi" in naskah.tujuan_nama
    assert "061/118/425.004/2026" in naskah.isi
    assert "<td>Pengadministrasi Perkantoran</td>" in naskah.isi
    assert "<td>0,64</td>" in naskah.isi and "<td>1,02</td>" in naskah.isi
    with pytest.raises(BerkasConflict):
        svc.putaran_usulkan(user=kantor["kasubag"], pk=putaran.pk)
    with pytest.raises(BerkasConflict, match="sudah diusulkan"):
        svc.isian_kembalikan(user=kantor["staf_sek"], pk=isian(putaran, ADM).pk, catatan="terlambat")


def test_the_perwali_is_recorded_after_the_usulan_and_not_before(kantor, putaran):
    with pytest.raises(BerkasConflict):
        svc.putaran_catat_perwali(user=kantor["kasubag"], pk=putaran.pk, nomor="12", tanggal=date(2026, 3, 1))
    isi_dan_verifikasi(kantor, putaran)
    svc.putaran_usulkan(user=kantor["kasubag"], pk=putaran.pk)
    with pytest.raises(BerkasInvalid, match="sesudah hari ini"):
        svc.putaran_catat_perwali(
            user=kantor["kasubag"], pk=putaran.pk, nomor="12", tanggal=timezone.localdate() + timedelta(days=1)
        )
    done = svc.putaran_catat_perwali(
        user=kantor["kasubag"], pk=putaran.pk, nomor=" 12 Tahun 2026 ", tanggal=date(2026, 3, 1)
    )
    assert (done.status, done.nomor_perwali, done.tanggal_perwali) == ("perwali", "12 Tahun 2026", date(2026, 3, 1))


def test_one_round_per_year(kantor, putaran):
    with pytest.raises(BerkasConflict, match="2026 sudah dibuka"):
        svc.putaran_buka(
            user=kantor["kasubag"], tahun=2026, nomor_surat="x", tanggal_surat=date(2026, 1, 1),
            jabatan_ids=[Jabatan.objects.first().pk],
        )  # fmt: skip
    with pytest.raises(BerkasForbidden):
        svc.putaran_buka(
            user=kantor["staf_sek"], tahun=2027, nomor_surat="x", tanggal_surat=date(2026, 1, 1),
            jabatan_ids=[Jabatan.objects.first().pk],
        )  # fmt: skip
    assert PutaranAnjab.objects.count() == 1


def test_a_programme_entry_lists_its_peserta_and_is_carried_out_once(kantor):
    a, b = pegawai("Andi", seq=1), pegawai("Budi", seq=2)
    with pytest.raises(BerkasForbidden):
        svc.program_tambah(
            user=kantor["staf_sek"], jenis="diklat_teknis", judul="Diklat SIAK", penyelenggara="bkpsdm",
            tanggal=date(2026, 1, 5), peserta=[a],
        )  # fmt: skip
    program = svc.program_tambah(
        user=kantor["kadis"], jenis="diklat_teknis", judul="Diklat SIAK", penyelenggara="bkpsdm",
        tanggal=date(2026, 1, 5), peserta=[a, b],
    )  # fmt: skip
    assert set(program.peserta.all()) == {a, b}
    assert list(a.program_sdm.all()) == [program]
    svc.program_laksanakan(user=kantor["kasubag"], pk=program.pk)
    assert ProgramSdm.objects.get().status == "dilaksanakan"
    with pytest.raises(BerkasConflict):
        svc.program_laksanakan(user=kantor["kasubag"], pk=program.pk)
