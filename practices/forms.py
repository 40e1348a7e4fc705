"""The members' proposal of a practice sheet (`/pratiques/proposer/`): plain text, in the sheet's order."""

from django import forms
from django.forms import formset_factory

from core.forms import AccessibleFormMixin
from taxonomy.models import Departement, Theme

from .models import PartnerKind

MAX_TEXT = 5000
PARTNER_ROWS = 4
KIND_CHOICES = [("", "Choisissez un type")] + PartnerKind.choices


def _text(label, help_text="", required=True):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class PracticeSheetForm(AccessibleFormMixin, forms.Form):
    title = forms.CharField(label="Titre de l'action", max_length=200)
    summary = forms.CharField(
        label="Résumé",
        max_length=600,
        help_text="Deux ou trois phrases : ce que fait l'action et pour qui.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    departement = forms.ModelChoiceField(
        label="Département",
        queryset=Departement.objects.in_order(),
        to_field_name="code",
        required=False,
        empty_label="Action nationale ou interdépartementale",
    )
    themes = forms.ModelMultipleChoiceField(
        label="Thèmes",
        queryset=Theme.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    lead_organisation = forms.CharField(label="Structure porteuse", max_length=200)
    lead_kind = forms.ChoiceField(label="Type de structure porteuse", choices=KIND_CHOICES)
    problem = _text(
        "Problème constaté lors du diagnostic",
        "Ce qui ne fonctionnait pas, pour qui, et comment vous l'avez constaté.",
    )
    objective = _text("Objectif")
    actions = _text("Actions menées", "Les étapes concrètes, qui fait quoi.")
    calendar = _text("Calendrier", "Date de début, durée, étapes.")
    indicators = _text(
        "Indicateurs", "Comment vous mesurez les effets de l'action (facultatif).", required=False
    )
    results = _text("Résultats", "Ce que l'action a déjà produit (facultatif).", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_kind"].error_messages["required"] = "Choisissez le type de structure."


class PartnerForm(AccessibleFormMixin, forms.Form):
    """One partner of the action; a row left blank is ignored."""

    name = forms.CharField(label="Nom du partenaire", max_length=200, required=False)
    kind = forms.ChoiceField(label="Type de partenaire", choices=KIND_CHOICES, required=False)
    role = forms.CharField(label="Rôle dans l'action", max_length=255, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("name") and not cleaned.get("kind"):
            self.add_error("kind", "Choisissez le type de ce partenaire.")
        elif (cleaned.get("kind") or cleaned.get("role")) and not cleaned.get("name"):
            self.add_error("name", "Indiquez le nom de ce partenaire, ou videz la ligne.")
        return cleaned


PartnerFormSet = formset_factory(PartnerForm, extra=PARTNER_ROWS, max_num=PARTNER_ROWS)


def partner_rows(formset):
    """The partners the member filled in, in the order of the form."""
    return [
        {key: form.cleaned_data.get(key, "") for key in ("name", "kind", "role")}
        for form in formset.forms
        if form.cleaned_data.get("name")
    ]
