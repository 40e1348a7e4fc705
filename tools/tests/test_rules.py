"""The rules: each amount, limit and boundary, for quarters of 2023 and 2024, and the rules table itself."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from tools.funding import (
    DetailLine,
    claim_for_lines,
    claim_for_totals,
    evaluation_funding,
    line_result,
    shelter_funding,
)
from tools.models import FundingRule
from tools.quarters import Quarter

from .conftest import Q1_2024, Q4_2023, day

pytestmark = pytest.mark.django_db


def line(start=None, end=None, evaluated=None, conditions=True, attested=True, number=2):
    result = DetailLine(
        number=number,
        values=[],
        shelter_start=start and day(start),
        shelter_end=end and day(end),
        evaluation_date=evaluated and day(evaluated),
        conditions_met=conditions,
        attested=attested,
    )
    result.check()
    return result


def test_the_seeded_rules_cover_2023_and_2024_on(rule_2023, rule_2024):
    assert rule_2023.valid_from == datetime.date(2023, 1, 1)
    assert rule_2023.valid_until == datetime.date(2023, 12, 31)
    assert rule_2024.valid_from == datetime.date(2024, 1, 1) and rule_2024.valid_until is None
    assert "2023-1240" in rule_2024.legal_basis and "L. 221-2-4" in rule_2024.legal_basis
    assert FundingRule.objects.for_quarter(Quarter(2023, 1)) == rule_2023
    assert FundingRule.objects.for_quarter(Quarter(2030, 3)) == rule_2024
    assert FundingRule.objects.for_quarter(Quarter(2022, 4)) is None


@pytest.mark.parametrize(
    ("days", "first", "extended", "amount"),
    [
        (1, 1, 0, 90),
        (14, 14, 0, 1260),
        (15, 14, 1, 1280),  # day 15: the second phase begins, 20 € a day
        (23, 14, 9, 1440),
        (24, 14, 9, 1440),  # day 24: beyond both limits, nothing more
        (60, 14, 9, 1440),
    ],
)
def test_shelter_phases_and_their_limits(rule_2024, days, first, extended, amount):
    shelter = shelter_funding(rule_2024, days, attested=True)
    assert (shelter.first_days, shelter.extended_days) == (first, extended)
    assert shelter.amount == Decimal(amount)


def test_day_24_is_flagged_over_the_limit_and_day_23_is_not(rule_2024):
    assert shelter_funding(rule_2024, 23, True).flags == []
    flags = shelter_funding(rule_2024, 24, True).flags
    assert flags == ["Au-delà de 23 jours : 1 jour non financés (24 jours de mise à l'abri)."]


def test_the_second_phase_needs_the_attestation(rule_2024):
    assert (
        shelter_funding(rule_2024, 14, attested=False).flags == []
    )  # no second phase: nothing missing
    shelter = shelter_funding(rule_2024, 20, attested=False)
    assert shelter.amount == Decimal(1260) and shelter.extended_days == 0
    assert shelter.flags[0].startswith("Attestation manquante : 6 jours de 2e phase non financés")
    assert shelter_funding(rule_2024, 20, attested=True).amount == Decimal(1260 + 6 * 20)


def test_without_the_attestation_requirement_the_second_phase_is_paid(rule_2024):
    rule_2024.extended_needs_attestation = False
    shelter = shelter_funding(rule_2024, 20, attested=False)
    assert shelter.amount == Decimal(1380) and shelter.flags == []


def test_evaluation_from_2024_depends_on_the_conditions(rule_2024):
    assert evaluation_funding(rule_2024, True)[0] == Decimal(500)
    amount, explanation = evaluation_funding(rule_2024, False)
    assert amount == Decimal(100)
    assert (
        explanation
        == "Évaluation : 100,00\u00a0€ au lieu de 500,00\u00a0€ (conditions non remplies)."
    )


def test_evaluation_in_2023_is_flat(rule_2023):
    assert evaluation_funding(rule_2023, True)[0] == evaluation_funding(rule_2023, False)[0] == 500
    assert evaluation_funding(rule_2023, False)[1] == "Évaluation : forfait de 500,00\u00a0€."


def test_the_same_line_in_2023_and_2024(rule_2023, rule_2024):
    in_2023 = line("01/12/2023", "23/12/2023", "20/12/2023", conditions=False)
    in_2024 = line("01/01/2024", "23/01/2024", "20/01/2024", conditions=False)
    assert line_result(rule_2023, Q4_2023, in_2023).total == Decimal(1440 + 500)
    assert line_result(rule_2024, Q1_2024, in_2024).total == Decimal(1440 + 100)


def test_each_line_explains_its_amounts(rule_2024):
    result = line_result(rule_2024, Q1_2024, line("01/01/2024", "15/01/2024", "14/01/2024"))
    assert result.explanations == [
        "Mise à l'abri, 1re phase : 14 jours × 90,00\u00a0€ = 1\u202f260,00\u00a0€ (14 jours au plus).",
        "Mise à l'abri, 2e phase avec l'attestation : 1 jour × 20,00\u00a0€ = 20,00\u00a0€ "
        "(9 jours supplémentaires au plus).",
        "Évaluation : 500,00\u00a0€ (convention avec le préfet et transmission des décisions : "
        "conditions remplies).",
    ]


def test_days_count_the_first_and_the_last(rule_2024):
    assert line("01/01/2024", "01/01/2024").shelter_days == 1
    assert line("01/01/2024", "14/01/2024").shelter_days == 14
    assert line("28/02/2024", "01/03/2024").shelter_days == 3  # 2024 is a leap year


def test_a_line_outside_the_quarter_is_flagged_and_not_counted(rule_2024):
    result = line_result(rule_2024, Q1_2024, line("30/12/2023", "10/01/2024", "09/01/2024"))
    assert not result.counted and result.total == 0
    assert "4e trimestre 2023" in result.flags[0]


def test_a_line_without_shelter_is_attached_to_its_evaluation(rule_2024):
    result = line_result(rule_2024, Q1_2024, line(evaluated="15/03/2024"))
    assert result.counted and result.total == Decimal(500)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"start": "10/01/2024"}, "la date de fin de mise à l'abri manque."),
        ({"end": "10/01/2024"}, "la date de début de mise à l'abri manque."),
        (
            {"start": "10/01/2024", "end": "09/01/2024"},
            "la fin de la mise à l'abri précède son début.",
        ),
        (
            {"start": "10/01/2024", "end": "12/01/2024", "evaluated": "09/01/2024"},
            "la date d'évaluation précède le début de la mise à l'abri.",
        ),
        ({}, "ni mise à l'abri ni évaluation : indiquez au moins une date."),
    ],
)
def test_inconsistent_lines_are_errors_and_count_nothing(rule_2024, kwargs, error):
    bad = line(**kwargs)
    assert bad.errors == [error]
    assert line_result(rule_2024, Q1_2024, bad).total == 0


def test_claim_totals_and_deadline(rule_2024):
    lines = [
        line("01/01/2024", "30/01/2024", "29/01/2024"),
        line("01/02/2024", "05/02/2024", "05/02/2024", conditions=False),
        line("01/03/2024"),  # error: no end
    ]
    claim = claim_for_lines(rule_2024, Q1_2024, lines, today=datetime.date(2024, 4, 2))
    assert claim.shelter_total == Decimal(1440 + 450)
    assert claim.evaluation_total == Decimal(600)
    assert claim.total == Decimal(2490)
    assert len(claim.with_errors) == 1 and len(claim.flagged) == 1
    assert claim.deadline == datetime.date(2025, 3, 31) and not claim.deadline_passed
    assert claim_for_lines(rule_2024, Q1_2024, lines, datetime.date(2025, 4, 1)).deadline_passed


def test_totals_entry(rule_2024):
    claim = claim_for_totals(rule_2024, Q1_2024, 3, 2, [23, 30], [20], datetime.date(2024, 4, 1))
    assert claim.evaluation_total == Decimal(3 * 500 + 2 * 100)
    assert claim.shelter_total == Decimal(1440 + 1440 + 1260)
    assert claim.total == Decimal(1700 + 4140)
    assert len(claim.flagged) == 2  # 30 days, and 20 days without the attestation


@pytest.mark.parametrize(
    ("quarter", "deadline"),
    [
        (Quarter(2023, 4), datetime.date(2024, 12, 31)),
        (Quarter(2024, 1), datetime.date(2025, 3, 31)),
        (Quarter(2024, 2), datetime.date(2025, 6, 30)),
        (Quarter(2024, 3), datetime.date(2025, 9, 30)),
    ],
)
def test_claim_deadline_is_one_year_after_the_quarter(quarter, deadline):
    assert quarter.claim_deadline(12) == deadline


@given(days=st.integers(min_value=0, max_value=400), attested=st.booleans())
def test_shelter_amount_formula(rule_2024, days, attested):
    """Never more than the two capped phases; paid days never exceed the days sheltered; monotonic."""
    shelter = shelter_funding(rule_2024, days, attested)
    assert shelter.first_days + shelter.extended_days <= days
    assert shelter.first_days == min(days, 14)
    expected_extended = min(max(days - 14, 0), 9) if attested else 0
    assert shelter.extended_days == expected_extended
    assert shelter.amount == 90 * shelter.first_days + 20 * shelter.extended_days
    assert shelter.amount <= 14 * 90 + 9 * 20
    assert shelter_funding(rule_2024, days + 1, attested).amount >= shelter.amount
    assert bool(shelter.flags) == (days > 23 or (not attested and days > 14))


def rule(**overrides):
    values = {
        "title": "Nouvelles règles",
        "valid_from": datetime.date(2026, 1, 1),
        "evaluation_amount": 500,
        "evaluation_amount_reduced": 100,
        "shelter_daily_amount": 90,
        "shelter_max_days": 14,
        "extended_daily_amount": 20,
        "extended_max_days": 9,
        "legal_basis": "Arrêté à venir",
    }
    return FundingRule(**{**values, **overrides})


def test_a_new_period_may_not_overlap_the_current_one():
    with pytest.raises(ValidationError, match="chevauche"):
        rule().full_clean()
    FundingRule.objects.filter(valid_until__isnull=True).update(
        valid_until=datetime.date(2025, 12, 31)
    )
    rule().full_clean()


def test_periods_are_whole_quarters():
    with pytest.raises(ValidationError) as refused:
        rule(
            valid_from=datetime.date(2030, 2, 1), valid_until=datetime.date(2030, 5, 31)
        ).full_clean()
    assert set(refused.value.message_dict) == {"valid_from", "valid_until"}


def test_a_draft_rule_is_not_applied(rule_2024):
    FundingRule.objects.filter(pk=rule_2024.pk).update(live=False)
    assert FundingRule.objects.for_quarter(Q1_2024) is None
