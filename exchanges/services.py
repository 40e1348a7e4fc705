"""The discussion list's rules: who reads and posts, moderation, and what happens once a message is approved
(archived, indexed for members' search, emailed to the list once). Views and the admin call these."""

import bleach
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from core.roles import EDITORS, is_member
from core.sanitize import clean_html
from helpdesk.services import ALLOWED_TYPES, safe_name
from helpdesk.services.attachments import files_removed_on_failure

from . import mail
from .models import Attachment, Message, Participant, Status, Thread


class ModerationError(ValueError):
    """A moderation step that no longer applies (already moderated) or lacks what it needs."""


# Who may do what


def can_moderate(user):
    """The Comité de rédaction and superusers moderate the list."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_exchanges_moderator", None)
    if cached is None:
        cached = user._exchanges_moderator = user.groups.filter(name=EDITORS).exists()
    return cached


def can_post(user):
    return is_member(user)


def can_read_archive(user):
    return settings.EXCHANGES_ARCHIVE_PUBLIC or is_member(user)


def is_trusted(user):
    return Participant.objects.filter(user=user, trusted=True).exists()


# Reading


def archive(theme=None):
    """Approved threads, liveliest first, with their number of approved replies."""
    threads = (
        Thread.objects.filter(approved=True)
        .annotate(
            replies=Count(
                "messages", filter=Q(messages__status=Status.APPROVED, messages__is_opening=False)
            )
        )
        .prefetch_related("themes")
        .order_by("-last_activity_at", "-pk")
    )
    if theme:
        threads = threads.filter(themes__slug=theme)
    return threads


def thread_with_messages(pk):
    """An approved thread and its approved messages (authors and attachments loaded), or None."""
    messages = Message.objects.filter(status=Status.APPROVED).select_related("author")
    thread = (
        Thread.objects.filter(pk=pk, approved=True)
        .prefetch_related(
            "themes",
            Prefetch(
                "messages",
                queryset=messages.prefetch_related("attachments"),
                to_attr="visible_messages",
            ),
        )
        .first()
    )
    return thread


def pending_for(user):
    """A member's own messages still waiting for the committee (shown to them only)."""
    return (
        Message.objects.filter(author=user, status=Status.PENDING)
        .select_related("thread")
        .order_by("-created_at")
    )


def attachment_for(user, pk):
    """An attachment the user may download: of an approved message for members; any for moderators
    (who read it before approving) and for its author."""
    attachment = Attachment.objects.select_related("message").filter(pk=pk).first()
    # is_member: a committee member's session counts once it passed the second factor.
    if attachment is None or not is_member(user):
        return None
    message = attachment.message
    if message.status == Status.APPROVED or message.author_id == user.pk or can_moderate(user):
        return attachment
    return None


# Writing


def body_from_text(raw):
    """A member's text as the list's HTML: paragraphs from blank lines, web addresses made links, the
    simple tags of core.sanitize kept and everything else (scripts, handlers, javascript: links) dropped."""
    raw = (raw or "").replace("\r\n", "\n").strip()
    paragraphs = [p.strip() for p in raw.split("\n\n") if p.strip()]
    html = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs)
    html = clean_html(html)
    return clean_html(bleach.linkify(html, callbacks=[_nofollow], parse_email=False))


def _nofollow(attrs, new=False):
    attrs[(None, "rel")] = "nofollow noopener"
    return attrs


def store_attachments(message, uploads):
    """Store [(upload, content_type)] already checked by the form (the helpdesk's rules)."""
    with files_removed_on_failure() as stored:  # no private file outlives a post that failed
        for upload, content_type in uploads:
            upload.seek(0)
            data = upload.read()
            attachment = Attachment(
                message=message,
                original_name=safe_name(upload.name, content_type),
                content_type=content_type,
                size=len(data),
            )
            attachment.file.save("x" + ALLOWED_TYPES[content_type], ContentFile(data), save=False)
            stored.append(attachment)
            attachment.save()
    return stored


def start_thread(author, subject, body, themes=(), uploads=()):
    """A member opens a thread: stored pending, the committee approves it before anyone else sees it."""
    if not can_post(author):
        raise PermissionDenied("Seuls les membres du réseau peuvent écrire à la liste.")
    with transaction.atomic():
        thread = Thread.objects.create(subject=" ".join(subject.split()))
        thread.themes.set(themes)
        message = Message.objects.create(
            thread=thread, is_opening=True, author=author, body=body_from_text(body)
        )
        store_attachments(message, uploads)
    return message


def reply(thread, author, body, uploads=()):
    """A member replies to an approved thread: moderated like a new message, unless the committee trusts
    the member, in which case it is archived and sent at once."""
    if not can_post(author):
        raise PermissionDenied("Seuls les membres du réseau peuvent écrire à la liste.")
    if not Thread.objects.filter(pk=thread.pk, approved=True).exists():
        raise PermissionDenied("Ce fil n'est pas encore publié.")
    with transaction.atomic():
        message = Message.objects.create(thread=thread, author=author, body=body_from_text(body))
        store_attachments(message, uploads)
        if is_trusted(author):
            _approve(message, moderator=None)
    return message


def approve(message, moderator, subject=None, body=None):
    """The committee approves a pending message, after editing its subject (an opening) or its text if
    it wishes; it is then archived, indexed and sent to the list, once."""
    if not can_moderate(moderator):
        raise PermissionDenied
    with transaction.atomic():
        message = _locked_pending(message)
        edited = False
        if body is not None and clean_html(body) != message.body:
            message.body = body
            edited = True
        if subject is not None and message.is_opening and subject.strip() != message.thread.subject:
            message.thread.subject = " ".join(subject.split())
            message.thread.save(update_fields=["subject"])
            edited = True
        message.edited_by_moderator = edited
        _approve(message, moderator)
    return message


def _approve(message, moderator):
    now = timezone.now()
    message.status = Status.APPROVED
    message.moderated_by = moderator
    message.moderated_at = now
    message.save()
    thread = message.thread
    thread.last_activity_at = now
    if message.is_opening:
        thread.approved = True
    thread.save(update_fields=["last_activity_at", "approved"])
    _reindex(thread)
    transaction.on_commit(lambda: mail.send_to_list(message.pk), robust=True)


def reject(message, moderator, reason):
    """The committee refuses a pending message with a reason, which the author receives by email. A
    refused message is never sent to the list nor shown in the archive."""
    if not can_moderate(moderator):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ModerationError("Indiquez le motif du refus : il est envoyé à l'auteur.")
    with transaction.atomic():
        message = _locked_pending(message)
        message.status = Status.REJECTED
        message.rejection_reason = reason
        message.moderated_by = moderator
        message.moderated_at = timezone.now()
        message.save()
        if message.author is not None and message.author.email:
            mail.notify_rejection(message)
    return message


def _locked_pending(message):
    locked = (
        Message.objects.select_for_update(of=("self",))
        .select_related("thread", "author")
        .filter(pk=message.pk)
        .first()
    )
    if locked is None or locked.status != Status.PENDING:
        raise ModerationError("Ce message a déjà été modéré.")
    return locked


def set_trusted(user, trusted):
    participant, _ = Participant.objects.get_or_create(user=user)
    participant.trusted = trusted
    participant.save(update_fields=["trusted", "updated_at"])
    return participant


def moderation_queue():
    return (
        Message.objects.filter(status=Status.PENDING)
        .select_related("thread", "author")
        .prefetch_related("attachments")
        .order_by("created_at", "pk")
    )


def recently_moderated(limit=20):
    return (
        Message.objects.exclude(status=Status.PENDING)
        .select_related("thread", "author", "moderated_by")
        .order_by("-moderated_at", "-pk")[:limit]
    )


def _reindex(thread):
    from search.services import sync_on_commit

    sync_on_commit([thread])
