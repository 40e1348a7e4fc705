"""The directory: about 120 fictional actors over 21 départements and a few national ones, of every kind,
imported from `demo/data/actors.csv` through the `import_actors` importer (keyed by `external_id`; an
unchanged actor gets no new revision). Names follow real patterns; contact details are fictional."""

from directory.importers import ActorImporter

from . import DATA, check

ACTORS = DATA / "actors.csv"


def load(home=None, stdout=None):
    report = ActorImporter(ACTORS).run()
    check(report, ACTORS.name)
    total = len(report.created) + len(report.updated) + len(report.unchanged)
    return f"{total} acteurs ({len(report.created)} créés)"
