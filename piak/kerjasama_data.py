"""Default data of kerja sama and permintaan data: the two jenis naskah the Kasi PIAK writes to a
requesting lembaga (the reply sending the data, and the refusal without an active PKS). Both are
initialled by the Kabid PIAK and the Sekretaris (P.6.3 step 5), numbered by the Sekretariat and
signed by the Kadis. Loaded after every migrate (post_migrate in piak/apps.py); idempotent."""

from django.apps import apps as django_apps

TEMPLAT_BALASAN = (
    "<p>Menindaklanjuti surat Saudara perihal permintaan data kependudukan, bersama ini kami sampaikan "
    "bahwa data telah diolah sesuai perjanjian kerja sama yang berlaku dan dikirimkan melalui saluran "
    "yang disepakati.</p>"
)
TEMPLAT_PENOLAKAN = (
    "<p>Menindaklanjuti surat Saudara perihal permintaan data kependudukan, dengan hormat kami sampaikan "
    "bahwa permintaan tersebut belum dapat kami penuhi karena belum terdapat perjanjian kerja sama "
    "pemanfaatan data yang berlaku.</p>"
)
JENIS = [
    ("balasan-permintaan-data", "Surat Balasan Permintaan Data", TEMPLAT_BALASAN, 40),
    ("penolakan-permintaan-data", "Surat Penolakan Permintaan Data", TEMPLAT_PENOLAKAN, 41),
]


def load(apps=None) -> None:
    apps = apps or django_apps  # the migration's historical apps, or the live registry
    jenis_naskah = apps.get_model("sekretariat", "JenisNaskah")
    for kode, nama, templat, urutan in JENIS:
        jenis_naskah.objects.get_or_create(
            kode=kode,
            defaults={"nama": nama, "tata": "surat_dinas", "rute_paraf": ["kabid", "sekretaris"],
                      "templat_isi": templat, "urutan": urutan},
        )  # fmt: skip
