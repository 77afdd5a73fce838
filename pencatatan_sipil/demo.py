"""Demo civil-registration berkas on the demo register: a birth ready for pickup, a marriage waiting
for the Kadis, a kutipan kedua of another office waiting for its confirmation, a PELITA 3 bundle
with the operator."""

from datetime import timedelta
from functools import partial

from django.utils import timezone

from dukcapil import services
from dukcapil.demo import register_at_counter, sign
from dukcapil.models import Berkas, User
from pendaftaran.demo import REGISTER_OFFSET
from pendaftaran.register import active_members, keluarga_by_nomor

from .layanan import permohonan_update


def build_capil_demo(users: dict[str, User]) -> list[Berkas]:
    # the migrated register's families (pendaftaran.demo.seed_register), apart from those the
    # population-registration demo berkas use
    indexes = range(REGISTER_OFFSET + 6, REGISTER_OFFSET + 12)
    families = [keluarga_by_nomor(f"2102012003{i % 100:02d}{i:04d}"[:16].ljust(16, "0")) for i in indexes]

    def member(keluarga, hubungan: str):
        return next(p for p in active_members(keluarga) if p.hubungan == hubungan)

    heads = [member(f, "KEPALA KELUARGA") for f in families]
    wives = [member(f, "ISTRI") for f in families]

    at_counter = partial(register_at_counter, user=users["loket_capil"])

    def to_tte(b: Berkas, data: dict) -> Berkas:
        permohonan_update(berkas_id=b.pk, user=users["operator_capil"], data=data)
        for action, who in (
            ("entri-selesai", "operator_capil"),
            ("verifikasi", "kasi_capil"),
            ("validasi", "kabid_capil"),
        ):
            b = services.berkas_transition(berkas_id=b.pk, action=action, user=users[who])
        return b

    def kelahiran(i: int, nama: str, jenis_kelamin: str, umur_hari: int, pukul: str, saksi: tuple[str, str]) -> dict:
        """The birth of a second child in family ``i``, as the operator enters it."""
        return {
            "nama_anak": nama,
            "jenis_kelamin": jenis_kelamin,
            "tempat_lahir": "BINTAN",
            "tanggal_lahir": (timezone.localdate() - timedelta(days=umur_hari)).isoformat(),
            "pukul": pukul,
            "anak_ke": 2,
            "penolong": "BIDAN/PERAWAT",
            "nik_ibu": wives[i].nik,
            "nik_ayah": heads[i].nik,
            "nomor_kk": families[i].nomor_kk,
            "nik_anak": "",
            "saksi_1": saksi[0],
            "saksi_2": saksi[1],
        }

    lahir = to_tte(
        at_counter("akta-kelahiran", heads[4]), kelahiran(4, "ALYA PUTRI", "P", 12, "08:15", ("HENDRA", "YANTI"))
    )
    made = [sign(lahir, users)]
    late = at_counter("akta-kelahiran", heads[5])
    permohonan_update(
        berkas_id=late.pk, user=users["operator_capil"], data=kelahiran(5, "BIMA SAKTI", "L", 95, "", ("ROSA", "AMIR"))
    )
    made.append(late)  # with the operator, flagged late
    made.append(
        at_counter(
            "kutipan-kedua",
            heads[3],
            {"nomor_akta_rujukan": "1471-LT-01022015-0042", "kantor_penerbit": "Dukcapil Kota Pekanbaru"},
        )
    )
    made.append(at_counter("pelita3", wives[2], {"1__jenis": "pisah", "1__nomor_kk": families[2].nomor_kk}))
    return made
