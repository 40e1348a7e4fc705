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
    page.get_by_role("link", name="L'évaluation de la minorité et de l'isolement").first.click()
    page.wait_for_load_state()
    shoot(page, shots_dir, "dossier")
    visit(page, portal("/recherche/?q=mie+apt"))
    shoot(page, shots_dir, "search")
    visit(page, portal("/agenda/"))
    page.get_by_role("link", name="Vue mensuelle").click()
    page.wait_for_load_state()
    shoot(page, shots_dir, "agenda")
    visit(page, portal("/permanence/"))
    shoot(page, shots_dir, "helpdesk-form")
    visit(page, portal("/annuaire/"))
    page.locator(".directory-map").scroll_into_view_if_needed()
    shoot(page, shots_dir, "directory-map")


def test_jurist_queue(portal, page, shots_dir):
    log_in(page, portal, "juriste")
    page.get_by_role("button", name="Permanence juridique").click()
    page.get_by_role("link", name="File des demandes").click()
    page.wait_for_load_state()
    shoot(page, shots_dir, "jurist-queue")
