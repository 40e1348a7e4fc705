from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content of `make run`: data files under `demo/data/` and `load_demo`, no model."""

    name = "demo"
    verbose_name = "Démonstration"
