"""Forms of the helpdesk: the public request and reply and the jurists' actions."""

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator

from content.models import DossierPage
from core.forms import AccessibleFormMixin, HoneypotForm
from taxonomy.models import Departement

from . import services
from .models import AgeBand, CannedAnswer, CareStatus, FaqSheet, Profession, Status, Topic


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several optional files, each checked by content and size; cleans to [(upload, content_type)]."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if len(uploads) > settings.HELPDESK_MAX_ATTACHMENTS:
            raise forms.ValidationError(
                f"Pas plus de {settings.HELPDESK_MAX_ATTACHMENTS} fichiers par envoi."
            )
        cleaned, errors = [], []
        for upload in uploads:
            super().clean(upload, initial)
            try:
                cleaned.append((upload, services.check_upload(upload)))
            except services.AttachmentRefused as error:
                errors.append(str(error))
        if errors:
            raise forms.ValidationError(errors)
        return cleaned


phone_validator = RegexValidator(
    r"^[0-9+ ().-]{6,30}$", "Saisissez un numéro de téléphone valide, par exemple 01 23 45 67 89."
)


class AccessibleForm(AccessibleFormMixin, forms.Form):
    pass


class RequestForm(HoneypotForm, AccessibleForm):
    """The public request. Field order is the order of the page; labels and help are what the user reads."""

    described_by = {"consent": "consentement-notice"}

    requester_name = forms.CharField(
        label="Vos nom et prénom",
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    requester_email = forms.EmailField(
        label="Votre adresse électronique",
        max_length=254,
        error_messages={
            "invalid": "Saisissez une adresse électronique valide, par exemple nom@exemple.fr."
        },
        help_text="Nous vous y envoyons le lien privé de suivi de votre demande.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    requester_phone = forms.CharField(
        label="Votre téléphone (facultatif)",
        max_length=30,
        required=False,
        validators=[phone_validator],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    profession = forms.ChoiceField(
        label="Votre profession", choices=[("", "Choisir…")] + Profession.choices
    )
    structure = forms.CharField(
        label="Votre structure (facultatif)",
        max_length=160,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    departement = forms.ModelChoiceField(
        label="Département concerné",
        queryset=Departement.objects.in_order(),
        empty_label="Choisir…",
        to_field_name="code",
    )
    topic = forms.ModelChoiceField(
        label="Sujet de la question",
        queryset=Topic.objects.filter(active=True),
        empty_label="Choisir…",
        to_field_name="slug",
    )
    age_band = forms.ChoiceField(label="Âge du jeune", choices=[("", "Choisir…")] + AgeBand.choices)
    care_status = forms.ChoiceField(
        label="Situation de prise en charge", choices=[("", "Choisir…")] + CareStatus.choices
    )
    question = forms.CharField(
        label="Votre question",
        min_length=20,
        error_messages={
            "min_length": "Votre question doit compter au moins 20 caractères : précisez la situation."
        },
        max_length=8000,
        help_text="Décrivez la situation sans le nom, la date de naissance ni les numéros de dossier du jeune.",
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    attachments = AttachmentsField(
        label="Documents (facultatif)",
        help_text="PDF, images ou documents bureautiques, 10 Mo au plus chacun, 3 fichiers au plus. "
        "Masquez le nom et les numéros de dossier du jeune.",
    )
    consent = forms.BooleanField(
        label="J'accepte que ces informations soient conservées et traitées pour répondre à ma demande, "
        "dans les conditions décrites ci-dessus.",
        error_messages={"required": "Cochez la case de consentement pour envoyer votre demande."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = (
            f"PDF, images ou documents bureautiques, {settings.HELPDESK_MAX_ATTACHMENT_BYTES // (1024 * 1024)} Mo "
            f"au plus chacun, {settings.HELPDESK_MAX_ATTACHMENTS} fichiers au plus. "
            "Masquez le nom et les numéros de dossier du jeune."
        )

    def clean_attachments(self):
        return _within_quota(self.cleaned_data["attachments"])


class ReplyForm(AccessibleForm):
    """The requester's reply through the follow-up link `access`, to `ticket` (whose quotas it respects)."""

    body = forms.CharField(
        label="Votre message", max_length=8000, widget=forms.Textarea(attrs={"rows": 6})
    )
    attachments = AttachmentsField(
        label="Documents (facultatif)", help_text="PDF, images ou documents bureautiques."
    )

    def __init__(self, *args, ticket, access, **kwargs):
        super().__init__(*args, **kwargs)
        self.ticket, self.access = ticket, access

    def clean_attachments(self):
        return _within_quota(self.cleaned_data["attachments"], self.ticket, self.access)


def _within_quota(uploads, ticket=None, access=None):
    try:
        services.check_quota(uploads, ticket, access)
    except services.AttachmentRefused as error:
        raise forms.ValidationError(str(error)) from None
    return uploads


# --- Jurists ------------------------------------------------------------------------------------------


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label="Attribuer à", queryset=None, required=False, empty_label="Personne"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = services.jurists()
        self.fields["assignee"].label_from_instance = lambda u: (
            u.get_full_name() or u.get_username()
        )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Nouveau statut", choices=Status.choices)


class AnswerForm(AccessibleForm):
    """The answer as the requester will read it: a canned answer is inserted into the text, where the
    jurist reads and edits it before publishing (by the page's script, or the « Insérer » button
    without it); what is published is exactly the text of the box."""

    body = forms.CharField(
        label="Réponse au demandeur",
        max_length=20000,
        error_messages={"required": "Écrivez une réponse ou insérez une réponse type."},
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    canned = forms.ModelChoiceField(
        label="Réponse type",
        queryset=CannedAnswer.objects.all(),
        required=False,
        empty_label="Choisir…",
    )

    def with_canned_inserted(self):
        """A new, unbound form whose text is the typed text followed by the chosen canned answer."""
        body = (self.data.get("body") or "").rstrip()
        try:
            canned = self.fields["canned"].clean(self.data.get("canned"))
        except forms.ValidationError:
            canned = None
        if canned is None:
            return AnswerForm(initial={"body": body})
        text = services.canned_text(canned)
        return AnswerForm(initial={"body": f"{body}\n\n{text}" if body else text})


class NoteForm(AccessibleForm):
    body = forms.CharField(
        label="Note interne", max_length=20000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, **kwargs):
        # the ticket page also holds the answer form, whose field is also `body`: distinct ids
        kwargs.setdefault("auto_id", "id_note_%s")
        super().__init__(*args, **kwargs)


class MergeForm(forms.Form):
    target = forms.IntegerField(label="Numéro de la demande qui reçoit ce doublon", min_value=1)


class FaqSheetForm(AccessibleFormMixin, forms.ModelForm):
    """The jurist's rewriting of a ticket into an expert sheet; plain text, made into HTML on approval."""

    question = forms.CharField(
        label="Question reformulée",
        max_length=20000,
        help_text="La situation en termes généraux, sans rien qui permette de reconnaître le jeune, "
        "sa famille, le demandeur ou sa structure.",
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    answer = forms.CharField(
        label="Réponse reformulée",
        max_length=20000,
        help_text="Texte brut ; les adresses web deviennent des liens.",
        widget=forms.Textarea(attrs={"rows": 14}),
    )

    class Meta:
        model = FaqSheet
        fields = ["title", "question", "answer"]


class PkMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Refuses ids the database cannot hold before the `__in` lookup (SQLite raised OverflowError: a 500)."""

    def _check_values(self, value):
        for pk in value:
            try:
                valid = 0 < int(pk) < 2**63
            except (TypeError, ValueError):
                valid = False
            if not valid:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class DossiersForm(forms.Form):
    dossiers = PkMultipleChoiceField(
        label="Dossiers utilisés",
        # Only the titles the options show: loading every dossier whole (its StreamField body) was most of
        # the ticket page's time.
        queryset=DossierPage.objects.live().order_by("title").only("title"),
        required=False,
    )


class RequesterForm(forms.Form):
    email = forms.EmailField(label="Adresse électronique du demandeur")
