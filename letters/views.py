"""`/outils/courriers/`: the live model letters, served as Wagtail serves a page (view restrictions
included) at the address the tools section gives them."""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_http_methods
from wagtail import hooks

from .models import LetterIndexPage, LetterModelPage


def _serve(request, page):
    """As `wagtail.views.serve` does once it has found the page: its `on_serve_page` chain (view
    restrictions) around `page.serve`, after its `before_serve_page` hooks."""

    def chain(page, request, args, kwargs):
        return page.serve(request, *args, **kwargs)

    for hook in reversed(hooks.get_hooks("on_serve_page")):
        chain = hook(chain)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, (), {})
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, (), {})


def _index():
    index = LetterIndexPage.objects.live().first()
    if index is None:
        raise Http404
    return index


@require_http_methods(["GET", "HEAD"])
def index(request):
    return _serve(request, _index())


@require_http_methods(["GET", "HEAD", "POST"])
def letter(request, slug):
    page = LetterModelPage.objects.child_of(_index()).live().filter(slug=slug).first()
    if page is None:
        raise Http404
    return _serve(request, page)
