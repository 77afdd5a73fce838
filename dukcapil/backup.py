"""Backups of the office (PostgreSQL + media) into one archive, and the restore drill.

Consistency: the backup opens one REPEATABLE READ transaction, exports its snapshot and runs
``pg_dump --snapshot`` on it, and reads the ``Dokumen`` rows (file path, sha256) in that same
snapshot. A signed document's file is written to the media store before its row commits and is
never changed afterwards, so every file a row in the dump points at is on disk when the files
are copied after the dump. The archive's ``manifest.json`` lists every file with its sha256 (the
document files and the rest of the media) and the dump's sha256.

The restore drill restores the dump into a fresh, temporary database and checks every document
file of the archive against the sha256 on its restored ``Dokumen`` row.
"""

import hashlib
import json
import os
import subprocess
import tarfile
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from django.conf import settings
from django.db import connection
from django.utils import timezone

from .models import Berkas, Dokumen, KartuKendali

DUMP = "database.dump"
MANIFEST = "manifest.json"
MEDIA = "media"


class BackupError(Exception):
    """The backup or the drill could not be done; the message says why (Indonesian)."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _pg(dbname: str | None = None) -> tuple[dict[str, str], list[str], str]:
    """Environment, connection arguments for the PostgreSQL tools, and a psycopg conninfo."""
    db = connection.settings_dict
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    args = [f"--host={db.get('HOST') or 'localhost'}", f"--port={db.get('PORT') or 5432}"]
    if db.get("USER"):
        args.append(f"--username={db['USER']}")
    info = psycopg.conninfo.make_conninfo(
        dbname=dbname or db["NAME"],
        host=db.get("HOST") or "localhost",
        port=str(db.get("PORT") or 5432),
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
    )
    return env, args, info


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{what} gagal (kode {done.returncode}): {done.stderr.strip()[-500:]}")


@dataclass
class BackupResult:
    path: Path
    dokumen: int
    files: int
    bytes: int


def backup_create(*, directory: Path) -> BackupResult:
    """Write ``dukcapil-backup-<UTC timestamp>.tar`` into ``directory``; returns what it holds."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    target = directory / f"dukcapil-backup-{stamp}.tar"
    media_root = Path(settings.MEDIA_ROOT)
    env, args, info = _pg()
    db_name = connection.settings_dict["NAME"]
    table = Dokumen._meta.db_table
    with tempfile.TemporaryDirectory(prefix="dukcapil-backup-") as tmp:
        work = Path(tmp)
        dump = work / DUMP
        with psycopg.connect(info) as snap:
            snap.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            snap.read_only = True
            with snap.cursor() as cur:
                cur.execute("SELECT pg_export_snapshot()")
                snapshot = cur.fetchone()[0]
                _run(
                    ["pg_dump", *args, "--format=custom", f"--snapshot={snapshot}", f"--file={dump}", db_name],
                    env,
                    "pg_dump",
                )
                cur.execute(f"SELECT berkas_pdf, sha256 FROM \"{table}\" WHERE berkas_pdf <> '' ORDER BY id")  # noqa: S608
                documents = cur.fetchall()
        files: dict[str, dict] = {}
        for name, sha256 in documents:
            source = media_root / name
            if not source.is_file():
                raise BackupError(f"Berkas dokumen {name} tidak ada di penyimpanan media; cadangan dihentikan.")
            files[name] = {"sha256": sha256, "dokumen": True}
        for source in sorted(media_root.rglob("*")) if media_root.is_dir() else []:
            name = source.relative_to(media_root).as_posix()
            if source.is_file() and name not in files:
                files[name] = {"sha256": None, "dokumen": False}
        partial = target.with_suffix(".tar.part")
        total = 0
        # files go straight from the media store into the archive (no second copy on disk)
        with tarfile.open(partial, "w") as archive:
            archive.add(dump, arcname=DUMP)
            for name, entry in files.items():
                source = media_root / name
                if not entry["dokumen"]:
                    entry["sha256"] = _sha256(source)
                entry["size"] = source.stat().st_size
                total += entry["size"]
                archive.add(source, arcname=f"{MEDIA}/{name}")
            manifest = {
                "dibuat": timezone.now().isoformat(),
                "database": {"file": DUMP, "sha256": _sha256(dump), "snapshot": snapshot},
                "dokumen": len(documents),
                "files": files,
            }
            (work / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
            archive.add(work / MANIFEST, arcname=MANIFEST)
        partial.rename(target)  # a crash never leaves a half archive under the final name
    return BackupResult(target, len(documents), len(files), total)


@dataclass
class DrillResult:
    database: str
    dokumen: int = 0
    cocok: int = 0
    hilang: list[str] = field(default_factory=list)
    berbeda: list[str] = field(default_factory=list)
    berkas_lain_berbeda: list[str] = field(default_factory=list)
    tabel: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not (self.hilang or self.berbeda or self.berkas_lain_berbeda)


def restore_drill(*, archive: Path, keep: bool = False) -> DrillResult:
    """Restore ``archive`` into a fresh database and check every document file against its row."""
    if not archive.is_file():
        raise BackupError(f"Arsip {archive} tidak ditemukan.")
    env, args, admin_info = _pg("postgres")
    name = f"dukcapil_restore_{timezone.now():%Y%m%d%H%M%S}_{uuid.uuid4().hex[:6]}"
    result = DrillResult(database=name)
    with tempfile.TemporaryDirectory(prefix="dukcapil-restore-") as tmp:
        work = Path(tmp)
        try:
            with tarfile.open(archive) as tar:
                tar.extractall(work, filter="data")
            manifest = json.loads((work / MANIFEST).read_text())
        except (tarfile.TarError, OSError, ValueError) as exc:
            raise BackupError(f"Arsip {archive.name} rusak atau bukan cadangan kantor: {exc}") from None
        if _sha256(work / DUMP) != manifest["database"]["sha256"]:
            raise BackupError("Dump basis data dalam arsip tidak cocok dengan manifest (arsip rusak).")
        with psycopg.connect(admin_info, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            _run(
                ["pg_restore", *args, "--no-owner", "--exit-on-error", f"--dbname={name}", str(work / DUMP)],
                env,
                "pg_restore",
            )
            _, _, info = _pg(name)
            with psycopg.connect(info) as restored:
                rows = restored.execute(
                    f"SELECT berkas_pdf, sha256 FROM \"{Dokumen._meta.db_table}\" WHERE berkas_pdf <> '' ORDER BY id"  # noqa: S608
                ).fetchall()
                for model in (Berkas, KartuKendali, Dokumen):
                    table = model._meta.db_table
                    result.tabel[model._meta.verbose_name_plural] = restored.execute(
                        f'SELECT count(*) FROM "{table}"'
                    ).fetchone()[0]  # noqa: S608
            for path, sha256 in rows:
                result.dokumen += 1
                copy = work / MEDIA / path
                if not copy.is_file():
                    result.hilang.append(path)
                elif _sha256(copy) != sha256:
                    result.berbeda.append(path)
                else:
                    result.cocok += 1
            for path, entry in manifest["files"].items():
                copy = work / MEDIA / path
                if not entry["dokumen"] and (not copy.is_file() or _sha256(copy) != entry["sha256"]):
                    result.berkas_lain_berbeda.append(path)
        finally:
            if not keep:
                with psycopg.connect(admin_info, autocommit=True) as admin:
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    return result
