"""A record that is not a berkas (tests/signable_app: a naskah dinas, as the Sekretariat will add it)
goes through the same core: permissions table, kotak masuk, kartu kendali, one TTE batch beside
berkas, and a QR verification page that verifies its signed PDF."""

import io

import pytest
from django.urls import reverse

from dukcapil.choices import Role, Status
from dukcapil.exceptions import BerkasForbidden
from dukcapil.models import Bidang, Dokumen, KartuKendali, WorkItem
from dukcapil.tte.services import record_ref
from dukcapil.workflow.services import record_act
from tests.factories import TTE_PASSPHRASE, berkas_in, committed, staff
from tests.signable_app.models import NaskahUji

pytestmark = pytest.mark.django_db


def naskah() -> NaskahUji:
    return NaskahUji.objects.create(
        bidang=Bidang.objects.get(kode="sekretariat"),
        nomor_naskah="470/123/DISDUKCAPIL/2026",
        perihal="Data agregat kependudukan",
        kepada="Kepala Bappeda Kabupaten Bintan",
    )


def ajukan(record: NaskahUji, user) -> NaskahUji:
    return record_act(model=NaskahUji, pk=record.pk, method="ajukan", user=user, label="Ajukan untuk TTE")


def test_only_a_role_the_table_grants_may_submit_the_naskah(team):
    record = naskah()
    with pytest.raises(BerkasForbidden, match="Peran Anda tidak berwenang: «Ajukan untuk TTE»"):
        ajukan(record, team["loket"])
    record.refresh_from_db()
    assert record.status == "konsep"
    assert ajukan(record, staff(Role.STAF, bidang="sekretariat")).status == "tte"


def test_the_kadis_signs_a_naskah_and_a_berkas_in_one_batch_and_the_naskah_verifies(client, team):
    # given: a naskah waiting for TTE beside a berkas waiting for TTE
    record = ajukan(naskah(), staff(Role.STAF, bidang="sekretariat"))
    berkas = berkas_in(Status.TTE, team)
    client.force_login(team["kadis"])
    inbox = client.get(reverse("kotak-masuk")).content.decode()
    assert record.nomor_naskah in inbox and "Naskah dinas: Data agregat kependudukan" in inbox
    assert berkas.nomor_registrasi in inbox
    refs = [record_ref(record), record_ref(berkas)]
    assert all(f'value="{ref}"' in inbox for ref in refs)

    # when: both are ticked and signed with one passphrase
    with committed():
        response = client.post(reverse("tte-batch-start"), {"record": refs, "passphrase": TTE_PASSPHRASE})

    # then: both are signed; the naskah is issued and left the Kadis's kotak masuk
    assert response.status_code == 302
    progress = client.get(response["Location"]).content.decode()
    assert "2</strong> dari 2 dokumen ditandatangani" in progress and record.nomor_naskah in progress
    record.refresh_from_db()
    berkas.refresh_from_db()
    assert (record.status, berkas.status) == ("terbit", Status.SIAP_DIAMBIL)
    assert not WorkItem.objects.filter(object_id=record.pk, selesai_pada__isnull=True, aksi="tte").exists()
    cards = KartuKendali.objects.filter(content_type__model="naskahuji", object_id=record.pk).order_by("waktu", "pk")
    assert [(c.dari_status, c.ke_status) for c in cards] == [("konsep", "tte"), ("tte", "cetak"), ("cetak", "terbit")]
    assert cards[1].pelaku == team["kadis"]
    assert record.history.latest().history_user == cards[2].pelaku  # the system user issued it

    dokumen = Dokumen.objects.get(content_type__model="naskahuji", object_id=record.pk)
    assert dokumen.record == record and dokumen.ditandatangani
    page = client.get(reverse("verifikasi-dokumen", args=[dokumen.token])).content.decode()
    assert "Naskah dinas" in page and "berlaku" in page
    assert "Kepala Bappeda Kabupaten Bintan" not in page  # the name is masked on the public page
    checked = client.post(
        reverse("verifikasi-dokumen", args=[dokumen.token]), {"berkas": io.BytesIO(dokumen.berkas_pdf.read())}
    )
    assert checked.status_code == 200
    assert "Tanda tangan elektronik sah" in checked.content.decode()


def test_the_kotak_masuk_reads_each_record_type_once(client, team, django_assert_num_queries):
    staf = staff(Role.STAF, bidang="sekretariat")
    for n in range(3):
        ajukan(naskah(), staf)
        berkas_in(Status.TTE, team, seq=n + 1)
    client.force_login(team["kadis"])
    client.get(reverse("kotak-masuk"))  # warm the content type cache
    # session, user, groups, work items, one per record type (2), TTE ulang, overdue disposisi given
    # (the Sekretariat's banner), stopped layanan (PIAK's banner), unread notification badge
    with django_assert_num_queries(10) as captured:
        page = client.get(reverse("kotak-masuk"))
    assert page.content.decode().count('name="record"') == 6, [q["sql"] for q in captured.captured_queries]
