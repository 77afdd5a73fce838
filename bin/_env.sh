# Shared by bin/start and bin/test: a virtualenv with the project installed, reinstalled only
# when pyproject.toml changes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON_BIN=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "==> membuat virtualenv .venv"
  "$PYTHON_BIN" -m venv .venv
fi
# shellcheck disable=SC1091
. .venv/bin/activate
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)-$1"
if [ ! -f "$stamp" ]; then
  echo "==> memasang dependensi ($1)"
  python -m pip install -q --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
  if [ "$1" = test ]; then spec=".[test]"; else spec="."; fi
  python -m pip install -q -e "$spec" 2>&1 | grep -v '^WARNING: Location' || true
  python -c "import django, django_fsm, celery, reportlab" || { echo "Gagal memasang dependensi." >&2; exit 1; }
  rm -f .venv/.installed-*-"$1"
  touch "$stamp"
fi
