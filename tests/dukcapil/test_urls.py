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
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from dukcapil.cetakan.models import Cetakan
from dukcapil.choices import Role, Status
from dukcapil.demo import DEMO_USERS, seed_demo
from dukcapil.models import BatchTTE, Berkas, Dokumen, User
from dukcapil.services import ACTIONS
from dukcapil.workflow.models import KartuKendali, WorkItem
from dukcapil.workflow.permissions import TABLE, Aksi, Lingkup
from piak.models import Gangguan
from sekretariat import models as sek
from sekretariat.demo import SEKRETARIAT_USERS
from sekretariat.demo_keuangan import KEUANGAN_USERS

pytestmark = pytest.mark.django_db

PENDAFTARAN, CAPIL = "pendaftaran", "pencatatan_sipil"
SEKRETARIAT = "sekretariat"
PIAK = "piak"
ROLE_OF = {username: (role, bidang) for username, _f, _l, role, bidang in DEMO_USERS}
# the Sekretariat's demo officers (sekretariat/demo.py, demo_keuangan.py): all of bidang Sekretariat
ROLE_OF |= {username: (role, SEKRETARIAT) for username, _f, _l, role in SEKRETARIAT_USERS + KEUANGAN_USERS}
# who reads the agenda of surat masuk (every letter but the rahasia ones outside their chain): the
# Sekretariat's agenda keepers and the office's leaders (sekretariat/services/surat_masuk.py)
PEMBACA_AGENDA = {Role.AGENDARIS, Role.KASUBAG, Role.SEKRETARIS, Role.KADIS, Role.ADMIN}
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
class Requester:
    """A document produced on request: its requester only; 404 to everyone else signed in."""

    username: str

    def expect(self, who):
        return LOGIN if who is None else (200 if who == self.username else 404)


@dataclass(frozen=True)
class AdminSite:
    def expect(self, who):
        return 200 if who is not None and ROLE_OF[who][0] == Role.ADMIN else ADMIN_LOGIN


@dataclass(frozen=True)
class AnyGrant:
    """A screen for holders of any of ``aksi`` (in ``bidang`` when given): ``denied`` for the others
    (403 for a page, 404 for a record whose existence is not confirmed)."""

    aksi: tuple[str, ...]
    bidang: str | None = None
    denied: int = 403
    status: int = 200

    def expect(self, who):
        if who is None:
            return LOGIN
        return self.status if any(holds(who, a, self.bidang) for a in self.aksi) else self.denied


@dataclass(frozen=True)
class Readers:
    """The registers of surat masuk: the agenda's readers only."""

    def expect(self, who):
        return LOGIN if who is None else (200 if ROLE_OF[who][0] in PEMBACA_AGENDA else 403)


@dataclass(frozen=True)
class Surat:
    """A surat masuk (or a page of it): the agenda's readers see it unless it is rahasia; its chain
    (who recorded it, held a step of it, gave or received its disposisi) always; others 404."""

    rahasia: bool
    chain: frozenset[str]
    status: int = 200

    def expect(self, who):
        if who is None:
            return LOGIN
        reader = ROLE_OF[who][0] in PEMBACA_AGENDA and not self.rahasia
        return self.status if reader or who in self.chain else 404


@dataclass(frozen=True)
class NaskahRecord:
    """A naskah dinas of ``bidang`` (not a reply to a rahasia letter): its author, and whoever sees
    records or holds a naskah action in that bidang; then 403 without ``aksi`` in that bidang."""

    bidang: str
    pembuat: str
    aksi: str | None = None
    status: int = 200

    def expect(self, who):
        if who is None:
            return LOGIN
        see = (Aksi.LIHAT, Aksi.KONSEP_NASKAH, Aksi.PERIKSA_NASKAH, Aksi.PARAF_NASKAH, Aksi.NOMOR_NASKAH, Aksi.TTE)
        if who != self.pembuat and not any(holds(who, a, self.bidang) for a in see):
            return 404
        if self.aksi and not holds(who, self.aksi, self.bidang):
            return 403
        return self.status


@dataclass(frozen=True)
class GangguanTicket:
    """A gangguan ticket: its reporter, and whoever reads PIAK's tickets («gangguan_rekap» in PIAK);
    404 to the others. ``reporter_too`` False: PIAK's readers only (the rekanan's report)."""

    pelapor: str
    reporter_too: bool = True

    def expect(self, who):
        if who is None:
            return LOGIN
        if holds(who, Aksi.GANGGUAN_REKAP, PIAK):
            return 200
        return 200 if self.reporter_too and who == self.pelapor else 404


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
        # the Sekretariat's demo records (sekretariat/demo*.py)
        "surat": sek.SuratMasuk.objects.exclude(sifat=sek.SifatSurat.RAHASIA)
        .exclude(pindaian="")
        .order_by("pk")
        .first(),
        "rahasia": sek.SuratMasuk.objects.filter(sifat=sek.SifatSurat.RAHASIA).order_by("pk").first(),
        "disposisi": sek.Disposisi.objects.filter(surat__sifat=sek.SifatSurat.BIASA).order_by("pk").first(),
        "konsep": sek.Naskah.objects.filter(status="konsep", membalas_disposisi=None).order_by("pk").first(),
        "terbit": sek.Naskah.objects.filter(status="terbit", membalas_disposisi=None).order_by("pk").first(),
        "spp": sek.Spp.objects.order_by("pk").first(),
        "perencanaan": sek.DokumenPerencanaan.objects.exclude(berkas_final="").order_by("pk").first(),
        "kasus": sek.KasusDisiplin.objects.order_by("pk").first(),
        "pegawai": sek.Pegawai.objects.order_by("pk").first(),
        "usulan": sek.UsulanKepegawaian.objects.order_by("pk").first(),
        # PIAK's demo records (piak/demo.py)
        "gangguan": Gangguan.objects.filter(terhenti=True).order_by("pk").first(),
        "gangguan_rekanan": Gangguan.objects.exclude(laporan_rekanan="").order_by("pk").first(),
        # a document produced on request (a register the Agendaris printed), ready to download
        "cetakan": Cetakan.objects.create(
            diminta_oleh=User.objects.get(username="agendaris"),
            jenis="buku-agenda-surat-keluar",
            kunci="latihan",
            status=Cetakan.Status.SIAP,
            file=ContentFile(b"%PDF-1.4 latihan", name="buku-agenda.pdf"),
            nama_file="buku-agenda.pdf",
        ),
    }


def chain_of(surat) -> frozenset[str]:
    """Who is in a letter's chain in the demo data: recorded it, held a step of it, gave or received
    one of its disposisi (the rule of a rahasia letter, read from the rows, not from the selector)."""
    held = WorkItem.objects.filter(content_type=ContentType.objects.get_for_model(surat), object_id=surat.pk)
    names = {surat.dicatat_oleh.username, *held.values_list("pengguna__username", flat=True)}
    for dari, kepada in sek.Disposisi.objects.filter(surat=surat).values_list("dari__username", "kepada__username"):
        names |= {dari, kepada}
    return frozenset(n for n in names if n)


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
        "cetakan": [
            (reverse("cetakan", args=[UNKNOWN_TOKEN]), Staff(404)),
            (reverse("cetakan", args=[d["cetakan"].token]), Requester("agendaris")),
        ],
        "cetakan-unduh": [
            (reverse("cetakan-unduh", args=[UNKNOWN_TOKEN]), Staff(404)),
            (reverse("cetakan-unduh", args=[d["cetakan"].token]), Requester("agendaris")),
        ],
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
        **sekretariat_table(d),
        **piak_table(d),
    }


def sekretariat_table(d: dict) -> dict[str, list[tuple[str, object]]]:
    """The Sekretariat's screens (sekretariat/urls.py) and the notices of every officer."""
    surat, rahasia, dispo = d["surat"], d["rahasia"], d["disposisi"]
    konsep, terbit, spp, ren = d["konsep"], d["terbit"], d["spp"], d["perencanaan"]

    def on_surat(s, status=200):
        return Surat(s.sifat == sek.SifatSurat.RAHASIA, chain_of(s), status)

    in_sek = lambda *aksi: AnyGrant(tuple(aksi), SEKRETARIAT)  # noqa: E731
    ren_aksi = (Aksi.PERENCANAAN_SUSUN, Aksi.PERENCANAAN_PERIKSA, Aksi.PERENCANAAN_PARAF, Aksi.PERENCANAAN_SETUJUI)
    n = "sekretariat:"

    def per_surat(name, status=200):
        return [(reverse(n + name, args=[s.pk]), on_surat(s, status)) for s in (surat, rahasia)]

    def naskah(name, row, aksi=None, status=200, extra=()):
        return [
            (
                reverse(n + name, args=[row.pk, *extra]),
                NaskahRecord(row.bidang.kode, row.pembuat.username, aksi, status),
            )
        ]

    return {
        # every officer's own notices; opening one and marking all read are POSTs
        "notifikasi": [(reverse("notifikasi"), Staff())],
        "notifikasi-buka": [(reverse("notifikasi-buka", args=[1]), POST_ONLY)],
        "notifikasi-baca-semua": [(reverse("notifikasi-baca-semua"), POST_ONLY)],
        # surat masuk and disposisi: the list shows each officer what they may see
        n + "surat-masuk": [(reverse(n + "surat-masuk"), Staff())],
        n + "surat-masuk-baru": [(reverse(n + "surat-masuk-baru"), Grant(Aksi.AGENDA_SURAT))],
        n + "buku-agenda-masuk": [(reverse(n + "buku-agenda-masuk"), Readers())],
        n + "surat-masuk-detail": per_surat("surat-masuk-detail"),
        n + "surat-masuk-pindaian": per_surat("surat-masuk-pindaian"),
        n + "lembar-disposisi": per_surat("lembar-disposisi", 302),  # asks for the PDF: to its cetakan
        n + "surat-masuk-aksi": [(reverse(n + "surat-masuk-aksi", args=[surat.pk, "teruskan"]), POST_ONLY)],
        n + "register-disposisi": [(reverse(n + "register-disposisi"), Staff())],
        n + "disposisi-diberikan": [(reverse(n + "disposisi-diberikan"), Staff())],
        n + "disposisi-detail": [(reverse(n + "disposisi-detail", args=[dispo.pk]), on_surat(dispo.surat))],
        n + "disposisi-aksi": [(reverse(n + "disposisi-aksi", args=[dispo.pk, "selesai"]), POST_ONLY)],
        # naskah dinas: the registers list what each officer may see
        n + "naskah-list": [(reverse(n + "naskah-list"), Staff())],
        n + "naskah-baru": [(reverse(n + "naskah-baru", args=[konsep.jenis.kode]), Grant(Aksi.KONSEP_NASKAH))],
        # «buat balasan» without a jenis: 400 to whoever may see the disposisi (the form asks for one)
        n + "naskah-balas": [(reverse(n + "naskah-balas", args=[dispo.pk]), on_surat(dispo.surat, 400))],
        n + "naskah-detail": naskah("naskah-detail", konsep) + naskah("naskah-detail", terbit),
        n + "naskah-ubah": naskah("naskah-ubah", konsep, Aksi.KONSEP_NASKAH),
        n + "naskah-diff": naskah("naskah-diff", konsep),  # the demo konsep was saved twice
        n + "naskah-pdf": naskah("naskah-pdf", konsep, status=302, extra=["konsep"]),
        n + "naskah-action": [(reverse(n + "naskah-action", args=[konsep.pk, "ajukan"]), POST_ONLY)],
        n + "buku-agenda-keluar": [(reverse(n + "buku-agenda-keluar"), Staff())],
        n + "buku-ekspedisi": [(reverse(n + "buku-ekspedisi"), Staff())],
        # presensi: the Sekretariat's keepers of it
        n + "presensi-rekap": [(reverse(n + "presensi-rekap"), Grant(Aksi.PRESENSI, SEKRETARIAT))],
        n + "presensi-rekap-ajukan": [(reverse(n + "presensi-rekap-ajukan"), POST_ONLY)],
        n + "presensi-impor": [(reverse(n + "presensi-impor"), Grant(Aksi.PRESENSI, SEKRETARIAT))],
        n + "presensi-keterangan": [(reverse(n + "presensi-keterangan"), Grant(Aksi.PRESENSI, SEKRETARIAT))],
        # disiplin
        n + "disiplin": [(reverse(n + "disiplin"), Grant(Aksi.DISIPLIN))],
        n + "disiplin-detail": [(reverse(n + "disiplin-detail", args=[d["kasus"].pk]), Grant(Aksi.DISIPLIN))],
        n + "disiplin-langkah": [(reverse(n + "disiplin-langkah", args=[d["kasus"].pk]), POST_ONLY)],
        # kepegawaian: the leaders read, the Kasubag keeps
        n + "pegawai-list": [(reverse(n + "pegawai-list"), Grant(Aksi.LIHAT_PEGAWAI))],
        n + "pegawai-baru": [(reverse(n + "pegawai-baru"), Grant(Aksi.KELOLA_PEGAWAI))],
        n + "pegawai-impor": [(reverse(n + "pegawai-impor"), Grant(Aksi.KELOLA_PEGAWAI))],
        n + "duk": [(reverse(n + "duk"), Grant(Aksi.LIHAT_PEGAWAI))],
        n + "buku-kendali-pegawai": [(reverse(n + "buku-kendali-pegawai"), Grant(Aksi.LIHAT_PEGAWAI))],
        n + "pegawai-detail": [(reverse(n + "pegawai-detail", args=[d["pegawai"].pk]), Grant(Aksi.LIHAT_PEGAWAI))],
        n + "pegawai-ubah": [(reverse(n + "pegawai-ubah", args=[d["pegawai"].pk]), Grant(Aksi.KELOLA_PEGAWAI))],
        n + "usulan-mulai": [(reverse(n + "usulan-mulai", args=[d["pegawai"].pk]), POST_ONLY)],
        n + "usulan-list": [(reverse(n + "usulan-list"), Grant(Aksi.LIHAT_PEGAWAI))],
        n + "usulan-detail": [(reverse(n + "usulan-detail", args=[d["usulan"].pk]), Grant(Aksi.LIHAT_PEGAWAI))],
        # keuangan: the finance officers and the leaders; an SPP is 404 to the others
        n + "spp-list": [(reverse(n + "spp-list"), Grant(Aksi.KEUANGAN_LIHAT))],
        n + "spp-baru": [(reverse(n + "spp-baru"), Grant(Aksi.SPP_SIAPKAN))],
        n + "spp-detail": [(reverse(n + "spp-detail", args=[spp.pk]), AnyGrant((Aksi.KEUANGAN_LIHAT,), denied=404))],
        n + "spp-aksi": [(reverse(n + "spp-aksi", args=[spp.pk, "ajukan"]), POST_ONLY)],
        n + "dpa": [(reverse(n + "dpa"), Grant(Aksi.KEUANGAN_LIHAT))],
        n + "realisasi": [(reverse(n + "realisasi"), Grant(Aksi.KEUANGAN_LIHAT))],
        # perencanaan dan pelaporan: whoever writes, checks, initials or approves it in the Sekretariat
        n + "perencanaan": [(reverse(n + "perencanaan"), in_sek(*ren_aksi))],
        n + "perencanaan-buat": [(reverse(n + "perencanaan-buat"), POST_ONLY)],
        n + "perencanaan-detail": [
            (reverse(n + "perencanaan-detail", args=[ren.pk]), AnyGrant(ren_aksi, SEKRETARIAT, 404))
        ],
        n + "perencanaan-berkas": [
            (reverse(n + "perencanaan-berkas", args=[ren.pk]), AnyGrant(ren_aksi, SEKRETARIAT, 404))
        ],
        n + "perencanaan-aksi": [(reverse(n + "perencanaan-aksi", args=[ren.pk, "ajukan"]), POST_ONLY)],
    }


def piak_table(d: dict) -> dict[str, list[tuple[str, object]]]:
    """PIAK's screens (piak/urls.py)."""
    g, rekanan = d["gangguan"], d["gangguan_rekanan"]
    n = "piak:"
    return {
        # gangguan: every officer reports and sees their own; PIAK and the leaders see all
        n + "gangguan-list": [(reverse(n + "gangguan-list"), Staff())],
        n + "gangguan-lapor": [(reverse(n + "gangguan-lapor"), Grant(Aksi.GANGGUAN_LAPOR))],
        n + "gangguan-detail": [(reverse(n + "gangguan-detail", args=[g.pk]), GangguanTicket(g.pelapor.username))],
        n + "gangguan-aksi": [(reverse(n + "gangguan-aksi", args=[g.pk, "triase"]), POST_ONLY)],
        n + "gangguan-rekanan-berkas": [
            (
                reverse(n + "gangguan-rekanan-berkas", args=[rekanan.pk]),
                GangguanTicket(rekanan.pelapor.username, reporter_too=False),
            )
        ],
        n + "gangguan-monitoring": [(reverse(n + "gangguan-monitoring"), Grant(Aksi.GANGGUAN_REKAP, PIAK))],
        n + "gangguan-monitoring-xlsx": [(reverse(n + "gangguan-monitoring-xlsx"), Grant(Aksi.GANGGUAN_REKAP, PIAK))],
        n + "gangguan-monitoring-ajukan": [(reverse(n + "gangguan-monitoring-ajukan"), POST_ONLY)],
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
    assert all(d[k] for k in d if k not in ("siap", "dokumen")), {k for k in d if not d[k]}
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
            client.force_login(User.objects.get(username=who))  # axes wants a request to sign in by password
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
