"""The archive in the portal's search, for members only: each approved thread is one document of audience
« members », which the search service shows to members and never to anyone else (nor in suggestions)."""

from django.db.models import Prefetch
from django.db.models.signals import post_delete

from search import services as search
from search.indexables import MEMBERS, Indexable, html_to_text, register

from .models import Message, Status, Thread


@register
class ThreadIndexable(Indexable):
    model = "exchanges.Thread"
    kind = "echange"
    label = "Échange entre membres"
    audience = MEMBERS

    def public_queryset(self):
        """What the index may hold: approved threads and their approved messages (for members)."""
        approved = Message.objects.filter(status=Status.APPROVED).select_related("author")
        return Thread.objects.filter(approved=True).prefetch_related(
            "themes", Prefetch("messages", queryset=approved, to_attr="indexed_messages")
        )

    def url(self, obj):
        return obj.get_absolute_url()

    def to_document(self, obj):
        messages = obj.indexed_messages
        return self.document(
            obj,
            title=obj.subject,
            summary=html_to_text(messages[0].body)[:300] if messages else "",
            body=[html_to_text(m.body) for m in messages],
            date=obj.last_activity_at.date(),
            themes=obj.themes.all(),
        )


def _thread_deleted(sender, instance, **kwargs):
    search.remove_on_commit(instance)


def connect():
    post_delete.connect(_thread_deleted, sender=Thread, dispatch_uid="exchanges-thread-delete")
