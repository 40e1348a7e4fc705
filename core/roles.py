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
    """A member of the network: in the Membres group, or a committee member or superuser (who moderate).

    An account that must pass a second factor (superuser, committee, jurist: portal/two_factor.py) counts
    only once its session has: signing in with the password alone on the public site opens no members'
    content."""
    if not user.is_authenticated or not user.is_active:
        return False
    groups = set(user.groups.values_list("name", flat=True))
    member = user.is_superuser or bool(groups & {MEMBERS, EDITORS})
    privileged = user.is_superuser or bool(groups & {EDITORS, JURISTS})
    if member and privileged and hasattr(user, "is_verified"):  # set by django-otp's middleware
        return user.is_verified()
    return member


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
