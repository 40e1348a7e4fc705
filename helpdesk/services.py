"""The helpdesk's behaviour: submitting, following up, answering, emailing, figures and data protection.

Views call these functions; they hold the rules (what is logged, what the requester may see, what an
email may contain, what anonymisation keeps).
"""

import datetime
import hashlib
import hmac
import json
import logging
import secrets
import statistics
from collections import Counter
from pathlib import Path

import holidays
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from portal.roles import JURISTS
from portal.uploads import detect_type, read_head

from .logging import EMAIL, PHONE
from .models import (
    AccessToken,
    Attachment,
    AuditEntry,
    EmailStatus,
    Message,
    MessageKind,
    OutboundEmail,
    Status,
    Ticket,
)

logger = logging.getLogger(__name__)

# Types accepted for attachments, detected from the file's first bytes (never from its name):
# PDF, common images and office documents. HTML, SVG, scripts and executables are never detected as these.
ALLOWED_TYPES = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/heic": ".heic",
    "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.ms-excel": ".xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
    "application/vnd.ms-powerpoint": ".ppt",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
    "application/vnd.oasis.opendocument.presentation": ".odp",
    "application/rtf": ".rtf",
}
ATTACHMENT_EXTENSIONS = {extension.lstrip(".") for extension in ALLOWED_TYPES.values()}


# --- Roles --------------------------------------------------------------------------------------------


def is_jurist(user):
    """Jurists and superusers work the queue; nobody else sees a ticket."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_helpdesk_is_jurist", None)
    if cached is None:
        cached = user._helpdesk_is_jurist = user.groups.filter(name=JURISTS).exists()
    return cached


def jurists():
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name=JURISTS))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


# --- Due dates ----------------------------------------------------------------------------------------


def add_working_days(start, days):
    """The date `days` working days after `start`: weekends and French public holidays do not count."""
    french_holidays = holidays.country_holidays("FR", years=range(start.year, start.year + 2))
    current = start
    remaining = days
    while remaining > 0:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5 and current not in french_holidays:
            remaining -= 1
    return current


def due_date_for(created_at):
    return add_working_days(timezone.localdate(created_at), settings.HELPDESK_TARGET_WORKING_DAYS)


# --- Tokens -------------------------------------------------------------------------------------------


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(ticket):
    """A new follow-up token for `ticket`; only its hash is kept, the token itself goes in one email."""
    token = secrets.token_urlsafe(32)
    AccessToken.objects.create(ticket=ticket, token_hash=hash_token(token))
    return token


def ticket_for_token(token):
    """The ticket a follow-up token opens, or None. The lookup is by hash (the stored value is never the
    token), and the hashes are compared again in constant time."""
    if not token or len(token) > 100:
        return None
    digest = hash_token(token)
    access = AccessToken.objects.select_related("ticket").filter(token_hash=digest).first()
    if access is None or not hmac.compare_digest(access.token_hash, digest):
        return None
    ticket = access.ticket
    # A duplicate merged into another ticket: its links open the ticket that now holds the thread.
    seen = set()
    while ticket.merged_into_id and ticket.pk not in seen:
        seen.add(ticket.pk)
        ticket = ticket.merged_into
    return ticket


def follow_up_url(token):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "helpdesk:follow_up", kwargs={"token": token}
    )


# --- Attachments --------------------------------------------------------------------------------------


class AttachmentRefused(ValueError):
    pass


def check_upload(upload):
    """Return the content type detected from `upload`'s bytes, or raise AttachmentRefused (French message)."""
    limit = settings.HELPDESK_MAX_ATTACHMENT_BYTES
    if upload.size > limit:
        raise AttachmentRefused(
            f"Le fichier « {_safe_name(upload.name)} » dépasse la taille maximale de {limit // (1024 * 1024)} Mo."
        )
    mime = detect_type(read_head(upload), ATTACHMENT_EXTENSIONS)
    if mime not in ALLOWED_TYPES:
        raise AttachmentRefused(
            f"Le fichier « {_safe_name(upload.name)} » n'est pas accepté : seuls les PDF, images (JPEG, PNG) et "
            "documents bureautiques (Word, Excel, LibreOffice) le sont."
        )
    return mime


def _safe_name(name):
    name = Path(name or "document").name
    cleaned = "".join(ch for ch in name if ch.isprintable() and ch not in '"\\/<>:;|*?')
    return cleaned[:120] or "document"


def store_attachment(ticket, upload, message=None, content_type=None):
    content_type = content_type or check_upload(upload)
    upload.seek(0)
    data = upload.read()
    attachment = Attachment(
        ticket=ticket,
        message=message,
        original_name=_safe_name(upload.name),
        content_type=content_type,
        size=len(data),
    )
    attachment.file.save("x" + ALLOWED_TYPES[content_type], ContentFile(data), save=False)
    attachment.save()
    return attachment


# --- Audit --------------------------------------------------------------------------------------------


def audit(ticket, action, user=None, detail="", actor=None):
    """Log who did what on a ticket. Without a user, the actor is the requester (or `actor`, e.g. "système")."""
    if actor is None:
        actor = "demandeur" if user is None else ("juriste" if is_jurist(user) else "utilisateur")
    return AuditEntry.objects.create(
        ticket=ticket,
        user=user if user and user.is_authenticated else None,
        actor=actor,
        action=action,
        detail=detail,
    )


# --- Emails -------------------------------------------------------------------------------------------


def queue_email(ticket, template, to=None, **context):
    """Store an email in the outbox. Templates carry no question or answer text: only a link."""
    context.update({"ticket": ticket, "site_name": settings.WAGTAIL_SITE_NAME})
    subject = render_to_string(f"helpdesk/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"helpdesk/email/{template}.txt", context)
    return OutboundEmail.objects.create(
        ticket=ticket, to=to or ticket.requester_email, subject=subject, body=body
    )


def deliver(email):
    """Try to send one outbox email; on failure keep it pending with a growing delay, then give up."""
    email.attempts += 1
    try:
        EmailMessage(email.subject, email.body, settings.DEFAULT_FROM_EMAIL, [email.to]).send(
            fail_silently=False
        )
    except Exception as error:  # any transport error: the request is kept, the email retried later
        email.last_error = type(error).__name__[:120]
        if email.attempts >= settings.HELPDESK_EMAIL_MAX_ATTEMPTS:
            email.status = EmailStatus.FAILED
        email.next_attempt_at = timezone.now() + datetime.timedelta(
            minutes=5 * 2 ** min(email.attempts, 8)
        )
        email.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
        logger.warning(
            "Helpdesk email %s not sent (attempt %s): %s",
            email.pk,
            email.attempts,
            email.last_error,
        )
        return False
    email.status = EmailStatus.SENT
    email.sent_at = timezone.now()
    email.body = ""  # the follow-up link must not stay in the database once delivered
    email.last_error = ""
    email.save(update_fields=["attempts", "status", "sent_at", "body", "last_error"])
    return True


def send_pending(now=None, force=False):
    """Send the outbox emails that are due. Returns (sent, failed)."""
    now = now or timezone.now()
    pending = OutboundEmail.objects.filter(status=EmailStatus.PENDING)
    if not force:
        pending = pending.filter(next_attempt_at__lte=now)
    sent = failed = 0
    for email in pending.order_by("created_at", "pk"):
        if deliver(email):
            sent += 1
        else:
            failed += 1
    return sent, failed


def deliver_now(emails):
    for email in emails:
        deliver(email)


# --- Requester side -----------------------------------------------------------------------------------


def submit_request(data, uploads=()):
    """Store a new request with its attachments, then queue the acknowledgement (holding only the link).

    Returns (ticket, emails): the caller delivers the emails after the transaction; if that fails the
    outbox keeps them for `helpdesk_send_pending`.
    """
    now = timezone.now()
    with transaction.atomic():
        ticket = Ticket.objects.create(
            requester_name=data["requester_name"],
            requester_email=data["requester_email"],
            requester_phone=data.get("requester_phone", ""),
            structure=data.get("structure", ""),
            profession=data["profession"],
            departement=data["departement"],
            topic=data["topic"],
            age_band=data["age_band"],
            care_status=data["care_status"],
            question=data["question"],
            consent_at=now,
            created_at=now,
            last_activity_at=now,
            due_date=due_date_for(now),
        )
        for upload, content_type in uploads:
            store_attachment(ticket, upload, content_type=content_type)
        audit(ticket, "created", detail=f"{len(uploads)} pièce(s) jointe(s)")
        token = issue_token(ticket)
        emails = [queue_email(ticket, "acknowledgement", link=follow_up_url(token))]
        if settings.HELPDESK_NOTIFY_EMAIL:
            emails.append(
                queue_email(
                    ticket,
                    "new_request",
                    to=settings.HELPDESK_NOTIFY_EMAIL,
                    admin_url=admin_url(ticket),
                )
            )
    return ticket, emails


def requester_reply(ticket, body, uploads=()):
    now = timezone.now()
    with transaction.atomic():
        message = Message.objects.create(
            ticket=ticket, kind=MessageKind.REQUESTER, body=body, created_at=now
        )
        for upload, content_type in uploads:
            store_attachment(ticket, upload, message=message, content_type=content_type)
        ticket.last_activity_at = now
        if ticket.status in (Status.WAITING, Status.ANSWERED, Status.CLOSED):
            ticket.status = Status.IN_PROGRESS
            ticket.closed_at = None
        ticket.save(update_fields=["last_activity_at", "status", "closed_at"])
        audit(ticket, "requester_reply", detail=f"{len(uploads)} pièce(s) jointe(s)")
    return message


def thread_for_requester(ticket):
    return ticket.messages.visible_to_requester().prefetch_related("attachments")


def admin_url(ticket):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "helpdesk_admin:ticket", args=[ticket.pk]
    )


# --- Jurist side --------------------------------------------------------------------------------------


def assign(ticket, assignee, by):
    previous = ticket.assignee
    ticket.assignee = assignee
    if assignee and ticket.status == Status.NEW:
        ticket.status = Status.IN_PROGRESS
    ticket.last_activity_at = timezone.now()
    ticket.save(update_fields=["assignee", "status", "last_activity_at"])
    name = assignee.get_username() if assignee else "personne"
    action = "claimed" if assignee == by else ("reassigned" if previous else "assigned")
    audit(ticket, action, by, detail=f"attribué à {name}")


def change_status(ticket, status, by):
    previous = ticket.get_status_display()
    ticket.status = status
    ticket.closed_at = timezone.now() if status == Status.CLOSED else None
    ticket.last_activity_at = timezone.now()
    ticket.save(update_fields=["status", "closed_at", "last_activity_at"])
    audit(ticket, "status", by, detail=f"{previous} → {ticket.get_status_display()}")


def answer(ticket, body, by, canned=None):
    """A public answer: stored, shown on the follow-up page, the requester told by email (link only)."""
    if canned is not None:
        body = "\n\n".join(part for part in (body.strip(), canned_text(canned)) if part)
    now = timezone.now()
    with transaction.atomic():
        message = Message.objects.create(
            ticket=ticket, kind=MessageKind.ANSWER, body=body, author=by, created_at=now
        )
        ticket.status = Status.ANSWERED
        ticket.first_answer_at = ticket.first_answer_at or now
        ticket.last_activity_at = now
        if ticket.assignee_id is None:
            ticket.assignee = by
        ticket.save(update_fields=["status", "first_answer_at", "last_activity_at", "assignee"])
        audit(ticket, "answered", by, detail=f"réponse type : {canned}" if canned else "")
        email = queue_email(ticket, "answered", link=follow_up_url(issue_token(ticket)))
    return message, email


def canned_text(canned):
    links = [f"- {page.title} : {page.full_url}" for page in canned.pages.all() if page.live]
    return canned.body.strip() + (
        "\n\nÀ lire sur le portail :\n" + "\n".join(links) if links else ""
    )


def add_note(ticket, body, by):
    message = Message.objects.create(ticket=ticket, kind=MessageKind.NOTE, body=body, author=by)
    audit(ticket, "note", by)
    return message


def set_dossiers(ticket, dossiers, by):
    ticket.dossiers.set(dossiers)
    audit(ticket, "dossiers", by, detail=", ".join(str(d.pk) for d in dossiers)[:255])


def merge(duplicate, target, by):
    """Merge `duplicate` into `target`: its messages, attachments and follow-up links move over, it is closed.

    The duplicate's follow-up links then open the target, so both must come from the same requester:
    merging another person's request would show them a stranger's question and answers."""
    if duplicate.pk == target.pk or target.merged_into_id or duplicate.merged_into_id:
        raise ValueError("Fusion impossible : vérifiez le numéro de la demande.")
    if duplicate.anonymised_at or target.anonymised_at:
        raise ValueError("Fusion impossible : une des deux demandes est anonymisée.")
    if duplicate.requester_email.strip().lower() != target.requester_email.strip().lower():
        raise ValueError(
            "Fusion impossible : seules les demandes d'un même demandeur (même adresse électronique) "
            "peuvent être fusionnées."
        )
    with transaction.atomic():
        Message.objects.create(
            ticket=target,
            kind=MessageKind.REQUESTER,
            body=duplicate.question,
            created_at=duplicate.created_at,
        )
        duplicate.messages.update(ticket=target)
        duplicate.attachments.update(ticket=target)
        duplicate.tokens.update(ticket=target)
        duplicate.status = Status.CLOSED
        duplicate.closed_at = timezone.now()
        duplicate.merged_into = target
        duplicate.save(update_fields=["status", "closed_at", "merged_into"])
        target.last_activity_at = timezone.now()
        target.save(update_fields=["last_activity_at"])
        audit(duplicate, "merged", by, detail=f"fusionnée dans la demande n° {target.pk}")
        audit(target, "merged", by, detail=f"a reçu la demande n° {duplicate.pk}")


def related_tickets(ticket):
    if not ticket.requester_email:
        return Ticket.objects.none()
    return (
        Ticket.objects.filter(requester_email__iexact=ticket.requester_email)
        .exclude(pk=ticket.pk)
        .select_related("topic")
        .order_by("-created_at")
    )


def create_faq_draft(ticket, by):
    """Turn an answered question into a draft expert sheet (fiche-expert) that goes through the normal
    moderation. The text is scrubbed of emails and phone numbers; the jurist must still rewrite it."""
    from content.models import ResourceIndexPage, ResourceKind, ResourcePage
    from portal.sanitize import linkify_text

    answers = [m.body for m in ticket.messages.all() if m.kind == MessageKind.ANSWER]
    index = ResourceIndexPage.objects.first()
    if index is None or not answers:
        raise ValueError("Pas de réponse publique ou pas de bibliothèque de ressources")
    body = "<h2>Question</h2>" + linkify_text(scrub(ticket.question))
    body += "<h2>Réponse</h2>" + "".join(linkify_text(scrub(text)) for text in answers)
    page = ResourcePage(
        title=f"Question-réponse : {ticket.topic.name}"[:255],
        kind=ResourceKind.FICHE_EXPERT,
        date=timezone.localdate(),
        summary="Question posée à la permanence juridique (à anonymiser et reformuler avant publication).",
        body=body,
        live=False,
        owner=by,
    )
    index.add_child(instance=page)
    page.save_revision(user=by)
    page.themes.set([ticket.topic.theme] if ticket.topic.theme_id else [])
    page.save_revision(user=by)
    ticket.faq_page = page
    ticket.save(update_fields=["faq_page"])
    audit(ticket, "faq_draft", by, detail=f"page {page.pk}")
    return page


# --- Figures ------------------------------------------------------------------------------------------


def _percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def statistics_for(start, end):
    """The yearly-report figures for requests received from `start` to `end` (dates, inclusive)."""
    from .models import Profession

    tz = timezone.get_current_timezone()
    since = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    until = datetime.datetime.combine(
        end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
    )
    rows = list(
        Ticket.objects.filter(
            created_at__gte=since, created_at__lt=until, merged_into__isnull=True
        ).values_list(
            "created_at",
            "first_answer_at",
            "topic__name",
            "departement__code",
            "departement__name",
            "profession",
        )
    )
    months = Counter()
    topics, departements, professions = Counter(), Counter(), Counter()
    delays = []
    for created, first_answer, topic, dep_code, dep_name, profession in rows:
        local = timezone.localtime(created, tz)
        months[(local.year, local.month)] += 1
        topics[topic] += 1
        departements[f"{dep_code} – {dep_name}"] += 1
        professions[
            Profession(profession).label if profession in Profession.values else profession
        ] += 1
        if first_answer:
            delays.append((first_answer - created).total_seconds() / 86400)
    month_rows = []
    cursor = datetime.date(start.year, start.month, 1)
    while cursor <= end:
        month_rows.append((cursor, months.get((cursor.year, cursor.month), 0)))
        cursor += relativedelta(months=1)
    return {
        "start": start,
        "end": end,
        "total": len(rows),
        "answered": len(delays),
        "months": month_rows,
        "topics": topics.most_common(),
        "departements": sorted(departements.items(), key=lambda item: (-item[1], item[0])),
        "professions": professions.most_common(),
        "median_days": round(statistics.median(delays), 1) if delays else None,
        "p90_days": round(_percentile(delays, 0.9), 1) if delays else None,
    }


SMALL_COUNT = 5


def statistics_csv_rows(figures, publication=False):
    """Rows for the CSV export. For publication, counts below 5 per département read "< 5"."""
    rows = [["rubrique", "valeur", "nombre"]]
    rows.append(
        ["période", f"{figures['start']:%d/%m/%Y} – {figures['end']:%d/%m/%Y}", figures["total"]]
    )
    for month, count in figures["months"]:
        rows.append(["mois", f"{month:%Y-%m}", count])
    for name, count in figures["topics"]:
        rows.append(["sujet", name, count])
    for name, count in figures["departements"]:
        shown = "< 5" if publication and count < SMALL_COUNT else count
        rows.append(["département", name, shown])
    for name, count in figures["professions"]:
        rows.append(["profession", name, count])
    rows.append(["délai de première réponse (jours)", "médiane", _fmt(figures["median_days"])])
    rows.append(["délai de première réponse (jours)", "90e centile", _fmt(figures["p90_days"])])
    return rows


def _fmt(value):
    return "" if value is None else str(value).replace(".", ",")


# --- Data protection ----------------------------------------------------------------------------------

SCRUBBED_EMAIL = "[courriel supprimé]"
SCRUBBED_PHONE = "[téléphone supprimé]"
ERASED_TEXT = "[texte effacé à la demande du demandeur]"


def scrub(text):
    return PHONE.sub(SCRUBBED_PHONE, EMAIL.sub(SCRUBBED_EMAIL, text or ""))


def _strip_identity(ticket, text_replacement=None):
    for attachment in ticket.attachments.all():
        attachment.delete_file()
        attachment.delete()
    ticket.tokens.all().delete()
    # an unsent email would otherwise still go out, empty, to the placeholder address
    ticket.emails.filter(status=EmailStatus.PENDING).update(
        status=EmailStatus.FAILED, last_error="anonymised"
    )
    ticket.emails.update(to="anonyme@invalid", body="")
    for message in ticket.messages.all():
        message.body = text_replacement if text_replacement is not None else scrub(message.body)
        message.save(update_fields=["body"])
    ticket.requester_name = ""
    ticket.requester_email = ""
    ticket.requester_phone = ""
    ticket.structure = ""
    ticket.question = text_replacement if text_replacement is not None else scrub(ticket.question)
    ticket.anonymised_at = timezone.now()
    ticket.save()


def retention_cutoff(now=None):
    return (now or timezone.now()) - relativedelta(months=settings.HELPDESK_RETENTION_MONTHS)


def anonymise_expired(now=None, dry_run=False):
    """Remove identities, contacts and attachments of tickets inactive for longer than the retention
    period; keep topic, département, profession and dates. Idempotent. Returns a report dict."""
    expired = Ticket.objects.not_anonymised().filter(last_activity_at__lt=retention_cutoff(now))
    report = {"tickets": 0, "attachments": 0}
    for ticket in list(expired):
        report["tickets"] += 1
        report["attachments"] += ticket.attachments.count()
        if not dry_run:
            with transaction.atomic():
                _strip_identity(ticket)
                audit(ticket, "anonymised", detail="durée de conservation écoulée", actor="système")
    return report


def requester_tickets(email):
    return (
        Ticket.objects.filter(requester_email__iexact=email.strip())
        if email and email.strip()
        else Ticket.objects.none()
    )


def export_requester_data(email):
    """Everything the portal holds about a requester (right of access), internal notes included."""
    tickets = (
        requester_tickets(email)
        .select_related("topic", "departement", "assignee")
        .prefetch_related("messages", "attachments")
    )
    data = []
    for ticket in tickets:
        data.append(
            {
                "reference": ticket.reference,
                "recu_le": ticket.created_at.isoformat(),
                "statut": ticket.get_status_display(),
                "demandeur": {
                    "nom": ticket.requester_name,
                    "courriel": ticket.requester_email,
                    "telephone": ticket.requester_phone,
                    "structure": ticket.structure,
                    "profession": ticket.get_profession_display(),
                },
                "departement": str(ticket.departement),
                "sujet": ticket.topic.name,
                "age": ticket.get_age_band_display(),
                "prise_en_charge": ticket.get_care_status_display(),
                "question": ticket.question,
                "consentement_le": ticket.consent_at.isoformat(),
                "messages": [
                    {
                        "type": m.get_kind_display(),
                        "date": m.created_at.isoformat(),
                        "texte": m.body,
                    }
                    for m in ticket.messages.all()
                ],
                "pieces_jointes": [
                    {"nom": a.original_name, "type": a.content_type, "taille": a.size}
                    for a in ticket.attachments.all()
                ],
            }
        )
    return json.dumps({"demandes": data}, ensure_ascii=False, indent=2)


def erase_requester(email, by):
    """Erase a requester's data on request: identity, contacts, attachments, links and every text.
    The anonymous remainder (topic, département, profession, dates) stays for the figures."""
    count = 0
    for ticket in requester_tickets(email):
        with transaction.atomic():
            _strip_identity(ticket, text_replacement=ERASED_TEXT)
            audit(ticket, "erased", by, detail="effacement à la demande")
        count += 1
    return count


def _midnight(today, days_before, tz):
    day = today - datetime.timedelta(days=days_before)
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=tz)


# --- The queue ----------------------------------------------------------------------------------------


def queue(filters, user, today=None):
    """Tickets for the jurists' queue from already-validated filters (see forms.QueueFilterForm).

    Returns (tickets, counts, facets): the filtered, ordered queryset, the per-status counts of the other
    filters' selection, and the counts per topic, département and assignee of the listed tickets (by id),
    in a constant number of queries whatever the volume.
    """
    from django.db.models import Case, Count, IntegerField, Value, When

    from .forms import AGE_FILTERS

    today = today or timezone.localdate()
    tickets = Ticket.objects.filter(merged_into__isnull=True)
    if filters.get("topic"):
        tickets = tickets.filter(topic=filters["topic"])
    if filters.get("departement"):
        tickets = tickets.filter(departement=filters["departement"])
    assignee = filters.get("assignee")
    if assignee == "moi":
        tickets = tickets.filter(assignee=user)
    elif assignee == "aucun":
        tickets = tickets.filter(assignee__isnull=True)
    elif assignee:
        tickets = tickets.filter(assignee_id=int(assignee))
    if filters.get("age") in AGE_FILTERS:
        _, low, high = AGE_FILTERS[filters["age"]]
        tz = timezone.get_current_timezone()
        # age in days = today - reception date; the range is [low, high)
        tickets = tickets.filter(created_at__lt=_midnight(today, low - 1, tz))
        if high is not None:
            tickets = tickets.filter(created_at__gte=_midnight(today, high - 1, tz))
    counts = dict(
        tickets.order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    status = filters.get("status")
    if status == "tous":
        pass
    elif status:
        tickets = tickets.filter(status=status)
    else:
        tickets = tickets.exclude(status=Status.CLOSED)
    waiting_first = Case(
        When(status__in=[Status.NEW, Status.IN_PROGRESS], then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    orderings = {
        "attente": [waiting_first, "created_at", "pk"],
        "recues": ["-created_at", "-pk"],
        "echeance": [waiting_first, "due_date", "created_at", "pk"],
        "activite": ["-last_activity_at", "-pk"],
    }
    facets = {
        field: dict(
            tickets.order_by().values_list(field).annotate(n=Count("pk")).values_list(field, "n")
        )
        for field in ("topic", "departement", "assignee")
    }
    tickets = tickets.select_related("topic", "departement", "assignee").order_by(
        *orderings.get(filters.get("sort") or "attente", orderings["attente"])
    )
    return tickets, counts, facets
