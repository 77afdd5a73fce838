"""Run by test_demo_sqlite.py through ``manage.py shell`` on the SQLite demo that ``bin/start``
builds without a DATABASE_URL: every screen reachable by a plain GET (no path parameters), and one
berkas page per bidang, for every demo user and an anonymous visitor. Prints one JSON line:
{"status": {"who path": code}, "pages": {"who path": text}} (text only for the pages the test reads)."""

import json

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

from dukcapil.demo import DEMO_USERS
from dukcapil.models import Berkas, User

READ = {"/kotak-masuk/", "/kinerja/", "/kinerja/api/"}


def routes(patterns, prefix: str = ""):
    for p in patterns:
        route = str(p.pattern)
        if not isinstance(p.pattern, RoutePattern) or "<" in route or route.startswith("admin"):
            continue
        if isinstance(p, URLResolver):
            yield from routes(p.url_patterns, prefix + route)
        elif isinstance(p, URLPattern):
            yield "/" + prefix + route


paths = sorted(set(routes(get_resolver().url_patterns)))
berkas = [b.get_absolute_url() for b in (Berkas.objects.filter(bidang__kode=k).order_by("pk").first()
                                          for k in ("pendaftaran", "pencatatan_sipil")) if b]  # fmt: skip
status, pages = {}, {}
for who in [None] + [u[0] for u in DEMO_USERS]:
    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    if who:
        client.force_login(User.objects.get(username=who), backend="django.contrib.auth.backends.ModelBackend")
    for path in paths + berkas:
        response = client.get(path)
        status[f"{who} {path}"] = response.status_code
        if path in READ or path in berkas:
            pages[f"{who} {path}"] = response.content.decode(errors="replace")
print(json.dumps({"status": status, "pages": pages}))
