"""The questionnaire of Permenpan-RB No. 14 Tahun 2017 (Pedoman Penyusunan Survei Kepuasan
Masyarakat Unit Penyelenggara Pelayanan Publik), Lampiran: the nine unsur (Bab II huruf A), the
answer texts of its example questionnaire on the scale 1–4 (Bab III, «kuesioner»), and the
respondent facts that questionnaire asks (umur, jenis kelamin, pendidikan, pekerjaan). The
respondent's name is never asked.

The scale of each answer is its position: the first text scores 1, the fourth 4.
"""

from dataclasses import dataclass

from django.db import models

from dukcapil.choices import JenisKelamin  # the same list as the register's; re-exported here


@dataclass(frozen=True)
class Unsur:
    kode: str  # "u1".."u9", the field on ResponIKM
    nama: str
    pertanyaan: str
    jawaban: tuple[str, str, str, str]  # scores 1, 2, 3, 4


UNSUR: tuple[Unsur, ...] = (
    Unsur(
        "u1",
        "Persyaratan",
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    Unsur(
        "u2",
        "Sistem, mekanisme dan prosedur",
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    ),
    Unsur(
        "u3",
        "Waktu penyelesaian",
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
    ),
    Unsur(
        "u4",
        "Biaya/tarif",
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
    ),
    Unsur(
        "u5",
        "Produk spesifikasi jenis pelayanan",
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar "
        "pelayanan dengan hasil yang diberikan?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    Unsur(
        "u6",
        "Kompetensi pelaksana",
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
    ),
    Unsur(
        "u7",
        "Perilaku pelaksana",
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
        ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"),
    ),
    Unsur(
        "u8",
        "Penanganan pengaduan, saran dan masukan",
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"),
    ),
    Unsur(
        "u9",
        "Sarana dan prasarana",
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        ("Buruk", "Cukup", "Baik", "Sangat baik"),
    ),
)
KODE_UNSUR = tuple(u.kode for u in UNSUR)


class KelompokUmur(models.TextChoices):
    # the questionnaire asks the age in years; the survey keeps only its group
    SAMPAI_25 = "17-25", "17–25 tahun"
    SAMPAI_35 = "26-35", "26–35 tahun"
    SAMPAI_45 = "36-45", "36–45 tahun"
    SAMPAI_55 = "46-55", "46–55 tahun"
    LEBIH_55 = "56+", "56 tahun ke atas"


class Pendidikan(models.TextChoices):
    SD = "sd", "SD ke bawah"
    SMP = "smp", "SMP"
    SMA = "sma", "SMA"
    D123 = "d1-d3", "D1–D2–D3"
    D4 = "d4", "D4"
    S1 = "s1", "S1"
    S2 = "s2", "S2"
    S3 = "s3", "S3"


class Pekerjaan(models.TextChoices):
    PNS = "pns", "PNS"
    TNI = "tni", "TNI"
    POLRI = "polri", "POLRI"
    SWASTA = "swasta", "Swasta"
    WIRAUSAHA = "wirausaha", "Wirausaha"
    LAINNYA = "lainnya", "Lainnya"


class Saluran(models.TextChoices):
    RESI = "resi", "Tautan/QR pada resi"
    LOKET = "loket", "QR di loket"
    KIOS = "kios", "Kios tablet"


RESPONDEN = (
    ("kelompok_umur", "Kelompok umur", KelompokUmur),
    ("jenis_kelamin", "Jenis kelamin", JenisKelamin),
    ("pendidikan", "Pendidikan", Pendidikan),
    ("pekerjaan", "Pekerjaan", Pekerjaan),
)
