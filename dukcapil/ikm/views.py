"""Screens of the IKM survey.

Public: the questionnaire reached from the resi (a per-berkas token, the layanan preset), from the
QR at the desk, and on the kiosk tablet (which returns to an empty form after an answer or when
left idle, and never shows anything of a berkas or a person). Every answer is a POST counted by
``dukcapil.ratelimit``. Staff: the results per semester and layanan (Aksi.LIHAT_IKM), their XLSX,
and the semester report (Aksi.LAPORAN_IKM) with its PDF produced through ``dukcapil.cetakan``.
"""

from io import BytesIO

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from dukcapil import ratelimit
from dukcapil.cetakan.views import cetak
from dukcapil.errors import too_many_requests
from dukcapil.exceptions import BerkasError
from sekretariat.views import apply_errors

from . import hitung
from . import selectors as sel
from . import services as svc
from .choices import Saluran
from .forms import LaporanForm, PeriodeForm, SurveiForm
from .models import LaporanIKM, UndanganIKM

# answers per client address and window; the kiosk tablet (one address, many citizens) has its own
BATAS_PUBLIK = getattr(settings, "IKM_BATAS_PUBLIK", (10, 3600))
BATAS_KIOS = getattr(settings, "IKM_BATAS_KIOS", (240, 3600))
TERLALU_SERING = "Terlalu banyak jawaban survei dari perangkat ini. Silakan coba lagi nanti."


def _forbidden(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "dukcapil/error.html", {"message": message}, status=403)


# --- the questionnaire (public) ----------------------------------------------------------------


def _jawab(request, form: SurveiForm, *, saluran: str, token: str | None = None):
    """POST half of every questionnaire: rate limit, validation, the service. Returns a response
    to send back as is, or the status to render the form with (its errors on it)."""
    limit, window = BATAS_KIOS if saluran == Saluran.KIOS else BATAS_PUBLIK
    allowed, wait = ratelimit.hit(f"ikm-{saluran}", ratelimit.client_ip(request.META), limit, window)
    if not allowed:
        return too_many_requests(request, TERLALU_SERING, wait)
    if not form.is_valid():
        return 400
    data = dict(form.cleaned_data)
    layanan = data.pop("layanan", None)
    try:
        svc.respon_kirim(saluran=saluran, jawaban=data, layanan=layanan, token=token)
    except BerkasError as exc:
        apply_errors(form, exc)
        return exc.http_status
    if saluran == Saluran.KIOS:
        return redirect("ikm:kiosk-terima-kasih")
    return redirect("ikm:terima-kasih")


def _survei_page(request, form, saluran: str, token: str | None = None, **context) -> HttpResponse:
    """A questionnaire page: on POST the answer through ``_jawab`` (a redirect, or the status to show
    the form again with), else the empty form."""
    result = _jawab(request, form, saluran=saluran, token=token) if request.method == "POST" else 200
    if not isinstance(result, int):
        return result
    context.setdefault("action", request.path)
    return render(request, "ikm/survei.html", {"form": form, **context}, status=result)


@never_cache
def survei(request: HttpRequest) -> HttpResponse:
    """The questionnaire behind the QR at the desk: the citizen names the layanan."""
    return _survei_page(request, SurveiForm(request.POST or None), Saluran.LOKET)


@never_cache
def survei_resi(request: HttpRequest, token: str) -> HttpResponse:
    """The questionnaire of one berkas (link and QR on its resi): the layanan is the berkas's, one
    answer per berkas. The page shows the layanan's name only, nothing of the berkas or its pemohon."""
    undangan = get_object_or_404(UndanganIKM.objects.select_related("berkas__layanan"), token=token)
    layanan = undangan.berkas.layanan
    if undangan.dijawab_pada is not None:
        return render(request, "ikm/terima_kasih.html", {"sudah": True, "pesan": svc.SUDAH_DIISI}, status=200)
    form = SurveiForm(request.POST or None, dengan_layanan=False)
    return _survei_page(request, form, Saluran.RESI, token, layanan=layanan)


@never_cache
def kiosk(request: HttpRequest) -> HttpResponse:
    """The kiosk tablet: a full-screen questionnaire that starts again after an answer or when idle."""
    return _survei_page(request, SurveiForm(request.POST or None), Saluran.KIOS, kiosk=True)


def terima_kasih(request: HttpRequest) -> HttpResponse:
    return render(request, "ikm/terima_kasih.html", {})


def kiosk_terima_kasih(request: HttpRequest) -> HttpResponse:
    return render(request, "ikm/terima_kasih.html", {"kiosk": True})


@login_required
def qr_loket(request: HttpRequest) -> HttpResponse:
    """The QR poster for the desk (staff print it): it opens the public questionnaire."""
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, "Halaman ini untuk pimpinan dan Kasi.")
    url = settings.PUBLIC_BASE_URL.rstrip("/") + reverse("ikm:survei")
    return render(request, "ikm/qr_loket.html", {"url": url})


def qr_loket_svg(request: HttpRequest) -> HttpResponse:
    """The QR code of the public questionnaire (a public address, nothing personal in it)."""
    buffer = BytesIO()
    segno.make(settings.PUBLIC_BASE_URL.rstrip("/") + reverse("ikm:survei"), error="m").save(
        buffer, kind="svg", scale=8, border=2
    )
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


# --- results (staff) -----------------------------------------------------------------------------


def _periode(request: HttpRequest) -> tuple[PeriodeForm, int, int, int | None]:
    tahun, semester = sel.semester_ini()
    form = PeriodeForm(request.GET or None, initial={"tahun": tahun, "semester": semester})
    layanan_id = None
    if request.GET and form.is_valid():
        tahun, semester = form.cleaned_data["tahun"], form.cleaned_data["semester"]
        layanan_id = form.cleaned_data["layanan"].pk if form.cleaned_data["layanan"] else None
    return form, tahun, semester, layanan_id


def _grafik(h: sel.Hasil) -> dict:
    return {
        "labels": [f"U{i}" for i in range(1, 10)],
        "nama": [u.nama for u in h.kantor.unsur],
        "nrr": [float(hitung.dua_desimal(u.nrr)) if u.nrr is not None else 0 for u in h.kantor.unsur],
        "terendah": [u.terendah for u in h.kantor.unsur],
    }


@login_required
def hasil(request: HttpRequest) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, "Hasil survei kepuasan masyarakat hanya untuk pimpinan, Kasi dan admin.")
    form, tahun, semester, layanan_id = _periode(request)
    h = sel.hasil(tahun, semester, layanan_id)
    context = {
        "form": form,
        "h": h,
        "grafik": _grafik(h),
        "mutu": hitung.MUTU,
        "laporan": list(sel.laporan_list()[:6]),
        "boleh_susun": sel.boleh_susun(request.user),
        "query": request.GET.urlencode(),
    }
    return render(request, "ikm/hasil.html", context, status=400 if form.errors else 200)


@login_required
def hasil_xlsx(request: HttpRequest) -> HttpResponse:
    from .documents import render_hasil_xlsx

    if not sel.boleh_lihat(request.user):
        return _forbidden(request, "Hasil survei kepuasan masyarakat hanya untuk pimpinan, Kasi dan admin.")
    _form, tahun, semester, layanan_id = _periode(request)
    h = sel.hasil(tahun, semester, layanan_id)
    response = HttpResponse(
        render_hasil_xlsx(h), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="ikm-{tahun}-semester-{semester}.xlsx"'
    return response


# --- the semester report (staff) -------------------------------------------------------------------


@login_required
def laporan_baru(request: HttpRequest) -> HttpResponse:
    if not sel.boleh_susun(request.user):
        return _forbidden(request, "Hanya Kasi yang menyusun laporan IKM semester.")
    tahun, semester = sel.semester_ini()
    form = LaporanForm(request.POST or None, initial={"tahun": tahun, "semester": semester})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                laporan = svc.laporan_ikm_susun(user=request.user, **form.cleaned_data)
            except BerkasError as exc:
                apply_errors(form, exc)
                status = exc.http_status
            else:
                messages.success(
                    request, f"{laporan.judul} disusun sebagai konsep naskah; ajukan dari halaman naskahnya."
                )
                return redirect(laporan.get_absolute_url())
    return render(request, "ikm/laporan_baru.html", {"form": form}, status=status)


@login_required
def laporan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, "Laporan IKM hanya untuk pimpinan, Kasi dan admin.")
    laporan = get_object_or_404(sel.laporan_list(), pk=pk)
    return render(request, "ikm/laporan_detail.html", {"laporan": laporan, "data": laporan.data})


@login_required
def laporan_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, "Laporan IKM hanya untuk pimpinan, Kasi dan admin.")
    laporan = get_object_or_404(LaporanIKM, pk=pk)
    return cetak(request, "laporan-ikm", {"pk": laporan.pk})
