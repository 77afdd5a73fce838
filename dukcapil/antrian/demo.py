"""Demo queue: lines A (Pendaftaran Penduduk) and B (Pencatatan Sipil), three lokets, today's tickets
in every state with their calls (the display shows something), and five past working days for the
statistics. Made through the services, each step at its own moment (``now=``)."""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from dukcapil.hari_kerja import is_hari_kerja
from dukcapil.models import Bidang, Layanan, User

from . import services as svc
from .antrian_data import load as load_defaults
from .models import JalurAntrian, Loket, SumberTiket, Tiket

LOKET = [  # (nomor, nama, bidang, jalur)
    (1, "Pendaftaran Penduduk", "pendaftaran", ["A"]),
    (2, "Pendaftaran Penduduk", "pendaftaran", ["A"]),
    (3, "Pencatatan Sipil", "pencatatan_sipil", ["B"]),
]
PETUGAS = {"pendaftaran": "loket", "pencatatan_sipil": "loket_capil"}


def _setup() -> tuple[dict[str, JalurAntrian], dict[int, Loket]]:
    load_defaults()
    jalur = {j.huruf: j for j in JalurAntrian.objects.filter(huruf__in=["A", "B"])}
    for huruf, bidang in (("A", "pendaftaran"), ("B", "pencatatan_sipil")):
        layanan = Layanan.objects.filter(bidang__kode=bidang, aktif=True, sop__isnull=False).exclude(jenis_berkas="")
        jalur[huruf].layanan.set(layanan)
    lokets = {}
    for nomor, nama, bidang, huruf in LOKET:
        loket, _ = Loket.objects.get_or_create(
            nomor=nomor, defaults={"nama": nama, "bidang": Bidang.objects.get(kode=bidang)}
        )
        loket.jalur.set([jalur[h] for h in huruf])
        lokets[nomor] = loket
    return jalur, lokets


def _day(jalur, lokets, users, day, start: datetime, rng: random.Random, n_per_line: int) -> list[Tiket]:
    """A whole served day: tickets every few minutes, called, served, finished; one no-show per line."""
    made = []
    for huruf, nomor_loket in (("A", [1, 2]), ("B", [3])):
        at = start
        for _ in range(n_per_line):
            at += timedelta(minutes=rng.randint(2, 6))
            made.append(svc.tiket_terbitkan(jalur=jalur[huruf], tanggal=day, sumber=SumberTiket.KIOSK, now=at))
        clock = {n: start + timedelta(minutes=10) for n in nomor_loket}
        for i in range(n_per_line):
            n = nomor_loket[i % len(nomor_loket)]
            loket, user = lokets[n], users[PETUGAS[lokets[n].bidang.kode]]
            waiting = Tiket.objects.filter(jalur=jalur[huruf], tanggal=day, status="menunggu").order_by("antre_sejak")
            first = waiting.first()
            clock[n] = max(clock[n], first.antre_sejak) + timedelta(minutes=rng.randint(3, 12))
            t = svc.tiket_panggil_berikut(loket_id=loket.pk, user=user, now=clock[n])
            if i == 2:  # did not come
                svc.tiket_aksi(
                    tiket_id=t.pk, loket_id=loket.pk, aksi="lewati", user=user, now=clock[n] + timedelta(minutes=2)
                )
                continue
            clock[n] += timedelta(minutes=1)
            svc.tiket_aksi(tiket_id=t.pk, loket_id=loket.pk, aksi="layani", user=user, now=clock[n])
            clock[n] += timedelta(minutes=rng.randint(4, 15))
            svc.tiket_aksi(tiket_id=t.pk, loket_id=loket.pk, aksi="selesai", user=user, now=clock[n])
    return made


def build_antrian_demo(users: dict[str, User]) -> list[Tiket]:
    rng = random.Random(2026)
    jalur, lokets = _setup()
    now = timezone.localtime()
    today = now.date()
    # keep every demo moment in the past and within today
    start = max(timezone.make_aware(datetime.combine(today, time(0, 5))), now - timedelta(hours=3))
    made: list[Tiket] = []

    # five past working days, fully served
    day, past = today, []
    while len(past) < 5:
        day -= timedelta(days=1)
        if is_hari_kerja(day):
            past.append(day)
    for d in past:
        made += _day(jalur, lokets, users, d, timezone.make_aware(datetime.combine(d, time(8, 0))), rng, 8)

    # today: tickets in every state
    loket_user = {n: users[PETUGAS[lk.bidang.kode]] for n, lk in lokets.items()}
    at = start
    for huruf, n in (("A", 7), ("B", 4)):
        for _ in range(n):
            at += timedelta(minutes=2)
            made.append(svc.tiket_terbitkan(jalur=jalur[huruf], tanggal=today, sumber=SumberTiket.KIOSK, now=at))
    from pendaftaran.models import Penduduk

    niks = list(Penduduk.objects.order_by("pk").values_list("nik", flat=True)[:2])
    for nik in niks:  # online: one waiting, one given up
        at += timedelta(minutes=1)
        made.append(svc.tiket_terbitkan(jalur=jalur["A"], tanggal=today, sumber=SumberTiket.ONLINE, now=at, nik=nik,
                                         email="warga@example.com"))  # fmt: skip
    if len(niks) == 2:
        svc.tiket_batal(token=made[-1].token)

    def act(n, t, aksi, minutes):
        return svc.tiket_aksi(tiket_id=t.pk, loket_id=lokets[n].pk, aksi=aksi, user=loket_user[n],
                              now=at + timedelta(minutes=minutes))  # fmt: skip

    def call(n, minutes):
        return svc.tiket_panggil_berikut(loket_id=lokets[n].pk, user=loket_user[n], now=at + timedelta(minutes=minutes))

    # loket 1: A001 finished, A003 skipped (no-show), A004 being served
    t = call(1, 1)
    act(1, t, "layani", 2)
    act(1, t, "selesai", 9)
    t2 = call(2, 3)  # loket 2: A002 finished
    act(2, t2, "layani", 4)
    act(2, t2, "selesai", 12)
    t = call(1, 10)
    act(1, t, "panggil-ulang", 11)
    act(1, t, "lewati", 12)
    t = call(1, 13)
    act(1, t, "layani", 14)
    # loket 3: B001 finished, B002 called (on the display now)
    t = call(3, 2)
    act(3, t, "layani", 3)
    act(3, t, "selesai", 10)
    call(3, 14)
    return made
