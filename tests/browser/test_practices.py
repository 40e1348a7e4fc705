"""The practices library: a visitor filters the library and opens a sheet; a member proposes a sheet,
which waits for the committee. Each page passes the axe audit."""

import os
import re
import subprocess
import sys

from playwright.sync_api import expect

from .conftest import ROOT
from .helpers import assert_accessible, visit

SESSION_SCRIPT = """
import django
django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

client = Client()
client.force_login(get_user_model().objects.get(username="membre"))
print(settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value)
"""


def log_in_member(page, portal):
    """The member logs in through a session made on the server's database (`force_login`): the public
    login page of members is not the practices library's to test."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.browser.settings",
        "PORTAL_PUBLIC_URL": portal.url,
        "PORTAL_VAR_DIR": str(portal.var_dir),
        "DATABASE_URL": f"sqlite:///{portal.var_dir / 'portal.sqlite3'}",
    }
    output = subprocess.run(
        [sys.executable, "-c", SESSION_SCRIPT],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    name, value = output[-2:]
    page.context.add_cookies([{"name": name, "value": value, "url": portal.url}])


def test_a_visitor_filters_the_library_and_opens_a_sheet(portal, page, axe_source):
    visit(page, portal("/"))
    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Pratiques"
    ).click()
    page.wait_for_url(portal("/pratiques/"))
    expect(page.locator("h1")).to_have_text("Bibliothèque des pratiques")
    expect(page.get_by_role("heading", name="3 fiches action")).to_be_visible()
    assert_accessible(page, axe_source)

    page.get_by_label("Mission locale", exact=True).check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url(re.compile(r".*/pratiques/\?.*partner=mission-locale"))
    expect(page.get_by_role("heading", name="1 fiche action")).to_be_visible()
    expect(page.get_by_label("Mission locale", exact=True)).to_be_checked()

    page.get_by_label("Département", exact=True).select_option("69")
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url(re.compile(r".*departement=69.*"))
    link = page.locator(".results h3 a")
    expect(link).to_have_count(1)
    title = link.inner_text()
    link.click()
    expect(page.locator("h1")).to_have_text(title)
    main = page.locator("main")
    for heading in (
        "Partenaires",
        "Problème constaté lors du diagnostic",
        "Objectif",
        "Calendrier",
    ):
        expect(main.get_by_role("heading", name=heading)).to_be_visible()
    expect(main).to_contain_text("Mission locale de Lyon")
    assert_accessible(page, axe_source)


def test_a_member_proposes_a_sheet_for_the_committee(portal, page, axe_source):
    log_in_member(page, portal)
    visit(page, portal("/pratiques/"))
    page.get_by_role("link", name="Proposer une fiche action").click()
    page.wait_for_url(portal("/pratiques/proposer/"))
    expect(page.locator("h1")).to_have_text("Proposer une fiche action")
    assert_accessible(page, axe_source)

    # Sent half-filled: the errors are listed, linked to their fields, and nothing typed is lost.
    page.get_by_label("Titre de l'action").fill("Un atelier santé partagé avec la PMI")
    page.get_by_label("Nom du partenaire").first.fill("Centre de PMI du quartier")
    page.get_by_role("button", name="Envoyer au comité de rédaction").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Partenaire 1, type de partenaire")
    expect(page.get_by_label("Titre de l'action")).to_have_value(
        "Un atelier santé partagé avec la PMI"
    )
    expect(page.get_by_label("Résumé")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page, axe_source)

    page.get_by_label("Résumé").fill("Un atelier mensuel de prévention santé animé avec la PMI.")
    page.get_by_label("Département").select_option("59")
    page.get_by_label("Santé", exact=True).check()
    page.get_by_label(re.compile(r"^Structure porteuse")).fill("Foyer éducatif du Nord")
    page.get_by_label("Type de structure porteuse").select_option("association")
    page.get_by_label("Type de partenaire").first.select_option("sante")
    page.get_by_label("Problème constaté lors du diagnostic").fill("Peu de bilans de santé faits.")
    page.get_by_label("Objectif").fill("Un bilan de santé pour chaque jeune dans les trois mois.")
    page.get_by_label("Actions menées").fill("Un atelier par mois au foyer.")
    page.get_by_label("Calendrier").fill("Depuis février 2025.")
    page.get_by_role("button", name="Envoyer au comité de rédaction").click()
    page.wait_for_url(portal("/pratiques/proposer/merci/"))
    expect(page.locator("main")).to_contain_text(
        "Votre fiche « Un atelier santé partagé avec la PMI » a été transmise"
    )

    # Not public until the committee publishes it.
    page.context.clear_cookies()
    visit(page, portal("/pratiques/"))
    expect(page.locator("main")).not_to_contain_text("Un atelier santé partagé")
