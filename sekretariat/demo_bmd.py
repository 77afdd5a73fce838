"""Demo BMD: four rooms with a KIR of realistic office barang, one mutasi, one usulan pemeliharaan in
progress (at the Sekretaris) and one usulan penghapusan decided (the barang left the KIR)."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from . import bmd_data
from .models.bmd import Barang
from .services import bmd as svc

RUANGAN = [
    ("R-01", "Ruang Kepala Dinas", "kadis"),
    ("R-02", "Ruang Subbagian Umum dan Kepegawaian", "kasubag"),
    ("R-03", "Ruang Pelayanan Pendaftaran Penduduk", "kasi"),
    ("R-04", "Ruang Server dan Jaringan", "kasi_piak"),
]
# (room, kode barang, register, nama, merk/type, bahan, tahun, jumlah, kondisi, harga, keterangan)
BARANG = [
    ("R-01", "1.3.2.05.02.01.002", "000001", "Meja kerja pejabat", "Olympic", "Kayu jati", 2019, 1, "B", 6500000, ""),
    ("R-01", "1.3.2.05.02.01.008", "000001", "Kursi kerja pejabat", "Chitose", "Kulit sintetis", 2019, 1, "B",
     3200000, ""),
    ("R-01", "1.3.2.05.02.04.004", "000001", "AC split 1,5 PK", "Daikin FTV35", "Logam", 2020, 1, "B", 7800000, ""),
    ("R-01", "1.3.2.10.01.02.002", "000003", "Laptop", "Lenovo ThinkPad E14", "Logam/plastik", 2022, 1, "B",
     14500000, ""),
    ("R-02", "1.3.2.05.02.01.002", "000004", "Meja kerja staf", "Lokal", "Kayu", 2018, 6, "B", 1800000, ""),
    ("R-02", "1.3.2.05.02.01.008", "000007", "Kursi kerja staf", "Informa", "Besi/busa", 2018, 6, "B", 850000, ""),
    ("R-02", "1.3.2.05.01.04.001", "000001", "Lemari arsip", "Brother", "Besi", 2017, 2, "B", 3100000, ""),
    ("R-02", "1.3.2.10.01.02.001", "000005", "Komputer PC", "HP ProDesk 400 G7", "Logam/plastik", 2021, 1, "B",
     11200000, ""),
    ("R-02", "1.3.2.10.02.03.003", "000002", "Printer", "Epson L3210", "Plastik", 2021, 1, "B", 2600000, ""),
    ("R-02", "1.3.2.05.02.04.004", "000002", "AC split 1 PK", "Panasonic CS-PN9", "Logam", 2016, 1, "RR", 5400000,
     "Tidak dingin, freon bocor"),
    ("R-03", "1.3.2.10.02.03.010", "000001", "Perekam KTP-el", "Set perekaman biometrik Kemendagri", "Logam/plastik",
     2013, 2, "B", 48000000, "Bantuan Ditjen Dukcapil"),
    ("R-03", "1.3.2.10.01.02.001", "000006", "Komputer PC", "Dell OptiPlex 3080", "Logam/plastik", 2020, 4, "B",
     10800000, ""),
    ("R-03", "1.3.2.10.02.03.004", "000001", "Scanner dokumen", "Fujitsu fi-7160", "Plastik", 2020, 2, "B",
     14000000, ""),
    ("R-03", "1.3.2.05.02.01.010", "000001", "Kursi tunggu 3 dudukan", "Indachi", "Besi", 2019, 5, "B", 1900000, ""),
    ("R-03", "1.3.2.10.02.03.020", "000001", "Mesin antrean", "Lokal touchscreen", "Logam", 2022, 1, "B", 17500000, ""),
    ("R-04", "1.3.2.10.01.01.001", "000001", "Server", "HPE ProLiant DL380 Gen10", "Logam", 2020, 1, "B",
     165000000, ""),
    ("R-04", "1.3.2.10.02.03.012", "000001", "UPS 3 kVA", "APC Smart-UPS", "Logam", 2020, 1, "B", 21000000, ""),
    ("R-04", "1.3.2.10.01.02.001", "000001", "Komputer PC", "Lenovo ThinkCentre M70", "Logam/plastik", 2014, 1, "RB",
     8900000, "Motherboard mati, suku cadang tidak tersedia"),
]  # fmt: skip


def build_bmd_demo(users) -> list:
    from .demo import _advance  # the naskah chain as the demo walks it

    bmd_data.load()
    pengurus = users["staf_umum"]
    rooms = {
        kode: svc.ruangan_tambah(user=pengurus, kode=kode, nama=nama, penanggung_jawab=users.get(pj))
        for kode, nama, pj in RUANGAN
    }
    made: list = list(rooms.values())
    keys = ["kode_barang", "nomor_register", "nama", "merk_type", "bahan", "tahun_perolehan", "jumlah", "kondisi"]
    for room, *values, harga, keterangan in BARANG:
        data = dict(zip(keys, values, strict=True)) | {"harga_perolehan": Decimal(harga), "keterangan": keterangan}
        made.append(svc.barang_tambah(user=pengurus, ruangan_id=rooms[room].pk, data=data))
    today = timezone.localdate()
    printer = Barang.objects.get(nama="Printer", ruangan=rooms["R-02"])
    made.append(
        svc.barang_mutasi(
            user=pengurus,
            pk=printer.pk,
            dari_id=rooms["R-02"].pk,
            ke_id=rooms["R-03"].pk,
            tanggal=today - timedelta(days=7),
            alasan="Printer loket pelayanan rusak; dipindah untuk cetak resi.",
        )  # fmt: skip
    )
    # an usulan pemeliharaan under way: checked by the Kasubag, waiting for the Sekretaris's paraf
    ac = Barang.objects.get(kondisi="RR")
    pelihara = svc.usulan_bmd_buat(
        user=pengurus, jenis="pemeliharaan", barang_ids=[ac.pk], alasan="AC tidak dingin; perlu isi freon dan servis."
    )
    svc.usulan_bmd_aksi(user=pengurus, pk=pelihara.pk, method="ajukan")
    svc.usulan_bmd_aksi(user=users["kasubag"], pk=pelihara.pk, method="periksa")
    # an usulan penghapusan decided: approved, its letter signed and sent, BPKAD's SK recorded
    pc = Barang.objects.get(kondisi="RB")
    hapus = svc.usulan_bmd_buat(
        user=pengurus, jenis="penghapusan", barang_ids=[pc.pk], alasan="Rusak berat; biaya perbaikan melebihi nilai."
    )
    for user, method in ((pengurus, "ajukan"), (users["kasubag"], "periksa"), (users["sekretaris"], "paraf")):
        svc.usulan_bmd_aksi(user=user, pk=hapus.pk, method=method)
    hapus = svc.usulan_bmd_aksi(user=users["kadis"], pk=hapus.pk, method="setujui")
    _advance(hapus.naskah, "terkirim", users)
    svc.usulan_bmd_catat_keputusan(
        user=pengurus, pk=hapus.pk, nomor="030/112/KPTS/BPKAD/2026", tanggal=today, penerbit="BPKAD"
    )
    return [*made, pelihara, hapus]
