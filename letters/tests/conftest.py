import pytest

from letters.factories import LetterModelPageFactory
from letters.models import LetterIndexPage


@pytest.fixture
def letter_index(home):
    return LetterIndexPage.objects.get()


@pytest.fixture
def letter_page(letter_index):
    page = LetterModelPageFactory(parent=letter_index, slug="demande-test", title="Demande test")
    page.save_revision().publish()
    return page


GOOD = {
    "reponse-nom_du_jeune": "Amadou Diallo",
    "reponse-date_de_naissance": "2008-03-15",
    "reponse-motif": "Formation",
    "reponse-avocat": "oui",
    "reponse-nom_avocat": "Claire Dupont",
    "reponse-details": "",
}


@pytest.fixture
def answers():
    return dict(GOOD)
