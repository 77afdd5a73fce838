"""The first command on a fresh clone without DATABASE_URL: ``bin/start``'s migrate and seed_demo
on SQLite with tasks in-process, then every plain screen answered for every demo user
(sqlite_walk.py). Run as subprocesses, as ``bin/start`` runs them."""

import json
import os
import subprocess
import sys
from pathlib import Path

from dukcapil.demo import DEMO_USERS
from dukcapil.kinerja.views import BUTUH_POSTGRESQL

ROOT = Path(__file__).resolve().parents[2]


def _manage(env: dict, *args: str, stdin: str | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, input=stdin, capture_output=True, text=True,
        timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, f"manage.py {' '.join(args)} failed:\n{done.stderr[-4000:]}"
    return done.stdout


def test_the_demo_office_runs_on_sqlite(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "CELERY_BROKER_URL", "DATABASE_REPLICA_URL"}}
    env |= {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "dukcapil.settings.local",
        "SECRET_KEY": "sqlite-demo-test-key-" + "x" * 40,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "TTE_DIR": str(tmp_path / "tte"),
    }
    _manage(env, "migrate", "--noinput", "-v0")
    seeded = _manage(env, "seed_demo")
    assert "Pengguna demo" in seeded
    walk = json.loads(
        _manage(env, "shell", stdin=(ROOT / "tests/dukcapil/sqlite_walk.py").read_text()).splitlines()[-1]
    )

    broken = sorted(k for k, code in walk["status"].items() if code >= 500 and " /kinerja/" not in k)
    assert broken == []
    assert sum(code == 200 for code in walk["status"].values()) > 500  # screens answered, not refused
    # every officer's kotak masuk opens; the Kasi's holds the demo's KK berkas
    for username, *_ in DEMO_USERS:
        assert walk["status"][f"{username} /kotak-masuk/"] == 200
    assert "KK-" in walk["pages"]["kasi /kotak-masuk/"]
    # the Kasi opens the first KK berkas of the demo, with its kartu kendali
    (kk_page,) = [k for k in walk["pages"] if k.startswith("kasi /berkas/KK-")]
    assert walk["status"][kk_page] == 200
    assert "Kartu kendali" in walk["pages"][kk_page]
    # the kinerja figures are PostgreSQL's: the demo says so instead of failing
    assert walk["status"]["kadis /kinerja/"] == 503
    assert BUTUH_POSTGRESQL in walk["pages"]["kadis /kinerja/"]
    assert json.loads(walk["pages"]["kadis /kinerja/api/"]) == {"detail": BUTUH_POSTGRESQL}
