"""Editing rules that keep events usable by the public pages and calendars."""

import pytest
from django.core.exceptions import ValidationError

from agenda.factories import EventDocumentFactory, EventFactory
from agenda.models import EventDocument, EventFormat

pytestmark = pytest.mark.django_db


def errors(instance):
    with pytest.raises(ValidationError) as info:
        instance.full_clean()
    return info.value.message_dict


def test_slugs_used_by_agenda_pages_are_refused():
    assert "slug" in errors(EventFactory.build(slug="archives"))


def test_online_events_need_their_link_and_on_site_ones_a_place():
    assert "online_url" in errors(
        EventFactory.build(slug="w", format=EventFormat.ONLINE, online_url="")
    )
    assert "city" in errors(
        EventFactory.build(slug="s", format=EventFormat.ON_SITE, city="", venue_name="")
    )


def test_a_document_points_to_a_resource_or_an_address(resource_index):
    from content.factories import ResourcePageFactory

    event = EventFactory()
    with pytest.raises(ValidationError):
        EventDocument(event=event, title="Rien").clean()
    resource = ResourcePageFactory(parent=resource_index, title="Actes du colloque 2025")
    document = EventDocument(event=event, resource=resource)
    document.clean()
    assert document.display_title == "Actes du colloque 2025"
    assert document.url == resource.url
    assert EventDocumentFactory(event=event).url == "https://example.org/programme.pdf"
