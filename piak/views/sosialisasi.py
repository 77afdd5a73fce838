"""Screens of sosialisasi kebijakan kependudukan: the list, the plan form, one event with its actions,
its letters and kartu kendali, and the downloads of the material and the daftar hadir."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from dukcapil.exceptions import BerkasError
from dukcapil.views import from_form
from dukcapil.workflow.permissions import Aksi, can, can_in_bidang
from sekretariat.views import berkas_response, form_page
from sekretariat.views.surat_masuk import _allowed, _apply, _forbidden

from ..forms import sosialisasi as f
from ..models.sosialisasi import StatusSosialisasi
from ..selectors import sosialisasi as sel
from ..services import sosialisasi as svc
from .common import list_page

S = StatusSosialisasi
# the actions with a form of their own; «laporkan» is a button of the chain (_rantai_tindakan.html)
FORMS = {
    "siapkan_materi": f.MateriForm,
    "susun_surat": f.SuratForm,
    "laksanakan": f.PelaksanaanForm,
    "batalkan": f.BatalForm,
}
RANTAI = ("laporkan",)
TOLAK = "Sosialisasi kebijakan kependudukan hanya untuk Bidang PIAK dan pimpinan."
BERKAS = {"materi": "materi", "daftar-hadir": "daftar_hadir"}


@login_required
def sosialisasi_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        "piak/sosialisasi/list.html",
        lambda **f: sel.sosialisasi_list(request.user, **f),
        "" if sel.boleh_lihat(request.user) else TOLAK,
        statuses=S.choices,
        can_rencana=can_in_bidang(request.user, Aksi.SOSIALISASI_KELOLA, sel.BIDANG_PIAK),
    )


@login_required
def sosialisasi_rencana(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        allowed=can_in_bidang(request.user, Aksi.SOSIALISASI_KELOLA, sel.BIDANG_PIAK),
        refusal="Hanya Bidang PIAK yang merencanakan sosialisasi kebijakan kependudukan.",
        form=f.RencanaForm(request.POST or None),
        save=lambda data: svc.sosialisasi_rencanakan(user=request.user, data=from_form(svc.RencanaData, data)),
        pesan=lambda sos: f"Rencana sosialisasi dicatat dengan nomor {sos.nomor}.",
        template="piak/sosialisasi/rencana.html",
    )


def _detail(request: HttpRequest, sos, status: int = 200, forms: dict | None = None, error: str = ""):
    forms = forms or {}
    tindakan = {
        method: forms.get(method) or FORMS[method](initial={"expected_status": sos.status})
        for method in FORMS
        if _allowed(sos, method, request.user)
    }
    kelola = can(request.user, Aksi.SOSIALISASI_KELOLA, sos.bidang_id) and can(
        request.user, Aksi.KONSEP_NASKAH, sos.bidang_id
    )
    boleh_tugas = (
        kelola
        and sos.status in {S.MATERI_SIAP, S.SURAT, S.SIAP}
        and (sos.surat_tugas is None or sos.surat_tugas.status == "ditarik")
    )
    context = {
        "r": sos,
        "tindakan": tindakan,
        "label": svc.LABEL,
        "tombol": [(m, svc.LABEL[m]) for m in RANTAI if _allowed(sos, m, request.user)],
        "form_tugas": forms.get("surat-tugas") or (f.SuratTugasForm() if boleh_tugas else None),
        "kehadiran": list(sos.kehadiran.all()),
        "timeline": sel.sosialisasi_timeline(sos),
        "error": error,
    }
    return render(request, "piak/sosialisasi/detail.html", context, status=status)


@login_required
def sosialisasi_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, TOLAK)
    return _detail(request, sel.sosialisasi_for(request.user, pk))


def _run(user, pk: int, aksi: str, data: dict):
    common = {"user": user, "pk": pk}
    if aksi == "surat-tugas":
        return svc.sosialisasi_surat_tugas(**common, kepada=data["kepada"])
    common["expected_status"] = data.pop("expected_status", "") or None
    if aksi == "laksanakan":
        return svc.sosialisasi_laksanakan(**common, data=from_form(svc.PelaksanaanData, data))
    return getattr(svc, f"sosialisasi_{aksi}")(**common, **data)


@login_required
@require_POST
def sosialisasi_aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    if aksi not in {*FORMS, *RANTAI, "surat-tugas"}:
        raise Http404("Tindakan tidak dikenal.")
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, TOLAK)
    sos = sel.sosialisasi_for(request.user, pk)
    if aksi in RANTAI:
        data = {"expected_status": request.POST.get("expected_status", ""),
                "catatan": request.POST.get("catatan", "")[:1000]}  # fmt: skip
        form = None
    else:
        form = (f.SuratTugasForm if aksi == "surat-tugas" else FORMS[aksi])(request.POST, request.FILES)
        if not form.is_valid():
            return _detail(request, sos, 400, {aksi: form}, "Periksa isian.")
        data = dict(form.cleaned_data)
    try:
        sos = _run(request.user, pk, aksi, data)
    except BerkasError as exc:
        sos = sel.sosialisasi_for(request.user, pk)
        if form is not None:
            _apply(form, exc)
        return _detail(request, sos, exc.http_status, {aksi: form} if form else None, exc.message)
    if aksi in {"susun_surat", "laporkan", "surat-tugas"}:
        naskah = {"susun_surat": sos.surat, "laporkan": sos.nota_dinas, "surat-tugas": sos.surat_tugas}[aksi]
        messages.success(request, f"{naskah.hal}: disusun sebagai konsep naskah. Ajukan untuk diperiksa.")
        return redirect(naskah.get_absolute_url())
    messages.success(request, f"{sos.nomor}: {svc.LABEL[aksi]} berhasil.")
    return redirect(sos.get_absolute_url())


@login_required
def sosialisasi_berkas(request: HttpRequest, pk: int, berkas: str) -> FileResponse:
    if berkas not in BERKAS:
        raise Http404("Berkas tidak dikenal.")
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, TOLAK)
    return berkas_response(getattr(sel.sosialisasi_for(request.user, pk), BERKAS[berkas]), "Berkas belum diunggah.")
