"""State changes of the IKM survey: an invitation per berkas (printed on the resi), one filled
questionnaire, and the semester report drawn up as a naskah for the Kadis's signature."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import escape

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import Berkas, Layanan, User
from dukcapil.workflow.permissions import Aksi, can

from . import hitung
from .choices import KODE_UNSUR, RESPONDEN, UNSUR
from .models import LaporanIKM, ResponIKM, UndanganIKM
from .naskah_data import KODE_JENIS
from .selectors import Hasil, hasil, semester_ini, snapshot

SUDAH_DIISI = "Survei untuk resi ini sudah diisi. Terima kasih atas penilaian Anda."


def undangan_untuk_berkas(*, berkas: Berkas) -> UndanganIKM:
    """The berkas's invitation (made once; the resi prints its link and QR)."""
    undangan, _ = UndanganIKM.objects.get_or_create(berkas=berkas)
    return undangan


def _periksa(jawaban: dict) -> dict:
    """Every score 1–4 and every respondent group one of its choices; else 400 naming the fields."""
    errors: dict[str, list[str]] = {}
    for u in UNSUR:
        value = jawaban.get(u.kode)
        if not isinstance(value, int) or not 1 <= value <= 4:
            errors[u.kode] = [f"Pilih salah satu jawaban 1–4 untuk unsur «{u.nama}»."]
    for name, label, choices in RESPONDEN:
        if jawaban.get(name) not in choices.values:
            errors[name] = [f"Pilih {label.lower()}."]
    if errors:
        raise BerkasInvalid("Jawaban belum lengkap; tidak ada yang disimpan.", fields=errors)
    return {k: jawaban[k] for k in (*KODE_UNSUR, *(n for n, _l, _c in RESPONDEN))}


def respon_kirim(*, saluran: str, jawaban: dict, layanan: Layanan | None = None, token: str | None = None) -> ResponIKM:
    """Keep one questionnaire. With a resi token the layanan is the berkas's and the token is used
    up in the same transaction (a second answer for that berkas is refused with 409)."""
    values = _periksa(jawaban)
    saran = (jawaban.get("saran") or "").strip()[:2000]
    now = timezone.now()
    with transaction.atomic():
        if token is not None:
            undangan = (
                UndanganIKM.objects.select_for_update().select_related("berkas__layanan").filter(token=token).first()
            )
            if undangan is None:
                raise BerkasInvalid("Tautan survei tidak dikenal.")
            if undangan.dijawab_pada is not None:
                raise BerkasConflict(SUDAH_DIISI)
            layanan = undangan.berkas.layanan
            undangan.dijawab_pada = now
            undangan.save(update_fields=["dijawab_pada"])
        if layanan is None:
            raise BerkasInvalid("Pilih layanan yang Anda terima.", fields={"layanan": ["Pilih layanan."]})
        return ResponIKM.objects.create(
            waktu=now, tanggal=timezone.localdate(now), layanan=layanan, saluran=saluran, saran=saran, **values
        )


# --- the semester report -----------------------------------------------------------------------


def _isi_naskah(h: Hasil, analisis: str, rtl: str) -> str:
    """The body of the naskah the Kadis signs: the index, the NRR per unsur and per layanan, the
    analysis and the rencana tindak lanjut (the charts are in the report's PDF, its lampiran)."""
    k = h.kantor
    unsur = "".join(
        f"<tr><td>U{i} {escape(u.nama)}{' (terendah)' if u.terendah else ''}</td>"
        f"<td>{hitung.format_angka(u.nrr)}</td><td>{hitung.format_angka(u.nrr_tertimbang, 3)}</td></tr>"
        for i, u in enumerate(k.unsur, start=1)
    )
    layanan = "".join(
        f"<tr><td>{escape(i.judul)}</td><td>{i.responden}</td><td>{hitung.format_angka(i.ikm)}</td>"
        f"<td>{i.mutu.huruf} ({i.mutu.label})</td></tr>"
        for i in h.per_layanan
    )
    paragraphs = lambda text: "".join(f"<p>{escape(p.strip())}</p>" for p in text.split("\n") if p.strip())  # noqa: E731
    return (
        f"<p>Survei Kepuasan Masyarakat (Permenpan-RB Nomor 14 Tahun 2017) {escape(h.periode)} "
        f"({h.awal:%d-%m-%Y} s.d. {h.akhir:%d-%m-%Y}) dijawab oleh {k.responden} responden. "
        f"Nilai IKM unit pelayanan <b>{hitung.format_angka(k.ikm)}</b>, mutu pelayanan <b>{k.mutu.huruf} "
        f"({escape(k.mutu.label)})</b>.</p>"
        f"<table><tr><th>Unsur pelayanan</th><th>NRR</th><th>NRR tertimbang</th></tr>{unsur}"
        f"<tr><td>IKM unit (Σ NRR tertimbang)</td><td></td><td>{hitung.format_angka(k.ikm_unit, 3)}</td></tr>"
        "</table>"
        f"<table><tr><th>Layanan</th><th>Responden</th><th>IKM</th><th>Mutu</th></tr>{layanan}</table>"
        f"<p><b>Analisis</b></p>{paragraphs(analisis)}"
        f"<p><b>Rencana tindak lanjut</b></p>{paragraphs(rtl)}"
        "<p>Tabel lengkap, komposisi responden dan grafik terlampir.</p>"
    )


def laporan_ikm_susun(
    *, user: User, tahun: int, semester: int, analisis: str, rencana_tindak_lanjut: str
) -> LaporanIKM:
    """The Kasi keeps the semester's results with the analysis and rencana tindak lanjut and draws
    them up as a naskah konsep (jenis «laporan-ikm»); the naskah chain carries it to the Kadis.
    A semester has one report; one whose naskah was withdrawn may be drawn up again."""
    from sekretariat.models import JenisNaskah, StatusNaskah
    from sekretariat.services.naskah import naskah_buat

    if not can(user, Aksi.LAPORAN_IKM):
        raise BerkasForbidden("Hanya Kasi yang menyusun laporan IKM semester.")
    errors = {}
    if semester not in (1, 2):
        errors["semester"] = ["Pilih semester I atau II."]
    if (tahun, semester) > semester_ini():
        errors["semester"] = ["Semester ini belum dimulai."]
    analisis, rtl = (analisis or "").strip(), (rencana_tindak_lanjut or "").strip()
    if not analisis:
        errors["analisis"] = ["Analisis wajib diisi."]
    if not rtl:
        errors["rencana_tindak_lanjut"] = ["Rencana tindak lanjut wajib diisi."]
    if errors:
        raise BerkasInvalid("Periksa kembali isian laporan.", fields=errors)
    h = hasil(tahun, semester)
    if not h.kantor.responden:
        raise BerkasInvalid(
            "Belum ada jawaban survei pada semester ini.", fields={"semester": ["Belum ada responden."]}
        )
    jenis = JenisNaskah.objects.filter(kode=KODE_JENIS).first()
    if jenis is None:
        raise BerkasInvalid(f"Jenis naskah «{KODE_JENIS}» belum tersedia.")
    try:
        with transaction.atomic():
            laporan = LaporanIKM.objects.select_for_update().filter(tahun=tahun, semester=semester).first()
            if laporan and laporan.naskah_id and laporan.naskah.status != StatusNaskah.DITARIK:
                raise BerkasConflict(f"Laporan IKM semester ini sudah disusun ({laporan.naskah.get_status_display()}).")
            laporan = laporan or LaporanIKM(tahun=tahun, semester=semester)
            laporan.data = snapshot(h)
            laporan.dihitung_pada = timezone.now()
            laporan.analisis = analisis[:20000]
            laporan.rencana_tindak_lanjut = rtl[:20000]
            laporan.dibuat_oleh = user
            laporan.naskah = naskah_buat(
                user=user,
                jenis=jenis,
                hal=f"Laporan Indeks Kepuasan Masyarakat {h.periode}",
                isi=_isi_naskah(h, analisis, rtl),
                tujuan_nama="Kepala Dinas",
                lampiran="1 (satu) berkas",
            )
            laporan.save()
    except IntegrityError:
        raise BerkasConflict("Laporan IKM semester ini baru saja disusun oleh orang lain.") from None
    return laporan
