"""Which conditional persyaratan apply to a berkas, read from the condition text of the catalogue.

Seed conditions are free text ("untuk anak usia <3 tahun", "diatas 17 tahun", "apabila KTP
Elektronik hilang"). A kind states facts about its berkas (the subject's age, words such as
"hilang" or "meninggal"); a condition applies when its age rule holds or it names one of the words.
"""

import operator
import re

_AGE_OPS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}
_AGE_SYMBOL = re.compile(r"usia\s*(<=|>=|<|>)\s*(\d+)")
_AGE_WORDS = re.compile(r"(di ?atas|lebih dari|minimal|di ?bawah|kurang dari)\s*(?:usia\s*)?(\d+)\s*tahun")


def kondisi_berlaku(kondisi: str, facts: dict) -> bool:
    text = (kondisi or "").lower()
    usia = facts.get("usia")
    if usia is not None:
        match = _AGE_SYMBOL.search(text)
        if match:
            return _AGE_OPS[match.group(1)](usia, int(match.group(2)))
        match = _AGE_WORDS.search(text)
        if match:
            limit = int(match.group(2))
            below = match.group(1).replace(" ", "") in ("dibawah", "kurangdari")
            return usia < limit if below else usia >= limit
    return any(word in text for word in facts.get("kata", ()))


def persyaratan_wajib(layanan, facts: dict, berlaku=None) -> list:
    """The persyaratan the counter must see: every wajib one plus the conditional ones that apply
    (``berlaku``: the layanan's persyaratan, if the caller has read them already)."""
    berlaku = layanan.persyaratan_berlaku() if berlaku is None else berlaku
    return [p for p in berlaku if p.wajib or (p.kondisi and kondisi_berlaku(p.kondisi, facts))]
