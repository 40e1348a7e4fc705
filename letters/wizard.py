"""The guided form: one step of questions per screen, then the letter to check and download.

Nothing is kept on the server between two screens: each screen posts every answer (the other steps' in
hidden fields), and the letter is produced from the post and returned. No session, no database row, no file,
no log line holds an answer; the pages are never cached (`no-store`)."""

from django.conf import settings
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from core.ratelimit import allow, client_ip

from . import documents
from .forms import PREFIX, raw_answers, step_form

NEXT, BACK, DOCX, PDF = "suivant", "precedent", "docx", "pdf"
EDIT = "modifier-"  # "modifier-2": back to step 2 from the letter
TEMPLATE = "letters/letter_model_page.html"
PREVIEW_LETTER = "courrier"  # the admin's preview of the letter, every field and condition shown


def DOWNLOADS_PER_HOUR():  # noqa: N802 (a setting)
    return getattr(settings, "LETTERS_DOWNLOADS_PER_HOUR", 60)


def no_store(response, answers=True):
    """Never cached (the first step holds a CSRF token); once it holds answers, never indexed nor sent on
    as a referrer either."""
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, private"
    response["Referrer-Policy"] = "same-origin"
    if answers:
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class Wizard:
    def __init__(self, page, data=None):
        self.page = page
        self.steps = page.step_list()
        self.questions = [q for step in self.steps for q in step.questions]
        self.data = data
        self.raw = raw_answers(data, self.questions) if data is not None else {}

    def last(self):
        return len(self.steps) - 1

    def posted_step(self):
        try:
            return min(max(int(self.data.get("etape", 0)), 0), self.last())
        except (TypeError, ValueError):
            return 0

    def bound(self, index):
        return step_form(self.steps[index].questions, data=self.data)

    def showing(self, index):
        return step_form(self.steps[index].questions, initial=self.raw)

    def validate_all(self):
        """(answers cleaned, None) when every step is valid, else (None, (first invalid step, its form))."""
        answers = {}
        for index in range(len(self.steps)):
            form = self.bound(index)
            if not form.is_valid():
                return None, (index, form)
            answers.update(form.cleaned_data)
        return answers, None

    def hidden(self, index=None):
        """(name, raw answer) of the questions not on step `index`, to carry in hidden fields."""
        shown = {q.name for q in self.steps[index].questions} if index is not None else set()
        return [
            (f"{PREFIX}-{q.name}", self.raw.get(q.name, ""))
            for q in self.questions
            if q.name not in shown
        ]


def serve_wizard(page, request, preview_mode=None):
    """The answer to a GET (the first step; in the admin's preview, the letter with its fields shown) or
    to a POST of one screen (the next or previous step, the letter, or the document)."""
    request.sensitive_post_parameters = "__ALL__"  # never in an error report
    wizard = Wizard(page, request.POST if request.method == "POST" else None)
    if request.method != "POST":
        if preview_mode == PREVIEW_LETTER:
            return _render(request, wizard, None, parts=page.compose({}, show_all=True))
        return _render(request, wizard, 0, wizard.showing(0))
    action = request.POST.get("action", NEXT)
    index = wizard.posted_step()
    if action == BACK:
        return _render(request, wizard, max(index - 1, 0), wizard.showing(max(index - 1, 0)))
    if action.startswith(EDIT):
        try:
            target = min(max(int(action.removeprefix(EDIT)), 0), wizard.last())
        except ValueError:
            target = 0
        return _render(request, wizard, target, wizard.showing(target))
    if action == NEXT and index < wizard.last():
        form = wizard.bound(index)
        if not form.is_valid():
            return _render(request, wizard, index, form, status=400)
        return _render(request, wizard, index + 1, wizard.showing(index + 1))
    answers, invalid = wizard.validate_all()
    if invalid:
        return _render(request, wizard, *invalid, status=400)
    parts = page.compose(answers)
    if action in (DOCX, PDF):
        if not allow("letters-download", client_ip(request), DOWNLOADS_PER_HOUR(), 3600):
            return _render(request, wizard, None, parts=parts, status=429, too_many=True)
        return _download(page, parts, action)
    return _render(request, wizard, None, parts=parts)


def _render(request, wizard, index, form=None, parts=None, status=200, too_many=False):
    page = wizard.page
    context = {
        "page": page,
        "self": page,
        "steps": wizard.steps,
        "step_index": index,
        "step": wizard.steps[index] if index is not None else None,
        "form": form,
        "hidden": wizard.hidden(index),
        "parts": parts,
        "posted": request.method == "POST",
        "is_last_step": index == wizard.last(),
        "too_many": too_many,
    }
    response = TemplateResponse(request, TEMPLATE, context, status=status)
    return no_store(response, answers=request.method == "POST")


def _download(page, parts, kind):
    if kind == DOCX:
        content = documents.docx_bytes(page, parts)
        content_type = documents.DOCX_TYPE
    else:
        content = documents.pdf_bytes(page, parts)
        content_type = "application/pdf"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.{kind}"'
    return no_store(response)
