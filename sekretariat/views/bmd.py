"""Screens of BMD: the rooms, a room's KIR (add, import, print, labels), one barang (edit, move,
history), the usulan pemeliharaan/penghapusan and their chain. PDFs are produced by cetakan tasks."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from dukcapil.cetakan.views import cetak
from dukcapil.choices import Role
from dukcapil.documents.common import format_tanggal
from dukcapil.documents_builders import office_header
from dukcapil.exceptions import BerkasError
from dukcapil.models import User

from ..documents import bmd as docs
from ..documents.registers import register_xlsx
from ..forms.bmd import (
    BarangForm,
    ImporBarangForm,
    KeputusanForm,
    MutasiForm,
    RuanganForm,
    UsulanAksiForm,
    UsulanBmdForm,
)
from ..impor import ImporGagal
from ..models.bmd import Barang, KondisiBarang, Ruangan, StatusUsulanBmd, UsulanBmd
from ..selectors import bmd as sel
from ..selectors.surat_masuk import timeline
from ..services import bmd as svc
from . import submit
from .keuangan import record_page
from .surat_masuk import _allowed, _apply, _forbidden

TIDAK_BOLEH = "KIR dan barang milik daerah hanya untuk pengurus barang Sekretariat dan pimpinan."
HANYA_PENGURUS = "Hanya pengurus barang Sekretariat yang dapat mengubah KIR."
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _reader(request: HttpRequest) -> HttpResponse | None:
    return None if sel.pembaca(request.user) else _forbidden(request, TIDAK_BOLEH)


def _keeper(request: HttpRequest) -> HttpResponse | None:
    return None if svc.pengurus_barang(request.user) else _forbidden(request, HANYA_PENGURUS)


@login_required
def ruangan_list(request: HttpRequest) -> HttpResponse:
    if refused := _reader(request):
        return refused
    pengurus = svc.pengurus_barang(request.user)
    form = RuanganForm(request.POST or None) if pengurus else None
    if request.method == "POST" and not pengurus:
        return _forbidden(request, HANYA_PENGURUS)
    status = submit(
        request,
        form,
        lambda data: svc.ruangan_tambah(user=request.user, **data),
        lambda ruangan: f"Ruangan {ruangan} ditambahkan.",
    )
    if not isinstance(status, int):
        return status
    context = {"rows": list(sel.ruangan_list()), "form": form, "pengurus": pengurus}
    return render(request, "sekretariat/bmd/ruangan_list.html", context, status=status)


def _kir_page(request: HttpRequest, ruangan: Ruangan, form=None, status: int = 200, **extra) -> HttpResponse:
    pengurus = svc.pengurus_barang(request.user)
    context = {
        "ruangan": ruangan,
        "rows": list(sel.kir(ruangan)),
        "pengurus": pengurus,
        "form": form or (BarangForm() if pengurus else None),
        "kondisi": KondisiBarang,
        **extra,
    }
    return render(request, "sekretariat/bmd/kir.html", context, status=status)


def _ruangan(pk: int) -> Ruangan:
    return get_object_or_404(Ruangan.objects.select_related("penanggung_jawab"), pk=pk)


@login_required
def kir(request: HttpRequest, pk: int) -> HttpResponse:
    """A room's KIR; the pengurus barang adds a line here."""
    if refused := _reader(request):
        return refused
    ruangan = _ruangan(pk)
    if request.method != "POST":
        return _kir_page(request, ruangan)
    if refused := _keeper(request):
        return refused
    form = BarangForm(request.POST)
    if not form.is_valid():
        return _kir_page(request, ruangan, form, 400)
    try:
        barang = svc.barang_tambah(user=request.user, ruangan_id=ruangan.pk, data=form.cleaned_data)
    except BerkasError as exc:
        _apply(form, exc)
        return _kir_page(request, ruangan, form, exc.http_status)
    messages.success(request, f"{barang} dicatat di KIR.")
    return redirect(ruangan.get_absolute_url())


@login_required
def kir_impor(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := _keeper(request):
        return refused
    ruangan = _ruangan(pk)
    form = ImporBarangForm(request.POST or None, request.FILES or None)
    context = {"ruangan": ruangan, "form": form, "kolom": svc.KOLOM_IMPOR, "kesalahan": []}
    if request.method != "POST":
        return render(request, "sekretariat/bmd/impor.html", context)
    status = 400
    if form.is_valid():
        berkas = form.cleaned_data["berkas"]
        try:
            jumlah = svc.barang_impor(
                user=request.user, ruangan_id=ruangan.pk, nama_berkas=berkas.name, data=berkas.read()
            )
        except ImporGagal as exc:
            context["kesalahan"] = exc.kesalahan
            form.add_error(None, exc.message)
        except BerkasError as exc:
            form.add_error(None, exc.message)
            status = exc.http_status
        else:
            messages.success(request, f"{jumlah} barang diimpor ke KIR {ruangan}.")
            return redirect(ruangan.get_absolute_url())
    return render(request, "sekretariat/bmd/impor.html", context, status=status)


def _kir_rows(ruangan: Ruangan) -> list[list]:
    rows = []
    for b in sel.kir(ruangan):
        marks = ["v" if b.kondisi == k else "" for k in KondisiBarang.values]
        harga = f"{b.harga_perolehan:,.0f}".replace(",", ".")
        rows.append(
            [b.nama, b.merk_type, b.bahan, b.tahun_perolehan, b.kode_barang, b.nomor_register, b.jumlah, harga]
            + marks
            + [b.keterangan]
        )
    return rows


@login_required
def kir_cetak(request: HttpRequest, pk: int) -> HttpResponse:
    """The KIR as XLSX (here) or as the printed form (PDF, produced by a cetakan task)."""
    if refused := _reader(request):
        return refused
    ruangan = _ruangan(pk)
    if request.GET.get("format") == "xlsx":
        kolom = docs.KIR_KOLOM[1:]
        data = register_xlsx("Kartu Inventaris Ruangan", f"Ruangan {ruangan}", kolom, _kir_rows(ruangan))
        response = HttpResponse(data, content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="kir-{ruangan.kode}.xlsx"'
        return response
    return cetak(request, "kir", {"ruangan": ruangan.pk})


def _pengurus_nama() -> docs.Penandatangan:
    kasubag = User.objects.filter(is_active=True, groups__name=Role.KASUBAG.label, bidang__kode="sekretariat")
    staf = User.objects.filter(is_active=True, groups__name=Role.STAF.label, bidang__kode="sekretariat")
    person = staf.order_by("pk").first() or kasubag.order_by("pk").first()
    nama = person.get_full_name() if person else ""
    return docs.Penandatangan("Pengurus Barang", nama, (person.nip if person else "") or "-")


def kir_pdf(params: dict, user) -> tuple[str, bytes]:
    """Cetakan «kir»: runs in a task; checks the requester again."""
    if not sel.pembaca(user):
        raise PermissionDenied(TIDAK_BOLEH)
    ruangan = _ruangan(params["ruangan"])
    office = office_header()
    pj = ruangan.penanggung_jawab
    people = [
        docs.Penandatangan("Mengetahui, Kepala Dinas", office.kepala_dinas_nama, office.kepala_dinas_nip),
        docs.Penandatangan("Penanggung Jawab Ruangan", pj.get_full_name() if pj else "", (pj.nip if pj else "") or "-"),
        _pengurus_nama(),
    ]
    tempat = f"{office.tempat_terbit}, {format_tanggal(timezone.localdate())}"
    pdf = docs.kir_pdf(
        office,
        ruangan=ruangan.nama,
        kode_ruangan=ruangan.kode,
        rows=_kir_rows(ruangan),
        penandatangan=people,
        tempat_tanggal=tempat,
    )
    return f"kir-{ruangan.kode}.pdf", pdf


def label_url(barang: Barang) -> str:
    """What a label's QR encodes: the staff page of the barang by its opaque token."""
    from django.conf import settings

    return settings.PUBLIC_BASE_URL.rstrip("/") + reverse("sekretariat:barang-qr", args=[barang.token])


@login_required
@require_POST
def label_cetak(request: HttpRequest) -> HttpResponse:
    """Labels of a room (``ruangan``) or of the ticked barang (``barang``), produced by a cetakan task."""
    if refused := _keeper(request):
        return refused
    ruangan = request.POST.get("ruangan", "")
    ids = [] if ruangan else [int(v) for v in request.POST.getlist("barang") if v.isdigit()][:500]
    if not ids and not ruangan.isdigit():
        return render(request, "dukcapil/error.html", {"message": "Pilih ruangan atau barang."}, status=400)
    params = {"barang": ids} if ids else {"ruangan": int(ruangan)}
    return cetak(request, "label-bmd", params)


def label_pdf(params: dict, user) -> tuple[str, bytes]:
    """Cetakan «label-bmd»: the labels, checked again in the task."""
    if not svc.pengurus_barang(user):
        raise PermissionDenied(HANYA_PENGURUS)
    rows = Barang.objects.filter(dihapus=False).select_related("ruangan")
    rows = rows.filter(pk__in=params["barang"]) if params.get("barang") else rows.filter(ruangan=params["ruangan"])
    labels = [
        docs.Label(b.kode_barang, b.nomor_register, b.nama, b.tahun_perolehan, b.ruangan.nama, label_url(b))
        for b in rows.order_by("ruangan__kode", "kode_barang", "nomor_register")
    ]
    if not labels:
        raise Http404("Tidak ada barang untuk dilabel.")
    return "label-bmd.pdf", docs.label_pdf(office_header().nama_dinas, labels)


def _barang_page(request: HttpRequest, barang: Barang, status: int = 200, **extra) -> HttpResponse:
    pengurus = svc.pengurus_barang(request.user)
    context = {
        "barang": barang,
        "riwayat": sel.riwayat(barang),
        "pengurus": pengurus,
        "mutasi_form": extra.pop("mutasi_form", None)
        or (
            MutasiForm(initial={"dari": barang.ruangan_id, "tanggal": timezone.localdate()})
            if pengurus and not barang.dihapus
            else None
        ),
        **extra,
    }
    if context["mutasi_form"] is not None:
        context["mutasi_form"].fields["ke"].queryset = Ruangan.objects.exclude(pk=barang.ruangan_id)
    return render(request, "sekretariat/bmd/barang.html", context, status=status)


@login_required
def barang_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := _reader(request):
        return refused
    return _barang_page(request, get_object_or_404(sel.barang_detail(), pk=pk))


@login_required
def barang_qr(request: HttpRequest, token) -> HttpResponse:
    """The page a label's QR opens: the same barang page, found by its opaque token."""
    if refused := _reader(request):
        return refused
    return _barang_page(request, get_object_or_404(sel.barang_detail(), token=token))


@login_required
def barang_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := _keeper(request):
        return refused
    barang = get_object_or_404(Barang.objects.select_related("ruangan"), pk=pk, dihapus=False)
    if request.method != "POST":
        form = BarangForm(instance=barang)
        return render(request, "sekretariat/bmd/barang_ubah.html", {"barang": barang, "form": form})
    form, status = BarangForm(request.POST), 400
    if form.is_valid():
        try:
            svc.barang_ubah(user=request.user, pk=pk, data=form.cleaned_data)
        except BerkasError as exc:
            _apply(form, exc)
            status = exc.http_status
        else:
            messages.success(request, "Data barang disimpan.")
            return redirect(barang.get_absolute_url())
    return render(request, "sekretariat/bmd/barang_ubah.html", {"barang": barang, "form": form}, status=status)


@login_required
@require_POST
def barang_mutasi(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := _keeper(request):
        return refused
    barang = get_object_or_404(sel.barang_detail(), pk=pk)
    form = MutasiForm(request.POST)
    form.fields["ke"].queryset = Ruangan.objects.all()
    if not form.is_valid():
        return _barang_page(request, barang, 400, mutasi_form=form)
    data = form.cleaned_data
    try:
        mutasi = svc.barang_mutasi(
            user=request.user, pk=pk, dari_id=data["dari"], ke_id=data["ke"].pk, tanggal=data["tanggal"],
            alasan=data["alasan"],
        )  # fmt: skip
    except BerkasError as exc:
        barang = get_object_or_404(sel.barang_detail(), pk=pk)
        return _barang_page(request, barang, exc.http_status, error=exc.message)
    messages.success(request, f"{barang.nama} dipindahkan ke {mutasi.ke}.")
    return redirect(barang.get_absolute_url())


# --- usulan pemeliharaan / penghapusan ------------------------------------------------------


def _barang_usulan(user):
    """What the user may propose: damaged barang of every room (pengurus) or of their rooms."""
    rows = Barang.objects.filter(dihapus=False).exclude(kondisi=KondisiBarang.B).select_related("ruangan")
    rows = rows.exclude(usulan__in=UsulanBmd.objects.exclude(status=StatusUsulanBmd.SELESAI))
    if not svc.pengurus_barang(user):
        rows = rows.filter(ruangan__penanggung_jawab=user)
    return rows.order_by("ruangan__kode", "kode_barang", "nomor_register")


def _boleh_usul(user) -> bool:
    return svc.pengurus_barang(user) or Ruangan.objects.filter(penanggung_jawab=user).exists()


@login_required
def usulan_list(request: HttpRequest) -> HttpResponse:
    if not (sel.pembaca(request.user) or _boleh_usul(request.user)):
        return _forbidden(request, TIDAK_BOLEH)
    boleh = _boleh_usul(request.user)
    form = UsulanBmdForm(request.POST or None, barang_qs=_barang_usulan(request.user)) if boleh else None
    if request.method == "POST" and not boleh:
        return _forbidden(request, "Hanya pengurus barang atau penanggung jawab ruangan yang dapat mengusulkan.")

    def save(data):
        return svc.usulan_bmd_buat(
            user=request.user,
            jenis=data["jenis"],
            barang_ids=[b.pk for b in data["barang"]],
            alasan=data["alasan"],
        )

    status = submit(request, form, save, lambda usulan: f"{usulan.judul} {usulan.nomor} dibuat.")
    if not isinstance(status, int):
        return status
    rows = sel.usulan_list()
    if not sel.pembaca(request.user):
        rows = rows.filter(Q(diusulkan_oleh=request.user))
    context = {"rows": list(rows), "form": form}
    return render(request, "sekretariat/bmd/usulan_list.html", context, status=status)


TOMBOL = {m: label for m, label in svc.LABEL.items() if m != "kembalikan"}


def _usulan_for(user, pk: int):
    usulan = get_object_or_404(sel.usulan_list(), pk=pk)
    if sel.pembaca(user) or usulan.diusulkan_oleh_id == user.pk:
        return usulan
    raise Http404("Usulan tidak ditemukan.")


def _usulan_page(request: HttpRequest, usulan, status: int = 200, **extra) -> HttpResponse:
    user = request.user
    context = {
        "usulan": usulan,
        "barang": list(usulan.barang.select_related("ruangan")),
        "tombol": [(m, label) for m, label in TOMBOL.items() if _allowed(usulan, m, user)],
        "can_kembalikan": _allowed(usulan, "kembalikan", user),
        "keputusan_form": extra.pop("keputusan_form", None)
        or (KeputusanForm() if _allowed(usulan, "catat_keputusan", user) else None),
    }
    page = "sekretariat/bmd/usulan_detail.html"
    return record_page(request, page, timeline(usulan, dict(StatusUsulanBmd.choices)), status, **context, **extra)


@login_required
def usulan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _usulan_page(request, _usulan_for(request.user, pk))


@login_required
@require_POST
def usulan_aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    if aksi not in {"keputusan", *svc.LABEL}:
        raise Http404("Tindakan tidak dikenal.")
    usulan = _usulan_for(request.user, pk)
    try:
        if aksi == "keputusan":
            form = KeputusanForm(request.POST)
            if not form.is_valid():
                return _usulan_page(request, usulan, 400, keputusan_form=form)
            d = form.cleaned_data
            svc.usulan_bmd_catat_keputusan(
                user=request.user, pk=pk, nomor=d["nomor"], tanggal=d["tanggal"], penerbit=d["penerbit"],
                hasil=d["hasil"], biaya=d["biaya"], kondisi_baru=d["kondisi_baru"],
                expected_status=request.POST.get("expected_status") or None,
            )  # fmt: skip
            messages.success(request, "Keputusan dicatat.")
        else:
            form = UsulanAksiForm(request.POST)
            if not form.is_valid():
                return _usulan_page(request, usulan, 400, error="Isian tidak valid.")
            svc.usulan_bmd_aksi(user=request.user, pk=pk, method=aksi, **form.cleaned_data)
            messages.success(request, f"{usulan.judul}: {svc.LABEL[aksi].lower()} berhasil.")
    except BerkasError as exc:
        usulan = _usulan_for(request.user, pk)
        return _usulan_page(request, usulan, exc.http_status, error=exc.message)
    return redirect(usulan.get_absolute_url())
