"""Demo directory: about 110 fictional actors over 21 départements (Île-de-France, large cities, Corsica,
overseas) and a few national ones, of every kind. Names follow real patterns; contact details are fictional.
Idempotent: actors are keyed by `external_id`."""

import datetime

from django.db import transaction
from django.utils.text import slugify

from taxonomy.models import Departement, Theme

from .models import Actor, ActorKind, Service

# code, main city, postcode, street
PLACES = [
    ("75", "Paris", "75011", "rue du Faubourg-Saint-Antoine"),
    ("93", "Bobigny", "93000", "avenue Jean-Jaurès"),
    ("94", "Créteil", "94000", "avenue du Général-de-Gaulle"),
    ("77", "Melun", "77000", "rue Saint-Barthélemy"),
    ("92", "Nanterre", "92000", "boulevard des Provinces-Françaises"),
    ("95", "Cergy", "95000", "rue de la Croix-Petit"),
    ("91", "Évry-Courcouronnes", "91000", "boulevard de France"),
    ("13", "Marseille", "13003", "boulevard de Paris"),
    ("69", "Lyon", "69007", "rue de Marseille"),
    ("59", "Lille", "59000", "rue Nationale"),
    ("31", "Toulouse", "31000", "allées Jean-Jaurès"),
    ("33", "Bordeaux", "33000", "cours de la Marne"),
    ("44", "Nantes", "44000", "quai de Versailles"),
    ("67", "Strasbourg", "67000", "rue du Faubourg-National"),
    ("06", "Nice", "06000", "avenue Malausséna"),
    ("34", "Montpellier", "34000", "rue de la Loge"),
    ("35", "Rennes", "35000", "boulevard de la Liberté"),
    ("2A", "Ajaccio", "20000", "cours Napoléon"),
    ("2B", "Bastia", "20200", "boulevard Paoli"),
    ("974", "Saint-Denis", "97400", "rue de Paris"),
    ("973", "Cayenne", "97300", "avenue du Général-de-Gaulle"),
]

ASSOCIATION_NAMES = [
    "Passerelles Jeunes Exilés",
    "Droit de Grandir",
    "Le Fil d'Ariane",
    "Horizons Partagés",
    "Accueil et Avenir",
    "Terre d'Asile Jeunesse",
    "Les Ponts de l'Exil",
    "Un Toit, Un Avenir",
]

ROTATING_KINDS = [
    ActorKind.JUSTICE,
    ActorKind.PJJ,
    ActorKind.MISSION_LOCALE,
    ActorKind.AVOCAT,
    ActorKind.SANTE,
    ActorKind.EDUCATION,
    ActorKind.HEBERGEMENT,
    ActorKind.AUTRE,
]

SERVICES_BY_KIND = {
    ActorKind.ASSOCIATION: ["acces-aux-droits", "accompagnement-educatif", "interpretariat"],
    ActorKind.DEPARTEMENT_ASE: [
        "mise-a-l-abri",
        "evaluation",
        "hebergement",
        "accompagnement-educatif",
    ],
    ActorKind.PJJ: ["accompagnement-educatif", "insertion-professionnelle"],
    ActorKind.JUSTICE: ["acces-aux-droits"],
    ActorKind.PREFECTURE: ["acces-aux-droits"],
    ActorKind.MISSION_LOCALE: ["insertion-professionnelle", "scolarisation-formation"],
    ActorKind.AVOCAT: ["acces-aux-droits"],
    ActorKind.SANTE: ["sante", "soutien-psychologique", "interpretariat"],
    ActorKind.EDUCATION: ["scolarisation-formation"],
    ActorKind.HEBERGEMENT: ["hebergement", "mise-a-l-abri", "accompagnement-educatif"],
    ActorKind.ETAT: ["evaluation"],
    ActorKind.AUTRE: ["soutien-psychologique", "interpretariat"],
}

THEMES_BY_KIND = {
    ActorKind.ASSOCIATION: ["representation-legale", "sejour-majorite", "contentieux"],
    ActorKind.DEPARTEMENT_ASE: ["protection-enfance", "evaluation-minorite", "mise-a-l-abri"],
    ActorKind.PJJ: ["protection-enfance"],
    ActorKind.JUSTICE: ["contentieux", "protection-enfance"],
    ActorKind.PREFECTURE: ["sejour-majorite", "etat-civil"],
    ActorKind.MISSION_LOCALE: ["travail-formation", "jeunes-majeurs"],
    ActorKind.AVOCAT: ["contentieux", "eloignement", "asile"],
    ActorKind.SANTE: ["sante"],
    ActorKind.EDUCATION: ["scolarisation"],
    ActorKind.HEBERGEMENT: ["mise-a-l-abri", "jeunes-majeurs"],
    ActorKind.ETAT: ["repartition-nationale", "financement-etat"],
    ActorKind.AUTRE: ["traite", "sante"],
}

NATIONAL = [
    (
        "etat",
        "Mission mineurs non accompagnés (MMNA) – DPJJ",
        "Paris",
        "75019",
        "Cellule nationale d'orientation et d'appui : répartition des jeunes entre départements selon la clé de "
        "répartition, permanence chaque jour ouvré.",
    ),
    (
        "etat",
        "Service national d'appui à l'évaluation (fictif)",
        "Paris",
        "75007",
        "Appui aux départements pour l'évaluation de la minorité et de l'isolement, fiches techniques et formations.",
    ),
    (
        "association",
        "Réseau national Jeunes Exilés et Droits",
        "Paris",
        "75010",
        "Réseau d'associations : veille juridique, formations, plaidoyer pour l'accès aux droits des MNA.",
    ),
    (
        "association",
        "Fédération Accueil Mineurs Isolés",
        "Lyon",
        "69002",
        "Fédération de structures d'accueil ; guide des bonnes pratiques d'accompagnement éducatif.",
    ),
    (
        "avocat",
        "Conférence nationale des avocats d'enfants (fictive)",
        "Paris",
        "75001",
        "Annuaire des avocats formés au droit des mineurs étrangers, dans chaque barreau.",
    ),
    (
        "sante",
        "Centre national de psychotraumatisme des jeunes exilés (fictif)",
        "Paris",
        "75013",
        "Consultations spécialisées et formation des professionnels au psychotraumatisme.",
    ),
    (
        "autre",
        "Ligne d'écoute Jeunes en exil (fictive)",
        "Marseille",
        "13001",
        "Écoute téléphonique anonyme et gratuite, orientation vers les structures locales.",
    ),
    (
        "education",
        "Réseau des CASNAV (fictif)",
        "Paris",
        "75005",
        "Ressources pour l'accueil des élèves allophones nouvellement arrivés et les classes UPE2A.",
    ),
]


def _local_actor(n, index, code, city, postcode, street, name_cursor):
    """The fields of the `index`-th actor of a département."""
    if index == 0:
        kind, name = (
            ActorKind.DEPARTEMENT_ASE,
            f"Conseil départemental – Aide sociale à l'enfance ({city})",
        )
        description = "Accueil provisoire d'urgence, évaluation, placement et suivi des mineurs confiés à l'ASE."
    elif index == 1:
        kind, name = ActorKind.PREFECTURE, f"Préfecture – service des étrangers ({city})"
        description = "Titres de séjour des jeunes majeurs anciennement confiés à l'ASE, autorisations de travail."
    elif index == 2:
        kind = ActorKind.ASSOCIATION
        name = f"{ASSOCIATION_NAMES[name_cursor % len(ASSOCIATION_NAMES)]} – {city}"
        description = "Permanences d'accès aux droits, accompagnement dans les démarches, ateliers de français."
    else:
        kind = ROTATING_KINDS[(n + index) % len(ROTATING_KINDS)]
        name, description = {
            ActorKind.JUSTICE: (
                f"Tribunal judiciaire de {city} – juges des enfants",
                "Assistance éducative, saisine directe par le mineur, recours contre un refus de prise en charge.",
            ),
            ActorKind.PJJ: (
                f"Direction territoriale de la PJJ ({city})",
                "Mesures judiciaires d'investigation éducative, accompagnement des jeunes suivis.",
            ),
            ActorKind.MISSION_LOCALE: (
                f"Mission locale de {city}",
                "Jeunes de 16 à 25 ans : orientation, apprentissage, contrat d'engagement jeune.",
            ),
            ActorKind.AVOCAT: (
                f"Barreau de {city} – antenne des mineurs",
                "Permanence d'avocats formés au droit des mineurs et au droit des étrangers.",
            ),
            ActorKind.SANTE: (
                f"PASS de l'hôpital de {city}",
                "Permanence d'accès aux soins de santé : consultations sans couverture maladie, bilans de santé.",
            ),
            ActorKind.EDUCATION: (
                f"CASNAV de l'académie ({city})",
                "Évaluation scolaire des élèves allophones, affectation en UPE2A.",
            ),
            ActorKind.HEBERGEMENT: (
                f"Foyer éducatif Les Tilleuls ({city})",
                "Hébergement éducatif de jeunes confiés à l'ASE, appartements de semi-autonomie.",
            ),
            ActorKind.AUTRE: (
                f"Centre d'interprétariat social ({city})",
                "Interprétariat en présentiel et par téléphone dans plus de trente langues.",
            ),
        }[kind]
    slug_city = slugify(city)
    return {
        "external_id": f"demo-{code.lower()}-{index}",
        "name": name,
        "kind": kind,
        "address": f"{10 + 7 * index} {street}",
        "postcode": postcode,
        "city": city,
        "phone": f"0{1 + n % 5} 00 {10 + index:02d} {n:02d} 00",
        "email": f"contact-{index}@{slug_city}.example.org",
        "website": f"https://www.{slugify(name)[:40].strip('-')}.example.org/",
        "description": description,
        "last_verified": datetime.date(2026, 1, 1)
        + datetime.timedelta(days=(n * 13 + index * 29) % 300),
    }


def _records():
    name_cursor = 0
    for n, (code, city, postcode, street) in enumerate(PLACES):
        count = 6 if code in {"75", "93", "94", "77", "13", "69"} else 5
        for index in range(count):
            record = _local_actor(n, index, code, city, postcode, street, name_cursor)
            if index == 2:
                name_cursor += 1
            record["departements"] = [code]
            yield record
    for n, (kind, name, city, postcode, description) in enumerate(NATIONAL):
        yield {
            "external_id": f"demo-national-{n}",
            "name": name,
            "kind": kind,
            "address": f"{n + 1} place de la République",
            "postcode": postcode,
            "city": city,
            "phone": f"01 00 00 0{n} 00",
            "email": f"national-{n}@exemple-reseau.example.org",
            "website": f"https://www.{slugify(name)[:40].strip('-')}.example.org/",
            "description": description,
            "last_verified": datetime.date(2026, 3, 1) + datetime.timedelta(days=n * 11),
            "departements": [],
            "is_national": True,
        }


@transaction.atomic
def load(home=None, stdout=None):
    departements = {d.code: d for d in Departement.objects.all()}
    services = {s.slug: s for s in Service.objects.all()}
    themes = {t.slug: t for t in Theme.objects.all()}
    created = 0
    total = 0
    for record in _records():
        total += 1
        codes = record.pop("departements")
        kind = record["kind"]
        # A few associations also work in a neighbouring département.
        if kind == ActorKind.ASSOCIATION and codes and codes[0] in {"93", "94"}:
            codes = codes + ["75"]
        actor = Actor.objects.filter(external_id=record["external_id"]).first()
        if actor is None:
            slug = slugify(record["name"])[:200]
            if Actor.objects.filter(slug=slug).exists():
                slug = f"{slug}-{record['external_id']}"
            actor = Actor(slug=slug)
            created += 1
        for name, value in record.items():
            setattr(actor, name, value)
        actor.is_national = record.get("is_national", False)
        actor.live = True
        # Relations of a ClusterableModel are kept in memory and written by the one save() below.
        actor.departements.set([departements[code] for code in codes])
        actor.services.set([services[slug] for slug in SERVICES_BY_KIND[kind] if slug in services])
        actor.themes.set([themes[slug] for slug in THEMES_BY_KIND[kind] if slug in themes])
        actor.save()
        if actor.live_revision_id is None:
            actor.record_live_revision()
    return f"{total} acteurs ({created} créés), {len(PLACES)} départements et {len(NATIONAL)} nationaux"
