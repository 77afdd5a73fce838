"""State changes of disiplin (Lumajang «SOP Penanganan Disiplin Pegawai»): the Kasubag Umum and
Kepegawaian opens a case and records each step; a written warning (SP I–III) is drafted as a naskah
that the Sekretaris initials and the Kadis signs through the naskah chain. Steps go in order.
A case is closed (``disiplin_tutup``) when the pegawai has improved or the hukuman disiplin was
handed over to the Inspektorat/BKPSDM (with the letter's reference); a closed case takes no step."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.workflow.permissions import Aksi, can

from ..models.disiplin import CaraSelesai, KasusDisiplin, LangkahDisiplin, TingkatDisiplin
from ..models.naskah import JenisNaskah
from ..selectors.disiplin import langkah_berikut
from ..selectors.presensi import pegawai_aktif
from .naskah import naskah_buat


def _check(user) -> None:
    if not can(user, Aksi.DISIPLIN):
        raise BerkasForbidden("Peran Anda tidak berwenang menangani disiplin pegawai.")


def disiplin_buka(*, user, pegawai_id: int) -> KasusDisiplin:
    _check(user)
    pegawai = pegawai_aktif().filter(pk=pegawai_id).first()
    if pegawai is None:
        raise BerkasInvalid("Pegawai tidak ditemukan.")
    if KasusDisiplin.objects.filter(pegawai=pegawai, selesai=False).exists():
        raise BerkasConflict("Pegawai ini masih memiliki kasus disiplin yang terbuka.")
    return KasusDisiplin.objects.create(pegawai=pegawai, dibuka_oleh=user)


def _kasus_terkunci(kasus_pk: int) -> KasusDisiplin:
    """The case locked for a change; a closed case refuses it (409)."""
    kasus = KasusDisiplin.objects.select_for_update().select_related("pegawai").filter(pk=kasus_pk).first()
    if kasus is None:
        raise BerkasInvalid("Kasus disiplin tidak ditemukan.")
    if kasus.selesai:
        raise BerkasConflict("Kasus disiplin ini sudah selesai; tidak ada langkah lagi yang dapat dicatat.")
    return kasus


def disiplin_langkah(*, user, kasus_pk: int, tingkat: str, tanggal: date, pelanggaran: str) -> LangkahDisiplin:
    """Record the next step of the ladder; a written warning starts its naskah (konsep)."""
    _check(user)
    if not pelanggaran.strip():
        raise BerkasInvalid("Uraian pelanggaran wajib diisi.")
    with transaction.atomic():
        kasus = _kasus_terkunci(kasus_pk)
        berikut = langkah_berikut(kasus)
        if tingkat != berikut:
            expected = TingkatDisiplin(berikut).label if berikut else "tidak ada (kasus sudah di tingkat terakhir)"
            raise BerkasConflict(f"Langkah berikutnya: {expected}. Tingkat lain belum dapat dicatat.")
        naskah = None
        if tingkat != TingkatDisiplin.LISAN:
            nama = kasus.pegawai.nama_lengkap
            label = TingkatDisiplin(tingkat).label
            isi = (
                f"<p>Diberikan {label} kepada {escape(nama)}, NIP {escape(kasus.pegawai.nip)}.</p>"
                f"<p>Pelanggaran: {escape(pelanggaran.strip())}</p>"
                "<p>Kepada yang bersangkutan diminta memperbaiki sikap dan perilaku serta menaati ketentuan "
                "disiplin pegawai negeri sipil.</p>"
            )
            jenis = JenisNaskah.objects.get(kode="surat-peringatan")
            naskah = naskah_buat(user=user, jenis=jenis, hal=f"{label} a.n. {nama}", isi=isi, tujuan_nama=nama)
        return LangkahDisiplin.objects.create(
            kasus=kasus,
            tingkat=tingkat,
            tanggal=tanggal,
            pelanggaran=pelanggaran.strip(),
            dicatat_oleh=user,
            naskah=naskah,
        )


def disiplin_tutup(*, user, kasus_pk: int, cara: str, alasan: str, rujukan: str = "") -> KasusDisiplin:
    """Close a case: who, when, how (membaik / diserahkan) and why; a hand-over names its letter."""
    _check(user)
    alasan, rujukan = (alasan or "").strip(), (rujukan or "").strip()
    if cara not in CaraSelesai.values:
        raise BerkasInvalid("Pilih cara kasus ini selesai.")
    if not alasan:
        raise BerkasInvalid("Alasan penutupan kasus wajib diisi.")
    if cara == CaraSelesai.DISERAHKAN and not rujukan:
        raise BerkasInvalid("Nomor surat penyerahan ke Inspektorat/BKPSDM wajib diisi.")
    with transaction.atomic():
        kasus = _kasus_terkunci(kasus_pk)
        kasus.selesai = True
        kasus.cara_selesai, kasus.alasan_selesai, kasus.rujukan_selesai = cara, alasan, rujukan
        kasus.ditutup_oleh, kasus.ditutup_pada = user, timezone.now()
        fields = ["selesai", "cara_selesai", "alasan_selesai", "rujukan_selesai", "ditutup_oleh", "ditutup_pada"]
        kasus.save(update_fields=fields)
    return kasus
