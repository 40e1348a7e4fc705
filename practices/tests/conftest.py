import pytest


@pytest.fixture
def practice_index(home):
    from practices.models import PracticeIndexPage

    return PracticeIndexPage.objects.get()
