"""The demo office's citizen: an account with a PELITA 3 application accepted by the loket (berkas
registered, resi in the account) and an akta kelahiran application returned with the items named."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from reportlab.lib.pagesizes import A5
from reportlab.pdfgen import canvas

from dukcapil.models import Berkas, Layanan, User

from . import services
from .data import load
from .models import PermohonanOnline, Warga

DEMO_EMAIL = "warga.demo@example.id"


def _scan(judul: str) -> SimpleUploadedFile:
    """A one-page PDF standing in for a citizen's scan."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A5)
    page.setFont("Helvetica-Bold", 14)
    page.drawString(40, 520, "CONTOH PINDAIAN (DATA DEMO)")
    page.setFont("Helvetica", 11)
    page.drawString(40, 495, judul[:70])
    page.save()
    return SimpleUploadedFile("pindaian.pdf", out.getvalue(), content_type="application/pdf")


def _account(person, password: str) -> Warga:
    """Made as a citizen makes it: the register check, the code from the outbox, the account."""
    from dukcapil.notifikasi.models import PesanKeluar

    pendaftaran = services.warga_daftar(
        nik=person.nik, nama=person.nama, email=DEMO_EMAIL, telepon="081200000001", kata_sandi=password
    )
    pesan = PesanKeluar.objects.filter(kepada=[DEMO_EMAIL]).order_by("-pk").first()
    kode = next(word for word in pesan.isi.split() if word.isdigit() and len(word) == 6)
    return services.warga_verifikasi_kode(pendaftaran_id=pendaftaran.pk, kode=kode)


def _filled(akun: Warga, layanan: Layanan, detail: dict) -> PermohonanOnline:
    permohonan = services.permohonan_buat(warga=akun, layanan=layanan)
    services.permohonan_simpan(
        permohonan_id=permohonan.pk,
        user=akun.user,
        data_detail=detail,
        telepon=akun.telepon,
        email=akun.email,
        catatan="",
        unggahan=[
            services.Unggahan(persyaratan_id=p.pk, file=_scan(p.nama), jenis="pdf")
            for p in layanan.persyaratan_berlaku()
        ],
    )
    return services.permohonan_ajukan(permohonan_id=permohonan.pk, user=akun.user)


def citizen_of_demo() -> object | None:
    """A head of family of the demo register with no berkas of their own."""
    from pendaftaran.models import Penduduk

    used = set(Berkas.objects.values_list("pemohon_nik", flat=True))
    for person in Penduduk.objects.filter(hubungan="KEPALA KELUARGA").select_related("keluarga").order_by("-pk"):
        if person.nik not in used and person.keluarga_id:
            return person
    return None


def build_warga_demo(users: dict[str, User], password: str) -> list[PermohonanOnline]:
    load()
    if Warga.objects.exists():
        return []
    person = citizen_of_demo()
    if person is None:
        return []
    akun = _account(person, password)
    loket = users["loket_capil"]
    pelita3 = _filled(
        akun,
        Layanan.objects.get(kode="pelita3"),
        {
            "detail-1__jenis": ["pisah"],
            "detail-1__nomor_kk": [person.keluarga.nomor_kk],
            "detail-2__jenis": ["ktp-el-perubahan"],
        },
    )
    services.permohonan_terima(
        permohonan_id=pelita3.pk, user=loket, expected_status="diajukan", putaran=1, catatan="Berkas lengkap."
    )
    lahir = _filled(akun, Layanan.objects.get(kode="akta-kelahiran"), {})
    names = {p.nama: p.pk for p in lahir.layanan.persyaratan_berlaku()}
    items = [str(pk) for nama, pk in names.items() if "Surat Nikah" in nama or nama == "Fotocopy KK"]
    services.permohonan_kembalikan(
        permohonan_id=lahir.pk,
        user=loket,
        expected_status="diajukan",
        putaran=1,
        items=items,
        catatan="Fotokopi surat nikah belum dilegalisir dan KK yang diunggah bukan KK terbaru.",
    )
    return [pelita3, lahir]


def demo_account() -> Warga | None:
    return Warga.objects.filter(email=DEMO_EMAIL).first()
