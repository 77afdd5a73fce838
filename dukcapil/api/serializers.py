from rest_framework import serializers

from dukcapil.choices import Status
from dukcapil.models import Berkas


class StatusLookupInputSerializer(serializers.Serializer):
    nomor_registrasi = serializers.CharField(max_length=30, trim_whitespace=True)
    nik = serializers.RegexField(r"^\d{16}$", error_messages={"invalid": "NIK harus 16 digit angka."})


class RiwayatSerializer(serializers.Serializer):
    status = serializers.CharField()
    waktu = serializers.DateTimeField()


class StatusLookupOutputSerializer(serializers.Serializer):
    nomor_registrasi = serializers.CharField()
    layanan = serializers.CharField()
    status = serializers.ChoiceField(choices=Status.choices)
    status_label = serializers.CharField()
    sejak = serializers.DateTimeField()
    riwayat = RiwayatSerializer(many=True)
    persyaratan_kurang = serializers.ListField(child=serializers.CharField(), help_text="Bila dikembalikan.")
    alasan_batal = serializers.CharField(help_text="Kategori alasan bila dibatalkan (tanpa catatan petugas).")


class QueueItemSerializer(serializers.ModelSerializer):
    """Queue rows carry no personal data: nomor, layanan, where it is and for how long."""

    layanan = serializers.CharField(source="layanan.kode")
    layanan_nama = serializers.CharField(source="layanan.nama")
    bidang = serializers.CharField(source="bidang.kode")
    status_label = serializers.CharField(source="get_status_display")
    menit_di_status = serializers.SerializerMethodField()
    standar_menit = serializers.SerializerMethodField()

    class Meta:
        model = Berkas
        fields = [
            "nomor_registrasi",
            "layanan",
            "layanan_nama",
            "bidang",
            "status",
            "status_label",
            "status_sejak",
            "dibuat_pada",
            "menit_di_status",
            "standar_menit",
        ]

    def get_menit_di_status(self, obj: Berkas) -> int:
        return int(obj.age_in_status(self.context.get("now")).total_seconds() // 60)

    def get_standar_menit(self, obj: Berkas) -> int | None:
        return obj.standard_minutes()


class CountSerializer(serializers.Serializer):
    kode = serializers.CharField()
    nama = serializers.CharField()
    jumlah = serializers.IntegerField()


class QueueSummarySerializer(serializers.Serializer):
    per_status = CountSerializer(many=True)
    per_layanan = CountSerializer(many=True)
    per_bidang = CountSerializer(many=True)
