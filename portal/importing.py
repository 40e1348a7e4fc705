"""What every line-by-line import shares (resources, actors): the per-line error and the final report."""

from dataclasses import dataclass, field


class LineError(Exception):
    """A line that cannot be imported, with the reason shown to the person running the import."""


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    failed: list = field(default_factory=list)  # (line number, reason)

    @property
    def ok(self):
        return not self.failed
