"""The services are kinds: one registered class each, and a new one works end to end without
touching the shared flow; system state lives in fields, not in the entry's JSON."""

import importlib

import pytest
from django import forms
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

import dukcapil.kinds
from dukcapil.choices import Status
from dukcapil.kinds import kind_for, kinds_for_layanan, register_kind
from dukcapil.models import Dokumen
from pencatatan_sipil.choices import JenisAkta, JenisCatatan, JenisPermohonanAkta
from pencatatan_sipil.kinds import AktaKind
from pencatatan_sipil.layanan import permohonan_update
from pencatatan_sipil.models import Akta, CatatanPinggir, PermohonanAkta
from pendaftaran.choices import StatusPenduduk, StatusPerkawinan
from pendaftaran.models import Penduduk
from pendaftaran.register import RegisterConflict
from tests.factories import act, register_service, to_pickup

from .test_layanan import entering, family, lahirkan

pytestmark = pytest.mark.django_db


def test_every_service_has_its_kind_for_its_catalogue_layanan():
    for kode in JenisPermohonanAkta.values:
        kind = kind_for(kode)
        assert isinstance(kind, AktaKind) and kind.family == "pencatatan_sipil.akta"
        assert kinds_for_layanan(kind.layanan[0])[0] is type(kind)


class KeteranganForm(forms.Form):
    keterangan = forms.CharField(label="Keterangan yang dicatat", max_length=200)

    def as_data(self) -> dict:
        return dict(self.cleaned_data)


class KeteranganKind(AktaKind):
    """A service the app does not have: a note on an akta kelahiran, nothing else."""

    kode = "uji_keterangan"
    label = "Pencatatan keterangan (uji)"
    layanan = ("peristiwa-penting-lainnya",)
    entry_form = KeteranganForm
    rujukan = (JenisAkta.KELAHIRAN,)
    rujukan_label = "Nomor akta kelahiran"
    catatan = JenisCatatan.PERISTIWA_LAIN
    kutipan_rujukan = True

    def check_register(self, permohonan, data):
        return {"keterangan": data["keterangan"].upper()}

    def catatan_text(self, permohonan, new):
        return f"Keterangan uji: {permohonan.data['keterangan']}."


@pytest.fixture
def keterangan_kind(monkeypatch):
    """KeteranganKind registered as the one kind of the layanan «peristiwa penting lainnya»."""
    others = {k: v for k, v in dukcapil.kinds._KINDS.items() if "peristiwa-penting-lainnya" not in v.layanan}
    monkeypatch.setattr(dukcapil.kinds, "_KINDS", others)
    register_kind(KeteranganKind)
    return KeteranganKind


def test_a_new_kind_is_used_from_counter_to_signed_documents(capil, warga, client, keterangan_kind):
    lahir, _ = lahirkan(capil, warga)
    akta = Akta.objects.get(berkas=lahir)
    pemohon = Penduduk.objects.get(nik=lahir.pemohon_nik)
    berkas = register_service(
        "peristiwa-penting-lainnya", pemohon, capil["loket"], detail={"nomor_akta_rujukan": akta.nomor}
    )
    assert PermohonanAkta.objects.get(berkas=berkas).jenis == "uji_keterangan"
    client.force_login(capil["operator"])
    page = client.get(reverse("pencatatan_sipil:entri", args=[berkas.nomor_registrasi])).content.decode()
    assert "Keterangan yang dicatat" in page and "Pencatatan keterangan (uji)" in page
    berkas = to_pickup(berkas, capil, entering(capil, {"keterangan": "anak kembar"}))
    note = CatatanPinggir.objects.get(akta=akta, berkas=berkas)
    assert note.isi == "Keterangan uji: ANAK KEMBAR."
    assert note.history.first().history_user is not None  # the approver, kept on the history row
    produced = set(Dokumen.objects.filter(berkas=berkas).values_list("jenis", flat=True))
    assert produced - {"resi"} == {"kutipan-kelahiran", "register-kelahiran"}


def test_migration_moves_system_keys_out_of_the_entry(capil, warga):
    keluarga, ayah, _ = family(warga)
    berkas = register_service("akta-kelahiran", ayah, capil["loket"])
    PermohonanAkta.objects.filter(berkas=berkas).update(
        data={"nama_anak": "X", "_nik_anak": "2102014512260001", "_terlambat": True, "_hari_pelaporan": 70}
    )
    migration = importlib.import_module("pencatatan_sipil.migrations.0002_system_fields")
    migration.keys_to_fields(apps, None)
    permohonan = PermohonanAkta.objects.get(berkas=berkas)
    assert permohonan.data == {"nama_anak": "X"}
    assert permohonan.nik_anak == "2102014512260001" and permohonan.terlambat and permohonan.hari_pelaporan == 70


def test_kematian_is_refused_when_the_register_changed_after_the_entry(capil, warga):
    keluarga, kepala, istri = family(warga, 1)
    berkas = register_service("akta-kematian", istri, capil["loket"])
    data = {
        "nik_jenazah": kepala.nik,
        "tanggal_kematian": timezone.localdate().isoformat(),
        "tempat_kematian": "RSUD BINTAN",
        "sebab_kematian": "SAKIT",
        "yang_menerangkan": "DOKTER",
        "nomor_surat_kematian": "SKM/13/2026",
        "saksi_1": "A",
        "saksi_2": "B",
    }
    permohonan_update(berkas_id=berkas.pk, user=capil["operator"], data=data)
    berkas = act(berkas, "entri-selesai", capil["operator"])
    berkas = act(berkas, "verifikasi", capil["kasi"])
    # meanwhile the person left the register by another way
    Penduduk.objects.filter(nik=kepala.nik).update(status=StatusPenduduk.PINDAH)
    with pytest.raises(RegisterConflict, match="sudah diubah"):
        act(berkas, "validasi", capil["kabid"])
    berkas.refresh_from_db()
    assert berkas.status == Status.PERBAIKAN
    assert not Akta.objects.filter(berkas=berkas).exists()
    istri.refresh_from_db()
    assert istri.status_perkawinan == StatusPerkawinan.KAWIN
