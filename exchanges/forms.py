"""Forms of the discussion list: a new thread and a reply (members), and the committee's moderation."""

from django import forms

from core.forms import AccessibleFormMixin
from helpdesk.forms import AttachmentsField
from taxonomy.models import Theme

BODY_HELP = (
    "Séparez les paragraphes par une ligne vide ; les adresses web deviennent des liens. "
    "Ne donnez ni le nom ni la date de naissance d'un jeune, ni ses numéros de dossier."
)
ATTACHMENTS_HELP = (
    "Facultatif : jusqu'à 3 fichiers PDF, images ou documents bureautiques de 10 Mo au plus chacun. "
    "Masquez-y les informations qui permettraient d'identifier un jeune."
)


class AccessibleForm(AccessibleFormMixin, forms.Form):
    pass


class ThreadForm(AccessibleForm):
    subject = forms.CharField(label="Sujet", max_length=200)
    body = forms.CharField(
        label="Votre message",
        max_length=20000,
        help_text=BODY_HELP,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    themes = forms.ModelMultipleChoiceField(
        label="Thèmes (facultatif)",
        queryset=Theme.objects.order_by("position", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    attachments = AttachmentsField(label="Pièces jointes", help_text=ATTACHMENTS_HELP)


class ReplyForm(AccessibleForm):
    body = forms.CharField(
        label="Votre réponse",
        max_length=20000,
        help_text=BODY_HELP,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    attachments = AttachmentsField(label="Pièces jointes", help_text=ATTACHMENTS_HELP)


class ModerationForm(forms.Form):
    """The committee's decision: approve (after editing the subject or text if needed) or reject with a
    reason sent to the author."""

    subject = forms.CharField(label="Sujet", max_length=200, required=False)
    body = forms.CharField(
        label="Texte (HTML simple, nettoyé à l'enregistrement)",
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    reason = forms.CharField(
        label="Motif du refus (envoyé à l'auteur)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
