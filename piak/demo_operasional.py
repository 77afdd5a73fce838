"""Demo data of PIAK's operational registers, written through the services as the ADB would.

Backups: the weekly database backup with a restore verified last month, an older backup of the
configuration never verified (flagged). The server room: a vendor visit closed, an ADB still
inside. Database access: the ADB with a pakta integritas, an outside operator without (flagged).
Devices: two at the office and one at a kecamatan; one not yet checked this quarter (flagged).
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from dukcapil.models import User
from sekretariat.demo import _scan


def build_operasional_demo(users: dict[str, User]) -> list:
    from .services import operasional as svc

    adb, kasi = users["adb"], users["kasi_piak"]
    now, today = timezone.now(), timezone.localdate()
    made: list = []
    db = svc.backup_catat(user=adb, data={
        "jenis": "database", "waktu": now - timedelta(days=40), "media": "Hard disk eksternal 2 TB",
        "lokasi_penyimpanan": "Brankas ruang Kasi PIAK", "ukuran_mb": Decimal("48213.5"),
        "checksum": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    })  # fmt: skip
    svc.backup_uji_catat(user=adb, backup_pk=db.pk, tanggal=today - timedelta(days=30), hasil="berhasil",
                         catatan="Dipulihkan ke server uji; jumlah baris tabel biodata sama.")  # fmt: skip
    konfig = svc.backup_catat(user=adb, data={
        "jenis": "konfigurasi", "waktu": now - timedelta(days=120), "media": "Flashdisk terenkripsi",
        "lokasi_penyimpanan": "Lemari arsip ruang server", "ukuran_mb": Decimal("12.0"),
        "checksum": "d41d8cd98f00b204e9800998ecf8427e",
    })  # fmt: skip
    made += [db, konfig]
    made.append(svc.kunjungan_catat(user=adb, data={
        "nama_tamu": "Andi Saputra", "instansi": "CV Mitra Jaringan Kepri", "keperluan": "Penggantian switch",
        "masuk": now - timedelta(days=3, hours=2), "keluar": now - timedelta(days=3), "pendamping": adb,
        "kunci_diambil": True, "kunci_dikembalikan": True,
    }))  # fmt: skip
    made.append(svc.kunjungan_catat(user=kasi, data={
        "staf": adb, "keperluan": "Backup mingguan database SIAK", "masuk": now - timedelta(hours=1),
        "kunci_diambil": True,
    }))  # fmt: skip
    made.append(svc.akses_catat(user=kasi, data={
        "staf": adb, "hak": "admin", "diberikan": today - timedelta(days=400), "pakta": _scan("Pakta integritas ADB"),
    }))  # fmt: skip
    made.append(svc.akses_catat(user=kasi, data={
        "nama_luar": "Rudi Hartono", "instansi": "ADB Provinsi", "hak": "read", "diberikan": today - timedelta(days=10),
    }))  # fmt: skip
    perangkat = [
        ("perekam", "Perekam KTP-el Paket 1", "PKT-2019-0001", "Kantor Dinas"),
        ("server", "Server database SIAK", "SRV-2020-0001", "Kantor Dinas"),
        ("printer", "Printer kartu Evolis Primacy", "PRN-2021-0007", "Kecamatan Bintan Timur"),
    ]
    for index, (jenis, merek, seri, lokasi) in enumerate(perangkat):
        device = svc.perangkat_catat(user=adb, data={"jenis": jenis, "merek": merek, "nomor_seri": seri,
                                                     "lokasi": lokasi})  # fmt: skip
        if index < 2:  # the kecamatan printer is not checked yet this quarter
            svc.perangkat_periksa(user=adb, perangkat_pk=device.pk, tanggal=today,
                                  kondisi="baik" if index == 0 else "rusak_ringan",
                                  catatan="" if index == 0 else "Kipas pendingin berisik.")  # fmt: skip
        made.append(device)
    return made
