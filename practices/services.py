"""Members propose practice sheets from the public site: each proposal becomes a page draft, owned by the
member, submitted to the committee's workflow. Nothing is public until the committee publishes it."""

from django.db import transaction
from django.utils.text import slugify
from wagtail.log_actions import log

from core.sanitize import linkify_text

from .models import (
    NARRATIVE_FIELDS,
    RESERVED_SLUGS,
    PracticeIndexPage,
    PracticePartner,
    PracticeSheetPage,
)


class SubmissionRefused(Exception):
    """The proposal cannot be taken now (no library or no workflow): the message says why."""


def unique_slug(parent, title):
    """A slug for a new child of `parent`, unique among its children, drafts included."""
    base = slugify(title)[:60].strip("-") or "fiche"
    taken = set(parent.get_children().values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def rich_text(text):
    return linkify_text(text.strip()) if text and text.strip() else ""


def submit_sheet(data, partners, by):
    """Create the sheet proposed by member `by` as a draft under the library and submit it to the
    committee. `data` is the cleaned proposal, `partners` a list of {name, kind, role}."""
    index = PracticeIndexPage.objects.first()
    workflow = index.get_workflow() if index else None
    if workflow is None:
        raise SubmissionRefused(
            "La bibliothèque des pratiques n'accepte pas de proposition pour le moment. "
            "Réessayez plus tard ou écrivez à l'adresse de contact du portail."
        )
    with transaction.atomic():
        sheet = PracticeSheetPage(
            title=data["title"],
            slug=unique_slug(index, data["title"]),
            summary=data["summary"],
            departement=data.get("departement"),
            lead_organisation=data["lead_organisation"],
            lead_kind=data["lead_kind"],
            live=False,
            owner=by,
            **{name: rich_text(data.get(name, "")) for name in NARRATIVE_FIELDS},
        )
        sheet.themes.set(data.get("themes") or [])
        sheet.partners = [
            PracticePartner(name=p["name"], kind=p["kind"], role=p.get("role", ""))
            for p in partners
        ]
        index.add_child(instance=sheet)
        revision = sheet.save_revision(user=by, log_action=False)
        log(instance=sheet, action="wagtail.create", user=by, revision=revision)
        workflow.start(sheet, by)
    return sheet
