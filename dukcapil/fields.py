"""Model fields that keep PostgreSQL's own types in production and still let the demo run on SQLite."""

import json

from django.contrib.postgres.fields import ArrayField


class ListField(ArrayField):
    """A list of one base type: a PostgreSQL array, or JSON text on SQLite (``bin/start`` without a
    ``DATABASE_URL``). The schema on PostgreSQL is that of ``ArrayField``. Array lookups
    (``__contains``, ``__overlap``, indexes) are PostgreSQL's only: code that must also run on the
    demo database filters such lists in Python."""

    def _pg(self, connection) -> bool:
        return connection.vendor == "postgresql"

    def db_type(self, connection):
        return super().db_type(connection) if self._pg(connection) else "text"

    def cast_db_type(self, connection):
        return super().cast_db_type(connection) if self._pg(connection) else "text"

    def get_placeholder(self, value, compiler, connection):
        return super().get_placeholder(value, compiler, connection) if self._pg(connection) else "%s"

    def get_db_prep_value(self, value, connection, prepared=False):
        value = super().get_db_prep_value(value, connection, prepared)
        if self._pg(connection) or value is None:
            return value
        return json.dumps(list(value))

    def from_db_value(self, value, expression, connection):
        return json.loads(value) if isinstance(value, str) else value

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "dukcapil.fields.ListField", args, kwargs
