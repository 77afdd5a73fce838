import django.db.models.deletion
from django.db import migrations, models


def forward(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Berkas = apps.get_model("dukcapil", "Berkas")
    Dokumen = apps.get_model("dukcapil", "Dokumen")
    HistoricalDokumen = apps.get_model("dukcapil", "HistoricalDokumen")
    BatchTTEItem = apps.get_model("dukcapil", "BatchTTEItem")
    ct, _ = ContentType.objects.get_or_create(app_label="dukcapil", model="berkas")
    names = dict(Berkas.objects.values_list("pk", "pemohon_nama"))
    for model in (Dokumen, HistoricalDokumen):
        model.objects.update(content_type=ct, object_id=models.F("berkas_id"))
        for dokumen in model.objects.filter(berkas_id__isnull=False).only("pk", "berkas_id").iterator():
            model.objects.filter(pk=dokumen.pk).update(subjek_nama=names.get(dokumen.berkas_id, "")[:200])
    BatchTTEItem.objects.update(content_type=ct, object_id=models.F("berkas_id"))


def ct_field(null: bool):
    return models.ForeignKey(
        null=null, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="contenttypes.contenttype"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("dukcapil", "0005_workflow_core"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="dokumen", name="dokumen_satu_per_jenis"),
        migrations.RemoveConstraint(model_name="batchtteitem", name="batch_item_unik"),
        migrations.AddField(model_name="dokumen", name="content_type", field=ct_field(True)),
        migrations.AddField(model_name="dokumen", name="object_id", field=models.BigIntegerField(null=True)),
        migrations.AddField(
            model_name="dokumen",
            name="subjek_nama",
            field=models.CharField(blank=True, max_length=200, verbose_name="atas nama"),
        ),
        migrations.AddField(
            model_name="historicaldokumen",
            name="content_type",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="contenttypes.contenttype",
            ),
        ),
        migrations.AddField(model_name="historicaldokumen", name="object_id", field=models.BigIntegerField(null=True)),
        migrations.AddField(
            model_name="historicaldokumen",
            name="subjek_nama",
            field=models.CharField(blank=True, max_length=200, verbose_name="atas nama"),
        ),
        migrations.AddField(model_name="batchtteitem", name="content_type", field=ct_field(True)),
        migrations.AddField(model_name="batchtteitem", name="object_id", field=models.BigIntegerField(null=True)),
        migrations.RunPython(forward, migrations.RunPython.noop),
        migrations.RemoveField(model_name="dokumen", name="berkas"),
        migrations.RemoveField(model_name="historicaldokumen", name="berkas"),
        migrations.RemoveField(model_name="batchtteitem", name="berkas"),
        migrations.AlterField(model_name="dokumen", name="content_type", field=ct_field(False)),
        migrations.AlterField(model_name="dokumen", name="object_id", field=models.BigIntegerField()),
        migrations.AlterField(model_name="historicaldokumen", name="object_id", field=models.BigIntegerField()),
        migrations.AlterField(model_name="batchtteitem", name="content_type", field=ct_field(False)),
        migrations.AlterField(model_name="batchtteitem", name="object_id", field=models.BigIntegerField()),
        migrations.AddConstraint(
            model_name="dokumen",
            constraint=models.UniqueConstraint(
                fields=("content_type", "object_id", "jenis"), name="dokumen_satu_per_jenis"
            ),
        ),
        migrations.AddIndex(
            model_name="dokumen", index=models.Index(fields=["content_type", "object_id"], name="dokumen_record_idx")
        ),
        migrations.AddConstraint(
            model_name="batchtteitem",
            constraint=models.UniqueConstraint(fields=("batch", "content_type", "object_id"), name="batch_item_unik"),
        ),
    ]
