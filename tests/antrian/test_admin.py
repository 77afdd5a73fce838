"""The office edits lines and lokets in admin; tickets and calls are read there, never changed, and
a ticket's NIK and token stay out of it."""

import pytest
from django.urls import reverse

from dukcapil.antrian import services as svc
from dukcapil.antrian.models import SumberTiket
from dukcapil.choices import Role
from tests.factories import staff

from .conftest import SELASA, pada

pytestmark = pytest.mark.django_db


def test_admin_lists_edit_lines_and_read_tickets(client, antrian):
    admin = staff(Role.ADMIN, bidang=None, is_staff=True, is_superuser=True)
    client.force_login(admin)
    t = svc.tiket_terbitkan(jalur=antrian["a"], tanggal=SELASA.date(), sumber=SumberTiket.ONLINE, now=pada(8),
                            nik="2102015708850001", email="warga@example.com")  # fmt: skip
    svc.tiket_panggil_berikut(loket_id=antrian["loket"][1].pk, user=antrian["fo1"], now=pada(9))
    for name in ("jalurantrian", "loket", "tiket", "panggilan"):
        assert client.get(reverse(f"admin:antrian_{name}_changelist")).status_code == 200, name
    jalur = client.get(reverse("admin:antrian_jalurantrian_change", args=[antrian["a"].pk]))
    assert "kuota_harian" in jalur.context["adminform"].form.fields

    page = client.get(reverse("admin:antrian_tiket_change", args=[t.pk]))
    assert page.status_code == 200 and not page.context["adminform"].form.fields
    html = page.content.decode()
    assert "2102015708850001" not in html and str(t.token) not in html
    assert client.get(reverse("admin:antrian_tiket_add")).status_code == 403
    assert client.post(reverse("admin:antrian_tiket_delete", args=[t.pk]), {"post": "yes"}).status_code == 403
