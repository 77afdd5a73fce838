"""Kartu Keluarga variants, in counter order (the first registered for a layanan is its default)."""

from dukcapil.exceptions import BerkasInvalid
from dukcapil.kinds import register_kind

from ..choices import AlasanPengurangan, JenisPermohonanKK
from ..forms import DatangForm
from ..models import Keluarga, PermohonanKK
from ..register import active_members
from .base import KKKind, ReprintKK

J = JenisPermohonanKK


@register_kind
class KKBaru(KKKind):
    kode = J.BARU.value
    label = J.BARU.label
    layanan = ("kk",)
    new_number = True
    asks_nomor_kk = False


@register_kind
class KKHilang(ReprintKK):
    kode = J.HILANG.value
    label = J.HILANG.label
    layanan = ("kk", "kk-hilang")
    kata = ("hilang",)


@register_kind
class KKRusak(ReprintKK):
    kode = J.RUSAK.value
    label = J.RUSAK.label
    layanan = ("kk", "kk-hilang")
    kata = ("rusak",)


@register_kind
class KKPerubahanData(ReprintKK):
    kode = J.PERUBAHAN_DATA.value
    label = J.PERUBAHAN_DATA.label
    layanan = ("kk", "kk-perubahan-data")
    kata = ("perubahan",)


@register_kind
class KKTambahAnggota(KKKind):
    kode = J.TAMBAH_ANGGOTA.value
    label = J.TAMBAH_ANGGOTA.label
    layanan = ("kk-tambah-anggota",)
    # Members 17 and older who join get a biometric check first (Lumajang "Penambahan Anggota
    # Keluarga" step 3; Probolinggo P.4.5 step 2).
    biometrik = True

    def check_composition(self, permohonan, staged, current, errors) -> None:
        if not permohonan.keluarga:
            return
        if not current <= staged:
            errors.setdefault("anggota", []).append("Penambahan anggota tidak boleh mengurangi anggota yang ada.")
        if staged == current:
            errors.setdefault("anggota", []).append("Belum ada anggota baru yang ditambahkan.")


@register_kind
class KKKurangAnggota(KKKind):
    """The family is the registered one minus the members the operator marks, each with its alasan."""

    kode = J.KURANG_ANGGOTA.value
    label = J.KURANG_ANGGOTA.label
    layanan = ("kk-kurang-anggota",)
    takes_alasan = True
    registered_members_only = True

    def intake_alasan(self, alasan: str) -> str:
        if alasan not in AlasanPengurangan.values:
            raise BerkasInvalid(
                "Pilih alasan pengurangan anggota.", fields={"alasan": ["Alasan pengurangan wajib dipilih."]}
            )
        return alasan

    def staged_members(self, permohonan: PermohonanKK, anggota: list, pengurangan: dict[str, str] | None) -> list:
        from ..services import AnggotaData

        permohonan.pengurangan = {nik: a for nik, a in (pengurangan or {}).items() if a}
        return [
            AnggotaData(**{f: getattr(p, f) for f in AnggotaData.__dataclass_fields__})
            for p in active_members(permohonan.keluarga)
            if p.nik not in permohonan.pengurangan
        ]

    def check_composition(self, permohonan, staged, current, errors) -> None:
        if not permohonan.keluarga:
            return
        removed = current - staged
        if not removed:
            errors.setdefault("anggota", []).append("Pilih anggota yang dikurangi beserta alasannya.")
        if not staged <= current:
            errors.setdefault("anggota", []).append("Pengurangan anggota tidak boleh menambah anggota baru.")
        for nik in removed:
            if permohonan.pengurangan.get(nik) not in AlasanPengurangan.values:
                errors.setdefault("pengurangan", []).append(f"Alasan pengurangan untuk NIK {nik} wajib dipilih.")
        if not staged:
            errors.setdefault("anggota", []).append("KK tidak boleh kosong; sisakan sedikitnya satu anggota.")

    def missing_own(self, permohonan: PermohonanKK) -> list[str]:
        return [] if permohonan.pengurangan else ["anggota yang dikurangi dan alasannya"]


@register_kind
class KKPisah(KKKind):
    """Some members of a KK found a new one; the KK asal keeps the others."""

    kode = J.PISAH.value
    label = J.PISAH.label
    layanan = ("kk-pisah",)
    new_number = True

    def attach(self, permohonan: PermohonanKK, keluarga: Keluarga) -> None:
        permohonan.keluarga_asal = keluarga

    def may_stay_in(self, permohonan: PermohonanKK, other: Keluarga) -> bool:
        return permohonan.keluarga_asal_id == other.pk

    def check_composition(self, permohonan, staged, current, errors) -> None:
        asal = permohonan.keluarga_asal
        if asal is None:
            errors.setdefault("nomor_kk_asal", []).append("Nomor KK asal wajib diisi untuk pisah KK.")
            return
        members = {p.nik for p in active_members(asal)}
        from_asal = members & staged
        if not from_asal:
            errors.setdefault("anggota", []).append(f"Sedikitnya satu anggota KK asal {asal.nomor_kk} harus pisah.")
        elif from_asal == members:
            errors.setdefault("anggota", []).append(
                "Semua anggota KK asal ikut pisah; itu perubahan data KK, bukan pisah KK."
            )


@register_kind
class KKRentan(KKKind):
    kode = J.RENTAN.value
    label = J.RENTAN.label
    layanan = ("penduduk-rentan",)
    new_number = True
    asks_nomor_kk = False
    biometrik = True


@register_kind
class KKDatang(KKKind):
    kode = J.DATANG.value
    label = J.DATANG.label
    family = "pendaftaran.skdwni"
    document_jenis = "skdwni"
    layanan = ("skdwni",)
    datang_form = DatangForm
    new_number = True
    asks_nomor_kk = False


@register_kind
class KKDatangLN(KKDatang):
    kode = J.DATANG_LN.value
    label = J.DATANG_LN.label
    family = "pendaftaran.skdln"
    document_jenis = "skdln"
    layanan = ("skdln",)
