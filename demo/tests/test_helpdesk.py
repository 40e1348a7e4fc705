from io import StringIO

from demo.loaders import content
from demo.loaders import helpdesk as demo
from helpdesk.models import CannedAnswer, Message, MessageKind, Status, Ticket


def test_demo_is_idempotent_and_covers_every_status(home, client):
    out = StringIO()
    content.load(home, stdout=StringIO())  # canned answers link to the demo dossiers
    first = demo.load(home=home, stdout=out)
    second = demo.load(home=home, stdout=out)
    assert "15 requests" in first and "already there" in second
    assert "juriste / portail-mna-juriste" in out.getvalue()
    assert Ticket.objects.count() == 15
    assert set(Ticket.objects.values_list("status", flat=True)) == set(Status.values)
    assert Message.objects.filter(kind=MessageKind.NOTE).exists()
    assert all(canned.pages.exists() for canned in CannedAnswer.objects.all())
    assert client.login(username="juriste", password="portail-mna-juriste")
    assert client.get("/admin/permanence/?status=tous").status_code == 200
