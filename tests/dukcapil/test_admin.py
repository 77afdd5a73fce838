"""Records that the workflow writes are looked up in admin, never added or edited there."""

import pytest
from django.urls import reverse

from dukcapil.choices import Role, Status
from dukcapil.models import Berkas, Dokumen, Pengambilan, PercobaanTTE
from pendaftaran.models import Keluarga, MutasiBlangko, Penduduk, PermohonanKK
from tests.factories import berkas_in, staff

pytestmark = pytest.mark.django_db

# model -> (may it be deleted here?, may it be changed here?)
RULES = {
    Berkas: (False, True),
    Dokumen: (False, True),
    Pengambilan: (False, True),
    PercobaanTTE: (False, False),
    Keluarga: (True, True),
    Penduduk: (True, True),
    PermohonanKK: (True, True),
    MutasiBlangko: (False, False),
}


@pytest.fixture
def superuser(client):
    user = staff(Role.ADMIN, bidang=None, is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def test_workflow_records_cannot_be_added_and_are_deleted_only_where_allowed(rf, superuser):
    from django.contrib import admin

    request = rf.get("/")
    request.user = superuser
    for model, (deletable, changeable) in RULES.items():
        model_admin = admin.site._registry[model]
        assert not model_admin.has_add_permission(request), model
        assert model_admin.has_delete_permission(request) is deletable, model
        assert model_admin.has_change_permission(request) is changeable, model


def test_change_pages_show_every_field_read_only(client, team, superuser):
    berkas = berkas_in(Status.SIAP_DIAMBIL, team)
    keluarga = berkas.permohonan_kk.keluarga
    dokumen = Dokumen.objects.filter(berkas=berkas).first()
    for obj in (berkas, dokumen, keluarga, keluarga.anggota.first(), berkas.permohonan_kk):
        opts = obj._meta
        page = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
        assert page.status_code == 200, opts.model_name
        form = page.context["adminform"].form
        assert not form.fields, f"{opts.model_name}: editable {sorted(form.fields)}"
    # the rows listed under a record (kartu kendali, family members) are read-only too
    for url in (
        reverse("admin:dukcapil_berkas_change", args=[berkas.pk]),
        reverse("admin:pendaftaran_keluarga_change", args=[keluarga.pk]),
    ):
        for inline in client.get(url).context["inline_admin_formsets"]:
            assert inline.formset.forms
            for form in inline.formset.forms:
                assert all(field.widget.is_hidden for field in form.fields.values())
    # the PDF file itself is left out of the document's page
    page = client.get(reverse("admin:dukcapil_dokumen_change", args=[dokumen.pk]))
    assert "berkas_pdf" not in page.context["adminform"].readonly_fields
