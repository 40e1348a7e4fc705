"""One loader per section, each with `load(home, stdout)` returning a one-line summary; `load_demo` runs them in
dependency order (events link an actor and a resource, so they come after the directory and the library)."""

import datetime
from pathlib import Path

import yaml
from django.core.management.base import CommandError
from django.utils import timezone

DATA = Path(__file__).resolve().parent.parent / "data"


def read_yaml(name):
    with (DATA / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def days_ago(days):
    """A date relative to the load, so the demo never ages (review dates, events)."""
    return timezone.localdate() - datetime.timedelta(days=days)


def check(report, name):
    """The demo data must import cleanly: a failed line is a bug in `demo/data/`, shown with its reason."""
    if not report.ok:
        reasons = "; ".join(f"ligne {number} : {reason}" for number, reason in report.failed)
        raise CommandError(f"{name} : {reasons}")


def check_page(page, name):
    """A page of the demo data must pass the admin's own checks: a failure is a bug in `demo/data/`."""
    from django.core.exceptions import ValidationError

    try:
        page.clean()
    except ValidationError as error:
        raise CommandError(f"{name} : {page.slug} : {'; '.join(error.messages)}") from error
