"""The letter language: fields filled in one pass, conditions, the committee's mistakes reported."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from letters import engine
from letters.engine import Condition, ListSpec, ParagraphSpec, Question

QUESTIONS = [
    Question("nom", "Nom"),
    Question("naissance", "Date de naissance", kind=engine.DATE),
    Question("avocat", "Avocat ?", kind=engine.YES_NO),
    Question("motif", "Motif", kind=engine.CHOICE, choices=("Formation", "Soins")),
    Question("adresse", "Adresse", required=False),
]
TODAY = datetime.date(2026, 12, 1)


def compose(specs, answers):
    return engine.compose(specs, QUESTIONS, answers, today=TODAY)


def test_fields_are_replaced_and_dates_written_in_french():
    parts = compose(
        [ParagraphSpec("texte", "{{ nom }}, né le {{naissance}}, écrit le {{ date_du_jour }}.")],
        {"nom": "Amadou", "naissance": datetime.date(2008, 3, 1)},
    )
    assert parts[0].text == "Amadou, né le 1er mars 2008, écrit le 1er décembre 2026."


def test_an_answer_with_template_syntax_stays_literal():
    hostile = "{{ nom }} {% load static %}{{ settings.SECRET_KEY }} <script>alert(1)</script>"
    parts = compose(
        [ParagraphSpec("texte", "Nom : {{ nom }} / {{ adresse }}")],
        {"nom": hostile, "adresse": "{{ nom }}"},
    )
    assert parts[0].text == f"Nom : {hostile} / {{{{ nom }}}}"


def test_unknown_field_in_text_is_left_empty_never_evaluated():
    assert engine.fill("a {{ inconnu }} b {{ nom.upper }}", {"nom": "x"}) == "a  b {{ nom.upper }}"


def test_a_line_made_only_of_an_unanswered_field_disappears():
    parts = compose([ParagraphSpec("expediteur", "{{ nom }}\n{{ adresse }}\nFrance")], {"nom": "A"})
    assert parts[0].lines == ["A", "France"]


def test_yes_no_condition():
    specs = [
        ParagraphSpec("texte", "Avec avocat.", Condition("avocat")),
        ParagraphSpec("texte", "Sans avocat.", Condition("avocat", "non")),
    ]
    assert [p.text for p in compose(specs, {"avocat": "oui"})] == ["Avec avocat."]
    assert [p.text for p in compose(specs, {"avocat": "non"})] == ["Sans avocat."]
    assert [p.text for p in compose(specs, {})] == []


def test_condition_on_a_value_and_on_a_given_answer():
    specs = [
        ParagraphSpec("texte", "Formation.", Condition("motif", "formation")),
        ParagraphSpec("texte", "Adresse : {{ adresse }}", Condition("adresse")),
    ]
    assert [p.text for p in compose(specs, {"motif": "Formation", "adresse": ""})] == ["Formation."]
    assert [p.text for p in compose(specs, {"motif": "Soins", "adresse": "12 rue X"})] == [
        "Adresse : 12 rue X"
    ]


def test_list_items_on_their_conditions_and_empty_list_dropped():
    spec = ListSpec(
        "Pièces :",
        (
            ("Acte de naissance", Condition()),
            ("Attestation du CFA", Condition("motif", "Formation")),
        ),
    )
    assert compose([spec], {"motif": "Soins"})[0].items == ["Acte de naissance"]
    assert compose([spec], {"motif": "Formation"})[0].items == [
        "Acte de naissance",
        "Attestation du CFA",
    ]
    only_conditional = ListSpec("Pièces :", (("CFA", Condition("motif", "Formation")),))
    assert compose([only_conditional], {"motif": "Soins"}) == []


def test_show_all_for_the_committee_preview():
    specs = [ParagraphSpec("texte", "Avocat : {{ nom }}", Condition("avocat"))]
    parts = engine.compose(specs, QUESTIONS, {}, today=TODAY, show_all=True)
    assert parts[0].text == "Avocat : [Nom]"


def test_text_errors():
    known = {q.name: q for q in QUESTIONS}
    assert engine.text_errors("{{ nom }} le {{ date_du_jour }}", known) == []
    assert engine.text_errors("{{ prenom }}", known) == [
        "Le champ « prenom » n'existe dans aucune question."
    ]
    for bad in ("{{ nom }", "{% if nom %}x{% endif %}", "{{ nom|upper }}", "{{ Nom }}"):
        assert engine.text_errors(bad, known), bad


@given(st.text(), st.text())
def test_any_answer_comes_out_exactly_as_typed(first, second):
    values = {"nom": first, "adresse": second}
    assert engine.fill("{{ nom }}|{{adresse}}", values) == f"{first}|{second}"
