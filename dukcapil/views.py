"""Staff screens and the public status page. Views parse input and call services/selectors."""

from dataclasses import fields

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import catalogue, paket, ratelimit, search, selectors, services
from .choices import STATUS_COLOURS, Status
from .documents_builders import office_header
from .errors import too_many_requests
from .exceptions import BerkasError, DuplicateBerkas
from .forms import (
    ActionForm,
    BukuPengambilanForm,
    IntakeForm,
    PengambilanForm,
    ResubmitForm,
    SerahForm,
    StatusPublikForm,
)
from .models import AksesDataPribadi, Berkas, Dokumen, Kantor, Layanan, Pengambilan, StandarPelayanan
from .nik import mask_nik
from .registry import document_label, get_kind, inbox_notices
from .tte.services import record_is_stuck, tte_produce_again
from .workflow.access import access_log_record
from .workflow.permissions import Aksi, can

PUBLIC_LOOKUP_LIMIT = 20  # attempts per client per window
PUBLIC_LOOKUP_WINDOW = 600  # seconds


def home(request: HttpRequest) -> HttpResponse:
    from .warga.middleware import is_warga

    if is_warga(request.user):
        return redirect("warga:beranda")
    if request.user.is_authenticated:
        return redirect("kotak-masuk")
    return render(request, "dukcapil/home.html")


def from_form(cls, data: dict, names: dict[str, str] | None = None):
    """A service's input dataclass from a form's cleaned data (``names``: field → form field)."""
    names = names or {}
    return cls(**{f.name: data[names.get(f.name, f.name)] for f in fields(cls)})


INBOX_LIMIT = 100  # rows per page; the heading counts every item that waits


def render_inbox(request: HttpRequest, *, limit: int | None = None, status: int = 200, **extra) -> HttpResponse:
    """The kotak masuk page (``?halaman=N`` for the older-first pages after the first); the TTE batch
    view shows it again with its error and the ticked berkas."""
    limit = limit or INBOX_LIMIT
    halaman = request.GET.get("halaman", "")
    page = int(halaman) if halaman.isdigit() and 0 < int(halaman) < 10_000 else 1
    offset = (page - 1) * limit
    rows = selectors.inbox(request.user, limit=limit, offset=offset)
    can_sign = can(request.user, Aksi.TTE)
    # all that wait, not the shown slice: counted only when there may be more (one more query)
    total = selectors.work_items(request.user).count() if len(rows) >= limit or offset else len(rows)
    context = {
        "rows": rows,
        "total": total,
        "halaman": page,
        "pertama": offset + 1,
        "terakhir": offset + len(rows),
        "sebelumnya": page - 1 if page > 1 else None,
        "berikutnya": page + 1 if offset + len(rows) < total else None,
        "overdue": sum(1 for r in rows if r.overdue),
        "colours": STATUS_COLOURS,
        "can_sign": can_sign,
        # records whose signing session ended during a broker outage: sign them again
        "tte_ulang": selectors.tte_resign_refs(rows) if can_sign else set(),
        "pemberitahuan": inbox_notices(request.user),
    }
    return render(request, "dukcapil/kotak_masuk.html", context | extra, status=status)


@login_required
def kotak_masuk(request: HttpRequest) -> HttpResponse:
    return render_inbox(request)


@login_required
def intake_pilih_layanan(request: HttpRequest) -> HttpResponse:
    if not can(request.user, Aksi.TERIMA):
        return render(
            request, "dukcapil/error.html", {"message": "Hanya petugas loket yang menerima berkas baru."}, status=403
        )
    layanan = [lay for lay in Layanan.objects.filter(aktif=True).select_related("bidang") if lay.menerima_berkas]
    if request.user.bidang_id and not request.user.is_superuser:
        layanan = [lay for lay in layanan if lay.bidang_id == request.user.bidang_id]
    context = {"layanan_list": layanan, "pemberitahuan": inbox_notices(request.user)}
    return render(request, "dukcapil/intake_pilih.html", context)


@login_required
def intake(request: HttpRequest, kode: str) -> HttpResponse:
    layanan = get_object_or_404(Layanan.objects.select_related("bidang"), kode=kode, aktif=True)
    if not layanan.menerima_berkas:
        raise Http404("Layanan ini belum dapat didaftarkan melalui sistem.")
    if not (can(request.user, Aksi.TERIMA, layanan.bidang_id)):
        return render(
            request,
            "dukcapil/error.html",
            {"message": "Anda tidak berwenang menerima berkas untuk layanan ini."},
            status=403,
        )
    kind = get_kind(layanan.jenis_berkas)
    form = IntakeForm(request.POST or None, layanan=layanan)
    extra = kind.intake_form(request.POST or None, prefix="detail", layanan=layanan) if kind.intake_form else None
    status = 200
    duplikat = None  # the open berkas this intake would have duplicated
    if request.method == "POST":
        if form.is_valid() and (extra is None or extra.is_valid()):
            data = form.cleaned_data
            try:
                berkas = services.berkas_register(
                    layanan=layanan,
                    pemohon=from_form(services.PemohonData, data),
                    persyaratan_ids=[p.pk for p in data["persyaratan"]],
                    user=request.user,
                    detail=extra.cleaned_data if extra else None,
                    note=data["catatan"],
                    started_at=data.get("mulai"),
                    intake_token=data.get("token"),
                )
            except BerkasError as exc:
                _apply_errors(form, exc)
                status = exc.http_status
                if isinstance(exc, DuplicateBerkas):
                    duplikat = exc.nomor
            else:
                if berkas.status == Status.DIKEMBALIKAN:
                    messages.warning(
                        request, f"Berkas {berkas.nomor_registrasi} dikembalikan ke pemohon: persyaratan belum lengkap."
                    )
                else:
                    messages.success(request, f"Berkas {berkas.nomor_registrasi} diterima. Cetak resi untuk pemohon.")
                return redirect("berkas-detail", nomor=berkas.nomor_registrasi)
        else:
            status = 400
    return render(
        request,
        "dukcapil/intake.html",
        {
            "form": form,
            "extra": extra,
            "layanan": layanan,
            "duplikat": duplikat,
            "pemberitahuan": inbox_notices(request.user),
        },
        status=status,
    )


def _apply_errors(form, exc: BerkasError) -> None:
    placed = False
    for field, errors in exc.fields.items():
        for error in errors:
            form.add_error(field if field in form.fields else None, error)
            placed = True
    if not placed:
        form.add_error(None, exc.message)


def _visible_berkas(request: HttpRequest, nomor: str) -> Berkas:
    return get_object_or_404(
        selectors.berkas_visible_to(request.user).select_related("layanan", "bidang", "dibuat_oleh"),
        nomor_registrasi=nomor,
    )


def _detail_context(request: HttpRequest, berkas: Berkas, **extra) -> dict:
    kind = get_kind(berkas.layanan.jenis_berkas)
    actions = selectors.berkas_available_actions(berkas, request.user)
    can_resubmit = selectors.berkas_can_resubmit(berkas, request.user)
    can_enter = selectors.berkas_can_enter_data(berkas, request.user)
    return {
        "berkas": berkas,
        "kind": kind,
        "timeline": selectors.berkas_timeline(berkas),
        "actions": actions,
        "action_form": ActionForm(initial={"expected_status": berkas.status}),
        "resubmit_form": ResubmitForm(layanan=berkas.layanan, initial={"expected_status": berkas.status})
        if can_resubmit
        else None,
        "entry_url": reverse(kind.entry_url_name, args=[berkas.nomor_registrasi]) if can_enter else None,
        "persyaratan_diserahkan": list(berkas.persyaratan_diserahkan.order_by("urutan")),
        "dokumen_rows": _document_rows(kind, berkas),
        "detail_templates": [k.detail_template for _l, k in paket.components(berkas.layanan)]
        if kind.key == paket.KIND_KEY
        else [kind.detail_template],
        "colours": STATUS_COLOURS,
        "nik_masked": mask_nik(berkas.pemohon_nik),
        "can_sign": berkas.status == Status.TTE and can(request.user, Aksi.TTE, berkas.bidang_id),
        "can_produce_again": record_is_stuck(berkas) and can(request.user, Aksi.PRODUKSI_ULANG, berkas.bidang_id),
        "pickup_url": _pickup_url(request, berkas),
        **extra,
    }


def _pickup_url(request: HttpRequest, berkas: Berkas) -> str | None:
    """Handing over happens only at the pickup page (it checks the recipient and writes the register)."""
    if not can(request.user, Aksi.SERAHKAN, berkas.bidang_id):
        return None
    if berkas.status == Status.SIAP_DIAMBIL or (
        berkas.status == Status.DIBATALKAN and not Pengambilan.objects.filter(berkas=berkas).exists()
    ):
        return reverse("serahkan", args=[berkas.nomor_registrasi])
    return None


def _document_rows(kind, berkas: Berkas) -> list[tuple]:
    """(spec, Dokumen or None) for each document the berkas produces, plus stored ones no longer planned."""
    stored = {d.jenis: d for d in berkas.dokumen.exclude(jenis=services.RESI)}
    rows = [(spec.jenis, spec.label, stored.pop(spec.jenis, None)) for spec in kind.document_specs(berkas)]
    return rows + [(jenis, document_label(jenis), d) for jenis, d in stored.items()]


def _render_detail(request: HttpRequest, berkas: Berkas, status: int = 200, **extra) -> HttpResponse:
    """The berkas page; the pemohon's data shown on it goes to the access log."""
    access_log_record(
        request=request,
        niks=[berkas.pemohon_nik],
        halaman=AksesDataPribadi.Halaman.DETAIL_BERKAS,
        konteks=f"berkas {berkas.nomor_registrasi}",
    )
    return render(request, "dukcapil/berkas_detail.html", _detail_context(request, berkas, **extra), status=status)


def _detail_with_error(request: HttpRequest, berkas: Berkas, message: str, status: int) -> HttpResponse:
    """The berkas page again, with the reason the action was not done (400/403/409)."""
    return _render_detail(request, berkas, status=status, error=message)


@login_required
def berkas_detail(request: HttpRequest, nomor: str) -> HttpResponse:
    return _render_detail(request, _visible_berkas(request, nomor))


@login_required
@require_POST
def berkas_action(request: HttpRequest, nomor: str, action: str) -> HttpResponse:
    berkas = _visible_berkas(request, nomor)
    form = ActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Formulir tidak lengkap; muat ulang halaman dan coba lagi.")
        return redirect("berkas-detail", nomor=nomor)
    data = form.cleaned_data
    extra = {"kategori": data["kategori"]} if action == "batalkan" else {}
    berkas, refused = _act_on(
        request, berkas, services.berkas_transition, action=action, note=data["catatan"], expected=data, **extra
    )
    if refused:
        return refused
    messages.success(request, f"Berkas {berkas.nomor_registrasi}: {berkas.get_status_display()}.")
    if berkas.status in (Status.DISERAHKAN, Status.DIBATALKAN):
        return redirect("berkas-detail", nomor=nomor)
    return redirect("kotak-masuk")


def _act_on(request: HttpRequest, berkas: Berkas, service, *, expected: dict, **kwargs):
    """Run a berkas service for the page's user and the state the page showed; on refusal the berkas
    page comes back with the message and the right status code (403, 409, 400)."""
    try:
        return service(
            berkas_id=berkas.pk, user=request.user, expected_status=expected["expected_status"], **kwargs
        ), None
    except BerkasError as exc:
        berkas.refresh_from_db()
        return berkas, _detail_with_error(request, berkas, exc.message, exc.http_status)


@login_required
@require_POST
def berkas_produksi_ulang(request: HttpRequest, nomor: str) -> HttpResponse:
    """A berkas stuck in «cetak» (its task lost): the Kasi or admin sends it to production again."""
    berkas = _visible_berkas(request, nomor)
    try:
        done = tte_produce_again(record=berkas, user=request.user)
    except BerkasError as exc:
        return _detail_with_error(request, berkas, exc.message, exc.http_status)
    messages.success(request, done)
    return redirect("berkas-detail", nomor=nomor)


@login_required
@require_POST
def berkas_resubmit(request: HttpRequest, nomor: str) -> HttpResponse:
    berkas = _visible_berkas(request, nomor)
    form = ResubmitForm(request.POST, layanan=berkas.layanan)
    if not form.is_valid():
        return _detail_with_error(request, berkas, "Formulir tidak lengkap.", 400)
    data = form.cleaned_data
    ids = [p.pk for p in data["persyaratan"]]
    berkas, refused = _act_on(
        request, berkas, services.berkas_resubmit, persyaratan_ids=ids, note=data["catatan"], expected=data
    )
    if refused:
        return refused
    if berkas.status == Status.DITERIMA:
        messages.success(request, f"Berkas {nomor} kini lengkap dan diterima. Cetak resi untuk pemohon.")
    else:
        messages.warning(request, f"Berkas {nomor} masih belum lengkap.")
    return redirect("berkas-detail", nomor=nomor)


@login_required
def dokumen_unduh(request: HttpRequest, nomor: str, jenis: str) -> HttpResponse:
    berkas = _visible_berkas(request, nomor)
    dokumen = Dokumen.objects.filter(berkas=berkas, jenis=jenis).first()
    if dokumen is None:
        if jenis == services.RESI and berkas.status not in (Status.BARU, Status.DIKEMBALIKAN, Status.DIBATALKAN):
            return render(request, "dukcapil/dokumen_menunggu.html", {"berkas": berkas}, status=202)
        raise Http404("Dokumen belum tersedia.")
    return FileResponse(
        dokumen.berkas_pdf.open("rb"), content_type="application/pdf", filename=f"{berkas.nomor_registrasi}-{jenis}.pdf"
    )


@login_required
def serahkan(request: HttpRequest, nomor: str) -> HttpResponse:
    """The pickup desk: release the document (or hand a cancelled berkas back) and record who took it.
    Only for those who hand over in the berkas's bidang: the page shows (and logs) the pemohon's data."""
    berkas = _visible_berkas(request, nomor)
    if not can(request.user, Aksi.SERAHKAN, berkas.bidang_id):
        return render(
            request,
            "dukcapil/error.html",
            {"message": "Hanya petugas pengambilan atau loket bidang ini yang menyerahkan dokumen."},
            status=403,
        )
    kind = get_kind(berkas.layanan.jenis_berkas)
    form = SerahForm(
        request.POST or None,
        request.FILES or None,
        initial={"expected_status": berkas.status, "hubungan": "sendiri", "penerima_nama": berkas.pemohon_nama},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.berkas_serahkan(
                    berkas_id=berkas.pk,
                    user=request.user,
                    penerima=from_form(services.PenerimaData, data, {"nama": "penerima_nama", "nik": "penerima_nik"}),
                    expected_status=data["expected_status"],
                )
            except BerkasError as exc:
                _apply_errors(form, exc)
                status = exc.http_status
            else:
                messages.success(
                    request,
                    f"Berkas {nomor} diserahkan dan dicatat dalam register pengambilan. Ajak pemohon mengisi "
                    "Survei Kepuasan Masyarakat: kode QR pada resinya atau kios survei.",
                )
                return redirect("pengambilan")
        else:
            status = 400
    access_log_record(
        request=request,
        niks=[berkas.pemohon_nik],
        halaman=AksesDataPribadi.Halaman.PENYERAHAN,
        konteks=f"berkas {berkas.nomor_registrasi}",
    )
    return render(
        request,
        "dukcapil/serahkan.html",
        {
            "berkas": berkas,
            "form": form,
            "aktivasi": services.activation_required(kind, berkas),
            "dokumen": list(berkas.dokumen.exclude(jenis="resi")),
        },
        status=status,
    )


@login_required
def pengambilan(request: HttpRequest) -> HttpResponse:
    form = PengambilanForm(request.GET or None)
    if form.is_valid():
        nomor = form.cleaned_data["nomor_registrasi"].strip().upper()
        if selectors.berkas_visible_to(request.user).filter(nomor_registrasi=nomor).exists():
            return redirect("serahkan", nomor=nomor)
        form.add_error("nomor_registrasi", "Nomor registrasi tidak ditemukan di bidang Anda.")
    siap = (
        selectors.berkas_visible_to(request.user)
        .filter(status=Status.SIAP_DIAMBIL)
        .select_related("layanan")
        .order_by("status_sejak")[:100]
    )
    batal = (
        selectors.berkas_visible_to(request.user)
        .filter(status=Status.DIBATALKAN, pengambilan__isnull=True)
        .select_related("layanan")
        .order_by("status_sejak")[:100]
    )
    return render(request, "dukcapil/pengambilan.html", {"form": form, "siap": siap, "batal": batal})


@login_required
def buku_pengambilan(request: HttpRequest) -> HttpResponse:
    """The day's page of the buku pengambilan (printable): who took which document, from whom."""
    if not can(request.user, Aksi.SERAHKAN):
        return render(
            request,
            "dukcapil/error.html",
            {"message": "Hanya petugas pengambilan yang dapat membuka buku pengambilan."},
            status=403,
        )
    form = BukuPengambilanForm(request.GET or None)
    tanggal = (form.cleaned_data["tanggal"] if form.is_valid() else None) or timezone.localdate()
    rows = selectors.buku_pengambilan(request.user, tanggal)
    return render(
        request,
        "dukcapil/buku_pengambilan.html",
        {"form": form, "tanggal": tanggal, "rows": rows},
        status=200 if not form.errors else 400,
    )


@never_cache
def status_publik(request: HttpRequest) -> HttpResponse:
    """Citizen status check. POST only, so neither nomor nor NIK ends up in a URL or log."""
    form = StatusPublikForm(request.POST or None)
    context: dict = {"form": form}
    status = 200
    if request.method == "POST":
        allowed, wait = ratelimit.hit(
            "status-halaman", ratelimit.client_ip(request.META), PUBLIC_LOOKUP_LIMIT, PUBLIC_LOOKUP_WINDOW
        )
        if not allowed:
            return too_many_requests(request, "Terlalu banyak percobaan. Silakan coba lagi dalam 10 menit.", wait)
        if form.is_valid():
            found = selectors.public_status_lookup(form.cleaned_data["nomor_registrasi"], form.cleaned_data["nik"])
            if found is None:
                context["error"] = "Berkas tidak ditemukan. Periksa kembali nomor registrasi dan NIK."
                status = 404
            else:
                context.update({"result": found, "form": StatusPublikForm()})
        else:
            status = 400
    return render(request, "dukcapil/status_publik.html", context, status=status)


# --- public Standar Pelayanan pages ------------------------------------------------------


def layanan_publik(request: HttpRequest) -> HttpResponse:
    kantor = Kantor.objects.filter(aktif=True).first()
    daftar = (
        Layanan.objects.filter(aktif=True, sop__isnull=False)
        .select_related("bidang", "sop__standar_pelayanan")
        .order_by("bidang__nama", "nama")
    )
    return render(request, "dukcapil/layanan_publik.html", {"kantor": kantor, "daftar": daftar})


def layanan_publik_detail(request: HttpRequest, kode: str) -> HttpResponse:
    layanan = get_object_or_404(
        Layanan.objects.select_related("bidang", "sop__kantor"), kode=kode, aktif=True, sop__isnull=False
    )
    sop = layanan.sop
    return render(
        request,
        "dukcapil/layanan_publik_detail.html",
        {
            "layanan": layanan,
            "sop": sop,
            "sp": StandarPelayanan.objects.filter(sop=sop).first(),
            "persyaratan": list(layanan.persyaratan_berlaku()),
            "langkah": list(layanan.langkah_berlaku()),
            "jangka": catalogue.jangka_waktu_hari_kerja(layanan),
        },
    )


def maklumat(request: HttpRequest) -> HttpResponse:
    kantor = Kantor.objects.filter(aktif=True).first()
    if kantor is None or not kantor.maklumat_pelayanan:
        raise Http404("Maklumat pelayanan belum diisi oleh kantor.")
    return render(request, "dukcapil/maklumat.html", {"kantor": kantor})


@login_required
def paket_entri(request: HttpRequest, nomor: str) -> HttpResponse:
    """A bundle's entry: each component has its own entry page; the list shows what is still missing."""
    berkas = _visible_berkas(request, nomor)
    if not can(request.user, Aksi.ENTRI):
        return render(
            request, "dukcapil/error.html", {"message": "Hanya operator SIAK yang mengentri data."}, status=403
        )
    rows = [
        (lay, reverse(kind.entry_url_name, args=[nomor]), kind.missing_data(berkas))
        for lay, kind in paket.components(berkas.layanan)
    ]
    return render(request, "dukcapil/paket_entri.html", {"berkas": berkas, "rows": rows})


@never_cache
@login_required
def cari(request: HttpRequest) -> HttpResponse:
    """Staff search over the berkas of the user's bidang. The box posts (a NIK or nomor KK never goes
    into a URL, UU 27/2022); ``?q=`` works for a nomor registrasi or a name only."""
    if request.method == "POST":
        query = request.POST.get("q", "")
    else:
        query = request.GET.get("q", "")
        if search.is_sixteen_digits(query):
            messages.error(
                request, "NIK atau nomor KK tidak boleh dikirim lewat alamat halaman. Ketik di kotak pencarian."
            )
            return redirect("cari")
    result = search.search_berkas(request.user, query)
    return render(
        request,
        "dukcapil/cari.html",
        {"result": result, "min_length": search.MIN_QUERY_LENGTH, "limit": search.SEARCH_LIMIT},
    )


# --- printable pages (slip kekurangan persyaratan, kartu kendali) ------------------------


def _printable_berkas(request: HttpRequest, nomor: str, halaman: str) -> Berkas:
    """A berkas the user may see (404 otherwise); the pemohon shown on the sheet goes to the access log."""
    berkas = _visible_berkas(request, nomor)
    access_log_record(
        request=request,
        niks=[berkas.pemohon_nik],
        halaman=AksesDataPribadi.Halaman.DETAIL_BERKAS,
        konteks=f"{halaman} berkas {berkas.nomor_registrasi}",
    )
    return berkas


@login_required
def slip_kekurangan(request: HttpRequest, nomor: str) -> HttpResponse:
    """The slip the citizen takes home when the berkas is returned: what is missing and how to come back."""
    berkas = _printable_berkas(request, nomor, "slip kekurangan")
    if berkas.status != Status.DIKEMBALIKAN:
        raise Http404("Slip kekurangan hanya untuk berkas yang dikembalikan.")
    returned = (
        berkas.kartu_kendali.filter(ke_status=Status.DIKEMBALIKAN).select_related("pelaku").order_by("-waktu", "-pk")
    ).first()
    petugas = (returned.pelaku if returned and returned.pelaku else None) or berkas.dibuat_oleh
    return render(
        request,
        "dukcapil/slip_kekurangan.html",
        {
            "office_header": office_header(),
            "berkas": berkas,
            "nik_masked": mask_nik(berkas.pemohon_nik),
            "tanggal": returned.waktu if returned else berkas.status_sejak,
            "petugas": petugas.get_full_name() or petugas.username,
            "status_url": settings.PUBLIC_BASE_URL.rstrip("/") + reverse("status-publik"),
        },
    )


@login_required
def kartu_kendali_cetak(request: HttpRequest, nomor: str) -> HttpResponse:
    """The berkas's kartu kendali on one A4 sheet (Pekanbaru's layout): each step with its officer,
    start, end, actual time against the SOP minutes, and an empty paraf column."""
    berkas = _printable_berkas(request, nomor, "kartu kendali")
    return render(
        request,
        "dukcapil/kartu_kendali_cetak.html",
        {
            "office_header": office_header(),
            "berkas": berkas,
            "nik_masked": mask_nik(berkas.pemohon_nik),
            "timeline": selectors.berkas_timeline(berkas),
            "dicetak": timezone.now(),
        },
    )
