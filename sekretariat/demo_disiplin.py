"""Demo disiplin: one case with a teguran lisan and an SP I (its naskah konsep) for a demo employee (data
pegawai), and a closed case (the employee improved after a teguran lisan) for another."""

from datetime import timedelta

from django.utils import timezone

from . import disiplin_data
from .selectors.presensi import pegawai_aktif
from .services import disiplin as svc


def build_disiplin_demo(users) -> list:
    disiplin_data.load()
    kasubag = users["kasubag"]
    pegawai, lain = (list(pegawai_aktif().exclude(pengguna=kasubag).order_by("-pk")[:2]) + [None, None])[:2]
    if pegawai is None:
        return []
    kasus = svc.disiplin_buka(user=kasubag, pegawai_id=pegawai.pk)
    today = timezone.localdate()
    made = [kasus]
    for tingkat, days, pelanggaran in (
        ("lisan", 30, "Terlambat masuk kerja 6 kali dalam sebulan tanpa keterangan."),
        ("sp1", 10, "Tidak masuk kerja 3 hari tanpa keterangan setelah teguran lisan."),
    ):
        made.append(
            svc.disiplin_langkah(
                user=kasubag,
                kasus_pk=kasus.pk,
                tingkat=tingkat,
                tanggal=today - timedelta(days=days),
                pelanggaran=pelanggaran,
            )  # fmt: skip
        )
    if lain is not None:
        selesai = svc.disiplin_buka(user=kasubag, pegawai_id=lain.pk)
        svc.disiplin_langkah(
            user=kasubag,
            kasus_pk=selesai.pk,
            tingkat="lisan",
            tanggal=today - timedelta(days=60),
            pelanggaran="Terlambat masuk kerja 5 kali dalam sebulan tanpa keterangan.",
        )
        made.append(
            svc.disiplin_tutup(
                user=kasubag,
                kasus_pk=selesai.pk,
                cara="membaik",
                alasan="Selama dua bulan pengawasan pegawai hadir tepat waktu setiap hari.",
            )
        )
    return made
