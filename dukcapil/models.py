"""Shared core: bidang, staff, the SOP catalogue and the berkas with its state machine."""

import uuid

from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django_fsm import GET_STATE, FSMField, FSMModelMixin, transition
from simple_history.models import HistoricalRecords

from .cetakan.models import Cetakan  # noqa: F401 (models of this app)
from .choices import CANCELLABLE_STATUSES, FINAL_STATUSES, Alur, JenisKelamin, KategoriBatal, Status
from .notifikasi.models import Notifikasi, PesanKeluar  # noqa: F401 (models of this app)
from .tte.signable import Signable
from .workflow.models import KartuKendali, RecordLink, WorkflowRecord, WorkItem, optional_link  # noqa: F401 (models of this app)
from .workflow.permissions import SYSTEM, Aksi, requires, requires_by_state


class Bidang(models.Model):
    kode = models.SlugField("kode", max_length=40, unique=True)
    nama = models.CharField("nama", max_length=200)

    class Meta:
        verbose_name = "bidang"
        verbose_name_plural = "bidang"
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama


class UnitKerja(models.Model):
    """A sub-unit of a bidang: a seksi (e.g. Seksi Pengolahan dan Penyajian Data) or a subbagian."""

    class Jenis(models.TextChoices):
        SEKSI = "seksi", "Seksi"
        SUBBAGIAN = "subbagian", "Subbagian"

    bidang = models.ForeignKey(Bidang, verbose_name="bidang", related_name="unit", on_delete=models.PROTECT)
    kode = models.SlugField("kode", max_length=60, unique=True)
    nama = models.CharField("nama", max_length=200)
    jenis = models.CharField("jenis", max_length=10, choices=Jenis.choices)

    class Meta:
        verbose_name = "unit kerja"
        verbose_name_plural = "unit kerja"
        ordering = ["bidang__nama", "nama"]

    def __str__(self) -> str:
        return self.nama


class User(AbstractUser):
    """A staff member. A user without bidang (Kadis, admin) sees every bidang.

    Roles are Django groups named after ``Role``; what each may do is in dukcapil.workflow.permissions.
    """

    bidang = models.ForeignKey(Bidang, verbose_name="bidang", null=True, blank=True, on_delete=models.PROTECT)
    unit = models.ForeignKey(
        UnitKerja,
        verbose_name="seksi/subbagian",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text="Bila SOP menugaskan seksi atau subbagian tertentu.",
    )
    nip = models.CharField("NIP", max_length=30, blank=True)

    class Meta:
        verbose_name = "pegawai"
        verbose_name_plural = "pegawai"

    def __str__(self) -> str:
        return self.get_full_name() or self.username


# --- SOP catalogue: offices, their SOPs (header, Standar Pelayanan, steps, persyaratan) ----


class Kantor(models.Model):
    """An office whose SOP set is in the catalogue; exactly one is the deployment's (aktif)."""

    slug = models.SlugField("slug", max_length=40, unique=True)
    nama_dinas = models.CharField("nama dinas", max_length=200)
    pemerintah = models.CharField("pemerintah", max_length=200, blank=True)
    kabupaten_kota = models.CharField("kabupaten/kota", max_length=100, blank=True)
    alamat = models.CharField("alamat", max_length=300, blank=True)
    kepala_dinas_nama = models.CharField("nama kepala dinas", max_length=150, blank=True)
    kepala_dinas_nip = models.CharField("NIP kepala dinas", max_length=30, blank=True)
    logo = models.FileField("logo", upload_to="kantor/", blank=True)
    menit_kerja_per_hari = models.PositiveSmallIntegerField(
        "menit kerja per hari",
        default=450,
        help_text="Jam pelayanan sehari dalam menit (450 = 7,5 jam); dipakai mengubah hari kerja ke menit.",
    )
    maklumat_pelayanan = models.TextField("maklumat pelayanan", blank=True)
    sumber = models.CharField("sumber dokumen", max_length=300, blank=True)
    aktif = models.BooleanField("kantor deployment ini", default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "kantor"
        verbose_name_plural = "kantor"
        ordering = ["slug"]
        constraints = [
            models.UniqueConstraint(fields=["aktif"], condition=models.Q(aktif=True), name="satu_kantor_aktif")
        ]

    def __str__(self) -> str:
        return f"{self.nama_dinas} {self.kabupaten_kota}".strip()


class Layanan(models.Model):
    """A citizen service. jenis_berkas says which berkas kind the system uses for it (blank: info only)."""

    kode = models.SlugField("kode", max_length=60, unique=True)
    nama = models.CharField("nama layanan", max_length=200)
    bidang = models.ForeignKey(Bidang, verbose_name="bidang", on_delete=models.PROTECT)
    jenis_berkas = models.CharField(
        "jenis berkas",
        max_length=60,
        blank=True,
        help_text="Jenis data dan dokumen yang diolah sistem untuk layanan ini, mis. pendaftaran.kk; "
        "kosong bila berkasnya belum dapat diterima sistem.",
    )
    prefix_nomor = models.CharField("prefix nomor registrasi", max_length=8, blank=True)
    sop = optional_link(
        "SOP",
        "SOP yang berlaku",
        on_delete=models.SET_NULL,
        help_text="SOP kantor aktif untuk layanan ini; persyaratan dan waktu diambil dari sini.",
    )
    alur = models.CharField(
        "urutan kerja",
        max_length=20,
        choices=Alur.choices,
        default=Alur.ENTRI_DULU,
        help_text="Diturunkan dari urutan langkah SOP saat katalog dimuat; dapat diubah admin.",
    )
    komponen = models.JSONField(
        "komponen paket",
        default=list,
        blank=True,
        help_text="Untuk paket layanan (jenis berkas dukcapil.paket): kode layanan komponennya, berurutan, "
        'mis. ["akta-perceraian", "kk-pisah", "ktp-el-perubahan-data"].',
    )
    aktif = models.BooleanField("aktif", default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "layanan"
        verbose_name_plural = "layanan"
        ordering = ["bidang__nama", "nama"]

    def __str__(self) -> str:
        return self.nama

    @property
    def menerima_berkas(self) -> bool:
        return bool(self.aktif and self.jenis_berkas and self.sop_id)

    def persyaratan_berlaku(self):
        return Persyaratan.objects.filter(sop_id=self.sop_id).order_by("urutan")

    def langkah_berlaku(self):
        return LangkahSOP.objects.filter(sop_id=self.sop_id).select_related("sop__kantor").order_by("urutan")


class SOP(models.Model):
    kantor = models.ForeignKey(Kantor, verbose_name="kantor", related_name="sop", on_delete=models.CASCADE)
    slug = models.SlugField("slug", max_length=120)
    nomor = models.CharField("nomor SOP", max_length=100, blank=True)
    nama = models.CharField("nama SOP", max_length=300)
    bidang = models.ForeignKey(Bidang, verbose_name="bidang", on_delete=models.PROTECT)
    kelompok = models.CharField("kelompok", max_length=200, blank=True)
    layanan = models.ForeignKey(
        Layanan, verbose_name="layanan", null=True, blank=True, on_delete=models.SET_NULL, related_name="sop_set"
    )
    tanggal_pembuatan = models.CharField("tanggal pembuatan", max_length=60, blank=True)
    tanggal_revisi = models.CharField("tanggal revisi", max_length=60, blank=True)
    tanggal_efektif = models.CharField("tanggal efektif", max_length=60, blank=True)
    tanggal_pengesahan = models.CharField("tanggal pengesahan", max_length=60, blank=True)
    disahkan_oleh = models.CharField("disahkan oleh", max_length=300, blank=True)
    dasar_hukum = models.TextField("dasar hukum", blank=True)
    kualifikasi_pelaksana = models.TextField("kualifikasi pelaksana", blank=True)
    keterkaitan = models.TextField("keterkaitan", blank=True)
    peralatan = models.TextField("peralatan/perlengkapan", blank=True)
    peringatan = models.TextField("peringatan", blank=True)
    pencatatan = models.TextField("pencatatan dan pendataan", blank=True)
    total_waktu_teks = models.CharField("total waktu (tertulis)", max_length=100, blank=True)
    catatan_transkripsi = models.TextField("catatan transkripsi", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "SOP"
        verbose_name_plural = "SOP"
        ordering = ["kantor", "bidang", "nama"]
        constraints = [models.UniqueConstraint(fields=["kantor", "slug"], name="sop_slug_unik_per_kantor")]

    def __str__(self) -> str:
        return f"{self.nama} ({self.kantor.slug})"


class StandarPelayanan(models.Model):
    """The 14 components of a Standar Pelayanan (PermenPAN-RB 15/2014; Bintan's table)."""

    COMPONENTS = [
        ("dasar_hukum", "Dasar hukum"),
        ("persyaratan", "Persyaratan"),
        ("prosedur", "Sistem, mekanisme dan prosedur"),
        ("jangka_waktu", "Jangka waktu penyelesaian"),
        ("biaya", "Biaya/tarif"),
        ("produk", "Produk pelayanan"),
        ("sarana_prasarana", "Sarana dan prasarana"),
        ("kompetensi_pelaksana", "Kompetensi pelaksana"),
        ("pengawasan_internal", "Pengawasan internal"),
        ("penanganan_pengaduan", "Penanganan pengaduan"),
        ("jumlah_pelaksana", "Jumlah pelaksana"),
        ("jaminan_pelayanan", "Jaminan pelayanan"),
        ("jaminan_keamanan", "Jaminan keamanan dan keselamatan"),
        ("evaluasi_kinerja", "Evaluasi kinerja pelaksana"),
    ]

    sop = models.OneToOneField(SOP, verbose_name="SOP", related_name="standar_pelayanan", on_delete=models.CASCADE)
    dasar_hukum = models.TextField("dasar hukum", blank=True)
    persyaratan = models.TextField("persyaratan", blank=True)
    prosedur = models.TextField("sistem, mekanisme dan prosedur", blank=True)
    jangka_waktu = models.TextField("jangka waktu penyelesaian", blank=True)
    jangka_waktu_hari_kerja = models.PositiveSmallIntegerField("jangka waktu (hari kerja)", null=True, blank=True)
    biaya = models.TextField("biaya/tarif", blank=True)
    produk = models.TextField("produk pelayanan", blank=True)
    sarana_prasarana = models.TextField("sarana dan prasarana", blank=True)
    kompetensi_pelaksana = models.TextField("kompetensi pelaksana", blank=True)
    pengawasan_internal = models.TextField("pengawasan internal", blank=True)
    penanganan_pengaduan = models.TextField("penanganan pengaduan", blank=True)
    jumlah_pelaksana = models.TextField("jumlah pelaksana", blank=True)
    jaminan_pelayanan = models.TextField("jaminan pelayanan", blank=True)
    jaminan_keamanan = models.TextField("jaminan keamanan dan keselamatan", blank=True)
    evaluasi_kinerja = models.TextField("evaluasi kinerja pelaksana", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "standar pelayanan"
        verbose_name_plural = "standar pelayanan"

    def __str__(self) -> str:
        return f"Standar pelayanan {self.sop}"

    def components(self) -> list[tuple[str, str]]:
        return [(label, getattr(self, field)) for field, label in self.COMPONENTS]


class WaktuSatuan(models.TextChoices):
    MENIT = "menit", "menit"
    JAM = "jam", "jam"
    HARI_KERJA = "hari_kerja", "hari kerja"
    HARI = "hari", "hari"


class LangkahSOP(models.Model):
    sop = models.ForeignKey(SOP, verbose_name="SOP", related_name="langkah", on_delete=models.CASCADE)
    urutan = models.PositiveSmallIntegerField("urutan")
    uraian = models.TextField("uraian kegiatan")
    pelaksana = models.CharField("pelaksana (tertulis)", max_length=300, blank=True)
    peran = models.JSONField("peran", default=list, blank=True, help_text='Kode peran pelaksana, mis. ["kasi"].')
    kelengkapan = models.TextField("kelengkapan", blank=True)
    waktu_jumlah = models.DecimalField("waktu", max_digits=7, decimal_places=2, null=True, blank=True)
    waktu_satuan = models.CharField("satuan waktu", max_length=12, choices=WaktuSatuan.choices, blank=True)
    waktu_teks = models.CharField("waktu (tertulis)", max_length=100, blank=True)
    output = models.TextField("output", blank=True)
    keterangan = models.TextField("keterangan", blank=True)
    tahap = models.CharField(
        "tahap berkas",
        max_length=20,
        choices=Status.choices,
        blank=True,
        help_text="Status berkas selama langkah ini dikerjakan; dipakai kotak masuk dan kartu kendali.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "langkah SOP"
        verbose_name_plural = "langkah SOP"
        ordering = ["sop", "urutan"]
        constraints = [models.UniqueConstraint(fields=["sop", "urutan"], name="langkah_urutan_unik")]

    def __str__(self) -> str:
        return f"{self.urutan}. {self.uraian[:60]}"

    def waktu_label(self) -> str:
        """The step's standard time as in force now ('45 menit'); the seed's wording when it has no number."""
        if self.waktu_jumlah is None or not self.waktu_satuan:
            return self.waktu_teks or "tidak ditetapkan"
        amount = self.waktu_jumlah.normalize()
        return f"{amount:f} {self.get_waktu_satuan_display()}"

    def waktu_menit(self, menit_kerja_per_hari: int | None = None) -> int | None:
        """Standard time in minutes; working days count the office's working minutes per day."""
        if self.waktu_jumlah is None or not self.waktu_satuan:
            return None
        per_day = menit_kerja_per_hari or self.sop.kantor.menit_kerja_per_hari
        factor = {"menit": 1, "jam": 60, "hari_kerja": per_day, "hari": per_day}[self.waktu_satuan]
        return int(self.waktu_jumlah * factor)


class Persyaratan(models.Model):
    sop = models.ForeignKey(SOP, verbose_name="SOP", related_name="persyaratan", on_delete=models.CASCADE)
    urutan = models.PositiveSmallIntegerField("urutan")
    nama = models.CharField("persyaratan", max_length=500)
    wajib = models.BooleanField("wajib", default=True)
    kondisi = models.CharField(
        "kondisi", max_length=200, blank=True, help_text='Untuk syarat bersyarat, mis. "jika hilang".'
    )
    kondisi_dari_kantor = models.BooleanField(
        "kondisi dari kantor",
        default=False,
        help_text="Kondisi ini ditetapkan kantor sendiri; naskah SOP mencantumkan persyaratan ini tanpa syarat.",
    )
    sumber = models.CharField(
        "sumber",
        max_length=200,
        blank=True,
        help_text="Dasar persyaratan bila bukan naskah SOP kantor, mis. «Perpres 96/2018 Pasal 33».",
    )
    catatan = models.CharField("catatan", max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "persyaratan"
        verbose_name_plural = "persyaratan"
        ordering = ["sop", "urutan"]

    def __str__(self) -> str:
        return self.nama

    KONDISI_DARI_KANTOR_LABEL = "kondisi dari kantor, tidak tertulis di SOP"

    @property
    def keterangan(self) -> str:
        """What the checklist prints after the name: the condition, whose it is, and a source other than the SOP."""
        parts = []
        if not self.wajib:
            parts.append(", ".join(x for x in ("tidak wajib", self.kondisi_tambahan) if x))
        if self.kondisi_dari_kantor:
            parts.append(self.KONDISI_DARI_KANTOR_LABEL)
        if self.sumber:
            parts.append(f"sumber: {self.sumber}")
        return "; ".join(parts)

    @property
    def kondisi_tambahan(self) -> str:
        """The condition, unless the name already says it ('Surat Laporan Kedatangan (bagi Penduduk Pindahan)')."""
        return "" if self.kondisi.lower() in self.nama.lower() else self.kondisi


class HariLibur(models.Model):
    """Cuti bersama and office closures; national holidays come from the ``holidays`` package."""

    class Jenis(models.TextChoices):
        CUTI_BERSAMA = "cuti_bersama", "Cuti bersama"
        PENUTUPAN = "penutupan", "Kantor tutup"

    tanggal = models.DateField("tanggal", unique=True)
    jenis = models.CharField("jenis", max_length=20, choices=Jenis.choices)
    keterangan = models.CharField("keterangan", max_length=200)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "hari libur kantor"
        verbose_name_plural = "hari libur kantor"
        ordering = ["tanggal"]

    def __str__(self) -> str:
        return f"{self.tanggal:%d-%m-%Y} {self.keterangan}"


# --- Berkas ---------------------------------------------------------------------------


_SEND_BACK = requires_by_state(
    {Status.VERIFIKASI: Aksi.VERIFIKASI, Status.VALIDASI: Aksi.VALIDASI, Status.TTE: Aksi.TTE}
)


def _first_back_office_state(berkas: "Berkas") -> str:
    return Status.VERIFIKASI if berkas.alur == Alur.VERIFIKASI_DULU else Status.DITERIMA


OPEN_BERKAS = ~models.Q(status__in=[str(s) for s in FINAL_STATUSES])


class Berkas(FSMModelMixin, Signable, WorkflowRecord):
    """One application for one layanan, followed from the counter to pickup."""

    nomor_registrasi = models.CharField("nomor registrasi", max_length=30, unique=True)
    layanan = models.ForeignKey(Layanan, verbose_name="layanan", on_delete=models.PROTECT)
    pemohon_nik = models.CharField("NIK pemohon", max_length=16, db_index=True)
    pemohon_nama = models.CharField("nama pemohon", max_length=150)
    pemohon_tanggal_lahir = models.DateField("tanggal lahir pemohon")
    pemohon_jenis_kelamin = models.CharField("jenis kelamin pemohon", max_length=1, choices=JenisKelamin.choices)
    pemohon_telepon = models.CharField("telepon/WA", max_length=20, blank=True)
    pemohon_email = models.EmailField("email", blank=True)
    status = FSMField("status", default=Status.BARU, choices=Status.choices, protected=True)
    # The layanan's order of work at registration (entry first, or manual verification first).
    alur = models.CharField("urutan kerja", max_length=20, choices=Alur.choices, default=Alur.ENTRI_DULU)
    persyaratan_diserahkan = models.ManyToManyField(
        Persyaratan, verbose_name="persyaratan diserahkan", blank=True, related_name="+"
    )
    persyaratan_kurang = models.JSONField("persyaratan kurang", default=list, blank=True)
    jangka_waktu_hari_kerja = models.PositiveSmallIntegerField(null=True, blank=True)
    kategori_batal = models.CharField("kategori alasan batal", max_length=20, choices=KategoriBatal.choices, blank=True)
    dibuat_oleh = models.ForeignKey(User, verbose_name="didaftarkan oleh", on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField("didaftarkan pada", default=timezone.now)
    # One token per intake form: a double click or a resent form registers the berkas once.
    intake_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    # Whom or what the berkas is about (BerkasKind.subject_key); one open berkas per subject.
    # Empty (NULL) when the kind allows several at once (a new akta kelahiran: twins).
    # NULL, not "": NULLs never collide in the unique index.
    kunci_subjek = models.CharField(  # noqa: DJ001
        "kunci subjek", max_length=120, null=True, blank=True, editable=False
    )
    kartu_kendali = GenericRelation(KartuKendali, related_query_name="berkas")
    dokumen = GenericRelation("Dokumen", related_query_name="berkas")
    tte_items = GenericRelation("BatchTTEItem", related_query_name="berkas")
    history = HistoricalRecords(excluded_fields=["persyaratan_kurang", "standar_waktu"])

    KOTAK_MASUK = {
        Status.DIKEMBALIKAN: Aksi.TERIMA,
        Status.MENUNGGU_KONFIRMASI: Aksi.ENTRI,
        Status.DITERIMA: Aksi.ENTRI,
        Status.PERBAIKAN: Aksi.ENTRI,
        Status.VERIFIKASI: Aksi.VERIFIKASI,
        Status.VALIDASI: Aksi.VALIDASI,
        Status.TTE: Aksi.TTE,
        Status.SIAP_DIAMBIL: Aksi.SERAHKAN,
    }

    class Meta:
        verbose_name = "berkas"
        verbose_name_plural = "berkas"
        indexes = [
            models.Index(fields=["bidang", "status", "status_sejak"], name="berkas_inbox_idx"),
            # the queue API's default (open berkas, oldest in their state first, keyset pages)
            models.Index(fields=["status_sejak", "id"], condition=OPEN_BERKAS, name="berkas_terbuka_sejak_idx"),
            # a state with that order: the queue API's status filter, the pickup lists
            models.Index(fields=["status", "status_sejak", "id"], name="berkas_status_sejak_idx"),
            # the admin's status filter, newest first
            models.Index(fields=["status", "id"], name="berkas_status_id_idx"),
            # ringkasan: open berkas counted per state, layanan and bidang from the index alone
            models.Index(fields=["status", "layanan", "bidang"], condition=OPEN_BERKAS, name="berkas_ringkasan_idx"),
            # kinerja: berkas masuk per period (dukcapil.kinerja.selectors)
            models.Index(fields=["dibuat_pada", "bidang"], name="berkas_dibuat_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["kunci_subjek"],
                condition=OPEN_BERKAS,
                name="satu_berkas_terbuka_per_subjek",
            )
        ]

    def __str__(self) -> str:
        return self.nomor_registrasi

    @property
    def nomor(self) -> str:
        return self.nomor_registrasi

    @property
    def judul(self) -> str:
        return self.layanan.nama

    def get_absolute_url(self) -> str:
        return reverse("berkas-detail", args=[self.nomor_registrasi])

    def public_cache_keys(self) -> list[str]:
        from . import status_cache

        return [status_cache.key(self.nomor_registrasi, self.pemohon_nik)]

    # Signable: the documents come from the berkas kind of its layanan.
    def signing_documents(self) -> list:
        from .registry import get_kind

        return get_kind(self.layanan.jenis_berkas).document_specs(self)

    def signing_subject(self) -> str:
        return self.pemohon_nama

    def signing_completed(self, stored: dict, system, note: str) -> None:
        """After TTE: the kind's follow-up (revocations), then printing — or waiting for a blangko —,
        then the registered signed hooks (the pemohon's «siap diambil», the online applicant's link)."""
        from .registry import get_kind, signed_hooks
        from .workflow.services import record_transition

        kind = get_kind(self.layanan.jenis_berkas)
        if kind.after_signed is not None:
            kind.after_signed(self, stored, system)
        if kind.take_blangko is not None and not kind.take_blangko(self, system):
            note += " Stok blangko habis; dicetak setelah blangko datang."
            record_transition(self, "wait_for_blangko", system, note)
        else:
            record_transition(self, "mark_printed", system, note)
        for hook in signed_hooks():
            hook(self)

    # Transitions. Side effects (kartu kendali, tasks) live in dukcapil.services.

    @transition(
        field=status,
        source=[Status.BARU, Status.DIKEMBALIKAN],
        target=GET_STATE(
            lambda self, menunggu_konfirmasi=False, *a, **k: (
                Status.MENUNGGU_KONFIRMASI if menunggu_konfirmasi else _first_back_office_state(self)
            ),
            states=[Status.DITERIMA, Status.VERIFIKASI, Status.MENUNGGU_KONFIRMASI],
        ),
        permission=requires(Aksi.TERIMA),
    )
    def accept(self, menunggu_konfirmasi: bool = False) -> None:
        """menunggu_konfirmasi: another office issued the akta; its confirmation comes before entry."""
        self.persyaratan_kurang = []

    @transition(
        field=status,
        source=Status.MENUNGGU_KONFIRMASI,
        target=GET_STATE(
            lambda self, *a, **k: _first_back_office_state(self), states=[Status.DITERIMA, Status.VERIFIKASI]
        ),
        permission=requires(Aksi.ENTRI),
    )
    def confirm_validity(self) -> None:
        pass

    @transition(
        field=status,
        source=[Status.BARU, Status.DIKEMBALIKAN],
        target=Status.DIKEMBALIKAN,
        permission=requires(Aksi.TERIMA),
    )
    def return_to_pemohon(self, missing: list[str]) -> None:
        self.persyaratan_kurang = missing

    @transition(
        field=status,
        source=[Status.DITERIMA, Status.PERBAIKAN],
        target=GET_STATE(
            lambda self, *a, **k: Status.TTE if self.alur == Alur.VERIFIKASI_DULU else Status.VERIFIKASI,
            states=[Status.VERIFIKASI, Status.TTE],
        ),
        permission=requires(Aksi.ENTRI),
    )
    def complete_entry(self) -> None:
        pass

    @transition(field=status, source=Status.VERIFIKASI, target=Status.VALIDASI, permission=requires(Aksi.VERIFIKASI))
    def verify(self) -> None:
        pass

    @transition(
        field=status,
        source=Status.VALIDASI,
        target=GET_STATE(
            lambda self, *a, **k: Status.DITERIMA if self.alur == Alur.VERIFIKASI_DULU else Status.TTE,
            states=[Status.TTE, Status.DITERIMA],
        ),
        permission=requires(Aksi.VALIDASI),
    )
    def validate(self) -> None:
        pass

    @transition(
        field=status,
        source=[Status.VERIFIKASI, Status.VALIDASI, Status.TTE],
        target=GET_STATE(
            # Before entry (manual verification first) a rejected berkas goes back to the pemohon.
            lambda self, *a, **k: (
                Status.DIKEMBALIKAN
                if self.alur == Alur.VERIFIKASI_DULU and self.status != Status.TTE
                else Status.PERBAIKAN
            ),
            states=[Status.PERBAIKAN, Status.DIKEMBALIKAN],
        ),
        permission=_SEND_BACK,
    )
    def send_back(self) -> None:
        pass

    @transition(field=status, source=Status.TTE, target=Status.CETAK, permission=requires(Aksi.TTE))
    def sign(self) -> None:
        pass

    @transition(field=status, source=Status.CETAK, target=Status.SIAP_DIAMBIL, permission=SYSTEM)
    def mark_printed(self) -> None:
        pass

    @transition(field=status, source=Status.CETAK, target=Status.MENUNGGU_BLANGKO, permission=SYSTEM)
    def wait_for_blangko(self) -> None:
        pass

    @transition(field=status, source=Status.MENUNGGU_BLANGKO, target=Status.SIAP_DIAMBIL, permission=SYSTEM)
    def print_after_restock(self) -> None:
        pass

    @transition(field=status, source=Status.CETAK, target=Status.TTE, permission=SYSTEM)
    def signing_failed(self) -> None:
        pass

    @transition(field=status, source=Status.SIAP_DIAMBIL, target=Status.DISERAHKAN, permission=requires(Aksi.SERAHKAN))
    def hand_over(self) -> None:
        pass

    @transition(
        field=status, source=list(CANCELLABLE_STATUSES), target=Status.DIBATALKAN, permission=requires(Aksi.BATALKAN)
    )
    def cancel(self, kategori: str = KategoriBatal.LAINNYA) -> None:
        self.kategori_batal = kategori


class Pengambilan(models.Model):
    """The register of documents released (and of cancelled berkas handed back) at the pickup desk."""

    class Jenis(models.TextChoices):
        DOKUMEN = "dokumen", "Dokumen diserahkan"
        BERKAS_BATAL = "berkas_batal", "Berkas batal dikembalikan"

    class Hubungan(models.TextChoices):
        SENDIRI = "sendiri", "Pemohon sendiri"
        KELUARGA = "keluarga", "Anggota keluarga dalam KK yang sama"
        KUASA = "kuasa", "Penerima kuasa (dengan surat kuasa)"

    berkas = models.OneToOneField(Berkas, related_name="pengambilan", on_delete=models.PROTECT)
    jenis = models.CharField("jenis", max_length=15, choices=Jenis.choices)
    penerima_nama = models.CharField("nama penerima", max_length=150)
    penerima_nik = models.CharField("NIK penerima", max_length=16)
    hubungan = models.CharField("hubungan dengan pemohon", max_length=10, choices=Hubungan.choices)
    aktivasi_ktp_el = models.BooleanField("KTP-el diaktivasi di hadapan pemilik", default=False)
    # a penerima kuasa (the kuasa's name and NIK are penerima_nama/penerima_nik): the surat kuasa
    surat_kuasa_nomor = models.CharField("nomor surat kuasa", max_length=100, blank=True)
    surat_kuasa_tanggal = models.DateField("tanggal surat kuasa", null=True, blank=True)
    surat_kuasa_scan = models.FileField("pindaian surat kuasa", upload_to="surat-kuasa/%Y/%m/", blank=True)
    catatan = models.TextField("catatan", blank=True)
    petugas = models.ForeignKey(User, verbose_name="petugas", on_delete=models.PROTECT, related_name="+")
    waktu = models.DateTimeField("waktu", default=timezone.now)

    class Meta:
        verbose_name = "pengambilan"
        verbose_name_plural = "register pengambilan"
        indexes = [models.Index(fields=["waktu"], name="pengambilan_waktu_idx")]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.berkas_id}"


class Dokumen(RecordLink):
    """A PDF produced for any signable record (a berkas, a naskah dinas, a PIAK reply).

    One per (record, jenis): producing it is idempotent. ``subjek_nama`` is whom it concerns, as
    the public verification page shows it (masked)."""

    class Status(models.TextChoices):
        BERLAKU = "berlaku", "Berlaku"
        DICABUT = "dicabut", "Dicabut"
        DIGANTI = "diganti", "Diganti"

    subjek_nama = models.CharField("atas nama", max_length=200, blank=True)
    jenis = models.CharField("jenis dokumen", max_length=30)
    nomor = models.CharField("nomor dokumen", max_length=40, blank=True, db_index=True)
    berkas_pdf = models.FileField("PDF", upload_to="dokumen/%Y/%m/")
    sha256 = models.CharField(max_length=64)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    dibuat_pada = models.DateTimeField("dibuat pada", default=timezone.now)
    ditandatangani_oleh = models.CharField("ditandatangani oleh", max_length=200, blank=True)
    jabatan_penandatangan = models.CharField("jabatan penandatangan", max_length=200, blank=True)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.BERLAKU)
    diganti_oleh = models.ForeignKey(
        "self", verbose_name="diganti oleh", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    dicabut_pada = models.DateTimeField("dicabut/diganti pada", null=True, blank=True)
    alasan_pencabutan = models.TextField("alasan", blank=True)
    history = HistoricalRecords(excluded_fields=["berkas_pdf"])

    class Meta:
        verbose_name = "dokumen"
        verbose_name_plural = "dokumen"
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "jenis"], name="dokumen_satu_per_jenis")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="dokumen_record_idx")]

    def __str__(self) -> str:
        return f"{self.jenis} {self.nomor or self.object_id}"

    @property
    def ditandatangani(self) -> bool:
        return bool(self.ditandatangani_oleh)


# --- Tanda tangan elektronik -------------------------------------------------------------------


class SertifikatPenandatangan(models.Model):
    """Who may sign electronically and with what: a PKCS#12 on the server, or a NIK at the BSrE service.

    The passphrase is never stored: the signer types it for every signing session.
    """

    pengguna = models.OneToOneField(
        User, verbose_name="pengguna", related_name="sertifikat_tte", on_delete=models.CASCADE
    )
    nama = models.CharField("nama pada dokumen", max_length=200)
    jabatan = models.CharField("jabatan", max_length=200, default="Kepala Dinas")
    nip = models.CharField("NIP", max_length=30, blank=True)
    nik = models.CharField("NIK (layanan BSrE)", max_length=16, blank=True)
    p12_path = models.CharField(
        "berkas PKCS#12", max_length=500, blank=True, help_text="Path di server (backend lokal)."
    )
    aktif = models.BooleanField("aktif", default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "sertifikat penandatangan"
        verbose_name_plural = "sertifikat penandatangan"

    def __str__(self) -> str:
        return f"{self.nama} ({self.jabatan})"


class PercobaanTTE(models.Model):
    """Audit trail of signing attempts (passphrase checks), append-only."""

    pengguna = models.ForeignKey(User, verbose_name="pengguna", on_delete=models.PROTECT, related_name="+")
    waktu = models.DateTimeField("waktu", default=timezone.now, db_index=True)
    berhasil = models.BooleanField("berhasil")
    keterangan = models.CharField("keterangan", max_length=300)
    jumlah_berkas = models.PositiveIntegerField("jumlah berkas", default=0)

    class Meta:
        verbose_name = "percobaan TTE"
        verbose_name_plural = "percobaan TTE"
        ordering = ["-waktu"]

    def __str__(self) -> str:
        return f"{self.pengguna} {self.waktu:%Y-%m-%d %H:%M} {'berhasil' if self.berhasil else 'gagal'}"


class BatchTTE(models.Model):
    penandatangan = models.ForeignKey(User, verbose_name="penandatangan", on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField("dimulai", default=timezone.now)
    selesai_pada = models.DateTimeField("selesai", null=True, blank=True)

    class Meta:
        verbose_name = "batch TTE"
        verbose_name_plural = "batch TTE"
        ordering = ["-dibuat_pada"]

    def __str__(self) -> str:
        return f"Batch TTE #{self.pk}"


class SesiTTE(models.Model):
    """The signing session of one batch: the passphrase handed from the Kadis's request to the
    batch's workers, Fernet-encrypted (``dukcapil.tte.session_store``). It lives in the database,
    not in Redis, so a broker outage or a flushed Redis cannot lose it; it expires at
    ``berlaku_sampai`` (TTE_SESSION_TTL) and is deleted when the batch ends."""

    batch = models.OneToOneField(BatchTTE, primary_key=True, on_delete=models.CASCADE, related_name="+")
    rahasia = models.BinaryField()
    berlaku_sampai = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "sesi TTE"
        verbose_name_plural = "sesi TTE"

    def __str__(self) -> str:
        return f"Sesi TTE batch #{self.batch_id}"


class BatchTTEItem(RecordLink):
    class Status(models.TextChoices):
        MENUNGGU = "menunggu", "Menunggu"
        BERHASIL = "berhasil", "Ditandatangani"
        GAGAL = "gagal", "Gagal"

    batch = models.ForeignKey(BatchTTE, related_name="items", on_delete=models.CASCADE)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.MENUNGGU)
    pesan = models.CharField(max_length=300, blank=True)
    diproses_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["batch", "content_type", "object_id"], name="batch_item_unik")]

    def __str__(self) -> str:
        return f"{self.batch_id}/{self.content_type_id}-{self.object_id}: {self.status}"


class NomorUrut(models.Model):
    """Gap-free daily counters for readable registration numbers."""

    kunci = models.CharField(max_length=40, unique=True)
    terakhir = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.kunci}: {self.terakhir}"


# --- Akses data pribadi (UU 27/2022) ------------------------------------------------------------


class AppendOnlyQuerySet(models.QuerySet):
    """Rows of an append-only log are only ever inserted: update and delete are refused."""

    def update(self, **kwargs):
        raise TypeError(f"{self.model.append_only_label} tidak dapat diubah.")

    def delete(self):
        raise TypeError(f"{self.model.append_only_label} tidak dapat dihapus.")


class AppendOnlyModel(models.Model):
    """An append-only log (access log, security audit trail): saved once, never changed or deleted."""

    append_only_label = "Catatan"

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-waktu", "-pk"]  # every log has its ``waktu``
        default_permissions = ("add", "view")

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError(f"{self.append_only_label} tidak dapat diubah.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError(f"{self.append_only_label} tidak dapat dihapus.")


class AksesDataPribadi(AppendOnlyModel):
    """One row per person's data shown on a staff page: who, when, which NIK, where, from which IP.

    Append-only (UU 27/2022, Pelindungan Data Pribadi): no update, no delete, in the ORM and, on
    PostgreSQL, in the database (a trigger refuses UPDATE and DELETE)."""

    class Halaman(models.TextChoices):
        DATABASE_PENDUDUK = "database_penduduk", "Database kependudukan"
        REGISTER_AKTA = "register_akta", "Register akta"
        DETAIL_BERKAS = "detail_berkas", "Detail berkas"
        PENYERAHAN = "penyerahan", "Penyerahan dokumen (pengambilan)"

    pengguna = models.ForeignKey(User, verbose_name="pengguna", on_delete=models.PROTECT, related_name="+")
    waktu = models.DateTimeField("waktu", default=timezone.now, db_index=True)
    nik = models.CharField("NIK", max_length=16, db_index=True)
    halaman = models.CharField("halaman", max_length=20, choices=Halaman.choices)
    konteks = models.CharField("konteks", max_length=200, blank=True)
    ip = models.GenericIPAddressField("alamat IP", null=True, blank=True)

    append_only_label = "Log akses data pribadi"  # rows are bulk-inserted by access_log_record

    class Meta(AppendOnlyModel.Meta):
        verbose_name = "akses data pribadi"
        verbose_name_plural = "log akses data pribadi"

    def __str__(self) -> str:
        return f"{self.pengguna_id} {self.get_halaman_display()} {self.waktu:%Y-%m-%d %H:%M}"
