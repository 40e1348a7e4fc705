import atexit

from django.apps import AppConfig
from django.core.signals import request_finished


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Rapport d'activité et audience"

    def ready(self):
        from . import counting

        # The buffered audience counts are written after an answer has been delivered, and at exit.
        request_finished.connect(counting.flush_if_due, dispatch_uid="reports_audience_flush")
        atexit.register(counting.flush)
