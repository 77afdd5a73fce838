"""Screens of the daftar gaji: the months' lists, one list with its actions, PPh 21 entry, the
printable list (PDF through dukcapil.cetakan, A4 landscape) and XLSX."""

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from dukcapil.cetakan.views import cetak
from dukcapil.exceptions import BerkasError
from dukcapil.workflow.permissions import Aksi, can

from ..documents.keuangan import daftar_gaji_xlsx
from ..models import StatusDaftarGaji
from ..selectors import gaji as sel
from ..services import gaji as svc
from .spj import Alur, Tindakan, _noted, _plain, bulanan_list


def _konteks(request: HttpRequest, daftar) -> dict:
    rows = sel.baris(daftar)
    bisa_ubah = daftar.status == StatusDaftarGaji.KONSEP and can(request.user, Aksi.GAJI_SUSUN, daftar.bidang_id)
    return {"rows": rows, "jumlah": sel.jumlah(rows), "bisa_ubah": bisa_ubah}


def _hitung_ulang(user, pk, expected, data):
    return svc.daftar_gaji_hitung_ulang(user=user, pk=pk)


GAJI = Alur(
    "sekretariat/gaji/daftar_detail.html",
    sel.daftar_for,
    {
        "ajukan": Tindakan("ajukan", "Ajukan ke PPK", "", _plain(svc.daftar_gaji_ajukan), "diajukan ke PPK"),
        "periksa": Tindakan(
            "periksa", "Setujui, teruskan ke PA", "catatan_opsional", _noted(svc.daftar_gaji_periksa), "disetujui PPK"
        ),
        "kembalikan": Tindakan(
            "kembalikan",
            "Kembalikan untuk diperbaiki",
            "catatan",
            _noted(svc.daftar_gaji_kembalikan),
            "dikembalikan",
            False,
        ),
        "tandatangani": Tindakan(
            "tandatangani", "Tandatangani daftar gaji", "", _plain(svc.daftar_gaji_tandatangani), "ditandatangani"
        ),
        "tolak": Tindakan(
            "tolak_tandatangan",
            "Kembalikan, jangan tandatangani",
            "catatan",
            _noted(svc.daftar_gaji_tolak_tandatangan),
            "dikembalikan",
            False,
        ),
    },
    _konteks,
)


@login_required
def daftar_list(request: HttpRequest) -> HttpResponse:
    return bulanan_list(
        request,
        aksi=Aksi.GAJI_SUSUN,
        susun=svc.daftar_gaji_susun,
        rows=sel.daftar_list(),
        template="sekretariat/gaji/daftar_list.html",
        siapa="Bendahara gaji",
    )


@login_required
def daftar_detail(request: HttpRequest, pk: int) -> HttpResponse:
    daftar = sel.daftar_for(request.user, pk)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(
            daftar_gaji_xlsx(daftar), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="daftar-gaji-{daftar.tahun}-{daftar.bulan:02d}.xlsx"'
        return response
    return GAJI.page(request, daftar)


@login_required
@require_POST
def daftar_aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    if aksi == "hitung-ulang":
        daftar = sel.daftar_for(request.user, pk)
        try:
            svc.daftar_gaji_hitung_ulang(user=request.user, pk=pk)
        except BerkasError as exc:
            return GAJI.page(request, daftar, status=exc.http_status, error=exc.message)
        messages.success(request, "Daftar gaji dihitung ulang dari data pegawai terkini.")
        return redirect(daftar.get_absolute_url())
    return GAJI.aksi(request, pk, aksi)


@login_required
@require_POST
def daftar_pph21(request: HttpRequest, pk: int) -> HttpResponse:
    daftar = sel.daftar_for(request.user, pk)
    values = {}
    try:
        for key, raw in request.POST.items():
            if key.startswith("pph21-"):
                values[int(key.removeprefix("pph21-"))] = Decimal((raw or "").strip() or "0")
    except (ValueError, InvalidOperation):
        return GAJI.page(request, daftar, status=400, error="PPh 21 harus berupa angka rupiah.")
    try:
        svc.daftar_gaji_isi_pph21(user=request.user, pk=pk, pph21=values)
    except BerkasError as exc:
        return GAJI.page(request, daftar, status=exc.http_status, error=exc.message)
    messages.success(request, "PPh 21 disimpan.")
    return redirect(daftar.get_absolute_url())


@login_required
def daftar_cetak(request: HttpRequest, pk: int) -> HttpResponse:
    """The list as PDF (A4 landscape), produced by a task (sekretariat.cetakan)."""
    sel.daftar_for(request.user, pk)
    return cetak(request, "daftar-gaji", {"pk": pk})
