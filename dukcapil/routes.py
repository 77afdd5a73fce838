"""The standard routes of a record kind, written once for every bidang's ``urls.py``."""

from django.urls import path


def record_paths(
    url: str,
    name: str,
    views,
    kind: str,
    *,
    create: str = "",
    aksi: str = "<slug:aksi>/",
    files: tuple[tuple[str, str], ...] = (),
) -> list:
    """``url`` the list (name ``<name>-list``), ``url<create>/`` the form that opens a record (when
    ``create``), ``url<pk>/`` its page, ``url<pk>/<route>`` for each ``(route, what)`` of ``files``
    (downloads, prints) and ``url<pk>/<aksi>`` its actions (none when ``aksi`` is empty: a kind
    without actions). The view of ``what`` is ``<kind>_<what>`` in the module ``views``; its name
    ``<name>-<what>`` (``_`` written ``-``)."""

    def route(rest: str, what: str):
        return path(f"{url}{rest}", getattr(views, f"{kind}_{what}"), name=f"{name}-{what.replace('_', '-')}")

    return [
        route("", "list"),
        *([route(f"{create}/", create)] if create else []),
        route("<int:pk>/", "detail"),
        *(route(f"<int:pk>/{rest}", what) for rest, what in files),
        *([route(f"<int:pk>/{aksi}", "aksi")] if aksi else []),
    ]
