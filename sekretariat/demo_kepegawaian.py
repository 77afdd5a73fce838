"""Demo data pegawai: twelve employees whose NIPs decode, loaded through the CSV import, with one
KGB and one pension due within three months and a kenaikan pangkat overdue, so the DUK and the
buku kendali have something to show; the pension's usulan is started and waits for BKD's reply.
Two married employees without KARIS/KARSU and the retiring one (MPP window) are on its watch lists."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from . import kepegawaian_data
from .models import Pegawai
from .services.kepegawaian import pegawai_impor_csv, pegawai_ubah, usulan_mulai

# {kgb}: Hendra's last KGB, so the next falls due next month; {lahir}/{nip9}: Joko reaches 58 next month.
CSV = """nip;gelar_depan;nama;gelar_belakang;tanggal_lahir;status;golongan;tmt_pangkat;jabatan;tmt_jabatan;unit;\
tmt_kgb;tingkat_pendidikan;pendidikan;diklat
197003141995031001;Drs.;Ahmad Fauzi;M.Si.;1970-03-14;PNS;IV/c;2023-05-01;Kepala Dinas;2021-01-04;Pimpinan;\
2025-04-01;S-2;Administrasi Publik;PIM II
197208021998032002;;Ratna Dewi;S.H., M.H.;1972-08-02;PNS;IV/b;2023-06-01;Sekretaris;2021-01-04;Sekretariat;\
2025-04-01;S-2;Hukum;PIM II
197401201999121003;;Bambang Susilo;S.Sos.;1974-01-20;PNS;IV/a;2023-07-01;\
Kepala Bidang Pelayanan Pendaftaran Penduduk;2021-01-04;\
Bidang Pelayanan Pendaftaran Penduduk;2025-04-01;S-1;Sosiologi;PIM III
197611052001122004;;Sri Wahyuni;S.E.;1976-11-05;PNS;IV/a;2023-08-01;Kepala Bidang Pelayanan Pencatatan Sipil;\
2021-01-04;Bidang Pelayanan Pencatatan Sipil;2025-04-01;S-1;Manajemen;PIM III
197906092005031005;;Teguh Prasetyo;S.AP.;1979-06-09;PNS;III/d;2023-09-01;Kepala Subbagian Umum dan Kepegawaian;\
2021-01-04;Sekretariat;2025-04-01;S-1;Administrasi Publik;PIM IV
198404172009012006;;Dewi Lestari;S.Kom.;1984-04-17;PNS;III/c;2023-10-01;\
Administrator Database Kependudukan Ahli Muda;2021-01-04;Bidang PIAK;2025-04-01;S-1;Teknik Informatika;
198809302014031007;;Hendra Gunawan;S.T.;1988-09-30;PNS;III/b;2023-11-01;\
Administrator Database Kependudukan Ahli Pertama;2021-01-04;Bidang PIAK;{kgb};S-1;Teknik Elektro;
199002112015032008;;Siti Aminah;A.Md.;1990-02-11;PNS;II/d;2022-10-01;Pranata Komputer Terampil;2021-01-04;\
Bidang Pelayanan Pendaftaran Penduduk;2025-04-01;D-III;Manajemen Informatika;
{nip9};;Joko Santoso;;{lahir};PNS;III/a;2024-01-01;Pengadministrasi Perkantoran;2021-01-04;Sekretariat;\
2025-04-01;SMA;SMA IPS;
199207232019032010;;Wulan Sari;S.Sos.;1992-07-23;PNS;III/a;2024-02-01;Pengolah Data dan Informasi;2021-01-04;\
Sekretariat;2025-04-01;S-1;Ilmu Komunikasi;
199505032020011011;;Fikri Ramadhan;;1995-05-03;PNS;II/b;2024-03-01;Penata Layanan Operasional;2021-01-04;\
Bidang Pelayanan Pencatatan Sipil;2025-04-01;SMA;SMK Perkantoran;
198712082012032012;;Nur Hidayah;S.Ak.;1987-12-08;PNS;III/b;2024-04-01;Bendahara;2021-01-04;Sekretariat;\
2025-04-01;S-1;Akuntansi;
"""


def build_kepegawaian_demo(users) -> list[Pegawai]:
    kepegawaian_data.load()  # the migration's rows, again if a flush removed them
    today = timezone.localdate()
    lahir = (today - relativedelta(years=58) + relativedelta(months=1)).replace(day=15)
    kgb = today.replace(day=1) - relativedelta(years=2) + relativedelta(months=1)
    teks = CSV.format(kgb=kgb.isoformat(), lahir=lahir.isoformat(), nip9=f"{lahir:%Y%m%d}1990031009")
    pegawai_impor_csv(user=users["kasubag"], teks=teks)
    teguh = Pegawai.objects.get(nama="Teguh Prasetyo")
    pegawai_ubah(user=users["kasubag"], pk=teguh.pk, perubahan={"pengguna": (None, users["kasubag"])})
    # Joko's pension is proposed and waits for BKD's reply; Hendra's KGB is left for the button
    joko = Pegawai.objects.select_related("jabatan").get(nama="Joko Santoso")
    usulan_mulai(user=users["kasubag"], pegawai_id=joko.pk, jenis="pensiun", jatuh_tempo=joko.tmt_pensiun)
    # married: Hendra (no KARIS yet) and Siti (no KARSU yet) are on the watch list, Wulan has her card
    menikah = {"Hendra Gunawan": ("2016-05-21", ""), "Siti Aminah": ("2018-10-06", ""),
               "Wulan Sari": ("2020-02-14", "KS.2020/0457")}  # fmt: skip
    for p in Pegawai.objects.filter(nama__in=menikah):
        tanggal, kartu = menikah[p.nama]
        perubahan = {"tanggal_menikah": (None, date.fromisoformat(tanggal)), "nomor_karis_karsu": ("", kartu)}
        pegawai_ubah(user=users["kasubag"], pk=p.pk, perubahan=perubahan)
    return list(Pegawai.objects.all())
