"""Browser walks: pytest-django's live server driven by headless Chromium through Playwright.

The browser is Debian's /usr/bin/chromium (Playwright's own download is not used). Each visited
page is saved as a full-page screenshot under var/e2e/<test>/.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from dukcapil.choices import Role
from tests.conftest import give_certificate
from tests.factories import staff

CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(settings.BASE_DIR) / "var" / "e2e"
PASSWORD = "rahasia-uji-123"  # tests/factories.py UserFactory
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright tidak terpasang (pip install -e '.[test]')"
    )
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium tidak ada di {CHROMIUM} (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the tests' own ORM calls are still synchronous.
    saved = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if saved is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = saved


class Desk:
    """One officer (or the citizen) at their own browser window, with its own session cookie."""

    def __init__(self, browser, base_url: str, shots: Path, name: str, context=None):
        if context is None:
            context = browser.new_context(base_url=base_url, locale="id-ID", viewport={"width": 1280, "height": 900})
            context.set_default_timeout(15_000)
        self.context = context
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.shots = shots
        self.name = name

    def _console(self, message) -> None:
        """Every page must run under the Content-Security-Policy: a refused script or style fails the test."""
        if "Content Security Policy" in message.text:
            Shots.csp_violations.append(f"{self.page.url}: {message.text}")

    def tab(self, name: str) -> "Desk":
        """A second tab of the same window (same session), as an officer with two tabs open."""
        return Desk(None, "", self.shots, f"{self.name} {name}", context=self.context)

    def goto(self, path: str, step: str):
        response = self.page.goto(path)
        self.shot(step)
        return response

    def submit(self, button, step: str):
        """Click a submit button; returns the response of the page it lands on (after redirects)."""
        with self.page.expect_navigation() as navigation:
            button.click()
        self.shot(step)
        return navigation.value

    def shot(self, step: str):
        Shots.counter += 1
        slug = re.sub(r"[^a-z0-9]+", "-", f"{self.name} {step}".lower()).strip("-")
        self.page.screenshot(path=str(self.shots / f"{Shots.counter:02d}-{slug}.png"), full_page=True)

    def text(self) -> str:
        return self.page.inner_text("body")

    def login(self, user):
        self.goto("/masuk/", "halaman masuk")
        self.page.fill("#id_username", user.username)
        self.page.fill("#id_password", PASSWORD)
        response = self.submit(self.page.get_by_role("button", name="Masuk"), "sudah masuk")
        assert response.ok and "/masuk/" not in self.page.url, self.text()
        return self


class Shots:
    counter = 0
    csp_violations: list[str] = []


@pytest.fixture
def desks(browser, live_server, request):
    """``desks(user)`` gives that user's logged-in window; ``desks(None)`` a citizen's window."""
    shots = SHOTS / request.node.name
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)
    Shots.counter = 0
    Shots.csp_violations = []
    opened: dict = {}

    def desk(user=None, name: str | None = None):
        key = (user.pk if user else None, name)
        if key not in opened:
            label = name or (user.groups.first().name if user else "warga")
            opened[key] = Desk(browser, live_server.url, shots, label)
            if user is not None:
                opened[key].login(user)
        return opened[key]

    yield desk
    for d in opened.values():
        d.context.close()
    assert not Shots.csp_violations, "Pelanggaran Content-Security-Policy:\n" + "\n".join(Shots.csp_violations)


@pytest.fixture
def e2e_team(transactional_db, catalogue, kadis_p12):
    """The officers of the demo office, logged in through the real form by the walks."""
    kadis = staff(Role.KADIS, bidang=None)
    give_certificate(kadis, kadis_p12)
    team = {
        "loket": staff(Role.PETUGAS_LOKET),
        "operator": staff(Role.OPERATOR_SIAK),
        "kasi": staff(Role.KASI),
        "kabid": staff(Role.KABID),
        "kadis": kadis,
        "pengambilan": staff(Role.PETUGAS_PENGAMBILAN),
    }
    capil = "pencatatan_sipil"
    team["capil"] = {
        "loket": staff(Role.PETUGAS_LOKET, bidang=capil),
        "operator": staff(Role.OPERATOR_SIAK, bidang=capil),
        "kasi": staff(Role.KASI, bidang=capil),
        "kabid": staff(Role.KABID, bidang=capil),
        "kadis": kadis,
        "pengambilan": staff(Role.PETUGAS_PENGAMBILAN, bidang=capil),
    }
    return team


def no_traceback(desk):
    html = desk.page.content()
    assert "Traceback" not in html and 'File "' not in html
