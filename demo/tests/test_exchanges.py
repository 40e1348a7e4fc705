from io import StringIO

from demo.loaders import exchanges as demo
from exchanges.models import Message, Status, Thread


def test_demo_threads_are_idempotent_and_readable_by_the_demo_member(home, client):
    out = StringIO()
    first = demo.load(home=home, stdout=out)
    second = demo.load(home=home, stdout=out)
    assert "3 threads" in first and "already there" in second
    assert "membre / portail-mna-membre" in out.getvalue()
    assert Thread.objects.filter(approved=True).count() == 2
    assert Message.objects.filter(status=Status.PENDING).count() == 1
    assert client.login(username="membre", password="portail-mna-membre")
    archive = client.get("/echanges/")
    assert "Inscription au lycée professionnel en cours d&#x27;année" in archive.text
    thread = Thread.objects.get(subject__startswith="Délais")
    page = client.get(f"/echanges/{thread.pk}/")
    assert "Inès Moreau, le" in page.text and "(réponse)" in page.text
    assert (
        '<a href="https://eduscol.education.fr/"'
        in client.get(f"/echanges/{Thread.objects.get(subject__startswith='Inscription').pk}/").text
    )
