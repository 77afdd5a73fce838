"""Builders for the distribusi blangko tests: deliveries and a kecamatan request driven through the services."""

from datetime import date

from piak.services import distribusi_blangko as svc


def terima(p, jenis: str = "ktp-el", jumlah: int = 100, sumber: str = "ditjen"):
    return svc.penerimaan_catat(user=p["adb"], jenis=jenis, jumlah=jumlah, sumber=sumber, tanggal=date(2026, 11, 2),
                                nomor_dokumen="B-1/DUK")  # fmt: skip


def minta(p, kecamatan: str = "Bintan Timur", items=None):
    data = svc.PermintaanData(kecamatan, date(2026, 11, 3), "Siti (operator)", items or {"ktp-el": (10, 50)})
    return svc.permintaan_catat(user=p["adb"], data=data)


def diputuskan(p, jumlah: dict[str, int], **kw):
    permintaan = minta(p, items={j: (0, n) for j, n in jumlah.items()}, **kw)
    svc.permintaan_usulkan(user=p["kasi_piak"], pk=permintaan.pk, jumlah=jumlah)
    svc.permintaan_putuskan(user=p["kabid_piak"], pk=permintaan.pk, jumlah=jumlah)
    return permintaan


def serahkan(p, permintaan, user=None):
    return svc.permintaan_serahkan(user=user or p["adb"], pk=permintaan.pk, penerima_nama="Siti Aminah",
                                   penerima_nip="198501012010012003", tanggal=date(2026, 11, 5))  # fmt: skip
