"""The public archive of sent newsletters: /lettre/, one page per issue, and an RSS feed."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from .issues import resolve
from .models import NewsletterIssue

PER_PAGE = 20


def archive(request):
    page = Paginator(NewsletterIssue.objects.sent(), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "newsletter/archive.html", {"issues": page})


def issue(request, slug):
    issue = get_object_or_404(NewsletterIssue.objects.sent(), slug=slug)
    return render(request, "newsletter/issue.html", {"issue": issue, "blocks": resolve(issue)})
