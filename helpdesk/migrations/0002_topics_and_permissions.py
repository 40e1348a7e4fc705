"""Seeds the helpdesk topics (the recurring questions, then the portal's themes) and lets the Juristes
group manage topics and canned answers."""

from django.db import migrations

from core.roles import JURISTS, grant_model_permissions

# The recurring questions of the permanence, each attached to the theme it belongs to.
TOPICS = [
    ("regularisation-jeune-majeur", "Régularisation du séjour d'un jeune majeur", "sejour-majorite"),
    ("autorisation-provisoire-travail", "Autorisation provisoire de travail (APT)", "travail-formation"),
    ("consulats", "Démarches auprès des consulats", "etat-civil"),
    ("jugement-suppletif", "Jugement supplétif d'acte de naissance", "etat-civil"),
    ("recours-fin-prise-en-charge", "Recours contre une fin de prise en charge", "contentieux"),
    ("contrat-jeune-majeur", "Contrat jeune majeur (APJM)", "jeunes-majeurs"),
    ("declaration-nationalite", "Déclaration de nationalité française", "nationalite"),
    ("representation-legale", "Représentation légale", "representation-legale"),
]


def seed(apps, schema_editor):
    Topic = apps.get_model("helpdesk", "Topic")
    Theme = apps.get_model("content", "Theme")
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    position = 0
    for slug, name, theme_slug in TOPICS:
        Topic.objects.update_or_create(slug=slug, defaults={"name": name, "theme": themes.get(theme_slug), "position": position})
        position += 1
    for theme in sorted(themes.values(), key=lambda t: t.position):
        if Topic.objects.filter(slug=theme.slug).exists():
            continue
        Topic.objects.create(slug=theme.slug, name=theme.name, theme=theme, position=position)
        position += 1
    Topic.objects.get_or_create(slug="autre", defaults={"name": "Autre question", "position": 99})
    grant_model_permissions(apps, JURISTS, "helpdesk", ["cannedanswer", "topic"], ["add", "change", "delete", "view"])


class Migration(migrations.Migration):
    dependencies = [
        ("helpdesk", "0001_initial"),
        ("content", "0002_themes"),
        ("portal", "0002_roles_and_workflow"),
    ]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
