"""The default queue lines (admin-editable afterwards): one per service bidang at the counter, as the
seeds' counter SOPs start («Mengambil nomor antri», 004; «Mengambil no.antrian KK», 001). Which
layanan each line opens and the lokets are the office's layout: set in admin (the demo sets them)."""

from datetime import time

DEFAULT_JALUR = [
    # (huruf, nama, keterangan on the kiosk button, urutan)
    ("A", "Pendaftaran Penduduk", "KK, KTP-el, KIA, pindah/datang", 1),
    ("B", "Pencatatan Sipil", "Akta kelahiran, kematian, perkawinan, perceraian", 2),
]


def load(apps=None) -> None:
    """Create the default lines that are missing (never changes a line the office edited)."""
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    jalur = apps.get_model("antrian", "JalurAntrian")
    for huruf, nama, keterangan, urutan in DEFAULT_JALUR:
        jalur.objects.get_or_create(
            huruf=huruf,
            defaults={"nama": nama, "keterangan": keterangan, "urutan": urutan, "kuota_harian": 150,
                      "jam_buka": time(8, 0), "jam_tutup": time(15, 0)},
        )  # fmt: skip
