"""Demo Anjab/ABK (P1.2.3): this year's round with three jabatan (two verified, one returned to its
holder with a catatan) and two programme entries (a diklat teknis with BKPSDM, a bimtek internal)."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from .models.kepegawaian import Jabatan, Pegawai
from .services import anjab as svc

# (jabatan, ikhtisar, [(uraian, satuan hasil, volume per tahun, norma waktu in minutes)])
ISIAN = [
    (
        "Pengadministrasi Perkantoran",
        "Melakukan kegiatan administrasi perkantoran pada Subbagian Umum dan Kepegawaian.",
        [
            ("Mengagendakan surat masuk dan keluar", "Surat", 2400, Decimal(10)),
            ("Menyiapkan bahan rapat dinas", "Berkas", 48, Decimal(120)),
            ("Mengarsipkan naskah dinas", "Berkas", 1200, Decimal(15)),
        ],
    ),
    (
        "Pengolah Data dan Informasi",
        "Mengolah data kependudukan dan menyajikan informasi untuk pimpinan.",
        [
            ("Mengolah data agregat kependudukan", "Laporan", 24, Decimal(900)),
            ("Menyajikan data untuk permintaan instansi", "Dokumen", 120, Decimal(180)),
        ],
    ),
    (
        "Penata Layanan Operasional",
        "Melayani pemohon di loket pelayanan administrasi kependudukan.",
        [("Melayani pemohon di loket", "Berkas", 6000, Decimal(12))],
    ),
]


def build_anjab_demo(users: dict) -> list:
    kasubag, staf = users["kasubag"], users.get("staf_umum") or users["kasubag"]
    today = timezone.localdate()
    jabatan = {j.nama: j for j in Jabatan.objects.filter(nama__in=[row[0] for row in ISIAN])}
    putaran = svc.putaran_buka(
        user=kasubag,
        tahun=today.year,
        nomor_surat="061/118/425.004/" + str(today.year),
        tanggal_surat=today - timedelta(days=30),
        jabatan_ids=[j.pk for j in jabatan.values()],
    )
    made: list = [putaran]
    isian = {i.jabatan.nama: i for i in putaran.isian.select_related("jabatan")}
    for index, (nama, ikhtisar, rows) in enumerate(ISIAN):
        uraian = [{"uraian": u, "satuan_hasil": s, "volume": v, "norma_waktu": n} for u, s, v, n in rows]
        pk = isian[nama].pk
        svc.isian_simpan(user=staf, pk=pk, ikhtisar=ikhtisar, uraian=uraian)
        svc.isian_ajukan(user=staf, pk=pk)
        if index == 2:
            svc.isian_kembalikan(
                user=staf, pk=pk, catatan="Volume pelayanan loket belum sesuai rekap register tahun lalu; periksa lagi."
            )
        else:
            svc.isian_verifikasi(user=staf, pk=pk)
    pegawai = list(Pegawai.objects.filter(aktif=True).order_by("pk")[:3])
    if pegawai:
        made.append(
            svc.program_tambah(
                user=kasubag,
                jenis="diklat_teknis",
                judul="Diklat teknis SIAK terpusat",
                penyelenggara="bkpsdm",
                tanggal=today + timedelta(days=45),
                peserta=pegawai[:2],
            )  # fmt: skip
        )
        made.append(
            svc.program_tambah(
                user=kasubag,
                jenis="bimtek_internal",
                judul="Bimtek tata naskah dinas elektronik",
                penyelenggara="internal",
                tanggal=today - timedelta(days=10),
                peserta=pegawai,
            )  # fmt: skip
        )
    return made
