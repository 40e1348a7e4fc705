from django import forms

from .models import ActorReport


class ActorReportForm(forms.ModelForm):
    """ "Signaler une erreur": what is wrong, and optionally who is reporting. `website` is a honeypot: the
    field is hidden from people (and from screen readers) but robots fill it in."""

    website = forms.CharField(label="Ne pas remplir ce champ", required=False)

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
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        for name, field in self.fields.items():
            describedby = []
            if field.help_text:
                describedby.append(f"id_{name}_help")
            if self.errors.get(name):
                describedby.append(f"id_{name}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if describedby:
                field.widget.attrs["aria-describedby"] = " ".join(describedby)

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < 5:
            raise forms.ValidationError("Décrivez ce qui est erroné en quelques mots.")
        return message
