"""Screens of the kerja sama register: the list, a new usulan, an agreement with its chain, its files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from django_fsm import can_proceed, has_transition_perm

from dukcapil.exceptions import BerkasError
from sekretariat.selectors.surat_masuk import timeline
from sekretariat.services.surat_masuk import instansi_pilih

from ..forms.kerjasama import CatatanForm, DrafForm, PerpanjangForm, TandaTanganForm, UsulanForm
from ..models.kerjasama import StatusKerjasama
from ..selectors import kerjasama as selectors
from ..services import kerjasama as services

TOLAK_LIHAT = "Peran Anda tidak berwenang melihat register kerja sama PIAK."


def forbidden(request: HttpRequest, message: str = TOLAK_LIHAT) -> HttpResponse | None:
    """403 page for whoever may not see PIAK's register (None: may see it)."""
    if selectors.boleh_lihat(request.user):
        return None
    return render(request, "dukcapil/error.html", {"message": message}, status=403)


def error_status(exc: BerkasError) -> int:
    return exc.http_status


def available(record, user, labels: dict[str, str]) -> list[tuple[str, str]]:
    """The transitions the user may run on the record now: [(method, label)]."""
    result = []
    for method, label in labels.items():
        bound = getattr(record, method, None)
        if bound is not None and can_proceed(bound) and has_transition_perm(bound, user):
            result.append((method, label))
    return result


@login_required
def kerjasama_list(request: HttpRequest) -> HttpResponse:
    if refused := forbidden(request):
        return refused
    q = request.GET.get("q", "").strip()[:100]
    status = request.GET.get("status", "")
    rows = list(selectors.kerjasama_list(request.user, q=q, status=status)[:200])
    context = {"rows": rows, "q": q, "status": status, "statuses": StatusKerjasama.choices,
               "boleh_usul": services.can_usul(request.user)}  # fmt: skip
    return render(request, "piak/kerjasama/list.html", context)


@login_required
def kerjasama_baru(request: HttpRequest) -> HttpResponse:
    if refused := forbidden(request):
        return refused
    if not services.can_usul(request.user):
        return render(request, "dukcapil/error.html", {"message": "Hanya Kasi PIAK yang mengusulkan kerja sama."},
                      status=403)  # fmt: skip
    form = UsulanForm(request.POST or None)
    error, status = "", 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                lembaga = data["lembaga"] or instansi_pilih(nama=data["lembaga_baru"])
                pks = services.kerjasama_usulkan(
                    user=request.user,
                    data=services.UsulanData(lembaga, data["judul"], data["tor"], data["ruang_lingkup"], data["jenis"]),
                )
            except BerkasError as exc:
                error, status = exc.message, exc.http_status
            else:
                messages.success(request, "Usulan kerja sama dicatat.")
                return redirect(pks.get_absolute_url())
        else:
            error = "Periksa isian usulan."
    return render(request, "piak/kerjasama/form.html", {"form": form, "error": error}, status=status)


def _detail(request: HttpRequest, pk: int, status: int = 200, error: str = "", **forms) -> HttpResponse:
    pks = selectors.kerjasama_detail(request.user, pk)
    if pks is None:
        raise Http404("Kerja sama tidak ditemukan.")
    actions = available(pks, request.user, services.LABEL)
    methods = {m for m, _ in actions}
    context = {
        "pks": pks,
        "actions": [(m, label) for m, label in actions if m not in ("susun_draf", "tandatangani", "perpanjang")],
        "draf_form": forms.get("draf_form") or (DrafForm() if "susun_draf" in methods else None),
        "ttd_form": forms.get("ttd_form") or (TandaTanganForm() if "tandatangani" in methods else None),
        "perpanjang_form": PerpanjangForm() if "perpanjang" in methods else None,
        "permintaan": list(pks.permintaan.all()),
        "error": error,
        "timeline": timeline(pks, dict(StatusKerjasama.choices)),
    }
    return render(request, "piak/kerjasama/detail.html", context, status=status)


@login_required
def kerjasama_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := forbidden(request):
        return refused
    return _detail(request, pk)


@login_required
@require_POST
def kerjasama_aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    if refused := forbidden(request):
        return refused
    if aksi not in services.LABEL:
        raise Http404("Tindakan tidak dikenal.")
    if selectors.kerjasama_list(request.user).filter(pk=pk).first() is None:
        raise Http404("Kerja sama tidak ditemukan.")
    expected = request.POST.get("expected_status") or None
    try:
        if aksi == "tandatangani":
            form = TandaTanganForm(request.POST, request.FILES)
            if not form.is_valid():
                return _detail(request, pk, 400, "Periksa isian penandatanganan.", ttd_form=form)
            d = form.cleaned_data
            data = services.TandaTanganData(d["nomor_dinas"], d["tanggal_dinas"], d["nomor_mitra"], d["tanggal_mitra"],
                                            d["mulai"], d["berakhir"], d["pindaian"], d["juknis"])  # fmt: skip
            services.kerjasama_tandatangani(user=request.user, pk=pk, data=data, expected_status=expected)
        elif aksi == "berlakukan":
            services.kerjasama_berlakukan(user=request.user, pk=pk, expected_status=expected)
        elif aksi == "perpanjang":
            form = PerpanjangForm(request.POST)
            form.is_valid()
            baru = services.kerjasama_perpanjang(
                user=request.user, pk=pk, tor=form.cleaned_data.get("tor", ""), expected_status=expected
            )
            messages.success(request, "Usulan perpanjangan dibuat.")
            return redirect(baru.get_absolute_url())
        else:
            form = CatatanForm(request.POST)
            form.is_valid()
            services.kerjasama_aksi(
                user=request.user, pk=pk, method=aksi, expected_status=expected,
                catatan=form.cleaned_data.get("catatan", ""), draf=request.FILES.get("draf"),
            )  # fmt: skip
    except BerkasError as exc:
        return _detail(request, pk, exc.http_status, exc.message)
    messages.success(request, f"{services.LABEL[aksi]}: selesai.")
    return redirect("piak:kerjasama-detail", pk=pk)


@login_required
def kerjasama_berkas(request: HttpRequest, pk: int, berkas: str) -> HttpResponse:
    if refused := forbidden(request):
        return refused
    if berkas not in ("draf", "juknis", "pindaian"):
        raise Http404("Berkas tidak dikenal.")
    pks = selectors.kerjasama_list(request.user).filter(pk=pk).first()
    file = getattr(pks, berkas, None) if pks else None
    if not file:
        raise Http404("Berkas tidak ada.")
    return FileResponse(file.open("rb"), content_type="application/pdf", filename=f"{berkas}-pks-{pk}.pdf")
