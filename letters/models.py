"""Model letters: content the committee writes and versions in the admin, through the moderation workflow.

`/outils/courriers/` lists the live models of the one `LetterIndexPage`; each `LetterModelPage` is a guided
form (steps of questions) and a letter text with fields and conditions (`letters.engine`). The pages sit
in the page tree under the home page, but their public address is under `/outils/` (see `get_url_parts`):
the tree address redirects there.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from content.models import ReviewableMixin, SectionIndexPage
from core import legal
from core.blocks import LegalReferenceBlock

from . import engine
from .blocks import LetterBlock, StepsBlock, choice_list


class LetterIndexPage(SectionIndexPage):
    """`/outils/courriers/`: the model letters, each with what it is for."""

    subpage_types = ["letters.LetterModelPage"]

    class Meta:
        verbose_name = "index des courriers types"

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        return parts and (parts[0], parts[1], reverse("letters:index"))

    def serve(self, request, *args, **kwargs):
        if request.path != reverse("letters:index"):
            return redirect("letters:index", permanent=True)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["letters"] = (
            LetterModelPage.objects.child_of(self).live().public().order_by("title")
        )
        return context


class LetterModelPage(ReviewableMixin, Page):
    """A model letter: the questions asked step by step, the letter they fill in, the law it relies on
    and the dossier that explains it. The answers are never stored (see `letters.wizard`)."""

    introduction = models.TextField(
        "à quoi sert ce courrier", help_text="Affiché dans la liste et en tête du formulaire."
    )
    steps = StreamField(StepsBlock(), verbose_name="questions, par étape")
    letter = StreamField(LetterBlock(), verbose_name="texte du courrier")
    legal_references = StreamField(
        [("legal_reference", LegalReferenceBlock())],
        blank=True,
        verbose_name="références juridiques",
    )
    dossier = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="dossier qui l'explique",
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("steps"),
        FieldPanel("letter"),
        FieldPanel("legal_references"),
        PageChooserPanel("dossier", ["content.DossierPage", "content.ArticlePage"]),
    ]
    promote_panels = Page.promote_panels + ReviewableMixin.review_panels
    parent_page_types = ["letters.LetterIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "courrier type"
        verbose_name_plural = "courriers types"

    # What the committee wrote, read by the wizard and the engine.

    def step_list(self):
        return [
            engine.Step(
                title=step.value["title"],
                intro=step.value["intro"],
                questions=tuple(
                    engine.Question(
                        name=q["name"],
                        label=q["label"],
                        kind=q["kind"],
                        help_text=q["help_text"],
                        required=q["required"],
                        choices=tuple(choice_list(q["choices"])),
                    )
                    for q in step.value["questions"]
                ),
            )
            for step in self.steps
        ]

    def questions(self):
        return [question for step in self.step_list() for question in step.questions]

    def letter_specs(self):
        specs = []
        for block in self.letter:
            value = block.value
            condition = engine.Condition(value["condition_field"], value["condition_value"])
            if block.block_type == "list":
                items = tuple(
                    (
                        item["text"],
                        engine.Condition(item["condition_field"], item["condition_value"]),
                    )
                    for item in value["items"]
                )
                specs.append(engine.ListSpec(value["title"], items, condition))
            else:
                specs.append(engine.ParagraphSpec(value["style"], value["text"], condition))
        return specs

    def compose(self, answers, today=None, show_all=False):
        return engine.compose(self.letter_specs(), self.questions(), answers, today, show_all)

    @property
    def references(self):
        return [block.value for block in self.legal_references]

    def clean(self):
        super().clean()
        errors = {}
        questions = self.questions()
        names = [q.name for q in questions]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            errors["steps"] = [
                f"Deux questions ont le même nom de champ : {', '.join(duplicates)}."
            ]
        known = {q.name: q for q in questions}
        problems = []
        for spec in self.letter_specs():
            texts = [spec.text] if isinstance(spec, engine.ParagraphSpec) else [spec.title]
            conditions = [spec.condition]
            if isinstance(spec, engine.ListSpec):
                texts += [text for text, _ in spec.items]
                conditions += [condition for _, condition in spec.items]
            for text in texts:
                problems += engine.text_errors(text, known)
            for condition in conditions:
                problems += _condition_errors(condition, known)
        if problems:
            errors["letter"] = list(dict.fromkeys(problems))
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.legal_links_to_fix = sum(
            not legal.reaches_source(reference) for reference in self.references
        )
        super().save(*args, **kwargs)

    # Where it is served.

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        return parts and (parts[0], parts[1], reverse("letters:letter", args=[self.slug]))

    def serve(self, request, *args, **kwargs):
        """The guided form at its public address; the page tree's address redirects there."""
        from .wizard import serve_wizard

        if request.path != reverse("letters:letter", args=[self.slug]):
            return redirect("letters:letter", slug=self.slug, permanent=True)
        return serve_wizard(self, request)

    preview_modes = [("", "Formulaire"), ("courrier", "Courrier, tous les paragraphes")]

    def serve_preview(self, request, mode_name):
        from .wizard import serve_wizard

        return serve_wizard(self, request, preview_mode=mode_name)


def _condition_errors(condition, known):
    if not condition.field:
        return ["Une valeur de condition est donnée sans nom de champ."] if condition.value else []
    question = known.get(condition.field)
    if question is None:
        return [
            f"La condition porte sur le champ « {condition.field} », qu'aucune question ne pose."
        ]
    value = condition.value.strip().casefold()
    if value and question.kind == engine.YES_NO and value not in (engine.YES, engine.NO):
        return [f"La condition sur « {condition.field} » (oui/non) doit valoir « oui » ou « non »."]
    choices = {choice.casefold() for choice in question.choices}
    if value and question.kind == engine.CHOICE and value not in choices:
        return [
            f"La condition sur « {condition.field} » vaut « {condition.value} », "
            "qui n'est pas l'un des choix proposés."
        ]
    return []
