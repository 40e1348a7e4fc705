"""The portal's roles, and the helpers their data migrations use to grant permissions.

Each app's migration grants its own models' permissions through `grant_model_permissions`, so the roles
stay defined in one place while every app owns its part.
"""

EDITORS = "Comité de rédaction"
CONTRIBUTORS = "Contributeurs"
JURISTS = "Juristes"
# Members of the network: professionals with a public-site account (no admin access) who post to the
# discussion list and submit practice sheets. The committee grants the group.
MEMBERS = "Membres"
ROLES = (EDITORS, CONTRIBUTORS, JURISTS)


def is_member(user):
    """A member of the network: in the Membres group, or a committee member or superuser (who moderate)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=(MEMBERS, EDITORS)).exists()


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
