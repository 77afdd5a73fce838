"""Role → permission matrix. Groups are (re)synchronised after every migrate."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from .choices import Role

BERKAS_PERMISSIONS = {
    Role.PETUGAS_LOKET: ["terima_berkas", "serahkan_berkas", "batalkan_berkas", "view_berkas"],
    Role.OPERATOR_SIAK: ["entri_berkas", "view_berkas"],
    Role.KASI: ["verifikasi_berkas", "batalkan_berkas", "view_berkas"],
    Role.KABID: ["validasi_berkas", "batalkan_berkas", "view_berkas"],
    Role.KADIS: ["tte_berkas", "view_berkas"],
    Role.PETUGAS_PENGAMBILAN: ["serahkan_berkas", "view_berkas"],
    Role.ADMIN: [
        "view_berkas",
        "view_kartukendali",
        "view_dokumen",
        "change_dokumen",
        "view_percobaantte",
        "view_batchtte",
    ],
}
# Admins edit the catalogue and the staff in Django admin.
ADMIN_MODELS = [
    "kantor",
    "layanan",
    "sop",
    "standarpelayanan",
    "langkahsop",
    "persyaratan",
    "harilibur",
    "bidang",
    "user",
    "sertifikatpenandatangan",
]


def sync_role_groups() -> None:
    for role, codenames in BERKAS_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role.label)
        query = Q(content_type__app_label="dukcapil", codename__in=codenames)
        if role == Role.ADMIN:
            for model in ADMIN_MODELS:
                query |= Q(content_type__app_label="dukcapil", content_type__model=model)
        group.permissions.set(Permission.objects.filter(query))


def user_roles(user) -> set[str]:
    labels = {g.name for g in user.groups.all()}
    return {role.value for role in Role if role.label in labels}
