"""Screens of inovasi layanan: the list, the proposal form, a programme with its actions and
kartu kendali, the design download and the nota dinas laporan pelaksanaan."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from dukcapil.models import User
from dukcapil.views import from_form
from dukcapil.workflow.permissions import Aksi, can, can_in_bidang
from sekretariat.views import berkas_response, form_page
from sekretariat.views.surat_masuk import _allowed, _forbidden

from ..forms import inovasi as f
from ..models.inovasi import StatusInovasi
from ..selectors import inovasi as sel
from ..services import inovasi as svc
from .common import aksi_post, list_page, naskah_post

FORMS = {
    "bentuk_tim": f.TimForm,
    "ajukan": f.RancanganForm,
    "setujui": f.SetujuiForm,
    "kembalikan": f.KembalikanForm,
    "pengadaan": f.PengadaanForm,
    "terima": f.TerimaForm,
    "sosialisasikan": f.SosialisasiForm,
    "selesaikan": f.SelesaiForm,
}
TOLAK = "Program inovasi layanan hanya untuk Bidang PIAK dan pimpinan."


def _staf():
    return User.objects.filter(is_active=True, is_staff=False).exclude(bidang=None).order_by("first_name", "username")


def _form(method: str, *args, **kwargs):
    if method == "bentuk_tim":
        kwargs["staf"] = _staf()
    return FORMS[method](*args, **kwargs)


@login_required
def inovasi_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        "piak/inovasi/list.html",
        lambda **f: sel.inovasi_list(request.user, **f),
        "" if sel.boleh_lihat(request.user) else TOLAK,
        statuses=StatusInovasi.choices,
        can_usul=can_in_bidang(request.user, Aksi.INOVASI_KELOLA, sel.BIDANG_PIAK),
    )


@login_required
def inovasi_usul(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        allowed=can_in_bidang(request.user, Aksi.INOVASI_KELOLA, sel.BIDANG_PIAK),
        refusal="Hanya Bidang PIAK yang mengusulkan inovasi layanan.",
        form=f.UsulForm(request.POST or None),
        save=lambda data: svc.inovasi_usul(user=request.user, data=from_form(svc.UsulData, data)),
        pesan=lambda inovasi: f"Inovasi diusulkan dengan nomor {inovasi.nomor}.",
        template="piak/inovasi/usul.html",
    )


def _detail(request: HttpRequest, inovasi, status: int = 200, forms: dict | None = None, error: str = ""):
    forms = forms or {}
    tindakan = {
        method: forms.get(method) or _form(method, initial={"expected_status": inovasi.status})
        for method in FORMS
        if _allowed(inovasi, method, request.user)
    }
    context = {
        "r": inovasi,
        "tindakan": tindakan,
        "label": svc.LABEL,
        "can_nota": inovasi.status == StatusInovasi.SELESAI
        and inovasi.nota_dinas_id is None
        and can(request.user, Aksi.INOVASI_KELOLA, inovasi.bidang_id),
        "timeline": sel.inovasi_timeline(inovasi),
        "error": error,
    }
    return render(request, "piak/inovasi/detail.html", context, status=status)


@login_required
def inovasi_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, TOLAK)
    return _detail(request, sel.inovasi_for(request.user, pk))


def _run(user, pk: int, aksi: str, data: dict):
    common = {"user": user, "pk": pk, "expected_status": data.pop("expected_status", "") or None}
    if aksi == "bentuk_tim":
        data["tim"] = list(data["tim"])
    if aksi == "ajukan":
        return svc.inovasi_ajukan(**common, **data)
    return getattr(svc, f"inovasi_{aksi}")(**common, **data)


@login_required
@require_POST
def inovasi_aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    if aksi not in {*FORMS, "nota-dinas"}:
        raise Http404("Tindakan tidak dikenal.")
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, TOLAK)
    inovasi = sel.inovasi_for(request.user, pk)
    if aksi == "nota-dinas":
        pesan = "Nota dinas laporan pelaksanaan disusun sebagai konsep naskah."
        return naskah_post(
            request, inovasi, lambda: svc.inovasi_nota_dinas(user=request.user, pk=pk).nota_dinas, _detail, pesan
        )
    return aksi_post(
        request,
        inovasi,
        aksi,
        _form(aksi, request.POST, request.FILES),
        lambda data: _run(request.user, pk, aksi, data),
        _detail,
        lambda _: f"{inovasi.nomor}: {svc.LABEL[aksi]} berhasil.",
    )


@login_required
def inovasi_rancangan(request: HttpRequest, pk: int) -> FileResponse:
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, TOLAK)
    return berkas_response(sel.inovasi_for(request.user, pk).rancangan, "Rancangan belum diunggah.")
