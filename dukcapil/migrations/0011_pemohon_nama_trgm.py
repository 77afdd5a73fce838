"""Trigram index on Berkas.pemohon_nama for the staff search (PostgreSQL only).

The index is not declared on the model (a GinIndex with gin_trgm_ops cannot exist on SQLite); it
is created here only when the database is PostgreSQL. TrigramExtension itself is a no-op elsewhere.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEX = "berkas_pemohon_nama_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON dukcapil_berkas USING gin (pemohon_nama gin_trgm_ops)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("dukcapil", "0010_kunci_subjek"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_index, drop_index),
    ]
