"""The citizen's pages (account, applications, berkas) and the loket's verification of online
applications. Views parse input and call services/selectors."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from dukcapil import ratelimit
from dukcapil.errors import too_many_requests
from dukcapil.exceptions import BerkasError
from dukcapil.models import AksesDataPribadi, Dokumen
from dukcapil.nik import mask_nik
from dukcapil.selectors import public_status_lookup
from dukcapil.views import _apply_errors
from dukcapil.workflow.access import access_log_record
from dukcapil.workflow.permissions import Aksi, can

from . import selectors, services
from .cetakan import konsep_available
from .forms import DaftarForm, KodeForm, MasukForm, PermohonanForm, VerifikasiForm
from .middleware import is_warga
from .models import STATUS_ONLINE_COLOURS, PermohonanOnline, StatusOnline, UnggahanPersyaratan, Warga

SESSION_PENDAFTARAN = "warga_pendaftaran"
DAFTAR_LIMIT, DAFTAR_WINDOW = 10, 600  # sign-ups and code requests per address per window
KODE_LIMIT = 30  # code entries per address per window (the per-sign-up limit is the service's)
PER_HALAMAN = 25


def _forbidden(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "dukcapil/error.html", {"message": message}, status=403)


def warga_required(view):
    """A citizen's page: anonymous visitors sign in first; an officer's session is refused (403)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(f"{reverse('warga:masuk')}?next={request.path}")
        if not is_warga(request.user):
            return _forbidden(request, "Halaman ini untuk akun warga. Petugas memakai halaman «Permohonan online».")
        request.warga = get_object_or_404(Warga, user=request.user)
        return view(request, *args, **kwargs)

    return wrapper


def _limited(request: HttpRequest, scope: str, limit: int = DAFTAR_LIMIT) -> HttpResponse | None:
    allowed, wait = ratelimit.hit(scope, ratelimit.client_ip(request.META), limit, DAFTAR_WINDOW)
    if allowed:
        return None
    return too_many_requests(request, "Terlalu banyak percobaan. Silakan coba lagi dalam 10 menit.", wait)


# --- account ---------------------------------------------------------------------------------


def _account_form(request: HttpRequest, step: str, form_class, act, done, limit: int = DAFTAR_LIMIT) -> HttpResponse:
    """A sign-up step's form (template ``warga/<step>.html``). POST: refused over the address's rate
    limit (scope ``warga-<step>``, ``limit`` tries); a valid form's ``act(cleaned_data)`` (the service)
    refused shows its reason on the form with its status, else ``done(what act returned)`` answers;
    an invalid form is a 400."""
    form = form_class(request.POST or None)
    status = 200
    if request.method == "POST":
        if (refused := _limited(request, f"warga-{step}", limit)) is not None:
            return refused
        if form.is_valid():
            try:
                result = act(form.cleaned_data)
            except BerkasError as exc:
                form.add_error(None, exc.message)
                status = exc.http_status
            else:
                return done(result)
        else:
            status = 400
    return render(request, f"warga/{step}.html", {"form": form}, status=status)


@never_cache
def daftar(request: HttpRequest) -> HttpResponse:
    if is_warga(request.user):
        return redirect("warga:beranda")

    def act(data: dict):
        fields = ("nik", "nama", "email", "telepon", "kata_sandi")
        return services.warga_daftar(**{name: data[name] for name in fields})

    def done(pendaftaran) -> HttpResponse:
        request.session[SESSION_PENDAFTARAN] = pendaftaran.pk
        messages.success(request, "Kode verifikasi telah dikirim ke email Anda.")
        return redirect("warga:kode")

    return _account_form(request, "daftar", DaftarForm, act, done)


@never_cache
def kode(request: HttpRequest) -> HttpResponse:
    pendaftaran_id = request.session.get(SESSION_PENDAFTARAN)
    if pendaftaran_id is None:
        return redirect("warga:daftar")

    def act(data: dict):
        return services.warga_verifikasi_kode(pendaftaran_id=pendaftaran_id, kode=data["kode"])

    def done(warga) -> HttpResponse:
        request.session.pop(SESSION_PENDAFTARAN, None)
        login(request, warga.user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Akun Anda aktif. Selamat datang di layanan online Dukcapil.")
        return redirect("warga:beranda")

    return _account_form(request, "kode", KodeForm, act, done, KODE_LIMIT)


@require_POST
def kirim_ulang(request: HttpRequest) -> HttpResponse:
    pendaftaran_id = request.session.get(SESSION_PENDAFTARAN)
    if pendaftaran_id is None:
        return redirect("warga:daftar")
    if (refused := _limited(request, "warga-kirim-ulang")) is not None:
        return refused
    try:
        services.warga_kirim_ulang_kode(pendaftaran_id=pendaftaran_id)
    except BerkasError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Kode baru telah dikirim. Kode sebelumnya tidak berlaku lagi.")
    return redirect("warga:kode")


@never_cache
def masuk(request: HttpRequest) -> HttpResponse:
    """Sign in by NIK or email and password, under django-axes like the staff login (the account's
    username and the address count the failures)."""
    if is_warga(request.user):
        return redirect("warga:beranda")
    form = MasukForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            akun = services.warga_cari_akun(form.cleaned_data["identitas"])
            # an unknown NIK/email counts against the address (and a name that is no account)
            username = akun.user.username if akun else "warga+tidak-dikenal"
            user = authenticate(request, username=username, password=form.cleaned_data["kata_sandi"])
            if getattr(request, "axes_locked_out", False):
                return render(request, "warga/masuk.html", {"form": form}, status=429)
            if user is not None and akun is not None and user.pk == akun.user_id:
                login(request, user)
                target = request.GET.get("next", "")
                return redirect(target if target.startswith("/warga/") else "warga:beranda")
            form.add_error(None, "NIK/email atau kata sandi salah.")
        status = 400
    return render(request, "warga/masuk.html", {"form": form}, status=status)


@warga_required
def beranda(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "warga/beranda.html",
        {
            "warga": request.warga,
            "nik_masked": mask_nik(request.warga.nik),
            "permohonan": selectors.permohonan_milik(request.warga),
            "layanan": services.layanan_online(),
            "colours": STATUS_ONLINE_COLOURS,
        },
    )


@warga_required
@require_POST
def buat(request: HttpRequest, kode: str) -> HttpResponse:
    layanan = next((lay for lay in services.layanan_online() if lay.kode == kode), None)
    if layanan is None:
        raise Http404("Layanan ini tidak dibuka untuk permohonan online.")
    permohonan = services.permohonan_buat(warga=request.warga, layanan=layanan)
    return redirect("warga:permohonan", nomor=permohonan.nomor_permohonan)


def _own(request: HttpRequest, nomor: str) -> PermohonanOnline:
    """The citizen's own application; another citizen's is not found (its existence is not confirmed)."""
    return get_object_or_404(
        PermohonanOnline.objects.select_related("layanan", "berkas", "warga"),
        nomor_permohonan=nomor,
        warga=request.warga,
    )


def _citizen_context(request: HttpRequest, permohonan: PermohonanOnline, form=None, detail=None) -> dict:
    editable = permohonan.status in (StatusOnline.DRAF, StatusOnline.DIKEMBALIKAN)
    persyaratan = list(permohonan.layanan.persyaratan_berlaku())
    wajib = {p.pk for p in services.persyaratan_diminta(permohonan)}
    if editable and form is None:
        form = PermohonanForm(
            persyaratan=persyaratan,
            wajib_ids=wajib,
            initial={"telepon": permohonan.telepon, "email": permohonan.email, "catatan": permohonan.catatan_pemohon},
        )
        detail = services.detail_form(permohonan) if permohonan.data_detail else _blank_detail(permohonan)
    berkas = permohonan.berkas
    return {
        "permohonan": permohonan,
        "editable": editable,
        "form": form,
        "detail": detail,
        "unggahan": {u.persyaratan_id: u for u in permohonan.unggahan.all()},
        "perlu": selectors.perlu_diperbaiki(permohonan),
        "colours": STATUS_ONLINE_COLOURS,
        "status_berkas": public_status_lookup(berkas.nomor_registrasi, berkas.pemohon_nik) if berkas else None,
        "dokumen": selectors.dokumen_warga(berkas) if berkas else [],
        "konsep": konsep_available(permohonan),
    }


def _blank_detail(permohonan: PermohonanOnline):
    from dukcapil.registry import get_kind

    kind = get_kind(permohonan.layanan.jenis_berkas)
    return kind.intake_form(prefix="detail", layanan=permohonan.layanan) if kind.intake_form else None


def _draft_valid(detail) -> bool:
    """A draft may leave fields empty, but what it holds must pass the entry form's checks."""
    if detail is None or detail.is_valid():
        return True
    return all(detail.add_prefix(name) not in detail.data or not detail.data.get(detail.add_prefix(name))
               for name in detail.errors if name != "__all__")  # fmt: skip


@warga_required
def permohonan(request: HttpRequest, nomor: str) -> HttpResponse:
    permohonan = _own(request, nomor)
    status = 200
    if request.method == "POST":
        persyaratan = list(permohonan.layanan.persyaratan_berlaku())
        wajib = {p.pk for p in services.persyaratan_diminta(permohonan)}
        form = PermohonanForm(request.POST, request.FILES, persyaratan=persyaratan, wajib_ids=wajib)
        detail = services.detail_form(permohonan, request.POST)
        if form.is_valid() and _draft_valid(detail):
            # only the entry form's own fields, as typed (the service validates them fully at submission)
            names = [detail.add_prefix(name) for name in detail.fields] if detail is not None else []
            data_detail = {name: request.POST.getlist(name) for name in names if name in request.POST}
            try:
                services.permohonan_simpan(
                    permohonan_id=permohonan.pk,
                    user=request.user,
                    data_detail=data_detail,
                    telepon=form.cleaned_data["telepon"],
                    email=form.cleaned_data["email"],
                    catatan=form.cleaned_data["catatan"],
                    unggahan=form.unggahan,
                )
                if request.POST.get("ajukan"):
                    services.permohonan_ajukan(permohonan_id=permohonan.pk, user=request.user)
            except BerkasError as exc:
                _apply_errors(form, exc)
                status = exc.http_status
                permohonan.refresh_from_db()
                if permohonan.status not in (StatusOnline.DRAF, StatusOnline.DIKEMBALIKAN):
                    messages.error(request, exc.message)
            else:
                if request.POST.get("ajukan"):
                    messages.success(request, "Permohonan diajukan. Petugas akan memverifikasinya.")
                else:
                    messages.success(request, "Draf permohonan disimpan.")
                return redirect("warga:permohonan", nomor=nomor)
        else:
            status = 400
        return render(
            request, "warga/permohonan.html", _citizen_context(request, permohonan, form, detail), status=status
        )
    return render(request, "warga/permohonan.html", _citizen_context(request, permohonan))


def _serve_upload(unggahan: UnggahanPersyaratan, unduh: bool) -> FileResponse:
    response = FileResponse(
        unggahan.berkas.open("rb"),
        content_type=unggahan.content_type,
        as_attachment=unduh,
        filename=f"{unggahan.permohonan.nomor_permohonan}-{unggahan.persyaratan_id}.{unggahan.jenis}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def unggahan(request: HttpRequest, nomor: str, pk: int) -> HttpResponse:
    """An uploaded persyaratan: its owner, or an officer who sees that bidang's berkas (logged as an
    access to personal data). Anyone else: 404, the file's existence is not confirmed."""
    if not request.user.is_authenticated:
        return redirect(f"{reverse('warga:masuk')}?next={request.path}")
    row = get_object_or_404(
        UnggahanPersyaratan.objects.select_related("permohonan__warga"), pk=pk, permohonan__nomor_permohonan=nomor
    )
    permohonan = row.permohonan
    if is_warga(request.user):
        if permohonan.warga.user_id != request.user.pk:
            raise Http404("Berkas tidak ditemukan.")
    elif not (
        can(request.user, Aksi.VERIFIKASI_ONLINE, permohonan.bidang_id)
        or can(request.user, Aksi.LIHAT, permohonan.bidang_id)
    ):
        raise Http404("Berkas tidak ditemukan.")
    else:
        access_log_record(
            request=request,
            niks=[permohonan.warga.nik],
            halaman=AksesDataPribadi.Halaman.DETAIL_BERKAS,
            konteks=f"unggahan permohonan online {permohonan.nomor_permohonan}",
        )
    return _serve_upload(row, unduh=request.GET.get("unduh") == "1")


@warga_required
def dokumen(request: HttpRequest, nomor: str, jenis: str) -> HttpResponse:
    """The resi and the signed KK/akta of the citizen's own berkas (owner only)."""
    permohonan = _own(request, nomor)
    if permohonan.berkas is None:
        raise Http404("Berkas belum terdaftar.")
    allowed = {d.jenis: d for d in selectors.dokumen_warga(permohonan.berkas) if d.dapat_diunduh}
    row = allowed.get(jenis)
    if row is None:
        raise Http404("Dokumen belum tersedia untuk diunduh.")
    dokumen = get_object_or_404(Dokumen, pk=row.pk)
    return FileResponse(
        dokumen.berkas_pdf.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"{permohonan.berkas.nomor_registrasi}-{jenis}.pdf",
    )


@warga_required
@require_POST
def konsep(request: HttpRequest, nomor: str) -> HttpResponse:
    """The draft of the citizen's documents to check before the Kadis signs (produced on request)."""
    from dukcapil.cetakan.views import cetak

    permohonan = _own(request, nomor)
    if not konsep_available(permohonan):
        messages.error(request, "Konsep dokumen hanya dapat dilihat saat berkas menunggu tanda tangan Kepala Dinas.")
        return redirect("warga:permohonan", nomor=nomor)
    return cetak(request, "konsep-warga", {"nomor": nomor})


# --- the loket's side ------------------------------------------------------------------------


def daftar_petugas(request: HttpRequest) -> HttpResponse:
    """«Permohonan online»: the applications waiting for the front office of the user's bidang."""
    if not request.user.is_authenticated:
        return redirect(f"{reverse('login')}?next={request.path}")
    if not can(request.user, Aksi.VERIFIKASI_ONLINE):
        return _forbidden(request, "Hanya petugas loket (front office) yang memverifikasi permohonan online.")
    status_filter = request.GET.get("status") or StatusOnline.DIAJUKAN
    if status_filter not in StatusOnline.values:
        status_filter = StatusOnline.DIAJUKAN
    page = Paginator(selectors.antrean_petugas(request.user, status_filter), PER_HALAMAN).get_page(
        request.GET.get("halaman")
    )
    return render(
        request,
        "warga/petugas_daftar.html",
        {
            "page": page,
            "status_filter": status_filter,
            "statuses": StatusOnline.choices,
            "colours": STATUS_ONLINE_COLOURS,
        },
    )


def verifikasi(request: HttpRequest, nomor: str) -> HttpResponse:
    """The verification page: data and uploads, Terima / Kembalikan."""
    if not request.user.is_authenticated:
        return redirect(f"{reverse('login')}?next={request.path}")
    permohonan = get_object_or_404(
        PermohonanOnline.objects.select_related("layanan", "warga", "berkas", "bidang", "diperiksa_oleh"),
        nomor_permohonan=nomor,
    )
    if is_warga(request.user) or not can(request.user, Aksi.VERIFIKASI_ONLINE, permohonan.bidang_id):
        return _forbidden(request, "Anda tidak berwenang memverifikasi permohonan online layanan ini.")
    persyaratan = list(permohonan.layanan.persyaratan_berlaku())
    form = VerifikasiForm(
        request.POST or None,
        persyaratan=persyaratan,
        initial={"expected_status": permohonan.status, "putaran": permohonan.putaran},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["tindakan"] == "terima":
                    services.permohonan_terima(
                        permohonan_id=permohonan.pk,
                        user=request.user,
                        expected_status=data["expected_status"],
                        putaran=data["putaran"],
                        catatan=data["catatan"],
                    )
                else:
                    services.permohonan_kembalikan(
                        permohonan_id=permohonan.pk,
                        user=request.user,
                        expected_status=data["expected_status"],
                        putaran=data["putaran"],
                        items=data["items"],
                        catatan=data["catatan"],
                    )
            except BerkasError as exc:
                _apply_errors(form, exc)
                status = exc.http_status
                permohonan.refresh_from_db()
            else:
                permohonan.refresh_from_db()
                if permohonan.berkas_id:
                    messages.success(
                        request, f"Permohonan diterima: berkas {permohonan.berkas.nomor_registrasi} terdaftar."
                    )
                    return redirect("berkas-detail", nomor=permohonan.berkas.nomor_registrasi)
                messages.success(request, f"Permohonan {nomor} dikembalikan kepada pemohon.")
                return redirect("warga:petugas")
        else:
            status = 400
    access_log_record(
        request=request,
        niks=[permohonan.warga.nik],
        halaman=AksesDataPribadi.Halaman.DETAIL_BERKAS,
        konteks=f"permohonan online {permohonan.nomor_permohonan}",
    )
    return render(
        request,
        "warga/verifikasi.html",
        {
            "permohonan": permohonan,
            "form": form,
            "nik_masked": mask_nik(permohonan.warga.nik),
            "detail_rows": selectors.detail_rows(permohonan),
            "unggahan_rows": selectors.unggahan_rows(permohonan, persyaratan),
            "perlu": selectors.perlu_diperbaiki(permohonan),
            "colours": STATUS_ONLINE_COLOURS,
            "can_act": permohonan.status == StatusOnline.DIAJUKAN,
        },
        status=status,
    )
