"""A trigram index for the admin's search by part of a name (3M penduduk).

PostgreSQL only: the demo's SQLite has no pg_trgm, and a table that small needs no index. The
expression is the one Django writes for ``nama__icontains`` (``UPPER(nama::text) LIKE ...``)."""

from django.db import migrations

def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS penduduk_nama_trgm_idx ON pendaftaran_penduduk "
        "USING gin (UPPER(nama::text) gin_trgm_ops)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS penduduk_nama_trgm_idx")


class Migration(migrations.Migration):
    dependencies = [("pendaftaran", "0007_distribusi_blangko")]

    operations = [migrations.RunPython(create, drop)]
