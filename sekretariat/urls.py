from django.urls import include, path

from dukcapil.routes import record_paths

from .views import anjab as anjab_views
from .views import bmd as bmd_views
from .views import cuti as cuti_views
from .views import disiplin as disiplin_views
from .views import gaji, spj
from .views import kepegawaian as kepegawaian_views
from .views import keuangan as keu
from .views import naskah as naskah_views
from .views import perencanaan as ren
from .views import presensi as presensi_views
from .views import surat_masuk as sm

app_name = "sekretariat"
# --- surat masuk and disposisi ---
satu_surat = [
    path("", sm.surat_masuk_detail, name="surat-masuk-detail"),
    path("pindaian/", sm.surat_masuk_pindaian, name="surat-masuk-pindaian"),
    path("lembar-disposisi/", sm.lembar_disposisi, name="lembar-disposisi"),
    path("<slug:aksi>/", sm.surat_masuk_aksi, name="surat-masuk-aksi"),
]

urlpatterns = [
    path("surat-masuk/", sm.surat_masuk_list, name="surat-masuk"),
    path("surat-masuk/baru/", sm.surat_masuk_baru, name="surat-masuk-baru"),
    path("surat-masuk/buku-agenda/", sm.buku_agenda, name="buku-agenda-masuk"),
    path("surat-masuk/<int:pk>/", include(satu_surat)),
    path(
        "disposisi/",
        include(
            [
                path("", sm.register_disposisi, name="register-disposisi"),
                path("saya-berikan/", sm.disposisi_saya, name="disposisi-diberikan"),
                path("<int:pk>/", sm.disposisi_detail, name="disposisi-detail"),
                path("<int:pk>/<slug:aksi>/", sm.disposisi_aksi, name="disposisi-aksi"),
            ]
        ),
    ),
    # --- end surat masuk ---
]

# --- naskah dinas keluar (sek2) ---
_naskah = [
    path("ubah/", naskah_views.naskah_ubah, name="naskah-ubah"),
    path("versi/", naskah_views.naskah_diff, name="naskah-diff"),
    path("pdf/<slug:jenis>/", naskah_views.naskah_pdf, name="naskah-pdf"),
    path("<slug:action>/", naskah_views.naskah_action, name="naskah-action"),
]
urlpatterns += [
    path("naskah/", naskah_views.naskah_list, name="naskah-list"),
    path("naskah/baru/<slug:kode>/", naskah_views.naskah_baru, name="naskah-baru"),
    path("naskah/balas/<int:pk>/", naskah_views.naskah_balas, name="naskah-balas"),
    path("naskah/<int:pk>/", include(_naskah)),
    path("naskah/<int:pk>/", naskah_views.naskah_detail, name="naskah-detail"),
    path("buku-agenda-keluar/", naskah_views.buku_agenda_keluar, name="buku-agenda-keluar"),
    path("buku-ekspedisi/", naskah_views.buku_ekspedisi, name="buku-ekspedisi"),
]
# --- end naskah dinas keluar ---

# --- presensi ---
urlpatterns += [
    path("presensi/", presensi_views.rekap, name="presensi-rekap"),
    path("presensi/ajukan/", presensi_views.rekap_ajukan, name="presensi-rekap-ajukan"),
    path("presensi/impor/", presensi_views.impor, name="presensi-impor"),
    path("presensi/keterangan/", presensi_views.keterangan, name="presensi-keterangan"),
]
# --- end presensi ---

# --- disiplin ---
urlpatterns += [
    path("disiplin/", disiplin_views.kasus_list, name="disiplin"),
    path("disiplin/<int:pk>/", disiplin_views.kasus_detail, name="disiplin-detail"),
    path("disiplin/<int:pk>/langkah/", disiplin_views.kasus_langkah, name="disiplin-langkah"),
    path("disiplin/<int:pk>/tutup/", disiplin_views.kasus_tutup, name="disiplin-tutup"),
]
# --- end disiplin ---

# --- kepegawaian (data pegawai, DUK, buku kendali) ---
urlpatterns += [
    path("pegawai/", kepegawaian_views.pegawai_list, name="pegawai-list"),
    path("pegawai/baru/", kepegawaian_views.pegawai_baru, name="pegawai-baru"),
    path("pegawai/impor/", kepegawaian_views.pegawai_impor, name="pegawai-impor"),
    path("pegawai/duk/", kepegawaian_views.duk, name="duk"),
    path("pegawai/buku-kendali/", kepegawaian_views.buku_kendali, name="buku-kendali-pegawai"),
    path("pegawai/<int:pk>/", kepegawaian_views.pegawai_detail, name="pegawai-detail"),
    path("pegawai/<int:pk>/ubah/", kepegawaian_views.pegawai_ubah, name="pegawai-ubah"),
    path("pegawai/<int:pk>/usulan/", kepegawaian_views.usulan_mulai, name="usulan-mulai"),
    *record_paths("usulan-kepegawaian/", "usulan", kepegawaian_views, "usulan", aksi=""),
]
# --- end kepegawaian ---

# --- keuangan (SPP → SPM → SP2D, DPA, realisasi) ---
urlpatterns += [
    *record_paths("keuangan/spp/", "spp", keu, "spp", create="baru"),
    path("keuangan/dpa/", keu.dpa, name="dpa"),
    path("keuangan/realisasi/", keu.realisasi, name="realisasi"),
]
# --- end keuangan ---
# --- SPJ dan daftar gaji (keuangan, issue 15) ---
urlpatterns += [
    *record_paths("keuangan/spj/", "spj", spj, "spj", create="baru", files=(("bukti/", "bukti"), ("pdf/", "cetak"))),
    path("keuangan/spj/bukti/<int:pk>/", spj.spj_bukti_unduh, name="spj-bukti-unduh"),
    *record_paths("keuangan/spj-fungsional/", "spj-fungsional", spj, "fungsional", files=(("pdf/", "cetak"),)),
    *record_paths("keuangan/gaji/", "daftar-gaji", gaji, "daftar", files=(("pdf/", "cetak"), ("pph21/", "pph21"))),
]

# --- perencanaan dan pelaporan (calendar) ---
urlpatterns += [
    path("perencanaan/", ren.kalender, name="perencanaan"),
    path("perencanaan/buat/", ren.kalender_buat, name="perencanaan-buat"),
    path("perencanaan/<int:pk>/", ren.detail, name="perencanaan-detail"),
    path("perencanaan/<int:pk>/berkas/", ren.berkas_final, name="perencanaan-berkas"),
    path("perencanaan/<int:pk>/<slug:aksi>/", ren.aksi, name="perencanaan-aksi"),
]
# --- end perencanaan ---

# --- cuti pegawai ---
urlpatterns += [
    path("cuti/", cuti_views.saldo, name="cuti-saldo"),
    path("cuti/ajukan/", cuti_views.ajukan, name="cuti-ajukan"),
    path("cuti/register/", cuti_views.register, name="cuti-register"),
    path("cuti/<int:pk>/", cuti_views.detail, name="cuti-detail"),
    path("cuti/<int:pk>/<slug:aksi>/", cuti_views.aksi, name="cuti-aksi"),
]
# --- end cuti ---
# --- bmd (KIR, label, mutasi, usulan pemeliharaan/penghapusan) ---
urlpatterns += [
    path("bmd/", bmd_views.ruangan_list, name="bmd-ruangan"),
    path("bmd/ruangan/<int:pk>/", bmd_views.kir, name="kir"),
    path("bmd/ruangan/<int:pk>/impor/", bmd_views.kir_impor, name="kir-impor"),
    path("bmd/ruangan/<int:pk>/cetak/", bmd_views.kir_cetak, name="kir-cetak"),
    path("bmd/label/", bmd_views.label_cetak, name="bmd-label"),
    path("bmd/barang/<int:pk>/", bmd_views.barang_detail, name="barang-detail"),
    path("bmd/barang/<int:pk>/ubah/", bmd_views.barang_ubah, name="barang-ubah"),
    path("bmd/barang/<int:pk>/mutasi/", bmd_views.barang_mutasi, name="barang-mutasi"),
    path("bmd/b/<uuid:token>/", bmd_views.barang_qr, name="barang-qr"),
    *record_paths("bmd/usulan/", "usulan-bmd", bmd_views, "usulan"),
]
# --- end bmd ---
# --- anjab (Anjab/ABK, program pengembangan SDM; P1.2.3) ---
urlpatterns += [
    *record_paths("anjab/", "anjab", anjab_views, "putaran"),
    path("anjab/isian/<int:pk>/", anjab_views.isian_detail, name="anjab-isian"),
    path("anjab/isian/<int:pk>/<slug:aksi>/", anjab_views.isian_aksi, name="anjab-isian-aksi"),
    *record_paths(
        "program-sdm/", "program-sdm", anjab_views, "program", files=(("sertifikat/", "sertifikat"),), aksi=""
    ),
]
# --- end anjab ---
