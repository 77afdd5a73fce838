import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

# The kotak masuk action for each berkas state (Berkas.KOTAK_MASUK at the time of this migration).
KOTAK_MASUK = {
    "dikembalikan": "terima",
    "menunggu_konfirmasi": "entri",
    "diterima": "entri",
    "perbaikan": "entri",
    "verifikasi": "verifikasi",
    "validasi": "validasi",
    "tte": "tte",
    "siap_diambil": "serahkan",
}


def forward(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    KartuKendali = apps.get_model("dukcapil", "KartuKendali")
    WorkItem = apps.get_model("dukcapil", "WorkItem")
    Berkas = apps.get_model("dukcapil", "Berkas")
    ct, _ = ContentType.objects.get_or_create(app_label="dukcapil", model="berkas")
    KartuKendali.objects.update(content_type=ct, object_id=models.F("berkas_id"))
    items = [
        WorkItem(
            content_type=ct,
            object_id=b.pk,
            bidang_id=b.bidang_id,
            aksi=KOTAK_MASUK[b.status],
            status=b.status,
            sejak=b.status_sejak,
            standar_menit=(b.standar_waktu or {}).get(b.status),
            tenggat=b.tenggat,
        )
        for b in Berkas.objects.filter(status__in=list(KOTAK_MASUK)).iterator()
    ]
    WorkItem.objects.bulk_create(items, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("dukcapil", "0004_paket_konfirmasi"),
    ]

    operations = [
        migrations.CreateModel(
            name="UnitKerja",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kode", models.SlugField(max_length=60, unique=True, verbose_name="kode")),
                ("nama", models.CharField(max_length=200, verbose_name="nama")),
                (
                    "jenis",
                    models.CharField(
                        choices=[("seksi", "Seksi"), ("subbagian", "Subbagian")], max_length=10, verbose_name="jenis"
                    ),
                ),
                (
                    "bidang",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="unit",
                        to="dukcapil.bidang",
                        verbose_name="bidang",
                    ),
                ),
            ],
            options={"verbose_name": "unit kerja", "verbose_name_plural": "unit kerja", "ordering": ["bidang__nama", "nama"]},
        ),
        migrations.AddField(
            model_name="user",
            name="unit",
            field=models.ForeignKey(
                blank=True,
                help_text="Bila SOP menugaskan seksi atau subbagian tertentu.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                to="dukcapil.unitkerja",
                verbose_name="seksi/subbagian",
            ),
        ),
        migrations.AlterModelOptions(name="berkas", options={"verbose_name": "berkas", "verbose_name_plural": "berkas"}),
        migrations.CreateModel(
            name="WorkItem",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("object_id", models.BigIntegerField()),
                ("aksi", models.CharField(max_length=30, verbose_name="tindakan yang ditunggu")),
                ("status", models.CharField(max_length=30, verbose_name="status record")),
                ("sejak", models.DateTimeField(default=timezone.now, verbose_name="sejak")),
                ("standar_menit", models.PositiveIntegerField(blank=True, null=True, verbose_name="standar waktu (menit)")),
                ("tenggat", models.DateField(blank=True, null=True, verbose_name="tenggat")),
                ("selesai_pada", models.DateTimeField(blank=True, null=True, verbose_name="selesai")),
                (
                    "bidang",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="dukcapil.bidang",
                        verbose_name="bidang",
                    ),
                ),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="+", to="contenttypes.contenttype"
                    ),
                ),
                (
                    "pengguna",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="ditujukan kepada",
                    ),
                ),
            ],
            options={
                "verbose_name": "pekerjaan",
                "verbose_name_plural": "pekerjaan",
                "indexes": [
                    models.Index(
                        condition=models.Q(("selesai_pada__isnull", True)),
                        fields=["aksi", "bidang", "sejak"],
                        name="workitem_terbuka_idx",
                    ),
                    models.Index(
                        condition=models.Q(("pengguna__isnull", False), ("selesai_pada__isnull", True)),
                        fields=["pengguna", "sejak"],
                        name="workitem_pengguna_idx",
                    ),
                    models.Index(fields=["content_type", "object_id"], name="workitem_record_idx"),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("selesai_pada__isnull", True)),
                        fields=("content_type", "object_id", "aksi", "pengguna"),
                        name="workitem_satu_terbuka",
                        nulls_distinct=False,
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="kartukendali",
            name="content_type",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="contenttypes.contenttype"
            ),
        ),
        migrations.AddField(model_name="kartukendali", name="object_id", field=models.BigIntegerField(null=True)),
        migrations.RunPython(forward, migrations.RunPython.noop),
        migrations.RemoveField(model_name="kartukendali", name="berkas"),
        migrations.AlterField(
            model_name="kartukendali",
            name="content_type",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="contenttypes.contenttype"
            ),
        ),
        migrations.AlterField(model_name="kartukendali", name="object_id", field=models.BigIntegerField()),
        migrations.AlterModelOptions(
            name="kartukendali",
            options={
                "ordering": ["content_type", "object_id", "waktu", "pk"],
                "verbose_name": "kartu kendali",
                "verbose_name_plural": "kartu kendali",
            },
        ),
        migrations.AlterField(model_name="kartukendali", name="dari_status", field=models.CharField(max_length=30, verbose_name="dari")),
        migrations.AlterField(model_name="kartukendali", name="ke_status", field=models.CharField(max_length=30, verbose_name="ke")),
        migrations.AlterField(
            model_name="kartukendali",
            name="mulai",
            field=models.DateTimeField(help_text="Sejak kapan record berada di status asal.", verbose_name="mulai tahap"),
        ),
        migrations.AddIndex(
            model_name="kartukendali",
            index=models.Index(fields=["content_type", "object_id", "waktu"], name="kartu_kendali_record_idx"),
        ),
    ]
