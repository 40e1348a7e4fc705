"""The members' discussion list: three member accounts (one of them, « membre », to sign in with), threads
with replies already moderated and sent, and one message waiting in the committee's queue. Idempotent: the
threads are created once (by subject). Nothing is emailed: the demo's messages count as already sent."""

import datetime
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from core.roles import MEMBERS
from exchanges import services
from exchanges.models import Message, Status, Thread
from taxonomy.models import Theme

from . import read_yaml

MEMBER_USERNAME = "membre"
DEMO_DOMAIN = "demo.portail-mna.test"


def load(home, stdout):
    data = read_yaml("exchanges.yaml")
    members = {spec["username"]: _member(spec, stdout) for spec in data["members"]}
    for username in data.get("trusted", []):
        services.set_trusted(members[username], True)
    threads = data["threads"]
    if Thread.objects.filter(subject__in=[t["subject"] for t in threads]).exists():
        return f"{len(threads)} demo threads already there; member account « {MEMBER_USERNAME} »"
    now = timezone.now()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for spec in threads:
        thread = Thread.objects.create(subject=spec["subject"])
        thread.themes.set([themes[slug] for slug in spec["themes"]])
        for n, item in enumerate(spec["messages"]):
            at = now - datetime.timedelta(days=item["days_ago"], hours=n)
            approved = item.get("status") != "en attente"
            Message.objects.create(
                thread=thread,
                is_opening=n == 0,
                author=members[item["author"]],
                body=services.body_from_text(item["body"]),
                status=Status.APPROVED if approved else Status.PENDING,
                created_at=at,
                moderated_at=at if approved else None,
                dispatched_at=at if approved else None,
            )
            if approved:
                thread.approved = True
                thread.created_at = min(thread.created_at, at)
                thread.last_activity_at = at
        thread.save()
    return f"{len(threads)} threads with replies, one message to moderate; member account « {MEMBER_USERNAME} »"


def _member(spec, stdout):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=spec["username"],
        defaults={
            "email": f"{spec['username']}@{DEMO_DOMAIN}",
            "first_name": spec["first_name"],
            "last_name": spec["last_name"],
        },
    )
    if created:
        if spec["username"] == MEMBER_USERNAME:
            password = os.environ.get("PORTAL_MEMBER_PASSWORD", "portail-mna-membre")
            user.set_password(password)
            stdout.write(f"  Member account created: {MEMBER_USERNAME} / {password}")
        else:
            user.set_unusable_password()
        user.save()
    user.groups.add(Group.objects.get(name=MEMBERS))
    return user
