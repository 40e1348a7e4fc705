"""The State funding calculator: the amount of each line of a quarter's claim, explained by its rule.

Everything here works on values in memory and returns values: nothing the calculator is given is stored.
A line is attached to the quarter in which its shelter began (or, with no shelter, in which it was
evaluated); the rule is the one in force on that quarter's first day (`FundingRule.for_quarter`). Days of
shelter are counted from the first to the last day, both included.
"""

import dataclasses
import datetime
from decimal import Decimal

from .quarters import Quarter

ZERO = Decimal("0")


def euros(amount):
    """« 1 260,00 € » (French grouping with a narrow no-break space)."""
    text = f"{Decimal(amount):,.2f}".replace(",", "\u202f").replace(".", ",")
    return f"{text}\u00a0€"


def days_label(days):
    return f"{days} jour{'s' if days > 1 else ''}"


@dataclasses.dataclass
class Shelter:
    """The shelter part of one person's funding."""

    days: int
    attested: bool
    first_days: int
    first_amount: Decimal
    extended_days: int
    extended_amount: Decimal
    explanations: list
    flags: list

    @property
    def amount(self):
        return self.first_amount + self.extended_amount


def shelter_funding(rule, days, attested):
    """The funding of `days` of shelter of one person under `rule`, with its explanation and flags."""
    first_days = min(days, rule.shelter_max_days)
    remaining = days - first_days
    extended_allowed = attested or not rule.extended_needs_attestation
    extended_possible = min(remaining, rule.extended_max_days)
    extended_days = extended_possible if extended_allowed else 0
    shelter = Shelter(
        days=days,
        attested=attested,
        first_days=first_days,
        first_amount=first_days * rule.shelter_daily_amount,
        extended_days=extended_days,
        extended_amount=extended_days * rule.extended_daily_amount,
        explanations=[],
        flags=[],
    )
    if days == 0:
        return shelter
    shelter.explanations.append(
        f"Mise à l'abri, 1re phase : {days_label(first_days)} × {euros(rule.shelter_daily_amount)} "
        f"= {euros(shelter.first_amount)} ({rule.shelter_max_days} jours au plus)."
    )
    if extended_days:
        attestation = " avec l'attestation" if rule.extended_needs_attestation else ""
        shelter.explanations.append(
            f"Mise à l'abri, 2e phase{attestation} : {days_label(extended_days)} × "
            f"{euros(rule.extended_daily_amount)} = {euros(shelter.extended_amount)} "
            f"({rule.extended_max_days} jours supplémentaires au plus)."
        )
    if extended_possible and not extended_allowed:
        shelter.flags.append(
            f"Attestation manquante : {days_label(extended_possible)} de 2e phase non financés "
            "(hébergement adapté et premier accompagnement social à attester par le président du "
            "conseil départemental)."
        )
    beyond = days - rule.max_days
    if beyond > 0:
        shelter.flags.append(
            f"Au-delà de {rule.max_days} jours : {days_label(beyond)} non financés "
            f"({days_label(days)} de mise à l'abri)."
        )
    return shelter


def evaluation_funding(rule, conditions_met):
    """(amount, explanation) of one person's evaluation under `rule`."""
    if rule.evaluation_amount == rule.evaluation_amount_reduced:
        return rule.evaluation_amount, f"Évaluation : forfait de {euros(rule.evaluation_amount)}."
    if conditions_met:
        return rule.evaluation_amount, (
            f"Évaluation : {euros(rule.evaluation_amount)} (convention avec le préfet et transmission "
            "des décisions : conditions remplies)."
        )
    return rule.evaluation_amount_reduced, (
        f"Évaluation : {euros(rule.evaluation_amount_reduced)} au lieu de "
        f"{euros(rule.evaluation_amount)} (conditions non remplies)."
    )


@dataclasses.dataclass
class DetailLine:
    """One young person's line of the detail table, as read (values) and understood (fields)."""

    number: int
    values: list  # the cells as typed, in the order of detail_table.COLUMNS
    reference: str = ""
    shelter_start: datetime.date | None = None
    shelter_end: datetime.date | None = None
    evaluation_date: datetime.date | None = None
    conditions_met: bool = False
    attested: bool = False
    errors: list = dataclasses.field(default_factory=list)

    @property
    def shelter_days(self):
        if self.shelter_start is None or self.shelter_end is None:
            return 0
        return (self.shelter_end - self.shelter_start).days + 1

    @property
    def reference_date(self):
        return self.shelter_start or self.evaluation_date

    def check(self):
        """Errors of a line whose cells were all read: inconsistent or missing dates."""
        if self.shelter_start and not self.shelter_end:
            self.errors.append("la date de fin de mise à l'abri manque.")
        if self.shelter_end and not self.shelter_start:
            self.errors.append("la date de début de mise à l'abri manque.")
        if self.shelter_start and self.shelter_end and self.shelter_end < self.shelter_start:
            self.errors.append("la fin de la mise à l'abri précède son début.")
        if (
            self.shelter_start
            and self.evaluation_date
            and self.evaluation_date < self.shelter_start
        ):
            self.errors.append("la date d'évaluation précède le début de la mise à l'abri.")
        if not self.errors and self.reference_date is None:
            self.errors.append("ni mise à l'abri ni évaluation : indiquez au moins une date.")


@dataclasses.dataclass
class LineResult:
    line: DetailLine
    counted: bool = False
    shelter: Shelter | None = None
    evaluation_amount: Decimal = ZERO
    explanations: list = dataclasses.field(default_factory=list)
    flags: list = dataclasses.field(default_factory=list)

    @property
    def total(self):
        shelter = self.shelter.amount if self.shelter else ZERO
        return shelter + self.evaluation_amount if self.counted else ZERO


def line_result(rule, quarter, line):
    result = LineResult(line=line)
    if line.errors:
        return result
    if line.reference_date not in quarter:
        other = Quarter.of(line.reference_date)
        which = "début de la mise à l'abri" if line.shelter_start else "évaluation"
        result.flags.append(
            f"Hors du trimestre choisi ({which} au {other}) : ligne à déclarer avec ce trimestre-là, "
            "non comptée ici."
        )
        return result
    result.counted = True
    result.shelter = shelter_funding(rule, line.shelter_days, line.attested)
    result.explanations += result.shelter.explanations
    result.flags += result.shelter.flags
    if line.evaluation_date:
        result.evaluation_amount, explanation = evaluation_funding(rule, line.conditions_met)
        result.explanations.append(explanation)
    else:
        result.explanations.append("Pas de date d'évaluation : pas de forfait évaluation.")
    return result


@dataclasses.dataclass
class Claim:
    """A quarter's calculation: the rule applied, each line's result, the totals and the deadline."""

    quarter: Quarter
    rule: object
    lines: list
    today: datetime.date

    @property
    def total(self):
        return sum((line.total for line in self.lines), ZERO)

    @property
    def evaluation_total(self):
        return sum((line.evaluation_amount for line in self.lines if line.counted), ZERO)

    @property
    def shelter_total(self):
        return sum((line.shelter.amount for line in self.lines if line.counted), ZERO)

    @property
    def counted(self):
        return [line for line in self.lines if line.counted]

    @property
    def with_errors(self):
        return [line for line in self.lines if line.line.errors]

    @property
    def flagged(self):
        return [line for line in self.lines if line.flags]

    @property
    def deadline(self):
        return self.quarter.claim_deadline(self.rule.claim_delay_months)

    @property
    def deadline_passed(self):
        return self.today > self.deadline


def claim_for_lines(rule, quarter, lines, today=None):
    today = today or datetime.date.today()
    return Claim(quarter, rule, [line_result(rule, quarter, line) for line in lines], today)


@dataclasses.dataclass
class TotalsClaim:
    """A quarter's calculation from totals: persons evaluated under each condition, each person's days."""

    quarter: Quarter
    rule: object
    evaluated: int
    evaluated_reduced: int
    shelters: list  # [(days, attested, Shelter)]
    today: datetime.date

    @property
    def evaluation(self):
        return evaluation_funding(self.rule, True)

    @property
    def evaluation_reduced(self):
        return evaluation_funding(self.rule, False)

    @property
    def evaluated_amount(self):
        return self.evaluated * self.evaluation[0]

    @property
    def evaluated_reduced_amount(self):
        return self.evaluated_reduced * self.evaluation_reduced[0]

    @property
    def evaluation_total(self):
        return self.evaluated_amount + self.evaluated_reduced_amount

    @property
    def shelter_total(self):
        return sum((shelter.amount for shelter in self.shelters), ZERO)

    @property
    def total(self):
        return self.evaluation_total + self.shelter_total

    @property
    def flagged(self):
        return [shelter for shelter in self.shelters if shelter.flags]

    @property
    def deadline(self):
        return self.quarter.claim_deadline(self.rule.claim_delay_months)

    @property
    def deadline_passed(self):
        return self.today > self.deadline


def claim_for_totals(
    rule, quarter, evaluated, evaluated_reduced, attested_days, other_days, today=None
):
    shelters = [shelter_funding(rule, days, True) for days in attested_days]
    shelters += [shelter_funding(rule, days, False) for days in other_days]
    return TotalsClaim(
        quarter, rule, evaluated, evaluated_reduced, shelters, today or datetime.date.today()
    )
