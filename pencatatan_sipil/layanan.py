"""The sixteen civil-registration services: one data model (PermohonanAkta), one flow, varied by service.

A variant (Varian) says which register akta it draws up (kelahiran, kematian, …), which existing
akta it acts on (the rujukan: the marriage a divorce ends, the birth a name change is noted on),
which catatan pinggir it writes there, which documents the Kadis signs and what it changes in the
population register. Register entries, nomor akta, catatan pinggir and register effects are all
written once, at the approval that sends the berkas to the Kadis (apply_effects), in that
transaction; a retry or a send-back and re-approval updates them instead of adding more.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from dukcapil.choices import Status
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import Berkas, Dokumen, Kantor, User
from dukcapil.registry import DocumentSpec
from dukcapil.services import next_serial, run_transition
from dukcapil.workflow.permissions import Aksi, can
from pendaftaran.choices import Hubungan, StatusPenduduk, StatusPerkawinan
from pendaftaran.models import Keluarga, Penduduk, usia
from pendaftaran.register import next_nik, penduduk_by_nik

from . import forms as f
from .choices import KODE_AKTA, JenisAkta, JenisCatatan, JenisPermohonanAkta, KasusKewarganegaraan, StatusAkta
from .models import Akta, CatatanPinggir, Kutipan, PermohonanAkta

J = JenisPermohonanAkta
ENTRY_STATUSES = (Status.DITERIMA, Status.PERBAIKAN)
# UU 24/2013 art. 27: a birth is reported within 60 days; later is recorded as late.
BATAS_PELAPORAN_KELAHIRAN = 60


@dataclass(frozen=True)
class Varian:
    kode: str
    form: type
    akta_baru: str | None = None  # JenisAkta this service draws up
    rujukan: tuple[str, ...] = ()  # JenisAkta of the akta it acts on
    rujukan_wajib: bool = True
    rujukan_label: str = "Nomor akta yang dimohonkan"
    catatan: str | None = None  # JenisCatatan written on the rujukan akta
    kutipan_rujukan: bool = False  # reprints the rujukan akta's kutipan (with its catatan pinggir)
    pembatalan: bool = False  # surat keputusan pembatalan; the rujukan akta becomes void
    mencabut_kutipan: bool = False  # the old kutipan is revoked (dicabut), not just replaced

    @property
    def label(self) -> str:
        return JenisPermohonanAkta(self.kode).label


_ALL = tuple(JenisAkta.values)


def _pembatalan(kode: str, rujukan: tuple[str, ...], label: str) -> Varian:
    """P.5.6: the akta becomes void, its kutipan revoked, an SK pembatalan issued."""
    return Varian(
        kode,
        f.PembatalanForm,
        rujukan=rujukan,
        rujukan_label=label,
        catatan=JenisCatatan.PEMBATALAN,
        pembatalan=True,
        mencabut_kutipan=True,
    )


VARIAN: dict[str, Varian] = {
    v.kode: v
    for v in [
        Varian(J.KELAHIRAN, f.KelahiranForm, akta_baru=JenisAkta.KELAHIRAN),
        Varian(J.LAHIR_MATI, f.LahirMatiForm, akta_baru=JenisAkta.LAHIR_MATI),
        Varian(J.KEMATIAN, f.KematianForm, akta_baru=JenisAkta.KEMATIAN),
        Varian(J.PERKAWINAN, f.PerkawinanForm, akta_baru=JenisAkta.PERKAWINAN),
        Varian(
            J.PERCERAIAN,
            f.PerceraianForm,
            akta_baru=JenisAkta.PERCERAIAN,
            rujukan=(JenisAkta.PERKAWINAN,),
            rujukan_wajib=False,
            rujukan_label="Nomor akta perkawinan (bila dicatat di kantor ini)",
            catatan=JenisCatatan.PERCERAIAN,
        ),
        Varian(
            J.KEWARGANEGARAAN,
            f.KewarganegaraanForm,
            rujukan=_ALL,
            catatan=JenisCatatan.KEWARGANEGARAAN,
            kutipan_rujukan=True,
        ),
        Varian(
            J.PERISTIWA_LAIN,
            f.PeristiwaLainForm,
            rujukan=_ALL,
            catatan=JenisCatatan.PERISTIWA_LAIN,
            kutipan_rujukan=True,
        ),
        Varian(
            J.PEMBETULAN,
            f.PembetulanForm,
            rujukan=_ALL,
            catatan=JenisCatatan.PEMBETULAN,
            kutipan_rujukan=True,
            mencabut_kutipan=True,
        ),
        Varian(
            J.PERUBAHAN_NAMA,
            f.PerubahanNamaForm,
            rujukan=(JenisAkta.KELAHIRAN,),
            rujukan_label="Nomor akta kelahiran",
            catatan=JenisCatatan.PERUBAHAN_NAMA,
            kutipan_rujukan=True,
        ),
        _pembatalan(J.BATAL_KAWIN, (JenisAkta.PERKAWINAN,), "Nomor akta perkawinan yang dibatalkan"),
        _pembatalan(J.BATAL_CERAI, (JenisAkta.PERCERAIAN,), "Nomor akta perceraian yang dibatalkan"),
        _pembatalan(J.BATAL_AKTA, _ALL, "Nomor akta yang dibatalkan"),
        Varian(
            J.PENGANGKATAN,
            f.PengangkatanForm,
            rujukan=(JenisAkta.KELAHIRAN,),
            rujukan_label="Nomor akta kelahiran anak",
            catatan=JenisCatatan.PENGANGKATAN,
            kutipan_rujukan=True,
        ),
        Varian(
            J.PENGAKUAN,
            f.PengakuanForm,
            akta_baru=JenisAkta.PENGAKUAN,
            rujukan=(JenisAkta.KELAHIRAN,),
            rujukan_label="Nomor akta kelahiran anak",
            catatan=JenisCatatan.PENGAKUAN,
            kutipan_rujukan=True,
        ),
        Varian(
            J.PENGESAHAN,
            f.PengesahanForm,
            akta_baru=JenisAkta.PENGESAHAN,
            rujukan=(JenisAkta.KELAHIRAN,),
            rujukan_label="Nomor akta kelahiran anak",
            catatan=JenisCatatan.PENGESAHAN,
            kutipan_rujukan=True,
        ),
        Varian(
            J.KUTIPAN_KEDUA,
            f.KutipanKeduaForm,
            rujukan=_ALL,
            catatan=JenisCatatan.KUTIPAN_KEDUA,
            kutipan_rujukan=True,
        ),
    ]
}

# layanan kode (catalogue) → variant
VARIAN_LAYANAN = {
    "akta-kelahiran": J.KELAHIRAN,
    "lahir-mati": J.LAHIR_MATI,
    "akta-kematian": J.KEMATIAN,
    "akta-perkawinan": J.PERKAWINAN,
    "akta-perceraian": J.PERCERAIAN,
    "perubahan-kewarganegaraan": J.KEWARGANEGARAAN,
    "peristiwa-penting-lainnya": J.PERISTIWA_LAIN,
    "pembetulan-akta": J.PEMBETULAN,
    "perubahan-nama": J.PERUBAHAN_NAMA,
    "pembatalan-perkawinan": J.BATAL_KAWIN,
    "pembatalan-perceraian": J.BATAL_CERAI,
    "pembatalan-akta": J.BATAL_AKTA,
    "pengangkatan-anak": J.PENGANGKATAN,
    "pengakuan-anak": J.PENGAKUAN,
    "pengesahan-anak": J.PENGESAHAN,
    "kutipan-kedua": J.KUTIPAN_KEDUA,
}

# Elements a pembetulan may correct, per jenis akta: (key in Akta.data, label, Penduduk field or "").
ELEMEN = {
    JenisAkta.KELAHIRAN: [
        ("nama", "Nama anak", "nama"),
        ("tempat_lahir", "Tempat lahir", "tempat_lahir"),
        ("nama_ayah", "Nama ayah", "nama_ayah"),
        ("nama_ibu", "Nama ibu", "nama_ibu"),
    ],
    JenisAkta.KEMATIAN: [("nama", "Nama", ""), ("tempat_kematian", "Tempat kematian", "")],
    JenisAkta.PERKAWINAN: [
        ("nama_suami", "Nama suami", ""),
        ("nama_istri", "Nama istri", ""),
        ("tempat_perkawinan", "Tempat perkawinan", ""),
        ("pemuka_agama", "Nama pemuka agama", ""),
    ],
    JenisAkta.PERCERAIAN: [("nama_suami", "Nama suami", ""), ("nama_istri", "Nama istri", "")],
    JenisAkta.LAHIR_MATI: [("nama_ibu", "Nama ibu", ""), ("nama_ayah", "Nama ayah", "")],
    JenisAkta.PENGAKUAN: [("nama", "Nama anak", ""), ("nama_ayah", "Nama ayah", "")],
    JenisAkta.PENGESAHAN: [("nama", "Nama anak", ""), ("nama_ayah", "Nama ayah", ""), ("nama_ibu", "Nama ibu", "")],
}


def varian_for(permohonan: PermohonanAkta) -> Varian:
    return VARIAN[permohonan.jenis]


def kantor_penerbit_nama() -> str:
    kantor = Kantor.objects.filter(aktif=True).first()
    return (
        f"Dukcapil {kantor.kabupaten_kota}" if kantor and kantor.kabupaten_kota else settings.OFFICE["kabupaten_kota"]
    )


def akta_by_nomor(nomor: str, jenis: tuple[str, ...], field: str = "nomor_akta_rujukan") -> Akta:
    akta = Akta.objects.filter(nomor=nomor.strip().upper()).first()
    if akta is None:
        _fail(
            field,
            f"Akta nomor {nomor} tidak ada dalam register akta kantor ini. Bila diterbitkan Dukcapil lain, "
            "ajukan kutipan kedua dengan nama Dukcapil penerbit.",
        )
    if akta.jenis not in jenis:
        allowed = ", ".join(JenisAkta(j).label for j in jenis)
        _fail(field, f"Akta {akta.nomor} adalah {akta.get_jenis_display()}; layanan ini untuk {allowed}.")
    if akta.status == StatusAkta.BATAL:
        _fail(field, f"Akta {akta.nomor} sudah dibatalkan.")
    return akta


def _person(nik: str, field: str) -> Penduduk:
    """An active resident of the register (pendaftaran.register.penduduk_by_nik plus the status check)."""
    person = penduduk_by_nik((nik or "").strip(), field=field)
    if person.status != StatusPenduduk.AKTIF:
        _fail(field, f"NIK {nik} berstatus «{person.get_status_display()}» dalam database kependudukan.")
    return person


# --- counter ---------------------------------------------------------------------------------


def permohonan_create(
    *,
    berkas: Berkas,
    layanan_kode: str | None = None,
    nomor_akta_rujukan: str = "",
    kantor_penerbit: str = "",
    kondisi: list[str] | None = None,
) -> PermohonanAkta:
    """At the counter: which service, the akta it concerns, and the conditions stated."""
    kode = VARIAN_LAYANAN.get(layanan_kode or berkas.layanan.kode)
    if kode is None:
        raise BerkasInvalid("Layanan ini belum dapat diproses.")
    varian = VARIAN[kode]
    permohonan = PermohonanAkta(berkas=berkas, jenis=kode, kondisi=list(kondisi or []))
    nomor = (nomor_akta_rujukan or "").strip().upper()
    kantor_penerbit = (kantor_penerbit or "").strip().upper() if kode == J.KUTIPAN_KEDUA else ""
    if varian.rujukan and varian.rujukan_wajib and not nomor:
        raise BerkasInvalid(
            f"{varian.rujukan_label} wajib diisi.", fields={"nomor_akta_rujukan": ["Nomor akta wajib diisi."]}
        )
    if nomor:
        permohonan.nomor_akta_rujukan = nomor
        if kantor_penerbit:
            if Akta.objects.filter(nomor=nomor, kantor_lain=False).exists():
                raise BerkasInvalid(
                    f"Akta {nomor} diterbitkan kantor ini; kosongkan Dukcapil penerbit.",
                    fields={"kantor_penerbit": ["Akta ini terbitan kantor ini."]},
                )
            permohonan.kantor_penerbit = kantor_penerbit
            # an akta transcribed earlier from that office is used again
            permohonan.akta_rujukan = Akta.objects.filter(nomor=nomor, kantor_lain=True).first()
        else:
            permohonan.akta_rujukan = akta_by_nomor(nomor, varian.rujukan)
    permohonan.save()
    return permohonan


def persyaratan_facts(berkas: Berkas) -> dict:
    permohonan = PermohonanAkta.objects.get(berkas=berkas)
    return {"usia": None, "kata": set(permohonan.kondisi)}


def needs_confirmation(berkas: Berkas) -> bool:
    permohonan = PermohonanAkta.objects.get(berkas=berkas)
    return permohonan.menunggu_konfirmasi


def konfirmasi_record(*, berkas_id: int, user: User, nomor: str, tanggal: date) -> PermohonanAkta:
    """P.5.8 step 6: the issuing office confirmed the kutipan is valid; entry may start."""
    with transaction.atomic():
        berkas = Berkas.objects.select_for_update().select_related("layanan").get(pk=berkas_id)
        if not (can(user, Aksi.ENTRI, berkas.bidang_id)):
            raise BerkasForbidden("Hanya operator SIAK bidang ini yang mencatat konfirmasi keabsahan.")
        if berkas.status != Status.MENUNGGU_KONFIRMASI:
            raise BerkasConflict(
                f"Berkas berstatus «{berkas.get_status_display()}»; tidak sedang menunggu konfirmasi keabsahan."
            )
        permohonan = PermohonanAkta.objects.select_for_update().get(berkas=berkas)
        permohonan.konfirmasi_nomor = nomor.strip()
        permohonan.konfirmasi_tanggal = tanggal
        permohonan.konfirmasi_dicatat_oleh = user
        permohonan._history_user = user
        permohonan.save()
        run_transition(
            berkas,
            "confirm_validity",
            user,
            f"Keabsahan akta {permohonan.nomor_akta_rujukan} dikonfirmasi {permohonan.kantor_penerbit} "
            f"(surat {permohonan.konfirmasi_nomor}).",
        )
    return permohonan


# --- operator entry ----------------------------------------------------------------------------


def entry_form(permohonan: PermohonanAkta, data=None):
    varian = varian_for(permohonan)
    initial = dict(permohonan.data)
    if varian.kode == J.PEMBETULAN:
        jenis = permohonan.akta_rujukan.jenis if permohonan.akta_rujukan_id else JenisAkta.KELAHIRAN
        return f.PembetulanForm(data, initial=initial, elemen_choices=[(k, label) for k, label, _ in ELEMEN[jenis]])
    if varian.kode == J.KUTIPAN_KEDUA and permohonan.kantor_penerbit and permohonan.akta_rujukan_id is None:
        return f.KutipanKeduaLainForm(data, initial=initial)
    return varian.form(data, initial=initial)


def _check_entry(user: User, berkas: Berkas) -> None:
    if not (can(user, Aksi.ENTRI, berkas.bidang_id)):
        raise BerkasForbidden("Hanya operator SIAK bidang ini yang dapat mengentri data berkas.")
    if berkas.status not in ENTRY_STATUSES:
        raise BerkasConflict(
            f"Berkas berstatus «{berkas.get_status_display()}»; data hanya dapat diubah saat berkas berada di operator."
        )


def permohonan_update(*, berkas_id: int, user: User, data: dict) -> PermohonanAkta:
    """Save what the operator entered (cleaned by the variant's form) after the register checks."""
    with transaction.atomic():
        berkas = Berkas.objects.select_for_update().get(pk=berkas_id)
        _check_entry(user, berkas)
        permohonan = (
            PermohonanAkta.objects.select_for_update(of=("self",)).select_related("akta_rujukan").get(berkas=berkas)
        )
        # keep what the approval recorded (the child's NIK, the SK number) across a re-entry
        kept = {k: v for k, v in permohonan.data.items() if k.startswith("_")}
        data = {**kept, **data, **_check_register(permohonan, data)}
        permohonan.data = data
        permohonan.terlambat = bool(data.get("_terlambat"))
        permohonan._history_user = user
        permohonan.save()
    return permohonan


def _fail(field: str, message: str) -> None:
    raise BerkasInvalid(message, fields={field: [message]})


def _check_register(permohonan: PermohonanAkta, data: dict) -> dict:
    """Register checks of the entry; returns names copied from the register (prefixed data)."""
    kode = permohonan.jenis
    extra: dict = {}
    reported = timezone.localtime(permohonan.berkas.dibuat_pada).date()
    if kode in (J.KELAHIRAN, J.LAHIR_MATI):
        ibu = _person(data["nik_ibu"], "nik_ibu")
        if ibu.jenis_kelamin != "P":
            _fail("nik_ibu", f"NIK {ibu.nik} bukan perempuan; periksa NIK ibu.")
        extra.update(nama_ibu=ibu.nama, agama=ibu.agama)
        if data.get("nik_ayah"):
            ayah = _person(data["nik_ayah"], "nik_ayah")
            if ayah.jenis_kelamin != "L":
                _fail("nik_ayah", f"NIK {ayah.nik} bukan laki-laki; periksa NIK ayah.")
            extra["nama_ayah"] = ayah.nama
        else:
            extra["nama_ayah"] = ""
    if kode == J.KELAHIRAN:
        lahir = date.fromisoformat(data["tanggal_lahir"])
        keluarga = Keluarga.objects.filter(nomor_kk=data["nomor_kk"], aktif=True).first()
        if keluarga is None:
            _fail("nomor_kk", f"KK {data['nomor_kk']} tidak ada atau tidak aktif dalam database kependudukan.")
        parents = {data["nik_ibu"], data.get("nik_ayah") or ""}
        if not keluarga.anggota.filter(nik__in=parents, status=StatusPenduduk.AKTIF).exists():
            _fail("nomor_kk", f"Ayah atau ibu tidak tercatat dalam KK {keluarga.nomor_kk}.")
        if data.get("nik_anak"):
            # already in the KK with a NIK (the usual case for an older child): the akta is added
            anak = _person(data["nik_anak"], "nik_anak")
            if anak.keluarga_id != keluarga.pk:
                _fail("nik_anak", f"NIK anak tidak tercatat dalam KK {keluarga.nomor_kk}.")
            if anak.tanggal_lahir != lahir or anak.jenis_kelamin != data["jenis_kelamin"]:
                _fail("tanggal_lahir", "Tanggal lahir atau jenis kelamin tidak sama dengan database kependudukan.")
            if anak.no_akta_kelahiran and anak.no_akta_kelahiran != (permohonan.data or {}).get("_nomor_akta"):
                _fail(
                    "nik_anak",
                    f"{anak.nama} sudah memiliki akta kelahiran {anak.no_akta_kelahiran}; ajukan kutipan kedua.",
                )
            extra["_nik_anak"] = anak.nik
        elif (
            Penduduk.objects.filter(
                keluarga=keluarga, nama=data["nama_anak"], tanggal_lahir=lahir, status=StatusPenduduk.AKTIF
            )
            .exclude(nik=(permohonan.data or {}).get("_nik_anak", ""))
            .exists()
        ):
            _fail("nama_anak", f"{data['nama_anak']} dengan tanggal lahir ini sudah tercatat dalam KK tersebut.")
        extra["_terlambat"] = (reported - lahir).days > BATAS_PELAPORAN_KELAHIRAN
        extra["_hari_pelaporan"] = (reported - lahir).days
    elif kode == J.KEMATIAN:
        person = _person(data["nik_jenazah"], "nik_jenazah")
        if date.fromisoformat(data["tanggal_kematian"]) < person.tanggal_lahir:
            _fail("tanggal_kematian", "Tanggal kematian sebelum tanggal lahir.")
        extra.update(
            nama=person.nama, jenis_kelamin=person.jenis_kelamin, tanggal_lahir=person.tanggal_lahir.isoformat()
        )
    elif kode == J.PERKAWINAN:
        if data["agama"] == "ISLAM":
            _fail("agama", "Perkawinan pasangan beragama Islam dicatat oleh KUA, bukan Dinas Dukcapil.")
        suami, istri = _person(data["nik_suami"], "nik_suami"), _person(data["nik_istri"], "nik_istri")
        if suami.jenis_kelamin != "L" or istri.jenis_kelamin != "P":
            _fail("nik_suami", "NIK suami harus laki-laki dan NIK istri perempuan.")
        tanggal = date.fromisoformat(data["tanggal_perkawinan"])
        for person, field in ((suami, "nik_suami"), (istri, "nik_istri")):
            if person.status_perkawinan == StatusPerkawinan.KAWIN and person.nik not in _spouses_of(permohonan):
                _fail(field, f"{person.nama} masih berstatus kawin dalam database kependudukan.")
            if usia(person.tanggal_lahir, tanggal) < 19:
                _fail(field, f"{person.nama} belum berusia 19 tahun; perlu dispensasi kawin dari pengadilan.")
        extra.update(nama_suami=suami.nama, nama_istri=istri.nama)
    elif kode == J.PERCERAIAN:
        suami, istri = _person(data["nik_suami"], "nik_suami"), _person(data["nik_istri"], "nik_istri")
        akta = permohonan.akta_rujukan
        if akta is not None and {akta.data.get("nik_suami"), akta.data.get("nik_istri")} != {suami.nik, istri.nik}:
            _fail("nik_suami", f"NIK suami dan istri tidak sama dengan akta perkawinan {akta.nomor}.")
        for person, field in ((suami, "nik_suami"), (istri, "nik_istri")):
            if person.status_perkawinan not in (StatusPerkawinan.KAWIN, StatusPerkawinan.CERAI_HIDUP):
                _fail(field, f"{person.nama} tidak berstatus kawin dalam database kependudukan.")
        if data["tanggal_inkracht"] < data["tanggal_putusan"]:
            _fail("tanggal_inkracht", "Tanggal berkekuatan hukum tetap tidak boleh sebelum tanggal putusan.")
        extra.update(nama_suami=suami.nama, nama_istri=istri.nama)
    elif kode in (J.PENGAKUAN, J.PENGESAHAN):
        ayah = _person(data["nik_ayah"], "nik_ayah")
        if ayah.jenis_kelamin != "L":
            _fail("nik_ayah", f"NIK {ayah.nik} bukan laki-laki.")
        akta = permohonan.akta_rujukan
        if kode == J.PENGAKUAN and akta.data.get("nama_ayah"):
            _fail("nik_ayah", f"Akta kelahiran {akta.nomor} sudah mencantumkan ayah; pengakuan tidak diperlukan.")
        extra["nama_ayah"] = ayah.nama
        if kode == J.PENGESAHAN:
            ibu = _person(data["nik_ibu"], "nik_ibu")
            if ibu.nama != akta.data.get("nama_ibu"):
                _fail("nik_ibu", f"Ibu tidak sama dengan ibu pada akta kelahiran {akta.nomor}.")
            extra["nama_ibu"] = ibu.nama
    elif kode == J.PEMBETULAN:
        akta = permohonan.akta_rujukan
        extra["isi_lama"] = str(akta.data.get(data["elemen"], ""))
        if extra["isi_lama"] == data["isi_baru"]:
            _fail("isi_baru", "Isi yang benar sama dengan isi akta sekarang; tidak ada yang dibetulkan.")
    elif kode == J.KEWARGANEGARAAN:
        kasus = data["kasus"]
        baru = data["kewarganegaraan_baru"].strip().upper()
        if kasus == KasusKewarganegaraan.WNA_KE_WNI and baru != "WNI":
            _fail("kewarganegaraan_baru", "Untuk perubahan WNA menjadi WNI, kewarganegaraan sekarang harus WNI.")
        if kasus == KasusKewarganegaraan.WNI_KE_WNA and baru == "WNI":
            _fail("kewarganegaraan_baru", "Isi nama negara kewarganegaraan yang baru.")
        extra["kewarganegaraan_baru"] = baru
    return extra


def _spouses_of(permohonan: PermohonanAkta) -> set[str]:
    """On a re-entry after approval the couple is already kawin by this berkas."""
    akta = Akta.objects.filter(berkas=permohonan.berkas, jenis=JenisAkta.PERKAWINAN).first()
    return {akta.data.get("nik_suami"), akta.data.get("nik_istri")} if akta else set()


def missing_data(berkas: Berkas) -> list[str]:
    permohonan = PermohonanAkta.objects.select_related("akta_rujukan").get(berkas=berkas)
    if permohonan.menunggu_konfirmasi:
        return ["konfirmasi keabsahan dari Dukcapil penerbit"]
    form = entry_form(permohonan, permohonan.data)
    return [str(form.fields[name].label) for name in form.errors if name in form.fields]


# --- approval: register akta, catatan pinggir, kutipan, population register ------------------


def next_nomor_akta(jenis: str, tanggal: date) -> tuple[str, int]:
    """Nomor akta: kode wilayah-KODE-DDMMYYYY-urut, the urut from the office's series for the jenis
    and year under a row lock, so two akta issued at once never share or reuse a number."""
    year = tanggal.year
    urutan = next_serial(f"AKTA-{settings.OFFICE['kode_wilayah']}-{jenis}-{year}")
    return f"{settings.OFFICE['kode_wilayah']}-{KODE_AKTA[jenis]}-{tanggal:%d%m%Y}-{urutan:04d}", urutan


def _save(row, user: User, **values) -> None:
    for key, value in values.items():
        setattr(row, key, value)
    row._history_user = user
    row.save()


def _draw_up(permohonan: PermohonanAkta, user: User, jenis: str, **values) -> Akta:
    """The berkas's register entry: created once with a new number; later calls update it."""
    akta = Akta.objects.select_for_update().filter(berkas=permohonan.berkas, jenis=jenis).first()
    if akta is None:
        today = timezone.localdate()
        nomor, urutan = next_nomor_akta(jenis, today)
        akta = Akta(berkas=permohonan.berkas, jenis=jenis, nomor=nomor, urutan=urutan, tahun=today.year)
        values["kantor"] = kantor_penerbit_nama()
    _save(akta, user, **values)
    return akta


def _note(permohonan: PermohonanAkta, akta: Akta, jenis: str, isi: str) -> CatatanPinggir:
    catatan = CatatanPinggir.objects.filter(akta=akta, berkas=permohonan.berkas).first() or CatatanPinggir(
        akta=akta, berkas=permohonan.berkas
    )
    catatan.jenis, catatan.isi = jenis, isi
    catatan._history_user = None
    catatan.save()
    return catatan


def _kutipan(permohonan: PermohonanAkta, akta: Akta) -> Kutipan:
    existing = Kutipan.objects.filter(akta=akta, berkas=permohonan.berkas).first()
    if existing:
        return existing
    last = Kutipan.objects.filter(akta=akta).order_by("-ke").values_list("ke", flat=True).first()
    return Kutipan.objects.create(akta=akta, berkas=permohonan.berkas, ke=(last or 0) + 1)


def _tgl(value: str | date) -> str:
    from dukcapil.documents import format_tanggal

    return format_tanggal(date.fromisoformat(value) if isinstance(value, str) else value)


def apply_effects(berkas: Berkas, user: User) -> None:
    """Approval: draw up / annotate the register akta and change the population register. Idempotent."""
    permohonan = (
        PermohonanAkta.objects.select_for_update(of=("self",)).select_related("akta_rujukan").get(berkas=berkas)
    )
    varian = varian_for(permohonan)
    d = permohonan.data
    kode = varian.kode
    new: Akta | None = None
    if kode == J.KELAHIRAN:
        new = _kelahiran(permohonan, user)
    elif kode == J.LAHIR_MATI:
        new = _draw_up(
            permohonan,
            user,
            JenisAkta.LAHIR_MATI,
            tanggal_peristiwa=date.fromisoformat(d["tanggal_peristiwa"]),
            tempat_peristiwa=d["tempat_peristiwa"].upper(),
            subjek_nama=f"LAHIR MATI DARI {d['nama_ibu']}",
            data={k: v for k, v in d.items() if not k.startswith("_")},
        )
    elif kode == J.KEMATIAN:
        new = _kematian(permohonan, user)
    elif kode == J.PERKAWINAN:
        new = _perkawinan(permohonan, user)
    elif kode == J.PERCERAIAN:
        new = _perceraian(permohonan, user)
    elif kode in (J.PENGAKUAN, J.PENGESAHAN):
        new = _pengakuan_pengesahan(permohonan, user)
    elif kode == J.KUTIPAN_KEDUA and permohonan.akta_rujukan_id is None:
        # another office's akta, confirmed valid: transcribed into this register as theirs
        permohonan.akta_rujukan = Akta.objects.create(
            jenis=d["jenis_akta"],
            nomor=permohonan.nomor_akta_rujukan,
            kantor=permohonan.kantor_penerbit,
            kantor_lain=True,
            tahun=date.fromisoformat(d["tanggal_peristiwa"]).year,
            tanggal_peristiwa=date.fromisoformat(d["tanggal_peristiwa"]),
            tempat_peristiwa=d["tempat_peristiwa"].upper(),
            subjek_nik=d.get("nik_subjek", ""),
            subjek_nama=d["nama_subjek"],
            data={"nama": d["nama_subjek"], "konfirmasi": permohonan.konfirmasi_nomor},
        )
    akta = permohonan.akta_rujukan
    if akta is not None and varian.catatan:
        _note(permohonan, akta, varian.catatan, _catatan_text(permohonan, new))
        _rujukan_effects(permohonan, akta, user)
    if new is not None:
        _kutipan(permohonan, new)
    if akta is not None and varian.kutipan_rujukan:
        _kutipan(permohonan, akta)
    if varian.pembatalan and not permohonan.data.get("_nomor_sk"):
        year = timezone.localdate().year
        serial = next_serial(f"SK-PEMBATALAN-{year}")
        permohonan.data = {
            **permohonan.data,
            "_nomor_sk": f"474/{serial:04d}/SK-BTL/{settings.OFFICE['kode_wilayah']}/{year}",
        }
    if permohonan.diterapkan_pada is None:
        permohonan.diterapkan_pada = timezone.now()
    permohonan._history_user = user
    permohonan.save()


def _kelahiran(permohonan: PermohonanAkta, user: User) -> Akta:
    d = permohonan.data
    lahir = date.fromisoformat(d["tanggal_lahir"])
    keluarga = Keluarga.objects.get(nomor_kk=d["nomor_kk"])
    child = Penduduk.objects.filter(nik=d["_nik_anak"]).first() if d.get("_nik_anak") else None
    if child is None:
        child = Penduduk(
            nik=next_nik(keluarga.nomor_kk[:6], lahir, d["jenis_kelamin"]),
            keluarga=keluarga,
            hubungan=Hubungan.ANAK,
            urutan=(keluarga.anggota.order_by("-urutan").values_list("urutan", flat=True).first() or 0) + 1,
            pendidikan="TIDAK/BELUM SEKOLAH",
            pekerjaan="BELUM/TIDAK BEKERJA",
            status_perkawinan=StatusPerkawinan.BELUM_KAWIN,
            kewarganegaraan="WNI",
            keterangan_status=f"Kelahiran dicatat dengan berkas {permohonan.berkas}",
        )
    akta = _draw_up(
        permohonan,
        user,
        JenisAkta.KELAHIRAN,
        tanggal_peristiwa=lahir,
        tempat_peristiwa=d["tempat_lahir"].upper(),
        subjek_nik=child.nik,
        subjek_nama=d["nama_anak"],
        terlambat=permohonan.terlambat,
        data={
            **{k: v for k, v in d.items() if not k.startswith("_")},
            "nama": d["nama_anak"],
            "nik": child.nik,
            "tempat_lahir": d["tempat_lahir"].upper(),
        },
    )
    _save(
        child,
        user,
        nama=d["nama_anak"],
        jenis_kelamin=d["jenis_kelamin"],
        tempat_lahir=d["tempat_lahir"].upper(),
        tanggal_lahir=lahir,
        agama=d["agama"],
        nama_ayah=d.get("nama_ayah") or "-",
        nama_ibu=d["nama_ibu"],
        no_akta_kelahiran=akta.nomor,
    )
    permohonan.data = {**d, "_nik_anak": child.nik, "_nomor_akta": akta.nomor}
    return akta


def _kematian(permohonan: PermohonanAkta, user: User) -> Akta:
    d = permohonan.data
    person = Penduduk.objects.select_related("keluarga").get(nik=d["nik_jenazah"])
    tanggal = date.fromisoformat(d["tanggal_kematian"])
    akta = _draw_up(
        permohonan,
        user,
        JenisAkta.KEMATIAN,
        tanggal_peristiwa=tanggal,
        tempat_peristiwa=d["tempat_kematian"].upper(),
        subjek_nik=person.nik,
        subjek_nama=person.nama,
        data={k: v for k, v in d.items() if not k.startswith("_")},
    )
    keluarga = person.keluarga or Keluarga.objects.filter(nomor_kk=d.get("_nomor_kk", "")).first()
    if person.status != StatusPenduduk.MENINGGAL:
        # the spouse becomes cerai mati
        if keluarga is not None and person.status_perkawinan == StatusPerkawinan.KAWIN:
            spouse_roles = {
                Hubungan.KEPALA_KELUARGA: (Hubungan.ISTRI, Hubungan.SUAMI),
                Hubungan.ISTRI: (Hubungan.KEPALA_KELUARGA, Hubungan.SUAMI),
                Hubungan.SUAMI: (Hubungan.KEPALA_KELUARGA, Hubungan.ISTRI),
            }.get(person.hubungan, ())
            for spouse in keluarga.anggota.filter(
                hubungan__in=spouse_roles, status=StatusPenduduk.AKTIF, status_perkawinan=StatusPerkawinan.KAWIN
            ).exclude(pk=person.pk)[:1]:
                _save(spouse, user, status_perkawinan=StatusPerkawinan.CERAI_MATI)
        permohonan.data = {**d, "_nomor_kk": keluarga.nomor_kk if keluarga else ""}
        _save(
            person,
            user,
            status=StatusPenduduk.MENINGGAL,
            keluarga=None,
            tanggal_kematian=tanggal,
            no_akta_kematian=akta.nomor,
            keterangan_status=f"Meninggal {_tgl(tanggal)}, akta kematian {akta.nomor}",
        )
        if keluarga is not None and not keluarga.anggota.filter(status=StatusPenduduk.AKTIF).exists():
            _save(keluarga, user, aktif=False)
    return akta


def _perkawinan(permohonan: PermohonanAkta, user: User) -> Akta:
    d = permohonan.data
    suami, istri = Penduduk.objects.get(nik=d["nik_suami"]), Penduduk.objects.get(nik=d["nik_istri"])
    tanggal = date.fromisoformat(d["tanggal_perkawinan"])
    existing = Akta.objects.filter(berkas=permohonan.berkas, jenis=JenisAkta.PERKAWINAN).first()
    before = (existing.data.get("_status_sebelum") if existing else None) or {
        suami.nik: suami.status_perkawinan,
        istri.nik: istri.status_perkawinan,
    }
    akta = _draw_up(
        permohonan,
        user,
        JenisAkta.PERKAWINAN,
        tanggal_peristiwa=tanggal,
        tempat_peristiwa=d["tempat_perkawinan"].upper(),
        subjek_nik=suami.nik,
        subjek_nama=f"{suami.nama} DAN {istri.nama}",
        data={**{k: v for k, v in d.items() if not k.startswith("_")}, "_status_sebelum": before},
    )
    for person in (suami, istri):
        _save(
            person,
            user,
            status_perkawinan=StatusPerkawinan.KAWIN,
            tanggal_perkawinan=tanggal,
            no_akta_perkawinan=akta.nomor,
        )
    return akta


def _perceraian(permohonan: PermohonanAkta, user: User) -> Akta:
    d = permohonan.data
    suami, istri = Penduduk.objects.get(nik=d["nik_suami"]), Penduduk.objects.get(nik=d["nik_istri"])
    akta = _draw_up(
        permohonan,
        user,
        JenisAkta.PERCERAIAN,
        tanggal_peristiwa=date.fromisoformat(d["tanggal_inkracht"]),
        tempat_peristiwa=d["pengadilan"].upper(),
        subjek_nik=suami.nik,
        subjek_nama=f"{suami.nama} DAN {istri.nama}",
        data={
            **{k: v for k, v in d.items() if not k.startswith("_")},
            "nomor_akta_perkawinan": permohonan.nomor_akta_rujukan,
        },
    )
    for person in (suami, istri):
        _save(person, user, status_perkawinan=StatusPerkawinan.CERAI_HIDUP, no_akta_perkawinan=akta.nomor)
    return akta


def _pengakuan_pengesahan(permohonan: PermohonanAkta, user: User) -> Akta:
    d = permohonan.data
    lahir = permohonan.akta_rujukan
    jenis = JenisAkta.PENGAKUAN if permohonan.jenis == J.PENGAKUAN else JenisAkta.PENGESAHAN
    tanggal = date.fromisoformat(d.get("tanggal_pengakuan") or d["tanggal_perkawinan"])
    akta = _draw_up(
        permohonan,
        user,
        jenis,
        tanggal_peristiwa=tanggal,
        tempat_peristiwa=lahir.tempat_peristiwa,
        subjek_nik=lahir.subjek_nik,
        subjek_nama=lahir.subjek_nama,
        data={
            **{k: v for k, v in d.items() if not k.startswith("_")},
            "nama": lahir.subjek_nama,
            "nama_ibu": lahir.data.get("nama_ibu", d.get("nama_ibu", "")),
            "nomor_akta_kelahiran": lahir.nomor,
        },
    )
    child = Penduduk.objects.filter(nik=lahir.subjek_nik).first() if lahir.subjek_nik else None
    if child is not None:
        _save(child, user, nama_ayah=d["nama_ayah"])
    return akta


def _catatan_text(permohonan: PermohonanAkta, new: Akta | None) -> str:
    d = permohonan.data
    kode = permohonan.jenis
    penetapan = (
        f"berdasarkan {d.get('pengadilan', '')} nomor {d.get('nomor_penetapan') or d.get('nomor_putusan', '')} "
        f"tanggal {_tgl(d.get('tanggal_penetapan') or d.get('tanggal_putusan'))}"
        if d.get("tanggal_penetapan") or d.get("tanggal_putusan")
        else ""
    )
    if kode == J.KEWARGANEGARAAN:
        kasus = KasusKewarganegaraan(d["kasus"]).label
        return f"{kasus}; kewarganegaraan sekarang {d['kewarganegaraan_baru']}, {penetapan}."
    if kode == J.PERISTIWA_LAIN:
        return f"{d['uraian']}, {penetapan}."
    if kode == J.PEMBETULAN:
        label = dict((k, lbl) for k, lbl, _ in ELEMEN[permohonan.akta_rujukan.jenis]).get(d["elemen"], d["elemen"])
        return f"{label} dibetulkan dari «{d['isi_lama']}» menjadi «{d['isi_baru']}» berdasarkan {d['dokumen_dasar']}."
    if kode == J.PERUBAHAN_NAMA:
        return f"Nama diubah menjadi {d['nama_baru']}, {penetapan}."
    if kode in (J.BATAL_KAWIN, J.BATAL_CERAI, J.BATAL_AKTA):
        return f"Akta ini dibatalkan {penetapan}. {d.get('amar', '')}".strip()
    if kode == J.PERCERAIAN:
        return f"Perkawinan ini putus karena perceraian, akta perceraian nomor {new.nomor}, {penetapan}."
    if kode == J.PENGANGKATAN:
        return f"Anak ini diangkat oleh {d['nama_ayah_angkat']} dan {d['nama_ibu_angkat']}, {penetapan}."
    if kode == J.PENGAKUAN:
        return f"Anak ini diakui oleh {d['nama_ayah']} sebagai ayahnya, akta pengakuan anak nomor {new.nomor}."
    if kode == J.PENGESAHAN:
        return (
            f"Anak ini disahkan sebagai anak {d['nama_ayah']} dan {d['nama_ibu']} karena perkawinan orang tuanya "
            f"tanggal {_tgl(d['tanggal_perkawinan'])}, akta pengesahan anak nomor {new.nomor}."
        )
    if kode == J.KUTIPAN_KEDUA:
        return f"Kutipan kedua diterbitkan tanggal {_tgl(timezone.localdate())} karena kutipan pertama {d['alasan']}."
    return ""


def _rujukan_effects(permohonan: PermohonanAkta, akta: Akta, user: User) -> None:
    """What a catatan pinggir changes in the register akta and the population register."""
    d = permohonan.data
    kode = permohonan.jenis
    subject = Penduduk.objects.filter(nik=akta.subjek_nik).first() if akta.subjek_nik else None
    if kode == J.PEMBETULAN:
        element = next(e for e in ELEMEN[akta.jenis] if e[0] == d["elemen"])
        akta_data = {**akta.data, d["elemen"]: d["isi_baru"]}
        values = {"data": akta_data}
        if d["elemen"] == "nama":
            values["subjek_nama"] = d["isi_baru"]
        _save(akta, user, **values)
        if subject is not None and element[2]:
            _save(subject, user, **{element[2]: d["isi_baru"]})
    elif kode == J.PERUBAHAN_NAMA and subject is not None:
        _save(subject, user, nama=d["nama_baru"])
    elif kode == J.KEWARGANEGARAAN and subject is not None:
        if d["kasus"] == KasusKewarganegaraan.WNA_KE_WNI:
            _save(subject, user, kewarganegaraan="WNI", negara="")
        elif d["kasus"] == KasusKewarganegaraan.WNI_KE_WNA:
            _save(subject, user, kewarganegaraan="WNA", negara=d["kewarganegaraan_baru"])
    elif kode in (J.BATAL_KAWIN, J.BATAL_CERAI, J.BATAL_AKTA):
        _save(akta, user, status=StatusAkta.BATAL)
        if akta.jenis == JenisAkta.PERKAWINAN:
            before = akta.data.get("_status_sebelum") or {}
            for nik in (akta.data.get("nik_suami"), akta.data.get("nik_istri")):
                person = Penduduk.objects.filter(nik=nik).first()
                if person is not None and person.no_akta_perkawinan == akta.nomor:
                    _save(
                        person,
                        user,
                        status_perkawinan=before.get(nik, StatusPerkawinan.BELUM_KAWIN),
                        tanggal_perkawinan=None,
                        no_akta_perkawinan="",
                    )
        elif akta.jenis == JenisAkta.PERCERAIAN:
            for nik in (akta.data.get("nik_suami"), akta.data.get("nik_istri")):
                person = Penduduk.objects.filter(nik=nik).first()
                if person is not None and person.no_akta_perkawinan == akta.nomor:
                    _save(
                        person,
                        user,
                        status_perkawinan=StatusPerkawinan.KAWIN,
                        no_akta_perkawinan=akta.data.get("nomor_akta_perkawinan", ""),
                    )
        elif akta.jenis == JenisAkta.KELAHIRAN and subject is not None and subject.no_akta_kelahiran == akta.nomor:
            _save(subject, user, no_akta_kelahiran="")


# --- documents -------------------------------------------------------------------------------


def document_specs(berkas: Berkas) -> list[DocumentSpec]:
    from . import documents

    permohonan = PermohonanAkta.objects.select_related("akta_rujukan").get(berkas=berkas)
    varian = varian_for(permohonan)
    specs: list[DocumentSpec] = []
    new_jenis = varian.akta_baru
    if new_jenis:
        specs.append(documents.kutipan_spec(new_jenis, source="baru"))
        specs.append(documents.register_spec(new_jenis, source="baru"))
    # the akta acted on is known from the counter, or (kutipan kedua of another office) from approval
    rujukan_jenis = permohonan.akta_rujukan.jenis if permohonan.akta_rujukan_id else None
    if varian.pembatalan:
        specs.insert(0, documents.sk_pembatalan_spec())
    if varian.kutipan_rujukan and rujukan_jenis:
        specs.append(documents.kutipan_spec(rujukan_jenis, source="rujukan"))
    if varian.catatan and rujukan_jenis:
        specs.append(documents.register_spec(rujukan_jenis, source="rujukan"))
    return specs


def after_signed(berkas: Berkas, stored: dict[str, Dokumen], user: User) -> None:
    """Link the signed kutipan to their records; the older kutipan of the same akta become void:
    revoked (dicabut) by a pembetulan or pembatalan, replaced (diganti) otherwise."""
    from dukcapil.tte.services import dokumen_revoke

    permohonan = PermohonanAkta.objects.select_related("akta_rujukan").get(berkas=berkas)
    varian = varian_for(permohonan)
    for kutipan in Kutipan.objects.filter(berkas=berkas).select_related("akta"):
        dokumen = stored.get(f"kutipan-{kutipan.akta.jenis}")
        if dokumen is not None and kutipan.dokumen_id is None:
            kutipan.dokumen = dokumen
            kutipan.save(update_fields=["dokumen"])
    akta = permohonan.akta_rujukan
    if akta is None:
        return
    new_kutipan = stored.get(f"kutipan-{akta.jenis}")
    older = Dokumen.objects.filter(
        jenis=f"kutipan-{akta.jenis}", nomor=akta.nomor, status=Dokumen.Status.BERLAKU
    ).exclude(berkas=berkas)
    for old in older:
        if varian.mencabut_kutipan:
            reason = (
                f"Dicabut karena {varian.label.lower()} dengan berkas {berkas.nomor_registrasi} "
                f"tanggal {_tgl(timezone.localdate())}."
            )
            dokumen_revoke(dokumen=old, reason=reason, user=user)
        elif new_kutipan is not None:
            dokumen_revoke(
                dokumen=old,
                reason=f"Diganti kutipan baru berkas {berkas.nomor_registrasi}.",
                replaced_by=new_kutipan,
                user=user,
            )
