from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from dukcapil import selectors, services
from dukcapil.exceptions import BerkasError
from dukcapil.models import user_has_role_perm

from .forms import AnggotaFormSet, PermohonanKKForm
from .models import PermohonanKK
from .services import ENTRY_STATUSES, AnggotaData, permohonan_kk_update

ANGGOTA_FIELDS = list(AnggotaData.__dataclass_fields__)


def _anggota(data: dict) -> AnggotaData:
    """A filled formset row as service input: empty text is "", an empty marriage date is None."""
    values = {field: data.get(field) if data.get(field) is not None else "" for field in ANGGOTA_FIELDS}
    values["tanggal_perkawinan"] = data.get("tanggal_perkawinan") or None
    return AnggotaData(**values)


@login_required
def entri_kk(request: HttpRequest, nomor: str) -> HttpResponse:
    """Operator SIAK enters the family; 'Simpan dan kirim ke Kasi' also completes the entry."""
    berkas = get_object_or_404(
        selectors.berkas_visible_to(request.user).select_related("layanan"), nomor_registrasi=nomor
    )
    permohonan = get_object_or_404(PermohonanKK, berkas=berkas)
    if not user_has_role_perm(request.user, "entri_berkas"):
        return render(
            request, "dukcapil/error.html", {"message": "Hanya operator SIAK yang mengentri data KK."}, status=403
        )
    if berkas.status not in ENTRY_STATUSES:
        return render(
            request,
            "dukcapil/error.html",
            {
                "message": f"Berkas berstatus «{berkas.get_status_display()}»; data KK hanya dapat "
                "diubah saat berkas berada di operator."
            },
            status=409,
        )
    anggota_initial = [{f: getattr(a, f) for f in ANGGOTA_FIELDS} for a in permohonan.anggota.order_by("urutan")]
    form = PermohonanKKForm(request.POST or None, instance=permohonan)
    formset = AnggotaFormSet(request.POST or None, prefix="anggota", initial=anggota_initial)
    status, error = 200, None
    if request.method == "POST":
        if form.is_valid() and formset.is_valid():
            anggota = [
                _anggota(f.cleaned_data) for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            try:
                permohonan_kk_update(berkas_id=berkas.pk, user=request.user, data=form.cleaned_data, anggota=anggota)
                if "kirim" in request.POST:
                    services.berkas_transition(
                        berkas_id=berkas.pk, action="entri-selesai", user=request.user, expected_status=berkas.status
                    )
                    messages.success(request, f"Data KK {nomor} disimpan dan dikirim ke Kasi untuk verifikasi.")
                    return redirect("kotak-masuk")
            except BerkasError as exc:
                status, error = exc.http_status, exc.message
                for problems in exc.fields.values():
                    for p in problems:
                        messages.error(request, p)
            else:
                messages.success(request, f"Data KK {nomor} disimpan.")
                return redirect("pendaftaran:entri-kk", nomor=nomor)
        else:
            status, error = 400, "Periksa kembali isian yang ditandai."
    return render(
        request,
        "pendaftaran/entri_kk.html",
        {
            "berkas": berkas,
            "form": form,
            "formset": formset,
            "error": error,
        },
        status=status,
    )
