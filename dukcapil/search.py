"""Staff search: one box over the berkas the user may see (their bidang).

A query is one of: a nomor registrasi (exact), 16 digits (NIK pemohon or nomor KK of a KK berkas,
exact), or a pemohon name (trigram similarity on PostgreSQL, a substring on other databases).
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Q, Value

from .models import Berkas
from .selectors import berkas_visible_to

SEARCH_LIMIT = 50
MIN_QUERY_LENGTH = 3
_DIGITS_16 = re.compile(r"\d{16}")
_NOMOR = re.compile(r"[A-Z0-9]+(?:[-/.][A-Z0-9]+)+")  # e.g. KK-20261201-0001: letters/digits with separators


def normalize(query: str) -> str:
    return " ".join((query or "").split())


def is_sixteen_digits(query: str) -> bool:
    """A NIK or a nomor KK: personal data that must never travel in a URL (UU 27/2022)."""
    return bool(_DIGITS_16.fullmatch(normalize(query).replace(" ", "")))


@dataclass(frozen=True)
class SearchResult:
    query: str
    kind: str  # "nomor", "nik", "nama" or "" (too short: nothing searched)
    berkas: list[Berkas]

    @property
    def searched(self) -> bool:
        return bool(self.kind)


def search_berkas(user, query: str, limit: int = SEARCH_LIMIT) -> SearchResult:
    """At most ``limit`` visible berkas matching the query, newest first, in one query."""
    query = normalize(query)
    if len(query) < MIN_QUERY_LENGTH:
        return SearchResult(query, "", [])
    if is_sixteen_digits(query):
        digits = query.replace(" ", "")
        kind, match = "nik", _nik_or_kk(digits)
    elif _NOMOR.fullmatch(query.upper()) and any(c.isdigit() for c in query):
        kind, match = "nomor", Q(nomor_registrasi=query.upper())
    else:
        kind, match = "nama", _name_match(query)
    rows = berkas_visible_to(user).filter(match).select_related("layanan").order_by("-dibuat_pada", "-pk")[:limit]
    return SearchResult(query, kind, list(rows))


def _nik_or_kk(digits: str) -> Q:
    """The pemohon's NIK, or the nomor KK a KK berkas makes, changes or splits from.

    The KK berkas are resolved first, each through an index (families by nomor KK, then the
    permohonan by nomor, family or family left), so the final OR is over literal ids: an OR across
    the joins made PostgreSQL walk every berkas of the bidang newest first (0.7 s at 1M berkas)."""
    permohonan = Berkas._meta.get_field("permohonan_kk").related_model
    keluarga = permohonan._meta.get_field("keluarga").related_model
    families = list(keluarga.objects.filter(nomor_kk=digits).values_list("pk", flat=True))
    kk = Q(nomor_kk=digits)
    if families:
        kk |= Q(keluarga_id__in=families) | Q(keluarga_asal_id__in=families)
    berkas_ids = list(permohonan.objects.filter(kk).values_list("berkas_id", flat=True)[: SEARCH_LIMIT * 20])
    return Q(pemohon_nik=digits) | Q(pk__in=berkas_ids) if berkas_ids else Q(pemohon_nik=digits)


def _name_match(query: str) -> Q:
    """Similar names (pg_trgm, GIN index berkas_pemohon_nama_trgm) and names containing the query."""
    if connection.vendor == "postgresql":
        # The lookup itself (the % operator, which the GIN index serves): django.contrib.postgres
        # need not be installed for that.
        from django.contrib.postgres.lookups import TrigramSimilar

        return Q(TrigramSimilar(F("pemohon_nama"), Value(query))) | Q(pemohon_nama__icontains=query)
    return Q(pemohon_nama__icontains=query)
