from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from dukcapil import selectors, services
from dukcapil.choices import Status
from dukcapil.exceptions import BerkasError
from dukcapil.kinds import kind_for
from dukcapil.models import AksesDataPribadi
from dukcapil.workflow.access import access_log_record
from dukcapil.workflow.permissions import Aksi, can, can_in_bidang

from .forms import KonfirmasiForm
from .layanan import ENTRY_STATUSES, entry_form, konfirmasi_record, permohonan_update
from .models import Akta, PermohonanAkta

REGISTER_BIDANG = "pencatatan_sipil"  # the register akta is kept by this bidang


def _berkas(request: HttpRequest, nomor: str):
    return get_object_or_404(
        selectors.berkas_visible_to(request.user).select_related("layanan"), nomor_registrasi=nomor
    )


def _error(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(request, "dukcapil/error.html", {"message": message}, status=status)


def entry_post(request: HttpRequest, berkas, form, save, again: str, unplaced_messages: bool = False):
    """The operator entry's POST: ``save(form.as_data())``, and with «kirim» the berkas goes on
    (entri-selesai). Returns (redirect or None, status, error); a register check's errors are shown on
    their fields, and those the form lacks as messages when ``unplaced_messages``. The same flow as the
    pendaftaran entry views, which could use it too."""
    if request.method != "POST":
        return None, 200, None
    if not form.is_valid():
        return None, 400, "Periksa kembali isian yang ditandai."
    nomor = berkas.nomor_registrasi
    try:
        save(form.as_data())
        if "kirim" in request.POST:
            services.berkas_transition(
                berkas_id=berkas.pk, action="entri-selesai", user=request.user, expected_status=berkas.status
            )
            messages.success(request, f"Data {nomor} disimpan dan dikirim untuk diproses lebih lanjut.")
            return redirect("kotak-masuk"), 200, None
    except BerkasError as exc:
        for name, problems in exc.fields.items():
            for p in problems:
                if name in form.fields:
                    form.add_error(name, p)
                elif unplaced_messages:
                    messages.error(request, p)
        return None, exc.http_status, exc.message
    messages.success(request, f"Data {nomor} disimpan.")
    return redirect(again, nomor=nomor), 200, None


@login_required
def entri(request: HttpRequest, nomor: str) -> HttpResponse:
    """Operator SIAK: the service's register data, or the other office's confirmation first."""
    berkas = _berkas(request, nomor)
    permohonan = get_object_or_404(PermohonanAkta.objects.select_related("akta_rujukan"), berkas=berkas)
    if not can(request.user, Aksi.ENTRI):
        return _error(request, "Hanya operator SIAK yang mengentri data akta.", 403)
    if berkas.status == Status.MENUNGGU_KONFIRMASI:
        return _konfirmasi(request, berkas, permohonan)
    if berkas.status not in ENTRY_STATUSES:
        return _error(
            request,
            f"Berkas berstatus «{berkas.get_status_display()}»; data hanya dapat diubah saat berkas di operator.",
            409,
        )
    kind = kind_for(permohonan.jenis)
    form = entry_form(permohonan, request.POST or None)

    def save(data: dict) -> None:
        permohonan_update(berkas_id=berkas.pk, user=request.user, data=data)

    response, status, error = entry_post(request, berkas, form, save, "pencatatan_sipil:entri")
    if response is not None:
        return response
    permohonan.refresh_from_db()
    return render(
        request,
        "pencatatan_sipil/entri.html",
        {"berkas": berkas, "permohonan": permohonan, "kind": kind, "form": form, "error": error},
        status=status,
    )


def _konfirmasi(request: HttpRequest, berkas, permohonan) -> HttpResponse:
    form = KonfirmasiForm(request.POST or None)
    status, error = 200, None
    if request.method == "POST":
        if form.is_valid():
            try:
                konfirmasi_record(
                    berkas_id=berkas.pk,
                    user=request.user,
                    nomor=form.cleaned_data["konfirmasi_nomor"],
                    tanggal=form.cleaned_data["konfirmasi_tanggal"],
                )
            except BerkasError as exc:
                status, error = exc.http_status, exc.message
            else:
                messages.success(request, "Konfirmasi keabsahan dicatat; silakan entri data akta.")
                return redirect("pencatatan_sipil:entri", nomor=berkas.nomor_registrasi)
        else:
            status, error = 400, "Periksa kembali isian yang ditandai."
    return render(
        request,
        "pencatatan_sipil/konfirmasi.html",
        {"berkas": berkas, "permohonan": permohonan, "form": form, "error": error},
        status=status,
    )


@login_required
def register_akta(request: HttpRequest) -> HttpResponse:
    """Staff lookup in the register akta by nomor akta or NIK (POST: nothing personal in URLs)."""
    if not can_in_bidang(request.user, Aksi.LIHAT_REGISTER, REGISTER_BIDANG):
        return _error(request, "Register akta hanya untuk petugas bidang Pencatatan Sipil yang berwenang.", 403)
    query = (request.POST.get("q") or "").strip().upper()
    results = []
    if query:
        results = list(
            (Akta.objects.filter(nomor=query) | Akta.objects.filter(subjek_nik=query))
            .prefetch_related("catatan_pinggir__berkas", "kutipan__dokumen", "kutipan__berkas")
            .order_by("-dicatat_pada")[:20]
        )
        if not results:
            messages.error(request, "Nomor akta atau NIK tidak ditemukan dalam register akta.")
        access_log_record(
            request=request,
            niks=[a.subjek_nik for a in results],
            halaman=AksesDataPribadi.Halaman.REGISTER_AKTA,
            konteks="pencarian register akta",
        )
    return render(request, "pencatatan_sipil/register.html", {"query": query, "results": results})
