"""Demo cuti: staff accounts linked to their Pegawai, last year's leave that makes this year's balances
show a carry-over (18 and 24 days), and a request in every state: diajukan, at the Sekretaris, at
the Kadis, approved with a signed surat izin cuti, approved waiting for the Kadis's TTE, refused,
cancelled and returned to the employee."""

from datetime import date, timedelta

from django.utils import timezone

from dukcapil.hari_kerja import add_hari_kerja, is_hari_kerja, office_closures

from . import cuti_data
from .demo import _advance
from .models import JenisCuti, Pegawai
from .services import cuti as svc
from .services.kepegawaian import pegawai_ubah

# demo account → the employee it belongs to (demo_kepegawaian's CSV)
AKUN = {"staf_umum": "Fikri Ramadhan", "agendaris": "Wulan Sari", "bendahara": "Nur Hidayah"}


def _hari_kerja_mulai(day: date) -> date:
    closures = office_closures(day, day + timedelta(days=30))
    while not is_hari_kerja(day, closures):
        day += timedelta(days=1)
    return day


def _rentang(mulai: date, hari_kerja: int) -> tuple[date, date]:
    """``hari_kerja`` working days from the first working day on or after ``mulai``, within one year."""
    start = _hari_kerja_mulai(mulai)
    end = add_hari_kerja(start, hari_kerja - 1)
    if end.year != start.year:
        start = _hari_kerja_mulai(date(start.year + 1, 1, 5))
        end = add_hari_kerja(start, hari_kerja - 1)
    return start, end


def _data(jenis: JenisCuti, rentang: tuple[date, date], alasan: str) -> svc.CutiData:
    return svc.CutiData(jenis=jenis, mulai=rentang[0], selesai=rentang[1], alasan=alasan, alamat="Jl. Melati 5, Bintan")


def build_cuti_demo(users) -> list:
    cuti_data.load()
    kasubag, sekretaris, kadis = users["kasubag"], users["sekretaris"], users["kadis"]
    pegawai = {}
    for username, nama in AKUN.items():
        p = Pegawai.objects.get(nama=nama)
        if p.pengguna_id is None:
            pegawai_ubah(user=kasubag, pk=p.pk, perubahan={"pengguna": (None, users[username])})
        pegawai[username] = p
    joko = Pegawai.objects.get(nama="Joko Santoso")  # no account: the Kasubag enters his leave
    tahunan = JenisCuti.objects.get(kode="tahunan")
    penting = JenisCuti.objects.get(kode="alasan-penting")
    today = timezone.localdate()
    made = []

    def ajukan(username, rentang, alasan, jenis=tahunan, pegawai_id=None, oleh=None):
        data = _data(jenis, rentang, alasan)
        p = svc.cuti_ajukan(user=oleh or users[username], data=data, pegawai_id=pegawai_id)
        made.append(p)
        return p

    def sampai_kadis(p):
        svc.cuti_teruskan(user=kasubag, pk=p.pk)
        svc.cuti_paraf(user=sekretaris, pk=p.pk)

    # last year: Fikri took 8 days (his balance this year: 12 + 6 carried = 18); the letter is signed
    lalu = ajukan(
        "staf_umum", _rentang(date(today.year - 1, 3, 9), 8), "Keperluan keluarga.",
        pegawai_id=pegawai["staf_umum"].pk, oleh=kasubag,
    )  # fmt: skip
    sampai_kadis(lalu)
    lalu = svc.cuti_setujui(user=kadis, pk=lalu.pk)
    _advance(lalu.naskah, "terbit", users, dari="periksa")
    # Wulan took none in two years: 24 days this year. Her request waits for the Sekretaris.
    ajukan("agendaris", _rentang(today + timedelta(days=14), 5), "Mengunjungi orang tua.")
    svc.cuti_teruskan(user=kasubag, pk=made[-1].pk, catatan="Sisa cuti mencukupi.")
    # Fikri's request waits for the Kasubag; an earlier one he cancelled
    batal = ajukan("staf_umum", _rentang(today + timedelta(days=35), 2), "Acara keluarga.")
    svc.cuti_batalkan(user=users["staf_umum"], pk=batal.pk, catatan="Acara diundur.")
    ajukan("staf_umum", _rentang(today + timedelta(days=21), 3), "Pernikahan saudara kandung.")
    # Nur Hidayah: one refused by the Kadis, one waiting for the Kadis, one returned by the Kasubag
    tolak = ajukan("bendahara", _rentang(today + timedelta(days=7), 4), "Liburan keluarga.")
    sampai_kadis(tolak)
    svc.cuti_tolak(user=kadis, pk=tolak.pk, alasan="Bertepatan dengan penyusunan laporan keuangan akhir tahun.")
    sampai_kadis(ajukan("bendahara", _rentang(today + timedelta(days=42), 2), "Mengurus dokumen keluarga."))
    kembali = ajukan("bendahara", _rentang(today + timedelta(days=56), 3), "Keperluan pribadi.", jenis=penting)
    svc.cuti_kembalikan(user=kasubag, pk=kembali.pk, catatan="Sebutkan alasan penting sesuai PP 11/2017.")
    # Joko (entered by the Kasubag): approved, the surat izin cuti waits for the Kadis's TTE
    joko_cuti = ajukan(
        "kasubag", _rentang(today + timedelta(days=28), 3), "Mengurus persiapan pensiun.", pegawai_id=joko.pk,
        oleh=kasubag,
    )  # fmt: skip
    sampai_kadis(joko_cuti)
    joko_cuti = svc.cuti_setujui(user=kadis, pk=joko_cuti.pk)
    _advance(joko_cuti.naskah, "tte", users, dari="periksa")
    return made
