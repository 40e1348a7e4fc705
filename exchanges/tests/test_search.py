"""The archive in the portal's search: members find approved threads, nobody else does."""

import pytest

from exchanges import services

pytestmark = pytest.mark.django_db


def test_approved_threads_are_searchable_by_members_only(
    client,
    member,
    editor,
    contributor,
    database_service,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        pending = services.start_thread(member, "Zorglub en attente", "Texte zorglub")
        message = services.start_thread(member, "Zorglub approuvé", "Cantine zorglub")
        services.approve(message, editor)
    assert database_service.database.count() == 1  # the pending one is not indexed
    assert "Zorglub" not in client.get("/recherche/?q=zorglub").text
    client.force_login(contributor)
    assert "Zorglub" not in client.get("/recherche/?q=zorglub").text
    client.force_login(member)
    page = client.get("/recherche/?q=zorglub").text
    assert "Zorglub approuvé" in page and f"/echanges/{message.thread_id}/" in page
    assert "Zorglub en attente" not in page
    with django_capture_on_commit_callbacks(execute=True):
        services.reject(pending, editor, "Doublon")
        message.thread.delete()
    assert database_service.database.count() == 0
