"""Expert sheets drawn from tickets: the jurist rewrites the sheet in the helpdesk, and only the text a
jurist approves leaves it, as a page draft submitted to the committee's workflow.

No text from a ticket reaches anyone outside the Juristes before then: the sheet is a helpdesk model that
only jurists see (no page, revision, search entry or log line of the admin holds it). Anonymisation and
erasure delete the sheet and its page while that page was never published; a page the committee has
published is the committee's rewritten text, checked twice, and stays.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from content.models import ResourceIndexPage, ResourceKind, ResourcePage
from core.sanitize import linkify_text

from ..models import FaqSheet, MessageKind
from .audit import audit
from .identifiers import identifying_details, scrub

SUMMARY = "Question-réponse tirée de la permanence juridique, anonymisée par une juriste."


class SheetRefused(ValueError):
    """The sheet cannot be approved: the message says why, for the jurist."""


def faq_prefill(ticket):
    """The sheet's first text, for the jurist to rewrite: the question and the public answers, with
    emails and phone numbers already removed (names, dates and file numbers are the jurist's to remove)."""
    answers = [m.body.strip() for m in ticket.messages.all() if m.kind == MessageKind.ANSWER]
    return {
        "title": f"Question-réponse : {ticket.topic.name}"[:255],
        "question": scrub(ticket.question).strip(),
        "answer": scrub("\n\n".join(answers)),
    }


def save_faq_sheet(ticket, data, by):
    """Create or update the ticket's sheet from the jurist's text (title, question, answer)."""
    sheet = FaqSheet.objects.filter(ticket=ticket).first()
    if sheet is not None and not sheet.is_editable:
        raise SheetRefused("Cette fiche est déjà soumise au comité : modifiez la page.")
    created = sheet is None
    if created:
        sheet = FaqSheet(ticket=ticket, created_by=by)
    sheet.title = data["title"]
    sheet.question = data["question"]
    sheet.answer = data["answer"]
    sheet.updated_at = timezone.now()
    with transaction.atomic():
        sheet.save()
        audit(ticket, "faq_sheet_created" if created else "faq_sheet_edited", by)
    return sheet


def sheet_identifiers(sheet):
    """What still identifies someone in the sheet's text: see `identifiers.identifying_details`."""
    text = "\n".join((sheet.title, sheet.question, sheet.answer))
    return identifying_details(text, names=[sheet.ticket.requester_name])


def approve_faq_sheet(sheet, by):
    """Turn the approved text into a fiche-expert draft owned by the jurist and submit it to the
    committee's workflow. Refused while the text holds an obvious identifier."""
    if not sheet.is_editable:
        raise SheetRefused("Cette fiche est déjà soumise au comité.")
    found = sheet_identifiers(sheet)
    if found:
        audit(
            sheet.ticket, "faq_sheet_refused", by, detail=f"{len(found)} élément(s) identifiant(s)"
        )
        listed = " ; ".join(f"{kind} « {value} »" for kind, value in found)
        raise SheetRefused(
            f"La fiche contient encore des éléments identifiants : {listed}. "
            "Retirez-les, puis approuvez à nouveau."
        )
    index = ResourceIndexPage.objects.first()
    workflow = index.get_workflow() if index else None
    if workflow is None:
        raise SheetRefused(
            "Pas de bibliothèque de ressources ou pas de circuit de validation : "
            "la fiche ne peut pas être soumise au comité."
        )
    ticket = sheet.ticket
    body = "<h2>Question</h2>" + linkify_text(sheet.question)
    body += "<h2>Réponse</h2>" + linkify_text(sheet.answer)
    with transaction.atomic():
        # two jurists approving at once must not make two pages
        if FaqSheet.objects.select_for_update().get(pk=sheet.pk).page_id is not None:
            raise SheetRefused("Cette fiche est déjà soumise au comité.")
        page = ResourcePage(
            title=sheet.title,
            kind=ResourceKind.FICHE_EXPERT,
            date=timezone.localdate(),
            summary=SUMMARY,
            body=body,
            live=False,
            # Owner + the Juristes' "add" permission on the library: the jurist can open this draft
            owner=by,
        )
        page.themes.set([ticket.topic.theme] if ticket.topic.theme_id else [])
        index.add_child(instance=page)
        revision = page.save_revision(user=by, log_action=False)
        log(instance=page, action="wagtail.create", user=by, revision=revision)
        workflow.start(page, by)
        sheet.page = page
        sheet.approved_by = by
        sheet.approved_at = timezone.now()
        sheet.save(update_fields=["page", "approved_by", "approved_at"])
        audit(ticket, "faq_sheet_approved", by, detail=f"page {page.pk} soumise au comité")
    return page


def discard_faq_copies(ticket):
    """For anonymisation and erasure: delete the ticket's sheet and, unless the committee has published
    it, its page with its revisions, workflow states, search entry and history."""
    sheet = FaqSheet.objects.filter(ticket=ticket).select_related("page").first()
    if sheet is None:
        return
    page = sheet.page
    if page is not None and not page.live and page.first_published_at is None:
        page_id = page.pk
        # revisions and workflow states are generic relations of the page: deleted with it
        page.delete()
        PageLogEntry.objects.filter(page_id=page_id).delete()
    sheet.delete()
