from io import StringIO

from demo.loaders import helpdesk as demo
from helpdesk.models import Message, MessageKind, Status, Ticket


def test_demo_is_idempotent_and_covers_every_status(home, client):
    out = StringIO()
    first = demo.load(home=home, stdout=out)
    second = demo.load(home=home, stdout=out)
    assert "15 requests" in first and "already there" in second
    assert "juriste / portail-mna-juriste" in out.getvalue()
    assert Ticket.objects.count() == 15
    assert set(Ticket.objects.values_list("status", flat=True)) == set(Status.values)
    assert Message.objects.filter(kind=MessageKind.NOTE).exists()
    assert client.login(username="juriste", password="portail-mna-juriste")
    assert client.get("/admin/permanence/?status=tous").status_code == 200
