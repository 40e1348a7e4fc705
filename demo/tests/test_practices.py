import io

import pytest

from demo.loaders import practices as demo
from practices.models import PracticeSheetPage

pytestmark = pytest.mark.django_db


def test_demo_sheets_are_published_once_with_their_partners(client, home):
    assert demo.load(home=home, stdout=io.StringIO()) == "3 fiches action créées"
    assert demo.load(home=home, stdout=io.StringIO()) == "0 fiches action créées"
    sheets = PracticeSheetPage.objects.live()
    assert sheets.count() == 3
    assert all(sheet.partners.count() >= 3 and sheet.themes.exists() for sheet in sheets)
    assert {s.departement.code for s in sheets} == {"35", "69", "33"}
    html = client.get("/pratiques/?partner=mission-locale").content.decode()
    assert "Mission locale accompagnent les jeunes dès 16 ans" in html
    assert "1 fiche action" in html
