from django.apps import AppConfig


class ExchangesConfig(AppConfig):
    name = "exchanges"
    verbose_name = "Échanges entre membres"

    def ready(self):
        from . import indexing

        indexing.connect()
