from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def durasi(value: timedelta | None) -> str:
    """timedelta → '1 hari 2 jam 5 menit' (under a minute: '< 1 menit')."""
    if value is None:
        return ""
    minutes = int(value.total_seconds() // 60)
    if minutes < 1:
        return "< 1 menit"
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [f"{days} hari" if days else "", f"{hours} jam" if hours else "", f"{mins} menit" if mins else ""]
    return " ".join(p for p in parts if p)


@register.filter
def menit(value: int | None) -> str:
    if value is None:
        return "tidak ditetapkan"
    return durasi(timedelta(minutes=value))


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key)


@register.filter
def dokumen_label(jenis: str) -> str:
    from dukcapil.registry import document_label

    return document_label(jenis)


@register.filter
def nik_samaran(nik: str) -> str:
    """'3508011708850001' -> '3508********0001' (registers printed for the desk)."""
    from dukcapil.nik import mask_nik

    return mask_nik(nik or "")
