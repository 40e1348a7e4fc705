"""Scheduled: build and send the alerts and digests of one frequency.

    */15 * * * *  manage.py newsletter_send_digests --frequency immediate
    0 7 * * *     manage.py newsletter_send_digests --frequency daily
    0 7 * * 1     manage.py newsletter_send_digests --frequency weekly

Safe to run twice (a subscriber is served once per period). The emails are delivered by the task worker.
"""

from django.core.management.base import BaseCommand

from newsletter.models import Frequency
from newsletter.services.digests import run_digests


class Command(BaseCommand):
    help = "Build and queue the digests of one frequency (immediate, daily, weekly)."

    def add_arguments(self, parser):
        parser.add_argument("--frequency", choices=Frequency.values, required=True)

    def handle(self, *args, **options):
        report = run_digests(options["frequency"])
        self.stdout.write(
            f"{report['subscribers']} subscriber(s): {report['sent']} digest(s) queued, "
            f"{report['empty']} empty (not sent)."
        )
