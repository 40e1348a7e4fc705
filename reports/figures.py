"""The yearly activity report: every figure for a year beside the year before, each computed from the
portal's own records and shown with its definition, so that a reader can check what it counts.

- audience: the daily counters (`audience`);
- library, dossiers: the pages' first publication date and the audit log of publications (Wagtail
  writes a `wagtail.publish` / `wagtail.unpublish` entry for each);
- agenda and directory: the first publication of events and actors (both moderated like pages);
- helpdesk: `helpdesk.services.statistics_for`, the jurists' own yearly figures;
- subscribers: the newsletter's dated history of subscriptions (`newsletter.figures`).
"""

import dataclasses
import datetime
from collections import Counter

from django.utils import timezone
from wagtail.models import PageLogEntry

from agenda.models import Event
from content.models import DossierPage, ResourceKind, ResourcePage
from core.dates import MONTHS, format_month
from core.spreadsheet import neutralise_formula
from directory.models import Actor
from helpdesk.services import SMALL_COUNT, statistics_for
from newsletter import figures as newsletter_figures
from newsletter.models import Kind as SubscriptionKind

from . import audience

TOP = 10


@dataclasses.dataclass
class Figure:
    """One figure of the report: its value for the year and the year before, and what it counts."""

    key: str
    label: str
    definition: str
    value: object
    previous: object
    unit: str = ""  # "%" for a share (its change is in points)

    @classmethod
    def yearly(cls, year, key, label, definition, value, unit=""):
        """The figure of `year` beside the year before: `value(y)` computed for each."""
        return cls(key, label, definition, value(year), value(year - 1), unit)

    @property
    def change(self):
        return change(self.value, self.previous, self.unit)


@dataclasses.dataclass
class Table:
    """Rows (label, value, previous) of a breakdown. `small_counts`: counts below 5 read « < 5 »
    (per département, where a small count could point to a person). `chart`: drawn as bars too."""

    key: str
    title: str
    definition: str
    rows: list
    small_counts: bool = False
    chart: bool = False

    def shown(self, value):
        return shown(value, self.small_counts)

    @property
    def display_rows(self):
        return [
            (label, self.shown(value), self.shown(previous), self.row_change(value, previous))
            for label, value, previous in self.rows
        ]

    def row_change(self, value, previous):
        if self.small_counts and (value < SMALL_COUNT or previous < SMALL_COUNT):
            return ""
        return change(value, previous)


@dataclasses.dataclass
class Section:
    title: str
    figures: list
    tables: list = dataclasses.field(default_factory=list)


def shown(value, small_counts=False):
    if small_counts and isinstance(value, int) and value < SMALL_COUNT:
        return "< 5"
    return value


def change(value, previous, unit=""):
    """« +12 (+8 %) », « −3 (−20 %) », « +2,5 points »; empty when either year has no figure."""
    if not isinstance(value, (int, float)) or not isinstance(previous, (int, float)):
        return ""
    difference = value - previous
    if not difference:
        return "stable"
    if unit == "%":
        return f"{_signed(round(difference, 1))} point{'s' if abs(difference) >= 2 else ''}"
    if previous == 0:
        return _signed(difference) if difference else "="
    return f"{_signed(difference)} ({_signed(round(100 * difference / previous))} %)"


def _signed(number):
    text = f"{abs(number)}".replace(".", ",")
    if number > 0:
        return f"+{text}"
    return f"−{text}" if number < 0 else text


def _year_bounds(year):
    tz = timezone.get_current_timezone()
    return (
        datetime.datetime(year, 1, 1, tzinfo=tz),
        datetime.datetime(year + 1, 1, 1, tzinfo=tz),
    )


def default_year(today=None):
    """The last complete year."""
    return (today or timezone.localdate()).year - 1


# Library ------------------------------------------------------------------------------------------


def first_published_in(queryset, year):
    since, until = _year_bounds(year)
    return queryset.filter(first_published_at__gte=since, first_published_at__lt=until)


def live_at(model, moment, field="pk"):
    """{pk: `field`} of the `model` pages online at `moment`: first published before it, and whose last
    publication or unpublication logged before it was a publication. A page without a log entry is
    taken as its current state says."""
    published = model.objects.filter(first_published_at__lt=moment)
    last_action = dict(
        PageLogEntry.objects.filter(
            page_id__in=published.values("pk"),
            timestamp__lt=moment,
            action__in=("wagtail.publish", "wagtail.unpublish"),
        )
        .order_by("timestamp", "pk")
        .values_list("page_id", "action")
    )
    return {
        pk: value
        for pk, live, value in published.values_list("pk", "live", field)
        if last_action.get(pk, "wagtail.publish" if live else "wagtail.unpublish")
        == "wagtail.publish"
    }


def republished_in(model, year):
    """Pages already published before the year of which a new version was published during it."""
    since, until = _year_bounds(year)
    return (
        model.objects.filter(first_published_at__lt=since)
        .filter(
            pk__in=PageLogEntry.objects.filter(
                action="wagtail.publish", timestamp__gte=since, timestamp__lt=until
            ).values("page_id")
        )
        .count()
    )


def library(year):
    held = {}
    added = {}
    for y in (year, year - 1):
        _, until = _year_bounds(y)
        held[y] = Counter(live_at(ResourcePage, until, "kind").values())
        added[y] = Counter(
            first_published_in(ResourcePage.objects.all(), y).values_list("kind", flat=True)
        )
    kinds = [kind for kind in ResourceKind if held[year].get(kind) or held[year - 1].get(kind)]
    return Section(
        "Centre de ressources",
        [
            Figure.yearly(
                year,
                "resources_held",
                "Ressources en ligne au 31 décembre",
                "ressources de la bibliothèque en ligne le 31 décembre à minuit : publiées avant cette "
                "date et non dépubliées depuis (d'après le journal des publications)",
                lambda y: sum(held[y].values()),
            ),
            Figure.yearly(
                year,
                "resources_added",
                "Ressources publiées dans l'année",
                "première publication entre le 1er janvier et le 31 décembre (une ressource dépubliée "
                "puis republiée compte l'année de sa première publication)",
                lambda y: sum(added[y].values()),
            ),
        ],
        [
            Table(
                "resources_added_by_kind",
                "Ressources publiées dans l'année, par type",
                "première publication dans l'année, selon le type de la ressource",
                [
                    (kind.label, added[year].get(kind, 0), added[year - 1].get(kind, 0))
                    for kind in ResourceKind
                    if added[year].get(kind) or added[year - 1].get(kind)
                ],
                chart=True,
            ),
            Table(
                "resources_held_by_kind",
                "Ressources en ligne au 31 décembre, par type",
                "ressources en ligne le 31 décembre, selon leur type",
                [
                    (kind.label, held[year].get(kind, 0), held[year - 1].get(kind, 0))
                    for kind in kinds
                ],
            ),
        ],
    )


def dossiers(year):
    return Section(
        "Dossiers thématiques",
        [
            Figure.yearly(
                year,
                "dossiers_created",
                "Dossiers créés",
                "dossiers publiés pour la première fois entre le 1er janvier et le 31 décembre",
                lambda y: first_published_in(DossierPage.objects.all(), y).count(),
            ),
            Figure.yearly(
                year,
                "dossiers_rewritten",
                "Dossiers réécrits ou mis à jour",
                "dossiers déjà en ligne avant le 1er janvier dont une nouvelle version a été publiée "
                "dans l'année",
                lambda y: republished_in(DossierPage, y),
            ),
        ],
    )


def agenda_and_directory(year):
    return Section(
        "Agenda et annuaire",
        [
            Figure.yearly(
                year,
                "events_added",
                "Événements mis à l'agenda",
                "événements publiés pour la première fois dans l'année (quelle que soit leur date)",
                lambda y: first_published_in(Event.objects.all(), y).count(),
            ),
            Figure.yearly(
                year,
                "actors_added",
                "Nouvelles références dans l'annuaire",
                "acteurs publiés pour la première fois dans l'annuaire dans l'année",
                lambda y: first_published_in(Actor.objects.all(), y).count(),
            ),
        ],
    )


# Helpdesk -----------------------------------------------------------------------------------------


def _merge_counts(current, previous, limit=None):
    """Rows (label, value, previous) for the labels of `current` (most frequent first), then those only
    in `previous`."""
    current, previous = dict(current), dict(previous)
    labels = list(current)[:limit] if limit else list(current)
    if not limit:
        labels += [label for label in previous if label not in current]
    return [(label, current.get(label, 0), previous.get(label, 0)) for label in labels]


def helpdesk(year):
    stats = {
        y: statistics_for(datetime.date(y, 1, 1), datetime.date(y, 12, 31))
        for y in (year, year - 1)
    }
    now, before = stats[year], stats[year - 1]
    return Section(
        "Permanence juridique",
        [
            Figure.yearly(
                year,
                "helpdesk_received",
                "Demandes reçues",
                "demandes reçues entre le 1er janvier et le 31 décembre (les demandes fusionnées avec "
                "une autre ne comptent qu'une fois)",
                lambda y: stats[y]["total"],
            ),
            Figure.yearly(
                year,
                "helpdesk_answered",
                "Demandes ayant reçu une réponse",
                "demandes reçues dans l'année auxquelles une juriste a répondu",
                lambda y: stats[y]["answered"],
            ),
            Figure.yearly(
                year,
                "helpdesk_departements",
                "Départements d'où viennent les demandes",
                "nombre de départements différents concernés par au moins une demande reçue dans l'année",
                lambda y: len(stats[y]["departements"]),
            ),
        ],
        [
            Table(
                "helpdesk_topics",
                f"Sujets les plus fréquents ({TOP} premiers)",
                "demandes reçues dans l'année, selon le sujet choisi par le demandeur ou corrigé par "
                "la juriste",
                _merge_counts(now["topics"], before["topics"], TOP),
                chart=True,
            ),
            Table(
                "helpdesk_professions",
                "Professions des demandeurs",
                "demandes reçues dans l'année, selon la profession déclarée par le demandeur",
                _merge_counts(now["professions"], before["professions"]),
            ),
            Table(
                "helpdesk_departements_list",
                "Demandes par département",
                "demandes reçues dans l'année, selon le département concerné ; moins de 5 demandes "
                "s'écrit « < 5 » pour qu'aucune situation ne puisse être reconnue",
                _merge_counts(now["departements"], before["departements"]),
                small_counts=True,
            ),
        ],
    )


# Audience -----------------------------------------------------------------------------------------


def _share(part, whole):
    return round(100 * part / whole, 1) if whole else None


def _peak(months):
    best = max(months, key=lambda row: row[1], default=None)
    if best is None or not best[1]:
        return "—"
    return f"{format_month(best[0].year, best[0].month)} ({best[1]} visites)"


def audience_section(year):
    periods = {y: (datetime.date(y, 1, 1), datetime.date(y, 12, 31)) for y in (year, year - 1)}
    totals = {y: audience.totals(*period) for y, period in periods.items()}
    months = {y: audience.per_month(*period) for y, period in periods.items()}
    referrers = {y: dict(audience.referrers(*period)) for y, period in periods.items()}
    documents = audience.top_documents(*periods[year], limit=TOP)
    documents_before = audience.downloads_of([pk for pk, _, _ in documents], *periods[year - 1])
    return Section(
        "Audience",
        [
            Figure.yearly(
                year,
                "visits",
                "Visites",
                "arrivées sur le portail depuis un moteur de recherche, un autre site, un courriel ou "
                "en accès direct ; une page ouverte depuis une autre page du portail n'en commence "
                "pas une. Sans cookie ni identifiant, un visiteur revenu deux fois compte deux visites ; "
                "les robots ne sont pas comptés",
                lambda y: totals[y]["visits"],
            ),
            Figure.yearly(
                year,
                "views",
                "Pages vues",
                "pages publiques affichées par un navigateur (hors robots, administration et pages "
                "personnelles : suivi d'une demande, gestion des abonnements)",
                lambda y: totals[y]["views"],
            ),
            Figure.yearly(
                year,
                "peak_month",
                "Mois le plus fréquenté",
                "le mois qui a compté le plus de visites",
                lambda y: _peak([(m, visits) for m, visits, _ in months[y]]),
            ),
            Figure.yearly(
                year,
                "direct_share",
                "Part des visites en accès direct",
                "visites arrivées sans provenir d'un autre site ni d'un moteur de recherche (adresse "
                "tapée, favori, lien d'un document ou d'une messagerie installée), sur le total des visites",
                lambda y: _share(totals[y]["direct"], totals[y]["visits"]),
                unit="%",
            ),
            Figure.yearly(
                year,
                "downloads",
                "Documents téléchargés",
                "téléchargements de documents du portail (PDF et autres fichiers), hors robots",
                lambda y: totals[y]["downloads"],
            ),
        ],
        [
            Table(
                "visits_per_month",
                "Visites par mois",
                "visites de chaque mois (définition ci-dessus)",
                [
                    (MONTHS[month.month - 1], visits, previous[1])
                    for (month, visits, _), previous in zip(
                        months[year], months[year - 1], strict=True
                    )
                ],
                chart=True,
            ),
            Table(
                "referrers",
                "Provenance des visites",
                "visites selon la page d'où vient le visiteur, réduite à une catégorie : moteur de "
                "recherche, autre site, courriel (webmail ou lien marqué « utm_medium=email »), accès direct",
                [
                    (label, visits, referrers[year - 1].get(label, 0))
                    for label, visits in referrers[year].items()
                ],
            ),
            Table(
                "top_documents",
                f"Documents les plus téléchargés ({TOP} premiers)",
                "téléchargements dans l'année de chaque document",
                [
                    (title, downloads, documents_before.get(pk, 0))
                    for pk, title, downloads in documents
                ],
            ),
        ],
    )


# Subscribers -------------------------------------------------------------------------------------


def subscribers(year):
    ends = {
        y: newsletter_figures.subscribers_on(datetime.date(y, 12, 31))
        for y in range(year - 2, year + 1)
    }
    history = {
        y: newsletter_figures.subscriber_history(datetime.date(y, 1, 1), datetime.date(y, 12, 31))
        for y in (year, year - 1)
    }

    def flow(y, key):
        return sum(row[key] for row in history[y])

    return Section(
        "Abonnés",
        [
            Figure.yearly(
                year,
                "subscribers",
                "Abonnés au 31 décembre",
                "adresses confirmées et actives (ni suspendues ni désinscrites) le 31 décembre au soir, "
                "d'après l'historique des abonnements",
                lambda y: ends[y]["total"],
            ),
            Figure.yearly(
                year,
                "subscribers_growth",
                "Croissance du nombre d'abonnés",
                "abonnés au 31 décembre moins abonnés au 31 décembre de l'année précédente",
                lambda y: ends[y]["total"] - ends[y - 1]["total"],
            ),
            Figure.yearly(
                year,
                "subscribers_confirmed",
                "Nouvelles inscriptions confirmées",
                "adresses confirmées dans l'année (double validation par courriel)",
                lambda y: flow(y, "confirmed"),
            ),
            Figure.yearly(
                year,
                "subscribers_left",
                "Désinscriptions",
                "abonnés qui ont quitté toutes leurs listes dans l'année",
                lambda y: flow(y, "left"),
            ),
        ],
        [
            Table(
                "subscribers_per_month",
                "Abonnés à la fin de chaque mois",
                "adresses confirmées et actives le dernier jour du mois",
                [
                    (MONTHS[now["month"].month - 1], now["active"], before["active"])
                    for now, before in zip(history[year], history[year - 1], strict=True)
                ],
                chart=True,
            ),
            Table(
                "subscriptions_by_kind",
                "Abonnements par liste au 31 décembre",
                "abonnements en cours le 31 décembre, par liste ou type d'alerte (un abonné peut en "
                "avoir plusieurs)",
                [
                    (
                        kind.label,
                        ends[year]["by_kind"].get(kind, 0),
                        ends[year - 1]["by_kind"].get(kind, 0),
                    )
                    for kind in SubscriptionKind
                ],
            ),
        ],
    )


# The report ---------------------------------------------------------------------------------------

SECTIONS = [audience_section, library, dossiers, agenda_and_directory, helpdesk, subscribers]


def activity_report(year):
    """The report for `year`, beside `year - 1`: {"year", "previous", "sections"}."""
    return {
        "year": year,
        "previous": year - 1,
        "sections": [build(year) for build in SECTIONS],
    }


def as_rows(report):
    """The report flattened for a spreadsheet, one figure or table row a line: section, indicator,
    detail, the two years, the difference, the change in per cent, the definition. Differences are
    plain numbers (a share's in points); text from the admin (topics, document titles) is made safe."""
    rows = [
        [
            "rubrique",
            "indicateur",
            "détail",
            str(report["year"]),
            str(report["previous"]),
            "écart",
            "évolution (%)",
            "définition",
        ]
    ]
    for section in report["sections"]:
        for item in section.figures:
            label = f"{item.label} ({item.unit})" if item.unit else item.label
            rows.append(
                [section.title, label, "", _cell(item.value), _cell(item.previous)]
                + _differences(item.value, item.previous, item.unit)
                + [item.definition]
            )
        for item in section.tables:
            for (label, value, previous), shown_row in zip(
                item.rows, item.display_rows, strict=True
            ):
                hidden = shown_row[3] == "" and item.small_counts
                rows.append(
                    [section.title, item.title, neutralise_formula(label)]
                    + [_cell(shown_row[1]), _cell(shown_row[2])]
                    + (["", ""] if hidden else _differences(value, previous))
                    + [item.definition]
                )
    return rows


def _differences(value, previous, unit=""):
    if not isinstance(value, (int, float)) or not isinstance(previous, (int, float)):
        return ["", ""]
    difference = value - previous
    if unit == "%":
        return [_cell(round(difference, 1)), ""]
    percent = round(100 * difference / previous) if previous else ""
    return [difference, percent]


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return str(value).replace(".", ",")
    return value


def as_json(report):
    """The report as plain data (for scripts): figures keyed, tables as lists of rows."""
    return {
        "year": report["year"],
        "previous_year": report["previous"],
        "sections": [
            {
                "title": section.title,
                "figures": [
                    {
                        "key": figure.key,
                        "label": figure.label,
                        "definition": figure.definition,
                        "value": figure.value,
                        "previous": figure.previous,
                        "unit": figure.unit,
                        "change": figure.change,
                    }
                    for figure in section.figures
                ],
                "tables": [
                    {
                        "key": table.key,
                        "title": table.title,
                        "definition": table.definition,
                        "rows": [
                            {"label": label, "value": value, "previous": previous, "change": c}
                            for label, value, previous, c in table.display_rows
                        ],
                    }
                    for table in section.tables
                ],
            }
            for section in report["sections"]
        ],
    }


def figure(report, key):
    """A figure of the report by its key (tests, templates)."""
    for section in report["sections"]:
        for item in section.figures:
            if item.key == key:
                return item
    raise KeyError(key)


def table(report, key):
    for section in report["sections"]:
        for item in section.tables:
            if item.key == key:
                return item
    raise KeyError(key)
