"""Screens of cuti pegawai: «Saldo cuti saya» (and any employee's, for those who handle leave), the
request form, a request with its steps, and the balance register (XLSX)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from dukcapil.documents.common import format_tanggal
from dukcapil.exceptions import BerkasError
from dukcapil.workflow.permissions import Aksi, can

from ..documents.registers import register_xlsx
from ..forms.cuti import AksiCutiForm, CutiForm
from ..models import Pegawai, StatusCuti
from ..selectors import cuti as sel
from ..services import cuti as svc
from . import submit
from .keuangan import record_page
from .surat_masuk import _allowed

PER_PAGE = 25
TOMBOL = {"teruskan": "Teruskan ke Sekretaris", "paraf": "Paraf, teruskan ke Kadis", "setujui": "Setujui cuti"}
REGISTER_KOLOM = ["No", "Nama", "NIP", "Hak tahun ini", "Bawaan", "Jumlah hak", "Diambil", "Diproses", "Sisa"]


def _tahun(request: HttpRequest) -> int:
    try:
        tahun = int(request.GET.get("tahun", ""))
    except ValueError:
        return timezone.localdate().year
    return tahun if 2000 <= tahun <= 2100 else timezone.localdate().year


@login_required
def saldo(request: HttpRequest) -> HttpResponse:
    """This year's entitlement, carry-over, taken, pending, remaining and the history of requests."""
    tahun = _tahun(request)
    pegawai, orang_lain = svc.pegawai_dari_akun(request.user), False
    if pk := request.GET.get("pegawai", ""):
        if not sel.boleh_register(request.user) or not pk.isdigit():
            raise Http404("Pegawai tidak ditemukan.")
        pegawai = Pegawai.objects.filter(pk=int(pk)).first()
        if pegawai is None:
            raise Http404("Pegawai tidak ditemukan.")
        orang_lain = pegawai.pengguna_id != request.user.pk
    context = {"pegawai": pegawai, "tahun": tahun, "orang_lain": orang_lain}
    if pegawai is not None:
        context |= {"saldo": svc.saldo_cuti(pegawai, tahun), "riwayat": list(sel.riwayat(pegawai))}
    return render(request, "sekretariat/cuti/saldo.html", context)


def _data(form: CutiForm) -> svc.CutiData:
    d = form.cleaned_data
    return svc.CutiData(
        jenis=d["jenis"], mulai=d["mulai"], selesai=d["selesai"], alasan=d["alasan"], alamat=d["alamat"]
    )


@login_required
def ajukan(request: HttpRequest) -> HttpResponse:
    pilih = can(request.user, Aksi.CUTI_PERIKSA)
    sendiri = svc.pegawai_dari_akun(request.user)
    initial = {}
    if pilih and (pk := request.GET.get("pegawai", "")).isdigit():
        initial["pegawai"] = int(pk)
    form = CutiForm(request.POST or None, pilih_pegawai=pilih, initial=initial)

    def save(data):
        pegawai = data.get("pegawai")
        return svc.cuti_ajukan(user=request.user, data=_data(form), pegawai_id=pegawai.pk if pegawai else None)

    status = submit(request, form, save, lambda permohonan: f"Permohonan cuti {permohonan.nomor} diajukan ke Kasubag.")
    if not isinstance(status, int):
        return status
    context = {"form": form, "sendiri": sendiri, "pilih": pilih}
    return render(request, "sekretariat/cuti/ajukan.html", context, status=status)


def _detail(request: HttpRequest, permohonan, status: int = 200, **extra) -> HttpResponse:
    user = request.user
    kembali_ke = "Kasubag" if permohonan.status == StatusCuti.SEKRETARIS else "pemohon"
    context = {
        "p": permohonan,
        "tombol": [(m, label) for m, label in TOMBOL.items() if _allowed(permohonan, m, user)],
        # the steps that need a written reason: (aksi, label of the reason, button)
        "beralasan": [
            (aksi, label, tombol)
            for aksi, label, tombol, methods in (
                (
                    "kembalikan",
                    "Alasan pengembalian",
                    f"Kembalikan ke {kembali_ke}",
                    ("kembalikan", "kembalikan_ke_kasubag"),
                ),
                ("tolak", "Alasan penolakan", "Tolak cuti", ("tolak",)),
            )
            if any(_allowed(permohonan, m, user) for m in methods)
        ],
        "can_batalkan": _allowed(permohonan, "batalkan", user),
        "ulang_form": extra.pop("ulang_form", None)
        or (
            CutiForm(
                initial={
                    "jenis": permohonan.jenis_id,
                    "mulai": permohonan.mulai,
                    "selesai": permohonan.selesai,
                    "alasan": permohonan.alasan,
                    "alamat": permohonan.alamat,
                }  # fmt: skip
            )
            if _allowed(permohonan, "ajukan_ulang", user)
            else None
        ),
    }
    page = "sekretariat/cuti/detail.html"
    return record_page(request, page, sel.cuti_timeline(permohonan), status, **context, **extra)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, sel.permohonan_for(request.user, pk))


AKSI = {"teruskan", "paraf", "setujui", "tolak", "kembalikan", "batalkan", "ajukan-ulang"}


def _run(user, pk: int, aksi: str, data: dict):
    common = {"user": user, "pk": pk, "expected_status": data["expected_status"] or None}
    if aksi == "teruskan":
        return svc.cuti_teruskan(**common, catatan=data["catatan"])
    if aksi == "paraf":
        return svc.cuti_paraf(**common, catatan=data["catatan"])
    if aksi == "setujui":
        return svc.cuti_setujui(**common, catatan=data["catatan"])
    if aksi == "tolak":
        return svc.cuti_tolak(**common, alasan=data["catatan"])
    if aksi == "kembalikan":
        return svc.cuti_kembalikan(**common, catatan=data["catatan"])
    return svc.cuti_batalkan(**common, catatan=data["catatan"])


@login_required
@require_POST
def aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    if aksi not in AKSI:
        raise Http404("Tindakan tidak dikenal.")
    permohonan = sel.permohonan_for(request.user, pk)
    try:
        if aksi == "ajukan-ulang":
            form = CutiForm(request.POST)
            if not form.is_valid():
                return _detail(request, permohonan, status=400, ulang_form=form, error="Periksa isian permohonan.")
            svc.cuti_ajukan_ulang(
                user=request.user, pk=pk, data=_data(form), expected_status=request.POST.get("expected_status") or None
            )
        else:
            form = AksiCutiForm(request.POST)
            if not form.is_valid():
                return _detail(request, permohonan, status=400, error="Isian tidak valid.")
            _run(request.user, pk, aksi, form.cleaned_data)
    except BerkasError as exc:
        permohonan.refresh_from_db()
        return _detail(request, permohonan, status=exc.http_status, error=exc.message)
    permohonan.refresh_from_db()
    messages.success(request, f"Permohonan cuti {permohonan.nomor}: {permohonan.get_status_display().lower()}.")
    return redirect(permohonan.get_absolute_url())


def _baris(nomor: int, p: Pegawai, s) -> list:
    return [nomor, p.nama_lengkap, p.nip_cetak, s.hak.dasar, s.hak.bawaan, s.hak.total, s.diambil, s.menunggu, s.sisa]


@login_required
def register(request: HttpRequest) -> HttpResponse:
    """Every employee's cuti tahunan balance: paginated on screen, whole in the XLSX."""
    if not sel.boleh_register(request.user):
        return render(
            request, "dukcapil/error.html", {"message": "Register cuti hanya untuk yang menangani cuti."}, status=403
        )
    tahun = _tahun(request)
    q = request.GET.get("q", "").strip()[:100]
    rows = sel.register(q)
    judul = f"Register Saldo Cuti Tahunan {tahun}"
    if request.GET.get("format") == "xlsx":
        pegawai = list(rows)
        saldo = svc.saldo_banyak(pegawai, tahun)
        body = [_baris(i, p, saldo[p.pk]) for i, p in enumerate(pegawai, start=1)]
        keterangan = f"Keadaan per {format_tanggal(timezone.localdate())}; satuan hari kerja"
        response = HttpResponse(
            register_xlsx(judul, keterangan, REGISTER_KOLOM, body),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="saldo-cuti-{tahun}.xlsx"'
        return response
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("halaman"))
    saldo = svc.saldo_banyak(page.object_list, tahun)
    table = [(p, saldo[p.pk]) for p in page.object_list]
    context = {
        "page": page,
        "rows": table,
        "tahun": tahun,
        "q": q,
        "judul": judul,
        "kasubag": can(request.user, Aksi.CUTI_PERIKSA),
    }
    return render(request, "sekretariat/cuti/register.html", context)
