"""Screens of presensi: the monthly rekap (page, XLSX, PDF, sent to the Kadis), the import of the
fingerprint export, and the keterangan of a month."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from dukcapil.documents_builders import office_header
from dukcapil.exceptions import BerkasError
from dukcapil.workflow.permissions import Aksi, can_in_bidang

from ..documents.registers import register_pdf as render_register_pdf
from ..documents.registers import register_xlsx as render_register_xlsx
from ..forms.presensi import BulanForm, ImporForm, KeteranganForm, bulan_ini
from ..models.presensi import JamKerja
from ..selectors import presensi as selectors
from ..services import presensi as services

KOLOM = [
    "No", "Nama", "NIP", "Hari kerja", "Hadir", "Terlambat (hari)", "Terlambat (menit)", "Pulang cepat (hari)",
    "Pulang cepat (menit)", "Izin", "Sakit", "Cuti", "Dinas luar", "Tanpa keterangan",
]  # fmt: skip
LEBAR = [0.5, 3, 2.4, 0.8, 0.8, 0.9, 0.9, 0.9, 0.9, 0.7, 0.7, 0.7, 0.8, 0.9]


def _forbidden(request: HttpRequest) -> HttpResponse | None:
    if can_in_bidang(request.user, Aksi.PRESENSI, "sekretariat"):
        return None
    message = "Peran Anda tidak berwenang mengelola presensi."
    return render(request, "dukcapil/error.html", {"message": message}, status=403)


def _row(i: int, r) -> list:
    return [
        i, r.pegawai.nama_lengkap, r.pegawai.nip, r.hari_kerja, r.hadir, r.terlambat, r.menit_terlambat, r.pulang_cepat,
        r.menit_pulang_cepat, r.izin, r.sakit, r.cuti, r.dinas_luar, r.tanpa_keterangan,
    ]  # fmt: skip


@login_required
def rekap(request: HttpRequest) -> HttpResponse:
    if refused := _forbidden(request):
        return refused
    form = BulanForm(request.GET or {})
    if not form.is_valid():
        return render(request, "sekretariat/presensi/rekap.html", {"form": form, "rows": []}, status=400)
    tahun, bulan = form.cleaned_data["bulan"]
    q = form.cleaned_data["q"].strip().lower()
    rows = selectors.rekap_bulan(tahun, bulan)
    if q:
        rows = [r for r in rows if q in r.pegawai.nama_lengkap.lower() or q in r.pegawai.nip]
    judul = "Rekapitulasi presensi pegawai"
    periode = f"Bulan {services.NAMA_BULAN[bulan]} {tahun}"
    fmt = request.GET.get("format")
    if fmt in ("pdf", "xlsx"):
        baris = [_row(i, r) for i, r in enumerate(rows, start=1)]
        name = f"rekap-presensi-{tahun}-{bulan:02d}"
        if fmt == "pdf":
            data = render_register_pdf(office_header(), judul, periode, KOLOM, baris, LEBAR)
            response = HttpResponse(data, content_type="application/pdf")
            response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
            return response
        data = render_register_xlsx(judul, periode, KOLOM, baris)
        response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    query = request.GET.copy()
    query.pop("format", None)
    context = {
        "form": form,
        "rows": rows,
        "periode": periode,
        "tahun": tahun,
        "bulan": bulan,
        "bulan_iso": f"{tahun}-{bulan:02d}",
        "query": query.urlencode(),
        "rekap": selectors.rekap_tercatat(tahun, bulan),
        "jam_kerja": [str(j) for j in JamKerja.objects.all()],
    }
    return render(request, "sekretariat/presensi/rekap.html", context)


@login_required
@require_POST
def rekap_ajukan(request: HttpRequest) -> HttpResponse:
    if refused := _forbidden(request):
        return refused
    form = BulanForm(request.POST)
    if not form.is_valid() or not request.POST.get("bulan"):
        messages.error(request, "Bulan tidak valid.")
        return redirect("sekretariat:presensi-rekap")
    tahun, bulan = form.cleaned_data["bulan"]
    back = f"{reverse('sekretariat:presensi-rekap')}?bulan={tahun}-{bulan:02d}"
    try:
        rekap = services.rekap_ajukan(user=request.user, tahun=tahun, bulan=bulan)
    except BerkasError as exc:
        messages.error(request, exc.message)
        return redirect(back)
    messages.success(request, "Konsep naskah rekap presensi dibuat; ajukan untuk diperiksa Kasubag.")
    return redirect(rekap.naskah.get_absolute_url())


@login_required
def impor(request: HttpRequest) -> HttpResponse:
    if refused := _forbidden(request):
        return refused
    form = ImporForm(request.POST or None, request.FILES or None)
    kesalahan: list[str] = []
    error = ""
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["berkas"]
        try:
            hasil = services.presensi_impor(user=request.user, nama_berkas=upload.name, data=upload.read())
        except services.ImporGagal as exc:
            error, kesalahan = exc.message, exc.kesalahan
        except BerkasError as exc:
            error = exc.message
        else:
            messages.success(request, f"{hasil.jumlah_baris} baris presensi diimpor dari {hasil.nama_berkas}.")
            return redirect("sekretariat:presensi-impor")
    context = {"form": form, "kesalahan": kesalahan, "error": error, "riwayat": list(selectors.impor_terakhir())}
    status = 400 if request.method == "POST" else 200
    return render(request, "sekretariat/presensi/impor.html", context, status=status)


@login_required
def keterangan(request: HttpRequest) -> HttpResponse:
    if refused := _forbidden(request):
        return refused
    bulan_form = BulanForm(request.GET or {})
    tahun, bulan = bulan_form.cleaned_data["bulan"] if bulan_form.is_valid() else bulan_ini()
    form = KeteranganForm(request.POST or None, request.FILES or None)
    error, status = "", 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            umum = {"user": request.user, "pegawai_id": data["pegawai"].pk, "jenis": data["jenis"]}
            try:
                if data["sampai"] and data["sampai"] != data["tanggal"]:
                    services.keterangan_rentang_catat(
                        **umum, mulai=data["tanggal"], selesai=data["sampai"], catatan=data["catatan"]
                    )
                else:
                    services.keterangan_catat(
                        **umum, tanggal=data["tanggal"], catatan=data["catatan"], lampiran=data["lampiran"]
                    )
            except BerkasError as exc:
                error, status = exc.message, exc.http_status
            else:
                messages.success(request, "Keterangan dicatat.")
                return redirect(f"{request.path}?bulan={data['tanggal']:%Y-%m}")
    context = {
        "form": form,
        "bulan_form": bulan_form,
        "rows": list(selectors.keterangan_bulan(tahun, bulan)),
        "periode": f"{services.NAMA_BULAN[bulan]} {tahun}",
        "error": error,
    }
    return render(request, "sekretariat/presensi/keterangan.html", context, status=status)
