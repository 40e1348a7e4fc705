"""The members' discussion list: threads of messages, moderated by the Comité de rédaction before they are
archived at /echanges/ and emailed to the list's subscribers."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.sanitize import clean_html
from core.storage import PrivateAttachment, PrivateStorage, random_name


def private_storage():
    return PrivateStorage("EXCHANGES_PRIVATE_ROOT")


def attachment_path(instance, filename):
    """A random name: neither the original file name nor the thread appears on disk."""
    return random_name(filename)


class Status(models.TextChoices):
    PENDING = "pending", "En attente de modération"
    APPROVED = "approved", "Approuvé"
    REJECTED = "rejected", "Refusé"


class Participant(models.Model):
    """What the list knows of a member beyond their account: whether the committee trusts their replies
    enough to publish them without moderation (a new thread is always moderated)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="exchanges_participant",
        verbose_name="membre",
    )
    trusted = models.BooleanField(
        "réponses sans modération",
        default=False,
        help_text="Les réponses de ce membre sont publiées et diffusées sans attendre le comité. "
        "Un nouveau sujet reste toujours modéré.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "participant à la liste"
        verbose_name_plural = "participants à la liste"

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()


class Thread(models.Model):
    """A discussion: its subject and themes, and its messages in order. It appears in the archive once
    its opening message is approved."""

    subject = models.CharField("sujet", max_length=200)
    themes = models.ManyToManyField(
        "taxonomy.Theme", blank=True, related_name="+", verbose_name="thèmes"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Time of the last approved message: the archive lists the liveliest threads first.
    last_activity_at = models.DateTimeField(default=timezone.now, db_index=True)
    approved = models.BooleanField(default=False, db_index=True)

    class Meta:
        ordering = ["-last_activity_at", "-pk"]
        verbose_name = "fil de discussion"
        verbose_name_plural = "fils de discussion"

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("exchanges:thread", args=[self.pk])

    def approved_messages(self):
        return self.messages.filter(status=Status.APPROVED)


class Message(models.Model):
    """A message to the list: the opening of a thread or a reply. Nothing leaves the portal, nor shows in
    the archive, before it is approved; `dispatched_at` makes its sending to the list happen once."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    is_opening = models.BooleanField(default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="exchanges_messages",
        verbose_name="auteur",
    )
    # Sanitised HTML (core.sanitize): cleaned again on every save, whoever wrote it.
    body = models.TextField("message")
    status = models.CharField(
        "statut", max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    rejection_reason = models.TextField("motif du refus", blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="modéré par",
    )
    moderated_at = models.DateTimeField("modéré le", null=True, blank=True)
    edited_by_moderator = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    dispatched_at = models.DateTimeField("diffusé le", null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "message de la liste"
        verbose_name_plural = "messages de la liste"

    def __str__(self):
        return self.subject

    def save(self, *args, **kwargs):
        self.body = clean_html(self.body)
        super().save(*args, **kwargs)

    @property
    def subject(self):
        return self.thread.subject if self.is_opening else f"Re : {self.thread.subject}"

    @property
    def author_name(self):
        if self.author is None:
            return "Ancien membre"
        return self.author.get_full_name() or self.author.get_username()

    def get_absolute_url(self):
        return f"{self.thread.get_absolute_url()}#message-{self.pk}"


class Attachment(PrivateAttachment):
    """A document joined to a message: type checked by content as the helpdesk's, stored under a random
    name in the private root, downloaded by members only."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=private_storage, upload_to=attachment_path, max_length=200)

    def get_absolute_url(self):
        return reverse("exchanges:attachment", args=[self.pk])
