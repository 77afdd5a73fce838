from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from dukcapil.choices import Role
from dukcapil.exceptions import BerkasConflict
from dukcapil.workflow.models import KartuKendali, WorkItem
from sekretariat.models import Naskah, Pegawai, UsulanKepegawaian
from sekretariat.selectors.kepegawaian import buku_kendali
from sekretariat.services.kepegawaian import usulan_mulai, usulan_terima_sk

from ..factories import staff
from .kepegawaian_helpers import data_kepegawaian, pegawai  # noqa: F401

pytestmark = pytest.mark.usefixtures("data_kepegawaian")


@pytest.fixture
def kasubag(catalogue):
    return staff(Role.KASUBAG, bidang="sekretariat")


def _sent(usulan) -> None:
    """The surat usulan went through periksa → paraf → nomor → TTE and was sent (the naskah tests walk that chain)."""
    Naskah.objects.filter(pk=usulan.naskah_id).update(status="terkirim")


def test_starting_an_usulan_writes_the_surat_usulan_konsep_a_kartu_kendali_and_a_kotak_masuk_item(kasubag):
    p = pegawai("Hendra Gunawan", tmt_kgb=date(2025, 1, 1))
    usulan = usulan_mulai(user=kasubag, pegawai_id=p.pk, jenis="kgb", jatuh_tempo=date(2027, 1, 1))
    naskah = usulan.naskah
    assert (naskah.jenis.kode, naskah.status) == ("surat-usulan-kepegawaian", "konsep")
    assert naskah.hal == "Usulan kenaikan gaji berkala a.n. Hendra Gunawan"
    assert "19800512 200503 1 001" in naskah.isi and "1 Januari 2027" in naskah.isi
    ct = ContentType.objects.get_for_model(UsulanKepegawaian)
    card = KartuKendali.objects.get(content_type=ct, object_id=usulan.pk)
    assert (card.ke_status, card.pelaku) == ("diusulkan", kasubag)
    item = WorkItem.objects.get(content_type=ct, object_id=usulan.pk, selesai_pada__isnull=True)
    assert item.aksi == "kelola_pegawai"
    with pytest.raises(BerkasConflict, match="sudah diusulkan"):
        usulan_mulai(user=kasubag, pegawai_id=p.pk, jenis="kgb", jatuh_tempo=date(2027, 1, 1))


def test_the_sk_of_a_kgb_moves_the_tmt_kgb_once_the_letter_is_sent(kasubag):
    p = pegawai("Hendra Gunawan", tmt_kgb=date(2025, 1, 1))
    usulan = usulan_mulai(user=kasubag, pegawai_id=p.pk, jenis="kgb", jatuh_tempo=date(2027, 1, 1))
    sk = dict(nomor_sk="822.2/15/BKPSDM/2026", tanggal_sk=date(2026, 11, 20), tmt_sk=date(2027, 1, 1))
    with pytest.raises(BerkasConflict, match="belum ditandatangani"):
        usulan_terima_sk(user=kasubag, pk=usulan.pk, expected_status="diusulkan", **sk)
    _sent(usulan)
    usulan_terima_sk(user=kasubag, pk=usulan.pk, expected_status="diusulkan", **sk)
    usulan = UsulanKepegawaian.objects.get(pk=usulan.pk)  # a protected FSM field is not refreshed in place
    p.refresh_from_db()
    assert (usulan.status, usulan.nomor_sk) == ("sk_diterima", "822.2/15/BKPSDM/2026")
    assert p.tmt_kgb == date(2027, 1, 1)
    assert not [r for r in buku_kendali(hari_ini=date(2026, 12, 1)) if r.jenis == "kgb"]
    ct = ContentType.objects.get_for_model(UsulanKepegawaian)
    assert not WorkItem.objects.filter(content_type=ct, object_id=usulan.pk, selesai_pada__isnull=True).exists()
    # a second officer acting on the page they opened before is told
    with pytest.raises(BerkasConflict, match="baru saja diproses"):
        usulan_terima_sk(user=kasubag, pk=usulan.pk, expected_status="diusulkan", **sk)


def test_the_sk_of_a_kenaikan_pangkat_raises_the_golongan(kasubag):
    p = pegawai("Siti", golongan="III/a", tmt_pangkat=date(2022, 10, 1))
    usulan = usulan_mulai(user=kasubag, pegawai_id=p.pk, jenis="pangkat", jatuh_tempo=date(2026, 10, 1))
    _sent(usulan)
    usulan_terima_sk(user=kasubag, pk=usulan.pk, expected_status="diusulkan", nomor_sk="SK-1",
                     tanggal_sk=date(2026, 11, 2), tmt_sk=date(2026, 10, 1))  # fmt: skip
    p.refresh_from_db()
    assert (p.golongan.kode, p.tmt_pangkat) == ("III/b", date(2026, 10, 1))


def test_the_buku_kendali_button_starts_the_usulan_and_then_links_it(client, kasubag):
    pegawai("Hendra Gunawan", tmt_kgb=date(2020, 1, 1), tmt_pangkat=date.today())  # only the KGB is due (overdue)
    client.force_login(kasubag)
    page = client.get(reverse("sekretariat:buku-kendali-pegawai")).content.decode()
    assert "Mulai usulan" in page
    response = client.post(
        reverse("sekretariat:usulan-mulai", args=[Pegawai.objects.get().pk]),
        {"jenis": "kgb", "jatuh_tempo": "2022-01-01"},
    )
    usulan = UsulanKepegawaian.objects.get()
    assert response.url == usulan.get_absolute_url()
    detail = client.get(usulan.get_absolute_url()).content.decode()
    assert f"{usulan.naskah.nomor}</a> · Konsep</dd>" in detail  # the surat usulan's state
    assert "Catat SK" in detail
    page = client.get(reverse("sekretariat:buku-kendali-pegawai")).content.decode()
    assert usulan.nomor in page and "Mulai usulan" not in page
    # recording the SK before the letter is sent: 409 with the reason on the page
    response = client.post(
        usulan.get_absolute_url(),
        {"nomor_sk": "SK-2", "tanggal_sk": "2026-11-02", "tmt_sk": "2022-01-01", "expected_status": "diusulkan"},
    )
    assert response.status_code == 409
    assert "belum ditandatangani" in response.content.decode()
