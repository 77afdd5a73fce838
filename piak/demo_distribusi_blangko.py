"""Demo data of the distribusi blangko, driven through the services as PIAK's officers would: the
deliveries received from the Ditjen and the provinsi (no KIA blanks: the counter's demo keeps a KIA
berkas waiting for them); Kecamatan Bintan Timur's request proposed by
the Kasi, decided (less ribbon than asked, with the reason) by the Kabid and handed over with its
BAST; Kecamatan Gunung Kijang's request waiting for the Kasi."""

from datetime import timedelta

from django.utils import timezone

from dukcapil.models import User

PENERIMAAN = [
    ("ktp-el", 500, "ditjen", "B-123/DUK/2026"),
    ("ribbon", 10, "provinsi", "045/DUKCAPIL-PROV/2026"),
    ("film", 10, "provinsi", "045/DUKCAPIL-PROV/2026"),
    ("cleaning", 5, "provinsi", "045/DUKCAPIL-PROV/2026"),
]


def build_distribusi_blangko_demo(users: dict[str, User]) -> list:
    from .services import distribusi_blangko as svc

    adb, kasi, kabid = users["adb"], users["kasi_piak"], users["kabid_piak"]
    today = timezone.localdate()
    made: list = [
        svc.penerimaan_catat(user=adb, jenis=j, jumlah=n, sumber=s, tanggal=today - timedelta(days=7), nomor_dokumen=d)
        for j, n, s, d in PENERIMAAN
    ]
    data = svc.PermintaanData(
        "Bintan Timur", today - timedelta(days=3), "Siti Aminah (operator kecamatan)",
        {"ktp-el": (12, 150), "ribbon": (0, 3), "cleaning": (1, 1)}, "470/112/BT/2026",
    )  # fmt: skip
    selesai = svc.permintaan_catat(user=adb, data=data)
    svc.permintaan_usulkan(user=kasi, pk=selesai.pk, jumlah={"ktp-el": 150, "ribbon": 2, "cleaning": 1},
                           alasan={"ribbon": "Satu ribbon masih cukup untuk bulan ini."})  # fmt: skip
    svc.permintaan_putuskan(user=kabid, pk=selesai.pk, jumlah={"ktp-el": 150, "ribbon": 2, "cleaning": 1},
                            alasan={"ribbon": "Satu ribbon masih cukup untuk bulan ini."})  # fmt: skip
    svc.permintaan_serahkan(user=adb, pk=selesai.pk, penerima_nama="Siti Aminah", penerima_nip="198501012010012003")
    data = svc.PermintaanData(
        "Gunung Kijang", today - timedelta(days=1), "Budi Santoso (operator kecamatan)",
        {"ktp-el": (5, 100), "kia": (10, 50), "film": (0, 2)}, "470/087/GK/2026",
    )  # fmt: skip
    menunggu = svc.permintaan_catat(user=adb, data=data)
    return [*made, selesai, menunggu]
