"""Kutipan akta, register akta pages with their catatan pinggir, and the surat keputusan pembatalan.

The kutipan akta (kelahiran, kematian, perkawinan, perceraian, pengakuan, pengesahan) are printed on
the national form of Permendagri 109/2019 (:mod:`dukcapil.documents.kutipan`): Garuda, the fixed
fields in the national order with their English translations, the Kepala Dinas's TTE and the QR code.
The surat keterangan lahir mati, the register pages and the SK pembatalan are surat keterangan
(pendaftaran.surat, the core letter layout): kop, title and number, numbered rows, the catatan
pinggir as a table, the TTE block with the QR code.
"""

from collections.abc import Callable
from datetime import date

from django.utils import timezone
from num2words import num2words

from dukcapil.documents import Bagian, Baris, KutipanAkta, Tabel, format_tanggal, render_kutipan, tanggal_terbilang
from dukcapil.documents_builders import office_header
from dukcapil.models import Berkas
from dukcapil.registry import DocumentSpec, RenderedDocument, register_document_label
from pendaftaran.document_builders import render_surat_keterangan

from .choices import JenisAkta, StatusAkta
from .models import Akta, Kutipan, PermohonanAkta

KUTIPAN_TITLE = {
    JenisAkta.KELAHIRAN: "KUTIPAN AKTA KELAHIRAN",
    JenisAkta.LAHIR_MATI: "SURAT KETERANGAN LAHIR MATI",
    JenisAkta.KEMATIAN: "KUTIPAN AKTA KEMATIAN",
    JenisAkta.PERKAWINAN: "KUTIPAN AKTA PERKAWINAN",
    JenisAkta.PERCERAIAN: "KUTIPAN AKTA PERCERAIAN",
    JenisAkta.PENGAKUAN: "KUTIPAN AKTA PENGAKUAN ANAK",
    JenisAkta.PENGESAHAN: "KUTIPAN AKTA PENGESAHAN ANAK",
}
# The English title and the certificate's English name on the national form.
KUTIPAN_EN = {
    JenisAkta.KELAHIRAN: ("EXCERPT OF BIRTH CERTIFICATE", "Birth Certificate"),
    JenisAkta.KEMATIAN: ("EXCERPT OF DEATH CERTIFICATE", "Death Certificate"),
    JenisAkta.PERKAWINAN: ("EXCERPT OF MARRIAGE CERTIFICATE", "Marriage Certificate"),
    JenisAkta.PERCERAIAN: ("EXCERPT OF DIVORCE CERTIFICATE", "Divorce Certificate"),
    JenisAkta.PENGAKUAN: ("EXCERPT OF CHILD ACKNOWLEDGEMENT CERTIFICATE", "Child Acknowledgement Certificate"),
    JenisAkta.PENGESAHAN: ("EXCERPT OF CHILD LEGITIMATION CERTIFICATE", "Child Legitimation Certificate"),
}
SK_PEMBATALAN = "sk-pembatalan"

for _jenis, _title in KUTIPAN_TITLE.items():
    register_document_label(f"kutipan-{_jenis}", _title.title())
    register_document_label(f"register-{_jenis}", f"Register {JenisAkta(_jenis).label}")
register_document_label(SK_PEMBATALAN, "Surat Keputusan Pembatalan")


def _tgl(value) -> str:
    if not value:
        return "-"
    return format_tanggal(date.fromisoformat(value) if isinstance(value, str) else value)


def _jk(value: str) -> str:
    return {"L": "LAKI-LAKI", "P": "PEREMPUAN"}.get(value, value or "-")


def _akta_for(berkas: Berkas, jenis: str, source: str) -> Akta:
    if source == "baru":
        return Akta.objects.get(berkas=berkas, jenis=jenis)
    return PermohonanAkta.objects.select_related("akta_rujukan").get(berkas=berkas).akta_rujukan


def _pasangan(d: dict) -> list[tuple[str, str]]:
    """The husband and wife of an akta perkawinan or perceraian."""
    return [
        ("Nama suami", d.get("nama_suami", "-")),
        ("NIK suami", d.get("nik_suami", "-")),
        ("Nama istri", d.get("nama_istri", "-")),
        ("NIK istri", d.get("nik_istri", "-")),
    ]


_ROWS: dict[str, Callable[[Akta, dict], list[tuple[str, str]]]] = {}


def _registry(table: dict):
    """A decorator factory that files a builder under one or more akta jenis in ``table``."""

    def of(*jenis: str):
        def register(build):
            for j in jenis:
                table[j] = build
            return build

        return register

    return of


_rows_of = _registry(_ROWS)  # the rows an akta jenis prints on its register page (and lahir mati's surat)


@_rows_of(JenisAkta.KELAHIRAN)
def _rows_kelahiran(akta: Akta, d: dict) -> list[tuple[str, str]]:
    return [
        ("Nama", d.get("nama", akta.subjek_nama)),
        ("NIK", akta.subjek_nik or "-"),
        ("Jenis kelamin", _jk(d.get("jenis_kelamin", ""))),
        ("Tempat lahir", akta.tempat_peristiwa),
        ("Tanggal lahir", _tgl(akta.tanggal_peristiwa) + (f", pukul {d['pukul']} WIB" if d.get("pukul") else "")),
        ("Anak ke", str(d.get("anak_ke", "-"))),
        ("Nama ayah", d.get("nama_ayah") or "-"),
        ("Nama ibu", d.get("nama_ibu", "-")),
    ]


@_rows_of(JenisAkta.LAHIR_MATI)
def _rows_lahir_mati(akta: Akta, d: dict) -> list[tuple[str, str]]:
    return [
        ("Tanggal", _tgl(akta.tanggal_peristiwa)),
        ("Tempat", akta.tempat_peristiwa),
        ("Jenis kelamin", _jk(d.get("jenis_kelamin", ""))),
        ("Lama dalam kandungan", f"{d.get('lama_kandungan', '-')} minggu"),
        ("Nama ibu", d.get("nama_ibu", "-")),
        ("Nama ayah", d.get("nama_ayah") or "-"),
    ]


@_rows_of(JenisAkta.KEMATIAN)
def _rows_kematian(akta: Akta, d: dict) -> list[tuple[str, str]]:
    return [
        ("Nama", d.get("nama", akta.subjek_nama)),
        ("NIK", akta.subjek_nik or "-"),
        ("Jenis kelamin", _jk(d.get("jenis_kelamin", ""))),
        ("Tanggal lahir", _tgl(d.get("tanggal_lahir"))),
        ("Tanggal kematian", _tgl(akta.tanggal_peristiwa)),
        ("Tempat kematian", akta.tempat_peristiwa),
        ("Sebab kematian", d.get("sebab_kematian", "-")),
    ]


@_rows_of(JenisAkta.PERKAWINAN)
def _rows_perkawinan(akta: Akta, d: dict) -> list[tuple[str, str]]:
    return [
        *_pasangan(d),
        ("Tanggal perkawinan", _tgl(akta.tanggal_peristiwa)),
        ("Tempat perkawinan", akta.tempat_peristiwa),
        ("Agama/kepercayaan", d.get("agama", "-")),
        ("Pemuka agama", d.get("pemuka_agama", "-")),
    ]


@_rows_of(JenisAkta.PERCERAIAN)
def _rows_perceraian(akta: Akta, d: dict) -> list[tuple[str, str]]:
    return [
        *_pasangan(d),
        ("Akta perkawinan", d.get("nomor_akta_perkawinan") or "-"),
        ("Pengadilan", d.get("pengadilan", "-")),
        ("Putusan", f"nomor {d.get('nomor_putusan', '')} tanggal {_tgl(d.get('tanggal_putusan'))}"),
        ("Berkekuatan hukum tetap", _tgl(akta.tanggal_peristiwa)),
    ]


@_rows_of(JenisAkta.PENGAKUAN, JenisAkta.PENGESAHAN)
def _rows_anak(akta: Akta, d: dict) -> list[tuple[str, str]]:
    return [
        ("Nama anak", d.get("nama", akta.subjek_nama)),
        ("Akta kelahiran", d.get("nomor_akta_kelahiran", "-")),
        ("Nama ayah", d.get("nama_ayah", "-")),
        ("Nama ibu", d.get("nama_ibu", "-")),
        (
            {JenisAkta.PENGAKUAN: "Tanggal pengakuan"}.get(akta.jenis, "Tanggal perkawinan orang tua"),
            _tgl(akta.tanggal_peristiwa),
        ),
    ]


def _rows(akta: Akta) -> list[tuple[str, str]]:
    """The register's entries of an akta, as printed on the kutipan and the register page."""
    build = _ROWS.get(akta.jenis)
    if build is None:
        return [("Nama", akta.subjek_nama), ("Tanggal peristiwa", _tgl(akta.tanggal_peristiwa))]
    return build(akta, akta.data)


_PEMBUKA = {
    JenisAkta.KELAHIRAN: (
        "Berdasarkan Akta Kelahiran Nomor {nomor}, bahwa di {tempat} pada tanggal {tanggal} telah lahir:"
    ),
    JenisAkta.LAHIR_MATI: (
        "Berdasarkan register lahir mati nomor {nomor}, bahwa di {tempat} pada tanggal {tanggal} telah terjadi "
        "kelahiran dalam keadaan mati:"
    ),
    JenisAkta.KEMATIAN: (
        "Berdasarkan Akta Kematian Nomor {nomor}, bahwa di {tempat} pada tanggal {tanggal} telah meninggal dunia:"
    ),
    JenisAkta.PERKAWINAN: (
        "Berdasarkan Akta Perkawinan Nomor {nomor}, bahwa di {tempat} pada tanggal {tanggal} telah dilangsungkan "
        "perkawinan antara:"
    ),
    JenisAkta.PERCERAIAN: "Berdasarkan Akta Perceraian Nomor {nomor}, telah dicatat perceraian antara:",
}


def _pembuka(akta: Akta) -> str:
    template = _PEMBUKA.get(akta.jenis, "Berdasarkan {label} Nomor {nomor}, telah dicatat:")
    return template.format(
        nomor=akta.nomor,
        tempat=akta.tempat_peristiwa.title(),
        tanggal=_tgl(akta.tanggal_peristiwa),
        label=akta.get_jenis_display(),
    )


def _catatan_tabel(akta: Akta, with_berkas: bool) -> list[Tabel]:
    notes = list(akta.catatan_pinggir.all())
    if not notes:
        return []
    kolom = ["No", "Tanggal", "Catatan pinggir"] + (["Berkas"] if with_berkas else [])
    baris = [
        [str(i), _tgl(timezone.localtime(n.dibuat_pada).date()), n.isi]
        + ([n.berkas.nomor_registrasi] if with_berkas else [])
        for i, n in enumerate(notes, start=1)
    ]
    return [Tabel("CATATAN PINGGIR", kolom, baris, [1, 3, 12, 4] if with_berkas else [1, 3, 14])]


def _terbilang(value) -> str:
    """A date of the register in words, as the national kutipan writes it."""
    if not value:
        return "-"
    return tanggal_terbilang(date.fromisoformat(value) if isinstance(value, str) else value)


def _nomor(akta: Akta) -> Baris:
    label = akta.get_jenis_display()
    return Baris(f"Berdasarkan {label} Nomor", f"By virtue of {KUTIPAN_EN[akta.jenis][1]} Number", akta.nomor)


def _tempat_tanggal(akta: Akta) -> list[Baris]:
    return [
        Baris("bahwa di", "that in", akta.tempat_peristiwa),
        Baris("pada tanggal", "on date", _terbilang(akta.tanggal_peristiwa)),
    ]


_FORM: dict[str, Callable[[Akta, dict], tuple[list[Baris], list[Baris]]]] = {}
_form_of = _registry(_FORM)  # the fixed fields of the national kutipan: (heading rows, statement)


@_form_of(JenisAkta.KELAHIRAN)
def _form_kelahiran(akta: Akta, d: dict):
    anak_ke = str(d.get("anak_ke") or "").strip()
    urutan = num2words(int(anak_ke), lang="id") if anak_ke.isdigit() else (anak_ke or "-")
    kepala = [
        Baris("Warga negara", "Nationality", d.get("kewarganegaraan") or "INDONESIA"),
        Baris("NIK", "Personal identification number", akta.subjek_nik or "-"),
    ]
    return kepala, [
        _nomor(akta),
        *_tempat_tanggal(akta),
        Baris("telah lahir", "was born", d.get("nama", akta.subjek_nama)),
        Baris("anak ke", "child number", f"{urutan}, {_jk(d.get('jenis_kelamin', ''))}"),
        Baris("dari ayah", "from father", d.get("nama_ayah") or "-"),
        Baris("dan ibu", "and mother", d.get("nama_ibu") or "-"),
    ]


@_form_of(JenisAkta.KEMATIAN)
def _form_kematian(akta: Akta, d: dict):
    kepala = [Baris("NIK", "Personal identification number", akta.subjek_nik or "-")]
    return kepala, [
        _nomor(akta),
        *_tempat_tanggal(akta),
        Baris("telah meninggal dunia", "has passed away", d.get("nama", akta.subjek_nama)),
        Baris("jenis kelamin", "sex", _jk(d.get("jenis_kelamin", ""))),
        Baris("lahir pada tanggal", "born on", _terbilang(d.get("tanggal_lahir"))),
    ]


def _suami_istri(d: dict, label: str, label_en: str) -> list[Baris]:
    return [
        Baris(label, label_en, f"{d.get('nama_suami', '-')}, NIK {d.get('nik_suami') or '-'}"),
        Baris("dan", "and", f"{d.get('nama_istri', '-')}, NIK {d.get('nik_istri') or '-'}"),
    ]


@_form_of(JenisAkta.PERKAWINAN)
def _form_perkawinan(akta: Akta, d: dict):
    return [], [
        _nomor(akta),
        *_tempat_tanggal(akta),
        *_suami_istri(d, "telah dilangsungkan perkawinan antara", "the marriage was held between"),
        Baris("menurut agama/kepercayaan", "according to religion/belief", d.get("agama") or "-"),
        Baris("di hadapan pemuka agama/kepercayaan", "before the religious leader", d.get("pemuka_agama") or "-"),
    ]


@_form_of(JenisAkta.PERCERAIAN)
def _form_perceraian(akta: Akta, d: dict):
    putusan = f"{d.get('pengadilan', '-')} nomor {d.get('nomor_putusan', '-')} tanggal {_tgl(d.get('tanggal_putusan'))}"
    return [], [
        _nomor(akta),
        *_suami_istri(d, "telah dicatat perceraian antara", "the divorce was registered between"),
        Baris("Akta Perkawinan Nomor", "Marriage Certificate Number", d.get("nomor_akta_perkawinan") or "-"),
        Baris("berdasarkan putusan", "by virtue of the court decision", putusan),
        Baris("berkekuatan hukum tetap pada tanggal", "final and binding on", _terbilang(akta.tanggal_peristiwa)),
    ]


@_form_of(JenisAkta.PENGAKUAN, JenisAkta.PENGESAHAN)
def _form_anak(akta: Akta, d: dict):
    pengakuan = akta.jenis == JenisAkta.PENGAKUAN
    return [], [
        _nomor(akta),
        Baris("bahwa anak bernama", "that the child named", d.get("nama", akta.subjek_nama)),
        Baris("Akta Kelahiran Nomor", "Birth Certificate Number", d.get("nomor_akta_kelahiran") or "-"),
        Baris(
            "telah diakui oleh ayah" if pengakuan else "telah disahkan sebagai anak dari ayah",
            "has been acknowledged by the father" if pengakuan else "has been legitimated as the child of father",
            d.get("nama_ayah") or "-",
        ),
        Baris("dan ibu", "and mother", d.get("nama_ibu") or "-"),
        Baris("pada tanggal", "on date", _terbilang(akta.tanggal_peristiwa)),
    ]


def _kutipan_notes(akta: Akta, kutipan: Kutipan | None) -> list[str]:
    notes = []
    if kutipan is not None and kutipan.ke > 1:
        notes.append(f"Kutipan ke-{kutipan.ke}; kutipan sebelumnya tidak berlaku lagi.")
    if akta.terlambat:
        notes.append("Kelahiran dilaporkan melewati batas 60 hari (UU 24/2013 pasal 27).")
    if akta.kantor_lain:
        notes.append(f"Register akta diterbitkan oleh {akta.kantor}; keabsahannya telah dikonfirmasi.")
    return notes


def render_kutipan_akta(akta: Akta, berkas: Berkas, *, verification_url: str = "", signer=None) -> bytes:
    """The kutipan of ``akta`` issued for ``berkas`` on the national form."""
    kutipan = Kutipan.objects.filter(akta=akta, berkas=berkas).first()
    kepala, pernyataan = _FORM[akta.jenis](akta, akta.data)
    office = office_header(signer)
    return render_kutipan(
        KutipanAkta(
            office=office,
            judul=KUTIPAN_TITLE[akta.jenis],
            judul_en=KUTIPAN_EN[akta.jenis][0],
            nomor=akta.nomor,
            kepala=kepala,
            pernyataan=pernyataan,
            tempat_terbit=office.tempat_terbit,
            tanggal_terbit=timezone.localdate(),
            verification_url=verification_url,
            catatan_pinggir=[
                (_tgl(timezone.localtime(n.dibuat_pada).date()), n.isi) for n in akta.catatan_pinggir.all()
            ],
            catatan_kaki=_kutipan_notes(akta, kutipan),
            nomor_registrasi=berkas.nomor_registrasi,
        )
    )


def kutipan_spec(jenis: str, *, source: str) -> DocumentSpec:
    def render(berkas: Berkas, *, verification_url: str = "", signer=None) -> RenderedDocument:
        akta = _akta_for(berkas, jenis, source)
        if akta.jenis in _FORM:
            pdf = render_kutipan_akta(akta, berkas, verification_url=verification_url, signer=signer)
            return RenderedDocument(pdf=pdf, nomor=akta.nomor)
        kutipan = Kutipan.objects.filter(akta=akta, berkas=berkas).first()
        notes = _kutipan_notes(akta, kutipan)
        pdf = render_surat_keterangan(
            berkas,
            signer=signer,
            verification_url=verification_url,
            kode_formulir=f"KUTIPAN {akta.nomor.split('-')[1] if akta.nomor.count('-') >= 3 else ''}".strip(),
            judul=KUTIPAN_TITLE[akta.jenis],
            nomor=akta.nomor,
            pembuka=_pembuka(akta),
            bagian=[Bagian(f"DATA {akta.get_jenis_display().upper()}", _rows(akta))],
            tabel=_catatan_tabel(akta, with_berkas=False),
            penutup="Kutipan ini dikeluarkan sesuai dengan register akta yang disimpan pada Dinas Kependudukan dan "
            "Pencatatan Sipil.",
            catatan_kaki=notes,
        )
        return RenderedDocument(pdf=pdf, nomor=akta.nomor)

    return DocumentSpec(f"kutipan-{jenis}", KUTIPAN_TITLE[jenis].title(), render, replaces_same_nomor=False)


def register_spec(jenis: str, *, source: str) -> DocumentSpec:
    def render(berkas: Berkas, *, verification_url: str = "", signer=None) -> RenderedDocument:
        akta = _akta_for(berkas, jenis, source)
        pelapor = akta.berkas or berkas
        status = "BATAL" if akta.status == StatusAkta.BATAL else "BERLAKU"
        rows = _rows(akta) + [
            ("Saksi", ", ".join(x for x in (akta.data.get("saksi_1"), akta.data.get("saksi_2")) if x) or "-"),
            ("Pelapor", f"{pelapor.pemohon_nama} (berkas {pelapor.nomor_registrasi})"),
            ("Dicatat pada", _tgl(timezone.localtime(akta.dicatat_pada).date())),
            ("Status akta", status),
        ]
        if akta.terlambat:
            rows.append(("Keterangan", "Pelaporan terlambat (lebih dari 60 hari sejak kelahiran)"))
        pdf = render_surat_keterangan(
            berkas,
            signer=signer,
            verification_url=verification_url,
            kode_formulir=f"REGISTER {akta.tahun}",
            judul=f"REGISTER {akta.get_jenis_display().upper()}",
            nomor=akta.nomor,
            pembuka=f"Register {akta.get_jenis_display()} {akta.kantor}, tahun {akta.tahun}"
            + (f", nomor urut {akta.urutan}." if akta.urutan else "."),
            bagian=[Bagian("ISI REGISTER", rows)],
            tabel=_catatan_tabel(akta, with_berkas=True),
        )
        return RenderedDocument(pdf=pdf, nomor=akta.nomor)

    return DocumentSpec(f"register-{jenis}", f"Register {JenisAkta(jenis).label}", render)


def sk_pembatalan_spec() -> DocumentSpec:
    def render(berkas: Berkas, *, verification_url: str = "", signer=None) -> RenderedDocument:
        permohonan = PermohonanAkta.objects.select_related("akta_rujukan").get(berkas=berkas)
        akta, d = permohonan.akta_rujukan, permohonan.data
        pdf = render_surat_keterangan(
            berkas,
            signer=signer,
            verification_url=verification_url,
            kode_formulir="SK PEMBATALAN",
            judul=f"SURAT KEPUTUSAN PEMBATALAN {akta.get_jenis_display().upper()}",
            nomor=permohonan.nomor_sk,
            pembuka=(
                f"Berdasarkan putusan {d['pengadilan']} nomor {d['nomor_penetapan']} tanggal "
                f"{_tgl(d['tanggal_penetapan'])} yang telah berkekuatan hukum tetap, Kepala Dinas Kependudukan dan "
                f"Pencatatan Sipil menyatakan {akta.get_jenis_display()} berikut BATAL dan tidak berlaku:"
            ),
            bagian=[
                Bagian("AKTA YANG DIBATALKAN", [("Nomor akta", akta.nomor)] + _rows(akta)),
                Bagian("AMAR PUTUSAN", [("Amar", d.get("amar", "-"))]),
            ],
            penutup=(
                "Pembatalan ini telah dicatat sebagai catatan pinggir pada register akta. Kutipan akta tersebut "
                "dicabut dan tidak berlaku lagi."
            ),
        )
        return RenderedDocument(pdf=pdf, nomor=permohonan.nomor_sk)

    return DocumentSpec(SK_PEMBATALAN, "Surat Keputusan Pembatalan", render)
