"""Screens of the queue: the kiosk and the online form (public), the ticket page (by its token), the
loket console (staff), the waiting-room display and its JSON (public, no personal data), statistics."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from dukcapil import ratelimit
from dukcapil.errors import too_many_requests
from dukcapil.exceptions import BerkasError
from dukcapil.workflow.permissions import Aksi, can
from sekretariat.documents.registers import register_xlsx
from sekretariat.views import apply_errors

from . import selectors as sel
from . import services as svc
from .forms import RentangForm, TiketOnlineForm, tanggal_id
from .models import Loket, StatusTiket, Tiket

# per client address: a person takes one or two tickets; a kiosk serves a whole waiting room
AMBIL_LIMIT, AMBIL_WINDOW = 10, 3600
KIOSK_LIMIT, KIOSK_WINDOW = 600, 3600


def _terlalu_sering(request: HttpRequest, scope: str, limit: int, window: int) -> HttpResponse | None:
    allowed, wait = ratelimit.hit(scope, ratelimit.client_ip(request.META), limit, window)
    if allowed:
        return None
    return too_many_requests(request, "Terlalu banyak permintaan nomor antrian. Silakan coba lagi nanti.", wait)


def _forbidden(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "dukcapil/error.html", {"message": message}, status=403)


# --- kiosk --------------------------------------------------------------------------------------


def _kiosk_page(request: HttpRequest, status: int = 200, pesan: str = "") -> HttpResponse:
    now = timezone.now()
    today = timezone.localdate(now)
    jalur = [(j, svc.alasan_tutup(j, today, now)) for j in sel.jalur_kiosk()]
    context = {"jalur": jalur, "pesan": pesan, "hari_ini": tanggal_id(today), "diam": settings.ANTRIAN_KIOSK_DIAM_DETIK}
    return render(request, "antrian/kiosk.html", context, status=status)


@never_cache
def kiosk(request: HttpRequest) -> HttpResponse:
    """The touch screen: one big button per line; a tap prints a ticket."""
    if request.method != "POST":
        return _kiosk_page(request)
    if limited := _terlalu_sering(request, "antrian-kiosk", KIOSK_LIMIT, KIOSK_WINDOW):
        return limited
    try:
        tiket = svc.tiket_ambil_kiosk(jalur_id=int(request.POST.get("jalur") or 0))
    except (ValueError, BerkasError) as exc:
        return _kiosk_page(request, getattr(exc, "http_status", 400), getattr(exc, "message", "Pilih jalur antrian."))
    return redirect("antrian:kiosk-tiket", token=tiket.token)


def _tiket_context(request: HttpRequest, tiket: Tiket) -> dict:
    import segno

    url = request.build_absolute_uri(tiket.get_absolute_url())
    return {
        "tiket": tiket,
        "di_depan": sel.di_depan(tiket) if tiket.status == StatusTiket.MENUNGGU else None,
        "tanggal": tanggal_id(tiket.tanggal),
        "qr": segno.make(url, error="m").svg_data_uri(scale=3, border=2),
        "diam": settings.ANTRIAN_KIOSK_DIAM_DETIK,
    }


@never_cache
@require_GET
def kiosk_tiket(request: HttpRequest, token) -> HttpResponse:
    """The ticket just taken, laid out for an 80 mm (or 58 mm) receipt printer, printed by the browser."""
    tiket = get_object_or_404(Tiket.objects.select_related("jalur"), token=token)
    return render(request, "antrian/kiosk_tiket.html", _tiket_context(request, tiket))


# --- online ------------------------------------------------------------------------------------


@never_cache
def ambil(request: HttpRequest) -> HttpResponse:
    """The website form: line, day, NIK and a phone or an email."""
    template = "antrian/ambil.html"
    if request.method != "POST":
        return render(request, template, {"form": TiketOnlineForm()})
    if limited := _terlalu_sering(request, "antrian-ambil", AMBIL_LIMIT, AMBIL_WINDOW):
        return limited
    form = TiketOnlineForm(request.POST)
    if not form.is_valid():
        return render(request, template, {"form": form}, status=400)
    c = form.cleaned_data
    data = svc.TiketOnline(jalur_id=c["jalur"].pk, tanggal=c["tanggal"], nik=c["nik"], telepon=c["telepon"],
                           email=c["email"])  # fmt: skip
    try:
        tiket = svc.tiket_ambil_online(data=data)
    except BerkasError as exc:
        apply_errors(form, exc)
        return render(request, template, {"form": form}, status=exc.http_status)
    messages.success(request, f"Nomor antrian Anda {tiket.kode}. Simpan alamat halaman ini untuk memantau giliran.")
    return redirect(tiket.get_absolute_url())


@never_cache
@require_GET
def tiket(request: HttpRequest, token) -> HttpResponse:
    """The ticket's page (its unguessable token is the only key): code, day, status, place in the queue."""
    tiket = get_object_or_404(Tiket.objects.select_related("jalur", "loket"), token=token)
    return render(request, "antrian/tiket.html", _tiket_context(request, tiket))


@require_POST
def tiket_batal(request: HttpRequest, token) -> HttpResponse:
    try:
        tiket = svc.tiket_batal(token=token)
    except BerkasError as exc:
        if exc.http_status == 400:
            raise Http404 from None
        messages.error(request, exc.message)
        return redirect("antrian:tiket", token=token)
    messages.success(request, f"Nomor antrian {tiket.kode} dibatalkan.")
    return redirect(tiket.get_absolute_url())


# --- loket console --------------------------------------------------------------------------


@login_required
def loket_list(request: HttpRequest) -> HttpResponse:
    if not can(request.user, Aksi.PANGGIL_ANTRIAN):
        return _forbidden(request, "Hanya petugas loket yang memanggil antrian.")
    return render(request, "antrian/loket_list.html", {"lokets": sel.loket_untuk(request.user)})


def _console(request: HttpRequest, pk: int, status: int = 200) -> HttpResponse:
    loket = get_object_or_404(Loket.objects.select_related("bidang"), pk=pk, aktif=True)
    if not can(request.user, Aksi.PANGGIL_ANTRIAN, loket.bidang_id):
        return _forbidden(request, f"Loket {loket.nomor} dilayani petugas {loket.bidang.nama}.")
    k = sel.konsol(loket, timezone.localdate())
    return render(request, "antrian/loket.html", {"k": k, "aksi": svc.AKSI}, status=status)


@login_required
def loket(request: HttpRequest, pk: int) -> HttpResponse:
    return _console(request, pk)


def _act(request: HttpRequest, pk: int, call) -> HttpResponse:
    try:
        tiket = call()
    except BerkasError as exc:
        if exc.http_status == 403:
            return _forbidden(request, exc.message)
        messages.error(request, exc.message)
        return _console(request, pk, status=exc.http_status)
    messages.success(request, f"Tiket {tiket.kode}: {tiket.get_status_display().lower()}.")
    return redirect("antrian:loket", pk=pk)


@login_required
@require_POST
def loket_panggil(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, lambda: svc.tiket_panggil_berikut(loket_id=pk, user=request.user))


@login_required
@require_POST
def loket_aksi(request: HttpRequest, pk: int, tiket_id: int, aksi: str) -> HttpResponse:
    if aksi not in svc.AKSI:
        raise Http404
    expected = request.POST.get("expected_status") or None
    return _act(
        request, pk,
        lambda: svc.tiket_aksi(tiket_id=tiket_id, loket_id=pk, aksi=aksi, user=request.user, expected_status=expected),
    )  # fmt: skip


# --- waiting-room display ----------------------------------------------------------------------


@never_cache
@require_GET
def layar(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    data = sel.layar(today, None)
    context = {
        "data": data,
        "riwayat": sel.riwayat(today),
        "hari_ini": tanggal_id(today),
        "interval": settings.ANTRIAN_LAYAR_INTERVAL_MS,
    }
    return render(request, "antrian/layar.html", context)


@never_cache
@require_GET
def layar_panggilan(request: HttpRequest) -> JsonResponse:
    """Short polling: ``?sejak=<last Panggilan id>`` → every call after it, oldest first, and the board."""
    raw = request.GET.get("sejak", "")
    if raw and not raw.isdigit():
        return JsonResponse({"sejak": ["Isi dengan nomor panggilan terakhir (angka)."]}, status=400)
    return JsonResponse(sel.layar(timezone.localdate(), int(raw) if raw else None))


# --- statistics --------------------------------------------------------------------------------


def _rentang(request: HttpRequest) -> tuple[RentangForm, dict | None]:
    form = RentangForm(request.GET or None, initial=RentangForm.awal())
    if not request.GET:
        return form, RentangForm.awal()
    return form, (form.cleaned_data if form.is_valid() else None)


@login_required
def statistik(request: HttpRequest) -> HttpResponse:
    if not can(request.user, Aksi.STATISTIK_ANTRIAN):
        return _forbidden(request, "Statistik antrian hanya untuk petugas loket dan pimpinan.")
    form, rentang = _rentang(request)
    context = {"form": form, "rentang": rentang}
    if rentang is None:
        return render(request, "antrian/statistik.html", context, status=400)
    context["stat"] = sel.statistik(rentang["mulai"], rentang["sampai"])
    return render(request, "antrian/statistik.html", context)


KOLOM = ["Tiket", "Selesai dilayani", "Tidak hadir", "Batal", "Tunggu median (menit)", "Tunggu p90 (menit)",
         "Layanan median (menit)", "Layanan p90 (menit)"]  # fmt: skip


def _angka(row: dict) -> list:
    def m(v):
        return None if v is None else round(v.total_seconds() / 60, 1)

    return [row["tiket"], row["dilayani"], row["tidak_hadir"], row["batal"], m(row["tunggu_median"]),
            m(row["tunggu_p90"]), m(row["layanan_median"]), m(row["layanan_p90"])]  # fmt: skip


@login_required
def statistik_xlsx(request: HttpRequest) -> HttpResponse:
    if not can(request.user, Aksi.STATISTIK_ANTRIAN):
        return _forbidden(request, "Statistik antrian hanya untuk petugas loket dan pimpinan.")
    form, rentang = _rentang(request)
    if rentang is None:
        return render(request, "antrian/statistik.html", {"form": form, "rentang": None}, status=400)
    mulai, sampai = rentang["mulai"], rentang["sampai"]
    stat = sel.statistik(mulai, sampai)
    rows = [[r["tanggal"].strftime("%d-%m-%Y"), f"{r['jalur__huruf']} {r['jalur__nama']}", "", *_angka(r)]
            for r in stat["jalur_harian"]]  # fmt: skip
    rows += [[r["tanggal"].strftime("%d-%m-%Y"), "", f"Loket {r['loket__nomor']} {r['loket__nama']}", *_angka(r)]
             for r in stat["loket_harian"]]  # fmt: skip
    keterangan = (f"{mulai:%d-%m-%Y} s.d. {sampai:%d-%m-%Y}. Waktu tunggu: ambil nomor sampai dipanggil; "
                  "waktu layanan: mulai dilayani sampai selesai.")  # fmt: skip
    content = register_xlsx("Statistik antrian", keterangan, ["Tanggal", "Jalur", "Loket", *KOLOM], rows)
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="statistik-antrian-{mulai:%Y%m%d}-{sampai:%Y%m%d}.xlsx"'
    return response
