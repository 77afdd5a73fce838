"""Screens of Anjab/ABK (P1.2.3) and the programme of pengembangan SDM. Refusals: 403 (role),
409 (state), 400 (input)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from dukcapil.exceptions import BerkasError
from dukcapil.workflow.permissions import Aksi, can

from ..forms.anjab import (
    IsianForm,
    KembalikanForm,
    PerwaliForm,
    ProgramForm,
    PutaranForm,
    SertifikatForm,
    UraianFormSet,
    tahun_ini,
)
from ..models.anjab import IsianAnjab, ProgramSdm, PutaranAnjab, StatusIsianAnjab, waktu_kerja_efektif
from ..selectors import anjab as sel
from ..services import anjab as svc

TIDAK_BOLEH = "Peran Anda tidak dapat melihat Anjab/ABK dan program pengembangan SDM."


def _refuse(request: HttpRequest, message: str, status: int = 403) -> HttpResponse:
    return render(request, "dukcapil/error.html", {"message": message}, status=status)


def _reader(request: HttpRequest) -> HttpResponse | None:
    return None if can(request.user, Aksi.ANJAB_LIHAT) else _refuse(request, TIDAK_BOLEH)


@login_required
def putaran_list(request: HttpRequest) -> HttpResponse:
    if refused := _reader(request):
        return refused
    boleh_buka = can(request.user, Aksi.ANJAB_KELOLA)
    form = PutaranForm(request.POST or None, initial={"tahun": tahun_ini()}) if boleh_buka else None
    status = 200
    if request.method == "POST":
        if form is None:
            return _refuse(request, "Peran Anda tidak dapat membuka putaran Anjab/ABK.")
        if form.is_valid():
            d = form.cleaned_data
            try:
                putaran = svc.putaran_buka(
                    user=request.user, tahun=d["tahun"], nomor_surat=d["nomor_surat"], tanggal_surat=d["tanggal_surat"],
                    jabatan_ids=[j.pk for j in d["jabatan"]], surat_masuk=d["surat_masuk"],
                )  # fmt: skip
            except BerkasError as exc:
                form.add_error(None, exc.message)
                status = exc.http_status
            else:
                messages.success(request, f"Putaran Anjab/ABK {putaran.tahun} dibuka.")
                return redirect(putaran.get_absolute_url())
        else:
            status = 400
    rows = list(sel.putaran_list())
    return render(request, "sekretariat/anjab/putaran_list.html", {"rows": rows, "form": form}, status=status)


def _putaran_page(request, putaran, status=200, error="", perwali_form=None) -> HttpResponse:
    rows = sel.abk_rows(putaran)
    context = {
        "p": putaran,
        "rows": rows,
        "wke": waktu_kerja_efektif(),
        "error": error,
        "kelola": can(request.user, Aksi.ANJAB_KELOLA),
        "semua_terverifikasi": all(r.isian.status == StatusIsianAnjab.TERVERIFIKASI for r in rows),
        "perwali_form": perwali_form or PerwaliForm(),
    }
    return render(request, "sekretariat/anjab/putaran_detail.html", context, status=status)


@login_required
def putaran_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := _reader(request):
        return refused
    return _putaran_page(request, get_object_or_404(PutaranAnjab.objects.select_related("naskah"), pk=pk))


@login_required
@require_POST
def putaran_aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    if aksi not in ("usulkan", "perwali"):
        raise Http404("Tindakan tidak dikenal.")
    if refused := _reader(request):
        return refused
    putaran = get_object_or_404(PutaranAnjab, pk=pk)
    expected = request.POST.get("expected_status") or None
    try:
        if aksi == "usulkan":
            svc.putaran_usulkan(user=request.user, pk=pk, expected_status=expected)
            messages.success(request, "Usulan Anjab dan ABK disusun; konsep surat siap diajukan di naskah dinas.")
        else:
            form = PerwaliForm(request.POST)
            if not form.is_valid():
                return _putaran_page(request, putaran, 400, "Periksa isian Perwali.", perwali_form=form)
            d = form.cleaned_data
            svc.putaran_catat_perwali(
                user=request.user, pk=pk, nomor=d["nomor"], tanggal=d["tanggal"], expected_status=expected
            )
            messages.success(request, "Perwali dicatat.")
    except BerkasError as exc:
        putaran.refresh_from_db()
        return _putaran_page(request, putaran, exc.http_status, exc.message)
    return redirect(putaran.get_absolute_url())


def _isian(pk: int) -> IsianAnjab:
    return get_object_or_404(IsianAnjab.objects.select_related("putaran", "jabatan"), pk=pk)


def _isian_page(request, isian, status=200, error="", form=None, formset=None, kembali_form=None) -> HttpResponse:
    uraian = list(isian.uraian.all())
    initial = [
        {"uraian": u.uraian, "satuan_hasil": u.satuan_hasil, "volume": u.volume, "norma_waktu": u.norma_waktu}
        for u in uraian
    ]
    context = {
        "i": isian,
        "uraian": uraian,
        "kebutuhan": sel.kebutuhan_pegawai(uraian),
        "wke": waktu_kerja_efektif(),
        "error": error,
        "boleh_isi": isian.dapat_diisi and can(request.user, Aksi.ANJAB_ISI),
        "boleh_verifikasi": isian.status == StatusIsianAnjab.DIAJUKAN and can(request.user, Aksi.ANJAB_VERIFIKASI),
        "form": form or IsianForm(initial={"ikhtisar": isian.ikhtisar}),
        "formset": formset or UraianFormSet(initial=initial, prefix="u"),
        "kembali_form": kembali_form or KembalikanForm(),
    }
    return render(request, "sekretariat/anjab/isian.html", context, status=status)


@login_required
def isian_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := _reader(request):
        return refused
    isian = _isian(pk)
    if request.method != "POST":
        return _isian_page(request, isian)
    form, formset = IsianForm(request.POST), UraianFormSet(request.POST, prefix="u")
    if not (form.is_valid() and formset.is_valid()):
        return _isian_page(request, isian, 400, "Periksa isian yang ditandai.", form, formset)
    rows = [f.cleaned_data for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
    try:
        svc.isian_simpan(user=request.user, pk=pk, ikhtisar=form.cleaned_data["ikhtisar"], uraian=rows)
    except BerkasError as exc:
        return _isian_page(request, _isian(pk), exc.http_status, exc.message, form, formset)
    messages.success(request, "Isian disimpan.")
    return redirect(isian.get_absolute_url())


@login_required
@require_POST
def isian_aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    if aksi not in ("ajukan", "verifikasi", "kembalikan"):
        raise Http404("Tindakan tidak dikenal.")
    if refused := _reader(request):
        return refused
    isian = _isian(pk)
    expected = request.POST.get("expected_status") or None
    try:
        if aksi == "kembalikan":
            form = KembalikanForm(request.POST)
            if not form.is_valid():
                return _isian_page(request, isian, 400, "Catatan wajib diisi.", kembali_form=form)
            svc.isian_kembalikan(
                user=request.user, pk=pk, catatan=form.cleaned_data["catatan"], expected_status=expected
            )
        else:
            getattr(svc, f"isian_{aksi}")(user=request.user, pk=pk, expected_status=expected)
    except BerkasError as exc:
        return _isian_page(request, _isian(pk), exc.http_status, exc.message)
    messages.success(request, f"Isian {isian.jabatan}: {aksi} berhasil.")
    return redirect(isian.get_absolute_url())


@login_required
def program_list(request: HttpRequest) -> HttpResponse:
    if refused := _reader(request):
        return refused
    try:
        tahun = int(request.GET.get("tahun") or tahun_ini())
    except ValueError:
        tahun = tahun_ini()
    boleh = can(request.user, Aksi.PROGRAM_SDM)
    form = ProgramForm(request.POST or None) if boleh else None
    status = 200
    if request.method == "POST":
        if form is None:
            return _refuse(request, "Peran Anda tidak dapat menyusun program pengembangan SDM.")
        if form.is_valid():
            try:
                program = svc.program_tambah(user=request.user, **form.cleaned_data)
            except BerkasError as exc:
                form.add_error(None, exc.message)
                status = exc.http_status
            else:
                messages.success(request, "Program pengembangan SDM dicatat.")
                return redirect(program.get_absolute_url())
        else:
            status = 400
    page = Paginator(sel.program_list(tahun=tahun), 50).get_page(request.GET.get("page"))
    context = {"page": page, "tahun": tahun, "form": form}
    return render(request, "sekretariat/anjab/program_list.html", context, status=status)


def _program_page(request, program, status=200, form=None, error="") -> HttpResponse:
    context = {
        "pr": program,
        "peserta": list(program.peserta.select_related("jabatan")),
        "boleh": can(request.user, Aksi.PROGRAM_SDM),
        "form": form or SertifikatForm(),
        "error": error,
    }
    return render(request, "sekretariat/anjab/program_detail.html", context, status=status)


@login_required
def program_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := _reader(request):
        return refused
    program = get_object_or_404(ProgramSdm, pk=pk)
    if request.method != "POST":
        return _program_page(request, program)
    form = SertifikatForm(request.POST, request.FILES)
    if not form.is_valid():
        return _program_page(request, program, 400, form)
    try:
        svc.program_laksanakan(user=request.user, pk=pk, sertifikat=form.cleaned_data["sertifikat"])
    except BerkasError as exc:
        return _program_page(request, program, exc.http_status, form, exc.message)
    messages.success(request, "Program dicatat dilaksanakan.")
    return redirect(program.get_absolute_url())


@login_required
def program_sertifikat(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := _reader(request):
        return refused
    program = get_object_or_404(ProgramSdm, pk=pk)
    if not program.sertifikat:
        raise Http404("Sertifikat belum diunggah.")
    return FileResponse(program.sertifikat.open("rb"), content_type="application/pdf", filename=f"sertifikat-{pk}.pdf")
