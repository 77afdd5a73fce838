"""Screens of naskah dinas keluar: parse input, call the services, show the result. Refusals come
back on the naskah page with 400 (input), 403 (role) or 409 (state, or someone acted first)."""

import difflib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from dukcapil.cetakan.views import cetak
from dukcapil.documents.common import format_tanggal
from dukcapil.documents_builders import office_header
from dukcapil.exceptions import BerkasError
from dukcapil.tte.services import record_ref
from dukcapil.workflow.permissions import Aksi, can

from ..documents.naskah import render_arsip, render_konsep
from ..documents.registers import register_pdf as render_register_pdf
from ..documents.registers import register_xlsx as render_register_xlsx
from ..forms.naskah import CatatanForm, EkspedisiForm, EmailForm, NaskahForm, NomorForm, PeriodeForm
from ..models import SuratMasuk
from ..models.naskah import JenisNaskah, Naskah, StatusNaskah
from ..naskah_markup import to_text
from ..selectors import naskah as selectors
from ..selectors.surat_masuk import dalam_rantai, disposisi_for
from ..services import naskah as services
from ..services.surat_masuk import instansi_pilih
from . import simpan_form

S = StatusNaskah
PER_PAGE = 50


def _naskah(request: HttpRequest, pk: int) -> Naskah:
    return get_object_or_404(
        selectors.naskah_visible(request.user).select_related(
            "jenis", "bidang", "pembuat", "klasifikasi", "membalas_disposisi__surat"
        ),
        pk=pk,
    )


def _pdf(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_required
def naskah_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:100]
    status = request.GET.get("status", "")
    status = status if status in S.values else ""
    rows = list(selectors.naskah_list(request.user, q=q, status=status)[:PER_PAGE])
    jenis = list(JenisNaskah.objects.filter(aktif=True)) if can(request.user, Aksi.KONSEP_NASKAH) else []
    return render(
        request,
        "sekretariat/naskah/list.html",
        {"rows": rows, "q": q, "status": status, "statuses": S.choices, "jenis": jenis},
    )


def _konsep_fields(form: NaskahForm) -> dict:
    """The form's fields for the service; a tujuan to keep goes into the address book first."""
    fields = form.service_fields()
    if baru := form.instansi_baru():
        fields["tujuan_instansi"] = instansi_pilih(**baru)
    return fields


def _konsep_baru(request: HttpRequest, jenis: JenisNaskah, disposisi=None) -> HttpResponse:
    """The konsep form of a new naskah; with ``disposisi`` a reply prefilled from its letter."""
    if not can(request.user, Aksi.KONSEP_NASKAH):
        return render(
            request, "dukcapil/error.html", {"message": "Peran Anda tidak dapat menyusun konsep naskah."}, status=403
        )
    initial = services.balasan_awal(disposisi) if disposisi is not None else None
    form = NaskahForm(request.POST or None, jenis=jenis, initial=initial)
    if request.method == "POST" and form.is_valid():

        def save():
            fields = _konsep_fields(form)
            if disposisi is not None:
                return services.naskah_buat_balasan(user=request.user, disposisi_id=disposisi.pk, jenis=jenis, **fields)
            return services.naskah_buat(user=request.user, jenis=jenis, **fields)

        status = simpan_form(request, form, save, "Konsep disimpan.")
        if not isinstance(status, int):
            return status
    else:
        status = 400 if request.method == "POST" else 200
    context = {"form": form, "jenis": jenis, "membalas": disposisi}
    return render(request, "sekretariat/naskah/form.html", context, status=status)


@login_required
def naskah_baru(request: HttpRequest, kode: str) -> HttpResponse:
    return _konsep_baru(request, get_object_or_404(JenisNaskah, kode=kode, aktif=True))


@login_required
def naskah_balas(request: HttpRequest, pk: int) -> HttpResponse:
    """«Buat balasan» from a disposisi the user holds: a konsep of the chosen jenis answering its letter."""
    disposisi = disposisi_for(request.user, pk)
    kode = request.GET.get("jenis") or request.POST.get("jenis") or ""
    jenis = JenisNaskah.objects.filter(kode=kode, aktif=True).first()
    if jenis is None:
        return render(request, "dukcapil/error.html", {"message": "Pilih jenis naskah balasan."}, status=400)
    if disposisi.kepada_id != request.user.pk:
        message = "Hanya penerima disposisi yang menyusun balasannya."
        return render(request, "dukcapil/error.html", {"message": message}, status=403)
    if not disposisi.terbuka:
        message = f"Disposisi ini berstatus «{disposisi.get_status_display()}»; balasan tidak dapat disusun lagi."
        return render(request, "dukcapil/error.html", {"message": message}, status=409)
    return _konsep_baru(request, jenis, disposisi)


@login_required
def naskah_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    naskah = _naskah(request, pk)
    if not can(request.user, Aksi.KONSEP_NASKAH, naskah.bidang_id):  # a reader of the naskah may not edit it
        message = "Hanya penyusun konsep naskah bidang ini yang dapat mengubahnya."
        return render(request, "dukcapil/error.html", {"message": message}, status=403)
    form = NaskahForm(request.POST or None, instance=naskah, jenis=naskah.jenis)
    if request.method == "POST" and form.is_valid():
        try:
            fields = _konsep_fields(form)
            services.naskah_ubah(pk=naskah.pk, user=request.user, **fields)
        except BerkasError as exc:
            return _detail(request, _naskah(request, pk), exc.message, exc.http_status)
        messages.success(request, "Konsep disimpan.")
        return redirect(naskah.get_absolute_url())
    if naskah.status != S.KONSEP:
        return _detail(request, naskah, "Naskah hanya dapat diubah selama berstatus «Konsep».", 409)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "sekretariat/naskah/form.html", {"form": form, "jenis": naskah.jenis, "naskah": naskah}, status=status
    )


def _actions(naskah: Naskah, user) -> dict:
    """Which forms the page shows to this user (the services check again)."""
    b = naskah.bidang_id
    st = naskah.status
    return {
        "ajukan": st == S.KONSEP and can(user, Aksi.KONSEP_NASKAH, b),
        "ubah": st == S.KONSEP and can(user, Aksi.KONSEP_NASKAH, b),
        "periksa": st == S.PERIKSA and can(user, Aksi.PERIKSA_NASKAH, b),
        "paraf": st == S.PARAF and can(user, Aksi.PARAF_NASKAH, b),
        "nomor": st == S.PENOMORAN and can(user, Aksi.NOMOR_NASKAH, b),
        "tte": st == S.TTE and can(user, Aksi.TTE, b),
        "kirim": st in (S.TERBIT, S.TERKIRIM) and can(user, Aksi.NOMOR_NASKAH, b),
        "arsip": st == S.TERKIRIM and can(user, Aksi.NOMOR_NASKAH, b),
        "tarik": st in (S.TERBIT, S.TERKIRIM, S.ARSIP) and can(user, Aksi.TTE, b),
    }


def _detail(request: HttpRequest, naskah: Naskah, error: str = "", status: int = 200, **forms) -> HttpResponse:
    initial = {"expected_status": naskah.status}
    context = {
        "naskah": naskah,
        "error": error,
        "aksi": _actions(naskah, request.user),
        "versi": list(naskah.versi.select_related("oleh").order_by("nomor_versi")),
        "paraf": list(naskah.paraf.filter(putaran=naskah.putaran).select_related("pengguna")),
        "paraf_kurang": services.paraf_kurang(naskah),
        "rute": services.rute_paraf(naskah),
        "ekspedisi": list(naskah.ekspedisi.select_related("dicatat_oleh")),
        "dokumen": services.dokumen_naskah(naskah),
        "timeline": selectors.naskah_timeline(naskah),
        "tte_ref": record_ref(naskah) if naskah.status == S.TTE else "",
        "membalas": _membalas(naskah, request.user),
        "catatan_form": forms.get("catatan_form") or CatatanForm(initial=initial),
        "nomor_form": forms.get("nomor_form") or NomorForm(initial=initial),
        "email_form": forms.get("email_form") or EmailForm(initial=initial | {"email": naskah.tujuan_email}),
        "ekspedisi_form": forms.get("ekspedisi_form") or EkspedisiForm(initial=initial),
    }
    return render(request, "sekretariat/naskah/detail.html", context, status=status)


def _membalas(naskah: Naskah, user) -> dict | None:
    """The surat masuk the naskah answers; its perihal and link only for those in a rahasia letter's chain."""
    if naskah.membalas_disposisi_id is None:
        return None
    surat = naskah.membalas_disposisi.surat
    terbaca = not surat.rahasia or SuratMasuk.objects.filter(dalam_rantai(user), pk=surat.pk).exists()
    return {"surat": surat, "terbaca": terbaca, "disposisi": naskah.membalas_disposisi}


@login_required
def naskah_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _naskah(request, pk))


_SIMPLE = {
    "ajukan": (services.naskah_ajukan, "Konsep diajukan untuk diperiksa."),
    "setujui": (services.naskah_setujui, "Konsep disetujui."),
    "paraf": (services.naskah_paraf, "Paraf koordinasi dicatat."),
    "arsipkan": (services.naskah_arsipkan, "Naskah diarsipkan."),
}


@login_required
@require_POST
def naskah_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    naskah = _naskah(request, pk)
    try:
        if action in _SIMPLE:
            form = CatatanForm(request.POST)
            if not form.is_valid():
                return _detail(request, naskah, "Formulir tidak lengkap.", 400, catatan_form=form)
            service, done = _SIMPLE[action]
            kwargs = {"catatan": form.cleaned_data["catatan"]} if action == "paraf" else {}
            if action == "setujui":
                kwargs = {"note": form.cleaned_data["catatan"]}
            service(pk=pk, user=request.user, expected_status=form.cleaned_data["expected_status"], **kwargs)
        elif action in ("kembalikan", "tarik"):
            form = CatatanForm(request.POST)
            if not form.is_valid() or not form.cleaned_data["catatan"].strip():
                return _detail(request, naskah, "Catatan/alasan wajib diisi.", 400)
            data = form.cleaned_data
            if action == "kembalikan":
                services.naskah_kembalikan(
                    pk=pk, user=request.user, catatan=data["catatan"], expected_status=data["expected_status"]
                )
                done = "Konsep dikembalikan kepada penyusunnya."
            else:
                services.naskah_tarik(
                    pk=pk, user=request.user, alasan=data["catatan"], expected_status=data["expected_status"]
                )
                done = "Naskah ditarik; dokumennya dicabut."
        elif action == "nomor":
            form = NomorForm(request.POST)
            if not form.is_valid():
                return _detail(request, naskah, "Periksa isian nomor.", 400, nomor_form=form)
            data = form.cleaned_data
            naskah = services.naskah_beri_nomor(
                pk=pk,
                user=request.user,
                klasifikasi=data["klasifikasi"],
                tanggal=data["tanggal"],
                expected_status=data["expected_status"],
            )
            done = f"Nomor {naskah.nomor_naskah}; naskah menunggu TTE Kepala Dinas."
        elif action == "email":
            form = EmailForm(request.POST)
            if not form.is_valid():
                return _detail(request, naskah, "Alamat email tidak valid.", 400, email_form=form)
            services.naskah_kirim_email(
                pk=pk,
                user=request.user,
                email=form.cleaned_data["email"],
                expected_status=form.cleaned_data["expected_status"],
            )
            done = "Email dengan PDF bertanda tangan masuk antrean kirim dan dicatat di buku ekspedisi."
        elif action == "ekspedisi":
            form = EkspedisiForm(request.POST, request.FILES)
            if not form.is_valid():
                return _detail(request, naskah, "Periksa isian ekspedisi.", 400, ekspedisi_form=form)
            data = form.cleaned_data
            fields = ("penerima", "cara", "tanggal", "kurir", "tanda_terima", "expected_status")
            services.naskah_catat_ekspedisi(pk=pk, user=request.user, **{name: data[name] for name in fields})
            done = "Pengiriman dicatat di buku ekspedisi."
        else:
            raise Http404
    except BerkasError as exc:
        return _detail(request, _naskah(request, pk), exc.message, exc.http_status)
    messages.success(request, done)
    return redirect("sekretariat:naskah-detail", pk=pk)


@login_required
def naskah_pdf(request: HttpRequest, pk: int, jenis: str) -> HttpResponse:
    """konsep: the preview; ttd: the signed PDF; arsip: the archive copy with the paraf table."""
    naskah = _naskah(request, pk)
    if jenis == "konsep" or (jenis == "arsip" and naskah.nomor_naskah):
        return cetak(request, f"naskah-{jenis}", {"pk": pk})  # produced by a task (sekretariat.cetakan)
    dokumen = services.dokumen_naskah(naskah)
    if jenis == "ttd" and dokumen:  # the stored signed file
        return _pdf(dokumen.berkas_pdf.read(), f"{_nama(naskah)}.pdf")
    raise Http404


def _nama(naskah: Naskah) -> str:
    return (naskah.nomor_naskah or f"konsep-{naskah.pk}").replace("/", "-")


def naskah_konsep_pdf(params: dict, user) -> tuple[str, bytes]:
    naskah = selectors.naskah_visible(user).select_related("jenis", "bidang", "pembuat").get(pk=params["pk"])
    return f"{_nama(naskah)}.pdf", render_konsep(naskah)


def naskah_arsip_pdf(params: dict, user) -> tuple[str, bytes]:
    from dukcapil.models import SertifikatPenandatangan
    from dukcapil.tte.services import verification_url

    naskah = selectors.naskah_visible(user).select_related("jenis", "bidang", "pembuat", "klasifikasi")
    naskah = naskah.get(pk=params["pk"])
    if not naskah.nomor_naskah:
        raise BerkasError("Naskah belum bernomor; salinan arsip belum dapat dibuat.")
    dokumen = services.dokumen_naskah(naskah)
    url = verification_url(dokumen.token) if dokumen else ""
    signer = SertifikatPenandatangan.objects.filter(nama=dokumen.ditandatangani_oleh).first() if dokumen else None
    return f"{_nama(naskah)}-arsip.pdf", render_arsip(naskah, verification_url=url, signer=signer)


@login_required
def naskah_diff(request: HttpRequest, pk: int) -> HttpResponse:
    naskah = _naskah(request, pk)
    versi = list(naskah.versi.select_related("oleh").order_by("nomor_versi"))
    if len(versi) < 2:
        return _detail(request, naskah, "Belum ada dua versi untuk dibandingkan.", 409)
    by_no = {v.nomor_versi: v for v in versi}
    try:
        a = by_no[int(request.GET.get("a", versi[-2].nomor_versi))]
        b = by_no[int(request.GET.get("b", versi[-1].nomor_versi))]
    except (KeyError, ValueError):
        raise Http404 from None
    left = [f"Hal: {a.hal}", *to_text(a.isi), *(f"{k}: {v}" for k, v in a.data.items())]
    right = [f"Hal: {b.hal}", *to_text(b.isi), *(f"{k}: {v}" for k, v in b.data.items())]
    table = difflib.HtmlDiff(wrapcolumn=70).make_table(
        left, right, fromdesc=f"Versi {a.nomor_versi} ({a.peristiwa})", todesc=f"Versi {b.nomor_versi} ({b.peristiwa})"
    )
    return render(
        request, "sekretariat/naskah/diff.html", {"naskah": naskah, "versi": versi, "a": a, "b": b, "table": table}
    )


# --- registers ---------------------------------------------------------------------------------


def _register(request, *, judul: str, select, kolom: list[str], row, lebar: list[float]) -> HttpResponse:
    """A register page filtered by period and search; ``?format=pdf`` asks a task to print it
    (``register_pdf`` below), ``?format=xlsx`` exports it."""
    form = PeriodeForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    slug = judul.lower().replace(" ", "-")
    fmt = request.GET.get("format")
    if fmt == "pdf":
        params = {k: request.GET.get(k, "") for k in ("dari", "sampai", "q")} if data else {}
        return cetak(request, slug, params)
    dari, sampai = data.get("dari"), data.get("sampai")
    rows = list(select(request.user, dari=dari, sampai=sampai, q=data.get("q", "")))
    label = f"Periode {format_tanggal(dari, 'awal')} s.d. {format_tanggal(sampai, 'sekarang')}"
    if fmt == "xlsx":
        baris = [row(i, item) for i, item in enumerate(rows, start=1)]
        response = HttpResponse(
            render_register_xlsx(judul, label, kolom, baris),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{slug}.xlsx"'
        return response
    query = request.GET.copy()
    query.pop("format", None)
    context = {"form": form, "rows": rows, "periode": label, "query": query.urlencode()}
    return render(request, f"sekretariat/naskah/{slug}.html", context, status=400 if form.errors else 200)


AGENDA_KOLOM = ["No. urut", "Tanggal", "Nomor naskah", "Jenis", "Hal", "Kepada", "Klasifikasi", "Status"]
EKSPEDISI_KOLOM = ["No.", "Tanggal", "Nomor naskah", "Hal", "Penerima", "Cara", "Kurir", "Tanda terima"]


def _agenda_row(i: int, n: Naskah) -> list:
    kode = n.klasifikasi.kode if n.klasifikasi else ""
    head = [n.nomor_urut, format_tanggal(n.tanggal_naskah), n.nomor_naskah, n.jenis.nama]
    return [*head, n.hal, n.tujuan_nama, kode, n.get_status_display()]


def _ekspedisi_row(i: int, e) -> list:
    bukti = "ada" if e.tanda_terima else ("email" if e.pesan_keluar_id else "-")
    return [
        i,
        format_tanggal(e.tanggal),
        e.naskah.nomor_naskah,
        e.naskah.hal,
        e.penerima,
        e.get_cara_display(),
        e.kurir,
        bukti,
    ]


REGISTERS = {
    "buku-agenda-surat-keluar": {
        "judul": "Buku agenda surat keluar",
        "select": selectors.agenda_keluar,
        "kolom": AGENDA_KOLOM,
        "row": _agenda_row,
        "lebar": [0.6, 1.2, 2, 1.2, 3, 2.4, 0.8, 1],
    },
    "buku-ekspedisi": {
        "judul": "Buku ekspedisi",
        "select": selectors.buku_ekspedisi,
        "kolom": EKSPEDISI_KOLOM,
        "row": _ekspedisi_row,
        "lebar": [0.5, 1.2, 2, 3, 2.4, 1.2, 1.2, 1],
    },
}


def register_pdf(slug: str, params: dict, user) -> tuple[str, bytes]:
    """The register PDF, produced by a task; the selectors filter to what ``user`` may see."""
    reg = REGISTERS[slug]
    form = PeriodeForm(params or None)
    data = form.cleaned_data if form.is_valid() else {}
    dari, sampai = data.get("dari"), data.get("sampai")
    rows = reg["select"](user, dari=dari, sampai=sampai, q=data.get("q", ""))
    baris = [reg["row"](i, item) for i, item in enumerate(rows, start=1)]
    label = f"Periode {format_tanggal(dari, 'awal')} s.d. {format_tanggal(sampai, 'sekarang')}"
    pdf = render_register_pdf(office_header(), reg["judul"], label, reg["kolom"], baris, reg["lebar"])
    return f"{slug}.pdf", pdf


@login_required
def buku_agenda_keluar(request: HttpRequest) -> HttpResponse:
    return _register(request, **REGISTERS["buku-agenda-surat-keluar"])


@login_required
def buku_ekspedisi(request: HttpRequest) -> HttpResponse:
    return _register(request, **REGISTERS["buku-ekspedisi"])
