import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter

from dukcapil.choices import Role
from dukcapil.models import Layanan
from dukcapil.notifikasi.models import PesanKeluar
from dukcapil.warga import services
from dukcapil.warga.data import load
from dukcapil.warga.models import PermohonanOnline, Warga
from pendaftaran.models import Penduduk
from tests.factories import staff

PASSWORD = "Sandi-Warga-2026!"


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def png_bytes(size=(20, 20)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "white").save(out, "PNG")
    return out.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def last_code(email: str) -> str:
    """The one-time code from the last message queued for ``email`` (the outbox)."""
    pesan = PesanKeluar.objects.filter(kepada=[email]).order_by("-pk").first()
    return re.search(r"\b(\d{6})\b", pesan.isi).group(1)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Each test starts with empty sign-up/code counters (they live in Redis across tests)."""
    from dukcapil import ratelimit

    client = ratelimit._redis()
    if client is not None:
        for key in client.scan_iter("rl:warga-*"):
            client.delete(key)


@pytest.fixture
def register(warga):
    """The demo register (families) and the default list of layanan offered online."""
    load()
    return warga


@pytest.fixture
def penduduk(register) -> Penduduk:
    return Penduduk.objects.filter(hubungan="KEPALA KELUARGA").order_by("pk").first()


@pytest.fixture
def penduduk_lain(register) -> Penduduk:
    return Penduduk.objects.filter(hubungan="KEPALA KELUARGA").order_by("pk")[1]


def make_account(person: Penduduk, email: str) -> Warga:
    pendaftaran = services.warga_daftar(
        nik=person.nik, nama=person.nama, email=email, telepon="081234567890", kata_sandi=PASSWORD
    )
    return services.warga_verifikasi_kode(pendaftaran_id=pendaftaran.pk, kode=last_code(email))


@pytest.fixture
def akun(penduduk) -> Warga:
    return make_account(penduduk, "warga.satu@example.id")


@pytest.fixture
def akun_lain(penduduk_lain) -> Warga:
    return make_account(penduduk_lain, "warga.dua@example.id")


@pytest.fixture
def loket_capil(db):
    return staff(Role.PETUGAS_LOKET, "pencatatan_sipil", username="fo_capil")


@pytest.fixture
def loket_capil_2(db):
    return staff(Role.PETUGAS_LOKET, "pencatatan_sipil", username="fo_capil_2")


@pytest.fixture
def loket_dafduk(db):
    return staff(Role.PETUGAS_LOKET, "pendaftaran", username="fo_dafduk")


@pytest.fixture
def pelita3(register) -> Layanan:
    return Layanan.objects.get(kode="pelita3")


def pelita3_detail(person: Penduduk) -> dict[str, list[str]]:
    """The PELITA 3 entry as the citizen types it: akta perceraian, pisah KK from the family, KTP-el."""
    return {
        "detail-1__jenis": ["pisah"],
        "detail-1__nomor_kk": [person.keluarga.nomor_kk],
        "detail-2__jenis": ["ktp-el-perubahan"],
    }


def submitted(akun: Warga, layanan: Layanan) -> PermohonanOnline:
    """An application with every persyaratan uploaded (a PDF each), submitted."""
    permohonan = services.permohonan_buat(warga=akun, layanan=layanan)
    person = Penduduk.objects.get(nik=akun.nik)
    services.permohonan_simpan(
        permohonan_id=permohonan.pk,
        user=akun.user,
        data_detail=pelita3_detail(person),
        telepon=akun.telepon,
        email=akun.email,
        catatan="",
        unggahan=[
            services.Unggahan(persyaratan_id=p.pk, file=upload(f"s{p.pk}.pdf", pdf_bytes()), jenis="pdf")
            for p in layanan.persyaratan_berlaku()
        ],
    )
    return services.permohonan_ajukan(permohonan_id=permohonan.pk, user=akun.user)
