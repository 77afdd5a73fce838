"""State changes of Anjab/ABK (P1.2.3): open a round, fill, submit, verify or return an isian,
compile and send the usulan (naskah chain), record the Perwali; the programme of pengembangan SDM.
Refusals: BerkasInvalid (400), BerkasForbidden (403), BerkasConflict (409); nothing half saved."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from dukcapil.documents.common import format_tanggal
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.notifikasi.services import notify
from dukcapil.workflow.permissions import Aksi, can
from dukcapil.workflow.services import check_allowed

from ..anjab_data import JENIS_USULAN_ANJAB
from ..models.anjab import (
    IsianAnjab,
    JenisProgramSdm,
    PenyelenggaraSdm,
    ProgramSdm,
    PutaranAnjab,
    StatusIsianAnjab,
    StatusProgramSdm,
    UraianTugas,
)
from ..models.kepegawaian import Jabatan, Pegawai
from ..models.naskah import JenisNaskah
from ..selectors.anjab import abk_rows, angka
from .naskah import naskah_buat

TUJUAN_ORGANISASI = "Kepala Bagian Organisasi Sekretariat Daerah"


def _lock(model, pk: int, label: str, related=()):
    try:
        return model.objects.select_for_update(of=("self",)).select_related(*related).get(pk=pk)
    except model.DoesNotExist:
        raise BerkasInvalid(f"{label} tidak ditemukan.") from None


def _check_expected(record, expected_status: str | None) -> None:
    if expected_status and record.status != expected_status:
        raise BerkasConflict(
            f"Status sudah berubah menjadi «{record.get_status_display()}»; muat ulang halaman. "
            "Tindakan Anda tidak dijalankan."
        )


def putaran_buka(
    *, user, tahun: int, nomor_surat: str, tanggal_surat: date, jabatan_ids: list[int], surat_masuk=None
) -> PutaranAnjab:
    """The Kasubag opens the year's round on the Bagian Organisasi's letter: one isian per jabatan."""
    if not can(user, Aksi.ANJAB_KELOLA):
        raise BerkasForbidden("Peran Anda tidak dapat membuka putaran Anjab/ABK.")
    nomor_surat = (nomor_surat or "").strip()
    if not nomor_surat or not tanggal_surat:
        raise BerkasInvalid("Nomor dan tanggal surat permintaan Bagian Organisasi wajib diisi.")
    jabatan = list(Jabatan.objects.filter(pk__in=jabatan_ids))
    if not jabatan:
        raise BerkasInvalid("Pilih paling sedikit satu jabatan yang dianalisis.")
    with transaction.atomic():
        if PutaranAnjab.objects.select_for_update().filter(tahun=tahun).exists():
            raise BerkasConflict(f"Putaran Anjab/ABK tahun {tahun} sudah dibuka.")
        putaran = PutaranAnjab.objects.create(
            tahun=tahun,
            nomor_surat_permintaan=nomor_surat,
            tanggal_surat_permintaan=tanggal_surat,
            surat_masuk=surat_masuk,
            dibuka_oleh=user,
        )
        IsianAnjab.objects.bulk_create([IsianAnjab(putaran=putaran, jabatan=j) for j in jabatan])
    return putaran


def isian_simpan(*, user, pk: int, ikhtisar: str, uraian: list[dict]) -> IsianAnjab:
    """The holder or the analis saves the ikhtisar and the uraian tugas (the rows replace the old ones)."""
    if not can(user, Aksi.ANJAB_ISI):
        raise BerkasForbidden("Peran Anda tidak dapat mengisi formulir Anjab/ABK.")
    for i, row in enumerate(uraian, start=1):
        if not row.get("uraian") or not row.get("satuan_hasil"):
            raise BerkasInvalid(f"Baris {i}: uraian tugas dan satuan hasil wajib diisi.")
        if not row.get("volume") or row["volume"] <= 0:
            raise BerkasInvalid(f"Baris {i}: beban kerja per tahun harus bilangan bulat lebih dari 0.")
        if not row.get("norma_waktu") or Decimal(row["norma_waktu"]) <= 0:
            raise BerkasInvalid(f"Baris {i}: norma waktu harus angka lebih dari 0 menit.")
    with transaction.atomic():
        isian = _lock(IsianAnjab, pk, "Isian Anjab", related=("putaran",))
        if not isian.dapat_diisi:
            raise BerkasConflict(f"Isian berstatus «{isian.get_status_display()}»; tidak dapat diubah lagi.")
        isian.ikhtisar = (ikhtisar or "").strip()
        isian.save(update_fields=["ikhtisar", "diubah"])
        isian.uraian.all().delete()
        UraianTugas.objects.bulk_create(
            [
                UraianTugas(
                    isian=isian,
                    urutan=i,
                    uraian=row["uraian"].strip(),
                    satuan_hasil=row["satuan_hasil"].strip(),
                    volume=row["volume"],
                    norma_waktu=row["norma_waktu"],
                )
                for i, row in enumerate(uraian, start=1)
            ]
        )
    return isian


def _isian_step(*, user, pk: int, method: str, label: str, expected_status: str | None, catatan: str = ""):
    with transaction.atomic():
        isian = _lock(IsianAnjab, pk, "Isian Anjab", related=("putaran", "jabatan"))
        _check_expected(isian, expected_status)
        if isian.putaran.status != "dibuka":
            raise BerkasConflict("Putaran Anjab/ABK ini sudah diusulkan; isian tidak dapat diubah lagi.")
        check_allowed(isian, method, user, label)
        getattr(isian, method)()
        isian.catatan = catatan
        isian.save(update_fields=["status", "catatan", "diubah"])
    return isian


def isian_ajukan(*, user, pk: int, expected_status: str | None = None) -> IsianAnjab:
    with transaction.atomic():
        if not UraianTugas.objects.filter(isian_id=pk).exists():
            raise BerkasInvalid("Isi paling sedikit satu uraian tugas sebelum diajukan.")
        return _isian_step(user=user, pk=pk, method="ajukan", label="Ajukan", expected_status=expected_status)


def _analis(user) -> None:
    """The analis kepegawaian sits in the Sekretariat: a Staf of another bidang may not verify."""
    if user.bidang_id and user.bidang.kode != "sekretariat":
        raise BerkasForbidden("Hanya analis kepegawaian Sekretariat yang dapat memverifikasi isian Anjab/ABK.")


def isian_verifikasi(*, user, pk: int, expected_status: str | None = None) -> IsianAnjab:
    _analis(user)
    return _isian_step(user=user, pk=pk, method="verifikasi", label="Verifikasi", expected_status=expected_status)


def isian_kembalikan(*, user, pk: int, catatan: str, expected_status: str | None = None) -> IsianAnjab:
    catatan = (catatan or "").strip()
    if not catatan:
        raise BerkasInvalid("Catatan wajib diisi saat mengembalikan isian.")
    _analis(user)
    with transaction.atomic():
        isian = _isian_step(
            user=user, pk=pk, method="kembalikan", label="Kembalikan", expected_status=expected_status, catatan=catatan
        )
        # the holders of the jabatan (those with an account) hear that their form came back
        pemangku = Pegawai.objects.filter(jabatan_id=isian.jabatan_id, aktif=True, pengguna__isnull=False)
        notify(
            [p.pengguna for p in pemangku.select_related("pengguna")],
            judul=f"Isian Anjab/ABK {isian.jabatan.nama} dikembalikan",
            pesan=catatan,
            url=isian.get_absolute_url(),
            record=isian,
            email=False,
        )
    return isian


def _tabel_abk(putaran: PutaranAnjab) -> str:
    head = (
        "<tr><th>No</th><th>Jabatan</th><th>Jumlah waktu (menit)</th><th>Kebutuhan pegawai</th>"
        "<th>Pegawai ada</th><th>Selisih</th></tr>"
    )
    body = "".join(
        f"<tr><td>{i}</td><td>{escape(r.jabatan.nama)}</td><td>{angka(r.total_menit)}</td>"
        f"<td>{angka(r.kebutuhan)}</td><td>{r.ada}</td><td>{r.selisih_label}</td></tr>"
        for i, r in enumerate(abk_rows(putaran), start=1)
    )
    return f"<table>{head}{body}</table>"


def putaran_usulkan(*, user, pk: int, expected_status: str | None = None) -> PutaranAnjab:
    """The Kasubag compiles the usulan Anjab dan ABK: every isian verified, the ABK table in a konsep
    letter to the Bagian Organisasi (naskah chain: Sekretaris paraf, Kadis TTE)."""
    with transaction.atomic():
        putaran = _lock(PutaranAnjab, pk, "Putaran Anjab/ABK")
        _check_expected(putaran, expected_status)
        check_allowed(putaran, "usulkan", user, "Susun usulan")
        belum = putaran.isian.exclude(status=StatusIsianAnjab.TERVERIFIKASI).select_related("jabatan")
        if belum:
            nama = ", ".join(i.jabatan.nama for i in belum)
            raise BerkasConflict(f"Isian belum terverifikasi: {nama}.")
        wke = putaran_wke_jam()
        isi = (
            f"<p>Dengan hormat, menindaklanjuti surat Saudara nomor {escape(putaran.nomor_surat_permintaan)} "
            f"tanggal {format_tanggal(putaran.tanggal_surat_permintaan)}, bersama ini kami sampaikan usulan "
            f"Analisis Jabatan dan Analisis Beban Kerja tahun {putaran.tahun} sebagai berikut (waktu kerja "
            f"efektif {wke} jam per tahun):</p>{_tabel_abk(putaran)}"
            "<p>Demikian usulan ini disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.</p>"
        )
        naskah = naskah_buat(
            user=user,
            jenis=JenisNaskah.objects.get(kode=JENIS_USULAN_ANJAB["kode"]),
            hal=f"Usulan Analisis Jabatan dan Analisis Beban Kerja Tahun {putaran.tahun}",
            isi=isi,
            tujuan_nama=TUJUAN_ORGANISASI,
        )
        putaran.usulkan()
        putaran.naskah = naskah
        putaran.save(update_fields=["status", "naskah"])
    return putaran


def putaran_wke_jam() -> str:
    from ..models.anjab import waktu_kerja_efektif

    return f"{waktu_kerja_efektif() / 60:,.0f}".replace(",", ".")


def putaran_catat_perwali(
    *, user, pk: int, nomor: str, tanggal: date | None, expected_status: str | None = None
) -> PutaranAnjab:
    nomor = (nomor or "").strip()
    if not nomor or not tanggal:
        raise BerkasInvalid("Nomor dan tanggal Perwali wajib diisi.")
    if tanggal > timezone.localdate():
        raise BerkasInvalid("Tanggal Perwali tidak boleh sesudah hari ini.")
    with transaction.atomic():
        putaran = _lock(PutaranAnjab, pk, "Putaran Anjab/ABK")
        _check_expected(putaran, expected_status)
        check_allowed(putaran, "catat_perwali", user, "Catat Perwali")
        putaran.catat_perwali()
        putaran.nomor_perwali, putaran.tanggal_perwali = nomor, tanggal
        putaran.save(update_fields=["status", "nomor_perwali", "tanggal_perwali"])
    return putaran


def program_tambah(
    *, user, jenis: str, judul: str, penyelenggara: str, tanggal: date, peserta: list[Pegawai]
) -> ProgramSdm:
    if not can(user, Aksi.PROGRAM_SDM):
        raise BerkasForbidden("Peran Anda tidak dapat menyusun program pengembangan SDM.")
    if jenis not in JenisProgramSdm.values or penyelenggara not in PenyelenggaraSdm.values:
        raise BerkasInvalid("Jenis atau penyelenggara tidak dikenal.")
    if not (judul or "").strip():
        raise BerkasInvalid("Judul program wajib diisi.")
    if not peserta:
        raise BerkasInvalid("Pilih paling sedikit satu peserta.")
    with transaction.atomic():
        program = ProgramSdm.objects.create(
            jenis=jenis, judul=judul.strip(), penyelenggara=penyelenggara, tanggal=tanggal, dibuat_oleh=user
        )
        program.peserta.set(peserta)
        notify(
            [p.pengguna for p in peserta if p.pengguna_id],
            judul=f"Program pengembangan SDM: {program.judul}",
            pesan=f"Anda terdaftar sebagai peserta {program.get_jenis_display().lower()} "
            f"tanggal {format_tanggal(tanggal)}.",
            url=program.get_absolute_url(),
            record=program,
            email=False,
        )
    return program


def program_laksanakan(*, user, pk: int, sertifikat=None) -> ProgramSdm:
    """Mark the entry carried out; the sertifikat (PDF, checked by the view) is optional."""
    if not can(user, Aksi.PROGRAM_SDM):
        raise BerkasForbidden("Peran Anda tidak dapat mengubah program pengembangan SDM.")
    with transaction.atomic():
        program = _lock(ProgramSdm, pk, "Program")
        if program.status == StatusProgramSdm.DILAKSANAKAN:
            raise BerkasConflict("Program ini sudah dicatat dilaksanakan.")
        if program.tanggal > timezone.localdate():
            raise BerkasConflict("Program belum dapat dicatat dilaksanakan sebelum tanggalnya.")
        program.status = StatusProgramSdm.DILAKSANAKAN
        fields = ["status"]
        if sertifikat is not None:
            program.sertifikat = sertifikat
            fields.append("sertifikat")
        program.save(update_fields=fields)
    return program
