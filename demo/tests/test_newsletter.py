import io

import pytest
from django.utils import timezone

from demo.loaders import newsletter as demo
from newsletter.figures import subscribers_on
from newsletter.models import NewsletterIssue, Subscriber

pytestmark = pytest.mark.django_db


def test_demo_subscribers_and_archive_are_idempotent(client, home):
    demo.load(home=home, stdout=io.StringIO())
    summary = demo.load(home=home, stdout=io.StringIO())
    assert "0 abonnés ajoutés" in summary and "0 lettres" in summary
    assert Subscriber.objects.count() == 7
    figures = subscribers_on(timezone.localdate())
    assert (figures["total"], figures["pending"], figures["suspended"]) == (5, 1, 1)
    assert NewsletterIssue.objects.sent().count() == 2
    archive = client.get("/lettre/").content.decode()
    assert "Lettre de novembre" in archive and "Lettre de rentrée" in archive
