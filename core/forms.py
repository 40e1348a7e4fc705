"""What every public form shares: accessible error reporting, the honeypot against robots, and saving
that survives a database failure."""

import logging

from django import forms
from django.db import DatabaseError, transaction

logger = logging.getLogger(__name__)

SAVE_FAILED = (
    "Votre envoi n'a pas pu être enregistré à cause d'un incident technique de notre côté, et rien n'a "
    "été conservé. Vos réponses sont restées dans le formulaire (les pièces jointes sont à ajouter de "
    "nouveau) : réessayez dans quelques minutes."
)
# The status of a page that shows SAVE_FAILED: the service, not the visitor's input, is at fault.
SAVE_FAILED_STATUS = 503


def save_or_report(form, save):
    """(True, save()) with everything `save` writes in one transaction; on a database error nothing is
    kept, the error is logged, `form` gets SAVE_FAILED to show above the visitor's input, and
    (False, None) is returned: the view answers SAVE_FAILED_STATUS."""
    try:
        with transaction.atomic():
            return True, save()
    except DatabaseError:
        logger.exception("Database error while saving a %s", type(form).__name__)
        form.add_error(None, SAVE_FAILED)
        return False, None


class AccessibleFormMixin:
    """Links each field to its help text and error message (aria-describedby) and marks it invalid.
    The ids are those of `includes/field.html`, from the field's own id (forms may carry a prefix)."""

    described_by = {}  # field name -> id of a text on the page that explains it

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if (
                field.error_messages.get("required")
                is forms.Field.default_error_messages["required"]
            ):
                field.error_messages["required"] = "Ce champ est obligatoire."
            if "invalid_choice" in field.error_messages:
                field.error_messages["invalid_choice"] = (
                    "Sélectionnez un choix valide dans la liste."
                )
        self._describe()

    def full_clean(self):
        super().full_clean()
        self._describe()

    def _describe(self):
        errors = getattr(self, "_errors", None) or {}
        for name, field in self.fields.items():
            base = self[name].auto_id or f"id_{name}"
            ids = [self.described_by[name]] if name in self.described_by else []
            if field.help_text:
                ids.append(f"{base}-help")
            if name in errors:
                ids.append(f"{base}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)


class HoneypotForm(forms.Form):
    """`website` is hidden from people (CSS and aria-hidden) but naive robots fill it in."""

    website = forms.CharField(
        label="Ne pas remplir ce champ",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def is_spam(self):
        return bool(self.data.get("website"))
