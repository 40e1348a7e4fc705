"""Seeds the services list, grants the roles their directory permissions, and puts actors under the
committee's moderation workflow (Wagtail links snippet workflows to content types)."""

from django.db import migrations

from core.roles import CONTRIBUTORS, EDITORS, ensure_permissions, grant_model_permissions

WORKFLOW_NAME = "Validation par le comité de rédaction"

SERVICES = [
    ("mise-a-l-abri", "Mise à l'abri"),
    ("evaluation", "Évaluation de la minorité et de l'isolement"),
    ("hebergement", "Hébergement"),
    ("accompagnement-educatif", "Accompagnement éducatif"),
    ("acces-aux-droits", "Accès aux droits"),
    ("sante", "Santé"),
    ("scolarisation-formation", "Scolarisation et formation"),
    ("insertion-professionnelle", "Insertion professionnelle"),
    ("interpretariat", "Interprétariat"),
    ("soutien-psychologique", "Soutien psychologique"),
]


def seed_services(apps, schema_editor):
    Service = apps.get_model("directory", "Service")
    for position, (slug, name) in enumerate(SERVICES):
        Service.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})


def grant_permissions(apps, schema_editor):
    ensure_permissions(apps)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # Wagtail adds publish/lock/unlock for snippets after migrations; the roles need them now.
    actor_type, _ = ContentType.objects.get_or_create(app_label="directory", model="actor")
    for action in ("publish", "lock", "unlock"):
        Permission.objects.get_or_create(
            content_type=actor_type, codename=f"{action}_actor", defaults={"name": f"Can {action} acteur"}
        )
    grant_model_permissions(
        apps, EDITORS, "directory", ["actor"], ["add", "change", "delete", "view", "publish", "lock", "unlock"]
    )
    grant_model_permissions(apps, EDITORS, "directory", ["service"], ["add", "change", "delete", "view"])
    grant_model_permissions(apps, EDITORS, "directory", ["actorreport"], ["change", "delete", "view"])
    grant_model_permissions(apps, CONTRIBUTORS, "directory", ["actor"], ["add", "change", "view"])


def assign_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        return
    actor_type, _ = ContentType.objects.get_or_create(app_label="directory", model="actor")
    WorkflowContentType.objects.update_or_create(content_type=actor_type, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0004_actor_reports"),
        ("portal", "0002_roles_and_workflow"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [
        migrations.RunPython(seed_services, migrations.RunPython.noop),
        migrations.RunPython(grant_permissions, migrations.RunPython.noop),
        migrations.RunPython(assign_workflow, migrations.RunPython.noop),
    ]
