"""Screens of data pegawai: the list, one employee with its history, add/edit, the CSV import,
the DUK (page, PDF, XLSX) and the buku kendali. Refusals: 403 (role), 409 (someone changed the
same field first), 400 (input)."""

from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from dukcapil.documents.common import format_tanggal
from dukcapil.documents_builders import office_header
from dukcapil.exceptions import BerkasError
from dukcapil.workflow.permissions import Aksi, can

from ..documents.registers import register_pdf, register_xlsx
from ..forms.kepegawaian import FORM_FIELDS, ImporPegawaiForm, KartuForm, PegawaiForm, SkForm
from ..models.kepegawaian import (
    JENIS_KARTU,
    Golongan,
    Jabatan,
    Pegawai,
    StatusPegawai,
    StatusUsulan,
    UsulanKepegawaian,
)
from ..selectors import kepegawaian as selectors
from ..services import kepegawaian as services
from . import simpan_form

PER_PAGE = 100


def _refuse(request: HttpRequest, message: str, status: int = 403) -> HttpResponse:
    return render(request, "dukcapil/error.html", {"message": message}, status=status)


def _filters(request: HttpRequest, statuses) -> tuple[str, str]:
    """The list's search text and status filter (an unknown status: all)."""
    status = request.GET.get("status", "")
    return request.GET.get("q", "").strip()[:100], status if status in statuses else ""


def _may_see(request: HttpRequest) -> bool:
    return can(request.user, Aksi.LIHAT_PEGAWAI)


@login_required
def pegawai_list(request: HttpRequest) -> HttpResponse:
    if not _may_see(request):
        return _refuse(request, "Peran Anda tidak dapat melihat data pegawai.")
    q, status = _filters(request, StatusPegawai.values)
    rows = list(selectors.pegawai_list(q=q, status=status)[:PER_PAGE])
    context = {
        "rows": rows,
        "q": q,
        "status": status,
        "statuses": StatusPegawai.choices,
        "kelola": can(request.user, Aksi.KELOLA_PEGAWAI),
    }
    return render(request, "sekretariat/kepegawaian/list.html", context)


def _history(pegawai: Pegawai) -> list[dict]:
    """Each change as «label: old → new», related rows by their names (never bare ids)."""
    records = list(pegawai.history.select_related("history_user").order_by("-history_date", "-history_id")[:30])
    names = {
        "golongan": {g.pk: str(g) for g in Golongan.objects.all()},
        "jabatan": {j.pk: j.nama for j in Jabatan.objects.all()},
    }
    out = []
    for newer, older in zip(records, records[1:] + [None], strict=True):
        changes = []
        if older is not None:
            for change in newer.diff_against(older).changes:
                field = Pegawai._meta.get_field(change.field)
                lookup = names.get(change.field)
                old, new = (lookup.get(v, v) if lookup else v for v in (change.old, change.new))
                if field.choices:
                    old, new = (dict(field.choices).get(v, v) for v in (old, new))
                changes.append({"label": field.verbose_name, "lama": old, "baru": new})
        out.append({"rec": newer, "changes": changes, "baru": older is None})
    return out


@login_required
def pegawai_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if not _may_see(request):
        return _refuse(request, "Peran Anda tidak dapat melihat data pegawai.")
    pegawai = get_object_or_404(Pegawai.objects.select_related("golongan", "jabatan", "pengguna"), pk=pk)
    today = timezone.localdate()
    context = {
        "p": pegawai,
        "masa_kerja": pegawai.masa_kerja(today),
        "usia": pegawai.usia(today),
        "kgb_berikut": selectors.kgb_berikut(pegawai),
        "pangkat_berikut": selectors.pangkat_berikut(pegawai),
        "riwayat": _history(pegawai),
        "riwayat_diklat": list(pegawai.program_sdm.order_by("-tanggal")),  # P1.2.3 program pengembangan SDM
        "kelola": can(request.user, Aksi.KELOLA_PEGAWAI),
    }
    return render(request, "sekretariat/kepegawaian/detail.html", context)


@login_required
def pegawai_baru(request: HttpRequest) -> HttpResponse:
    return _edit(request, None)


@login_required
def pegawai_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit(request, get_object_or_404(Pegawai, pk=pk))


def _edit(request: HttpRequest, pegawai: Pegawai | None) -> HttpResponse:
    if not can(request.user, Aksi.KELOLA_PEGAWAI):
        return _refuse(request, "Peran Anda tidak dapat mengubah data pegawai.")
    form = PegawaiForm(request.POST or None, instance=pegawai)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():

            def save():
                if pegawai is None:
                    data = {f: form.cleaned_data[f] for f in FORM_FIELDS}
                    return services.pegawai_tambah(user=request.user, data=data)
                return services.pegawai_ubah(user=request.user, pk=pegawai.pk, perubahan=form.seen_values())

            status = simpan_form(request, form, save, "Data pegawai disimpan.")
            if not isinstance(status, int):
                return status
    return render(request, "sekretariat/kepegawaian/form.html", {"form": form, "p": pegawai}, status=status)


IMPOR_KOLOM = [
    ("nip", "18 angka; tanggal lahir dan TMT CPNS harus cocok dengan isinya"),
    ("gelar_depan", "boleh kosong, mis. Drs."),
    ("nama", "nama tanpa gelar"),
    ("gelar_belakang", "boleh kosong, mis. S.Sos., M.Si."),
    ("tanggal_lahir", "TTTT-BB-HH atau HH-BB-TTTT"),
    ("status", "CPNS, PNS atau PPPK"),
    ("golongan", "I/a … IV/e"),
    ("tmt_pangkat", "tanggal"),
    ("jabatan", "nama jabatan persis seperti di daftar jabatan"),
    ("tmt_jabatan", "tanggal"),
    ("unit", "unit kerja, mis. Subbagian Umum dan Kepegawaian"),
    ("tmt_kgb", "tanggal KGB terakhir"),
    ("tingkat_pendidikan", "SD, SMP, SMA, D-III, D-IV, S-1, S-2, S-3"),
    ("pendidikan", "jurusan, boleh kosong"),
    ("diklat", "latihan jabatan terakhir, boleh kosong"),
]


@login_required
def pegawai_impor(request: HttpRequest) -> HttpResponse:
    if not can(request.user, Aksi.KELOLA_PEGAWAI):
        return _refuse(request, "Peran Anda tidak dapat mengimpor data pegawai.")
    form = ImporPegawaiForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                hasil = services.pegawai_impor_csv(user=request.user, teks=form.cleaned_data["berkas"])
            except BerkasError as exc:
                errors = exc.fields.get("berkas") or [exc.message]
                status = exc.http_status
            else:
                messages.success(request, f"Impor selesai: {hasil.baru} pegawai baru, {hasil.diperbarui} diperbarui.")
                return redirect("sekretariat:pegawai-list")
    context = {"form": form, "errors": errors, "kolom": IMPOR_KOLOM, "jabatan": Jabatan.objects.all()}
    return render(request, "sekretariat/kepegawaian/impor.html", context, status=status)


DUK_KOLOM = [
    "No",
    "Nama / NIP",
    "Pangkat, gol.",
    "TMT gol.",
    "Jabatan",
    "TMT jabatan",
    "Masa kerja",
    "Pendidikan",
    "Latihan jabatan",
    "Tanggal lahir (usia)",
]


def _duk_row(nomor: int, p: Pegawai, today) -> list[str]:
    mk = p.masa_kerja(today)
    return [
        str(nomor),
        f"{p.nama_lengkap}\n{p.nip_cetak}",
        str(p.golongan),
        format_tanggal(p.tmt_pangkat),
        p.jabatan.nama,
        format_tanggal(p.tmt_jabatan),
        f"{mk.years} th {mk.months} bl",
        f"{p.get_tingkat_pendidikan_display()} {p.pendidikan}".strip(),
        p.diklat or "-",
        f"{format_tanggal(p.tanggal_lahir)} ({p.usia(today)} th)",
    ]


@login_required
def duk(request: HttpRequest) -> HttpResponse:
    if not _may_see(request):
        return _refuse(request, "Peran Anda tidak dapat melihat DUK.")
    q = request.GET.get("q", "").strip()[:100]
    today = timezone.localdate()
    rows = list(selectors.duk(q=q))
    judul = "Daftar Urut Kepangkatan Pegawai Negeri Sipil"
    keterangan = f"Keadaan per {format_tanggal(today)}"
    fmt = request.GET.get("format", "")
    if fmt in ("pdf", "xlsx"):
        body = [_duk_row(i, p, today) for i, p in enumerate(rows, start=1)]
        if fmt == "pdf":
            lebar = [0.4, 3, 1.6, 1.1, 2.4, 1.1, 0.9, 1.5, 1.5, 1.4]
            data = register_pdf(office_header(), judul, keterangan, DUK_KOLOM, body, lebar)
            response = HttpResponse(data, content_type="application/pdf")
            response["Content-Disposition"] = 'inline; filename="duk.pdf"'
            return response
        response = HttpResponse(
            register_xlsx(judul, keterangan, DUK_KOLOM, body),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="duk.xlsx"'
        return response
    table = [{"p": p, "cells": _duk_row(i, p, today)} for i, p in enumerate(rows, start=1)]
    context = {"rows": table, "q": q, "judul": judul, "keterangan": keterangan, "kolom": DUK_KOLOM}
    return render(request, "sekretariat/kepegawaian/duk.html", context)


@login_required
def buku_kendali(request: HttpRequest) -> HttpResponse:
    if not _may_see(request):
        return _refuse(request, "Peran Anda tidak dapat melihat buku kendali kepegawaian.")
    jenis = request.GET.get("jenis", "")
    jenis = jenis if jenis in selectors.JenisKendali.LABEL else ""
    today = timezone.localdate()
    terbuka = selectors.usulan_terbuka()
    rows = [(r, terbuka.get((r.pegawai.pk, r.jenis))) for r in selectors.buku_kendali(hari_ini=today, jenis=jenis)]
    context = {
        "rows": rows,
        "jenis": jenis,
        "pilihan": selectors.JenisKendali.LABEL.items(),
        "hari_ini": today,
        "mpp_bulan": settings.KEPEGAWAIAN_MPP_BULAN,
        "kelola": can(request.user, Aksi.KELOLA_PEGAWAI),
    }
    return render(request, "sekretariat/kepegawaian/buku_kendali.html", context)


@login_required
@require_POST
def usulan_mulai(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        jatuh_tempo = date.fromisoformat(request.POST.get("jatuh_tempo", ""))
    except ValueError:
        return _refuse(request, "Tanggal jatuh tempo tidak sah.", 400)
    try:
        usulan = services.usulan_mulai(
            user=request.user, pegawai_id=pk, jenis=request.POST.get("jenis", ""), jatuh_tempo=jatuh_tempo
        )
    except BerkasError as exc:
        return _refuse(request, exc.message, exc.http_status)
    messages.success(request, "Usulan dimulai; konsep surat usulan siap diajukan untuk diperiksa.")
    return redirect(usulan.get_absolute_url())


@login_required
def usulan_list(request: HttpRequest) -> HttpResponse:
    q, status = _filters(request, StatusUsulan.values)
    if not _may_see(request):
        return _refuse(request, "Peran Anda tidak dapat melihat usulan kepegawaian.")
    rows = list(selectors.usulan_list(q=q, status=status)[:PER_PAGE])
    context = {"rows": rows, "q": q, "status": status, "statuses": StatusUsulan.choices}
    return render(request, "sekretariat/kepegawaian/usulan_list.html", context)


@login_required
def usulan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if not _may_see(request):
        return _refuse(request, "Peran Anda tidak dapat melihat usulan kepegawaian.")
    usulan = get_object_or_404(UsulanKepegawaian.objects.select_related("pegawai", "naskah"), pk=pk)
    kartu = usulan.jenis in JENIS_KARTU
    form = (KartuForm if kartu else SkForm)(request.POST or None, initial={"expected_status": usulan.status})
    error, status = "", 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = {**form.cleaned_data, "expected_status": form.cleaned_data["expected_status"] or None}
            catat = services.usulan_terima_kartu if kartu else services.usulan_terima_sk
            try:
                catat(user=request.user, pk=usulan.pk, **data)
            except BerkasError as exc:
                error, status = exc.message, exc.http_status
            else:
                messages.success(request, "Nomor kartu dicatat." if kartu else "SK dicatat; data pegawai diperbarui.")
                return redirect(usulan.get_absolute_url())
    context = {
        "kartu": kartu,
        "u": usulan,
        "form": form,
        "error": error,
        "catat": usulan.status == StatusUsulan.DIUSULKAN and can(request.user, Aksi.KELOLA_PEGAWAI),
    }
    return render(request, "sekretariat/kepegawaian/usulan_detail.html", context, status=status)
