"""Screens of surat masuk and disposisi. Views parse input, call services and selectors."""

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from dukcapil.cetakan.views import cetak
from dukcapil.documents_builders import office_header
from dukcapil.exceptions import BerkasError
from dukcapil.workflow.permissions import Aksi, can
from piak.services.permintaan_data import untuk_disposisi as permintaan_untuk_disposisi

from ..documents import surat_masuk as docs
from ..documents.registers import register_pdf, register_xlsx
from ..forms.surat_masuk import CatatanForm, DisposisiForm, PeriodeForm, SuratMasukForm
from ..models import Disposisi, InstruksiDisposisi, StatusDisposisi, SuratMasuk
from ..models.naskah import JenisNaskah
from ..selectors import naskah as naskah_sel
from ..selectors import surat_masuk as sel
from ..services import surat_masuk as svc
from . import apply_errors as _apply
from . import forbidden as _forbidden


@login_required
def surat_masuk_list(request: HttpRequest) -> HttpResponse:
    form = PeriodeForm(request.GET or None)
    periode = sel.Periode(**form.cleaned_data) if form.is_valid() else sel.Periode()
    return render(
        request,
        "sekretariat/surat_masuk/list.html",
        {
            "form": form,
            "surat": sel.surat_list(request.user, periode),
            "can_agenda": can(request.user, Aksi.AGENDA_SURAT),
            "pembaca_agenda": sel.pembaca_agenda(request.user),
        },
    )


@login_required
def surat_masuk_baru(request: HttpRequest) -> HttpResponse:
    if not can(request.user, Aksi.AGENDA_SURAT):
        return _forbidden(request, "Hanya Agendaris yang dapat mengagendakan surat masuk.")
    form = SuratMasukForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            asal = data["asal"] or svc.instansi_pilih(nama=data["asal_baru"], alamat=data["asal_alamat"])
            surat = svc.surat_masuk_catat(
                user=request.user,
                data=svc.SuratMasukData(
                    asal=asal,
                    **{f.name: data[f.name] for f in dataclass_fields(svc.SuratMasukData) if f.name != "asal"},
                ),
            )
        except BerkasError as exc:
            _apply(form, exc)
            return render(request, "sekretariat/surat_masuk/form.html", {"form": form}, status=exc.http_status)
        messages.success(request, f"Surat masuk diagendakan dengan nomor agenda {surat.nomor}.")
        return redirect(surat.get_absolute_url())
    status = 400 if request.method == "POST" else 200
    return render(request, "sekretariat/surat_masuk/form.html", {"form": form}, status=status)


def _detail(request: HttpRequest, surat: SuratMasuk, status: int = 200, **extra) -> HttpResponse:
    user = request.user
    disposisi_form = None
    if _allowed(surat, "disposisikan", user):
        disposisi_form = extra.pop("disposisi_form", None) or DisposisiForm(
            initial={"expected_status": surat.status, "sifat": surat.sifat}, penerima=svc.penerima_disposisi(user)
        )
    teruskan = svc.TERUSKAN.get(surat.status)
    context = {
        "surat": surat,
        "tree": sel.disposisi_tree(surat),
        "timeline": sel.surat_timeline(surat),
        "teruskan_label": teruskan[1] if teruskan and _allowed(surat, teruskan[0], user) else None,
        "can_arsipkan": _allowed(surat, "arsipkan", user),
        "disposisi_form": disposisi_form,
        "today": timezone.localdate(),
        "balasan": naskah_sel.balasan_surat(surat),
    }
    return render(request, "sekretariat/surat_masuk/detail.html", context | extra, status=status)


def _allowed(record, method: str, user) -> bool:
    from django_fsm import can_proceed, has_transition_perm

    bound = getattr(record, method)
    return can_proceed(bound) and has_transition_perm(bound, user)


@login_required
def surat_masuk_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, sel.surat_for(request.user, pk))


@login_required
def surat_masuk_pindaian(request: HttpRequest, pk: int) -> FileResponse:
    surat = sel.surat_for(request.user, pk)
    if not surat.pindaian:
        raise Http404("Pindaian tidak ada.")
    name = f"surat-masuk-{surat.nomor_agenda:04d}-{surat.tahun}.{surat.pindaian.name.rsplit('.', 1)[-1]}"
    return FileResponse(surat.pindaian.open("rb"), filename=name)


SURAT_AKSI = {
    "teruskan": (svc.surat_masuk_teruskan, "diteruskan"),
    "arsipkan": (svc.surat_masuk_arsipkan, "cukup diarsipkan"),
}


@login_required
@require_POST
def surat_masuk_aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    surat = sel.surat_for(request.user, pk)
    try:
        if aksi in SURAT_AKSI:
            service, done = SURAT_AKSI[aksi]
            form = CatatanForm(request.POST)
            if not form.is_valid():
                return _detail(request, surat, status=400, error="Catatan tidak valid.")
            service(user=request.user, pk=pk, expected_status=form.cleaned_data["expected_status"], **_catatan(form))
            messages.success(request, f"Surat masuk {surat.nomor} {done}.")
        elif aksi == "disposisi":
            invalid = _give_disposisi(request, svc.surat_masuk_disposisi, pk)
            if invalid is not None:
                return _detail(request, surat, status=400, disposisi_form=invalid)
            messages.success(request, f"Disposisi surat {surat.nomor} terkirim.")
        else:
            raise Http404("Tindakan tidak dikenal.")
    except BerkasError as exc:
        return _refused(surat, exc, lambda **kw: _detail(request, surat, **kw))
    return redirect(surat.get_absolute_url())


def _refused(record, exc: BerkasError, page) -> HttpResponse:
    """The page again, as it is now, with why the action was refused (403, 409, 400)."""
    record.refresh_from_db()
    return page(status=exc.http_status, error=exc.message)


def _catatan(form) -> dict:
    return {"catatan": form.cleaned_data["catatan"]}


def _give_disposisi(request: HttpRequest, service, pk: int) -> DisposisiForm | None:
    """Parse the disposisi form and call ``service``; the form with its errors when the input is wrong
    (a 403/409 from the service propagates to the caller's handler)."""
    form = DisposisiForm(request.POST, penerima=svc.penerima_disposisi(request.user))
    if not form.is_valid():
        return form
    try:
        expected = form.cleaned_data["expected_status"]
        service(user=request.user, pk=pk, expected_status=expected, data=_disposisi_data(form))
    except BerkasError as exc:
        if exc.http_status != 400:
            raise
        _apply(form, exc)
        return form
    return None


def _disposisi_data(form) -> svc.DisposisiData:
    data = form.cleaned_data
    return svc.DisposisiData(
        kepada=list(data["kepada"]),
        instruksi=list(data["instruksi"]),
        isi=data["isi"],
        batas_waktu=data["batas_waktu"],
        sifat=data["sifat"],
    )


@login_required
def lembar_disposisi(request: HttpRequest, pk: int) -> HttpResponse:
    """The PDF is produced by a task (sekretariat.cetakan); the request only asks for it."""
    sel.surat_for(request.user, pk)  # 404 now for a letter the user may not see
    return cetak(request, "lembar-disposisi", {"pk": pk})


def lembar_disposisi_pdf(params: dict, user) -> tuple[str, bytes]:
    surat = sel.surat_for(user, params["pk"])
    pdf = docs.render_lembar_disposisi(
        office_header(), surat, sel.disposisi_tree(surat), list(InstruksiDisposisi.objects.filter(aktif=True))
    )
    return f"lembar-disposisi-{surat.nomor_agenda:04d}-{surat.tahun}.pdf", pdf


# --- disposisi ------------------------------------------------------------------------------


def _disposisi_page(request: HttpRequest, disposisi: Disposisi, status: int = 200, **extra) -> HttpResponse:
    user = request.user
    mine = disposisi.kepada_id == user.pk and disposisi.terbuka
    context = {
        "d": disposisi,
        "surat": disposisi.surat,
        "tree": sel.disposisi_tree(disposisi.surat),
        "timeline": sel.timeline(disposisi, dict(StatusDisposisi.choices)),
        "mine": mine,
        "lanjutan_form": (extra.pop("lanjutan_form", None) or _lanjutan_form(disposisi, user)) if mine else None,
        "can_arsipkan": mine and disposisi.status == StatusDisposisi.TERBUKA,
        "terlambat": disposisi.terlambat(),
        "balasan": [n for n in naskah_sel.balasan_surat(disposisi.surat) if n.membalas_disposisi_id == disposisi.pk],
        "balas_jenis": _balas_jenis(disposisi, user) if mine else [],
        "piak_permintaan": permintaan_untuk_disposisi(disposisi, user),  # PIAK: a request letter's case
    }
    return render(request, "sekretariat/surat_masuk/disposisi.html", context | extra, status=status)


def _balas_jenis(disposisi: Disposisi, user) -> list[JenisNaskah]:
    """The jenis a recipient may answer with («Buat balasan»), none once a reply is under way."""
    if not can(user, Aksi.KONSEP_NASKAH) or disposisi.naskah_balasan.exclude(status="ditarik").exists():
        return []
    return list(JenisNaskah.objects.filter(aktif=True))


def _lanjutan_form(disposisi: Disposisi, user) -> DisposisiForm | None:
    penerima = svc.penerima_disposisi(user)
    if not penerima.exists():
        return None
    return DisposisiForm(
        initial={"expected_status": disposisi.status, "sifat": disposisi.sifat, "batas_waktu": disposisi.batas_waktu},
        penerima=penerima,
    )


@login_required
def disposisi_detail(request: HttpRequest, pk: int) -> HttpResponse:
    disposisi = sel.disposisi_for(request.user, pk)
    svc.disposisi_baca(user=request.user, disposisi=disposisi)
    return _disposisi_page(request, disposisi)


@login_required
@require_POST
def disposisi_aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    disposisi = sel.disposisi_for(request.user, pk)
    try:
        if aksi == "lanjutan":
            invalid = _give_disposisi(request, svc.disposisi_teruskan, pk)
            if invalid is not None:
                return _disposisi_page(request, disposisi, status=400, lanjutan_form=invalid)
            messages.success(request, "Disposisi lanjutan terkirim.")
        elif aksi in ("tutup", "arsipkan"):
            form = CatatanForm(request.POST)
            if not form.is_valid():
                return _disposisi_page(request, disposisi, status=400, error="Catatan tidak valid.")
            service = svc.disposisi_tutup if aksi == "tutup" else svc.disposisi_arsipkan
            service(user=request.user, pk=pk, expected_status=form.cleaned_data["expected_status"], **_catatan(form))
            messages.success(request, "Bagian Anda dari disposisi ini ditutup.")
        else:
            raise Http404("Tindakan tidak dikenal.")
    except BerkasError as exc:
        return _refused(disposisi, exc, lambda **kw: _disposisi_page(request, disposisi, **kw))
    return redirect(disposisi.get_absolute_url())


@login_required
def disposisi_saya(request: HttpRequest) -> HttpResponse:
    """The disposisi the user gave: the open ones past their batas waktu first, highlighted."""
    rows = sel.disposisi_diberikan(request.user)
    return render(
        request,
        "sekretariat/surat_masuk/disposisi_diberikan.html",
        {"rows": rows, "terlambat": sum(1 for r in rows if r.terlambat)},
    )


# --- registers ------------------------------------------------------------------------------


def _periode_text(periode: sel.Periode) -> str:
    from dukcapil.documents.common import format_tanggal

    if periode.dari or periode.sampai:
        text = f"Periode {format_tanggal(periode.dari, '…')} s.d. {format_tanggal(periode.sampai, '…')}"
    else:
        text = "Seluruh periode"
    return text + (f" · pencarian «{periode.q}»" if periode.q else "")


def _export(request: HttpRequest, judul: str, periode, kolom, lebar, cells, slug: str) -> HttpResponse | None:
    fmt = request.GET.get("format")
    if fmt == "xlsx":
        data = register_xlsx(judul, _periode_text(periode), kolom, cells)
        response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = f'attachment; filename="{slug}.xlsx"'
        return response
    return None


@dataclass(frozen=True)
class Register:
    """A register screen: its rows for the period, shown, printed (?format=pdf) or exported (?format=xlsx)."""

    judul: str
    slug: str
    template: str
    rows: Callable  # (user, Periode) -> rows
    kolom: list[str]
    lebar: list[float]
    cells: Callable  # rows -> list of printable cells

    def respond(self, request: HttpRequest) -> HttpResponse:
        form = PeriodeForm(request.GET or None)
        if form.is_bound and not form.is_valid():
            return render(request, self.template, {"form": form, "rows": []}, status=400)
        periode = sel.Periode(**form.cleaned_data) if form.is_bound else sel.Periode()
        if request.GET.get("format") == "pdf":  # produced by a task (sekretariat.cetakan)
            return cetak(request, self.slug, {k: request.GET.get(k, "") for k in ("dari", "sampai", "q")})
        rows = self.rows(request.user, periode)
        cells = self.cells(rows)
        exported = _export(request, self.judul, periode, self.kolom, self.lebar, cells, self.slug)
        if exported is not None:
            return exported
        context = {"form": form, "rows": rows, "query": request.GET.urlencode(), "today": timezone.localdate()}
        return render(request, self.template, context)

    def pdf(self, params: dict, user) -> tuple[str, bytes]:
        form = PeriodeForm(params)
        if not form.is_valid():
            raise BerkasError("Periode yang diminta tidak valid.")
        periode = sel.Periode(**form.cleaned_data)
        cells = self.cells(self.rows(user, periode))
        return f"{self.slug}.pdf", register_pdf(
            office_header(), self.judul, _periode_text(periode), self.kolom, cells, self.lebar
        )


BUKU_AGENDA = Register(
    "Buku Agenda Surat Masuk",
    "buku-agenda-surat-masuk",
    "sekretariat/surat_masuk/buku_agenda.html",
    sel.buku_agenda,
    docs.AGENDA_KOLOM,
    docs.AGENDA_LEBAR,
    docs.agenda_cells,
)
DISPOSISI_TERBUKA = Register(
    "Register Disposisi Belum Selesai",
    "disposisi-belum-selesai",
    "sekretariat/surat_masuk/register_disposisi.html",
    sel.disposisi_terbuka,
    docs.DISPOSISI_KOLOM,
    docs.DISPOSISI_LEBAR,
    docs.disposisi_cells,
)


@login_required
def buku_agenda(request: HttpRequest) -> HttpResponse:
    if not sel.pembaca_agenda(request.user):
        return _forbidden(request, "Buku agenda surat masuk hanya untuk Sekretariat dan pimpinan.")
    return BUKU_AGENDA.respond(request)


@login_required
def register_disposisi(request: HttpRequest) -> HttpResponse:
    return DISPOSISI_TERBUKA.respond(request)
