"""Counter (intake) and operator (entry) forms of the civil-registration services."""

from datetime import date

from django import forms

from dukcapil.choices import JenisKelamin
from dukcapil.forms import DATE_WIDGET
from dukcapil.validators import NamaField, masalah_tanggal_lampau, validate_tanggal_lampau
from pendaftaran.choices import Agama

from .choices import JenisAkta, KasusKewarganegaraan

NIK_WIDGET = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": 16})
KONDISI_PERKAWINAN = [
    ("tni", "Salah satu mempelai anggota TNI"),
    ("wna", "Salah satu mempelai WNA"),
    ("pernah menikah", "Salah satu mempelai pernah menikah"),
]
PENOLONG = [(c, c) for c in ["DOKTER", "BIDAN/PERAWAT", "DUKUN", "LAINNYA"]]
YANG_MENERANGKAN = [(c, c) for c in ["DOKTER", "TENAGA KESEHATAN", "KEPOLISIAN", "KEPALA DESA/LURAH", "LAINNYA"]]


class _Form(forms.Form):
    def as_data(self) -> dict:
        return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in self.cleaned_data.items()}

    def clean(self):
        cleaned = super().clean()
        # add_error removes the field from cleaned_data: iterate over a copy
        for name, value in list(cleaned.items()):
            problem = masalah_tanggal_lampau(value) if isinstance(value, date) else None
            if problem:
                self.add_error(name, problem)
        if cleaned.get("isi_baru"):
            cleaned["isi_baru"] = cleaned["isi_baru"].strip().upper()
        return cleaned


def _nik(label: str, required: bool = True) -> forms.CharField:
    return forms.CharField(label=label, max_length=16, min_length=16, required=required, widget=NIK_WIDGET)


def _date(label: str) -> forms.DateField:
    return forms.DateField(label=label, widget=DATE_WIDGET)


def _saksi(n: int) -> NamaField:
    return NamaField(label=f"Nama saksi {n}")


class KelahiranForm(_Form):
    nama_anak = NamaField(label="Nama anak")
    jenis_kelamin = forms.ChoiceField(label="Jenis kelamin", choices=JenisKelamin.choices)
    tempat_lahir = forms.CharField(label="Tempat kelahiran (kabupaten/kota)", max_length=100)
    tanggal_lahir = _date("Tanggal lahir")
    pukul = forms.TimeField(label="Pukul", required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    anak_ke = forms.IntegerField(label="Anak ke", min_value=1, max_value=30)
    penolong = forms.ChoiceField(label="Penolong kelahiran", choices=PENOLONG)
    nik_ibu = _nik("NIK ibu")
    nik_ayah = _nik("NIK ayah (kosongkan bila tidak tercatat)", required=False)
    nomor_kk = forms.CharField(label="Nomor KK tempat anak didaftarkan", max_length=16, min_length=16)
    nik_anak = _nik("NIK anak (bila sudah tercatat dalam KK; kosongkan untuk bayi baru)", required=False)
    saksi_1 = _saksi(1)
    saksi_2 = _saksi(2)

    def as_data(self) -> dict:
        data = super().as_data()
        data["pukul"] = data["pukul"].strftime("%H:%M") if data.get("pukul") else ""
        return data


class LahirMatiForm(_Form):
    tanggal_peristiwa = _date("Tanggal lahir mati")
    tempat_peristiwa = forms.CharField(label="Tempat (kabupaten/kota)", max_length=100)
    jenis_kelamin = forms.ChoiceField(label="Jenis kelamin", choices=JenisKelamin.choices)
    lama_kandungan = forms.IntegerField(label="Lama dalam kandungan (minggu)", min_value=20, max_value=45)
    penolong = forms.ChoiceField(label="Penolong kelahiran", choices=PENOLONG)
    nik_ibu = _nik("NIK ibu")
    nik_ayah = _nik("NIK ayah (kosongkan bila tidak tercatat)", required=False)


class KematianForm(_Form):
    nik_jenazah = _nik("NIK yang meninggal")
    tanggal_kematian = _date("Tanggal kematian")
    tempat_kematian = forms.CharField(label="Tempat kematian", max_length=150)
    sebab_kematian = forms.CharField(label="Sebab kematian", max_length=150)
    yang_menerangkan = forms.ChoiceField(label="Yang menerangkan", choices=YANG_MENERANGKAN)
    nomor_surat_kematian = forms.CharField(label="Nomor surat keterangan kematian", max_length=80)
    saksi_1 = _saksi(1)
    saksi_2 = _saksi(2)


class _Pasangan(_Form):
    """The couple of a marriage or a divorce, first on its form."""

    nik_suami = _nik("NIK suami")
    nik_istri = _nik("NIK istri")


class PerkawinanForm(_Pasangan):
    tanggal_perkawinan = _date("Tanggal perkawinan (pemberkatan)")
    tempat_perkawinan = forms.CharField(label="Tempat perkawinan", max_length=150)
    agama = forms.ChoiceField(label="Agama/kepercayaan", choices=Agama.choices)
    pemuka_agama = NamaField(label="Nama pemuka agama/penghayat")
    nomor_surat_pemberkatan = forms.CharField(label="Nomor surat pemberkatan", max_length=80)
    saksi_1 = _saksi(1)
    saksi_2 = _saksi(2)


class PerceraianForm(_Pasangan):
    pengadilan = forms.CharField(label="Pengadilan negeri", max_length=150)
    nomor_putusan = forms.CharField(label="Nomor putusan", max_length=80)
    tanggal_putusan = _date("Tanggal putusan")
    tanggal_inkracht = _date("Tanggal berkekuatan hukum tetap")


class _Penetapan(_Form):
    pengadilan = forms.CharField(label="Pengadilan/instansi penetap", max_length=150)
    nomor_penetapan = forms.CharField(label="Nomor penetapan/keputusan", max_length=80)
    tanggal_penetapan = _date("Tanggal penetapan/keputusan")


class KewarganegaraanForm(_Penetapan):
    kasus = forms.ChoiceField(label="Perubahan status kewarganegaraan", choices=KasusKewarganegaraan.choices)
    kewarganegaraan_baru = forms.CharField(
        label="Kewarganegaraan sekarang", max_length=60, help_text="WNI, atau nama negara bila menjadi WNA."
    )


class PeristiwaLainForm(_Penetapan):
    uraian = forms.CharField(
        label="Peristiwa penting yang dicatat", max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )


class PembetulanForm(_Form):
    elemen = forms.ChoiceField(label="Elemen data yang dibetulkan", choices=[])
    isi_baru = forms.CharField(label="Isi yang benar", max_length=150)
    dokumen_dasar = forms.CharField(label="Dokumen otentik dasar pembetulan", max_length=150)

    def __init__(self, *args, elemen_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["elemen"].choices = elemen_choices or []


class PerubahanNamaForm(_Penetapan):
    nama_baru = NamaField(label="Nama baru")


class PembatalanForm(_Penetapan):
    amar = forms.CharField(label="Amar putusan (ringkas)", max_length=300, widget=forms.Textarea(attrs={"rows": 2}))


class PengangkatanForm(_Penetapan):
    nama_ayah_angkat = NamaField(label="Nama ayah angkat")
    nama_ibu_angkat = NamaField(label="Nama ibu angkat")


class PengakuanForm(_Form):
    nik_ayah = _nik("NIK ayah yang mengakui")
    tanggal_pengakuan = _date("Tanggal pengakuan")
    persetujuan_ibu = forms.BooleanField(label="Ibu kandung menyetujui pengakuan (surat persetujuan ada)")


class PengesahanForm(_Form):
    nik_ayah = _nik("NIK ayah")
    nik_ibu = _nik("NIK ibu")
    nomor_akta_perkawinan = forms.CharField(label="Nomor akta/buku nikah orang tua", max_length=60)
    tanggal_perkawinan = _date("Tanggal perkawinan orang tua")


class KutipanKeduaForm(_Form):
    alasan = forms.ChoiceField(label="Alasan", choices=[("hilang", "Kutipan pertama hilang"), ("rusak", "Rusak")])
    nomor_surat_kehilangan = forms.CharField(
        label="Nomor surat keterangan hilang (bila hilang)", max_length=80, required=False
    )


class KutipanKeduaLainForm(KutipanKeduaForm):
    """An akta of another office: its register data as that office confirmed it."""

    jenis_akta = forms.ChoiceField(
        label="Jenis akta", choices=[(c, label) for c, label in JenisAkta.choices if c != JenisAkta.LAHIR_MATI]
    )
    nama_subjek = NamaField(label="Nama pada akta")
    tanggal_peristiwa = _date("Tanggal peristiwa")
    tempat_peristiwa = forms.CharField(label="Tempat peristiwa", max_length=150)
    nik_subjek = _nik("NIK pada akta (bila ada)", required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("alasan") == "hilang" and not cleaned.get("nomor_surat_kehilangan"):
            self.add_error("nomor_surat_kehilangan", "Wajib diisi untuk kutipan yang hilang.")
        return cleaned


class KonfirmasiForm(forms.Form):
    konfirmasi_nomor = forms.CharField(label="Nomor surat konfirmasi keabsahan dari Dukcapil penerbit", max_length=80)
    konfirmasi_tanggal = forms.DateField(
        label="Tanggal surat konfirmasi", widget=DATE_WIDGET, validators=[validate_tanggal_lampau]
    )


class IntakeAktaForm(forms.Form):
    """What the counter needs besides the pemohon: the akta acted on, and the conditions that
    decide conditional persyaratan."""

    nomor_akta_rujukan = forms.CharField(label="Nomor akta yang dimohonkan", max_length=40, required=False)
    kantor_penerbit = forms.CharField(
        label="Dukcapil penerbit akta",
        max_length=150,
        required=False,
        help_text="Kosongkan bila akta diterbitkan kantor ini. Bila diisi, berkas menunggu konfirmasi keabsahan.",
    )
    kondisi = forms.MultipleChoiceField(
        label="Kondisi mempelai", choices=KONDISI_PERKAWINAN, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, layanan=None, **kwargs):
        super().__init__(*args, **kwargs)
        from .layanan import kind_for_layanan

        kind = kind_for_layanan(layanan.kode) if layanan else None
        if kind is None or not kind.rujukan:
            del self.fields["nomor_akta_rujukan"]
        else:
            self.fields["nomor_akta_rujukan"].required = kind.rujukan_wajib
            self.fields["nomor_akta_rujukan"].label = kind.rujukan_label
        if kind is None or not kind.kantor_penerbit_di_loket:
            del self.fields["kantor_penerbit"]
        if kind is None or not kind.kondisi_di_loket:
            del self.fields["kondisi"]
