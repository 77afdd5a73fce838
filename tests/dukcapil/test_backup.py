"""manage.py backup and restore_drill end to end on PostgreSQL: dump + media in one archive,
restored into a fresh database, every document file checked against its Dokumen row."""

import json
import re
import tarfile
import time
from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from dukcapil.choices import Status
from dukcapil.models import Dokumen
from tests.factories import berkas_in, sign


def _restored_databases() -> set[str]:
    with connection.cursor() as cur:
        cur.execute("SELECT datname FROM pg_database WHERE datname LIKE 'dukcapil_restore_%%'")
        return {row[0] for row in cur.fetchall()}


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_drill_checks_every_document(team, tmp_path):
    # given signed KK berkas (their KK and resi PDFs in the media store)
    berkas = [berkas_in(Status.TTE, team, seq=n) for n in (1, 2)]
    sign(berkas, team["kadis"])
    documents = {d.berkas_pdf.name: d.sha256 for d in Dokumen.objects.all()}
    assert len(documents) == 4  # a resi and a signed KK each

    # when the office backs up
    out = StringIO()
    started = time.monotonic()
    call_command("backup", str(tmp_path / "cadangan"), stdout=out)
    took_backup = time.monotonic() - started
    archive = next((tmp_path / "cadangan").glob("dukcapil-backup-*.tar"))
    assert re.fullmatch(r"dukcapil-backup-\d{8}T\d{6}Z\.tar", archive.name)
    assert f"Cadangan dibuat: {archive}" in out.getvalue() and "4 dokumen" in out.getvalue()
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        manifest = json.load(tar.extractfile("manifest.json"))
    assert "database.dump" in names
    assert {n: f["sha256"] for n, f in manifest["files"].items() if f["dokumen"]} == documents
    assert all(f"media/{name}" in names for name in documents)

    # then the drill restores it into a fresh database and finds every document intact
    before = _restored_databases()
    out = StringIO()
    started = time.monotonic()
    call_command("restore_drill", str(archive), stdout=out)
    took_drill = time.monotonic() - started
    print(f"\nbackup {took_backup:.1f} s, restore drill {took_drill:.1f} s ({archive.stat().st_size} bytes)")
    report = out.getvalue()
    assert "Dokumen diperiksa: 4; cocok: 4; hilang: 0; hash berbeda: 0" in report
    assert "berkas: 2 baris" in report
    assert "Latihan pemulihan BERHASIL" in report
    restored = re.search(r"Basis data pemulihan: (\S+) \(dihapus\)", report).group(1)
    assert restored.startswith("dukcapil_restore_")
    assert _restored_databases() == before  # the drill's database is dropped

    # and a tampered document file fails the drill, naming the file
    tampered = tmp_path / "rusak.tar"
    signed = next(name for name, d in documents.items() if "-kk" in name)
    with tarfile.open(archive) as src, tarfile.open(tampered, "w") as dst:
        for member in src.getmembers():
            data = src.extractfile(member) if member.isfile() else None
            if member.name == f"media/{signed}":
                body = bytearray(data.read())
                body[-10] ^= 0xFF
                member.size = len(body)
                data = BytesIO(bytes(body))
            dst.addfile(member, data)
    err = StringIO()
    with pytest.raises(CommandError, match="Latihan pemulihan GAGAL"):
        call_command("restore_drill", str(tampered), stdout=StringIO(), stderr=err)
    assert f"BERBEDA {signed}" in err.getvalue()


def test_restore_drill_refuses_a_missing_archive(tmp_path):
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("restore_drill", str(tmp_path / "tidak-ada.tar"))
