"""Demo office: one user per role and berkas in every state, made through the real services."""

import random
from contextlib import contextmanager
from datetime import date, timedelta
from functools import partial

from celery import current_app
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction

from . import services
from .catalogue import load_office
from .choices import Role, Status
from .models import BatchTTE, BatchTTEItem, Berkas, Bidang, Layanan, SertifikatPenandatangan, User
from .tte import session_store
from .tte.services import install_dev_certificate, tte_batch_start

DEMO_PASSWORD = "demo-dukcapil-2026"
DEMO_TTE_PASSPHRASE = "tte-demo-2026"
WILAYAH = "210201"  # Kabupaten Bintan, Kecamatan Bintan Timur

DEMO_USERS = [
    ("loket", "Rina", "Petugas Loket", Role.PETUGAS_LOKET, "pendaftaran"),
    ("operator", "Dedi", "Operator SIAK", Role.OPERATOR_SIAK, "pendaftaran"),
    ("kasi", "Hendra", "Kasi Identitas Penduduk", Role.KASI, "pendaftaran"),
    ("kabid", "Sri", "Kabid Dafduk", Role.KABID, "pendaftaran"),
    ("kadis", "Ahmad", "Kepala Dinas", Role.KADIS, None),
    ("pengambilan", "Yusuf", "Petugas Pengambilan", Role.PETUGAS_PENGAMBILAN, "pendaftaran"),
    ("admin", "Admin", "Dukcapil", Role.ADMIN, None),
    ("kasi_capil", "Maya", "Kasi Kelahiran", Role.KASI, "pencatatan_sipil"),
    ("loket_capil", "Nina", "Petugas Loket Capil", Role.PETUGAS_LOKET, "pencatatan_sipil"),
    ("operator_capil", "Bayu", "Operator SIAK Capil", Role.OPERATOR_SIAK, "pencatatan_sipil"),
    ("kabid_capil", "Lestari", "Kabid Capil", Role.KABID, "pencatatan_sipil"),
    ("pengambilan_capil", "Tono", "Petugas Pengambilan Capil", Role.PETUGAS_PENGAMBILAN, "pencatatan_sipil"),
    ("kasi_piak", "Rudi", "Kasi Sistem Informasi", Role.KASI, "piak"),
    ("kabid_piak", "Wulan", "Kabid PIAK", Role.KABID, "piak"),
    ("adb", "Fajar", "Administrator Database", Role.ADB, "piak"),
]


def make_nik(tanggal_lahir: date, jenis_kelamin: str, seq: int, wilayah: str = WILAYAH) -> str:
    day = tanggal_lahir.day + (40 if jenis_kelamin == "P" else 0)
    return f"{wilayah}{day:02d}{tanggal_lahir.month:02d}{tanggal_lahir.year % 100:02d}{seq:04d}"


def demo_nip(index: int, perempuan: bool = False) -> str:
    """A NIP of the usual shape (birth date, TMT CPNS year and month, sex, serial); demo only."""
    lahir = date(1975 + index % 15, 1 + index % 12, 1 + index % 27)
    return f"{lahir:%Y%m%d}{2000 + index % 20}{1 + index % 12:02d}{2 if perempuan else 1}{index + 1:03d}"


DEMO_WOMEN = {"loket", "kabid", "kasi_capil", "loket_capil", "kabid_capil", "kabid_piak"}


def ensure_users() -> dict[str, User]:
    users = {}
    for index, (username, first, last, role, bidang_kode) in enumerate(DEMO_USERS):
        user, created = User.objects.get_or_create(username=username, defaults={"first_name": first, "last_name": last})
        if created:
            user.set_password(DEMO_PASSWORD)
        user.bidang = Bidang.objects.get(kode=bidang_kode) if bidang_kode else None
        user.is_staff = role == Role.ADMIN
        user.nip = demo_nip(index, username in DEMO_WOMEN)
        user.save(update_fields=["password", "bidang", "is_staff", "nip"])
        user.groups.set([Group.objects.get(name=role.label)])
        users[username] = user
    return users


FAMILIES = [
    ("BUDI SANTOSO", "SITI AMINAH", ["RIZKY PRATAMA", "AYU LESTARI"]),
    ("AGUS SETIAWAN", "DEWI KARTIKA", ["FAJAR NUGROHO"]),
    ("RUDI HARTONO", "NURHAYATI", ["PUTRI MAHARANI", "BAGUS SAPUTRA", "INDAH PERMATASARI"]),
    ("IWAN KURNIAWAN", "LINDA WATI", []),
    ("JOKO SUSILO", "ENDANG SULISTYOWATI", ["DIMAS ARYA"]),
    ("HERU PRASETYO", "WULAN SARI", ["NADIA SALSABILA"]),
    ("SLAMET RIYADI", "SRI WAHYUNI", ["ANDI WIJAYA", "TIKA RAHMAWATI"]),
    ("TAUFIK HIDAYAT", "RATNA JUWITA", ["ARIF RAHMAN"]),
    ("YUDI HERMAWAN", "MEGA UTAMI", []),
    ("BAMBANG SUTRISNO", "KARTINI", ["EKO PURNOMO"]),
]


def family_members(index: int, kepala: str, istri: str, anak: list[str]):
    from pendaftaran.services import AnggotaData

    rng = random.Random(index)
    seq = index * 10
    lahir_k = date(1975 + rng.randint(0, 15), rng.randint(1, 12), rng.randint(1, 28))
    lahir_i = lahir_k + timedelta(days=rng.randint(300, 1500))
    nikah = date(lahir_i.year + 22, rng.randint(1, 12), rng.randint(1, 28))
    # (hubungan, nama, L/P, tanggal lahir, tempat lahir, pendidikan, pekerjaan, nama ayah, nama ibu)
    people = [
        (
            "KEPALA KELUARGA",
            kepala,
            "L",
            lahir_k,
            "TANJUNG UBAN",
            "SLTA/SEDERAJAT",
            "WIRASWASTA",
            "SUPARMAN",
            "SUMIATI",
        ),
        ("ISTRI", istri, "P", lahir_i, "KIJANG", "DIPLOMA IV/STRATA I", "MENGURUS RUMAH TANGGA", "HASAN", "MARYAM"),
    ]
    for n, nama in enumerate(anak):
        lahir_a = date(nikah.year + 1 + 2 * n, rng.randint(1, 12), rng.randint(1, 28))
        jk = "P" if nama.split()[0] in {"AYU", "PUTRI", "INDAH", "NADIA", "TIKA"} else "L"
        people.append(("ANAK", nama, jk, lahir_a, "BINTAN", "TAMAT SD/SEDERAJAT", "PELAJAR/MAHASISWA", kepala, istri))
    return [
        AnggotaData(
            nik=make_nik(lahir, jk, seq + urutan),
            nama=nama,
            jenis_kelamin=jk,
            tempat_lahir=tempat,
            tanggal_lahir=lahir,
            agama="ISLAM",
            pendidikan=pendidikan,
            pekerjaan=pekerjaan,
            golongan_darah="",
            status_perkawinan="BELUM KAWIN" if hubungan == "ANAK" else "KAWIN",
            tanggal_perkawinan=None if hubungan == "ANAK" else nikah,
            hubungan=hubungan,
            kewarganegaraan="WNI",
            no_paspor="",
            no_kitap="",
            nama_ayah=ayah,
            nama_ibu=ibu,
        )
        for urutan, (hubungan, nama, jk, lahir, tempat, pendidikan, pekerjaan, ayah, ibu) in enumerate(people, start=1)
    ]


def register_family(index: int, users: dict[str, User], complete: bool = True) -> Berkas:
    kepala, istri, anak = FAMILIES[index % len(FAMILIES)]
    members = family_members(index, kepala, istri, anak)
    layanan = Layanan.objects.get(kode="kk")
    wajib = list(layanan.persyaratan_berlaku().filter(wajib=True).values_list("pk", flat=True))
    head = members[0]
    return services.berkas_register(
        layanan=layanan,
        pemohon=services.PemohonData(
            nik=head.nik,
            nama=head.nama,
            tanggal_lahir=head.tanggal_lahir,
            jenis_kelamin="L",
            telepon=f"08127700{index:04d}",
            # an address on every other pemohon: the outbox (admin → Pesan keluar) shows their messages
            email=f"pemohon{index}@contoh.example" if index % 2 == 0 else "",
        ),
        persyaratan_ids=wajib if complete else wajib[:-2],
        user=users["loket"],
        detail={"jenis": "baru"},
    )


def enter_family(berkas: Berkas, index: int, users: dict[str, User]) -> None:
    from pendaftaran.services import permohonan_kk_update

    kepala, istri, anak = FAMILIES[index % len(FAMILIES)]
    permohonan_kk_update(
        berkas_id=berkas.pk,
        user=users["operator"],
        data={
            "kode_wilayah": "210201",
            "alamat": f"JL. POS NO. {index + 3}",
            "rt": "001",
            "rw": "00" + str(index % 5 + 1),
            "desa_kelurahan": "KIJANG KOTA",
            "kecamatan": "BINTAN TIMUR",
            "kabupaten_kota": "BINTAN",
            "provinsi": "KEPULAUAN RIAU",
            "kode_pos": "29151",
        },
        anggota=family_members(index, kepala, istri, anak),
    )


STEPS = [  # (action, user) to reach each state after entry; TTE goes through sign()
    ("entri-selesai", "operator"),
    ("verifikasi", "kasi"),
    ("validasi", "kabid"),
]


def sign(berkas: Berkas, users: dict[str, User]) -> Berkas:
    tte_batch_start(user=users["kadis"], berkas_ids=[berkas.pk], passphrase=DEMO_TTE_PASSPHRASE)
    berkas.refresh_from_db()
    return berkas


def build_demo_berkas(users: dict[str, User], *, stuck_in_cetak: bool = False) -> list[Berkas]:
    """One berkas per state, each driven through the services as the officers would.

    stuck_in_cetak: also leave one in «cetak» as if the broker had been down (only where a
    worker and beat run, which produce it; in the embedded mode nothing would)."""

    def advance(b: Berkas, upto: int) -> Berkas:
        for action, who in STEPS[:upto]:
            b = services.berkas_transition(berkas_id=b.pk, action=action, user=users[who])
        return b

    def handed_over(b: Berkas, petugas: User) -> Berkas:
        services.berkas_serahkan(
            berkas_id=b.pk,
            user=petugas,
            penerima=services.PenerimaData(
                nama=b.pemohon_nama, nik=b.pemohon_nik, hubungan="sendiri", catatan="Diambil sendiri oleh pemohon."
            ),
        )
        b.refresh_from_db()
        return b

    def entered(index: int) -> Berkas:
        b = register_family(index, users)
        enter_family(b, index, users)
        return b

    made = [
        register_family(0, users, complete=False),  # dikembalikan
        register_family(1, users),  # diterima
        advance(entered(2), 1),  # verifikasi
        advance(entered(3), 2),  # validasi
        advance(entered(4), 3),  # tte
        services.berkas_transition(  # perbaikan
            berkas_id=advance(entered(5), 1).pk,
            action="koreksi",
            user=users["kasi"],
            note="Tanggal perkawinan kepala keluarga belum sesuai akta nikah.",
        ),
        sign(advance(entered(6), 3), users),  # siap diambil
        handed_over(sign(advance(entered(7), 3), users), users["pengambilan"]),  # diserahkan
        services.berkas_transition(  # dibatalkan
            berkas_id=register_family(8, users).pk,
            action="batalkan",
            user=users["loket"],
            note="Pemohon membatalkan permohonan.",
        ),
    ]
    if stuck_in_cetak:
        made.append(_left_in_cetak(advance(entered(9), 3), users))
    return made


def _left_in_cetak(b: Berkas, users: dict[str, User]) -> Berkas:
    """As if the broker had been down when the Kadis signed: while the signing session lasts the
    periodic sweep (celery beat) signs it, after that it returns to «tte»."""
    with transaction.atomic():
        locked = Berkas.objects.select_for_update().get(pk=b.pk)
        batch = BatchTTE.objects.create(penandatangan=users["kadis"])
        services.run_transition(locked, "sign", users["kadis"], f"Disetujui untuk TTE (batch #{batch.pk}).")
        BatchTTEItem.objects.create(batch=batch, record=locked)
        session_store.put(batch.pk, DEMO_TTE_PASSPHRASE)
    return locked


def register_at_counter(kode: str, person, detail: dict | None = None, *, user: User) -> Berkas:
    """A berkas of layanan ``kode`` for ``person`` (a registered resident), every persyaratan handed in."""
    layanan = Layanan.objects.get(kode=kode)
    return services.berkas_register(
        layanan=layanan,
        pemohon=services.PemohonData(
            nik=person.nik, nama=person.nama, tanggal_lahir=person.tanggal_lahir, jenis_kelamin=person.jenis_kelamin
        ),
        persyaratan_ids=list(layanan.persyaratan_berlaku().values_list("pk", flat=True)),
        user=user,
        detail=detail,
    )


def build_service_demo(users: dict[str, User]) -> list[Berkas]:
    """Population-registration berkas beyond KK baru, on the demo register: a KTP-el ready for pickup
    (aktivasi at the desk), a KIA waiting for blangko, an SKPWNI with the operator, a KK tambah anggota
    at the counter's back office."""
    from pendaftaran.demo import demo_child, seed_register
    from pendaftaran.layanan import permohonan_update

    families = seed_register(families=12, ktp_el=25, kia=0)

    at_counter = partial(register_at_counter, user=users["loket"])

    def through(b: Berkas, data: dict) -> Berkas:
        permohonan_update(berkas_id=b.pk, user=users["operator"], data=data)
        while b.status != Status.TTE:
            action, who = {
                Status.DITERIMA: ("entri-selesai", "operator"),
                Status.VERIFIKASI: ("verifikasi", "kasi"),
                Status.VALIDASI: ("validasi", "kabid"),
            }[b.status]
            b = services.berkas_transition(berkas_id=b.pk, action=action, user=users[who])
        return sign(b, users)

    heads = [f.anggota.get(hubungan="KEPALA KELUARGA") for f in families]
    child = demo_child()
    return [
        through(at_counter("ktp-el-cetak", heads[1]), {"catatan_cek_data": "Data SIAK dan perekaman cocok"}),
        through(at_counter("kia", child), {"no_akta_kelahiran": "2102-LT-01012022-0042"}),
        at_counter("skpwni", heads[2]),
        at_counter("kk-tambah-anggota", heads[3], {"nomor_kk": families[3].nomor_kk}),
    ]


@contextmanager
def tasks_in_process():
    """The demo is built by this command, not by a worker: its documents are made at once, in
    both modes (with a broker a worker may not be running yet)."""
    conf = current_app.conf
    before = conf.task_always_eager
    conf.task_always_eager = True
    try:
        yield
    finally:
        conf.task_always_eager = before


def seed_demo() -> tuple[dict[str, User], int]:
    with_worker = bool(settings.CELERY_BROKER_URL) and not settings.CELERY_TASK_ALWAYS_EAGER
    with tasks_in_process():
        return _seed_demo(with_worker)


def _seed_sekretariat(users: dict[str, User]) -> int:
    from sekretariat.demo import build_naskah_demo, build_surat_masuk_demo, ensure_sekretariat_users
    from sekretariat.models import Naskah, SuratMasuk

    users.update(ensure_sekretariat_users(DEMO_PASSWORD, demo_nip))
    made = 0
    if not SuratMasuk.objects.exists():
        made += len(build_surat_masuk_demo(users))
    if not Naskah.objects.exists():
        made += len(build_naskah_demo(users))

    # keuangan
    from sekretariat.demo_keuangan import build_keuangan_demo
    from sekretariat.models import Spp

    if not Spp.objects.exists():
        made += len(build_keuangan_demo(users))
    # --- end keuangan
    # perencanaan dan pelaporan
    from sekretariat.demo_perencanaan import build_perencanaan_demo
    from sekretariat.models import DokumenPerencanaan

    if not DokumenPerencanaan.objects.exists():
        made += len(build_perencanaan_demo(users))
    # --- end perencanaan

    # --- kepegawaian ---
    from sekretariat.demo_kepegawaian import build_kepegawaian_demo
    from sekretariat.models import Pegawai

    if not Pegawai.objects.exists():
        made += len(build_kepegawaian_demo(users))
    # --- end kepegawaian ---
    made += _seed_cuti(users)
    # presensi and disiplin are kept per Pegawai: after data pegawai
    made += _seed_presensi(users)
    made += _seed_disiplin(users)
    made += _seed_bmd(users)
    made += _seed_anjab(users)

    # --- SPJ dan daftar gaji (after keuangan and kepegawaian: it reads their rows) ---
    from sekretariat.demo_spj import build_gaji_demo, build_spj_demo
    from sekretariat.models import DaftarGaji, SpjAdministratif

    if not SpjAdministratif.objects.exists():
        made += len(build_spj_demo(users))
    if not DaftarGaji.objects.exists():
        made += len(build_gaji_demo(users))
    # --- end SPJ dan daftar gaji ---
    return made


def _seed_cuti(users: dict[str, User]) -> int:
    from sekretariat.demo_cuti import build_cuti_demo
    from sekretariat.models import PermohonanCuti

    return 0 if PermohonanCuti.objects.exists() else len(build_cuti_demo(users))


def _seed_disiplin(users: dict[str, User]) -> int:
    from sekretariat.demo_disiplin import build_disiplin_demo
    from sekretariat.models import KasusDisiplin

    return 0 if KasusDisiplin.objects.exists() else len(build_disiplin_demo(users))


def _seed_bmd(users: dict[str, User]) -> int:
    from sekretariat.demo_bmd import build_bmd_demo
    from sekretariat.models import Ruangan

    return 0 if Ruangan.objects.exists() else len(build_bmd_demo(users))


def _seed_anjab(users: dict[str, User]) -> int:
    from sekretariat.demo_anjab import build_anjab_demo
    from sekretariat.models import PutaranAnjab

    return 0 if PutaranAnjab.objects.exists() else len(build_anjab_demo(users))


def _seed_presensi(users: dict[str, User]) -> int:
    from sekretariat.demo_presensi import build_presensi_demo
    from sekretariat.models import ImporPresensi

    return 0 if ImporPresensi.objects.exists() else len(build_presensi_demo(users))


# PIAK's demo, one builder per process: (module, builder, model); a builder runs only while its
# model has no rows, so a second seed adds nothing.
PIAK_DEMO = [
    ("piak.demo", "build_laporan_penduduk_demo", "LaporanPerkembangan"),
    ("piak.demo_kerjasama", "build_kerjasama_demo", "Kerjasama"),
    ("piak.demo_kerjasama", "build_permintaan_demo", "PermintaanData"),
    ("piak.demo_pengaduan", "build_pengaduan_demo", "Pengaduan"),
    ("piak.demo_pengaduan", "build_publikasi_demo", "Publikasi"),
    ("piak.demo_gangguan", "build_gangguan_demo", "Gangguan"),
    ("piak.demo_inovasi", "build_inovasi_demo", "Inovasi"),
    ("piak.demo_operasional", "build_operasional_demo", "Backup"),
    ("piak.demo_distribusi_blangko", "build_distribusi_blangko_demo", "PermintaanBlangko"),
    ("piak.demo_update_data", "build_update_data_demo", "PermohonanUpdateData"),
    ("piak.demo_sosialisasi", "build_sosialisasi_demo", "Sosialisasi"),
]


def _seed_piak(users: dict[str, User]) -> int:
    """PIAK's demo records (after the Sekretariat's officers and letters, which they use)."""
    from importlib import import_module

    from django.apps import apps

    made = 0
    for module, builder, model in PIAK_DEMO:
        if not apps.get_model("piak", model).objects.exists():
            made += len(getattr(import_module(module), builder)(users))
    return made


def _seed_ikm(users: dict[str, User]) -> int:
    """The IKM survey's demo (dukcapil/ikm/demo.py): a semester of answers and its report."""
    from .ikm.demo import build_ikm_demo
    from .ikm.models import ResponIKM

    return 0 if ResponIKM.objects.exists() else len(build_ikm_demo(users))


def _seed_antrian(users: dict[str, User]) -> int:
    """The queue's lines, lokets and tickets (dukcapil/antrian/demo.py), while there is no ticket."""
    from .antrian.demo import build_antrian_demo
    from .antrian.models import Tiket

    return 0 if Tiket.objects.exists() else len(build_antrian_demo(users))


def _seed_demo(with_worker: bool) -> tuple[dict[str, User], int]:
    for slug in settings.SOP_FALLBACK_OFFICES:
        if slug != settings.OFFICE_SLUG:
            load_office(slug=slug, activate=False)
    load_office(slug=settings.OFFICE_SLUG)
    users = ensure_users()
    if not SertifikatPenandatangan.objects.filter(pengguna=users["kadis"]).exists():
        install_dev_certificate(
            user=users["kadis"], passphrase=DEMO_TTE_PASSPHRASE, nama="Ahmad Kepala Dinas", nip=users["kadis"].nip
        )
    created = 0
    if not Berkas.objects.exists():
        from pencatatan_sipil.demo import build_capil_demo

        made = build_demo_berkas(users, stuck_in_cetak=with_worker)
        created = len(made) + len(build_service_demo(users)) + len(build_capil_demo(users))
        from .kinerja.demo import build_kinerja_demo

        build_kinerja_demo()  # late open berkas for /kinerja/terlambat/
    created += _seed_sekretariat(users)
    created += _seed_piak(users)
    from .warga.demo import build_warga_demo

    created += len(build_warga_demo(users, DEMO_PASSWORD))
    created += _seed_ikm(users)
    created += _seed_antrian(users)
    statuses = set(Berkas.objects.values_list("status", flat=True))
    expected = {s for s in Status.values if s != Status.BARU and (with_worker or s != Status.CETAK)}
    missing = expected - statuses
    if missing:
        raise RuntimeError(f"demo data lacks states: {sorted(missing)}")
    return users, created
