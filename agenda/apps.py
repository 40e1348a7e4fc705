from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = "Agenda"

    def ready(self):
        from core import freshness

        from .models import Event, EventSession

        freshness.watch(Event, EventSession)
