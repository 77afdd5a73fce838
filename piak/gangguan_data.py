"""Default data of gangguan: the jenis naskah of the monthly monitoring report (Lumajang «SOP
Monitoring Jaringan Komunikasi Data» step 6: the Kabid checks and signs it). Idempotent."""

from django.apps import apps as django_apps

TEMPLAT_LAPORAN = (
    "<p>Berikut laporan berkala monitoring jaringan komunikasi data, SIAK dan perangkat.</p>"
    "<table><tr><th>Kategori gangguan</th><th>Jumlah</th></tr><tr><td>...</td><td>...</td></tr></table>"
)


TEMPLAT_SPJ = (
    "<p>Bersama ini disampaikan laporan hasil perbaikan peralatan jaringan komunikasi data SIAK oleh "
    "rekanan pemeliharaan beserta pertanggungjawaban (SPJ) biayanya.</p>"
)


def load(apps=None) -> None:
    apps = apps or django_apps  # the migration's historical apps, or the live registry
    apps.get_model("sekretariat", "JenisNaskah").objects.get_or_create(
        kode="laporan-monitoring-jaringan",
        defaults={"nama": "Laporan Monitoring Jaringan", "tata": "berjudul", "rute_paraf": ["kabid"],
                  "templat_isi": TEMPLAT_LAPORAN, "urutan": 30},
    )  # fmt: skip
    # Bintan «Pemeliharaan Sistem Jarkomdat SIAK» steps 3–6: Kasi → Kabid → Sekretaris → Kadis
    apps.get_model("sekretariat", "JenisNaskah").objects.get_or_create(
        kode="spj-perbaikan-jaringan",
        defaults={"nama": "Laporan Hasil Perbaikan dan SPJ Jarkomdat", "tata": "berjudul",
                  "rute_paraf": ["kabid", "sekretaris"], "templat_isi": TEMPLAT_SPJ, "urutan": 31},
    )  # fmt: skip
