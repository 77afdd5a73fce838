"""The pendaftaran service variants as classes: registration, counter defaults, family wiring."""

import pytest

from dukcapil.kinds import kind_for, kinds_for_layanan
from dukcapil.registry import get_kind
from pendaftaran.choices import JenisPermohonanKK
from pendaftaran.kinds import kinds_of
from pendaftaran.kinds.base import KKKind, PendudukKind

PENDUDUK = [
    "ktp-el-baru",
    "ktp-el-rusak",
    "ktp-el-hilang",
    "ktp-el-perubahan",
    "ktp-el-wna",
    "ktp-el-wna-hilang",
    "rentan-perekaman",
    "kia",
    "skpwni",
    "skpln",
    "batal-pindah",
    "skpwni-hilang",
    "perpanjangan-skp",
    "sktt",
    "sktt-hilang",
]


def test_every_variant_has_its_own_class():
    assert sorted(k.kode for k in kinds_of(PendudukKind)) == sorted(PENDUDUK)
    assert sorted(k.kode for k in kinds_of(KKKind)) == sorted(JenisPermohonanKK.values)
    classes = [type(kind_for(kode)) for kode in [*PENDUDUK, *JenisPermohonanKK.values]]
    assert len(set(classes)) == len(classes)
    for kind in classes:
        assert kind.layanan and kind.entry_form is not None and kind.document_jenis
        assert get_kind(kind.family).document_jenis == kind.document_jenis


@pytest.mark.parametrize(
    "layanan, kodes",
    [
        ("ktp-el", ["ktp-el-baru", "ktp-el-hilang", "ktp-el-rusak", "ktp-el-perubahan"]),
        ("ktp-el-hilang-rusak", ["ktp-el-hilang", "ktp-el-rusak"]),
        ("ktp-el-perubahan-data", ["ktp-el-perubahan"]),
        ("kk", ["baru", "hilang", "rusak", "perubahan_data"]),
        ("kk-hilang", ["hilang", "rusak"]),
        ("kk-pisah", ["pisah"]),
        ("skdln", ["datang_ln"]),
    ],
)
def test_counter_offers_the_variants_of_a_layanan_default_first(layanan, kodes):
    assert [k.kode for k in kinds_for_layanan(layanan)] == kodes


def test_variant_attributes_replace_code_comparisons():
    assert kind_for("ktp-el-wna").activation_required and not kind_for("kia").activation_required
    assert kind_for("kia").blangko == "kia" and kind_for("ktp-el-baru").blangko == "ktp-el"
    assert not kind_for("skpwni").blangko
    assert kind_for("skpwni-hilang").kata == ("hilang",)
    assert [k.kode for k in kinds_of(KKKind) if k.new_number] == ["baru", "pisah", "rentan", "datang", "datang_ln"]
    assert [k.kode for k in kinds_of(KKKind) if k.biometrik] == ["tambah_anggota", "rentan"]
    assert kind_for("datang").family == "pendaftaran.skdwni" and kind_for("datang_ln").family == "pendaftaran.skdln"
