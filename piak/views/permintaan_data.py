"""Screens of permintaan data: the cases (open one from a letter disposed to PIAK), opening from a
disposisi, a case with its steps."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from dukcapil.exceptions import BerkasError
from sekretariat.selectors.surat_masuk import disposisi_for, timeline

from ..forms.kerjasama import CatatanForm
from ..forms.permintaan_data import BukaForm, HasilForm
from ..models.permintaan_data import StatusPermintaan
from ..selectors import permintaan_data as selectors
from ..services import permintaan_data as services
from .kerjasama import available, forbidden

TOLAK_BUKA = "Hanya Kasi PIAK yang dapat membuka permintaan data."


def _buka(request: HttpRequest, form: BukaForm) -> tuple[HttpResponse | None, str, int]:
    """On POST, open the case from the form: (redirect, error, status); on GET nothing happens."""
    if request.method != "POST":
        return None, "", 200
    if not form.is_valid():
        return None, "Periksa isian permintaan.", 400
    data = form.cleaned_data
    try:
        case = services.permintaan_buka(
            user=request.user,
            data=services.PermintaanBaru(data["surat"].pk, data["jenis"], data["ruang_lingkup"], data["uraian"],
                                         getattr(form, "disposisi_id", None)),
        )  # fmt: skip
    except BerkasError as exc:
        return None, exc.message, exc.http_status
    messages.success(request, "Permintaan data dibuka; periksa PKS lembaga peminta.")
    return redirect(case.get_absolute_url()), "", 200


@login_required
def permintaan_list(request: HttpRequest) -> HttpResponse:
    if refused := forbidden(request):
        return refused
    boleh_buka = services.can_buka(request.user)
    form = BukaForm(request.POST or None, surat_qs=services.surat_untuk_piak(request.user)) if boleh_buka else None
    if form is None and request.method == "POST":
        return render(request, "dukcapil/error.html", {"message": TOLAK_BUKA}, status=403)
    done, error, status = _buka(request, form) if form is not None else (None, "", 200)
    if done:
        return done
    q = request.GET.get("q", "").strip()[:100]
    state = request.GET.get("status", "")
    rows = list(selectors.permintaan_list(request.user, q=q, status=state)[:200])
    context = {"rows": rows, "form": form, "error": error, "q": q, "status": state,
               "statuses": StatusPermintaan.choices}  # fmt: skip
    return render(request, "piak/permintaan_data/list.html", context, status=status)


@login_required
def permintaan_dari_disposisi(request: HttpRequest, disposisi_pk: int) -> HttpResponse:
    """«Buka permintaan data» on a disposisi the Kasi PIAK holds: the letter is prefilled."""
    disposisi = disposisi_for(request.user, disposisi_pk)
    if not services.can_buka(request.user):
        return render(request, "dukcapil/error.html", {"message": TOLAK_BUKA}, status=403)
    if existing := selectors.permintaan_dari_surat(disposisi.surat_id):
        return redirect("piak:permintaan-detail", pk=existing.pk)
    qs = services.surat_untuk_piak(request.user).filter(pk=disposisi.surat_id)
    initial = {"surat": disposisi.surat_id, "uraian": disposisi.surat.perihal}
    form = BukaForm(request.POST or None, surat_qs=qs, initial=initial)
    form.disposisi_id = disposisi.pk
    done, error, status = _buka(request, form)
    if done:
        return done
    context = {"form": form, "disposisi": disposisi, "surat": disposisi.surat, "error": error}
    return render(request, "piak/permintaan_data/buka.html", context, status=status)


def _detail(request: HttpRequest, pk: int, status: int = 200, error: str = "", hasil_form=None) -> HttpResponse:
    case = selectors.permintaan_detail(request.user, pk)
    if case is None:
        raise Http404("Permintaan data tidak ditemukan.")
    actions = dict(available(case, request.user, services.TRANSISI))
    context = {
        "case": case,
        "actions": [(m, label) for m, label in actions.items() if m in ("verifikasi", "setujui", "kembalikan")],
        "periksa": "teruskan" in actions or "tolak" in actions,
        "hasil_form": hasil_form or (HasilForm() if "lapor" in actions else None),
        "susun_balasan": (
            case.status == StatusPermintaan.BALASAN and case.naskah_id is None and services.can_buka(request.user)
        ),
        "selesaikan": ("selesaikan" in actions or "tutup_tolak" in actions) and case.naskah_id is not None,
        "error": error,
        "timeline": timeline(case, dict(StatusPermintaan.choices)),
    }
    return render(request, "piak/permintaan_data/detail.html", context, status=status)


@login_required
def permintaan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := forbidden(request):
        return refused
    return _detail(request, pk)


@login_required
@require_POST
def permintaan_aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    if refused := forbidden(request):
        return refused
    if aksi not in services.LABEL:
        raise Http404("Tindakan tidak dikenal.")
    if selectors.permintaan_list(request.user).filter(pk=pk).first() is None:
        raise Http404("Permintaan data tidak ditemukan.")
    expected = request.POST.get("expected_status") or None
    user = request.user
    try:
        if aksi == "periksa":
            case = services.permintaan_periksa(user=user, pk=pk, expected_status=expected)
            if case.status == StatusPermintaan.PENOLAKAN:
                messages.warning(request, f"Tidak ada PKS aktif: {case.alasan_tolak} Surat penolakan disusun.")
                return redirect(case.naskah.get_absolute_url())
        elif aksi == "lapor":
            form = HasilForm(request.POST)
            if not form.is_valid():
                return _detail(request, pk, 400, "Periksa catatan data yang keluar.", form)
            d = form.cleaned_data
            data = services.HasilData(d["kolom"], d["jumlah_record"], d["sha256"], d["metode"])
            services.permintaan_lapor(user=user, pk=pk, data=data, expected_status=expected)
        elif aksi == "balasan":
            case = services.permintaan_susun_balasan(user=user, pk=pk, expected_status=expected)
            messages.success(request, "Konsep surat balasan disusun; ajukan melalui naskah dinas.")
            return redirect(case.naskah.get_absolute_url())
        elif aksi == "selesaikan":
            services.permintaan_selesaikan(user=user, pk=pk, expected_status=expected)
        else:
            form = CatatanForm(request.POST)
            form.is_valid()
            services.permintaan_aksi(user=user, pk=pk, method=aksi, expected_status=expected,
                                     catatan=form.cleaned_data.get("catatan", ""))  # fmt: skip
    except BerkasError as exc:
        return _detail(request, pk, exc.http_status, exc.message)
    messages.success(request, f"{services.LABEL[aksi]}: selesai.")
    return redirect("piak:permintaan-detail", pk=pk)
