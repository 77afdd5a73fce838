from csp.decorators import csp_update
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

from . import views
from .cetakan import views as cetakan_views
from .notifikasi import views as notifikasi_views
from .tte import views as tte_views

admin.site.site_header = "Administrasi Dukcapil"
admin.site.site_title = "Administrasi Dukcapil"
admin.site.index_title = "Katalog SOP, pegawai, dan berkas"

handler403 = "dukcapil.errors.permission_denied"
handler404 = "dukcapil.errors.page_not_found"
handler500 = "dukcapil.errors.server_error"

# Swagger UI and Redoc set style attributes from their scripts; only their pages allow that. Their
# scripts are files (the split Swagger view, templates/drf_spectacular/redoc.html), never inline.
api_docs_csp = csp_update({"style-src": ["'unsafe-inline'"], "worker-src": ["'self'", "blob:"]})

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "masuk/",
        auth_views.LoginView.as_view(template_name="registration/login.html", redirect_authenticated_user=True),
        name="login",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("kotak-masuk/", views.kotak_masuk, name="kotak-masuk"),
    path("loket/", views.intake_pilih_layanan, name="intake-pilih"),
    path("loket/<slug:kode>/", views.intake, name="intake"),
    path("pengambilan/", views.pengambilan, name="pengambilan"),
    path("pengambilan/buku/", views.buku_pengambilan, name="buku-pengambilan"),
    path("pengambilan/<str:nomor>/", views.serahkan, name="serahkan"),
    path("berkas/<str:nomor>/", views.berkas_detail, name="berkas-detail"),
    path("berkas/<str:nomor>/ajukan-ulang/", views.berkas_resubmit, name="berkas-resubmit"),
    path("berkas/<str:nomor>/entri-paket/", views.paket_entri, name="paket-entri"),
    path("berkas/<str:nomor>/dokumen/<slug:jenis>/", views.dokumen_unduh, name="dokumen-unduh"),
    path("berkas/<str:nomor>/slip-kekurangan/", views.slip_kekurangan, name="slip-kekurangan"),
    path("berkas/<str:nomor>/kartu-kendali/", views.kartu_kendali_cetak, name="kartu-kendali-cetak"),
    path("berkas/<str:nomor>/produksi-ulang/", views.berkas_produksi_ulang, name="berkas-produksi-ulang"),
    path("berkas/<str:nomor>/<slug:action>/", views.berkas_action, name="berkas-action"),
    path("cari/", views.cari, name="cari"),
    path("notifikasi/", notifikasi_views.daftar, name="notifikasi"),
    path("notifikasi/baca-semua/", notifikasi_views.baca_semua, name="notifikasi-baca-semua"),
    path("notifikasi/<int:pk>/buka/", notifikasi_views.buka, name="notifikasi-buka"),
    path("cetakan/<uuid:token>/", cetakan_views.cetakan_detail, name="cetakan"),
    path("cetakan/<uuid:token>/unduh/", cetakan_views.cetakan_unduh, name="cetakan-unduh"),
    path("cek-status/", views.status_publik, name="status-publik"),
    path("tte/batch/", tte_views.batch_start, name="tte-batch-start"),
    path("tte/batch/<int:batch_id>/", tte_views.batch_detail, name="tte-batch"),
    path("tte/batch/<int:batch_id>/progres/", tte_views.batch_progress, name="tte-batch-progres"),
    path("verifikasi/<uuid:token>/", tte_views.verifikasi, name="verifikasi-dokumen"),
    path("layanan/", views.layanan_publik, name="layanan-publik"),
    path("layanan/<slug:kode>/", views.layanan_publik_detail, name="layanan-publik-detail"),
    path("maklumat/", views.maklumat, name="maklumat"),
    path("pendaftaran/", include("pendaftaran.urls")),
    path("capil/", include("pencatatan_sipil.urls")),
    path("sekretariat/", include("sekretariat.urls")),
    path("piak/", include("piak.urls")),
    path("warga/", include("dukcapil.warga.urls")),
    path("ikm/", include("dukcapil.ikm.urls")),
    path("kinerja/", include("dukcapil.kinerja.urls")),
    path("antrian/", include("dukcapil.antrian.urls")),
    path("api/v1/", include("dukcapil.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", api_docs_csp(SpectacularSwaggerSplitView.as_view(url_name="api-schema")), name="api-docs"),
    path("api/redoc/", api_docs_csp(SpectacularRedocView.as_view(url_name="api-schema")), name="api-redoc"),
    path("admin/", admin.site.urls),
]
# Media (generated documents hold personal data) is never served publicly: staff download
# through dokumen_unduh, which checks the bidang.
