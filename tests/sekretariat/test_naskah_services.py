"""sekretariat.services.naskah: the route of a naskah dinas keluar from konsep to arsip."""

import pytest

from dukcapil.choices import Role
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import KartuKendali, WorkItem
from dukcapil.notifikasi.models import Notifikasi
from sekretariat.models import Naskah, NomorNaskahUrut, ParafNaskah
from sekretariat.services import naskah as services
from tests.factories import staff

from .naskah_helpers import ISI, klasifikasi, konsep, sek_team, to_penomoran, to_tte

pytestmark = pytest.mark.django_db


def test_a_returned_konsep_is_resubmitted_with_its_versions_kept(team):
    sek = sek_team(team)
    n = konsep(sek)
    services.naskah_ajukan(pk=n.pk, user=sek["staf"])

    # when: the Kasubag returns it with a note
    services.naskah_kembalikan(pk=n.pk, user=sek["kasubag"], catatan="Sebutkan semester yang diminta.")

    # then: the konsep is back with its author, who is told in the app
    n.refresh_from_db()
    assert n.status == "konsep" and n.catatan == "Sebutkan semester yang diminta."
    note = Notifikasi.objects.get(penerima=sek["staf"])
    assert "Konsep dikembalikan" in note.judul and "Sebutkan semester" in note.pesan
    assert note.url == n.get_absolute_url()

    # when: the author edits and resubmits
    services.naskah_ubah(pk=n.pk, user=sek["staf"], isi=ISI.replace("kependudukan", "kependudukan semester II"))
    services.naskah_ajukan(pk=n.pk, user=sek["staf"], expected_status="konsep")

    # then: three versions (submitted, returned, resubmitted), the last with the new text
    versi = list(n.versi.order_by("nomor_versi"))
    assert [v.peristiwa for v in versi] == ["diajukan", "dikembalikan dari «Diperiksa»", "diajukan"]
    assert "semester II" in versi[2].isi and "semester II" not in versi[0].isi
    assert versi[1].catatan == "Sebutkan semester yang diminta."


def test_returning_needs_a_note_and_the_right_role(team):
    sek = sek_team(team)
    n = konsep(sek)
    services.naskah_ajukan(pk=n.pk, user=sek["staf"])
    with pytest.raises(BerkasInvalid, match="Catatan pengembalian wajib diisi"):
        services.naskah_kembalikan(pk=n.pk, user=sek["kasubag"], catatan="  ")
    with pytest.raises(BerkasForbidden, match="tidak berwenang"):
        services.naskah_kembalikan(pk=n.pk, user=sek["agendaris"], catatan="Tidak jelas")
    n.refresh_from_db()
    assert n.status == "periksa"


def test_a_stale_page_is_told_who_acted_first(team):
    sek = sek_team(team)
    n = konsep(sek)
    services.naskah_ajukan(pk=n.pk, user=sek["staf"])
    services.naskah_setujui(pk=n.pk, user=sek["kasubag"], expected_status="periksa")
    with pytest.raises(BerkasConflict, match="baru saja diproses oleh Budi Kasubag"):
        services.naskah_kembalikan(pk=n.pk, user=sek["kasubag"], catatan="Ulang", expected_status="periksa")


def test_the_route_paraf_is_required_before_the_number(team):
    # given: a surat dinas of the Pendaftaran bidang: route Kabid then Sekretaris
    sek = sek_team(team)
    n = konsep(sek, user=staff(Role.STAF, bidang="pendaftaran"))
    services.naskah_ajukan(pk=n.pk, user=n.pembuat)
    services.naskah_setujui(pk=n.pk, user=sek["kasubag"])

    # the Agendaris cannot number it yet: 409 naming the missing paraf
    with pytest.raises(BerkasConflict, match="belum diparaf Kabid, Sekretaris"):
        services.naskah_beri_nomor(pk=n.pk, user=sek["agendaris"], klasifikasi=klasifikasi())
    # the Sekretaris waits for the Kabid
    with pytest.raises(BerkasConflict, match="menunggu paraf Kabid lebih dahulu"):
        services.naskah_paraf(pk=n.pk, user=sek["sekretaris"])

    services.naskah_paraf(pk=n.pk, user=sek["kabid"])
    with pytest.raises(BerkasConflict, match="belum diparaf Sekretaris"):
        services.naskah_beri_nomor(pk=n.pk, user=sek["agendaris"], klasifikasi=klasifikasi())
    services.naskah_paraf(pk=n.pk, user=sek["sekretaris"])

    n.refresh_from_db()
    assert n.status == "penomoran"
    assert [(p.peran, p.pengguna) for p in n.paraf.order_by("waktu")] == [
        ("kabid", sek["kabid"]),
        ("sekretaris", sek["sekretaris"]),
    ]
    n = services.naskah_beri_nomor(pk=n.pk, user=sek["agendaris"], klasifikasi=klasifikasi())
    assert n.status == "tte" and n.nomor_naskah.startswith("470/")


def test_a_kabid_of_another_bidang_cannot_paraf(team):
    sek = sek_team(team)
    n = konsep(sek, user=staff(Role.STAF, bidang="pendaftaran"))
    services.naskah_ajukan(pk=n.pk, user=n.pembuat)
    services.naskah_setujui(pk=n.pk, user=sek["kasubag"])
    with pytest.raises(BerkasForbidden):
        services.naskah_paraf(pk=n.pk, user=staff(Role.KABID, bidang="pencatatan_sipil"))
    assert not ParafNaskah.objects.filter(naskah=n).exists()


def test_the_number_follows_the_office_format_and_is_kept_after_a_return(team):
    sek = sek_team(team)
    first = to_tte(sek)
    year = first.tanggal_naskah.year
    assert first.nomor_naskah == f"470/{first.nomor_urut}/DISDUKCAPIL/{year}"
    # the Kadis is told a letter waits for signature
    assert Notifikasi.objects.filter(penerima=sek["kadis"], judul__startswith="Menunggu TTE").exists()

    # when: the Kadis returns it after numbering and it comes back through the route
    services.naskah_kembalikan(pk=first.pk, user=sek["kadis"], catatan="Perbaiki tembusan.")
    second = to_tte(sek)  # another letter takes the next number meanwhile
    services.naskah_ajukan(pk=first.pk, user=sek["staf"])
    services.naskah_setujui(pk=first.pk, user=sek["kasubag"])
    services.naskah_paraf(pk=first.pk, user=sek["sekretaris"])
    again = services.naskah_beri_nomor(pk=first.pk, user=sek["agendaris"], klasifikasi=klasifikasi("005"))

    # then: it keeps its number (never reused, never skipped), and the counter moved once per letter
    assert again.nomor_naskah == first.nomor_naskah
    assert second.nomor_urut == first.nomor_urut + 1
    assert NomorNaskahUrut.objects.get(tahun=year).terakhir == second.nomor_urut
    # its paraf were asked again for the new round
    assert again.paraf.filter(putaran=again.putaran).count() == 1


def test_numbering_needs_a_classification(team):
    sek = sek_team(team)
    n = to_penomoran(sek)
    with pytest.raises(BerkasInvalid, match="Kode klasifikasi arsip wajib dipilih"):
        services.naskah_beri_nomor(pk=n.pk, user=sek["agendaris"], klasifikasi=None)
    n.refresh_from_db()
    assert (n.status, n.nomor_naskah) == ("penomoran", "")


def test_each_step_is_on_the_kartu_kendali_with_the_sop_minutes(team):
    sek = sek_team(team)
    n = to_tte(sek)
    cards = KartuKendali.objects.filter(content_type__model="naskah", object_id=n.pk).order_by("waktu", "pk")
    assert [(c.dari_status, c.ke_status) for c in cards] == [
        ("konsep", "periksa"),
        ("periksa", "paraf"),
        ("paraf", "penomoran"),
        ("penomoran", "tte"),
    ]
    # Lumajang "Prosedur Pengagendaan Surat Keluar": Kadis 10, Sekretaris 5, Kasubag 5, staf 15 minutes
    assert n.standar_waktu == {"tte": 10, "paraf": 5, "periksa": 5, "penomoran": 15}
    item = WorkItem.objects.get(content_type__model="naskah", object_id=n.pk, selesai_pada__isnull=True)
    assert (item.aksi, item.standar_menit) == ("tte", 10)


def test_only_a_signed_naskah_can_be_sent(team):
    sek = sek_team(team)
    n = to_tte(sek)
    with pytest.raises(BerkasConflict, match="belum memiliki PDF bertanda tangan"):
        services.naskah_kirim_email(pk=n.pk, user=sek["agendaris"], email="bappeda@example.go.id")
    with pytest.raises(BerkasConflict, match="hanya naskah yang sudah ditandatangani"):
        services.naskah_catat_ekspedisi(
            pk=n.pk, user=sek["agendaris"], penerima="Bappeda", cara="kurir", tanggal=n.tanggal_naskah
        )
    assert Naskah.objects.get(pk=n.pk).status == "tte"


def test_the_kasi_checks_the_letters_of_their_own_bidang_only(team):
    sek = sek_team(team)
    n = konsep(sek, user=staff(Role.STAF, bidang="pendaftaran"))
    services.naskah_ajukan(pk=n.pk, user=n.pembuat)
    with pytest.raises(BerkasForbidden):
        services.naskah_setujui(pk=n.pk, user=team["kasi_capil"])
    assert services.naskah_setujui(pk=n.pk, user=team["kasi"]).status == "paraf"
