import pytest
from django.urls import reverse
from django.utils import timezone

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.notifikasi.models import Notifikasi
from dukcapil.selectors import work_items
from piak.models import GambarPublikasi, Publikasi, StatusPublikasi
from piak.services import publikasi as svc

from .conftest import fake_png, png

pytestmark = pytest.mark.django_db
S = StatusPublikasi


def draft(o, **kw) -> Publikasi:
    return svc.publikasi_buat(user=o["adb"], judul="Layanan Sabtu", isi="Loket buka Sabtu.", kanal="instagram", **kw)


def test_a_post_goes_kasi_sekretaris_kadis_and_is_posted_with_date_and_link(o):
    pub = draft(o, gambar=png())
    assert pub.gambar.count() == 1 and [w.object_id for w in work_items(o["adb"])] == [pub.pk]
    for who, method, state in (
        ("adb", "ajukan", S.KASI),
        ("kasi_piak", "periksa", S.SEKRETARIS),
        ("sekretaris", "setujui_sekretaris", S.KADIS),
        ("kadis", "setujui_kadis", S.DISETUJUI),
    ):
        pub = svc.publikasi_aksi(user=o[who], pk=pub.pk, method=method)
        assert pub.status == state
    assert Notifikasi.objects.filter(penerima=o["adb"], judul__contains="disetujui Kadis").exists()
    pub = svc.publikasi_terbitkan(
        user=o["adb"], pk=pub.pk, tanggal=timezone.localdate(), tautan="https://www.instagram.com/p/x/"
    )
    assert pub.status == S.TERBIT and pub.tautan == "https://www.instagram.com/p/x/"
    assert list(work_items(o["adb"])) == []


@pytest.mark.parametrize("at,who", [(S.KASI, "kasi_piak"), (S.SEKRETARIS, "sekretaris"), (S.KADIS, "kadis")])
def test_each_approver_may_return_it_with_a_catatan(o, at, who):
    pub = draft(o)
    chain = [("adb", "ajukan"), ("kasi_piak", "periksa"), ("sekretaris", "setujui_sekretaris")]
    for step_who, method in chain[: [S.KASI, S.SEKRETARIS, S.KADIS].index(at) + 1]:
        svc.publikasi_aksi(user=o[step_who], pk=pub.pk, method=method)
    with pytest.raises(BerkasInvalid):
        svc.publikasi_aksi(user=o[who], pk=pub.pk, method="kembalikan", catatan="")
    pub = svc.publikasi_aksi(user=o[who], pk=pub.pk, method="kembalikan", catatan="Ganti fotonya.")
    assert pub.status == S.KONSEP and pub.catatan == "Ganti fotonya."
    assert Notifikasi.objects.filter(penerima=o["adb"], pesan="Ganti fotonya.").exists()


def test_wrong_roles_and_states_are_refused(o):
    pub = draft(o)
    with pytest.raises(BerkasForbidden):
        svc.publikasi_buat(user=o["kasi"], judul="x", isi="y", kanal="website")  # not PIAK
    svc.publikasi_aksi(user=o["adb"], pk=pub.pk, method="ajukan")
    with pytest.raises(BerkasForbidden):
        svc.publikasi_aksi(user=o["kasi"], pk=pub.pk, method="periksa")  # another bidang's Kasi
    with pytest.raises(BerkasConflict):
        svc.publikasi_aksi(user=o["kadis"], pk=pub.pk, method="setujui_kadis")
    with pytest.raises(BerkasConflict):
        svc.publikasi_tambah_gambar(user=o["adb"], pk=pub.pk, gambar=png())


def test_images_are_checked_by_content(o):
    with pytest.raises(BerkasInvalid) as fake:
        draft(o, gambar=fake_png())
    assert "PDF, JPEG, atau PNG" in fake.value.message
    assert not Publikasi.objects.exists()
    pub = draft(o)
    svc.publikasi_tambah_gambar(user=o["adb"], pk=pub.pk, gambar=png("kedua.png"))
    assert GambarPublikasi.objects.get(publikasi=pub).nama_asli == "kedua.png"


def test_pages_and_a_wrong_upload_from_the_page(client, o, django_assert_num_queries):
    client.force_login(o["adb"])
    response = client.post(
        reverse("piak:publikasi-buat"), {"judul": "A", "isi": "B", "kanal": "website", "gambar": fake_png()}
    )
    assert response.status_code == 400 and "Gambar harus berupa PDF, JPEG, atau PNG." in response.content.decode()
    response = client.post(reverse("piak:publikasi-buat"), {"judul": "A", "isi": "B", "kanal": "website"})
    pub = Publikasi.objects.get()
    assert response.status_code == 302 and response["Location"] == pub.get_absolute_url()
    client.get(reverse("piak:publikasi"))
    with django_assert_num_queries(7):
        page = client.get(reverse("piak:publikasi"))
    assert "A" in page.content.decode()
    client.force_login(o["sekretaris"])
    assert client.get(pub.get_absolute_url()).status_code == 200
    client.force_login(o["loket"])
    assert client.get(reverse("piak:publikasi")).status_code == 403
    assert client.get(pub.get_absolute_url()).status_code == 404


def test_demo_has_a_post_published_and_one_at_the_kadis(o):
    from piak.demo_pengaduan import build_publikasi_demo

    made = build_publikasi_demo(o)
    assert {p.status for p in Publikasi.objects.filter(pk__in=[p.pk for p in made])} >= {S.TERBIT, S.KADIS}
