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
    "probolinggo": (36, 290),
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
