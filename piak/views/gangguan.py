"""Screens of gangguan: the list, the report form, a ticket with its clock and actions, and the
monthly monitoring report (table, chart, XLSX, sent for signature as a naskah)."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from dukcapil.choices import Role
from dukcapil.exceptions import BerkasError
from dukcapil.models import User
from dukcapil.views import from_form
from dukcapil.workflow.permissions import Aksi, can, can_in_bidang
from sekretariat.documents.registers import register_xlsx
from sekretariat.views import berkas_response, form_page
from sekretariat.views.surat_masuk import _allowed, _forbidden

from ..forms.gangguan import (
    BukaKembaliForm,
    BulanForm,
    KonfirmasiForm,
    LaporForm,
    RekananLaporanForm,
    SelesaiForm,
    TriaseForm,
    TugaskanForm,
)
from ..models.gangguan import Penanganan, StatusGangguan
from ..selectors import gangguan as sel
from ..services import gangguan as svc
from .common import aksi_post, list_page, naskah_post

FORMS = {
    "triase": TriaseForm,
    "tangani": TugaskanForm,
    "selesaikan": SelesaiForm,
    "konfirmasi": KonfirmasiForm,
    "buka_kembali": BukaKembaliForm,
}


def _petugas_piak():
    return (
        User.objects.filter(
            is_active=True, bidang__kode=sel.BIDANG_PIAK, groups__name__in=[Role.ADB.label, Role.KASI.label]
        )
        .distinct()
        .order_by("first_name", "username")
    )


@login_required
def gangguan_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        "piak/gangguan/list.html",
        lambda **f: sel.gangguan_list(request.user, **f),
        statuses=StatusGangguan.choices,
        semua=sel.boleh_rekap(request.user),
        can_lapor=can(request.user, Aksi.GANGGUAN_LAPOR),
        now=timezone.now(),
    )


@login_required
def gangguan_lapor(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        allowed=can(request.user, Aksi.GANGGUAN_LAPOR),
        refusal="Peran Anda tidak dapat melaporkan gangguan.",
        form=LaporForm(request.POST or None),
        save=lambda data: svc.gangguan_lapor(user=request.user, data=from_form(svc.LaporData, data)),
        pesan=lambda gangguan: f"Gangguan dilaporkan dengan nomor {gangguan.nomor}.",
        template="piak/gangguan/lapor.html",
    )


def _detail(
    request: HttpRequest, gangguan, status: int = 200, forms: dict | None = None, error: str = ""
) -> HttpResponse:
    user = request.user
    forms = forms or {}
    tindakan = {}
    for method, cls in FORMS.items():
        if _allowed(gangguan, method, user):
            kwargs = {"petugas": _petugas_piak()} if method == "tangani" else {}
            tindakan[method] = forms.get(method) or cls(initial=_initial(gangguan, method), **kwargs)
    rekanan_form = None
    if (
        gangguan.penanganan == Penanganan.REKANAN
        and gangguan.status in (StatusGangguan.DITANGANI, StatusGangguan.SELESAI, StatusGangguan.DIKONFIRMASI)
        and can(user, Aksi.GANGGUAN_TANGANI, gangguan.bidang_id)
    ):
        rekanan_form = forms.get("rekanan") or RekananLaporanForm(
            initial={"biaya": gangguan.biaya, "spj_nomor": gangguan.spj_nomor, "spj_tanggal": gangguan.spj_tanggal}
        )
    now = timezone.now()
    context = {
        "r": gangguan,
        "tindakan": tindakan,
        "rekanan_form": rekanan_form,
        "can_spj": rekanan_form is not None
        and bool(gangguan.laporan_rekanan)
        and gangguan.spj_naskah_id is None
        and can(user, Aksi.GANGGUAN_MONITORING, gangguan.bidang_id),
        "timeline": sel.gangguan_timeline(gangguan),
        "lama_terbuka": sel.durasi_teks(gangguan.lama_terbuka(now)),
        "lama_tahap": gangguan.age_in_status(now),
        "standar_tahap": gangguan.standard_minutes(),
        "error": error,
        "today": timezone.localdate(),
    }
    context["terlambat"] = (
        context["standar_tahap"] is not None and context["lama_tahap"].total_seconds() > 60 * context["standar_tahap"]
    )
    return render(request, "piak/gangguan/detail.html", context, status=status)


def _initial(gangguan, method: str) -> dict:
    initial = {"expected_status": gangguan.status}
    if method == "triase":
        initial |= {"kategori": gangguan.kategori, "prioritas": gangguan.prioritas, "loket": gangguan.loket}
    if method == "tangani":
        initial |= {"penanganan": gangguan.penanganan, "petugas": gangguan.petugas_id, "rekanan": gangguan.rekanan_id,
                    "helpdesk": gangguan.helpdesk, "nomor_tiket": gangguan.nomor_tiket}  # fmt: skip
    return initial


@login_required
def gangguan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, sel.gangguan_for(request.user, pk))


def _run(user, pk: int, aksi: str, data: dict):
    common = {"user": user, "pk": pk, "expected_status": data.get("expected_status") or None}
    if aksi == "triase":
        return svc.gangguan_triase(**common, kategori=data["kategori"], prioritas=data["prioritas"],
                                   loket=data["loket"], catatan=data["catatan"])  # fmt: skip
    if aksi == "tangani":
        return svc.gangguan_tugaskan(
            **common, penanganan=data["penanganan"], petugas=data["petugas"], rekanan=data["rekanan"],
            helpdesk=data["helpdesk"], nomor_tiket=data["nomor_tiket"], catatan=data["catatan"],
        )  # fmt: skip
    if aksi == "selesaikan":
        return svc.gangguan_selesaikan(**common, penyelesaian=data["penyelesaian"])
    if aksi == "konfirmasi":
        return svc.gangguan_konfirmasi(**common, catatan=data["catatan"])
    return svc.gangguan_buka_kembali(**common, alasan=data["alasan"])


@login_required
@require_POST
def gangguan_aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    if aksi not in {*FORMS, "rekanan", "spj"}:
        raise Http404("Tindakan tidak dikenal.")
    gangguan = sel.gangguan_for(request.user, pk)
    if aksi == "spj":
        pesan = "Laporan hasil perbaikan dan SPJ disusun sebagai konsep naskah."
        return naskah_post(
            request, gangguan, lambda: svc.gangguan_spj_ajukan(user=request.user, pk=pk).spj_naskah, _detail, pesan
        )
    if aksi == "rekanan":
        form = RekananLaporanForm(request.POST, request.FILES)
        label = "Laporan rekanan dicatat"
    else:
        form = TugaskanForm(request.POST, petugas=_petugas_piak()) if aksi == "tangani" else FORMS[aksi](request.POST)
        label = f"{svc.LABEL[aksi]}: berhasil"

    def run(data: dict):
        if aksi == "rekanan":
            return svc.gangguan_laporan_rekanan(user=request.user, pk=pk, **data)
        return _run(request.user, pk, aksi, data)

    return aksi_post(request, gangguan, aksi, form, run, _detail, lambda _: f"{gangguan.nomor}: {label}.")


@login_required
def gangguan_rekanan_berkas(request: HttpRequest, pk: int) -> FileResponse:
    gangguan = sel.gangguan_for(request.user, pk)
    stored = gangguan.laporan_rekanan if sel.boleh_rekap(request.user) else None
    return berkas_response(stored, "Laporan rekanan belum diunggah.")


# --- laporan berkala monitoring -----------------------------------------------------------------


def _bulan(request: HttpRequest) -> tuple[int, int, BulanForm]:
    today = timezone.localdate()
    last = today.replace(day=1) - timedelta(days=1)
    form = BulanForm(request.GET or None, initial={"tahun": last.year, "bulan": last.month})
    if form.is_bound and form.is_valid():
        return form.cleaned_data["tahun"], form.cleaned_data["bulan"], form
    return last.year, last.month, form


def _rekap(request: HttpRequest):
    """The month asked for and its figures, or the refusal page for whoever may not read them."""
    if not sel.boleh_rekap(request.user):
        return None, _forbidden(request, "Laporan berkala monitoring hanya untuk Bidang PIAK dan pimpinan.")
    tahun, bulan, form = _bulan(request)
    return (form, sel.rekap_bulan(tahun, bulan)), None


@login_required
def monitoring(request: HttpRequest) -> HttpResponse:
    found, refused = _rekap(request)
    if refused:
        return refused
    form, rekap = found
    chart = {
        "kategori": [label for label, _ in rekap.per_kategori],
        "jumlah": [n for _, n in rekap.per_kategori],
    }
    context = {
        "form": form,
        "rekap": rekap,
        "rows": sel.rekap_rows(rekap),
        "chart": chart,
        "laporan": sel.laporan_bulan(rekap.tahun, rekap.bulan),
        "can_ajukan": can_in_bidang(request.user, Aksi.GANGGUAN_MONITORING, sel.BIDANG_PIAK),
    }
    return render(
        request, "piak/gangguan/monitoring.html", context, status=400 if form.is_bound and not form.is_valid() else 200
    )


@login_required
def monitoring_xlsx(request: HttpRequest) -> HttpResponse:
    found, refused = _rekap(request)
    if refused:
        return refused
    _, rekap = found
    tahun, bulan = rekap.tahun, rekap.bulan
    judul = f"Laporan berkala monitoring jaringan {rekap.judul_bulan}"
    data = register_xlsx(
        judul, "Gangguan SIAK, jaringan dan perangkat", ["Bagian", "Uraian", "Nilai"], sel.rekap_rows(rekap)
    )
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="monitoring-jaringan-{tahun}-{bulan:02d}.xlsx"'
    return response


@login_required
@require_POST
def monitoring_ajukan(request: HttpRequest) -> HttpResponse:
    form = BulanForm(request.POST)
    if not form.is_valid():
        return render(request, "dukcapil/error.html", {"message": "Bulan laporan tidak valid."}, status=400)
    tahun, bulan = form.cleaned_data["tahun"], form.cleaned_data["bulan"]
    try:
        laporan = svc.laporan_monitoring_ajukan(user=request.user, tahun=tahun, bulan=bulan)
    except BerkasError as exc:
        return render(request, "dukcapil/error.html", {"message": exc.message}, status=exc.http_status)
    messages.success(request, "Laporan berkala disusun sebagai konsep naskah; ajukan untuk paraf Kabid.")
    return redirect(laporan.naskah.get_absolute_url())
