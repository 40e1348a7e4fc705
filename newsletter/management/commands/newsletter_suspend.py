"""Suspend addresses reported by the mail server as bouncing, or by a recipient as spam (a complaint).

manage.py newsletter_suspend adresse@example.org [autre@…] --reason bounce|complaint
manage.py newsletter_suspend --file rebonds.txt --reason bounce
"""

from django.core.management.base import BaseCommand

from newsletter import services
from newsletter.models import Subscriber, SuspensionReason


class Command(BaseCommand):
    help = "Suspend subscribers whose address bounces or who complained (nothing is deleted)."

    def add_arguments(self, parser):
        parser.add_argument("emails", nargs="*")
        parser.add_argument("--file", help="A file with one address per line.")
        parser.add_argument("--reason", choices=SuspensionReason.values, required=True)

    def handle(self, *args, **options):
        emails = list(options["emails"])
        if options["file"]:
            with open(options["file"], encoding="utf-8") as handle:
                emails += [line.strip() for line in handle if line.strip()]
        suspended = unknown = 0
        for email in emails:
            subscriber = Subscriber.objects.filter(
                email__iexact=services.normalise_email(email)
            ).first()
            if subscriber is None:
                unknown += 1
                continue
            services.suspend(subscriber, options["reason"])
            suspended += 1
        self.stdout.write(f"{suspended} address(es) suspended, {unknown} unknown.")
