"""Screens of update data kependudukan (P.6.7): the list (NIK masked), the request form, and a
request with the register's current values for PIAK's check (access-logged) and its actions."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from dukcapil.models import AksesDataPribadi
from dukcapil.views import from_form
from dukcapil.workflow.access import access_log_record
from sekretariat.views import berkas_response, form_page
from sekretariat.views.surat_masuk import _allowed, _forbidden

from ..forms.update_data import AjukanForm, HasilForm, KonfirmasiForm, PermohonanForm, VerifikasiForm
from ..models.update_data import StatusUpdateData
from ..selectors import update_data as sel
from ..services import update_data as svc
from .common import aksi_post

PER_HALAMAN = 50
# form key → (form, the transition that tells whether it may be shown)
FORMS = {
    "verifikasi": (VerifikasiForm, "verifikasi"),
    "ajukan": (AjukanForm, "ajukan"),
    "hasil": (HasilForm, "hasil_update"),
    "konfirmasi": (KonfirmasiForm, "konfirmasi"),
}
TOLAK_LIHAT = "Permohonan update data hanya untuk Bidang PIAK dan pimpinan."


@login_required
def update_data_list(request: HttpRequest) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, TOLAK_LIHAT)
    status = request.GET.get("status", "")[:20]
    page = Paginator(sel.update_data_list(request.user, status=status), PER_HALAMAN).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "status": status,
        "statuses": StatusUpdateData.choices,
        "can_terima": sel.boleh_olah(request.user),
    }
    return render(request, "piak/update_data/list.html", context)


@login_required
def update_data_baru(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        allowed=sel.boleh_olah(request.user),
        refusal="Hanya petugas Bidang PIAK yang menerima permohonan update data.",
        form=PermohonanForm(request.POST or None, request.FILES or None),
        save=lambda data: svc.update_data_terima(user=request.user, data=from_form(svc.PermohonanData, data)),
        pesan=lambda permohonan: f"Permohonan update data diterima dengan nomor {permohonan.nomor}.",
        template="piak/update_data/baru.html",
    )


def _detail(request: HttpRequest, permohonan, status: int = 200, forms: dict | None = None, error: str = ""):
    user = request.user
    forms = forms or {}
    tindakan = {
        key: forms.get(key) or cls(initial={"expected_status": permohonan.status})
        for key, (cls, method) in FORMS.items()
        if _allowed(permohonan, method, user)
    }
    olah = sel.boleh_olah(user)
    register_shown, penduduk = sel.data_register(user, permohonan)
    if olah:
        # the processing officer sees the whole NIK (and, while checking, the register's values)
        access_log_record(
            request=request,
            niks=[permohonan.nik],
            halaman=AksesDataPribadi.Halaman.DATABASE_PENDUDUK if penduduk else AksesDataPribadi.Halaman.DETAIL_BERKAS,
            konteks=f"permohonan update data {permohonan.nomor}",
        )
    context = {
        "r": permohonan,
        "olah": olah,
        "register_shown": register_shown,
        "penduduk": penduduk,
        "tindakan": tindakan,
        "timeline": sel.update_data_timeline(permohonan),
        "error": error,
    }
    return render(request, "piak/update_data/detail.html", context, status=status)


@login_required
def update_data_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, TOLAK_LIHAT)
    return _detail(request, sel.update_data_for(request.user, pk))


def _run(user, pk: int, aksi: str, data: dict):
    common = {"user": user, "pk": pk, "expected_status": data.pop("expected_status", None) or None}
    action = {
        "verifikasi": svc.update_data_verifikasi,
        "ajukan": svc.update_data_ajukan,
        "hasil": svc.update_data_hasil,
        "konfirmasi": svc.update_data_konfirmasi,
    }[aksi]
    return action(**common, **data)


@login_required
@require_POST
def update_data_aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    if aksi not in FORMS:
        raise Http404("Tindakan tidak dikenal.")
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, TOLAK_LIHAT)
    return aksi_post(
        request,
        sel.update_data_for(request.user, pk),
        aksi,
        FORMS[aksi][0](request.POST),
        lambda data: _run(request.user, pk, aksi, data),
        _detail,
        lambda permohonan: f"{permohonan.nomor}: {permohonan.get_status_display().lower()}.",
    )


@login_required
def update_data_bukti(request: HttpRequest, pk: int) -> FileResponse:
    if not sel.boleh_olah(request.user):
        return _forbidden(request, "Bukti permohonan hanya untuk petugas Bidang PIAK.")
    return berkas_response(sel.update_data_for(request.user, pk).bukti, "Bukti belum diunggah.")
