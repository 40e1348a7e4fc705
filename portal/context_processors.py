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
