import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from dukcapil.choices import Role

from ..factories import staff


@pytest.fixture
def o(catalogue):
    """PIAK's officers, the answering bidang's Kasi, an outsider, and the approvers of a post."""
    return {
        "adb": staff(Role.ADB, bidang="piak", first_name="Fajar"),
        "kasi_piak": staff(Role.KASI, bidang="piak", first_name="Rudi"),
        "kabid_piak": staff(Role.KABID, bidang="piak", first_name="Wulan"),
        "kasi": staff(Role.KASI, bidang="pendaftaran", first_name="Hendra"),
        "kabid": staff(Role.KABID, bidang="pendaftaran", first_name="Sri"),
        "kasi_capil": staff(Role.KASI, bidang="pencatatan_sipil", first_name="Maya"),
        "loket": staff(Role.PETUGAS_LOKET, bidang="pendaftaran", first_name="Rina"),
        "sekretaris": staff(Role.SEKRETARIS, bidang="sekretariat", first_name="Ratna"),
        "kadis": staff(Role.KADIS, bidang=None, first_name="Ahmad"),
    }


def png(name: str = "foto.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def fake_png() -> SimpleUploadedFile:
    """Text pretending to be an image by its name and declared type."""
    return SimpleUploadedFile("foto.png", b"<html>bukan gambar</html>", content_type="image/png")
