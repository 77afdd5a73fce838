"""Drill: schemathesis generates requests from /api/schema/ for every endpoint and method.

Valid and invalid input, anonymously and as a signed-in officer, through the WSGI application:
no server error, every response (status, content type, body, headers) as the schema documents it,
and invalid input refused. The status throttle is raised in the test settings.
"""

from contextlib import contextmanager

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from dukcapil.choices import Status
from tests.factories import berkas_in

pytestmark = pytest.mark.django_db

EXAMPLES = 25  # per operation, generation mode and caller: bounded so the drill stays well under a minute
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


@contextmanager
def in_test_transaction():
    """The WSGI handler closes connections at request start and end; inside the test's transaction it
    must not (Django's test client disconnects the same receivers)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


def exercise(operation, mode: GenerationMode, callers: dict[str, dict], tally: dict) -> None:
    """EXAMPLES generated requests for one operation in one mode, sent by every caller, each checked."""
    checks = CHECKS + ([negative_data_rejection] if mode is GenerationMode.NEGATIVE else [])

    @given(case=operation.as_strategy(generation_mode=mode))
    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        # the schema's security schemes make schemathesis invent credentials; each caller brings its
        # own instead: none, or the officer's session
        case.headers = {k: v for k, v in (case.headers or {}).items() if k.lower() != "authorization"}
        for cookies in callers.values():
            case.cookies = dict(cookies)
            response = case.call()
            tally["requests"] += 1
            tally["by_status"][response.status_code] = tally["by_status"].get(response.status_code, 0) + 1
            tally["server_errors"] += response.status_code >= 500
            # then: documented status, content type, body and headers; bad input refused
            case.validate_response(response, checks=checks)

    run()


def test_every_api_operation_answers_as_its_schema_says(team, client):
    # given: berkas in the queue, an officer's session and the schema the application serves
    for seq, status in enumerate([Status.DITERIMA, Status.VERIFIKASI, Status.DIKEMBALIKAN], start=1):
        berkas_in(status, team, seq=seq)
    client.force_login(team["kasi"])
    callers = {"anonim": {}, "petugas": {"sessionid": client.cookies["sessionid"].value}}
    tally = {"requests": 0, "server_errors": 0, "operations": 0, "by_status": {}}

    with in_test_transaction():
        schema = schemathesis.openapi.from_wsgi("/api/schema/", WSGIHandler())
        operations = [result.ok() for result in schema.get_all_operations()]
        assert {op.label for op in operations} == {
            "POST /api/v1/status/",
            "GET /api/v1/antrian/",
            "GET /api/v1/antrian/ringkasan/",
        }

        # when: each operation gets generated valid and invalid requests from both callers
        for operation in operations:
            tally["operations"] += 1
            # an operation without any input (the queue summary) has no invalid request to make
            inputs = len(operation.query) + len(operation.path_parameters) + len(operation.body)
            modes = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE) if inputs else (GenerationMode.POSITIVE,)
            for mode in modes:
                exercise(operation, mode, callers, tally)

    assert tally["server_errors"] == 0
    assert tally["requests"] >= 2 * 2 * tally["operations"] * 5  # hypothesis really generated cases
    # the officer saw the queue, the anonymous caller was refused it, generated bad input was refused
    for status in (200, 400, 403):
        assert tally["by_status"].get(status, 0) > 0, (status, tally)
    print(f"\n[latihan] schemathesis: {tally['requests']} permintaan, {tally['operations']} operasi, {tally}")


def test_schema_documents_error_responses_and_page_size_bounds(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    antrian = schema["paths"]["/api/v1/antrian/"]["get"]
    assert set(antrian["responses"]) == {"200", "400", "403", "404"}
    status_lookup = schema["paths"]["/api/v1/status/"]["post"]
    assert set(status_lookup["responses"]) == {"200", "400", "404", "429"}  # public: no 403; throttled: 429
    assert "Retry-After" in status_lookup["responses"]["429"]["headers"]
    page_size = next(p for p in antrian["parameters"] if p["name"] == "page_size")
    assert page_size["schema"] == {"type": "integer", "minimum": 1, "maximum": 200}
