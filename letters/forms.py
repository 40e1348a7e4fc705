"""One form per step, built from the committee's questions. Every answer is posted under the `reponse`
prefix, so the steps not shown travel in hidden fields of the same names."""

from django import forms

from core.forms import AccessibleFormMixin

from . import engine

PREFIX = "reponse"
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"]
MAX_TEXT, MAX_LONG_TEXT = 300, 4000


class StepFormBase(AccessibleFormMixin, forms.Form):
    pass


def _field(question):
    common = {
        "label": question.label,
        "help_text": question.help_text,
        "required": question.required,
    }
    if question.kind == engine.DATE:
        return forms.DateField(
            input_formats=DATE_FORMATS,
            widget=forms.DateInput(attrs={"type": "date"}),
            error_messages={"invalid": "Saisissez une date valide, par exemple 15/03/2026."},
            **common,
        )
    if question.kind == engine.CHOICE:
        return forms.ChoiceField(
            choices=[(choice, choice) for choice in question.choices],
            widget=forms.RadioSelect,
            **common,
        )
    if question.kind == engine.YES_NO:
        return forms.ChoiceField(
            choices=[(engine.YES, "Oui"), (engine.NO, "Non")], widget=forms.RadioSelect, **common
        )
    if question.kind == engine.LONG_TEXT:
        return forms.CharField(
            max_length=MAX_LONG_TEXT, widget=forms.Textarea(attrs={"rows": 5}), **common
        )
    return forms.CharField(max_length=MAX_TEXT, **common)


def step_form(questions, data=None, initial=None):
    """The form of one step's questions, bound to `data` (a POST) or showing `initial` (raw answers)."""
    form_class = type(
        "StepForm", (StepFormBase,), {question.name: _field(question) for question in questions}
    )
    return form_class(data=data, initial=initial, prefix=PREFIX)


def raw_answers(data, questions):
    """Every answer as posted (text, unvalidated): what the hidden fields carry between steps."""
    return {q.name: data.get(f"{PREFIX}-{q.name}", "") for q in questions}
