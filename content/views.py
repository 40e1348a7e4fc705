from itertools import groupby

from django.shortcuts import render

from .models import GlossaryEntry


def glossary(request):
    entries = sorted(
        GlossaryEntry.objects.all(), key=lambda entry: (entry.initial, entry.term.lower())
    )
    letters = [(letter, list(group)) for letter, group in groupby(entries, key=lambda e: e.initial)]
    return render(request, "content/glossary.html", {"letters": letters, "count": len(entries)})
