"""What every line-by-line import shares (resources, actors): the per-line error and the final report."""

from dataclasses import dataclass, field

from django.core.management.base import CommandError

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


class LineError(Exception):
    """A line that cannot be imported, with the reason shown to the person running the import."""


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(
        default_factory=list
    )  # already imported with the same values: nothing written
    failed: list = field(default_factory=list)  # (line number, reason)

    @property
    def ok(self):
        return not self.failed

    def summary(self):
        """One line: « 3 ligne(s) créée(s), 0 mise(s) à jour, 2 inchangée(s), 1 en erreur »."""
        return (
            f"{len(self.created)} ligne(s) créée(s), {len(self.updated)} mise(s) à jour, "
            f"{len(self.unchanged)} inchangée(s), {len(self.failed)} en erreur"
        )

    def add(self, number, key, outcome):
        """Record a line written by an importer's `save()`, which returns CREATED, UPDATED or UNCHANGED."""
        getattr(self, outcome).append((number, key))

    def write(self, command, prefix=""):
        """Report each line to a management command's output, then the summary; a failed line makes the
        command fail (non-zero exit status)."""
        for number, key in self.created:
            command.stdout.write(f"{prefix}ligne {number} : créée ({key})")
        for number, key in self.updated:
            command.stdout.write(f"{prefix}ligne {number} : mise à jour ({key})")
        for number, key in self.unchanged:
            command.stdout.write(f"{prefix}ligne {number} : inchangée ({key})")
        for number, reason in self.failed:
            command.stderr.write(f"{prefix}ligne {number} : ERREUR {reason}")
        if not self.ok:
            raise CommandError(prefix + self.summary())
        command.stdout.write(command.style.SUCCESS(prefix + self.summary()))
