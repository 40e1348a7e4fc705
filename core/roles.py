"""The portal's three roles, and the helpers their data migrations use to grant permissions.

Each app's migration grants its own models' permissions through `grant_model_permissions`, so the roles
stay defined in one place while every app owns its part.
"""

EDITORS = "Comité de rédaction"
CONTRIBUTORS = "Contributeurs"
JURISTS = "Juristes"
ROLES = (EDITORS, CONTRIBUTORS, JURISTS)


def ensure_permissions(apps):
    """Permissions are normally created after all migrations; data migrations need them now."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant_model_permissions(apps, group_name, app_label, model_names, actions):
    """Give `group_name` the `actions` (add, change, delete, view, publish…) on the named models."""
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    codenames = [f"{action}_{model}" for model in model_names for action in actions]
    permissions = Permission.objects.filter(
        content_type__app_label=app_label, codename__in=codenames
    )
    group.permissions.add(*permissions)
    return group
