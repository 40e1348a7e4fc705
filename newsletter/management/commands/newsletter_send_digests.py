"""Scheduled every 15 minutes: build and queue the alerts and digests that are due.

Immediate alerts on every run; daily and weekly digests (yesterday, last week) from NEWSLETTER_DIGEST_HOUR
(7 h, Paris time). Safe to run as often as wanted: a subscriber is served once per period. The emails are
delivered by the task worker (`db_worker`), and retried by `newsletter_send_pending`.

    manage.py newsletter_send_digests                       # everything that is due
    manage.py newsletter_send_digests --frequency daily     # one frequency, whatever the hour
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from newsletter.models import Frequency
from newsletter.services.digests import run_digests


class Command(BaseCommand):
    help = "Build and queue the alerts and digests that are due (or those of one --frequency)."

    def add_arguments(self, parser):
        parser.add_argument("--frequency", choices=Frequency.values)

    def handle(self, *args, **options):
        if options["frequency"]:
            frequencies = [options["frequency"]]
        else:
            frequencies = [Frequency.IMMEDIATE]
            if timezone.localtime().hour >= settings.NEWSLETTER_DIGEST_HOUR:
                frequencies += [Frequency.DAILY, Frequency.WEEKLY]
        for frequency in frequencies:
            report = run_digests(frequency)
            self.stdout.write(
                f"{frequency}: {report['subscribers']} subscriber(s), {report['sent']} digest(s) "
                f"queued, {report['empty']} empty (not sent)."
            )
