from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = "Agenda"

    def ready(self):
        from django.db.models.signals import post_delete

        from core import freshness

        from .models import Event, EventSession, session_deleted

        freshness.watch(Event, EventSession)
        post_delete.connect(session_deleted, sender=EventSession, dispatch_uid="agenda-last-end")
