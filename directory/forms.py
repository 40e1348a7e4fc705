from django import forms

from core.forms import AccessibleFormMixin, HoneypotForm

from .models import ActorReport


class ActorReportForm(HoneypotForm, AccessibleFormMixin, forms.ModelForm):
    """ "Signaler une erreur": what is wrong, and optionally who is reporting."""

    class Meta:
        model = ActorReport
        fields = ["message", "reporter_name", "reporter_email"]
        labels = {
            "message": "Qu'est-ce qui est erroné ou manquant ?",
            "reporter_name": "Votre nom (facultatif)",
            "reporter_email": "Votre courriel (facultatif)",
        }
        help_texts = {
            "message": "Par exemple : nouveau numéro de téléphone, adresse, service qui n'existe plus.",
            "reporter_email": "Seulement pour que le comité de rédaction puisse vous répondre ; jamais publié.",
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].required = True
        self.fields["message"].error_messages["required"] = "Décrivez ce qui est erroné."
        self.fields["reporter_email"].error_messages["invalid"] = (
            "Saisissez une adresse de courriel valide."
        )

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < 5:
            raise forms.ValidationError("Décrivez ce qui est erroné en quelques mots.")
        return message
