"""Default reference data: the layanan a citizen may apply for online (edited in admin afterwards).

PELITA 3 (Pekanbaru SOP, step 1: «secara online melalui media pelayanan online») is the bundle of
akta perceraian, KK and KTP-el from one application; akta kelahiran (applied for by a parent) too."""

DEFAULT_LAYANAN_ONLINE = ["pelita3", "akta-kelahiran"]


def load(apps=None) -> int:
    from django.apps import apps as global_apps

    apps = apps or global_apps
    Layanan = apps.get_model("dukcapil", "Layanan")
    LayananOnline = apps.get_model("warga", "LayananOnline")
    if LayananOnline.objects.exists():  # the office's own list, once edited, is kept
        return 0
    made = 0
    for urutan, kode in enumerate(DEFAULT_LAYANAN_ONLINE, start=1):
        layanan = Layanan.objects.filter(kode=kode).first()
        if layanan is not None:
            LayananOnline.objects.create(layanan=layanan, urutan=urutan)
            made += 1
    return made
