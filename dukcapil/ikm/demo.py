"""Demo data of the IKM, called from ``dukcapil.demo``: last semester's survey (120 respondents
over six layanan, answers drawn from fixed per-unsur tendencies so the index is a plausible «B»
with waktu penyelesaian the weakest unsur), a few answers of this semester, and last semester's
report drawn up by the Kasi PIAK as a naskah and submitted (in progress in the naskah chain)."""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from dukcapil.models import Layanan, User

from .choices import RESPONDEN, UNSUR, Saluran
from .models import ResponIKM
from .selectors import rentang_semester

LAYANAN = ["kk", "ktp-el", "kia", "akta-kelahiran", "akta-kematian", "skpwni"]
# chance of the scores 1, 2, 3, 4 per unsur (U4: the services are free of charge)
KECENDERUNGAN = {
    "u1": (2, 8, 60, 30), "u2": (3, 12, 60, 25), "u3": (6, 24, 52, 18), "u4": (0, 2, 8, 90),
    "u5": (2, 8, 62, 28), "u6": (1, 7, 60, 32), "u7": (1, 5, 54, 40), "u8": (5, 17, 55, 23),
    "u9": (4, 16, 56, 24),
}  # fmt: skip
SARAN = [
    "Antrian pagi terlalu panjang, mohon tambah loket.",
    "Petugas ramah dan sigap, terima kasih.",
    "Ruang tunggu panas, kipas angin kurang.",
    "Informasi persyaratan di papan pengumuman kurang jelas.",
    "Dokumen selesai lebih lambat dari yang dijanjikan.",
    "Mohon ada layanan jemput bola untuk lansia.",
    "Kursi tunggu kurang, banyak yang berdiri.",
    "Pelayanan cepat, semoga dipertahankan.",
]
UMUR_BOBOT = (18, 30, 26, 16, 10)
PENDIDIKAN_BOBOT = (10, 16, 38, 10, 4, 18, 3, 1)
PEKERJAAN_BOBOT = (12, 2, 2, 34, 28, 22)


def _semester_lalu(today) -> tuple[int, int]:
    return (today.year, 1) if today.month > 6 else (today.year - 1, 2)


def _respon(rng: random.Random, layanan: list[Layanan], when: datetime, saluran: str) -> ResponIKM:
    scores = {u.kode: rng.choices((1, 2, 3, 4), weights=KECENDERUNGAN[u.kode])[0] for u in UNSUR}
    facts = {}
    for (name, _label, choices), weights in zip(
        RESPONDEN, (UMUR_BOBOT, (50, 50), PENDIDIKAN_BOBOT, PEKERJAAN_BOBOT), strict=True
    ):
        facts[name] = rng.choices(choices.values, weights=weights)[0]
    return ResponIKM(
        waktu=when,
        tanggal=timezone.localdate(when),
        layanan=rng.choice(layanan),
        saluran=saluran,
        saran=rng.choice(SARAN) if rng.random() < 0.25 else "",
        **scores,
        **facts,
    )


def _waktu(rng: random.Random, awal, hari: int) -> datetime:
    day = awal + timedelta(days=rng.randrange(max(hari, 1)))
    return timezone.make_aware(datetime.combine(day, time(8 + rng.randrange(7), rng.randrange(60))))


def build_ikm_demo(users: dict[str, User]) -> list:
    from sekretariat.services.naskah import naskah_ajukan

    from .services import laporan_ikm_susun

    rng = random.Random(2017)  # Permenpan-RB 14/2017
    layanan = list(Layanan.objects.filter(kode__in=LAYANAN).order_by("kode"))
    today = timezone.localdate()
    tahun, semester = _semester_lalu(today)
    awal, akhir = rentang_semester(tahun, semester)
    saluran = [Saluran.RESI, Saluran.LOKET, Saluran.KIOS]
    rows = [_respon(rng, layanan, _waktu(rng, awal, (akhir - awal).days + 1), rng.choice(saluran)) for _ in range(120)]
    awal_ini, _ = rentang_semester(today.year, 1 if today.month <= 6 else 2)
    rows += [_respon(rng, layanan, _waktu(rng, awal_ini, (today - awal_ini).days), Saluran.KIOS) for _ in range(24)]
    made = ResponIKM.objects.bulk_create(rows)

    kasi = users["kasi_piak"]
    laporan = laporan_ikm_susun(
        user=kasi,
        tahun=tahun,
        semester=semester,
        analisis=(
            "Mutu pelayanan «Baik». Unsur terendah adalah waktu penyelesaian: responden menilai dokumen selesai "
            "lebih lambat dari janji layanan, terutama pada hari Senin. Biaya dinilai tertinggi karena seluruh "
            "layanan gratis."
        ),
        rencana_tindak_lanjut=(
            "1. Menambah satu loket pada Senin dan Selasa pagi.\n"
            "2. Memantau keterlambatan per langkah dari kartu kendali setiap minggu.\n"
            "3. Memperbaiki papan informasi persyaratan dan menambah kursi ruang tunggu."
        ),
    )
    naskah_ajukan(pk=laporan.naskah_id, user=kasi)
    return [*made, laporan]
