"""The committee's letter text language: `{{ nom_du_jeune }}` fields and paragraphs shown on a condition.

Committee text is never executed as a Django or Jinja template: a field is replaced by the answer's text in
one pass (an answer that contains `{{ … }}` stays as typed), and a condition compares one answer with one
value. What a letter is made of (`LetterPart`) is plain text; escaping is left to whoever writes it out (the
HTML templates escape, the DOCX writer writes runs of text).
"""

import datetime
import re
from dataclasses import dataclass, field

from django.utils import timezone

from core.dates import format_date

FIELD = re.compile(r"\{\{\s*([a-z][a-z0-9_]*)\s*\}\}")
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
NAME_HELP = "en minuscules, sans accent ni espace, ex. nom_du_jeune"
# Fields every letter may use without asking for them.
TODAY = "date_du_jour"
BUILT_IN = {TODAY}

TEXT, LONG_TEXT, DATE, CHOICE, YES_NO = "texte", "texte_long", "date", "choix", "oui_non"
KINDS = [
    (TEXT, "Texte court"),
    (LONG_TEXT, "Texte long"),
    (DATE, "Date"),
    (CHOICE, "Choix dans une liste"),
    (YES_NO, "Oui / non"),
]
YES, NO = "oui", "non"


@dataclass(frozen=True)
class Question:
    name: str
    label: str
    kind: str = TEXT
    help_text: str = ""
    required: bool = True
    choices: tuple = ()


@dataclass(frozen=True)
class Step:
    title: str
    questions: tuple
    intro: str = ""


@dataclass(frozen=True)
class Condition:
    """Met when the answer `field` is given (a yes/no: « oui »), or, with `value`, equals it."""

    field: str = ""
    value: str = ""

    def holds(self, answers):
        if not self.field:
            return True
        answer = answers.get(self.field)
        if self.value.strip():
            return _comparable(answer) == _comparable(self.value)
        if answer in (None, "", False):
            return False
        return _comparable(answer) != NO


@dataclass
class LetterPart:
    """A paragraph (`lines`) or a list (`items`) of the letter, in one of the letter's styles."""

    style: str
    lines: list = field(default_factory=list)
    items: list = field(default_factory=list)
    title: str = ""

    @property
    def text(self):
        return "\n".join(self.lines)


def _comparable(value):
    if isinstance(value, bool):
        return YES if value else NO
    return " ".join(str(value or "").split()).casefold()


def placeholders(text):
    return FIELD.findall(text or "")


def text_errors(text, known):
    """What is wrong with a piece of committee text: unknown fields, braces that are not a field."""
    errors = []
    for name in placeholders(text):
        if name not in known and name not in BUILT_IN:
            errors.append(f"Le champ « {name} » n'existe dans aucune question.")
    rest = FIELD.sub("", text or "")
    if "{{" in rest or "}}" in rest or "{%" in rest or "%}" in rest:
        errors.append(
            "Accolades mal formées : un champ s'écrit {{ nom_du_champ }} "
            f"({NAME_HELP}) ; aucune autre syntaxe n'est permise."
        )
    return errors


def display(question, value):
    """The text an answer puts into the letter."""
    if value in (None, ""):
        return ""
    if question.kind == DATE and isinstance(value, datetime.date):
        return format_date(value)
    if question.kind == YES_NO:
        return "oui" if value in (True, YES) else "non"
    return str(value)


def values_for_letter(questions, answers, today=None):
    """{field: text} for every question, with the built-in fields."""
    values = {q.name: display(q, answers.get(q.name)) for q in questions}
    values[TODAY] = format_date(today or timezone.localdate())
    return values


def fill(text, values):
    """`text` with each field replaced by its value, in one pass: a value is never read as a field."""
    return FIELD.sub(lambda match: values.get(match[1], ""), text or "")


def fill_lines(text, values):
    """The filled text as lines, the committee's line breaks kept. A line that held fields and is left
    blank (an optional address line not answered) is dropped."""
    lines = []
    for line in (text or "").splitlines():
        filled = fill(line, values).rstrip()
        if filled.strip() or not FIELD.search(line):
            lines.append(filled)
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


@dataclass(frozen=True)
class ParagraphSpec:
    style: str
    text: str
    condition: Condition = Condition()


@dataclass(frozen=True)
class ListSpec:
    title: str
    items: tuple  # of (text, Condition)
    condition: Condition = Condition()
    style: str = "liste"


def compose(specs, questions, answers, today=None, show_all=False):
    """The letter's parts for these answers (cleaned values by field name): conditions applied, fields
    filled. Parts left empty disappear. `show_all` (the committee's preview) keeps every part, each field
    shown as its question in brackets."""
    values = values_for_letter(questions, answers, today)
    if show_all:
        values.update({q.name: f"[{q.label}]" for q in questions})

    def shown(condition):
        return show_all or condition.holds(answers)

    parts = []
    for spec in specs:
        if not shown(spec.condition):
            continue
        if isinstance(spec, ListSpec):
            items = [
                " ".join(fill_lines(text, values))
                for text, condition in spec.items
                if shown(condition)
            ]
            items = [item for item in items if item.strip()]
            if items:
                parts.append(
                    LetterPart(style=spec.style, items=items, title=fill(spec.title, values))
                )
        else:
            lines = fill_lines(spec.text, values)
            if lines:
                parts.append(LetterPart(style=spec.style, lines=lines))
    return parts
