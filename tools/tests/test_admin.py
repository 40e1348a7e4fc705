"""The committee keeps the rules in the admin; a new rule applies once published, and contributors
cannot touch the table."""

import datetime

import pytest

from tools.models import FundingRule
from tools.quarters import Quarter

pytestmark = pytest.mark.django_db
LIST = "/admin/snippets/tools/fundingrule/"


def form_data(rule, **changes):
    data = {
        "title": rule.title,
        "valid_from": rule.valid_from.isoformat(),
        "valid_until": rule.valid_until.isoformat() if rule.valid_until else "",
        "evaluation_amount": "500",
        "evaluation_amount_reduced": "100",
        "shelter_daily_amount": "90",
        "shelter_max_days": "14",
        "extended_daily_amount": "20",
        "extended_max_days": "9",
        "extended_needs_attestation": "on",
        "claim_delay_months": "12",
        "legal_basis": rule.legal_basis,
        "legal_url": "",
    }
    return {**data, **changes}


def test_the_committee_lists_and_publishes_rules(client, editor):
    client.force_login(editor)
    response = client.get(LIST)
    assert response.status_code == 200
    assert "Règles applicables à partir de 2024" in response.content.decode()

    current = FundingRule.objects.get(valid_until__isnull=True)
    response = client.post(
        f"{LIST}edit/{current.pk}/",
        form_data(current, valid_until="2026-12-31", **{"action-publish": "publish"}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    new = FundingRule(
        title="Règles de 2027", valid_from=datetime.date(2027, 1, 1), legal_basis="Arrêté de 2027"
    )
    response = client.post(
        f"{LIST}add/",
        form_data(new, shelter_daily_amount="95", **{"action-publish": "publish"}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert FundingRule.objects.for_quarter(Quarter(2027, 1)).shelter_daily_amount == 95
    assert FundingRule.objects.for_quarter(Quarter(2026, 4)) == current


def test_an_overlapping_rule_is_refused_in_the_admin(client, editor):
    client.force_login(editor)
    new = FundingRule(title="Doublon", valid_from=datetime.date(2026, 1, 1), legal_basis="—")
    response = client.post(f"{LIST}add/", form_data(new, **{"action-publish": "publish"}))
    assert response.status_code == 200
    assert "chevauche" in response.content.decode()
    assert not FundingRule.objects.filter(title="Doublon").exists()


def test_contributors_cannot_change_the_rules(client, contributor):
    client.force_login(contributor)
    assert client.get(LIST).status_code in (302, 403)
