"""A reply answers a surat masuk: started from a disposisi its recipient holds, prefilled from the
letter, and closing that disposisi (and the chain above it) when the signed naskah is sent."""

from datetime import date

import pytest
from django.urls import reverse

from dukcapil.choices import Role
from dukcapil.exceptions import BerkasConflict, BerkasForbidden
from sekretariat.models import Disposisi, Instansi, JenisNaskah, Naskah, StatusDisposisi, StatusSuratMasuk
from sekretariat.services import naskah as services
from sekretariat.services import surat_masuk as svc
from tests.factories import staff

from .conftest import catat, disposisi_data, to_kadis
from .naskah_helpers import klasifikasi, sek_team
from .test_naskah_tte import sign

pytestmark = pytest.mark.django_db


def _letter(sek, **kw):
    asal, _ = Instansi.objects.get_or_create(
        nama="Bappeda Kabupaten", defaults={"alamat": "Jl. Veteran 1", "email": "bappeda@example.go.id"}
    )
    return to_kadis(catat(sek["agendaris"], asal=asal, **kw), sek)


def _down_to_kasubag(sek, surat):
    """Kadis → Sekretaris → (lanjutan) Kasubag: the Kasubag holds the disposisi that answers."""
    (top,) = svc.surat_masuk_disposisi(
        user=sek["kadis"], pk=surat.pk, expected_status="kadis", data=disposisi_data([sek["sekretaris"]])
    )
    (low,) = svc.disposisi_teruskan(
        user=sek["sekretaris"], pk=top.pk, expected_status="terbuka", data=disposisi_data([sek["kasubag"]])
    )
    return top, low


def _reply(sek, disposisi, **fields):
    initial = services.balasan_awal(disposisi)
    return services.naskah_buat_balasan(
        user=sek["kasubag"],
        disposisi_id=disposisi.pk,
        jenis=JenisNaskah.objects.get(kode="surat-dinas"),
        isi="<p>Kami sampaikan data yang diminta.</p>",
        **(initial | fields),
    )


def _to_tte(sek, naskah):
    services.naskah_ajukan(pk=naskah.pk, user=sek["kasubag"])
    services.naskah_setujui(pk=naskah.pk, user=sek["kasubag"])
    naskah.refresh_from_db()
    for _ in services.paraf_kurang(naskah):
        services.naskah_paraf(pk=naskah.pk, user=sek["sekretaris"])
    return services.naskah_beri_nomor(
        pk=naskah.pk, user=sek["agendaris"], klasifikasi=klasifikasi(), tanggal=date(2026, 12, 1)
    )


def test_reply_prefilled_from_the_letter_remembers_what_it_answers(team):
    sek = sek_team(team)
    surat = _letter(sek, nomor_surat="470/88/BAPPEDA/2026", perihal="Permintaan data penduduk")
    _, low = _down_to_kasubag(sek, surat)

    naskah = _reply(sek, low)

    assert naskah.hal == "Balasan atas surat nomor 470/88/BAPPEDA/2026 perihal Permintaan data penduduk"
    assert (naskah.tujuan_nama, naskah.tujuan_alamat, naskah.tujuan_email) == (
        "Bappeda Kabupaten",
        "Jl. Veteran 1",
        "bappeda@example.go.id",
    )
    assert naskah.tujuan_instansi.nama == "Bappeda Kabupaten"
    assert naskah.membalas_disposisi == low
    assert naskah.membalas_ref == "470/88/BAPPEDA/2026"
    low.refresh_from_db()
    assert low.status == StatusDisposisi.TERBUKA  # only sending the reply closes it


def test_only_the_recipient_of_an_open_disposisi_starts_one_reply(team):
    sek = sek_team(team)
    top, low = _down_to_kasubag(sek, _letter(sek))
    with pytest.raises(BerkasForbidden):
        services.naskah_buat_balasan(
            user=sek["staf"], disposisi_id=low.pk, jenis=JenisNaskah.objects.get(kode="surat-dinas"), hal="x"
        )
    _reply(sek, low)
    with pytest.raises(BerkasConflict, match="sudah dibalas dengan naskah"):
        _reply(sek, low)
    assert top.status == StatusDisposisi.TERBUKA  # the giver's part is not the reply's to start
    with pytest.raises(BerkasForbidden):
        _reply(sek, top)


def test_sending_the_signed_reply_closes_the_disposisi_chain_and_the_letter(client, team):
    sek = sek_team(team)
    surat = _letter(sek)
    top, low = _down_to_kasubag(sek, surat)
    naskah = sign(client, sek["kadis"], _to_tte(sek, _reply(sek, low)))
    assert naskah.status == "terbit"
    low.refresh_from_db()
    assert low.status == StatusDisposisi.TERBUKA  # signed is not sent

    # when: the Agendaris records the delivery by courier
    services.naskah_catat_ekspedisi(
        pk=naskah.pk, user=sek["agendaris"], penerima="Sdr. Andi", cara="kurir", tanggal=naskah.tanggal_naskah
    )

    # then: the Kasubag's disposisi and the Sekretaris's above it are closed with the reply linked
    for d in (low, top):
        d.refresh_from_db()
        assert d.status == StatusDisposisi.SELESAI
        assert d.balasan == naskah
        assert d.balasan_teks == naskah.nomor_naskah
        assert d.dicatat_kembali_oleh == sek["agendaris"]
    surat.refresh_from_db()
    assert surat.status == StatusSuratMasuk.SELESAI

    client.force_login(sek["kadis"])
    page = client.get(surat.get_absolute_url()).content.decode()
    assert f'Dibalas dengan naskah nomor <a href="{naskah.get_absolute_url()}">{naskah.nomor_naskah}</a>' in page
    page = client.get(naskah.get_absolute_url()).content.decode()
    assert f'Membalas surat masuk nomor agenda <a href="{surat.get_absolute_url()}">{surat.nomor}</a>' in page


def test_a_withdrawn_reply_never_closes_and_a_failed_kirim_keeps_the_disposisi_open(team):
    sek = sek_team(team)
    _, low = _down_to_kasubag(sek, _letter(sek))
    naskah = _reply(sek, low)
    with pytest.raises(BerkasConflict):  # a konsep cannot be sent
        services.naskah_catat_ekspedisi(
            pk=naskah.pk, user=sek["agendaris"], penerima="x", cara="kurir", tanggal=date(2026, 12, 1)
        )
    low.refresh_from_db()
    assert low.status == StatusDisposisi.TERBUKA
    assert not low.balasan_teks


def test_reply_screens_from_the_disposisi_page(client, team):
    sek = sek_team(team)
    surat = _letter(sek, perihal="Permintaan data agregat")
    _, low = _down_to_kasubag(sek, surat)
    client.force_login(sek["kasubag"])
    page = client.get(low.get_absolute_url()).content.decode()
    assert "Buat balasan" in page

    url = reverse("sekretariat:naskah-balas", args=[low.pk]) + "?jenis=surat-dinas"
    form = client.get(url).content.decode()
    assert 'value="Balasan atas surat nomor 005/123/BAPPEDA/2026 perihal Permintaan data agregat"' in form
    assert 'value="Bappeda Kabupaten"' in form

    response = client.post(
        url,
        {
            "hal": "Balasan atas surat nomor 005/123/BAPPEDA/2026 perihal Permintaan data agregat",
            "sifat": "biasa",
            "tujuan_instansi": Instansi.objects.get(nama="Bappeda Kabupaten").pk,
            "tujuan_nama": "",
            "tujuan_alamat": "",
            "tujuan_email": "",
            "isi": "Data terlampir.",
        },
    )
    naskah = Naskah.objects.get(membalas_disposisi=low)
    assert response.status_code == 302 and response["Location"] == naskah.get_absolute_url()
    assert naskah.tujuan_nama == "Bappeda Kabupaten"  # filled from the address book
    assert naskah.tujuan_alamat == "Jl. Veteran 1"
    assert "Buat balasan" not in client.get(low.get_absolute_url()).content.decode()

    # someone else, or a second reply, is refused
    assert client.get(url).status_code == 200  # the form still opens for the holder…
    assert client.post(url, {"hal": "x", "sifat": "biasa", "isi": "x"}).status_code == 409  # …but one reply only
    client.force_login(sek["sekretaris"])
    assert client.get(url).status_code == 403
    client.force_login(sek["kasubag"])
    assert client.get(reverse("sekretariat:naskah-balas", args=[low.pk]) + "?jenis=tidak-ada").status_code == 400


def test_a_rahasia_letters_reply_is_visible_only_to_its_chain_and_the_naskahs_route(client, team):
    sek = sek_team(team)
    surat = _letter(sek, sifat="rahasia", perihal="Pemeriksaan data pegawai")
    _, low = _down_to_kasubag(sek, surat)
    naskah = _reply(sek, low)
    assert naskah.sifat == "rahasia"
    # another Sekretariat staff member who writes konsep (sees the bidang's naskah) but is outside the chain
    staf_lain = staff(Role.STAF, bidang="sekretariat", first_name="Lain", last_name="Staf")
    admin = staff(Role.ADMIN, bidang=None, first_name="Adi", last_name="Admin")
    biasa = services.naskah_buat(
        user=sek["staf"], jenis=JenisNaskah.objects.get(kode="surat-dinas"), hal="Undangan biasa"
    )

    expected = {
        "kasubag": 200,  # author and in the chain
        "sekretaris": 200,  # chain and paraf
        "agendaris": 200,  # nomor (route) and recorded the letter
        "kadis": 200,  # TTE
        "staf": 404,
    }
    for key, status in expected.items():
        client.force_login(sek[key])
        assert client.get(naskah.get_absolute_url()).status_code == status, key
    for outsider in (staf_lain, admin):
        client.force_login(outsider)
        assert client.get(naskah.get_absolute_url()).status_code == 404
        assert client.get(biasa.get_absolute_url()).status_code == 200  # other naskah stay visible
        listing = client.get(reverse("sekretariat:naskah-list")).content.decode()
        assert "Pemeriksaan data pegawai" not in listing and "Undangan biasa" in listing


def test_the_naskah_page_masks_a_rahasia_letter_for_the_route_outside_its_chain(client, team):
    sek = sek_team(team)
    surat = _letter(sek, sifat="rahasia", perihal="Pemeriksaan data pegawai")
    _, low = _down_to_kasubag(sek, surat)
    naskah = _reply(sek, low)
    kasubag_lain = staff(Role.KASUBAG, bidang="sekretariat", first_name="Kasubag", last_name="Lain")
    client.force_login(kasubag_lain)  # periksa is office-wide: the route, not the chain
    page = client.get(naskah.get_absolute_url()).content.decode()
    assert f"Membalas surat masuk nomor agenda {surat.nomor} (RAHASIA)" in page
    assert surat.get_absolute_url() not in page
    assert client.get(surat.get_absolute_url()).status_code == 404
    assert Disposisi.objects.get(pk=low.pk).status == StatusDisposisi.TERBUKA
