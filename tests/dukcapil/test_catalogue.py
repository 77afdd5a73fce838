import csv
import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from dukcapil.catalogue import OFFICES_DIR, available_offices, derive_tahap, load_office, parse_jangka_hari
from dukcapil.choices import Status
from dukcapil.models import SOP, Kantor, LangkahSOP, Layanan, Persyaratan
from tests.factories import register

pytestmark = pytest.mark.django_db

# SOPs and steps per office, counted in the seed documents (../shared/seeds/).
EXPECTED = {
    "bintan": (8, 36),
    "pekanbaru": (1, 11),
    "probolinggo": (36, 291),
    "loket-sederhana": (13, 22),
    "lumajang": (79, 542),
}


def export(office: str, sop: str | None = None) -> list[dict]:
    out = io.StringIO()
    call_command("export_sop", office=office, **({"sop": sop} if sop else {}), stdout=out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_every_office_in_the_fixtures_has_its_seed_counts_here():
    assert available_offices() == sorted(EXPECTED)


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_every_office_loads_with_the_seed_counts(slug):
    result = load_office(slug=slug, activate=False)
    data = json.loads((OFFICES_DIR / f"{slug}.json").read_text())
    assert (result.sops, result.langkah) == EXPECTED[slug]
    assert result.sops == len(data["sops"]) == SOP.objects.filter(kantor__slug=slug).count()
    assert result.langkah == sum(len(s["langkah"]) for s in data["sops"])


def test_loading_twice_updates_in_place_and_keeps_admin_history():
    load_office(slug="pekanbaru")
    step = LangkahSOP.objects.get(sop__slug="pelita3", urutan=8)
    step.waktu_jumlah = Decimal("7")
    step._change_reason = "diubah admin"
    step.save()
    counts = (SOP.objects.count(), LangkahSOP.objects.count(), Persyaratan.objects.count())
    load_office(slug="pekanbaru")
    assert (SOP.objects.count(), LangkahSOP.objects.count(), Persyaratan.objects.count()) == counts
    step.refresh_from_db()
    assert step.waktu_jumlah == 5  # the seed's value is re-applied ...
    assert step.history.filter(waktu_jumlah=7).exists()  # ... and the admin's edit stays in history


def test_pekanbaru_pelita3_timings_match_the_seed():
    load_office(slug="pekanbaru")
    rows = export("pekanbaru", "pelita3")
    assert [int(r["waktu_menit"]) for r in rows] == [2, 1, 1, 5, 5, 1, 1, 5, 5, 2, 2]
    assert Layanan.objects.get(kode="pelita3").sop.slug == "pelita3"


def test_lumajang_kk_and_admin_sop_timings_match_the_seed():
    load_office(slug="lumajang", activate=False)
    # SOP Penerbitan KK: loket 15 menit, operator (entri, paraf Kasi/Kabid, TTD Kadis) 30, pengambilan 3, pemohon 2
    assert [r["waktu_menit"] for r in export("lumajang", "penerbitan-kk")] == ["", "15", "30", "3", "2"]
    # Prosedur Penyusunan Laporan Bulanan: 20, 20, 10, 10 menit for its first four steps
    bulanan = [r["waktu_menit"] for r in export("lumajang", "penyusunan-laporan-bulanan")]
    assert bulanan[:4] == ["20", "20", "10", "10"]
    assert SOP.objects.filter(kantor__slug="lumajang", bidang__kode="sekretariat").count() == 38


def test_bintan_kk_standar_pelayanan_and_steps():
    kk = SOP.objects.get(kantor__slug="bintan", slug="penerbitan-kk")
    assert kk.standar_pelayanan.jangka_waktu_hari_kerja == 3
    assert "Tidak dipungut biaya" in kk.standar_pelayanan.biaya
    assert [s.waktu_menit() for s in kk.langkah.all()] == [5, 5, 10, 3, 30, 30, 10, 15, 5, 5]
    assert [p.wajib for p in kk.persyaratan.all()] == [True] * 5 + [False] * 3


def test_probolinggo_processes_have_steps_but_no_times():
    load_office(slug="probolinggo", activate=False)
    rows = export("probolinggo", "P1.1.1")
    assert rows and all(r["waktu_menit"] == "" for r in rows)
    assert not LangkahSOP.objects.filter(sop__kantor__slug="probolinggo", waktu_jumlah__isnull=False).exists()


def test_counter_sop_set_keeps_printed_totals_and_empty_times():
    load_office(slug="loket-sederhana", activate=False)
    kia = SOP.objects.get(kantor__slug="loket-sederhana", slug="penerbitan-kia")
    assert kia.total_waktu_teks.lower() == "total waktu 5 menit"
    minutes = [s.waktu_menit() for s in kia.langkah.all()]
    assert minutes == [None, None, 3, 2, None]  # penduduk and hand-over boxes give no time
    assert sum(m for m in minutes if m) == 5


def test_export_command_prints_the_known_header_and_rows():
    load_office(slug="pekanbaru", activate=False)
    out = io.StringIO()
    call_command("export_sop", office="pekanbaru", sop="pelita3", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "office,sop,urutan,uraian,pelaksana,kelengkapan,waktu_menit,waktu_teks,output"
    first = next(csv.reader(io.StringIO(out.getvalue().split("\n", 1)[1])))
    assert first[:3] == ["pekanbaru", "pelita3", "1"] and first[6:8] == ["2", "2 Menit"]


def test_export_unknown_office_is_a_clear_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=r"^Tidak ada SOP untuk kantor «atlantis»\.$"):
        call_command("export_sop", office="atlantis")
    choices = "bintan, loket-sederhana, lumajang, pekanbaru, probolinggo"
    with pytest.raises(CommandError, match=rf"^Kantor «atlantis» tidak ada\. Pilihan: {choices}\.$"):
        call_command("load_office", "atlantis")


def test_only_one_office_is_active():
    load_office(slug="pekanbaru")
    load_office(slug="loket-sederhana")
    assert list(Kantor.objects.filter(aktif=True).values_list("slug", flat=True)) == ["loket-sederhana"]


def test_working_days_convert_to_minutes_with_the_office_day():
    load_office(slug="pekanbaru", activate=False)
    step = LangkahSOP.objects.filter(sop__kantor__slug="pekanbaru").first()
    step.waktu_jumlah, step.waktu_satuan = Decimal("2"), "hari_kerja"
    assert step.waktu_menit(450) == 900
    step.waktu_satuan = "jam"
    assert step.waktu_menit() == 120


def test_stage_derivation_follows_the_hand_offs():
    stages = derive_tahap(
        [
            ["pemohon"],
            ["petugas_loket"],
            ["operator_siak"],
            ["kasi"],
            ["kabid"],
            ["kadis"],
            ["operator_siak"],
            ["petugas_loket"],
            ["pemohon"],
        ]
    )
    assert stages == [
        Status.BARU,
        Status.BARU,
        Status.DITERIMA,
        Status.VERIFIKASI,
        Status.VALIDASI,
        Status.TTE,
        Status.CETAK,
        Status.SIAP_DIAMBIL,
        Status.SIAP_DIAMBIL,
    ]


def test_jangka_waktu_text_is_parsed():
    assert parse_jangka_hari("3 (tiga) Hari Kerja (Maksimal)") == 3
    assert parse_jangka_hari("14 hari kerja") == 14
    assert parse_jangka_hari("Selesai di tempat") is None


def test_public_standar_pelayanan_pages(client, catalogue):
    page = client.get(reverse("layanan-publik")).content.decode()
    assert "Penerbitan Kartu Keluarga (KK)" in page
    detail = client.get(reverse("layanan-publik-detail", args=["kk"]))
    assert detail.status_code == 200
    text = detail.content.decode()
    assert "Persyaratan" in text and "Jangka waktu" in text and "3 (tiga) Hari Kerja" in text
    assert client.get(reverse("layanan-publik-detail", args=["tidak-ada"])).status_code == 404
    assert client.get(reverse("maklumat")).status_code == 404  # none entered yet


def test_admin_timing_change_affects_new_berkas_only(client, team):
    old = register(team["loket"], seq=1)
    step = LangkahSOP.objects.get(sop=Layanan.objects.get(kode="kk").sop, tahap=Status.VERIFIKASI)
    client.force_login(team["admin"])
    url = reverse("admin:dukcapil_langkahsop_change", args=[step.pk])
    form = client.get(url).context["adminform"].form
    data = {name: ("" if value is None else value) for name, value in form.initial.items()}
    data.update({"waktu_jumlah": "45", "waktu_satuan": "menit", "peran": json.dumps(step.peran)})
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    new = register(team["loket"], seq=2)
    assert "45 menit" in client.get(reverse("layanan-publik-detail", args=["kk"])).content.decode()
    assert old.standard_minutes(Status.VERIFIKASI) == 30
    assert new.standard_minutes(Status.VERIFIKASI) == 45
    assert step.history.latest().history_user == team["admin"]


def test_admin_exports_one_sop_as_csv_and_xlsx_in_seed_column_order(client, team):
    from openpyxl import load_workbook

    client.force_login(team["admin"])
    sop = SOP.objects.get(kantor__slug="bintan", slug="penerbitan-kk")
    url = reverse("admin:dukcapil_sop_changelist")
    response = client.post(url, {"action": "ekspor_csv", "_selected_action": [sop.pk]})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["No", "Uraian Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output", "Keterangan"]
    assert rows[5][1].startswith("Kepala Seksi") and rows[5][4] == "30 menit"
    response = client.post(url, {"action": "ekspor_xlsx", "_selected_action": [sop.pk]})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A4"].value == "No" and sheet["B5"].value.startswith("Pemohon menyerahkan")
    two = client.post(
        url,
        {"action": "ekspor_csv", "_selected_action": list(SOP.objects.values_list("pk", flat=True)[:2])},
        follow=True,
    )
    assert "Pilih tepat satu SOP" in two.content.decode()


def test_berkas_deadline_counts_cuti_bersama(team, settings):
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from django.utils import timezone

    from dukcapil.models import HariLibur

    HariLibur.objects.create(tanggal=date(2026, 12, 24), jenis="cuti_bersama", keterangan="Cuti bersama Natal")
    wednesday = datetime(2026, 12, 23, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    from unittest import mock

    with mock.patch.object(timezone, "now", return_value=wednesday):
        berkas = register(team["loket"])
    # 3 hari kerja from Wed 23 Dec: Thu cuti bersama, Fri Natal, weekend → Mon 28, Tue 29, Wed 30
    assert berkas.tenggat == date(2026, 12, 30)


def test_reloading_keeps_timings_an_admin_edited_unless_reset(team):
    from django.core.management import call_command

    load_office(slug="pekanbaru")
    step = LangkahSOP.objects.get(sop__slug="pelita3", urutan=8)
    step.waktu_jumlah = Decimal("7")
    step._history_user = team["admin"]  # an edit by a person in admin
    step.save(update_fields=["waktu_jumlah"])

    result = load_office(slug="pekanbaru")
    step.refresh_from_db()
    assert step.waktu_jumlah == 7
    assert result.dipertahankan == ["pelita3 langkah 8 waktu_jumlah: admin «7.00», berkas «5»"]

    out = io.StringIO()
    call_command("load_office", "pekanbaru", "--no-activate", stdout=out)
    assert "pelita3 langkah 8 waktu_jumlah" in out.getvalue() and "--reset" in out.getvalue()

    load_office(slug="pekanbaru", reset=True)
    step.refresh_from_db()
    assert step.waktu_jumlah == 5


# Catalogue faithfulness (issue 12 item 16): conditions and steps the seeds do not state.
# Each persyaratan the seed lists plainly, as printed there (lumajang 001_…txt "SOP Pengurangan
# Anggota Keluarga"; loket-sederhana 004_…txt "SOP PELAYANAN PENERBITAN DOKUMEN HILANG/RUSAK").
PLAIN_IN_SEED = {
    ("lumajang", "pengurangan-anggota-keluarga"): [
        "Fotocopy Akta kematian",
        "Fotocopy Akta cerai",
        "Surat pindah keluar kab.Malang (SKPWNI)",
        "Surat penghapusan data ganda",
        "Fotocopy KK ditempat terbaru",
    ],
    ("loket-sederhana", "penerbitan-dokumen-hilang-rusak"): [
        "Surat keterangan hilang dari kepolisian",
        "Dokumen yang rusak",
    ],
    ("lumajang", "penerbitan-kk"): ["Surat Kehilangan"],  # seed: "KK Asli/ Surat Kehilangan"
}
# Probolinggo P.6 narratives: number of steps and the last step, as the seed numbers them.
P6_SEED = {
    "p6-1-pengelolaan-jaringan-dan-sistem": (11, "Operator menerima konfirmasi dari JFT atau ADB"),
    "p6-2-publikasi": (4, "Setelah mendapat persetujuan, berita siap diposting"),
    "p6-3-pengolahan-permintaan-data-laporan": (7, "Dari berkas rangkap dua yang sudah ditandatangani"),
    "p6-4-pemanfaatan-data": (14, "Lembaga pemerintah atau swasta menerima dokumen PKS"),
    "p6-5-pelayanan-informasi-dan-pengaduan-masyarakat": (5, "Masyarakat menerima jawaban dari operator"),
    "p6-6-fasilitasi-inovasi-layanan": (7, "Bidang PIAK mensosialisasikan inovasi"),
    "p6-7-update-data-kependudukan": (7, "Petugas memberikan konfirmasi data kependudukan yang sudah di-update"),
}


def test_conditions_the_seed_does_not_print_are_marked_as_the_offices_own():
    for (office, slug), names in PLAIN_IN_SEED.items():
        load_office(slug=office, activate=False)
        rows = {p.nama: p for p in Persyaratan.objects.filter(sop__kantor__slug=office, sop__slug=slug)}
        for nama in names:
            assert rows[nama].kondisi_dari_kantor, (slug, nama)
            assert f"«{nama if slug != 'penerbitan-kk' else 'KK Asli/ Surat Kehilangan'}»" in rows[nama].catatan
            assert "kondisi dari kantor, tidak tertulis di SOP" in rows[nama].keterangan


def test_every_other_condition_quotes_the_seed_line_it_rests_on():
    marked = {(o, s, n) for (o, s), names in PLAIN_IN_SEED.items() for n in names}
    conditional = 0
    for office in available_offices():
        data = json.loads((OFFICES_DIR / f"{office}.json").read_text())
        for sop in data["sops"]:
            for item in sop["persyaratan"]:
                if item["wajib"] or item.get("sumber"):
                    continue
                conditional += 1
                if (office, sop["slug"], item["nama"]) in marked:
                    continue
                assert not item.get("kondisi_dari_kantor"), (office, sop["slug"], item["nama"])
                assert item["catatan"].startswith("Naskah SOP: «"), (office, sop["slug"], item["nama"])
    assert conditional == 28


def test_probolinggo_p6_step_lists_end_where_the_seed_ends():
    load_office(slug="probolinggo", activate=False)
    for slug, (count, last) in P6_SEED.items():
        steps = list(LangkahSOP.objects.filter(sop__kantor__slug="probolinggo", sop__slug=slug).order_by("urutan"))
        assert len(steps) == count, slug
        assert [s.urutan for s in steps] == list(range(1, count + 1))
        assert steps[-1].uraian.startswith(last), slug


# Pencatatan Sipil services whose seed lists no persyaratan (issue 12 item 17).
PERPRES_SERVICES = {
    "loket-sederhana": [
        "pelaporan-akta-kelahiran",
        "pelaporan-akta-kematian",
        "pencatatan-akta-perkawinan",
        "pencatatan-akta-perceraian",
        "pengakuan-anak",
    ],
    "probolinggo": [f"p5-{n}-" for n in range(1, 9)],
}


def test_capil_services_without_seed_persyaratan_get_them_from_perpres_96_2018():
    for office, prefixes in PERPRES_SERVICES.items():
        load_office(slug=office, activate=False)
        for prefix in prefixes:
            sop = SOP.objects.get(kantor__slug=office, slug__startswith=prefix)
            items = list(sop.persyaratan.all())
            assert len(items) >= 3, sop.slug
            for item in items:
                assert item.sumber.startswith("Perpres 96/2018"), (sop.slug, item.nama)
                assert item.sumber.endswith("Permendagri 108/2019")
    kelahiran = SOP.objects.get(kantor__slug="loket-sederhana", slug="pelaporan-akta-kelahiran")
    assert {p.sumber for p in kelahiran.persyaratan.all()} == {"Perpres 96/2018 Pasal 33; Permendagri 108/2019"}
    kematian = SOP.objects.get(kantor__slug="loket-sederhana", slug="pelaporan-akta-kematian")
    assert {p.sumber for p in kematian.persyaratan.all()} == {"Perpres 96/2018 Pasal 44; Permendagri 108/2019"}
    # Every capil SOP that governs a citizen service now has a checklist.
    empty = SOP.objects.filter(bidang__kode="pencatatan_sipil", layanan__isnull=False, persyaratan__isnull=True)
    assert list(empty.values_list("slug", flat=True)) == []


def test_public_page_and_counter_checklist_show_the_source_and_the_offices_conditions(client, catalogue):
    page = client.get(reverse("layanan-publik-detail", args=["pengakuan-anak"])).content.decode()
    assert "Surat pengakuan anak dari ayah biologis yang disetujui oleh ibu kandung" in page
    assert "sumber: Perpres 96/2018; Permendagri 108/2019" in page
    page = client.get(reverse("layanan-publik-detail", args=["kk-kurang-anggota"])).content.decode()
    assert "Fotocopy Akta cerai" in page
    assert "kondisi dari kantor, tidak tertulis di SOP" in page
    from dukcapil.forms import IntakeForm

    form = IntakeForm(layanan=Layanan.objects.get(kode="pengakuan-anak"))
    labels = [label for _, label in form.fields["persyaratan"].choices]
    assert "Kutipan akta kelahiran anak (sumber: Perpres 96/2018; Permendagri 108/2019)" in labels
    assert (
        "Surat pengakuan anak dari ayah biologis yang disetujui oleh ibu kandung "
        "(tidak wajib, untuk pengakuan anak; sumber: Perpres 96/2018; Permendagri 108/2019)"
    ) in labels
    form = IntakeForm(layanan=Layanan.objects.get(kode="kk-kurang-anggota"))
    labels = [label for _, label in form.fields["persyaratan"].choices]
    assert (
        "Fotocopy Akta cerai (tidak wajib, apabila anggota bercerai; kondisi dari kantor, tidak tertulis di SOP)"
    ) in labels
