"""Search benchmark: a realistic index (every seeded page and actor, plus bulk documents up to the
association's volume of about 1,600 items and 350 actors) and the search URLs worth measuring."""

import random

from search.factories import SearchDocumentFactory
from search.services import get_service

RNG = random.Random(2026)
WORDS = [
    "évaluation",
    "minorité",
    "mise",
    "abri",
    "accueil",
    "provisoire",
    "urgence",
    "orientation",
    "répartition",
    "protection",
    "enfance",
    "ASE",
    "tutelle",
    "asile",
    "OFPRA",
    "CNDA",
    "séjour",
    "majorité",
    "apprentissage",
    "autorisation",
    "travail",
    "scolarisation",
    "santé",
    "jeune",
    "majeur",
    "nationalité",
    "état",
    "civil",
    "jugement",
    "supplétif",
    "OQTF",
    "recours",
    "mainlevée",
    "traite",
    "financement",
]


def seed(scale, home):
    """Index everything already seeded, then bulk-add documents to reach the target volume."""
    service = get_service()
    counts = service.rebuild()
    target = int(2000 * scale)
    existing = sum(counts.values())
    extra = [
        SearchDocumentFactory.build(
            key=f"benchmark.item:{n}",
            kind=RNG.choice(["ressource", "ressource", "ressource", "acteur", "article"]),
            title=" ".join(RNG.sample(WORDS, 4)).capitalize(),
            summary=" ".join(RNG.choices(WORDS, k=30)),
            body=" ".join(RNG.choices(WORDS, k=400)),
            themes=[RNG.choice(["asile", "sejour-majorite", "mise-a-l-abri", "scolarisation"])],
            departements=[RNG.choice(["75", "93", "13", "69"])],
        )
        for n in range(max(0, target - existing))
    ]
    for start in range(0, len(extra), 500):
        service.index(extra[start : start + 500])
    urls = [
        "/recherche/?q=evaluation",
        "/recherche/?q=APT",
        "/recherche/?q=mineurs+isoles+etrangers&kind=ressource",
        "/recherche/?q=asile&theme=asile&departement=93&sort=date",
        "/recherche/?q=asile&page=5",
        '/recherche/?q="mise+a+l%27abri"',
        "/recherche/?q=zzzzzz",
        "/recherche/api/?q=majorite",
        "/recherche/suggest/?q=autor",
    ]
    return urls, {"search_documents": existing + len(extra)}
