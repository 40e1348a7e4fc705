"""The newsletter's bulk-send measure alone (`make bench` runs it too): a small corpus in a throw-away
database, then 5,000 daily digests built, written and delivered (see benchmarks/newsletter.py)."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ["DEBUG"] = "0"
os.environ.setdefault("LOG_LEVEL", "WARNING")
if "DATABASE_URL" not in os.environ:
    os.environ["PORTAL_VAR_DIR"] = tempfile.mkdtemp(prefix="portail-mna-bench-")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from benchmarks import newsletter  # noqa: E402
from benchmarks.seed import seed_content  # noqa: E402
from portal.site_structure import ensure_site  # noqa: E402

if __name__ == "__main__":
    call_command("migrate", verbosity=0)
    seed_content(float(os.environ.get("SCALE", "0.05")), ensure_site())
    newsletter.print_report(newsletter.measure())
