from django.utils.functional import SimpleLazyObject

from core import freshness

NAVIGATION = [
    ("/dossiers/", "Dossiers"),
    ("/ressources/", "Ressources"),
    ("/annuaire/", "Annuaire"),
    ("/agenda/", "Agenda"),
    ("/pratiques/", "Pratiques"),
    ("/outils/", "Outils"),
    ("/permanence/", "Permanence juridique"),
    ("/lexique/", "Lexique"),
]


def navigation(request):
    """The header menu with the current section marked for `aria-current`."""
    path = request.path
    return {
        "navigation": [
            {"url": url, "label": label, "current": path.startswith(url)}
            for url, label in NAVIGATION
        ]
    }


def published_version(request):
    """`version`, the published-content version that keys the templates' cached fragments
    (`{% cache … version … %}`): read from the cache only by a page that has such a fragment."""
    return {"version": SimpleLazyObject(freshness.version)}
