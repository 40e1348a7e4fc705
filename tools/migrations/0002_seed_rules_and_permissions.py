"""The rules of 2023 and of 2024 on, and the committee's right to change them.

2023 quarters: flat 500 € per person evaluated; shelter 90 € a day for 14 days, then 20 € a day for 9 more
days on the département president's attestation (arrêté du 28 juin 2019). From the first quarter of 2024:
500 € per person evaluated when the département has signed the convention with the préfet (or proves it
took its measures) and sent the dates and outcomes of its decisions, 100 € otherwise (décret n° 2023-1240
du 22 décembre 2023 and the arrêtés of January 2024). A claim reaches the ASP within a year of the
quarter's end.
"""

import datetime
from decimal import Decimal

from django.db import migrations

from core.roles import EDITORS, ensure_permissions, grant_model_permissions

RULES = [
    {
        "title": "Règles de 2023",
        "valid_from": datetime.date(2023, 1, 1),
        "valid_until": datetime.date(2023, 12, 31),
        "evaluation_amount": Decimal("500"),
        "evaluation_amount_reduced": Decimal("500"),
        "legal_basis": "CASF, art. L. 221-2-4 et R. 221-12 ; arrêté du 28 juin 2019 relatif à la "
        "participation forfaitaire de l'État à la phase de mise à l'abri et d'évaluation",
        "legal_url": "",
    },
    {
        "title": "Règles applicables à partir de 2024",
        "valid_from": datetime.date(2024, 1, 1),
        "valid_until": None,
        "evaluation_amount": Decimal("500"),
        "evaluation_amount_reduced": Decimal("100"),
        "legal_basis": "CASF, art. L. 221-2-4 et R. 221-12 ; décret n° 2023-1240 du 22 décembre 2023 ; "
        "arrêtés de janvier 2024 modifiant l'arrêté du 28 juin 2019",
        "legal_url": "",
    },
]
SHELTER = {
    "shelter_daily_amount": Decimal("90"),
    "shelter_max_days": 14,
    "extended_daily_amount": Decimal("20"),
    "extended_max_days": 9,
    "extended_needs_attestation": True,
    "claim_delay_months": 12,
}


def seed(apps, schema_editor):
    FundingRule = apps.get_model("tools", "FundingRule")
    for rule in RULES:
        if not FundingRule.objects.filter(valid_from=rule["valid_from"]).exists():
            FundingRule.objects.create(**rule, **SHELTER, live=True)

    ensure_permissions(apps)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # Wagtail adds the publish permission of snippets after migrate; the grant below needs it now (same
    # codename and name as wagtail.snippets.models.create_extra_permissions, which then skips it).
    content_type, _ = ContentType.objects.get_or_create(app_label="tools", model="fundingrule")
    Permission.objects.get_or_create(
        content_type=content_type,
        codename="publish_fundingrule",
        defaults={"name": "Can publish règle de financement de l'État"},
    )
    grant_model_permissions(
        apps, EDITORS, "tools", ["fundingrule"], ["add", "change", "delete", "view", "publish"]
    )


def unseed(apps, schema_editor):
    FundingRule = apps.get_model("tools", "FundingRule")
    FundingRule.objects.filter(valid_from__in=[rule["valid_from"] for rule in RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("tools", "0001_funding_rules"),
        ("portal", "0002_roles_and_workflow"),
    ]
    operations = [migrations.RunPython(seed, unseed)]
