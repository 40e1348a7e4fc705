"""The README's screenshots, taken from the running portal. `make screenshots` writes them to
docs/screenshots/; in the normal suite they go to a temporary folder, which still proves each page
renders in Chromium."""

import os
from pathlib import Path

import pytest

from .helpers import log_in, visit


@pytest.fixture
def shots_dir(tmp_path):
    folder = Path(os.environ.get("PORTAL_SCREENSHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def shoot(page, folder, name):
    path = folder / f"{name}.png"
    page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000, f"{name}: the screenshot is nearly empty"


def test_public_pages(portal, page, shots_dir):
    visit(page, portal("/"))
    shoot(page, shots_dir, "home")
    visit(page, portal("/dossiers/"))
    dossier = page.locator("main .link-list a").first
    if dossier.count():
        dossier.click()
        page.wait_for_load_state()
    shoot(page, shots_dir, "dossier")
    visit(page, portal("/ressources/"))
    shoot(page, shots_dir, "library")


def test_admin_pages(portal, page, shots_dir):
    log_in(page, portal, "comite")
    shoot(page, shots_dir, "admin-dashboard")
