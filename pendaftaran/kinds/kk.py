"""Kartu Keluarga variants, in counter order (the first registered for a layanan is its default)."""

from dukcapil.exceptions import BerkasInvalid

from ..choices import AlasanPengurangan, Hubungan, JenisPermohonanKK
from ..forms import DatangForm
from ..models import Keluarga, PermohonanKK
from ..register import active_members
from .base import KKKind, ReprintKK, variant

J = JenisPermohonanKK


def kk_variant(jenis: JenisPermohonanKK, *layanan: str, **data):
    """A KK variant takes its code and label from its JenisPermohonanKK."""
    return variant(jenis.value, jenis.label, *layanan, **data)


@kk_variant(J.BARU, "kk", new_number=True, asks_nomor_kk=False)
class KKBaru(KKKind):
    """A family registered for the first time: a new number, no existing KK to ask for."""


@kk_variant(J.HILANG, "kk", "kk-hilang", kata=("hilang",))
class KKHilang(ReprintKK):
    """A lost KK printed again."""


@kk_variant(J.RUSAK, "kk", "kk-hilang", kata=("rusak",))
class KKRusak(ReprintKK):
    """A damaged KK printed again."""


@kk_variant(J.PERUBAHAN_DATA, "kk", "kk-perubahan-data", kata=("perubahan",))
class KKPerubahanData(ReprintKK):
    """The registered members' data changes; who they are does not."""


@kk_variant(J.TAMBAH_ANGGOTA, "kk-tambah-anggota")
class KKTambahAnggota(KKKind):
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


@kk_variant(J.KURANG_ANGGOTA, "kk-kurang-anggota")
class KKKurangAnggota(KKKind):
    """The family is the registered one minus the members the operator marks, each with its alasan."""

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


@kk_variant(J.PISAH, "kk-pisah")
class KKPisah(KKKind):
    """Some members of a KK found a new one; the KK asal keeps the others."""

    new_number = True

    def attach(self, permohonan: PermohonanKK, keluarga: Keluarga) -> None:
        permohonan.keluarga_asal = keluarga

    def may_stay_in(self, permohonan: PermohonanKK, other: Keluarga) -> bool:
        return permohonan.keluarga_asal_id == other.pk

    def check_composition(self, permohonan, staged, current, errors) -> None:
        if permohonan.keluarga_asal is None:
            errors.setdefault("nomor_kk_asal", []).append("Nomor KK asal wajib diisi untuk pisah KK.")

    def check_family(self, permohonan: PermohonanKK, anggota: list) -> list[str]:
        """Who leaves is chosen by the operator (the entry starts as the whole registered family): some
        members of the KK asal, not all of them, one of them heading the new KK; the head of the KK asal
        stays, so that the KK asal keeps its head."""
        asal = permohonan.keluarga_asal
        if asal is None:
            return []
        members = {p.nik: p for p in active_members(asal)}
        leavers = [a for a in anggota if a.nik.strip() in members]
        if not leavers or len(leavers) == len(members):
            return [
                f"Pilih anggota yang pisah dari KK asal {asal.nomor_kk} (mantan pasangan, dan anak sesuai putusan "
                "pengadilan atau kesepakatan orang tua); seluruh anggota tidak boleh pisah karena KK asal "
                "menjadi kosong."
            ]
        problems = []
        if not any(a.hubungan == Hubungan.KEPALA_KELUARGA for a in leavers):
            problems.append(
                f"Kepala keluarga KK baru harus salah satu anggota yang pisah dari KK asal {asal.nomor_kk}."
            )
        for a in leavers:
            person = members[a.nik.strip()]
            if person.hubungan == Hubungan.KEPALA_KELUARGA:
                problems.append(
                    f"{person.nama} adalah kepala keluarga KK asal {asal.nomor_kk} dan tidak dapat pisah "
                    "dalam berkas ini: KK asal akan tanpa kepala keluarga. Pilih anggota lain yang pisah, atau "
                    "ganti dulu kepala keluarga KK asal melalui perubahan data KK."
                )
        return problems

    def missing_own(self, permohonan: PermohonanKK) -> list[str]:
        problems = self.check_family(permohonan, list(permohonan.anggota.all()))
        # a sentence, as an item of «Data belum lengkap: …» (a name in capitals stays so)
        return [m[0].lower() + m[1:] if m[1:2].islower() else m for m in problems]


@kk_variant(J.RENTAN, "penduduk-rentan", new_number=True, asks_nomor_kk=False, biometrik=True)
class KKRentan(KKKind):
    """A vulnerable resident without documents gets a KK; adults joining it get a biometric check."""


@kk_variant(
    J.DATANG,
    "skdwni",
    family="pendaftaran.skdwni",
    document_jenis="skdwni",
    datang_form=DatangForm,
    new_number=True,
    asks_nomor_kk=False,
)
class KKDatang(KKKind):
    """A family arriving from another kabupaten/kota (SKDWNI) gets a KK here."""


@kk_variant(J.DATANG_LN, "skdln", family="pendaftaran.skdln", document_jenis="skdln", luar_negeri=True)
class KKDatangLN(KKDatang):
    """A family arriving from abroad (SKDLN) gets a KK here."""
