import pytest

from . import renderers


@pytest.fixture(autouse=True)
def _renderer():
    renderers.calls.clear()
    renderers.behaviour["mode"] = "ok"
    yield renderers
