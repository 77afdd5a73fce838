"""Settings for more than one machine: the read replica and PgBouncer come from the environment."""

import json
import os
import subprocess
import sys

import yaml
from django.conf import settings

PRINT = (
    "import json; from django.conf import settings; "
    "print(json.dumps({a: {'host': d['HOST'], 'cursors': d.get('DISABLE_SERVER_SIDE_CURSORS', False)} "
    "for a, d in settings.DATABASES.items()}))"
)


def databases(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_REPLICA_URL", "DB_PGBOUNCER")}
    env.update(DJANGO_SETTINGS_MODULE="dukcapil.settings.test", **extra)
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + PRINT],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def test_no_replica_and_server_side_cursors_by_default():
    assert list(databases()) == ["default"]
    assert databases()["default"]["cursors"] is False


def test_a_replica_url_adds_the_replica_and_pgbouncer_disables_server_side_cursors():
    found = databases(DATABASE_REPLICA_URL="postgres://u@replika.internal:6432/dukcapil", DB_PGBOUNCER="true")
    assert found["replica"]["host"] == "replika.internal"
    assert found["replica"]["cursors"] is True and found["default"]["cursors"] is True


def test_compose_runs_beat_once_and_every_app_container_through_pgbouncer():
    compose = yaml.safe_load((settings.BASE_DIR / "docker-compose.yml").read_text())
    services = compose["services"]
    assert services["beat"]["deploy"]["replicas"] == 1
    for name in ("web", "worker", "beat"):
        env = services[name]["environment"]
        assert "@pgbouncer:6432/" in env["DATABASE_URL"]
        assert "@pgbouncer-replika:6432/" in env["DATABASE_REPLICA_URL"]
    assert services["pgbouncer"]["environment"]["POOL_MODE"] == "transaction"
    assert "--appendonly" in services["redis"]["command"]
