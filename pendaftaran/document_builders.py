"""Turn register rows and permohonan data into the plain data the PDF layouts take."""

from datetime import date, timedelta

from django.utils import timezone

from dukcapil.documents_builders import office_header
from dukcapil.kinds import kind_for
from dukcapil.models import Berkas
from dukcapil.registry import RenderedDocument

from .blangko import blangko_seri_for
from .choices import Hubungan
from .documents import AnggotaKK, KKDocument, render_kk_pdf
from .kartu import KartuData, render_kartu_pdf
from .models import Keluarga, Penduduk, PermohonanKK, PermohonanPenduduk
from .register import active_members, kepala_keluarga
from .surat import Bagian, SuratDocument, Tabel, render_surat_pdf


def _jk(value: str) -> str:
    return "LAKI-LAKI" if value == "L" else "PEREMPUAN"


def _tgl(value) -> str:
    if not value:
        return "-"
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return f"{value:%d-%m-%Y}"


def _catatan(kind, berlaku=None) -> list[str]:
    """The variant's footnote on its document (a replacement, an extension), if it has one."""
    return [kind.catatan.format(berlaku=_tgl(berlaku))] if kind.catatan else []


def _identitas(p: Penduduk) -> dict:
    """The identity fields that the KK, the KTP-el and the KIA print alike."""
    return {
        "nik": p.nik,
        "nama": p.nama,
        "jenis_kelamin": _jk(p.jenis_kelamin),
        "tempat_lahir": p.tempat_lahir,
        "tanggal_lahir": p.tanggal_lahir,
        "agama": p.agama,
        "golongan_darah": p.golongan_darah,
        "status_perkawinan": p.status_perkawinan,
        "pekerjaan": p.pekerjaan,
        "no_paspor": p.no_paspor,
    }


def build_kk_pdf(berkas: Berkas, *, verification_url: str = "", signer=None) -> RenderedDocument:
    """The KK as the register now holds it (the berkas's changes were applied at approval)."""
    permohonan = PermohonanKK.objects.select_related("keluarga").get(berkas=berkas)
    keluarga = permohonan.keluarga
    anggota = active_members(keluarga)
    # the first active member who is kepala keluarga, as kepala_keluarga() finds it, without a query
    kepala = next((a for a in anggota if a.hubungan == Hubungan.KEPALA_KELUARGA), None)
    pdf = render_kk_pdf(
        KKDocument(
            office=office_header(signer),
            nomor_kk=keluarga.nomor_kk,
            nomor_registrasi=berkas.nomor_registrasi,
            kepala_keluarga=kepala.nama if kepala else "",
            alamat=keluarga.alamat,
            rt=keluarga.rt,
            rw=keluarga.rw,
            desa_kelurahan=keluarga.desa_kelurahan,
            kecamatan=keluarga.kecamatan,
            kabupaten_kota=keluarga.kabupaten_kota,
            provinsi=keluarga.provinsi,
            kode_pos=keluarga.kode_pos,
            anggota=[
                AnggotaKK(
                    **_identitas(a),
                    pendidikan=a.pendidikan,
                    tanggal_perkawinan=a.tanggal_perkawinan,
                    hubungan=a.hubungan,
                    kewarganegaraan=a.kewarganegaraan,
                    no_kitap=a.no_kitap,
                    nama_ayah=a.nama_ayah,
                    nama_ibu=a.nama_ibu,
                )
                for a in anggota
            ],
            tanggal_terbit=timezone.localdate(),
            verification_url=verification_url,
        )
    )
    return RenderedDocument(pdf=pdf, nomor=keluarga.nomor_kk)


# --- cards ----------------------------------------------------------------------------------


def build_kartu_pdf(berkas: Berkas, *, verification_url: str = "", signer=None) -> RenderedDocument:
    permohonan = PermohonanPenduduk.objects.select_related("penduduk__keluarga").get(berkas=berkas)
    p: Penduduk = permohonan.penduduk
    k: Keluarga | None = p.keluarga
    office = office_header(signer)
    today = timezone.localdate()
    kind = kind_for(permohonan.jenis)
    wna = p.kewarganegaraan == "WNA"
    if kind.kartu_hingga_usia:
        # a KIA is valid until the child turns 17
        last_day = p.tanggal_lahir.replace(year=p.tanggal_lahir.year + kind.kartu_hingga_usia) - timedelta(days=1)
        berlaku = _tgl(last_day)
    elif wna:
        berlaku = _tgl(p.izin_tinggal_hingga)
    else:
        berlaku = "SEUMUR HIDUP"
    kepala = kepala_keluarga(k) if k else None
    address = k or Keluarga(alamat=(p.keterangan_status or "").removeprefix("Alamat: "))
    pdf = render_kartu_pdf(
        KartuData(
            jenis=kind.kartu,
            provinsi=(address.provinsi or office.kabupaten_kota).upper(),
            kabupaten_kota=(address.kabupaten_kota or office.kabupaten_kota).upper(),
            **_identitas(p),
            alamat=address.alamat,
            rt=address.rt,
            rw=address.rw,
            desa_kelurahan=address.desa_kelurahan,
            kecamatan=address.kecamatan,
            kewarganegaraan=p.negara if wna else "WNI",
            berlaku_hingga=berlaku,
            tempat_terbit=office.tempat_terbit.upper(),
            tanggal_terbit=today,
            nomor_kk=k.nomor_kk if k else "",
            nama_kepala_keluarga=kepala.nama if kepala else "",
            no_akta_kelahiran=p.no_akta_kelahiran,
            no_kitas_kitap=p.no_kitap,
            verification_url=verification_url,
            penandatangan=office.kepala_dinas_nama,
            nomor_seri_blangko=blangko_seri_for(berkas),  # "" until the operator records it
        )
    )
    return RenderedDocument(pdf=pdf, nomor=p.nik)


# --- letters -------------------------------------------------------------------------------


def _biodata_rows(p: Penduduk) -> list[str]:
    return [p.nik, p.nama, _jk(p.jenis_kelamin)[0], f"{p.tempat_lahir}, {_tgl(p.tanggal_lahir)}", p.hubungan or "-"]


BIODATA_KOLOM = ["NIK", "NAMA LENGKAP", "L/P", "TEMPAT, TGL LAHIR", "SHDK"]


def _asal_rows(k: Keluarga | None, kepala: str = "") -> list[tuple[str, str]]:
    if k is None:
        return []
    return [
        ("Nomor Kartu Keluarga", k.nomor_kk),
        ("Nama Kepala Keluarga", kepala or "-"),
        ("Alamat", f"{k.alamat} RT {k.rt or '-'} RW {k.rw or '-'}"),
        ("Desa/Kelurahan", k.desa_kelurahan),
        ("Kecamatan", k.kecamatan),
        ("Kabupaten/Kota", k.kabupaten_kota),
        ("Provinsi", k.provinsi),
    ]


def render_surat_keterangan(berkas: Berkas, *, signer=None, verification_url: str = "", **fields) -> bytes:
    """A surat keterangan issued today for ``berkas``, on the active office's kop, signed by ``signer``
    (else the Kepala Dinas); ``fields`` are the rest of :class:`SuratDocument`."""
    office = office_header(signer)
    return render_surat_pdf(
        SuratDocument(
            office=office,
            tanggal_terbit=timezone.localdate(),
            tempat_terbit=office.tempat_terbit,
            nomor_registrasi=berkas.nomor_registrasi,
            verification_url=verification_url,
            **fields,
        )
    )


def build_pindah_pdf(berkas: Berkas, *, verification_url: str = "", signer=None) -> RenderedDocument:
    """SKPWNI, SKPLN, their replacements and extensions, and the surat keterangan batal pindah."""
    permohonan = PermohonanPenduduk.objects.select_related("keluarga", "dokumen_rujukan").get(berkas=berkas)
    source = permohonan
    if permohonan.dokumen_rujukan_id:
        source = PermohonanPenduduk.objects.select_related("keluarga").get(berkas=permohonan.dokumen_rujukan.record)
    data = {**source.data, **{k: v for k, v in permohonan.data.items() if not k.startswith("_")}}
    people = list(Penduduk.objects.filter(nik__in=source.nik_anggota).order_by("urutan", "pk"))
    kepala_nama = next((p.nama for p in people if p.hubungan == "KEPALA KELUARGA"), "")
    keluarga = source.keluarga
    pemohon = [("NIK Pemohon", berkas.pemohon_nik), ("Nama Lengkap", berkas.pemohon_nama)]
    kind = kind_for(permohonan.jenis)
    judul_tabel = "KELUARGA YANG BATAL PINDAH" if kind.pembatalan else "KELUARGA YANG PINDAH"
    tabel = [Tabel(judul_tabel, BIODATA_KOLOM, [_biodata_rows(p) for p in people], [3, 5, 1, 4, 3])]
    asal = _asal_rows(keluarga, kepala_nama)
    berlaku = data.get("berlaku_hingga")
    pembuka = ""
    if kind.pembatalan:
        kode, judul = "F-1.05", "SURAT KETERANGAN BATAL PINDAH"
        pembuka = (
            "Yang bertanda tangan di bawah ini menerangkan bahwa surat keterangan pindah berikut dinyatakan "
            "BATAL dan tidak berlaku lagi, dan penduduk tersebut tetap tercatat pada alamat asal:"
        )
        bagian = [
            Bagian("DATA PEMOHON", pemohon),
            Bagian(
                "SURAT KETERANGAN PINDAH YANG DIBATALKAN",
                [
                    ("Nomor", permohonan.dokumen_rujukan.nomor),
                    ("Tanggal terbit", _tgl(timezone.localtime(permohonan.dokumen_rujukan.dibuat_pada).date())),
                    ("Alasan pembatalan", permohonan.data.get("keterangan", "-")),
                ],
            ),
            Bagian("DATA DAERAH ASAL", asal),
        ]
        penutup = "Demikian surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya."
    elif kind_for(source.jenis).luar_negeri:
        kode, judul = "F-1.04", "SURAT KETERANGAN PINDAH KE LUAR NEGERI"
        bagian = [
            Bagian("DATA DAERAH ASAL", pemohon + asal),
            Bagian(
                "DATA KEPINDAHAN",
                [
                    ("Negara tujuan", data.get("negara_tujuan", "-").upper()),
                    ("Alamat tujuan", data.get("alamat_luar_negeri", "-").upper()),
                    ("Nomor paspor", data.get("no_paspor", "-")),
                    ("Alasan pindah", data.get("alasan_pindah", "-").upper()),
                    ("Rencana tanggal pindah", _tgl(data.get("tanggal_pindah"))),
                ],
            ),
        ]
        penutup = "Surat keterangan ini dibawa dan dilaporkan ke Perwakilan Republik Indonesia di negara tujuan."
    else:
        kode, judul = "F-1.03", "SURAT KETERANGAN PINDAH WARGA NEGARA INDONESIA"
        bagian = [
            Bagian("DATA DAERAH ASAL", pemohon + asal),
            Bagian(
                "DATA KEPINDAHAN",
                [
                    ("Alasan pindah", data.get("alasan_pindah", "-")),
                    ("Klasifikasi pindah", data.get("klasifikasi", "-")),
                    ("Jenis kepindahan", data.get("jenis_kepindahan", "-")),
                    ("Rencana tanggal pindah", _tgl(data.get("tanggal_pindah"))),
                ]
                + ([("Berlaku hingga", _tgl(berlaku))] if berlaku else []),
            ),
            Bagian(
                "DATA DAERAH TUJUAN",
                [
                    (
                        "Alamat",
                        f"{data.get('tujuan_alamat', '-')} RT {data.get('tujuan_rt', '-')} "
                        f"RW {data.get('tujuan_rw', '-')}".upper(),
                    ),
                    ("Desa/Kelurahan", data.get("tujuan_desa", "-").upper()),
                    ("Kecamatan", data.get("tujuan_kecamatan", "-").upper()),
                    ("Kabupaten/Kota", data.get("tujuan_kabupaten", "-").upper()),
                    ("Provinsi", data.get("tujuan_provinsi", "-").upper()),
                ],
            ),
        ]
        penutup = (
            "Surat keterangan pindah ini dilaporkan ke Dinas Kependudukan dan Pencatatan Sipil daerah tujuan "
            "untuk diterbitkan Surat Keterangan Datang, KK dan KTP-el."
        )
    notes = _catatan(kind, berlaku)
    pdf = render_surat_keterangan(
        berkas,
        signer=signer,
        verification_url=verification_url,
        kode_formulir=kode,
        judul=judul,
        nomor=permohonan.nomor_dokumen,
        pembuka=pembuka,
        bagian=bagian,
        tabel=tabel,
        penutup=penutup,
        catatan_kaki=notes,
    )
    return RenderedDocument(pdf=pdf, nomor=permohonan.nomor_dokumen)


def build_datang_pdf(berkas: Berkas, *, verification_url: str = "", signer=None) -> RenderedDocument:
    """SKDWNI / SKDLN: who arrived, from where, and the KK they are now registered in."""
    permohonan = PermohonanKK.objects.select_related("keluarga").get(berkas=berkas)
    keluarga = permohonan.keluarga
    people = active_members(keluarga)
    kepala = kepala_keluarga(keluarga)
    data = permohonan.data or {}
    ln = kind_for(permohonan.jenis).luar_negeri
    asal = (
        [
            ("Negara asal", data.get("negara_asal", "-").upper()),
            ("Alamat di luar negeri", data.get("alamat_asal", "-").upper()),
            ("Nomor paspor", data.get("no_paspor", "-")),
            ("Nomor SKPLN/surat Perwakilan RI", data.get("nomor_surat_asal", "-")),
        ]
        if ln
        else [
            ("Nomor SKPWNI daerah asal", data.get("nomor_surat_asal", "-")),
            ("Alamat asal", data.get("alamat_asal", "-").upper()),
        ]
    )
    nomor = f"{kind_for(permohonan.jenis).document_jenis.upper()}/{berkas.nomor_registrasi}"
    pdf = render_surat_keterangan(
        berkas,
        signer=signer,
        verification_url=verification_url,
        kode_formulir="F-1.09" if ln else "F-1.08",
        judul="SURAT KETERANGAN DATANG DARI LUAR NEGERI" if ln else "SURAT KETERANGAN DATANG WARGA NEGARA INDONESIA",
        nomor=nomor,
        bagian=[
            Bagian("DATA DAERAH ASAL", asal),
            Bagian("DATA DAERAH TUJUAN", _asal_rows(keluarga, kepala.nama if kepala else "")),
        ],
        tabel=[Tabel("KELUARGA YANG DATANG", BIODATA_KOLOM, [_biodata_rows(p) for p in people], [3, 5, 1, 4, 3])],
        penutup="Penduduk tersebut telah tercatat dalam database kependudukan dengan Nomor KK di atas.",
    )
    return RenderedDocument(pdf=pdf, nomor=nomor)


def build_sktt_pdf(berkas: Berkas, *, verification_url: str = "", signer=None) -> RenderedDocument:
    permohonan = PermohonanPenduduk.objects.select_related("penduduk").get(berkas=berkas)
    p = permohonan.penduduk
    notes = _catatan(kind_for(permohonan.jenis))
    pdf = render_surat_keterangan(
        berkas,
        signer=signer,
        verification_url=verification_url,
        kode_formulir="F-1.11",
        judul="SURAT KETERANGAN TEMPAT TINGGAL",
        nomor=permohonan.nomor_dokumen,
        pembuka=(
            "Yang bertanda tangan di bawah ini menerangkan bahwa orang asing berikut bertempat tinggal di wilayah ini:"
        ),
        bagian=[
            Bagian(
                "DATA ORANG ASING",
                [
                    ("NIK", p.nik),
                    ("Nama lengkap", p.nama),
                    ("Jenis kelamin", _jk(p.jenis_kelamin)),
                    ("Tempat, tanggal lahir", f"{p.tempat_lahir}, {_tgl(p.tanggal_lahir)}"),
                    ("Kewarganegaraan", p.negara),
                    ("Pekerjaan", p.pekerjaan),
                    ("Alamat", (p.keterangan_status or "").removeprefix("Alamat: ")),
                ],
            ),
            Bagian(
                "DOKUMEN IMIGRASI",
                [
                    ("Nomor paspor", p.no_paspor),
                    ("Nomor KITAS/KITAP", p.no_kitap),
                    ("Izin tinggal berlaku hingga", _tgl(p.izin_tinggal_hingga)),
                    ("Sponsor/penjamin", p.sponsor),
                ],
            ),
        ],
        penutup="SKTT berlaku selama izin tinggal terbatas yang bersangkutan masih berlaku.",
        catatan_kaki=notes,
    )
    return RenderedDocument(pdf=pdf, nomor=permohonan.nomor_dokumen)
