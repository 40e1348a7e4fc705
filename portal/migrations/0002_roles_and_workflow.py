"""Creates the three roles and the editorial workflow; replaces Wagtail's default groups and workflow."""

from django.db import migrations

from core.roles import CONTRIBUTORS, EDITORS, ROLES, ensure_permissions, grant_model_permissions

WORKFLOW_NAME = "Validation par le comité de rédaction"


def create_roles(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    # Wagtail's generic "Editors"/"Moderators" would sit beside the portal's roles and confuse them.
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()
    Workflow.objects.filter(name="Moderators approval").delete()
    GroupApprovalTask.objects.filter(name="Moderators approval").delete()

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    for group in groups.values():
        group.permissions.add(access_admin)

    root = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    page_actions = {
        EDITORS: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
        CONTRIBUTORS: ["add_page", "change_page"],
    }
    for name, codenames in page_actions.items():
        for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames):
            GroupPagePermission.objects.get_or_create(group=groups[name], page=root, permission=permission)

    collection_actions = {
        EDITORS: ["add_document", "change_document", "choose_document", "add_image", "change_image", "choose_image"],
        CONTRIBUTORS: ["add_document", "choose_document", "add_image", "choose_image"],
    }
    for name, codenames in collection_actions.items():
        permissions = Permission.objects.filter(
            content_type__app_label__in=["wagtaildocs", "wagtailimages"], codename__in=codenames
        )
        for permission in permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=groups[name], collection=root_collection, permission=permission
            )

    grant_model_permissions(apps, EDITORS, "content", ["theme", "glossaryentry"], ["add", "change", "delete", "view"])
    grant_model_permissions(apps, EDITORS, "portal", ["sitesettings"], ["change", "view"])
    grant_model_permissions(apps, CONTRIBUTORS, "content", ["theme", "glossaryentry"], ["view"])

    task_content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name="Relecture par le comité de rédaction", defaults={"content_type": task_content_type, "active": True}
    )
    task.groups.set([groups[EDITORS]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("content", "0003_glossary"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
    ]
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
