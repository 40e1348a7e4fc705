import pytest


@pytest.mark.django_db
def test_home_page_answers(client, home):
    response = client.get("/")
    assert response.status_code == 200
    assert "Portail MNA" in response.content.decode()
