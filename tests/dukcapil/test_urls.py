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

from dukcapil.antrian.models import Loket, Tiket
from dukcapil.cetakan.models import Cetakan
from dukcapil.choices import Role, Status
from dukcapil.demo import DEMO_USERS, seed_demo
from dukcapil.ikm.models import LaporanIKM, UndanganIKM
from dukcapil.models import BatchTTE, Berkas, Dokumen, User
from dukcapil.services import ACTIONS
from dukcapil.warga.models import PermohonanOnline
from dukcapil.workflow.models import KartuKendali, WorkItem
from dukcapil.workflow.permissions import TABLE, Aksi, Lingkup
from piak import models as piak_models
from piak.models import GambarPublikasi, Gangguan, LaporanPerkembangan, Pengaduan
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
class BukaPermintaan(Surat):
    """«Buka permintaan data» on a disposisi: 404 like its letter, then the Kasi PIAK is sent on to the
    letter's case (302, the demo letter has one), 403 for the others."""

    def expect(self, who):
        seen = super().expect(who)
        if seen != self.status:
            return seen
        return 302 if holds(who, Aksi.PERMINTAAN_PERIKSA, PIAK) else 403


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
class CutiRecord:
    """A cuti request: its employee and whoever handles leave (Kasubag, Sekretaris, Kadis); 404 to others."""

    pemohon: str

    def expect(self, who):
        if who is None:
            return LOGIN
        handles = any(holds(who, a) for a in (Aksi.CUTI_PERIKSA, Aksi.CUTI_PARAF, Aksi.CUTI_PUTUS))
        return 200 if who == self.pemohon or handles else 404


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
        "spj": sek.SpjAdministratif.objects.filter(status="ditandatangani").order_by("pk").first(),
        "spj_fungsional": sek.SpjFungsional.objects.order_by("pk").first(),
        "daftar_gaji": sek.DaftarGaji.objects.order_by("pk").first(),
        "perencanaan": sek.DokumenPerencanaan.objects.exclude(berkas_final="").order_by("pk").first(),
        "kasus": sek.KasusDisiplin.objects.order_by("pk").first(),
        "pegawai": sek.Pegawai.objects.order_by("pk").first(),
        "usulan": sek.UsulanKepegawaian.objects.order_by("pk").first(),
        # a cuti request of a demo employee with an account (sekretariat/demo_cuti.py)
        "cuti": sek.PermohonanCuti.objects.filter(pegawai__pengguna__username="staf_umum", status="diajukan")
        .order_by("pk")
        .first(),
        # PIAK: the demo's signed and registered semester report (piak/demo.py)
        "laporan_penduduk": LaporanPerkembangan.objects.filter(status="terdaftar").order_by("pk").first(),
        # PIAK kerja sama/permintaan data (piak/demo.py): an agreement in force, a request under it
        "pks": piak_models.Kerjasama.objects.exclude(pindaian="").order_by("pk").first(),
        "permintaan": piak_models.PermintaanData.objects.filter(disposisi__isnull=False).order_by("pk").first(),
        # PIAK's demo records (piak/demo.py): a ticket Pendaftaran must answer, with its photo; a post
        "pengaduan": Pengaduan.objects.filter(bidang_penjawab__kode=PENDAFTARAN).exclude(lampiran="").first(),
        "publikasi": GambarPublikasi.objects.order_by("pk").first(),
        "ruangan": sek.Ruangan.objects.order_by("pk").first(),
        # PIAK distribusi blangko (piak/demo_distribusi_blangko.py): the request handed over with its BAST
        "permintaan_blangko": piak_models.PermintaanBlangko.objects.exclude(nomor_bast="").order_by("pk").first(),
        "barang": sek.Barang.objects.filter(dihapus=False).order_by("pk").first(),
        "usulan_bmd": sek.UsulanBmd.objects.order_by("pk").first(),
        # Anjab/ABK (sekretariat/demo_anjab.py): the round, one isian, one programme entry
        "putaran_anjab": sek.PutaranAnjab.objects.order_by("pk").first(),
        "isian_anjab": sek.IsianAnjab.objects.order_by("pk").first(),
        "program_sdm": sek.ProgramSdm.objects.order_by("pk").first(),
        # PIAK's demo records (piak/demo.py)
        "gangguan": Gangguan.objects.filter(terhenti=True).order_by("pk").first(),
        "gangguan_rekanan": Gangguan.objects.exclude(laporan_rekanan="").order_by("pk").first(),
        # PIAK inovasi (piak/demo_inovasi.py): a programme with its uploaded design
        "inovasi": piak_models.Inovasi.objects.exclude(rancangan="").order_by("pk").first(),
        "backup": piak_models.Backup.objects.order_by("pk").first(),
        "akses_pakta": piak_models.AksesDatabase.objects.exclude(pakta="").order_by("pk").first(),
        "kunjungan": piak_models.KunjunganRuangServer.objects.order_by("pk").first(),
        "perangkat": piak_models.PerangkatSiak.objects.order_by("pk").first(),
        "update_data": piak_models.PermohonanUpdateData.objects.exclude(bukti="").order_by("pk").first(),
        # the demo citizen's online applications (dukcapil/warga/demo.py): one returned, one accepted
        "online_kembali": PermohonanOnline.objects.filter(status="dikembalikan").order_by("pk").first(),
        "online_terima": PermohonanOnline.objects.filter(status="diverifikasi", berkas__isnull=False).first(),
        # IKM (dukcapil/ikm/demo.py): a resi's invitation not yet answered, last semester's report
        "undangan_ikm": UndanganIKM.objects.filter(dijawab_pada=None).order_by("pk").first(),
        "laporan_ikm": LaporanIKM.objects.order_by("pk").first(),
        # PIAK sosialisasi (piak/demo_sosialisasi.py): an event with its material uploaded
        "sosialisasi": piak_models.Sosialisasi.objects.exclude(materi="").order_by("pk").first(),
        # the queue (dukcapil/antrian/demo.py): a waiting ticket, a loket of each service bidang
        "tiket_antrian": Tiket.objects.filter(status="menunggu", sumber="kiosk").order_by("pk").first(),
        "loket_antrian": Loket.objects.filter(bidang__kode=PENDAFTARAN).order_by("nomor").first(),
        "loket_antrian_capil": Loket.objects.filter(bidang__kode=CAPIL).order_by("nomor").first(),
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


@dataclass(frozen=True)
class BmdPengusul:
    """The usulan BMD list: its readers, and whoever holds a room (they may propose for it)."""

    pj: frozenset[str]

    def expect(self, who):
        if who is None:
            return LOGIN
        return 200 if holds(who, Aksi.BMD_LIHAT, SEKRETARIAT) or who in self.pj else 403


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
        "tte-batch-progres": [(reverse("tte-batch-progres", args=[d["batch"].pk]), Signer())],
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
        **piak_kerjasama_table(d),
        **piak_pengaduan_table(d),
        **piak_gangguan_table(d),
        **piak_inovasi_table(d),
        **piak_operasional_table(d),
        **anjab_table(d),
        **piak_distribusi_blangko_table(d),
        **piak_update_data_table(d),
        **warga_table(d),
        **ikm_table(d),
        **piak_sosialisasi_table(d),
        **kinerja_table(d),
        **antrian_table(d),
    }


@dataclass(frozen=True)
class PengaduanReader:
    """PIAK pengaduan: PIAK's keepers and approver see every ticket; a Kasi/Kabid elsewhere the list
    (their bidang's tickets) and the tickets their bidang must answer (``bidang``); others 403/404."""

    bidang: str | None = None  # None: the list
    status: int = 200

    def expect(self, who):
        if who is None:
            return LOGIN
        if holds(who, Aksi.PENGADUAN_KELOLA, PIAK) or holds(who, Aksi.PENGADUAN_SETUJUI, PIAK):
            return self.status
        if self.bidang is None:
            return 200 if holds(who, Aksi.PENGADUAN_JAWAB) else 403
        return self.status if holds(who, Aksi.PENGADUAN_JAWAB, self.bidang) else 404


def piak_pengaduan_table(d: dict) -> dict[str, list[tuple[str, object]]]:
    """PIAK pengaduan/publikasi (piak/urls.py): the citizen's pages are public."""
    p, gambar = d["pengaduan"], d["publikasi"]
    pub = gambar.publikasi
    piak_staff = AnyGrant((Aksi.PENGADUAN_KELOLA, Aksi.PENGADUAN_SETUJUI), PIAK)
    pub_aksi = (Aksi.PUBLIKASI_SUSUN, Aksi.PUBLIKASI_PERIKSA, Aksi.PUBLIKASI_SEKRETARIS, Aksi.PUBLIKASI_KADIS)
    n = "piak:"
    return {
        n + "pengaduan-kirim": [(reverse(n + "pengaduan-kirim"), Public())],
        n + "pengaduan-cek": [(reverse(n + "pengaduan-cek"), Public())],
        n + "pengaduan": [(reverse(n + "pengaduan"), PengaduanReader())],
        n + "pengaduan-catat": [(reverse(n + "pengaduan-catat"), Grant(Aksi.PENGADUAN_KELOLA, PIAK))],
        n + "pengaduan-statistik": [(reverse(n + "pengaduan-statistik"), piak_staff)],
        n + "pengaduan-statistik-xlsx": [(reverse(n + "pengaduan-statistik-xlsx"), piak_staff)],
        n + "pengaduan-detail": [(reverse(n + "pengaduan-detail", args=[p.pk]), PengaduanReader(PENDAFTARAN))],
        n + "pengaduan-lampiran": [(reverse(n + "pengaduan-lampiran", args=[p.pk]), PengaduanReader(PENDAFTARAN))],
        n + "pengaduan-aksi": [(reverse(n + "pengaduan-aksi", args=[p.pk, "triase"]), POST_ONLY)],
        n + "publikasi": [(reverse(n + "publikasi"), AnyGrant(pub_aksi, PIAK))],
        n + "publikasi-buat": [(reverse(n + "publikasi-buat"), Grant(Aksi.PUBLIKASI_SUSUN, PIAK))],
        n + "publikasi-detail": [(reverse(n + "publikasi-detail", args=[pub.pk]), AnyGrant(pub_aksi, PIAK, 404))],
        n + "publikasi-gambar": [
            (reverse(n + "publikasi-gambar", args=[pub.pk, gambar.pk]), AnyGrant(pub_aksi, PIAK, 404))
        ],
        n + "publikasi-aksi": [(reverse(n + "publikasi-aksi", args=[pub.pk, "ajukan"]), POST_ONLY)],
    }


def piak_table(d: dict) -> dict[str, list[tuple[str, object]]]:
    """PIAK's screens (piak/urls.py): one block per process."""
    n = "piak:"
    # --- laporan perkembangan kependudukan: Bidang PIAK (Kasi, Kabid, ADB), the Sekretaris and the Kadis
    lap = d["laporan_penduduk"]
    lihat = AnyGrant((Aksi.LAPDUK_LIHAT,), "piak", denied=404)
    table = {
        n + "laporan-penduduk": [(reverse(n + "laporan-penduduk"), Grant(Aksi.LAPDUK_LIHAT, "piak"))],
        n + "laporan-penduduk-buat": [(reverse(n + "laporan-penduduk-buat"), POST_ONLY)],
        n + "laporan-penduduk-detail": [(reverse(n + "laporan-penduduk-detail", args=[lap.pk]), lihat)],
        # produced by a task through dukcapil.cetakan: a redirect to the document
        n + "laporan-penduduk-pdf": [
            (reverse(n + "laporan-penduduk-pdf", args=[lap.pk]), AnyGrant((Aksi.LAPDUK_LIHAT,), "piak", 404, 302))
        ],
        n + "laporan-penduduk-xlsx": [(reverse(n + "laporan-penduduk-xlsx", args=[lap.pk]), lihat)],
        n + "laporan-penduduk-ttd": [(reverse(n + "laporan-penduduk-ttd", args=[lap.pk]), lihat)],
        n + "laporan-penduduk-aksi": [(reverse(n + "laporan-penduduk-aksi", args=[lap.pk, "ajukan"]), POST_ONLY)],
    }
    # --- end laporan perkembangan kependudukan
    return table


def sekretariat_table(d: dict) -> dict[str, list[tuple[str, object]]]:
    """The Sekretariat's screens (sekretariat/urls.py) and the notices of every officer."""
    surat, rahasia, dispo = d["surat"], d["rahasia"], d["disposisi"]
    konsep, terbit, spp, ren = d["konsep"], d["terbit"], d["spp"], d["perencanaan"]
    room, brg = d["ruangan"], d["barang"]

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
        n + "disiplin-tutup": [(reverse(n + "disiplin-tutup", args=[d["kasus"].pk]), POST_ONLY)],
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
        **spj_table(d),
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
        # cuti pegawai: every officer's own balance and request form; the register for who handles leave
        n + "cuti-saldo": [(reverse(n + "cuti-saldo"), Staff())],
        n + "cuti-ajukan": [(reverse(n + "cuti-ajukan"), Staff())],
        n + "cuti-register": [
            (reverse(n + "cuti-register"), AnyGrant((Aksi.CUTI_PERIKSA, Aksi.CUTI_PARAF, Aksi.CUTI_PUTUS)))
        ],
        n + "cuti-detail": [(reverse(n + "cuti-detail", args=[d["cuti"].pk]), CutiRecord("staf_umum"))],
        n + "cuti-aksi": [(reverse(n + "cuti-aksi", args=[d["cuti"].pk, "teruskan"]), POST_ONLY)],
        # bmd: the pengurus barang (Staf/Kasubag of the Sekretariat) keeps the KIR, the leaders read it
        n + "bmd-ruangan": [(reverse(n + "bmd-ruangan"), Grant(Aksi.BMD_LIHAT, SEKRETARIAT))],
        n + "kir": [(reverse(n + "kir", args=[room.pk]), Grant(Aksi.BMD_LIHAT, SEKRETARIAT))],
        n + "kir-impor": [(reverse(n + "kir-impor", args=[room.pk]), Grant(Aksi.BMD_KELOLA, SEKRETARIAT))],
        # asks for the PDF: to its cetakan
        n + "kir-cetak": [
            (reverse(n + "kir-cetak", args=[room.pk]), AnyGrant((Aksi.BMD_LIHAT,), SEKRETARIAT, 403, 302))
        ],
        n + "bmd-label": [(reverse(n + "bmd-label"), POST_ONLY)],
        n + "barang-detail": [(reverse(n + "barang-detail", args=[brg.pk]), Grant(Aksi.BMD_LIHAT, SEKRETARIAT))],
        n + "barang-ubah": [(reverse(n + "barang-ubah", args=[brg.pk]), Grant(Aksi.BMD_KELOLA, SEKRETARIAT))],
        n + "barang-mutasi": [(reverse(n + "barang-mutasi", args=[brg.pk]), POST_ONLY)],
        n + "barang-qr": [(reverse(n + "barang-qr", args=[brg.token]), Grant(Aksi.BMD_LIHAT, SEKRETARIAT))],
        # the usulan: the readers, and a room's penanggung jawab (the demo's Kasi and Kasi PIAK hold rooms)
        n + "usulan-bmd-list": [(reverse(n + "usulan-bmd-list"), BmdPengusul(frozenset({"kasi", "kasi_piak"})))],
        n + "usulan-bmd-detail": [
            (reverse(n + "usulan-bmd-detail", args=[d["usulan_bmd"].pk]), AnyGrant((Aksi.BMD_LIHAT,), SEKRETARIAT, 404))
        ],
        n + "usulan-bmd-aksi": [(reverse(n + "usulan-bmd-aksi", args=[d["usulan_bmd"].pk, "ajukan"]), POST_ONLY)],
    }


def spj_table(d: dict) -> dict[str, list[tuple[str, object]]]:
    """SPJ administratif, SPJ fungsional and daftar gaji: the finance officers and the leaders read;
    a record is 404 to the others; a signed document asks for its PDF (302 to its cetakan)."""
    n = "sekretariat:"
    spj, fungsional, gaji = d["spj"], d["spj_fungsional"], d["daftar_gaji"]
    lihat = Grant(Aksi.KEUANGAN_LIHAT)
    rekam = AnyGrant((Aksi.KEUANGAN_LIHAT,), denied=404)
    pdf = AnyGrant((Aksi.KEUANGAN_LIHAT,), denied=404, status=302)
    return {
        n + "spj-list": [(reverse(n + "spj-list"), lihat)],
        n + "spj-baru": [(reverse(n + "spj-baru"), Grant(Aksi.SPJ_SUSUN))],
        n + "spj-detail": [(reverse(n + "spj-detail", args=[spj.pk]), rekam)],
        n + "spj-bukti": [(reverse(n + "spj-bukti", args=[spj.pk]), POST_ONLY)],
        n + "spj-cetak": [(reverse(n + "spj-cetak", args=[spj.pk]), pdf)],
        n + "spj-aksi": [(reverse(n + "spj-aksi", args=[spj.pk, "ajukan"]), POST_ONLY)],
        n + "spj-bukti-unduh": [(reverse(n + "spj-bukti-unduh", args=[spj.bukti.first().pk]), rekam)],
        n + "spj-fungsional-list": [(reverse(n + "spj-fungsional-list"), lihat)],
        n + "spj-fungsional-detail": [(reverse(n + "spj-fungsional-detail", args=[fungsional.pk]), rekam)],
        n + "spj-fungsional-cetak": [(reverse(n + "spj-fungsional-cetak", args=[fungsional.pk]), pdf)],
        n + "spj-fungsional-aksi": [(reverse(n + "spj-fungsional-aksi", args=[fungsional.pk, "ajukan"]), POST_ONLY)],
        n + "daftar-gaji-list": [(reverse(n + "daftar-gaji-list"), lihat)],
        n + "daftar-gaji-detail": [(reverse(n + "daftar-gaji-detail", args=[gaji.pk]), rekam)],
        n + "daftar-gaji-cetak": [(reverse(n + "daftar-gaji-cetak", args=[gaji.pk]), pdf)],
        n + "daftar-gaji-pph21": [(reverse(n + "daftar-gaji-pph21", args=[gaji.pk]), POST_ONLY)],
        n + "daftar-gaji-aksi": [(reverse(n + "daftar-gaji-aksi", args=[gaji.pk, "ajukan"]), POST_ONLY)],
    }


def piak_kerjasama_table(d: dict) -> dict[str, list[tuple[str, object]]]:
    """PIAK's kerja sama register and permintaan data (piak/urls.py): PIAK's officers and the leaders."""
    pks, case = d["pks"], d["permintaan"]
    lihat = AnyGrant((Aksi.KERJASAMA_LIHAT,), PIAK)
    n = "piak:"
    return {
        n + "kerjasama": [(reverse(n + "kerjasama"), lihat)],
        n + "kerjasama-baru": [(reverse(n + "kerjasama-baru"), Grant(Aksi.KERJASAMA_KELOLA, PIAK))],
        n + "kerjasama-detail": [(reverse(n + "kerjasama-detail", args=[pks.pk]), lihat)],
        n + "kerjasama-aksi": [(reverse(n + "kerjasama-aksi", args=[pks.pk, "ajukan"]), POST_ONLY)],
        n + "kerjasama-berkas": [(reverse(n + "kerjasama-berkas", args=[pks.pk, "pindaian"]), lihat)],
        n + "permintaan": [(reverse(n + "permintaan"), lihat)],
        n + "permintaan-detail": [(reverse(n + "permintaan-detail", args=[case.pk]), lihat)],
        n + "permintaan-aksi": [(reverse(n + "permintaan-aksi", args=[case.pk, "periksa"]), POST_ONLY)],
        n + "permintaan-dari-disposisi": [
            (
                reverse(n + "permintaan-dari-disposisi", args=[case.disposisi.pk]),
                BukaPermintaan(False, chain_of(case.surat)),
            )
        ],
    }


def anjab_table(d: dict) -> dict[str, list[tuple[str, object]]]:
    """Anjab/ABK and the programme of pengembangan SDM (P1.2.3): readers of ANJAB_LIHAT; actions POST."""
    n = "sekretariat:"
    putaran, isian, program = d["putaran_anjab"].pk, d["isian_anjab"].pk, d["program_sdm"].pk
    baca = Grant(Aksi.ANJAB_LIHAT)
    return {
        n + "anjab-list": [(reverse(n + "anjab-list"), baca)],
        n + "anjab-detail": [(reverse(n + "anjab-detail", args=[putaran]), baca)],
        n + "anjab-aksi": [(reverse(n + "anjab-aksi", args=[putaran, "usulkan"]), POST_ONLY)],
        n + "anjab-isian": [(reverse(n + "anjab-isian", args=[isian]), baca)],
        n + "anjab-isian-aksi": [(reverse(n + "anjab-isian-aksi", args=[isian, "ajukan"]), POST_ONLY)],
        n + "program-sdm-list": [(reverse(n + "program-sdm-list"), baca)],
        n + "program-sdm-detail": [(reverse(n + "program-sdm-detail", args=[program]), baca)],
        # the demo entries carry no sertifikat yet: 404 to readers
        n + "program-sdm-sertifikat": [
            (reverse(n + "program-sdm-sertifikat", args=[program]), AnyGrant((Aksi.ANJAB_LIHAT,), status=404))
        ],
    }


def piak_gangguan_table(d: dict) -> dict[str, list[tuple[str, object]]]:
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


def piak_inovasi_table(d: dict) -> dict[str, list[tuple[str, object]]]:
    """PIAK inovasi layanan (P.6.6): Bidang PIAK and the leaders read, PIAK proposes."""
    i = d["inovasi"]
    n = "piak:"
    lihat = Grant(Aksi.INOVASI_LIHAT, PIAK)
    return {
        n + "inovasi-list": [(reverse(n + "inovasi-list"), lihat)],
        n + "inovasi-usul": [(reverse(n + "inovasi-usul"), Grant(Aksi.INOVASI_KELOLA, PIAK))],
        n + "inovasi-detail": [(reverse(n + "inovasi-detail", args=[i.pk]), lihat)],
        n + "inovasi-aksi": [(reverse(n + "inovasi-aksi", args=[i.pk, "setujui"]), POST_ONLY)],
        n + "inovasi-rancangan": [(reverse(n + "inovasi-rancangan", args=[i.pk]), lihat)],
    }


def piak_operasional_table(d: dict) -> dict[str, list[tuple[str, object]]]:
    """PIAK's operational registers: PIAK's ADB/Kasi write, the Kabid PIAK and the Kadis read."""
    n = "piak:operasional-"
    lihat, kelola = Grant(Aksi.OPERASIONAL_LIHAT, PIAK), Grant(Aksi.OPERASIONAL_KELOLA, PIAK)
    table = {}
    for register in ("backup", "kunjungan", "akses", "perangkat"):
        table[n + register] = [(reverse(n + register), lihat)]
        table[n + register + "-xlsx"] = [(reverse(n + register + "-xlsx"), lihat)]
        table[n + register + "-baru"] = [(reverse(n + register + "-baru"), kelola)]
    table[n + "backup-uji"] = [(reverse(n + "backup-uji", args=[d["backup"].pk]), kelola)]
    table[n + "perangkat-periksa"] = [(reverse(n + "perangkat-periksa", args=[d["perangkat"].pk]), kelola)]
    table[n + "akses-pakta"] = [(reverse(n + "akses-pakta", args=[d["akses_pakta"].pk]), lihat)]
    table[n + "kunjungan-keluar"] = [(reverse(n + "kunjungan-keluar", args=[d["kunjungan"].pk]), POST_ONLY)]
    return table


def piak_distribusi_blangko_table(d: dict) -> dict[str, list[tuple[str, object]]]:
    """PIAK's distribusi blangko (piak/urls.py): PIAK's officers and the Kadis; ADB/Kasi record."""
    pb = d["permintaan_blangko"]
    lihat = Grant(Aksi.BLANGKO_DIST_LIHAT, PIAK)
    n = "piak:distribusi-blangko"
    return {
        n: [(reverse(n), lihat)],
        n + "-stok": [(reverse(n + "-stok"), lihat)],
        n + "-terima": [(reverse(n + "-terima"), POST_ONLY)],
        n + "-baru": [(reverse(n + "-baru"), Grant(Aksi.BLANGKO_DIST_CATAT, PIAK))],
        n + "-detail": [(reverse(n + "-detail", args=[pb.pk]), lihat)],
        n + "-aksi": [(reverse(n + "-aksi", args=[pb.pk, "usulkan"]), POST_ONLY)],
        n + "-bast": [(reverse(n + "-bast", args=[pb.pk]), AnyGrant((Aksi.BLANGKO_DIST_LIHAT,), PIAK, 403, 302))],
    }


def piak_update_data_table(d: dict) -> dict[str, list[tuple[str, object]]]:
    """Update data kependudukan (P.6.7): PIAK and the leaders read; PIAK's ADB and Kasi process."""
    p = d["update_data"]
    n = "piak:"
    lihat, olah = Grant(Aksi.UPDATE_DATA_LIHAT, PIAK), Grant(Aksi.UPDATE_DATA_OLAH, PIAK)
    return {
        n + "update-data-list": [(reverse(n + "update-data-list"), lihat)],
        n + "update-data-baru": [(reverse(n + "update-data-baru"), olah)],
        n + "update-data-detail": [(reverse(n + "update-data-detail", args=[p.pk]), lihat)],
        n + "update-data-aksi": [(reverse(n + "update-data-aksi", args=[p.pk, "verifikasi"]), POST_ONLY)],
        n + "update-data-bukti": [(reverse(n + "update-data-bukti", args=[p.pk]), olah)],
    }


@dataclass(frozen=True)
class WargaPage:
    """A citizen's page: anonymous visitors are sent to the citizen's sign-in (302), officers get 403
    (the demo users are all officers; the citizen's own answers are in tests/warga)."""

    def expect(self, who):
        return 302 if who is None else 403


@dataclass(frozen=True)
class Unggahan:
    """An uploaded persyaratan: the officers who see berkas or verify online applications of its bidang;
    404 to the others (its existence is not confirmed); anonymous: 302 to the citizen's sign-in."""

    bidang: str

    def expect(self, who):
        if who is None:
            return 302
        return 200 if any(holds(who, a, self.bidang) for a in (Aksi.LIHAT, Aksi.VERIFIKASI_ONLINE)) else 404


def warga_table(d: dict) -> dict[str, list[tuple[str, object]]]:
    """Layanan online warga: the citizen's pages, and the loket's «Permohonan online» (capil's demo)."""
    kembali, terima = d["online_kembali"], d["online_terima"]
    row = kembali.unggahan.order_by("pk").first()
    n = "warga:"
    return {
        n + "beranda": [(reverse(n + "beranda"), WargaPage())],
        n + "daftar": [(reverse(n + "daftar"), Public())],
        n + "kode": [(reverse(n + "kode"), Public(302))],  # no sign-up in progress: back to the form
        n + "kirim-ulang": [(reverse(n + "kirim-ulang"), Public(405))],
        n + "masuk": [(reverse(n + "masuk"), Public())],
        n + "buat": [(reverse(n + "buat", args=["pelita3"]), WargaPage())],
        n + "permohonan": [(reverse(n + "permohonan", args=[kembali.nomor_permohonan]), WargaPage())],
        n + "unggahan": [(reverse(n + "unggahan", args=[kembali.nomor_permohonan, row.pk]), Unggahan(CAPIL))],
        n + "dokumen": [(reverse(n + "dokumen", args=[terima.nomor_permohonan, "resi"]), WargaPage())],
        n + "konsep": [(reverse(n + "konsep", args=[terima.nomor_permohonan]), WargaPage())],
        n + "petugas": [(reverse(n + "petugas"), Grant(Aksi.VERIFIKASI_ONLINE))],
        n + "verifikasi": [
            (reverse(n + "verifikasi", args=[kembali.nomor_permohonan]), Grant(Aksi.VERIFIKASI_ONLINE, CAPIL))
        ],
    }


def ikm_table(d: dict) -> dict[str, list[tuple[str, object]]]:
    """IKM: the questionnaire is public (desk QR, resi token, kiosk); the office's leaders and the
    Kasi read the results; a Kasi draws the semester report up."""
    n = "ikm:"
    lihat = Grant(Aksi.LIHAT_IKM)
    lap = d["laporan_ikm"]
    return {
        n + "survei": [(reverse(n + "survei"), Public())],
        n + "terima-kasih": [(reverse(n + "terima-kasih"), Public())],
        n + "survei-resi": [
            (reverse(n + "survei-resi", args=[d["undangan_ikm"].token]), Public()),
            (reverse(n + "survei-resi", args=["token-yang-tidak-ada"]), Public(404)),
        ],
        n + "kiosk": [(reverse(n + "kiosk"), Public())],
        n + "kiosk-terima-kasih": [(reverse(n + "kiosk-terima-kasih"), Public())],
        n + "qr-loket-svg": [(reverse(n + "qr-loket-svg"), Public())],
        n + "qr-loket": [(reverse(n + "qr-loket"), lihat)],
        n + "hasil": [(reverse(n + "hasil"), lihat)],
        n + "hasil-xlsx": [(reverse(n + "hasil-xlsx"), lihat)],
        n + "laporan-baru": [(reverse(n + "laporan-baru"), Grant(Aksi.LAPORAN_IKM))],
        n + "laporan-detail": [(reverse(n + "laporan-detail", args=[lap.pk]), lihat)],
        n + "laporan-pdf": [(reverse(n + "laporan-pdf", args=[lap.pk]), AnyGrant((Aksi.LIHAT_IKM,), None, 403, 302))],
    }


def piak_sosialisasi_table(d: dict) -> dict[str, list[tuple[str, object]]]:
    """Sosialisasi kebijakan kependudukan: PIAK and the leaders read; the Kasi and Kabid PIAK plan and act."""
    s = d["sosialisasi"]
    n = "piak:sosialisasi-"
    lihat, kelola = Grant(Aksi.SOSIALISASI_LIHAT, PIAK), Grant(Aksi.SOSIALISASI_KELOLA, PIAK)
    return {
        n + "list": [(reverse(n + "list"), lihat)],
        n + "rencana": [(reverse(n + "rencana"), kelola)],
        n + "detail": [(reverse(n + "detail", args=[s.pk]), lihat)],
        n + "aksi": [(reverse(n + "aksi", args=[s.pk, "batalkan"]), POST_ONLY)],
        n + "berkas": [(reverse(n + "berkas", args=[s.pk, "materi"]), lihat)],
    }


def kinerja_table(d: dict) -> dict[str, list[tuple[str, object]]]:
    """Kinerja layanan: whoever holds «lihat kinerja» (Kadis, Sekretariat: every bidang; Kabid, Kasi: own)."""
    n = "kinerja:"
    lihat = Grant(Aksi.LIHAT_KINERJA)
    return {
        n + "dashboard": [(reverse(n + "dashboard"), lihat)],
        n + "api": [(reverse(n + "api"), lihat)],
        n + "terlambat": [(reverse(n + "terlambat"), lihat)],
        n + "ekspor": [
            (reverse(n + "ekspor", args=["layanan", "csv"]), lihat),
            (reverse(n + "ekspor", args=["terlambat", "xlsx"]), lihat),
        ],
        n + "laporan": [(reverse(n + "laporan"), lihat)],
        n + "laporan-pdf": [(reverse(n + "laporan-pdf"), AnyGrant((Aksi.LIHAT_KINERJA,), status=302))],
        n + "laporan-ajukan": [(reverse(n + "laporan-ajukan"), POST_ONLY)],
    }


def antrian_table(d: dict) -> dict[str, list[tuple[str, object]]]:
    """The queue: kiosk, online form, ticket page and display are public (no personal data); the
    console is the front office's of the loket's bidang; statistics for the counters and leaders."""
    n = "antrian:"
    t, l1, l3 = d["tiket_antrian"], d["loket_antrian"], d["loket_antrian_capil"]
    statistik = Grant(Aksi.STATISTIK_ANTRIAN)
    return {
        n + "kiosk": [(reverse(n + "kiosk"), Public())],
        n + "kiosk-tiket": [(reverse(n + "kiosk-tiket", args=[t.token]), Public())],
        n + "ambil": [(reverse(n + "ambil"), Public())],
        n + "tiket": [(reverse(n + "tiket", args=[t.token]), Public())],
        n + "tiket-batal": [(reverse(n + "tiket-batal", args=[t.token]), Public(405))],
        n + "loket-list": [(reverse(n + "loket-list"), Grant(Aksi.PANGGIL_ANTRIAN))],
        n + "loket": [
            (reverse(n + "loket", args=[l1.pk]), Grant(Aksi.PANGGIL_ANTRIAN, PENDAFTARAN)),
            (reverse(n + "loket", args=[l3.pk]), Grant(Aksi.PANGGIL_ANTRIAN, CAPIL)),
        ],
        n + "loket-panggil": [(reverse(n + "loket-panggil", args=[l1.pk]), POST_ONLY)],
        n + "loket-aksi": [(reverse(n + "loket-aksi", args=[l1.pk, t.pk, "layani"]), POST_ONLY)],
        n + "layar": [(reverse(n + "layar"), Public())],
        n + "layar-panggilan": [(reverse(n + "layar-panggilan"), Public())],
        n + "statistik": [(reverse(n + "statistik"), statistik)],
        n + "statistik-xlsx": [(reverse(n + "statistik-xlsx"), statistik)],
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
