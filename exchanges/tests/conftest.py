import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.testing import Client
from search.tests.fixtures import database_service  # noqa: F401

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"

HOSTILE_SUBJECT = '<script>alert("sujet")</script><img src=x onerror=alert(1)>'
HOSTILE_BODY = (
    "Bonjour <script>alert('corps')</script>\n\n"
    '<a href="javascript:alert(1)">clic</a> <a href="jAvAsCrIpT&colon;alert(2)">deux</a>\n\n'
    '<img src=x onerror="alert(3)"><iframe src="https://evil.example"></iframe>'
    '<p onclick="alert(4)" style="color:red">para</p> https://exemple.fr/guide'
)


def upload(name="note.pdf", data=PDF, content_type="application/pdf"):
    return SimpleUploadedFile(name, data, content_type=content_type)


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.EXCHANGES_PRIVATE_ROOT = tmp_path / "exchanges"
    return settings.EXCHANGES_PRIVATE_ROOT


@pytest.fixture(autouse=True)
def subscribers(db):
    """Confirmed subscribers (newsletter app): two members of the list (membre, membre2), one address of
    the list that is no member's, and one of the newsletter only."""
    from newsletter.factories import SubscriptionFactory

    return [
        SubscriptionFactory(subscriber__email=email, kind=kind)
        for email, kind in (
            ("membre@example.org", "echanges"),
            ("Membre2@example.org", "echanges"),
            ("externe@example.org", "echanges"),
            ("lettre@example.org", "newsletter"),
        )
    ]


@pytest.fixture
def other_member(db, django_user_model):
    from django.contrib.auth.models import Group

    from core.roles import MEMBERS

    user = django_user_model.objects.create_user(
        "membre2",
        "membre2@example.org",
        "motdepasse-tres-long",
        first_name="Awa",
        last_name="Diallo",
    )
    user.groups.add(Group.objects.get(name=MEMBERS))
    return user


@pytest.fixture
def member_client(member):
    client = Client()
    client.force_login(member)
    return client


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client
