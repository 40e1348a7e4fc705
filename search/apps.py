from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Recherche"

    def ready(self):
        from django.core.signals import setting_changed

        from . import signals

        signals.connect()
        setting_changed.connect(_reset_on_setting_change, dispatch_uid="search-settings")


def _reset_on_setting_change(setting, **kwargs):
    if setting.startswith(("ELASTICSEARCH", "SEARCH_")):
        from .services import reset_service

        reset_service()
