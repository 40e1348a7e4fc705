"""The public subscription form and the subscriber's manage form (no account: a signed link)."""

from django import forms
from django.conf import settings
from django.utils.functional import lazy

from core.forms import AccessibleFormMixin, HoneypotForm
from search.backends.base import FACETS
from taxonomy.models import Departement, Theme

from .models import Frequency, Kind

MAX_FILTER_VALUES = 10


def saved_search_from(params):
    """The query and filters of a `/recherche/` page (a QueryDict), kept to the known facets."""
    query = (params.get("recherche") or params.get("q") or "").strip()[:200]
    filters = {}
    for name in FACETS:
        values = [v.strip()[:60] for v in params.getlist(name) if v.strip()][:MAX_FILTER_VALUES]
        if values:
            filters[name] = list(dict.fromkeys(values))
    return {"query": query, "filters": filters}


def _discussion_list_help():
    """While the list's archive is for members, its messages go only to members' addresses
    (exchanges.mail): say so where one subscribes."""
    if getattr(settings, "EXCHANGES_ARCHIVE_PUBLIC", False):
        return ""
    return "Réservée aux membres du réseau : les messages ne sont envoyés qu'à l'adresse de votre compte de membre."


class ChoicesForm(AccessibleFormMixin, forms.Form):
    newsletter = forms.BooleanField(
        label="La lettre d'information du réseau et le résumé de ce qui est publié", required=False
    )
    echanges = forms.BooleanField(
        label="La liste d'échanges du réseau (messages modérés des membres)",
        required=False,
        help_text=lazy(_discussion_list_help, str)(),
    )
    themes = forms.ModelMultipleChoiceField(
        label="Alertes par thème",
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    departements = forms.ModelMultipleChoiceField(
        label="Alertes par département",
        queryset=Departement.objects.order_by("code"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text="Maintenez Ctrl (ou Cmd) pour en choisir plusieurs.",
    )
    keep_search = forms.BooleanField(
        label="Recevoir une alerte pour cette recherche", required=False
    )
    frequency = forms.ChoiceField(
        label="Fréquence des alertes",
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, saved_search=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.saved_search = (
            saved_search
            if saved_search and (saved_search["query"] or saved_search["filters"])
            else None
        )
        if self.saved_search is None:
            del self.fields["keep_search"]

    def clean(self):
        cleaned = super().clean()
        if not any(
            cleaned.get(name)
            for name in ("newsletter", "echanges", "themes", "departements", "keep_search")
        ):
            raise forms.ValidationError("Choisissez au moins une lettre, une liste ou une alerte.")
        return cleaned

    def choices(self):
        data = self.cleaned_data
        return {
            "newsletter": data.get("newsletter"),
            "echanges": data.get("echanges"),
            "themes": [theme.pk for theme in data.get("themes") or []],
            "departements": [departement.pk for departement in data.get("departements") or []],
            "search": self.saved_search if data.get("keep_search") else None,
            "frequency": data.get("frequency"),
        }


class SubscribeForm(HoneypotForm, ChoicesForm):
    email = forms.EmailField(
        label="Votre adresse électronique",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label="J'accepte que mon adresse et mes choix soient conservés pour m'envoyer ces informations.",
        error_messages={"required": "Cochez cette case pour vous abonner."},
    )
    described_by = {"consent": "donnees-abonnement"}
    field_order = [
        "email",
        "newsletter",
        "echanges",
        "themes",
        "departements",
        "keep_search",
        "frequency",
        "consent",
    ]


class ManageForm(ChoicesForm):
    """The subscriber's current choices, changed in one go."""

    @classmethod
    def initial_for(cls, subscriber):
        subscriptions = list(subscriber.subscriptions.all())
        alerts = [s for s in subscriptions if s.kind in (Kind.THEME, Kind.DEPARTEMENT, Kind.SEARCH)]
        return {
            "newsletter": any(s.kind == Kind.NEWSLETTER for s in subscriptions),
            "echanges": any(s.kind == Kind.ECHANGES for s in subscriptions),
            "themes": [s.theme_id for s in subscriptions if s.kind == Kind.THEME],
            "departements": [s.departement_id for s in subscriptions if s.kind == Kind.DEPARTEMENT],
            "keep_search": any(s.kind == Kind.SEARCH for s in subscriptions),
            "frequency": alerts[0].frequency if alerts else Frequency.WEEKLY,
        }

    def clean(self):
        # An empty choice is allowed here: it is the same as leaving (the view erases the address).
        return forms.Form.clean(self)
