"""Demo data of PIAK: complaints in every state from several channels, and posts (one posted, one
waiting for the Kadis). Called from ``dukcapil.demo._seed_piak``; every change goes through the services."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from dukcapil.models import Bidang, User

from .models import KanalPublikasi, Pengaduan, Publikasi, SaluranPengaduan
from .services import pengaduan as adu
from .services import publikasi as pub

# (saluran, jenis, kategori, nama, telepon, email, isi, how far it goes, answering bidang)
PENGADUAN = [
    ("web", "informasi", "akta", "Siti Aminah", "081234567801", "siti@contoh.example",
     "Berapa lama pembuatan akta kelahiran untuk anak yang lahir tahun lalu?", "selesai", "pencatatan_sipil"),
    ("whatsapp", "pengaduan", "ktp_el", "Budi Santoso", "081234567802", "",
     "KTP-el saya sudah tiga bulan belum jadi, status di loket katanya menunggu blangko.", "dijawab", "pendaftaran"),
    ("facebook", "pengaduan", "pelayanan", "Rahmat Hidayat", "082134567803", "",
     "Antrean di loket hari Senin sangat panjang, mohon ditambah petugas.", "persetujuan", "pendaftaran"),
    ("sms", "informasi", "kk", "Dewi Lestari", "085234567804", "",
     "Apa syarat pisah KK setelah menikah?", "ditriase", "pendaftaran"),
    ("kotak_saran", "saran", "pelayanan", "Anonim", "081234567805", "",
     "Sediakan kursi tunggu tambahan dan air minum.", "baru", ""),
    ("telepon", "informasi", "data", "Joko Susilo", "0771 21234", "",
     "Bagaimana cara memperbarui data pendidikan di database kependudukan?", "ditriase", "piak"),
    ("langsung", "pengaduan", "akta", "Maria Ulfa", "081234567807", "maria@contoh.example",
     "Nama ibu pada akta kelahiran anak saya salah ketik.", "dijawab", "pencatatan_sipil"),
]  # fmt: skip


def _foto(name: str, colour: str) -> SimpleUploadedFile:
    """A small PNG (a photo the citizen or the tim pengelola attached)."""
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


JAWABAN = "Terima kasih. Sesuai standar pelayanan, permohonan Anda diproses paling lama 3 hari kerja."


def build_pengaduan_demo(users: dict[str, User]) -> list[Pengaduan]:
    adb, kabid_piak = users["adb"], users["kabid_piak"]
    answerer = {"pendaftaran": users["kasi"], "pencatatan_sipil": users["kasi_capil"], "piak": users["kasi_piak"]}
    bidang = {b.kode: b for b in Bidang.objects.all()}
    made = []
    order = ["baru", "ditriase", "persetujuan", "dijawab", "selesai"]
    for saluran, jenis, kategori, nama, kontak, email, isi, sampai, kode_bidang in PENGADUAN:
        foto = _foto("antrean.png", "gray") if saluran == SaluranPengaduan.SMS else None
        data = adu.PengaduanData(saluran, jenis, kategori, nama, adu.normalisasi_telepon(kontak), email, isi, foto)
        p = adu.pengaduan_buat(user=None if saluran == SaluranPengaduan.WEB else adb, data=data).pengaduan
        step = order.index(sampai)
        if step >= 1:
            adu.pengaduan_triase(user=adb, pk=p.pk, kategori=kategori, bidang_penjawab=bidang[kode_bidang])
        if step >= 2:
            adu.pengaduan_jawab(user=answerer[kode_bidang], pk=p.pk, jawaban=JAWABAN)
        if step >= 3:
            adu.pengaduan_setujui(user=kabid_piak, pk=p.pk)
        if step >= 4:
            adu.pengaduan_tutup(user=adb, pk=p.pk)
        made.append(p)
    return made


def build_publikasi_demo(users: dict[str, User]) -> list[Publikasi]:
    adb, kasi = users["adb"], users["kasi_piak"]
    terbit = pub.publikasi_buat(
        user=adb,
        judul="Jadwal pelayanan Sabtu di Mal Pelayanan Publik",
        isi="Mulai bulan ini loket Dukcapil di Mal Pelayanan Publik buka setiap Sabtu pukul 08.00–12.00 WIB.",
        kanal=KanalPublikasi.INSTAGRAM,
        gambar=_foto("jadwal-sabtu.png", "teal"),
    )
    for user, method in ((adb, "ajukan"), (kasi, "periksa"), (users["sekretaris"], "setujui_sekretaris")):
        pub.publikasi_aksi(user=user, pk=terbit.pk, method=method)
    pub.publikasi_aksi(user=users["kadis"], pk=terbit.pk, method="setujui_kadis")
    pub.publikasi_terbitkan(
        user=adb, pk=terbit.pk, tanggal=timezone.localdate(), tautan="https://www.instagram.com/p/demo-dukcapil/"
    )
    di_kadis = pub.publikasi_buat(
        user=adb,
        judul="Perekaman KTP-el keliling ke sekolah",
        isi="Bidang Dafduk melayani perekaman KTP-el bagi siswa berusia 17 tahun di SMA/SMK se-kabupaten.",
        kanal=KanalPublikasi.WEBSITE,
    )
    for user, method in ((adb, "ajukan"), (kasi, "periksa"), (users["sekretaris"], "setujui_sekretaris")):
        pub.publikasi_aksi(user=user, pk=di_kadis.pk, method=method)
    konsep = pub.publikasi_buat(
        user=adb,
        judul="Cara cek status berkas secara daring",
        isi="Masukkan nomor registrasi pada resi dan NIK pemohon di halaman cek status.",
        kanal=KanalPublikasi.FACEBOOK,
    )
    return [terbit, di_kadis, konsep]
