"""The calculator's forms: a quarter's totals, or its detail table uploaded; and the export, which sends the
lines back (nothing is kept on the server between the result and its download)."""

import datetime
import json
import re

from django import forms

from core.forms import AccessibleFormMixin

from . import detail_table
from .detail_table import TableRefused
from .models import FundingRule
from .quarters import Quarter, quarters_between

PRIVACY_NOTICE_ID = "rien-n-est-conserve"
MAX_PERSONS = 100_000
DAYS_SEPARATORS = re.compile(r"[\s,;]+")


def quarter_choices(today=None):
    """Every quarter from the first published rule's to today's, most recent first."""
    first = (
        FundingRule.objects.live()
        .order_by("valid_from")
        .values_list("valid_from", flat=True)
        .first()
    )
    if first is None:
        return []
    current = Quarter.of(today or datetime.date.today())
    return [
        (quarter.key, quarter.label()) for quarter in quarters_between(Quarter.of(first), current)
    ]


class QuarterFormMixin:
    """A quarter chooser (the previous quarter by default: the one usually claimed) and its rule."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = quarter_choices()
        self.fields["quarter"].choices = choices
        previous = Quarter.of(datetime.date.today()).previous().key
        if any(key == previous for key, _ in choices):
            self.fields["quarter"].initial = previous

    def clean_quarter(self):
        quarter = Quarter.parse(self.cleaned_data["quarter"])
        rule = FundingRule.objects.for_quarter(quarter)
        if rule is None:
            raise forms.ValidationError(
                "Aucune règle de financement n'est publiée pour ce trimestre : choisissez-en un autre."
            )
        self.rule = rule
        return quarter


def quarter_field():
    return forms.ChoiceField(
        label="Trimestre",
        help_text="Les règles applicables sont celles du trimestre choisi.",
    )


class TotalsForm(QuarterFormMixin, AccessibleFormMixin, forms.Form):
    quarter = quarter_field()
    evaluated = forms.IntegerField(
        label="Personnes évaluées, conditions remplies",
        help_text="Convention avec le préfet signée (ou ses mesures prises) et dates et sens des "
        "décisions transmis à la préfecture.",
        min_value=0,
        max_value=MAX_PERSONS,
        required=False,
    )
    evaluated_reduced = forms.IntegerField(
        label="Personnes évaluées, conditions non remplies",
        min_value=0,
        max_value=MAX_PERSONS,
        required=False,
    )
    attested_days = forms.CharField(
        label="Durées de mise à l'abri avec l'attestation (en jours, une par personne)",
        help_text="Ex. « 12, 23, 30 ». Attestation d'un hébergement adapté et d'un premier "
        "accompagnement social. Le premier et le dernier jour comptent.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    other_days = forms.CharField(
        label="Durées de mise à l'abri sans l'attestation (en jours, une par personne)",
        help_text="Ex. « 5, 16 ».",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def _days(self, name):
        text = self.cleaned_data[name].strip()
        if not text:
            return []
        days, wrong = [], []
        for token in DAYS_SEPARATORS.split(text):
            if token.isdigit() and 1 <= int(token) <= 366:
                days.append(int(token))
            else:
                wrong.append(f"« {token} »")
        if wrong:
            raise forms.ValidationError(
                f"Ces valeurs ne sont pas des nombres de jours (de 1 à 366) : {', '.join(wrong[:10])}."
            )
        if len(days) > MAX_PERSONS:
            raise forms.ValidationError(f"Pas plus de {MAX_PERSONS} durées.")
        return days

    def clean_attested_days(self):
        return self._days("attested_days")

    def clean_other_days(self):
        return self._days("other_days")

    def clean_evaluated(self):
        return self.cleaned_data["evaluated"] or 0

    def clean_evaluated_reduced(self):
        return self.cleaned_data["evaluated_reduced"] or 0

    def clean(self):
        data = super().clean()
        names = ("evaluated", "evaluated_reduced", "attested_days", "other_days")
        if all(name in data for name in names) and not any(data[name] for name in names):
            raise forms.ValidationError(
                "Indiquez au moins une personne évaluée ou une durée de mise à l'abri."
            )
        return data


class UploadForm(QuarterFormMixin, AccessibleFormMixin, forms.Form):
    quarter = quarter_field()
    table = forms.FileField(
        label="Tableau de détail (CSV ou XLSX)",
        help_text=f"Une ligne par jeune, avec les colonnes du modèle ; {detail_table.MAX_LINES} lignes "
        "et 2 Mo au plus.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    described_by = {"table": PRIVACY_NOTICE_ID}

    def __init__(self, *args, too_large=False, max_bytes=None, **kwargs):
        self.too_large = too_large
        self.max_bytes = max_bytes
        super().__init__(*args, **kwargs)

    def full_clean(self):
        super().full_clean()
        if self.too_large and self.is_bound:
            # The file was dropped as it arrived: the field reads as empty, say why instead.
            self._errors["table"] = self.error_class(
                [
                    f"Ce fichier dépasse {self.max_bytes // (1024 * 1024)} Mo : découpez le tableau "
                    "(un fichier par trimestre) ou enregistrez-le en CSV."
                ]
            )
            self.cleaned_data.pop("table", None)
            self._describe()

    def clean_table(self):
        upload = self.cleaned_data["table"]
        try:
            self.lines = detail_table.read_upload(upload)
        except TableRefused as refused:
            raise forms.ValidationError(str(refused)) from None
        finally:
            upload.close()  # the bytes are discarded as soon as they are read
        return None


class ExportForm(QuarterFormMixin, forms.Form):
    """The lines of a result, sent back by the result page as the cells typed (never stored)."""

    quarter = forms.ChoiceField()
    format = forms.ChoiceField(choices=[("csv", "CSV"), ("xlsx", "XLSX")])
    lines = forms.CharField(widget=forms.HiddenInput)

    def clean_lines(self):
        try:
            rows = json.loads(self.cleaned_data["lines"])
            lines = [
                detail_table.parse_line(int(number), [str(value) for value in values])
                for number, values in rows[: detail_table.MAX_LINES]
            ]
        except (ValueError, TypeError):
            raise forms.ValidationError("Les lignes à exporter sont illisibles.") from None
        if not lines:
            raise forms.ValidationError("Aucune ligne à exporter.")
        return lines


def export_payload(lines):
    """The hidden field that lets the result page ask for its export."""
    return json.dumps([[line.number, line.values] for line in lines], ensure_ascii=False)
