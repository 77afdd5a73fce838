"""KTP-el, KIA, pindah and SKTT: one data model (PermohonanPenduduk) and one flow, varied by service.

Each layanan offers one or more variants (Varian). A variant says whom the berkas concerns, which
entry fields the operator fills, which words decide its conditional persyaratan, which document
it produces and what it changes in the register once approved.
"""

from dataclasses import dataclass, field
from datetime import date

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dukcapil.choices import Status
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.forms import DATE_WIDGET
from dukcapil.models import Berkas, Dokumen, User
from dukcapil.nik import clean_nik, nik_mismatches
from dukcapil.services import next_serial
from dukcapil.workflow.permissions import Aksi, can

from .choices import Agama, GolonganDarah, Pendidikan, StatusPenduduk, StatusPerkawinan
from .models import Penduduk, PermohonanPenduduk, usia
from .register import penduduk_by_nik, register_change, register_create_person, snapshot

ENTRY_STATUSES = (Status.DITERIMA, Status.PERBAIKAN)


# --- entry forms (operator) --------------------------------------------------------------------


class _Form(forms.Form):
    def as_data(self) -> dict:
        return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in self.cleaned_data.items()}


class CetakForm(_Form):
    catatan_cek_data = forms.CharField(
        label="Hasil cek data SIAK, perekaman dan riwayat pencetakan", max_length=300, required=True
    )


class HilangForm(CetakForm):
    nomor_surat_kehilangan = forms.CharField(label="Nomor surat keterangan hilang (kepolisian)", max_length=60)


class PerubahanForm(CetakForm):
    pekerjaan = forms.CharField(label="Jenis pekerjaan", max_length=100)
    status_perkawinan = forms.ChoiceField(label="Status perkawinan", choices=StatusPerkawinan.choices)
    agama = forms.ChoiceField(label="Agama", choices=Agama.choices)
    pendidikan = forms.ChoiceField(label="Pendidikan", choices=Pendidikan.choices)
    golongan_darah = forms.ChoiceField(label="Golongan darah", choices=GolonganDarah.choices, required=False)
    dokumen_dasar = forms.CharField(label="Dokumen dasar perubahan (nomor dan jenis)", max_length=120)


class WnaForm(CetakForm):
    negara = forms.CharField(label="Kewarganegaraan (negara)", max_length=60)
    no_paspor = forms.CharField(label="Nomor paspor", max_length=20)
    no_kitap = forms.CharField(label="Nomor KITAS/KITAP", max_length=30)
    izin_tinggal_hingga = forms.DateField(label="Izin tinggal berlaku hingga", widget=DATE_WIDGET)
    sponsor = forms.CharField(label="Sponsor/penjamin", max_length=150)


class WnaHilangForm(WnaForm):
    nomor_surat_kehilangan = forms.CharField(label="Nomor surat keterangan hilang (kepolisian)", max_length=60)


class PerekamanRumahForm(_Form):
    nomor_surat_kelurahan = forms.CharField(label="Nomor surat permohonan kelurahan", max_length=60)
    perekaman_tanggal = forms.DateField(label="Tanggal perekaman di tempat tinggal", widget=DATE_WIDGET)
    perekaman_lokasi = forms.CharField(label="Lokasi perekaman (alamat tempat tinggal)", max_length=200)
    petugas_perekaman = forms.CharField(label="Petugas perekaman", max_length=120)


class KiaForm(_Form):
    no_akta_kelahiran = forms.CharField(label="Nomor akta kelahiran", max_length=40)


class TujuanForm(_Form):
    alasan_pindah = forms.ChoiceField(
        label="Alasan pindah",
        choices=[(c, c) for c in ["PEKERJAAN", "PENDIDIKAN", "KEAMANAN", "KESEHATAN", "PERUMAHAN", "KELUARGA"]],
    )
    klasifikasi = forms.ChoiceField(
        label="Klasifikasi pindah",
        choices=[
            (c, c)
            for c in [
                "DALAM SATU DESA/KELURAHAN",
                "ANTAR DESA/KELURAHAN",
                "ANTAR KECAMATAN",
                "ANTAR KAB/KOTA",
                "ANTAR PROVINSI",
            ]
        ],
    )
    jenis_kepindahan = forms.ChoiceField(
        label="Jenis kepindahan",
        choices=[
            (c, c)
            for c in [
                "KEPALA KELUARGA",
                "KEPALA KELUARGA DAN SELURUH ANGGOTA KELUARGA",
                "KEPALA KELUARGA DAN SEBAGIAN ANGGOTA KELUARGA",
                "ANGGOTA KELUARGA",
            ]
        ],
    )
    tujuan_alamat = forms.CharField(label="Alamat tujuan", max_length=200)
    tujuan_rt = forms.CharField(label="RT", max_length=3)
    tujuan_rw = forms.CharField(label="RW", max_length=3)
    tujuan_desa = forms.CharField(label="Desa/kelurahan tujuan", max_length=100)
    tujuan_kecamatan = forms.CharField(label="Kecamatan tujuan", max_length=100)
    tujuan_kabupaten = forms.CharField(label="Kabupaten/kota tujuan", max_length=100)
    tujuan_provinsi = forms.CharField(label="Provinsi tujuan", max_length=100)
    tanggal_pindah = forms.DateField(label="Rencana tanggal pindah", widget=DATE_WIDGET)


class LuarNegeriForm(_Form):
    negara_tujuan = forms.CharField(label="Negara tujuan", max_length=60)
    alamat_luar_negeri = forms.CharField(label="Alamat di luar negeri", max_length=200)
    alasan_pindah = forms.CharField(label="Alasan pindah", max_length=100)
    no_paspor = forms.CharField(label="Nomor paspor", max_length=20)
    tanggal_pindah = forms.DateField(label="Rencana tanggal pindah", widget=DATE_WIDGET)


class RujukanForm(_Form):
    nomor_rujukan = forms.CharField(label="Nomor SKPWNI/SKPLN yang dirujuk", max_length=40)
    keterangan = forms.CharField(label="Keterangan", max_length=200)


class PerpanjanganForm(RujukanForm):
    berlaku_hingga = forms.DateField(label="Berlaku hingga (perpanjangan)", widget=DATE_WIDGET)


class SkttForm(WnaForm):
    nik = forms.CharField(label="NIK orang asing (dari SIAK)", max_length=16)
    nama = forms.CharField(label="Nama lengkap (sesuai paspor)", max_length=150)
    jenis_kelamin = forms.ChoiceField(label="Jenis kelamin", choices=[("L", "Laki-laki"), ("P", "Perempuan")])
    tempat_lahir = forms.CharField(label="Tempat lahir", max_length=100)
    tanggal_lahir = forms.DateField(label="Tanggal lahir", widget=DATE_WIDGET)
    agama = forms.ChoiceField(label="Agama", choices=Agama.choices)
    pekerjaan = forms.CharField(label="Pekerjaan", max_length=100)
    status_perkawinan = forms.ChoiceField(label="Status perkawinan", choices=StatusPerkawinan.choices)
    alamat = forms.CharField(label="Alamat tinggal di Indonesia", max_length=200)


class SkttHilangForm(CetakForm):
    nomor_surat_kehilangan = forms.CharField(label="Nomor surat keterangan hilang (kepolisian)", max_length=60)


# --- variants ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Varian:
    kode: str
    label: str
    dokumen: str  # Dokumen.jenis of the product
    form: type[_Form]
    kata: tuple[str, ...] = ()  # words that make conditional persyaratan apply
    subjek: str = "penduduk"  # "penduduk": the pemohon's NIK in the register; "keluarga": the pemohon's KK; "baru"
    wna: bool = False
    perlu_perekaman: bool = False
    rujukan: tuple[str, ...] = ()  # document kinds the berkas refers to by number
    butuh_anggota: bool = False  # operator picks which family members the berkas concerns
    extra: dict = field(default_factory=dict)


KTP = "ktp-el"
VARIAN = {
    v.kode: v
    for v in [
        Varian("ktp-el-baru", "Cetak KTP-el (pertama kali / penggantian)", KTP, CetakForm, perlu_perekaman=True),
        Varian("ktp-el-rusak", "KTP-el rusak", KTP, CetakForm, ("rusak",), perlu_perekaman=True),
        Varian("ktp-el-hilang", "KTP-el hilang", KTP, HilangForm, ("hilang",), perlu_perekaman=True),
        Varian(
            "ktp-el-perubahan", "KTP-el karena perubahan data", KTP, PerubahanForm, ("perubahan",), perlu_perekaman=True
        ),
        Varian("ktp-el-wna", "KTP-el orang asing", KTP, WnaForm, wna=True, perlu_perekaman=True),
        Varian("ktp-el-wna-hilang", "KTP-el orang asing hilang", KTP, WnaHilangForm, ("hilang",), wna=True),
        Varian("rentan-perekaman", "Perekaman dan cetak KTP-el di tempat tinggal", KTP, PerekamanRumahForm),
        Varian("kia", "Kartu Identitas Anak", "kia", KiaForm),
        Varian("skpwni", "Surat Keterangan Pindah WNI", "skpwni", TujuanForm, subjek="keluarga", butuh_anggota=True),
        Varian(
            "skpln",
            "Surat Keterangan Pindah ke Luar Negeri",
            "skpln",
            LuarNegeriForm,
            subjek="keluarga",
            butuh_anggota=True,
        ),
        Varian(
            "batal-pindah", "Surat Keterangan Batal Pindah", "batal-pindah", RujukanForm, rujukan=("skpwni", "skpln")
        ),
        Varian("skpwni-hilang", "SKPWNI pengganti (hilang)", "skpwni", RujukanForm, ("hilang",), rujukan=("skpwni",)),
        Varian("perpanjangan-skp", "Perpanjangan SKPWNI", "skpwni", PerpanjanganForm, rujukan=("skpwni",)),
        Varian("sktt", "Surat Keterangan Tempat Tinggal", "sktt", SkttForm, subjek="baru", wna=True),
        Varian("sktt-hilang", "SKTT pengganti (hilang)", "sktt", SkttHilangForm, ("hilang",), wna=True),
    ]
}

# Which variants each layanan offers at the counter (the first is the default).
VARIAN_LAYANAN = {
    "ktp-el": ["ktp-el-baru", "ktp-el-rusak", "ktp-el-hilang", "ktp-el-perubahan"],
    "ktp-el-cetak": ["ktp-el-baru"],
    "ktp-el-hilang-rusak": ["ktp-el-hilang", "ktp-el-rusak"],
    "ktp-el-perubahan-data": ["ktp-el-perubahan"],
    "ktp-el-wna": ["ktp-el-wna"],
    "ktp-el-wna-hilang": ["ktp-el-wna-hilang"],
    "penduduk-rentan-perekaman": ["rentan-perekaman"],
    "kia": ["kia"],
    "skpwni": ["skpwni"],
    "skpln": ["skpln"],
    "batal-pindah": ["batal-pindah"],
    "skpwni-hilang": ["skpwni-hilang"],
    "perpanjangan-skp": ["perpanjangan-skp"],
    "sktt": ["sktt"],
    "sktt-hilang": ["sktt-hilang"],
}

NOMOR_PREFIX = {"skpwni": "SKPWNI", "skpln": "SKPLN", "batal-pindah": "SKBP", "sktt": "SKTT"}


def varian_for(permohonan: PermohonanPenduduk) -> Varian:
    return VARIAN[permohonan.jenis]


# --- services ------------------------------------------------------------------------------


def permohonan_create(
    *, berkas: Berkas, jenis: str | None = None, layanan_kode: str | None = None
) -> PermohonanPenduduk:
    """At the counter: check the register's preconditions for this variant and open the permohonan.

    layanan_kode: the component layanan when the berkas is a bundle (paket)."""
    allowed = VARIAN_LAYANAN.get(layanan_kode or berkas.layanan.kode, [])
    if not allowed:
        raise BerkasInvalid("Layanan ini belum dapat diproses.")
    jenis = jenis if jenis in allowed else allowed[0]
    varian = VARIAN[jenis]
    permohonan = PermohonanPenduduk(berkas=berkas, jenis=jenis)
    if varian.subjek in ("penduduk", "keluarga"):
        person = penduduk_by_nik(berkas.pemohon_nik)
        # someone holding an SKPWNI has not left yet: they may still cancel, replace or extend it
        allowed = (StatusPenduduk.AKTIF,) + (
            (StatusPenduduk.PINDAH, StatusPenduduk.PINDAH_LN) if varian.rujukan else ()
        )
        if person.status not in allowed:
            raise BerkasInvalid(
                f"NIK pemohon berstatus «{person.get_status_display()}» dalam database kependudukan.",
                fields={"nik": ["Penduduk tidak aktif."]},
            )
        if person.nama != berkas.pemohon_nama or person.tanggal_lahir != berkas.pemohon_tanggal_lahir:
            raise BerkasInvalid(
                "Nama atau tanggal lahir pemohon tidak sama dengan database kependudukan.",
                fields={"nama": ["Periksa nama dan tanggal lahir sesuai KK."]},
            )
        _check_subject(varian, person, berkas)
        permohonan.penduduk = person
        permohonan.keluarga = person.keluarga
    elif varian.subjek == "baru":
        pass  # the pemohon is the sponsor; the foreigner is entered by the operator
    permohonan.save()
    return permohonan


def _check_subject(varian: Varian, person: Penduduk, berkas: Berkas) -> None:
    age = usia(person.tanggal_lahir)
    if varian.dokumen == KTP:
        if varian.wna != (person.kewarganegaraan == "WNA"):
            raise BerkasInvalid(
                "Layanan ini untuk orang asing."
                if varian.wna
                else "Layanan ini untuk WNI; orang asing memakai KTP-el OA.",
                fields={"nik": ["Kewarganegaraan tidak sesuai layanan."]},
            )
        if age < 17 and person.status_perkawinan == StatusPerkawinan.BELUM_KAWIN:
            raise BerkasInvalid(
                f"Pemohon berusia {age} tahun dan belum kawin; KTP-el hanya untuk usia 17 tahun ke atas atau sudah "
                "kawin. Untuk anak, ajukan KIA.",
                fields={"nik": ["Belum wajib KTP-el."]},
            )
        if varian.perlu_perekaman and person.perekaman_pada is None:
            raise BerkasInvalid(
                "Perekaman KTP-el (foto, sidik jari, iris) untuk NIK ini belum dilakukan. Lakukan perekaman lebih "
                "dahulu; KTP-el baru dapat dicetak setelah data perekaman ada.",
                fields={"nik": ["Belum perekaman KTP-el."]},
            )
        if varian.kode == "rentan-perekaman" and person.perekaman_pada is not None:
            raise BerkasInvalid(
                "Penduduk ini sudah melakukan perekaman; ajukan pencetakan KTP-el biasa.",
                fields={"nik": ["Sudah perekaman."]},
            )
    if varian.dokumen == "kia" and age >= 17:
        raise BerkasInvalid(
            f"Anak berusia {age} tahun; KIA hanya untuk anak di bawah 17 tahun.", fields={"nik": ["Bukan usia KIA."]}
        )
    if varian.subjek == "keluarga" and person.keluarga is None:
        raise BerkasInvalid("Pemohon tidak tercatat dalam KK mana pun.", fields={"nik": ["Tidak ada KK."]})
    if varian.kode == "sktt-hilang" and person.kewarganegaraan != "WNA":
        raise BerkasInvalid("SKTT hanya untuk orang asing.", fields={"nik": ["Bukan orang asing."]})


def persyaratan_facts(berkas: Berkas) -> dict:
    permohonan = PermohonanPenduduk.objects.get(berkas=berkas)
    varian = varian_for(permohonan)
    return {"usia": usia(berkas.pemohon_tanggal_lahir), "kata": set(varian.kata)}


def _initial(permohonan: PermohonanPenduduk) -> dict:
    initial = dict(permohonan.data)
    person = permohonan.penduduk
    if person is not None:
        for name in (
            "pekerjaan",
            "status_perkawinan",
            "agama",
            "pendidikan",
            "golongan_darah",
            "negara",
            "no_paspor",
            "no_kitap",
            "sponsor",
            "no_akta_kelahiran",
        ):
            initial.setdefault(name, getattr(person, name))
        if person.izin_tinggal_hingga:
            initial.setdefault("izin_tinggal_hingga", person.izin_tinggal_hingga)
        if permohonan.keluarga is not None and permohonan.jenis == "rentan-perekaman":
            initial.setdefault("perekaman_lokasi", permohonan.keluarga.alamat)
    return initial


def entry_form(permohonan: PermohonanPenduduk, data=None) -> _Form:
    return varian_for(permohonan).form(data, initial=_initial(permohonan))


def _check_entry(user: User, berkas: Berkas) -> None:
    if not (can(user, Aksi.ENTRI, berkas.bidang_id)):
        raise BerkasForbidden("Hanya operator SIAK bidang ini yang dapat mengentri data berkas.")
    if berkas.status not in ENTRY_STATUSES:
        raise BerkasConflict(
            f"Berkas berstatus «{berkas.get_status_display()}»; data hanya dapat diubah saat berkas berada di operator."
        )


def permohonan_update(
    *, berkas_id: int, user: User, data: dict, nik_anggota: list[str] | None = None
) -> PermohonanPenduduk:
    """Save what the operator entered (already cleaned by the variant's form) after the register checks."""
    with transaction.atomic():
        berkas = Berkas.objects.select_for_update().get(pk=berkas_id)
        _check_entry(user, berkas)
        permohonan = PermohonanPenduduk.objects.select_for_update().get(berkas=berkas)
        varian = varian_for(permohonan)
        errors: dict[str, list[str]] = {}
        if varian.butuh_anggota:
            family = {p.nik for p in permohonan.keluarga.anggota.filter(status=StatusPenduduk.AKTIF)}
            chosen = [n for n in (nik_anggota or []) if n]
            if not chosen:
                errors["nik_anggota"] = ["Pilih anggota keluarga yang pindah."]
            elif set(chosen) - family:
                errors["nik_anggota"] = ["Ada NIK yang bukan anggota KK pemohon."]
            permohonan.nik_anggota = chosen
        if varian.rujukan:
            nomor = (data.get("nomor_rujukan") or "").strip().upper()
            rujukan = Dokumen.objects.filter(nomor=nomor, jenis__in=varian.rujukan).order_by("-dibuat_pada").first()
            if rujukan is None:
                errors["nomor_rujukan"] = [f"Dokumen nomor {nomor} tidak ditemukan di kantor ini."]
            elif varian.kode == "batal-pindah" and rujukan.status != Dokumen.Status.BERLAKU:
                errors["nomor_rujukan"] = [f"Dokumen {nomor} sudah {rujukan.get_status_display().lower()}."]
            else:
                permohonan.dokumen_rujukan = rujukan
                data = {**data, "nomor_rujukan": nomor}
        if varian.kode == "sktt":
            errors.update(_check_new_wna(data))
        if errors:
            problems = [m for ms in errors.values() for m in ms]
            raise BerkasInvalid("Data permohonan belum benar: " + " ".join(problems), fields=errors)
        permohonan.data = data
        if permohonan.penduduk is not None:
            # the register as the operator saw it in the entry form: the base of the change set
            permohonan.dasar = snapshot(permohonan.penduduk)
        permohonan._history_user = user
        permohonan.save()
    return permohonan


def _check_new_wna(data: dict) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    try:
        nik = clean_nik(data.get("nik", ""))
    except ValidationError as exc:
        return {"nik": exc.messages}
    problems = nik_mismatches(nik, date.fromisoformat(data["tanggal_lahir"]), data["jenis_kelamin"])
    if problems:
        errors["nik"] = problems
    if Penduduk.objects.filter(nik=nik).exists():
        errors.setdefault("nik", []).append(f"NIK {nik} sudah terdaftar; untuk SKTT yang hilang ajukan SKTT hilang.")
    return errors


def missing_data(berkas: Berkas) -> list[str]:
    permohonan = PermohonanPenduduk.objects.get(berkas=berkas)
    varian = varian_for(permohonan)
    form = varian.form(permohonan.data)
    missing = [str(form.fields[name].label) for name in form.errors if name in form.fields]
    if varian.butuh_anggota and not permohonan.nik_anggota:
        missing.append("anggota keluarga yang pindah")
    if varian.rujukan and permohonan.dokumen_rujukan_id is None:
        missing.append("nomor dokumen rujukan")
    return missing


def _next_nomor_dokumen(prefix: str) -> str:
    year = timezone.localdate().year
    return f"{prefix}/{settings.OFFICE['kode_wilayah']}/{year}/{next_serial(f'{prefix}-{year}'):05d}"


def _change(person, berkas: Berkas, user: User, base: dict | None, **values) -> None:
    register_change(person, values, base=base, berkas=berkas, user=user)


def apply_effects(berkas: Berkas, user: User) -> None:
    """The register change of the variant (a change set against what the operator saw), and the
    document number. Writing it again changes nothing."""
    permohonan = PermohonanPenduduk.objects.select_for_update(of=("self",)).get(berkas=berkas)
    varian = varian_for(permohonan)
    data = permohonan.data
    person = permohonan.penduduk
    dasar = permohonan.dasar
    if varian.kode == "ktp-el-perubahan":
        fields = ("pekerjaan", "status_perkawinan", "agama", "pendidikan", "golongan_darah")
        _change(person, berkas, user, dasar, **{k: data[k] for k in fields})
    elif varian.wna and varian.dokumen == KTP:
        _change(
            person,
            berkas,
            user,
            dasar,
            negara=data["negara"],
            no_paspor=data["no_paspor"],
            no_kitap=data["no_kitap"],
            izin_tinggal_hingga=date.fromisoformat(data["izin_tinggal_hingga"]),
            sponsor=data["sponsor"],
        )
    elif varian.kode == "rentan-perekaman" and person.perekaman_pada is None:
        _change(
            person,
            berkas,
            user,
            None,
            perekaman_pada=timezone.now(),
            perekaman_lokasi=f"Tempat tinggal: {data['perekaman_lokasi']} ({data['perekaman_tanggal']})",
        )
    elif varian.kode == "kia":
        _change(person, berkas, user, dasar, no_akta_kelahiran=data["no_akta_kelahiran"])
    elif varian.kode in ("skpwni", "skpln"):
        status = StatusPenduduk.PINDAH if varian.kode == "skpwni" else StatusPenduduk.PINDAH_LN
        asal = permohonan.keluarga
        moved = dict(permohonan.asal_anggota)
        for p in Penduduk.objects.filter(nik__in=permohonan.nik_anggota, keluarga=asal):
            moved[p.nik] = {"hubungan": p.hubungan, "urutan": p.urutan}
            _change(
                p,
                berkas,
                user,
                {"status": StatusPenduduk.AKTIF, "keluarga": asal.nomor_kk},
                status=status,
                keluarga=None,
                keterangan_status=f"{varian.label} {berkas}",
            )
        permohonan.asal_anggota = moved
        if asal is not None and asal.aktif and not asal.anggota.filter(status=StatusPenduduk.AKTIF).exists():
            register_change(asal, {"aktif": False}, base=None, berkas=berkas, user=user)
    elif varian.kode == "batal-pindah":
        _undo_pindah(permohonan, user)
    elif varian.kode == "sktt" and person is None:
        person = register_create_person(
            nik=data["nik"],
            values=dict(
                nama=data["nama"].upper(),
                jenis_kelamin=data["jenis_kelamin"],
                tempat_lahir=data["tempat_lahir"].upper(),
                tanggal_lahir=date.fromisoformat(data["tanggal_lahir"]),
                agama=data["agama"],
                pendidikan="",
                pekerjaan=data["pekerjaan"].upper(),
                status_perkawinan=data["status_perkawinan"],
                kewarganegaraan="WNA",
                negara=data["negara"].upper(),
                no_paspor=data["no_paspor"],
                no_kitap=data["no_kitap"],
                izin_tinggal_hingga=date.fromisoformat(data["izin_tinggal_hingga"]),
                sponsor=data["sponsor"].upper(),
                nama_ayah="-",
                nama_ibu="-",
                keterangan_status=f"Alamat: {data['alamat'].upper()}",
            ),
            berkas=berkas,
            user=user,
        )
        permohonan.penduduk = person
    if not permohonan.nomor_dokumen:
        if varian.rujukan and varian.kode != "batal-pindah":
            permohonan.nomor_dokumen = permohonan.dokumen_rujukan.nomor  # same number: the new one replaces it
        elif varian.kode == "sktt-hilang":
            # the replacement keeps the lost SKTT's number, so the lost one is marked replaced
            old = (
                PermohonanPenduduk.objects.filter(penduduk=person, jenis="sktt")
                .exclude(nomor_dokumen="")
                .order_by("-diterapkan_pada")
                .first()
            )
            permohonan.nomor_dokumen = old.nomor_dokumen if old else _next_nomor_dokumen("SKTT")
        elif varian.dokumen in NOMOR_PREFIX:
            permohonan.nomor_dokumen = _next_nomor_dokumen(NOMOR_PREFIX[varian.dokumen])
    if permohonan.diterapkan_pada is None:
        permohonan.diterapkan_pada = timezone.now()
    permohonan._history_user = user
    permohonan.save(update_fields=["penduduk", "asal_anggota", "nomor_dokumen", "diterapkan_pada"])


def _undo_pindah(permohonan: PermohonanPenduduk, user: User) -> None:
    """Batal pindah: the people of the cancelled SKPWNI return to their KK; the SKPWNI is revoked."""
    from dukcapil.tte.services import dokumen_revoke

    berkas = permohonan.berkas
    rujukan = permohonan.dokumen_rujukan
    asal_permohonan = PermohonanPenduduk.objects.select_related("keluarga").get(berkas=rujukan.berkas)
    keluarga = asal_permohonan.keluarga
    if keluarga is not None and not keluarga.aktif:
        register_change(keluarga, {"aktif": True}, base=None, berkas=berkas, user=user)
    for nik, place in asal_permohonan.asal_anggota.items():
        p = Penduduk.objects.get(nik=nik)
        if p.status in (StatusPenduduk.PINDAH, StatusPenduduk.PINDAH_LN) and p.keluarga_id is None:
            _change(
                p,
                berkas,
                user,
                None,
                status=StatusPenduduk.AKTIF,
                keluarga=keluarga.nomor_kk if keluarga else None,
                hubungan=place["hubungan"],
                urutan=place["urutan"],
                keterangan_status=f"Batal pindah {berkas}",
            )
    dokumen_revoke(dokumen=rujukan, reason=f"Dibatalkan dengan surat keterangan batal pindah {berkas}.", user=user)


def rebase(berkas: Berkas, conflict) -> None:
    """After a refused approval the base is the register as it is now; the operator re-enters."""
    permohonan = PermohonanPenduduk.objects.select_related("penduduk").get(berkas=berkas)
    if permohonan.penduduk is not None:
        permohonan.dasar = snapshot(permohonan.penduduk)
        permohonan.data = {k: v for k, v in permohonan.data.items() if k != conflict.field}
        permohonan.save(update_fields=["dasar", "data"])


def take_blangko(berkas: Berkas, user: User) -> bool:
    from .blangko import blangko_jenis_for, blangko_take

    return blangko_take(jenis=blangko_jenis_for(berkas), berkas=berkas, user=user)
