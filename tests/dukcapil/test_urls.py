"""Drill: every URL of the URLconf × every demo user and an anonymous visitor, on the demo office.

The expected answer of each pair is written here from the permissions table (``TABLE``: role ×
action × scope) and what each screen is for, not recorded from what the application answers, so
a screen that shows a berkas of another bidang, or a page to a role the table does not grant,
fails the drill. A URL added to the URLconf without an expectation here fails it too.
Then forged POSTs of every state action, by officers of the other bidang: 404, and nothing changes.
"""

import shutil
from dataclasses import dataclass
from unittest.mock import patch

import pytest
from django.contrib import admin
from django.db import connection, transaction
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from dukcapil.choices import Role, Status
from dukcapil.demo import DEMO_PASSWORD, DEMO_USERS, seed_demo
from dukcapil.models import BatchTTE, Berkas, Dokumen, User
from dukcapil.services import ACTIONS
from dukcapil.workflow.models import KartuKendali
from dukcapil.workflow.permissions import TABLE, Aksi, Lingkup

pytestmark = pytest.mark.django_db

PENDAFTARAN, CAPIL = "pendaftaran", "pencatatan_sipil"
ROLE_OF = {username: (role, bidang) for username, _f, _l, role, bidang in DEMO_USERS}
LOGIN, ADMIN_LOGIN = "login", "admin-login"
UNKNOWN_TOKEN = "00000000-0000-4000-8000-000000000000"  # 302 to the staff login / to the admin login


@pytest.fixture(scope="module")
def demo_office(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo office built once for this module inside a transaction rolled back at its end.

    The demo's documents are made by tasks enqueued on commit; here each such callback runs as soon
    as it is registered, as the commit that registers it would run it (the data it reads is the same)."""
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        with patch.object(connection, "on_commit", lambda func, robust=False: func()):
            seed_demo()
        yield media
        transaction.set_rollback(True)
    shutil.rmtree(media, ignore_errors=True)


@pytest.fixture
def demo(demo_office, settings):
    settings.MEDIA_ROOT = demo_office  # where the demo's documents were written
    return demo_office


def holds(username: str | None, aksi: str, bidang: str | None = None) -> bool:
    """The permissions table read directly: the role's scope for ``aksi`` and the user's bidang."""
    if username is None:
        return False
    role, own = ROLE_OF[username]
    scope = TABLE.get(role, {}).get(Aksi(aksi))
    if scope is None:
        return False
    return scope is Lingkup.KANTOR or own is None or bidang is None or own == bidang


# --- what each kind of screen answers, per visitor (None: anonymous) -----------------------------


@dataclass(frozen=True)
class Public:
    """Anyone, signed in or not (citizen pages, the schema)."""

    status: int = 200

    def expect(self, who):
        return self.status


@dataclass(frozen=True)
class AnonOnly:
    """The home page and the login form: a signed-in officer is sent on to the kotak masuk."""

    def expect(self, who):
        return 200 if who is None else 302


@dataclass(frozen=True)
class Staff:
    """Any signed-in officer (their own kotak masuk, search, pickup list of their bidang)."""

    status: int = 200

    def expect(self, who):
        return LOGIN if who is None else self.status


@dataclass(frozen=True)
class Grant:
    """A screen for holders of ``aksi`` (in ``bidang`` when given): 403 for the others."""

    aksi: str
    bidang: str | None = None

    def expect(self, who):
        if who is None:
            return LOGIN
        return 200 if holds(who, self.aksi, self.bidang) else 403


@dataclass(frozen=True)
class Record:
    """A berkas of ``bidang``: 404 to whoever may not see that bidang's berkas (its existence is not
    confirmed), then 403 without ``aksi`` in that bidang."""

    bidang: str
    aksi: str | None = None
    status: int = 200

    def expect(self, who):
        if who is None:
            return LOGIN
        if not holds(who, Aksi.LIHAT, self.bidang):
            return 404
        if self.aksi and not holds(who, self.aksi, self.bidang):
            return 403
        return self.status


@dataclass(frozen=True)
class Api:
    """The staff API: 403 (JSON) without a session or without «lihat»."""

    def expect(self, who):
        return 200 if holds(who, Aksi.LIHAT) else 403


@dataclass(frozen=True)
class Signer:
    """A TTE batch's progress page: its signer only."""

    def expect(self, who):
        return LOGIN if who is None else (200 if who == "kadis" else 404)


@dataclass(frozen=True)
class AdminSite:
    def expect(self, who):
        return 200 if who is not None and ROLE_OF[who][0] == Role.ADMIN else ADMIN_LOGIN


POST_ONLY = Staff(status=405)  # GET on an action endpoint: sign in first, then 405


def demo_objects() -> dict:
    """The demo rows whose keys fill the URL parameters: one per bidang where the screen serves both."""
    berkas = Berkas.objects.select_related("layanan", "bidang")

    def one(bidang: str, status: str, layanan: str | None = None) -> Berkas:
        found = berkas.filter(bidang__kode=bidang, status=status)
        return (found.filter(layanan__kode=layanan) if layanan else found).order_by("pk").first()

    siap = {b: one(b, Status.SIAP_DIAMBIL) for b in (PENDAFTARAN, CAPIL)}
    dokumen = {b: Dokumen.objects.filter(berkas=siap[b]).exclude(jenis="resi").order_by("pk").first() for b in siap}
    return {
        "siap": siap,
        "dokumen": dokumen,
        "kk_diterima": one(PENDAFTARAN, Status.DITERIMA, "kk"),
        "skpwni": one(PENDAFTARAN, Status.DITERIMA, "skpwni"),
        "dikembalikan": one(PENDAFTARAN, Status.DIKEMBALIKAN),
        "lahir_diterima": one(CAPIL, Status.DITERIMA, "akta-kelahiran"),
        "paket": berkas.filter(layanan__jenis_berkas="dukcapil.paket").order_by("pk").first(),
        "batch": BatchTTE.objects.order_by("pk").first(),
    }


def url_table(d: dict) -> dict[str, list[tuple[str, object]]]:
    """URL name → [(url, guard)]: every pattern of the URLconf, parameters filled from the demo."""
    siap, dok = d["siap"], d["dokumen"]
    per_bidang = [(PENDAFTARAN, siap[PENDAFTARAN]), (CAPIL, siap[CAPIL])]
    paket = d["paket"]

    def each(name, guard_for, rows=per_bidang):
        return [(reverse(name, args=[b.nomor_registrasi]), guard_for(bidang)) for bidang, b in rows]

    return {
        "home": [(reverse("home"), AnonOnly())],
        "login": [(reverse("login"), AnonOnly())],
        "logout": [(reverse("logout"), Public(405))],  # signing out is a POST
        "kotak-masuk": [(reverse("kotak-masuk"), Staff())],
        "intake-pilih": [(reverse("intake-pilih"), Grant(Aksi.TERIMA))],
        "intake": [
            (reverse("intake", args=["kk"]), Grant(Aksi.TERIMA, PENDAFTARAN)),
            (reverse("intake", args=["akta-kelahiran"]), Grant(Aksi.TERIMA, CAPIL)),
        ],
        "pengambilan": [(reverse("pengambilan"), Staff())],
        "buku-pengambilan": [(reverse("buku-pengambilan"), Grant(Aksi.SERAHKAN))],
        "serahkan": each("serahkan", lambda b: Record(b, Aksi.SERAHKAN)),
        "berkas-detail": each("berkas-detail", Record),
        "berkas-resubmit": each("berkas-resubmit", lambda b: POST_ONLY),
        "paket-entri": [(reverse("paket-entri", args=[paket.nomor_registrasi]), Record(paket.bidang.kode, Aksi.ENTRI))],
        "dokumen-unduh": [
            (reverse("dokumen-unduh", args=[siap[b].nomor_registrasi, dok[b].jenis]), Record(b))
            for b in (PENDAFTARAN, CAPIL)
        ],
        "slip-kekurangan": each("slip-kekurangan", Record, [(PENDAFTARAN, d["dikembalikan"])]),
        "kartu-kendali-cetak": each("kartu-kendali-cetak", Record),
        "berkas-produksi-ulang": each("berkas-produksi-ulang", lambda b: POST_ONLY),
        "berkas-action": [
            (reverse("berkas-action", args=[siap[b].nomor_registrasi, "verifikasi"]), POST_ONLY) for b in siap
        ],
        "cari": [(reverse("cari"), Staff())],
        "status-publik": [(reverse("status-publik"), Public())],
        # a document produced on request is its requester's only; an unknown token is 404 to everyone signed in
        "cetakan": [(reverse("cetakan", args=[UNKNOWN_TOKEN]), Staff(404))],
        "cetakan-unduh": [(reverse("cetakan-unduh", args=[UNKNOWN_TOKEN]), Staff(404))],
        "tte-batch-start": [(reverse("tte-batch-start"), POST_ONLY)],
        "tte-batch": [(reverse("tte-batch", args=[d["batch"].pk]), Signer())],
        "verifikasi-dokumen": [(reverse("verifikasi-dokumen", args=[dok[b].token]), Public()) for b in dok],
        "layanan-publik": [(reverse("layanan-publik"), Public())],
        "layanan-publik-detail": [(reverse("layanan-publik-detail", args=["kk"]), Public())],
        "maklumat": [(reverse("maklumat"), Public(404))],  # the demo office has entered no maklumat
        "pendaftaran:entri-kk": each(
            "pendaftaran:entri-kk", lambda b: Record(b, Aksi.ENTRI), [(PENDAFTARAN, d["kk_diterima"])]
        ),
        "pendaftaran:entri": each("pendaftaran:entri", lambda b: Record(b, Aksi.ENTRI), [(PENDAFTARAN, d["skpwni"])]),
        "pendaftaran:blangko": [(reverse("pendaftaran:blangko"), Grant(Aksi.BLANGKO))],
        "pendaftaran:perekaman": [(reverse("pendaftaran:perekaman"), Grant(Aksi.PEREKAMAN, PENDAFTARAN))],
        "pendaftaran:register": [(reverse("pendaftaran:register"), Grant(Aksi.LIHAT_REGISTER, PENDAFTARAN))],
        "pencatatan_sipil:entri": each(
            "pencatatan_sipil:entri", lambda b: Record(b, Aksi.ENTRI), [(CAPIL, d["lahir_diterima"])]
        ),
        "pencatatan_sipil:register": [(reverse("pencatatan_sipil:register"), Grant(Aksi.LIHAT_REGISTER, CAPIL))],
        "api-status": [(reverse("api-status"), Public(405))],  # the lookup is a POST
        "api-antrian": [(reverse("api-antrian"), Api())],
        "api-antrian-ringkasan": [(reverse("api-antrian-ringkasan"), Api())],
        "api-schema": [(reverse("api-schema"), Public())],
        "api-docs": [(reverse("api-docs"), Public())],
        "api-redoc": [(reverse("api-redoc"), Public())],
        "admin:index": [(reverse("admin:index"), AdminSite())],
    }


def url_names(resolver=None, namespace: str = "") -> set[str]:
    """Every named pattern of the URLconf, recursively; of the admin site only its index."""
    names: set[str] = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.urlconf_name is admin.site.urls[0] or getattr(pattern, "app_name", None) == "admin":
                names.add("admin:index")
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= url_names(pattern, inner)
        elif isinstance(pattern, URLPattern):
            assert pattern.name, f"URL pattern {pattern.pattern} has no name: give it one and an expectation here"
            names.add(namespace + pattern.name)
    return names


def answer(response) -> int | str:
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("login") + "?"):
            return LOGIN
        if location.startswith(reverse("admin:login")):
            return ADMIN_LOGIN
    return response.status_code


def test_every_url_answers_every_demo_user_as_the_permissions_table_says(client, demo):
    # given: the demo office (berkas in every state of both bidang, signed documents, a TTE batch)
    d = demo_objects()
    assert all(d[k] for k in d if k not in ("siap", "dokumen"))
    assert all(d["siap"].values()) and all(d["dokumen"].values())
    table = url_table(d)
    assert set(table) == url_names(), "every URL pattern has an expected answer per visitor, and no more"
    visitors = [None, *ROLE_OF]

    # when: every visitor opens every URL
    wrong, leaks, counts = [], [], {}
    requests = 0
    for who in visitors:
        client.logout()
        if who is not None:
            assert client.login(username=who, password=DEMO_PASSWORD)
        for name, rows in table.items():
            for url, guard in rows:
                expected = guard.expect(who)
                got = answer(client.get(url))
                requests += 1
                counts[got] = counts.get(got, 0) + 1
                if got != expected:
                    wrong.append(f"{who or 'anonim'} GET {url} ({name}): {got}, expected {expected}")
                    if got == 200:
                        leaks.append(wrong[-1])

    # then: no 500, no leak (an unexpected 200) and no other surprise
    print(
        f"\n[latihan] matriks peran × URL: {len(visitors)} pengunjung × {sum(map(len, table.values()))} URL "
        f"({len(table)} pola) = {requests} permintaan; jawaban {dict(sorted(counts.items(), key=str))}; "
        f"{len(leaks)} bocor, {len(wrong)} menyimpang"
    )
    assert 500 not in counts
    assert not leaks, "\n".join(leaks)
    assert not wrong, "\n".join(wrong)


FORGED = [  # (action, who forges it, bidang of the target berkas, the state in which the action applies)
    ("entri-selesai", "operator_capil", PENDAFTARAN, Status.PERBAIKAN),
    ("verifikasi", "kasi_capil", PENDAFTARAN, Status.VERIFIKASI),
    ("validasi", "kabid_capil", PENDAFTARAN, Status.VALIDASI),
    ("koreksi", "kabid_capil", PENDAFTARAN, Status.VALIDASI),
    ("koreksi", "kasi_capil", PENDAFTARAN, Status.VERIFIKASI),
    ("batalkan", "loket_capil", PENDAFTARAN, Status.DITERIMA),
    ("batalkan", "kasi_capil", PENDAFTARAN, Status.VERIFIKASI),
    ("entri-selesai", "operator", CAPIL, Status.DITERIMA),
    ("batalkan", "loket", CAPIL, Status.DITERIMA),
    ("batalkan", "kabid", CAPIL, Status.DITERIMA),
]


def test_forged_state_actions_on_another_bidang_berkas_are_404_and_change_nothing(client, demo):
    assert {a for a, *_ in FORGED} == set(ACTIONS), "every state action is forged at least once"
    target_of = {}
    for _a, _w, bidang, status in FORGED:
        target_of[(bidang, status)] = (
            (Berkas.objects.filter(bidang__kode=bidang, status=status).exclude(layanan__jenis_berkas="dukcapil.paket"))
            .order_by("pk")
            .first()
        )
    siap = Berkas.objects.filter(bidang__kode=PENDAFTARAN, status=Status.SIAP_DIAMBIL).first()
    dikembalikan = Berkas.objects.filter(bidang__kode=PENDAFTARAN, status=Status.DIKEMBALIKAN).first()
    posts = [
        (who, reverse("berkas-action", args=[target_of[(b, s)].nomor_registrasi, action]), target_of[(b, s)], data)
        for action, who, b, s in FORGED
        for data in [{"expected_status": s, "catatan": "Dipalsukan dari bidang lain.", "kategori": "lainnya"}]
    ] + [
        ("loket_capil", reverse("berkas-resubmit", args=[dikembalikan.nomor_registrasi]), dikembalikan, {}),
        ("kasi_capil", reverse("berkas-produksi-ulang", args=[siap.nomor_registrasi]), siap, {}),
        ("pengambilan_capil", reverse("serahkan", args=[siap.nomor_registrasi]), siap, {}),
    ]
    before = {b.pk: (b.status, KartuKendali.objects.filter(berkas=b).count()) for _w, _u, b, _d in posts}

    answers = []
    for who, url, berkas, data in posts:
        assert ROLE_OF[who][1] != berkas.bidang.kode
        client.force_login(User.objects.get(username=who))
        data = {**data, "expected_status": berkas.status} if not data else data
        answers.append((who, url, client.post(url, data).status_code))

    print(f"\n[latihan] {len(posts)} POST tindakan palsu lintas bidang: {sorted({a for *_, a in answers})}")
    assert [a for a in answers if a[2] != 404] == []
    after = {b.pk: (b.status, KartuKendali.objects.filter(berkas=b).count()) for _w, _u, b, _d in posts}
    assert after == before
