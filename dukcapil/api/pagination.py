from base64 import b64decode, b64encode
from datetime import datetime
from urllib import parse

from django.db.models import Q
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import Cursor, CursorPagination
from rest_framework.utils.urls import replace_query_param


class QueuePagination(CursorPagination):
    """Keyset pages over (status_sejak, id): page 1 and page 1,000 cost the same, and no full count.

    The cursor holds the last row's sort key itself (not an offset), so rows that change state
    between two pages are neither skipped nor shown twice. A malformed cursor or page size is a 400
    with the field named."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = ("status_sejak", "pk")
    cursor_query_param = "cursor"
    cursor_error = "Kursor halaman tidak sah; mulai lagi dari halaman pertama."
    page_error = "Halaman memakai kursor: ikuti tautan «next» atau «previous», bukan nomor halaman."

    def get_page_size(self, request):
        """An explicit page_size must be a whole number 1..max_page_size: 400 otherwise, never silently the default."""
        given = request.query_params.get(self.page_size_query_param)
        if given is None:
            return self.page_size
        if not (given.isascii() and given.isdigit() and 1 <= int(given) <= self.max_page_size):
            raise ValidationError(
                {self.page_size_query_param: [f"Harus bilangan bulat 1 sampai {self.max_page_size}."]}
            )
        return int(given)

    def paginate_queryset(self, queryset, request, view=None):
        if "page" in request.query_params:  # an old client would loop on page 1 for ever: tell it
            raise ValidationError({"page": [self.page_error]})
        self.page_size = self.get_page_size(request)
        self.base_url = request.build_absolute_uri()
        self.cursor = self.decode_cursor(request)
        forward = self.cursor is None or not self.cursor.reverse
        key = self.cursor.position if self.cursor else None
        if key is not None:  # (status_sejak, id) after the key: the first bound lets the index range-scan
            since, pk = key
            if forward:
                queryset = queryset.filter(Q(status_sejak__gt=since) | Q(pk__gt=pk), status_sejak__gte=since)
            else:
                queryset = queryset.filter(Q(status_sejak__lt=since) | Q(pk__lt=pk), status_sejak__lte=since)
        order = ("status_sejak", "pk") if forward else ("-status_sejak", "-pk")
        rows = list(queryset.order_by(*order)[: self.page_size + 1])
        more = len(rows) > self.page_size
        rows = rows[: self.page_size]
        if not forward:
            rows.reverse()
        self.page = rows
        self.has_next = more if forward else key is not None
        self.has_previous = key is not None if forward else more
        return rows

    def _key(self, row) -> str:
        return f"{row.status_sejak.isoformat()}|{row.pk}"

    def get_next_link(self):
        if not self.has_next or not self.page:
            return None
        return self._link(self._key(self.page[-1]), reverse=False)

    def get_previous_link(self):
        if not self.has_previous or not self.page:
            return None
        return self._link(self._key(self.page[0]), reverse=True)

    def _link(self, key: str, *, reverse: bool) -> str:
        raw = parse.urlencode({"p": key, "r": "1" if reverse else "0"})
        return replace_query_param(self.base_url, self.cursor_query_param, b64encode(raw.encode()).decode())

    def decode_cursor(self, request):
        encoded = request.query_params.get(self.cursor_query_param)
        if encoded is None:
            return None
        try:
            tokens = parse.parse_qs(b64decode(encoded.encode(), validate=True).decode(), keep_blank_values=True)
            since_text, pk_text = tokens["p"][0].rsplit("|", 1)
            since = datetime.fromisoformat(since_text)
            if since.tzinfo is None:
                raise ValueError
            position = (since, int(pk_text))
            reverse = tokens.get("r", ["0"])[0] == "1"
        except (TypeError, ValueError, KeyError, UnicodeDecodeError):
            raise ValidationError({self.cursor_query_param: [self.cursor_error]}) from None
        return Cursor(offset=0, reverse=reverse, position=position)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": self.max_page_size}
        return parameters
