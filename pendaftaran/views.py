from datetime import date
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from dukcapil import selectors, services
from dukcapil.choices import Status
from dukcapil.exceptions import BerkasError
from dukcapil.models import AksesDataPribadi
from dukcapil.services import ENTRY_STATUSES
from dukcapil.workflow.access import access_log_record
from dukcapil.workflow.permissions import Aksi, can, can_in_bidang

from .blangko import (
    blangko_receive,
    blangko_report,
    blangko_rusak_catat,
    blangko_seri_catat,
    blangko_summary,
    kartu_tanpa_seri,
)
from .choices import AlasanPengurangan
from .forms import (
    AnggotaFormSet,
    BlangkoForm,
    BlangkoRusakForm,
    JadwalPerekamanForm,
    PermohonanKKForm,
    SeriBlangkoForm,
)
from .layanan import entry_form, kind_of, permohonan_update
from .models import Keluarga, MutasiBlangko, Penduduk, PermohonanKK, PermohonanPenduduk
from .perekaman import jadwal_hari, may_record, perekaman_jadwalkan, perekaman_selesai, perekaman_tidak_hadir
from .register import active_members, register_history
from .services import AnggotaData, biometric_candidates, permohonan_kk_refresh, permohonan_kk_update
from .services import kind_of as kk_kind_of

REGISTER_BIDANG = "pendaftaran"  # the population register is kept by this bidang
ANGGOTA_FIELDS = list(AnggotaData.__dataclass_fields__)

MENUNGGU_PER_HALAMAN = 50  # berkas waiting for blangko, per page


def _anggota(data: dict) -> AnggotaData:
    """A filled formset row as service input: empty text is "", an empty marriage date is None."""
    values = {field: data.get(field) if data.get(field) is not None else "" for field in ANGGOTA_FIELDS}
    values["tanggal_perkawinan"] = data.get("tanggal_perkawinan") or None
    return AnggotaData(**values)


def _berkas(request: HttpRequest, nomor: str):
    return get_object_or_404(
        selectors.berkas_visible_to(request.user).select_related("layanan"), nomor_registrasi=nomor
    )


def _entry_refused(request: HttpRequest, berkas, what: str) -> HttpResponse | None:
    """The error page when this user may not enter ``what`` of the berkas now; None when they may."""
    if not can(request.user, Aksi.ENTRI):
        return render(
            request, "dukcapil/error.html", {"message": f"Hanya operator SIAK yang mengentri {what}."}, status=403
        )
    if berkas.status not in ENTRY_STATUSES:
        return render(
            request,
            "dukcapil/error.html",
            {
                "message": f"Berkas berstatus «{berkas.get_status_display()}»; {what} hanya dapat diubah saat berkas "
                "berada di operator."
            },
            status=409,
        )
    return None


def _entry_page(request: HttpRequest, berkas, template: str, context: dict, save, what: str, sent_to: str, form=None):
    """An entry page and its POST: ``save`` stores the entry (None when the forms are not valid) and
    'Simpan dan kirim' also completes it, sending the berkas ``sent_to``. What the register refuses is
    shown on ``form``'s field where it names one, otherwise as a message."""
    status, error = 200, None
    if request.method == "POST" and save is None:
        status, error = 400, "Periksa kembali isian yang ditandai."
    elif request.method == "POST":
        try:
            save()
            if "kirim" in request.POST:
                services.berkas_transition(
                    berkas_id=berkas.pk, action="entri-selesai", user=request.user, expected_status=berkas.status
                )
                messages.success(request, f"{what} {berkas.nomor_registrasi} disimpan dan dikirim {sent_to}.")
                return redirect("kotak-masuk")
        except BerkasError as exc:
            status, error = exc.http_status, exc.message
            for name, problems in exc.fields.items():
                for p in problems:
                    if form is not None and name in form.fields:
                        form.add_error(name, p)
                    else:
                        messages.error(request, p)
        else:
            messages.success(request, f"{what} {berkas.nomor_registrasi} disimpan.")
            return redirect(request.path)
    return render(request, template, {**context, "berkas": berkas, "error": error}, status=status)


@login_required
def entri_kk(request: HttpRequest, nomor: str) -> HttpResponse:
    """Operator SIAK enters the family; 'Simpan dan kirim ke Kasi' also completes the entry."""
    berkas = _berkas(request, nomor)
    permohonan = get_object_or_404(PermohonanKK, berkas=berkas)
    refused = _entry_refused(request, berkas, "data KK")
    if refused:
        return refused
    if request.method == "GET" and permohonan_kk_refresh(berkas_id=berkas.pk):
        permohonan.refresh_from_db()
    staged = list(permohonan.anggota.order_by("urutan"))
    anggota_initial = [{f: getattr(a, f) for f in ANGGOTA_FIELDS} for a in staged]
    form = PermohonanKKForm(request.POST or None, instance=permohonan)
    kind = kk_kind_of(permohonan)
    new_number = kind.new_number
    if not new_number:
        del form.fields["kode_wilayah"]
    formset = AnggotaFormSet(request.POST or None, prefix="anggota", initial=anggota_initial)
    datang_form = (
        kind.datang_form(request.POST or None, initial=permohonan.data, prefix="datang") if kind.datang_form else None
    )
    kurang = kind.takes_alasan
    registered = active_members(permohonan.keluarga) if permohonan.keluarga_id else []
    save = None
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        if datang_form is None or datang_form.is_valid():
            anggota = [
                _anggota(f.cleaned_data) for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            save = partial(
                permohonan_kk_update,
                berkas_id=berkas.pk,
                user=request.user,
                data=form.cleaned_data,
                anggota=anggota,
                pengurangan={p.nik: request.POST.get(f"kurang-{p.nik}", "") for p in registered} if kurang else None,
                biometrik=set(request.POST.getlist("biometrik")),
                datang=datang_form.cleaned_data if datang_form is not None else None,
            )
    return _entry_page(
        request,
        berkas,
        "pendaftaran/entri_kk.html",
        {
            "form": form,
            "formset": formset,
            "permohonan": permohonan,
            "datang_form": datang_form,
            "kurang": kurang,
            "registered": registered,
            "alasan_choices": AlasanPengurangan.choices,
            "biometrik": kind.biometrik,
            "biometrik_rows": biometric_candidates(permohonan, staged),
            "new_number": new_number,
        },
        save,
        "Data KK",
        "ke Kasi untuk verifikasi",
    )


@login_required
def entri(request: HttpRequest, nomor: str) -> HttpResponse:
    """Operator entry for KTP-el, KIA, pindah and SKTT: the variant's own form."""
    berkas = _berkas(request, nomor)
    permohonan = get_object_or_404(
        PermohonanPenduduk.objects.select_related("penduduk__keluarga", "keluarga"), berkas=berkas
    )
    refused = _entry_refused(request, berkas, "data")
    if refused:
        return refused
    kind = kind_of(permohonan)
    form = entry_form(permohonan, request.POST or None)
    members = kind.family_members(permohonan)
    chosen = request.POST.getlist("nik_anggota") if request.method == "POST" else permohonan.nik_anggota
    save = None
    if request.method == "POST" and form.is_valid():
        save = partial(
            permohonan_update, berkas_id=berkas.pk, user=request.user, data=form.as_data(), nik_anggota=chosen
        )
    context = {"permohonan": permohonan, "kind": kind, "form": form, "members": members, "chosen": set(chosen)}
    return _entry_page(
        request, berkas, "pendaftaran/entri.html", context, save, "Data", "untuk diproses lebih lanjut", form
    )


@login_required
def blangko(request: HttpRequest) -> HttpResponse:
    """Blank card stock: deliveries (waiting berkas are then printed as stock allows), the serial of
    each printed card's blank, spoiled blanks, and the report per month."""
    if not can(request.user, Aksi.BLANGKO):
        return render(request, "dukcapil/error.html", {"message": "Halaman ini untuk operator SIAK."}, status=403)
    aksi = request.POST.get("aksi", "terima") if request.method == "POST" else ""
    form = BlangkoForm(request.POST if aksi == "terima" else None)
    rusak_form = BlangkoRusakForm(request.POST if aksi == "rusak" else None)
    seri_form = SeriBlangkoForm(request.POST if aksi == "seri" else None)
    bound = {"terima": form, "rusak": rusak_form, "seri": seri_form}.get(aksi)
    status = 200
    if bound is not None:
        if bound.is_valid():
            try:
                done = _blangko_action(request, aksi, bound.cleaned_data)
            except BerkasError as exc:
                messages.error(request, exc.message)
                status = exc.http_status
                for name, problems in exc.fields.items():
                    for p in problems if name in bound.fields else ():
                        bound.add_error(name, p)
            else:
                messages.success(request, done)
                return redirect("pendaftaran:blangko")
        else:
            status = 400
            messages.error(request, "Periksa kembali isian yang ditandai.")
    waiting = Paginator(
        selectors.berkas_visible_to(request.user)
        .filter(status=Status.MENUNGGU_BLANGKO)
        .select_related("layanan")
        .order_by("status_sejak", "pk"),
        MENUNGGU_PER_HALAMAN,
    ).get_page(request.GET.get("halaman"))
    return render(
        request,
        "pendaftaran/blangko.html",
        {
            "form": form,
            "rusak_form": rusak_form,
            "seri_form": seri_form,
            "seri_mutasi": seri_form["mutasi"].value() if aksi == "seri" else None,
            "stok": blangko_summary(),
            "laporan": blangko_report(),
            "tanpa_seri": kartu_tanpa_seri()[:50],
            "waiting": waiting,
            "mutasi": MutasiBlangko.objects.select_related("berkas", "pelaku")[:30],
        },
        status=status,
    )


def _blangko_action(request: HttpRequest, aksi: str, data: dict) -> str:
    """Run one action of the blangko page through its service; the success message."""
    if aksi == "seri":
        row = blangko_seri_catat(user=request.user, mutasi_id=data["mutasi"], nomor_seri=data["nomor_seri"])
        return f"Nomor seri blangko {row.nomor_seri} dicatat untuk kartu berkas {row.berkas.nomor_registrasi}."
    if aksi == "rusak":
        row = blangko_rusak_catat(user=request.user, **data)
        return f"Blangko rusak {row.nomor_seri} dicatat; sisa stok {row.sisa}."
    printed = blangko_receive(user=request.user, **data)
    return (
        f"{data['jumlah']} blangko dicatat; {len(printed)} berkas yang menunggu blangko kini dicetak dan siap diambil."
    )


@login_required
def register(request: HttpRequest) -> HttpResponse:
    """Staff lookup in the population register by NIK or nomor KK (POST, so neither lands in a URL).

    For the roles holding LIHAT_REGISTER in the Pendaftaran bidang (or office-wide); every person
    shown is written to the access log."""
    if not can_in_bidang(request.user, Aksi.LIHAT_REGISTER, REGISTER_BIDANG):
        return render(
            request,
            "dukcapil/error.html",
            {"message": "Database kependudukan hanya untuk petugas bidang Pendaftaran Penduduk yang berwenang."},
            status=403,
        )
    query = (request.POST.get("q") or "").strip()
    keluarga = person = None
    if query:
        person = Penduduk.objects.select_related("keluarga").filter(nik=query).first()
        keluarga = person.keluarga if person else Keluarga.objects.filter(nomor_kk=query).first()
        if person is None and keluarga is None:
            messages.error(request, "NIK atau nomor KK tidak ditemukan dalam database kependudukan.")
    anggota = list(keluarga.anggota.order_by("status", "urutan")) if keluarga else []
    riwayat = list(register_history(person)[:50]) if person else []
    if keluarga or person:
        konteks = f"pencarian nomor KK {keluarga.nomor_kk}" if person is None else "pencarian NIK"
        shown = [a.nik for a in anggota] + ([person.nik] if person else [])
        access_log_record(
            request=request, niks=shown, halaman=AksesDataPribadi.Halaman.DATABASE_PENDUDUK, konteks=konteks
        )
    return render(
        request,
        "pendaftaran/register.html",
        {"query": query, "person": person, "keluarga": keluarga, "anggota": anggota, "riwayat": riwayat},
    )


@login_required
def perekaman(request: HttpRequest) -> HttpResponse:
    """The perekaman room's day: who is scheduled (``?tanggal=YYYY-MM-DD``, today by default), add
    one by NIK with a time slot, mark a slot done (writes the register) or absent."""
    if not may_record(request.user):
        return render(
            request,
            "dukcapil/error.html",
            {"message": "Jadwal perekaman KTP-el untuk operator SIAK bidang Pendaftaran Penduduk dan ADB."},
            status=403,
        )
    raw = request.GET.get("tanggal") or request.POST.get("tanggal") or ""
    try:
        tanggal = date.fromisoformat(raw) if raw else timezone.localdate()
    except ValueError:
        tanggal = timezone.localdate()
        messages.error(request, "Tanggal tidak dikenali; ditampilkan jadwal hari ini.")
    here = f"{reverse('pendaftaran:perekaman')}?tanggal={tanggal.isoformat()}"
    form = JadwalPerekamanForm(request.POST if request.POST.get("aksi") == "jadwalkan" else None)
    status = 200
    if request.method == "POST":
        aksi = request.POST.get("aksi")
        try:
            if aksi == "jadwalkan":
                if not form.is_valid():
                    raise _FormInvalid
                jadwal = perekaman_jadwalkan(user=request.user, tanggal=tanggal, **form.cleaned_data)
                messages.success(
                    request,
                    f"{jadwal.penduduk.nama} dijadwalkan perekaman pukul {jadwal.jam:%H:%M} di {jadwal.lokasi}.",
                )
            elif aksi in ("selesai", "tidak-hadir"):
                action = perekaman_selesai if aksi == "selesai" else perekaman_tidak_hadir
                jadwal = action(user=request.user, jadwal_id=int(request.POST.get("jadwal") or 0))
                messages.success(request, f"Perekaman {jadwal.penduduk.nama}: {jadwal.get_status_display().lower()}.")
            else:
                return redirect(here)
        except _FormInvalid:
            status = 400
        except BerkasError as exc:
            status = exc.http_status
            for name, problems in exc.fields.items():
                if name in form.fields and form.is_bound:
                    for p in problems:
                        form.add_error(name, p)
            messages.error(request, exc.message)
        else:
            return redirect(here)
    jadwal = list(jadwal_hari(request.user, tanggal))
    # every person on the schedule is shown by name and NIK: one bulk insert into the access log
    access_log_record(
        request=request,
        niks=[j.penduduk.nik for j in jadwal],
        halaman=AksesDataPribadi.Halaman.DATABASE_PENDUDUK,
        konteks=f"jadwal perekaman KTP-el {tanggal:%d-%m-%Y}",
    )
    return render(
        request, "pendaftaran/perekaman.html", {"tanggal": tanggal, "jadwal": jadwal, "form": form}, status=status
    )


class _FormInvalid(Exception):
    """The schedule form has field errors: shown on the form (400)."""
