"""Role groups, (re)synchronised after every migrate.

What a role may do in the office is in dukcapil.workflow.permissions (the only source). Django's
model permissions are used for one thing only: what the Admin role edits in Django admin.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from .choices import Role

# Admins edit the catalogue and the staff in Django admin, and read the records there.
ADMIN_MODELS = [
    "kantor",
    "layanan",
    "sop",
    "standarpelayanan",
    "langkahsop",
    "persyaratan",
    "harilibur",
    "bidang",
    "unitkerja",
    "user",
    "sertifikatpenandatangan",
]
ADMIN_VIEW_CHANGE = [
    "view_berkas",
    "view_kartukendali",
    "view_dokumen",
    "change_dokumen",
    "view_percobaantte",
    "view_batchtte",
    "view_aksesdatapribadi",
    "view_cetakan",
]


def sync_role_groups() -> None:
    for role in Role:
        group, _ = Group.objects.get_or_create(name=role.label)
        if role != Role.ADMIN:
            group.permissions.clear()
            continue
        query = Q(content_type__app_label="dukcapil", codename__in=ADMIN_VIEW_CHANGE)
        for model in ADMIN_MODELS:
            query |= Q(content_type__app_label="dukcapil", content_type__model=model)
        # the security audit trail (read) and the login lockouts (read, and delete = unlock)
        query |= Q(content_type__app_label="audit", codename="view_auditlog")
        query |= Q(content_type__app_label="axes", codename__in=["view_accessattempt", "delete_accessattempt"])
        group.permissions.set(Permission.objects.filter(query))
