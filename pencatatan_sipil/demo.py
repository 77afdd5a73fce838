"""Demo civil-registration berkas on the demo register: a birth ready for pickup, a marriage waiting
for the Kadis, a kutipan kedua of another office waiting for its confirmation, a PELITA 3 bundle
with the operator."""

from datetime import timedelta

from django.utils import timezone

from dukcapil import services
from dukcapil.demo import sign
from dukcapil.models import Berkas, Layanan, User
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

    def at_counter(kode: str, person, detail=None) -> Berkas:
        layanan = Layanan.objects.get(kode=kode)
        return services.berkas_register(
            layanan=layanan,
            pemohon=services.PemohonData(
                nik=person.nik, nama=person.nama, tanggal_lahir=person.tanggal_lahir, jenis_kelamin=person.jenis_kelamin
            ),
            persyaratan_ids=list(layanan.persyaratan_berlaku().values_list("pk", flat=True)),
            user=users["loket_capil"],
            detail=detail,
        )

    def to_tte(b: Berkas, data: dict) -> Berkas:
        permohonan_update(berkas_id=b.pk, user=users["operator_capil"], data=data)
        for action, who in (
            ("entri-selesai", "operator_capil"),
            ("verifikasi", "kasi_capil"),
            ("validasi", "kabid_capil"),
        ):
            b = services.berkas_transition(berkas_id=b.pk, action=action, user=users[who])
        return b

    today = timezone.localdate()
    lahir = to_tte(
        at_counter("akta-kelahiran", heads[4]),
        {
            "nama_anak": "ALYA PUTRI",
            "jenis_kelamin": "P",
            "tempat_lahir": "BINTAN",
            "tanggal_lahir": (today - timedelta(days=12)).isoformat(),
            "pukul": "08:15",
            "anak_ke": 2,
            "penolong": "BIDAN/PERAWAT",
            "nik_ibu": wives[4].nik,
            "nik_ayah": heads[4].nik,
            "nomor_kk": families[4].nomor_kk,
            "nik_anak": "",
            "saksi_1": "HENDRA",
            "saksi_2": "YANTI",
        },
    )
    made = [sign(lahir, users)]
    late = at_counter("akta-kelahiran", heads[5])
    permohonan_update(
        berkas_id=late.pk,
        user=users["operator_capil"],
        data={
            "nama_anak": "BIMA SAKTI",
            "jenis_kelamin": "L",
            "tempat_lahir": "BINTAN",
            "tanggal_lahir": (today - timedelta(days=95)).isoformat(),
            "pukul": "",
            "anak_ke": 2,
            "penolong": "BIDAN/PERAWAT",
            "nik_ibu": wives[5].nik,
            "nik_ayah": heads[5].nik,
            "nomor_kk": families[5].nomor_kk,
            "nik_anak": "",
            "saksi_1": "ROSA",
            "saksi_2": "AMIR",
        },
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
