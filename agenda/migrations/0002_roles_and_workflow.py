"""Events go through the committee's workflow; contributors draft and submit, the committee publishes."""

from django.db import migrations

from core.roles import CONTRIBUTORS, EDITORS, ensure_permissions, grant_model_permissions

WORKFLOW_NAME = "Validation par le comité de rédaction"


def grant(apps, schema_editor):
    ensure_permissions(apps)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    # Wagtail adds the publish/lock permissions of snippets after migrate; the grants below need them now
    # (same codenames and names as wagtail.snippets.models.create_extra_permissions, which then skips them).
    content_type, _ = ContentType.objects.get_or_create(app_label="agenda", model="event")
    for action in ("publish", "lock", "unlock"):
        Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_event", defaults={"name": f"Can {action} événement"}
        )

    grant_model_permissions(
        apps, EDITORS, "agenda", ["event"], ["add", "change", "delete", "view", "publish", "lock", "unlock"]
    )
    grant_model_permissions(apps, CONTRIBUTORS, "agenda", ["event"], ["add", "change", "view"])

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})


def revoke(apps, schema_editor):
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(content_type__app_label="agenda", content_type__model="event").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0001_events"),
        ("portal", "0002_roles_and_workflow"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
