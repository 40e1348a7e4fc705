"""The browser suite: a real portal server on a free loopback port, driven by Debian's Chromium.

One server and one browser for the whole package (package scope): the server has its own SQLite
database under a temporary directory, prepared by `tests.browser.prepare` (migrations, `load_demo`,
one account per role), and writes its emails to files the journeys read. The tests never touch the
unit suite's test database; they only speak HTTP to the server.

Without Chromium or axe-core the suite skips with the reason; in CI (CI=true) the root conftest turns
those skips into failures.
"""

import email
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from email import policy
from pathlib import Path

import pytest

from .prepare import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium"))
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(os.environ.get("PORTAL_TEST_ARTIFACTS", ROOT / "var" / "test-artifacts"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 740}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    # Lets the `page` fixture know whether the test failed, to keep a screenshot.
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


def missing_requirement():
    if not CHROMIUM.exists():
        return f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium` (or set PORTAL_CHROMIUM)"
    if not AXE_JS.exists():
        return f"axe-core not found at {AXE_JS}: run `make install` (needs npm) to install the node dependencies"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed: run `make install`"
    return None


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The portal server stopped with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (loopback URL built here)
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"The portal server did not answer on {url} within {timeout} s")


def _code_fingerprint():
    """A hash of every file that shapes the prepared database (models, migrations, demo content)."""
    digest = hashlib.sha256()
    files = [Path(__file__).with_name("prepare.py"), Path(__file__).with_name("settings.py")]
    for app in (
        "portal",
        "content",
        "directory",
        "agenda",
        "helpdesk",
        "practices",
        "search",
        "newsletter",
        "exchanges",
        "reports",
        "tools",
        "letters",
        "demo",
    ):
        files += [
            p
            for p in sorted((ROOT / app).rglob("*"))
            if p.is_file() and not {"tests", "__pycache__"} & set(p.parts)
        ]
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _prepare(var_dir, env):
    """Migrate and load the demo into `var_dir`, or copy the result of an identical earlier run.

    Preparing takes most of the suite's time; the copy is keyed on the code that shapes the data, so
    any change to models, migrations or demo content prepares afresh (CI always starts from nothing).
    """
    cache = ROOT / "var" / "browser-cache" / _code_fingerprint()
    if cache.is_dir():
        shutil.copytree(cache, var_dir, dirs_exist_ok=True)
        return
    subprocess.run([sys.executable, "-m", "tests.browser.prepare"], cwd=ROOT, env=env, check=True)
    shutil.rmtree(cache.parent, ignore_errors=True)
    shutil.copytree(var_dir, cache)


class Portal:
    """The running server: its base URL and the emails it has sent."""

    def __init__(self, url, var_dir, env=None):
        self.url = url
        self.var_dir = var_dir
        self.env = env
        self.mail_dir = var_dir / "mail"
        self.password = PASSWORD

    def __call__(self, path):
        return self.url + path

    def manage(self, *args):
        """Run a management command on the server's database (what cron does in production)."""
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def emails(self):
        """Every email sent so far, oldest first, as `email.message.EmailMessage` objects."""
        messages = []
        for path in sorted(self.mail_dir.glob("*.log"), key=lambda p: p.stat().st_mtime):
            # The file backend separates messages with a line of 79 dashes.
            for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                if chunk.strip():
                    messages.append(
                        email.message_from_bytes(chunk.lstrip(b"\n"), policy=policy.default)
                    )
        return messages


@pytest.fixture(scope="package")
def portal():
    reason = missing_requirement()
    if reason:
        pytest.skip(reason)
    var_dir = Path(tempfile.mkdtemp(prefix="portail-mna-browser-"))
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "PORTAL_PUBLIC_URL": url,
        "DJANGO_SETTINGS_MODULE": "tests.browser.settings",
        "PORTAL_VAR_DIR": str(var_dir),
        "PORTAL_EMAIL_DIR": str(var_dir / "mail"),
        "DATABASE_URL": f"sqlite:///{var_dir / 'portal.sqlite3'}",
        "PYTHONUNBUFFERED": "1",
    }
    for name in (
        "ELASTICSEARCH_URL",
        "CACHE_URL",
        "REDIS_URL",
        "EMAIL_HOST",
        "DEBUG",
        "TASKS_BACKEND",
    ):
        env.pop(name, None)
    _prepare(var_dir, env)
    log = (var_dir / "server.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(url + "/robots.txt", server)
        yield Portal(url, var_dir, env)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        if os.environ.get("PORTAL_KEEP_BROWSER_DB"):
            print(f"Browser suite data kept in {var_dir}")
        else:
            shutil.rmtree(var_dir, ignore_errors=True)


@pytest.fixture(scope="package")
def browser(portal):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread: Django would then refuse
    # database access in the unit tests collected after this package, hence the package scope.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageErrors(list):
    """JavaScript errors and Content-Security-Policy violations seen by a page."""


def _new_page(browser, request, viewport, **options):
    context = browser.new_context(
        viewport=viewport, locale="fr-FR", timezone_id="Europe/Paris", **options
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors = PageErrors()
    page.on("pageerror", lambda error: errors.append(f"JavaScript error: {error}"))
    page.on(
        "console",
        lambda message: (
            errors.append(f"console: {message.text}")
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    page.errors = errors
    return context, page


def _keep_screenshot(request, page, suffix=""):
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = request.node.nodeid.split("::", 1)[-1]
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
        try:
            page.screenshot(path=str(ARTIFACTS / f"{safe}{suffix}.png"), full_page=True)
        except Exception as error:  # a crashed page must not hide the test's own failure
            print(f"No screenshot: {error}")


@pytest.fixture
def page(browser, request):
    """A fresh desktop browser context and page; a screenshot is kept when the test fails."""
    context, page = _new_page(browser, request, DESKTOP)
    yield page
    _keep_screenshot(request, page)
    context.close()


@pytest.fixture
def mobile_page(browser, request):
    """A 375 px wide page (a small phone)."""
    context, page = _new_page(browser, request, MOBILE)
    yield page
    _keep_screenshot(request, page)
    context.close()


@pytest.fixture
def new_page(browser, request):
    """Factory for extra pages in separate contexts (a second user in the same journey)."""
    opened = []

    def make(viewport=DESKTOP, **options):
        """`options` go to the browser context (`java_script_enabled=False`, for instance)."""
        context, page = _new_page(browser, request, viewport, **options)
        opened.append((context, page))
        return page

    yield make
    for number, (context, page) in enumerate(opened, start=2):
        _keep_screenshot(request, page, suffix=f"-{number}")
        context.close()


@pytest.fixture(scope="package")
def axe_source():
    return AXE_JS.read_text(encoding="utf-8") if AXE_JS.exists() else ""
