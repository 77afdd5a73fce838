"""Screens of PIAK's operational registers: backup log, server-room buku tamu, database access
list and the SIAK device inventory. Each: a list with filters and pages, a form, an XLSX export."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from dukcapil.documents.common import format_tanggal, format_tanggal_waktu
from dukcapil.exceptions import BerkasError
from sekretariat.documents.registers import register_xlsx

from ..forms import operasional as f
from ..models.operasional import HakAkses, JenisBackup, JenisPerangkat
from ..selectors import operasional as sel
from ..services import operasional as svc

TOLAK_LIHAT = "Peran Anda tidak berwenang melihat register operasional PIAK."
PER_HALAMAN = 25
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _tolak(request: HttpRequest, kelola: bool = False) -> HttpResponse | None:
    """403 for whoever may not read (or, with ``kelola``, write) the registers; None otherwise."""
    if kelola and not sel.boleh_kelola(request.user):
        return render(request, "dukcapil/error.html", {"message": svc.TOLAK}, status=403)
    if not sel.boleh_lihat(request.user):
        return render(request, "dukcapil/error.html", {"message": TOLAK_LIHAT}, status=403)
    return None


def _daftar(request: HttpRequest, template: str, rows, **context) -> HttpResponse:
    page = Paginator(rows, PER_HALAMAN).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context |= {"page": page, "query": query.urlencode(), "boleh_kelola": sel.boleh_kelola(request.user)}
    return render(request, f"piak/operasional/{template}", context)


def _xlsx(judul: str, nama: str, kolom: list[str], rows) -> HttpResponse:
    response = HttpResponse(register_xlsx(judul, "Bidang PIAK", kolom, rows), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{nama}-{timezone.localdate():%Y%m%d}.xlsx"'
    return response


def _simpan(request: HttpRequest, form, judul: str, simpan: Callable[[dict], object], kembali: str,
            **context) -> HttpResponse:  # fmt: skip
    """Shows the form; on POST runs ``simpan`` on the clean data: 400 on form errors, the
    service's status (403/409/400) on its refusal, nothing saved then."""
    error, status = "", 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                simpan(form.cleaned_data)
            except BerkasError as exc:
                error, status = exc.message, exc.http_status
            else:
                messages.success(request, f"{judul}: tersimpan.")
                return redirect(kembali)
        else:
            error = "Periksa kembali isian yang ditandai."
    context |= {"form": form, "judul": judul, "error": error, "kembali": kembali}
    return render(request, "piak/operasional/form.html", context, status=status)


def _catat_pada(request: HttpRequest, ambil: Callable[[], object], hilang: str, form_class, judul: str,
                simpan: Callable[[dict], object], kembali: str) -> HttpResponse:  # fmt: skip
    """A dated entry on one register row (a restore test, a device check): Kasi/ADB only, 404 with
    ``hilang`` when ``ambil()`` finds no row, else the form (dated today) through ``_simpan``."""
    if refused := _tolak(request, kelola=True):
        return refused
    objek = ambil()
    if objek is None:
        raise Http404(hilang)
    form = form_class(request.POST or None, initial={"tanggal": timezone.localdate()})
    return _simpan(request, form, judul, simpan, kembali, objek=objek)


def _fields(form, data: dict) -> dict:
    """The model fields of a ModelForm's clean data (an empty upload left out)."""
    return {name: data[name] for name in form.Meta.fields if not (name == "pakta" and not data.get(name))}


def _flag(request: HttpRequest, name: str) -> bool:
    return request.GET.get(name) == "1"


# --- backup log ---------------------------------------------------------------------------------


@login_required
def backup_list(request: HttpRequest) -> HttpResponse:
    if refused := _tolak(request):
        return refused
    jenis = request.GET.get("jenis", "")
    rows = sel.backup_list(request.user, jenis=jenis, belum_uji=_flag(request, "belum_uji"))
    return _daftar(request, "backup_list.html", rows, jenis=jenis, jenis_choices=JenisBackup.choices,
                   belum_uji=_flag(request, "belum_uji"), batas=sel.batas_uji_hari())  # fmt: skip


@login_required
def backup_baru(request: HttpRequest) -> HttpResponse:
    if refused := _tolak(request, kelola=True):
        return refused
    form = f.BackupForm(request.POST or None, initial={"waktu": timezone.localtime()})
    return _simpan(request, form, "Catat backup",
                   lambda d: svc.backup_catat(user=request.user, data=_fields(form, d)),
                   "piak:operasional-backup")  # fmt: skip


@login_required
def backup_uji(request: HttpRequest, pk: int) -> HttpResponse:
    return _catat_pada(request, lambda: sel.backup_detail(request.user, pk), "Backup tidak ditemukan.", f.UjiForm,
                       "Verifikasi pemulihan (restore)",
                       lambda d: svc.backup_uji_catat(user=request.user, backup_pk=pk, **d),
                       "piak:operasional-backup")  # fmt: skip


@login_required
def backup_xlsx(request: HttpRequest) -> HttpResponse:
    if refused := _tolak(request):
        return refused
    rows = [
        (b.get_jenis_display(), format_tanggal_waktu(b.waktu), b.media, b.lokasi_penyimpanan, float(b.ukuran_mb),
         b.checksum, b.petugas.get_full_name(), format_tanggal(b.uji_terakhir),
         "ya" if b.uji_valid else "perlu uji pemulihan")
        for b in sel.backup_list(request.user, jenis=request.GET.get("jenis", ""))
    ]  # fmt: skip
    kolom = ["Jenis", "Waktu", "Media", "Lokasi penyimpanan", "Ukuran (MB)", "Checksum", "Petugas",
             "Uji pemulihan terakhir (berhasil)", f"Terverifikasi {sel.batas_uji_hari()} hari"]  # fmt: skip
    return _xlsx("Log backup", "log-backup", kolom, rows)


# --- server-room buku tamu ----------------------------------------------------------------------


@login_required
def kunjungan_list(request: HttpRequest) -> HttpResponse:
    if refused := _tolak(request):
        return refused
    q = request.GET.get("q", "").strip()[:100]
    rows = sel.kunjungan_list(request.user, di_dalam=_flag(request, "di_dalam"), q=q)
    return _daftar(request, "kunjungan_list.html", rows, q=q, di_dalam=_flag(request, "di_dalam"),
                   keluar_form=f.KeluarForm(initial={"keluar": timezone.localtime()}))  # fmt: skip


@login_required
def kunjungan_baru(request: HttpRequest) -> HttpResponse:
    if refused := _tolak(request, kelola=True):
        return refused
    form = f.KunjunganForm(request.POST or None, initial={"masuk": timezone.localtime()})
    return _simpan(request, form, "Catat kunjungan ruang server",
                   lambda d: svc.kunjungan_catat(user=request.user, data=_fields(form, d)),
                   "piak:operasional-kunjungan")  # fmt: skip


@login_required
@require_POST
def kunjungan_keluar(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := _tolak(request, kelola=True):
        return refused
    if not sel.kunjungan_list(request.user).filter(pk=pk).exists():
        raise Http404("Kunjungan tidak ditemukan.")
    form = f.KeluarForm(request.POST)
    if not form.is_valid():
        return render(request, "dukcapil/error.html", {"message": "Isi waktu keluar dengan benar."}, status=400)
    try:
        svc.kunjungan_keluar(user=request.user, pk=pk, **form.cleaned_data)
    except BerkasError as exc:
        return render(request, "dukcapil/error.html", {"message": exc.message}, status=exc.http_status)
    messages.success(request, "Waktu keluar dicatat.")
    return redirect("piak:operasional-kunjungan")


@login_required
def kunjungan_xlsx(request: HttpRequest) -> HttpResponse:
    if refused := _tolak(request):
        return refused
    rows = [
        (k.nama, k.instansi if not k.staf_id else "Pegawai dinas", k.keperluan, format_tanggal_waktu(k.masuk),
         format_tanggal_waktu(k.keluar) if k.keluar else "masih di dalam",
         k.pendamping.get_full_name() if k.pendamping else "-",
         "ya" if k.kunci_diambil else "tidak", "ya" if k.kunci_dikembalikan else "tidak")
        for k in sel.kunjungan_list(request.user, di_dalam=_flag(request, "di_dalam"))
    ]  # fmt: skip
    kolom = ["Nama", "Instansi", "Keperluan", "Masuk", "Keluar", "Didampingi", "Kunci diambil", "Kunci kembali"]
    return _xlsx("Buku tamu ruang server", "buku-tamu-ruang-server", kolom, rows)


# --- database access list -----------------------------------------------------------------------


@login_required
def akses_list(request: HttpRequest) -> HttpResponse:
    if refused := _tolak(request):
        return refused
    q, status = request.GET.get("q", "").strip()[:100], request.GET.get("status", "")
    rows = sel.akses_list(request.user, status=status, q=q)
    return _daftar(request, "akses_list.html", rows, q=q, status=status, hak_choices=HakAkses.choices)


@login_required
def akses_baru(request: HttpRequest) -> HttpResponse:
    if refused := _tolak(request, kelola=True):
        return refused
    form = f.AksesForm(request.POST or None, request.FILES or None, initial={"diberikan": timezone.localdate()})
    return _simpan(request, form, "Catat akses database",
                   lambda d: svc.akses_catat(user=request.user, data=_fields(form, d)), "piak:operasional-akses",
                   multipart=True)  # fmt: skip


@login_required
def akses_pakta(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the signed agreement (PDF); POST: upload it (Kasi/ADB)."""
    if refused := _tolak(request, kelola=request.method == "POST"):
        return refused
    akses = sel.akses_detail(request.user, pk)
    if akses is None:
        raise Http404("Akses tidak ditemukan.")
    if request.method == "POST":
        form = f.PaktaForm(request.POST, request.FILES)
        return _simpan(request, form, "Unggah pakta integritas",
                       lambda d: svc.akses_pakta_unggah(user=request.user, pk=pk, pakta=d["pakta"]),
                       "piak:operasional-akses", multipart=True, objek=akses)  # fmt: skip
    if not akses.pakta:
        if sel.boleh_kelola(request.user):
            return _simpan(request, f.PaktaForm(), "Unggah pakta integritas", lambda d: None,
                           "piak:operasional-akses", multipart=True, objek=akses)  # fmt: skip
        raise Http404("Pakta integritas belum diunggah.")
    return FileResponse(akses.pakta.open("rb"), content_type="application/pdf", filename=f"pakta-akses-{pk}.pdf")


@login_required
def akses_xlsx(request: HttpRequest) -> HttpResponse:
    if refused := _tolak(request):
        return refused
    rows = [
        (a.nama, a.instansi if not a.staf_id else "Pegawai dinas", a.get_hak_display(), format_tanggal(a.diberikan),
         format_tanggal(a.dicabut), "ada" if a.pakta else "BELUM ADA")
        for a in sel.akses_list(request.user, status=request.GET.get("status", ""))
    ]  # fmt: skip
    kolom = ["Nama", "Instansi", "Hak akses", "Diberikan", "Dicabut", "Pakta integritas"]
    return _xlsx("Daftar akses database", "akses-database", kolom, rows)


# --- SIAK device inventory ----------------------------------------------------------------------


@login_required
def perangkat_list(request: HttpRequest) -> HttpResponse:
    if refused := _tolak(request):
        return refused
    jenis, lokasi = request.GET.get("jenis", ""), request.GET.get("lokasi", "").strip()[:100]
    belum = _flag(request, "belum_diperiksa")
    rows = sel.perangkat_list(request.user, jenis=jenis, lokasi=lokasi, belum_diperiksa=belum)
    tahun, triwulan = sel.triwulan_dari(timezone.localdate())
    belum_jumlah = sel.perangkat_list(request.user, belum_diperiksa=True).count()
    return _daftar(request, "perangkat_list.html", rows, jenis=jenis, lokasi=lokasi, belum_diperiksa=belum,
                   jenis_choices=JenisPerangkat.choices, tahun=tahun, triwulan=triwulan,
                   belum_jumlah=belum_jumlah)  # fmt: skip


@login_required
def perangkat_baru(request: HttpRequest) -> HttpResponse:
    if refused := _tolak(request, kelola=True):
        return refused
    form = f.PerangkatForm(request.POST or None)
    return _simpan(request, form, "Catat perangkat SIAK",
                   lambda d: svc.perangkat_catat(user=request.user, data=_fields(form, d)),
                   "piak:operasional-perangkat")  # fmt: skip


@login_required
def perangkat_periksa(request: HttpRequest, pk: int) -> HttpResponse:
    return _catat_pada(request, lambda: sel.perangkat_detail(request.user, pk), "Perangkat tidak ditemukan.",
                       f.PeriksaForm, "Pemeriksaan kondisi perangkat",
                       lambda d: svc.perangkat_periksa(user=request.user, perangkat_pk=pk, **d),
                       "piak:operasional-perangkat")  # fmt: skip


@login_required
def perangkat_xlsx(request: HttpRequest) -> HttpResponse:
    if refused := _tolak(request):
        return refused
    kondisi = dict(f.KondisiPerangkat.choices)
    rows = [
        (p.get_jenis_display(), p.merek, p.nomor_seri, p.lokasi, kondisi.get(p.kondisi_terakhir, "-"),
         format_tanggal(p.diperiksa_terakhir), "ya" if p.diperiksa else "BELUM")
        for p in sel.perangkat_list(request.user, jenis=request.GET.get("jenis", ""),
                                    belum_diperiksa=_flag(request, "belum_diperiksa"))
    ]  # fmt: skip
    kolom = ["Jenis", "Merek/tipe", "Nomor seri", "Lokasi", "Kondisi terakhir", "Diperiksa terakhir",
             "Diperiksa triwulan ini"]  # fmt: skip
    return _xlsx("Inventaris perangkat SIAK", "inventaris-perangkat-siak", kolom, rows)
