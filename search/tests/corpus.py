"""A fixed, demo-like corpus: what the contract and relevance tests search."""

import datetime

from content.factories import ArticlePageFactory, DossierPageFactory, ResourcePageFactory
from content.models import DossierIndexPage, ResourceIndexPage
from directory.factories import ActorFactory
from taxonomy.models import Departement, Theme

DOSSIERS = {
    "evaluation": (
        "Évaluation de la minorité et de l'isolement",
        "evaluation-minorite",
        "Comment se déroulent les entretiens d'évaluation, la consultation du fichier AEM et les examens.",
    ),
    "apt": (
        "Autorisation provisoire de travail et apprentissage",
        "travail-formation",
        "Signer un contrat d'apprentissage : la demande d'autorisation provisoire de travail sur l'ANEF.",
    ),
    "majorite": (
        "Accès à la majorité et titre de séjour",
        "sejour-majorite",
        "Préparer la demande de titre de séjour avant 18 ans, selon l'âge de la prise en charge.",
    ),
    "abri": (
        "Mise à l'abri et accueil provisoire d'urgence",
        "mise-a-l-abri",
        "Le département doit mettre à l'abri toute personne se déclarant mineure et privée de protection.",
    ),
    "jeune_majeur": (
        "Contrat jeune majeur et accompagnement après 18 ans",
        "jeunes-majeurs",
        "L'accompagnement des jeunes majeurs jusqu'à 21 ans depuis la loi du 7 février 2022.",
    ),
    "nationalite": (
        "Déclaration de nationalité française",
        "nationalite",
        "Après trois ans de prise en charge par l'ASE, l'article 21-12 du Code civil ouvre la déclaration.",
    ),
}

ARTICLES = {
    "osseux": (
        "evaluation",
        "Les examens osseux",
        "Radiographies osseuses : décision judiciaire, consentement, et le doute profite au jeune.",
    ),
    "recours": (
        "abri",
        "Contester un refus de prise en charge",
        "Saisir le juge des enfants après une décision de refus d'admission à l'ASE.",
    ),
}

RESOURCES = {
    "cle": (
        "Arrêté du 28 juin 2016 fixant la clé de répartition",
        "texte-juridique",
        datetime.date(2016, 6, 28),
        "repartition-nationale",
        [],
        "Clé de répartition des mineurs non accompagnés entre les départements, modifiée en 2024.",
    ),
    "rapport_mie": (
        "Rapport sur la prise en charge des mineurs isolés étrangers",
        "rapport",
        datetime.date(2014, 3, 1),
        "protection-enfance",
        [],
        "État des lieux de l'accueil des mineurs isolés étrangers par les conseils départementaux.",
    ),
    "scolarisation": (
        "Guide de la scolarisation des élèves allophones",
        "guide",
        datetime.date(2022, 9, 1),
        "scolarisation",
        [],
        "UPE2A, CASNAV : l'inscription au collège et au lycée des jeunes nouvellement arrivés.",
    ),
    "oqtf": (
        "Décision sur une obligation de quitter le territoire",
        "jurisprudence",
        datetime.date(2023, 11, 15),
        "eloignement",
        [],
        "OQTF notifiée à un jeune majeur pris en charge par l'ASE : annulation par le tribunal administratif.",
    ),
    "financement": (
        "Financement de l'évaluation et de la mise à l'abri par l'État",
        "texte-juridique",
        datetime.date(2023, 12, 27),
        "financement-etat",
        ["75"],
        "Décret n° 2023-1240 : 500 euros par personne évaluée, 90 euros par jour de mise à l'abri.",
    ),
    "protocole": (
        "Protocole départemental de Seine-Saint-Denis",
        "rapport",
        datetime.date(2021, 2, 1),
        "mise-a-l-abri",
        ["93"],
        "Protocole entre le parquet et l'ASE pour la mise à l'abri et l'orientation des jeunes.",
    ),
    "dap": (
        "Fiche d'expert : la délégation d'autorité parentale",
        "fiche-expert",
        datetime.date(2020, 5, 4),
        "representation-legale",
        ["93", "75"],
        "Qui exerce l'autorité parentale pour un mineur non accompagné : tutelle ou délégation.",
    ),
}

ACTORS = {
    "mission_locale": (
        "Mission locale de Paris",
        "mission-locale",
        ["75"],
        "Accompagnement des 16-25 ans vers l'emploi.",
    ),
    "infomie": (
        "InfoMIE",
        "association",
        [],
        "Centre de ressources national sur les mineurs isolés étrangers.",
    ),
}


def build():
    """Create the corpus (published, public) and return {name: object}."""
    themes = {t.slug: t for t in Theme.objects.all()}
    departements = {d.code: d for d in Departement.objects.filter(code__in=["75", "93"])}
    dossier_index = DossierIndexPage.objects.get()
    resource_index = ResourceIndexPage.objects.get()
    items = {}
    for name, (title, theme, intro) in DOSSIERS.items():
        dossier = DossierPageFactory(
            parent=dossier_index, title=title, introduction=f"<p>{intro}</p>"
        )
        dossier.themes.set([themes[theme]])
        dossier.save()
        items[name] = dossier
    for name, (dossier, title, text) in ARTICLES.items():
        items[name] = ArticlePageFactory(
            parent=items[dossier],
            title=title,
            introduction="",
            body=[("paragraph", f"<p>{text}</p>")],
        )
    for name, (title, kind, date, theme, codes, summary) in RESOURCES.items():
        resource = ResourcePageFactory(
            parent=resource_index, title=title, kind=kind, date=date, summary=summary
        )
        resource.themes.set([themes[theme]])
        resource.departements.set([departements[c] for c in codes])
        resource.save()
        items[name] = resource
    for name, (title, kind, codes, description) in ACTORS.items():
        actor = ActorFactory(name=title, kind=kind, description=description)
        actor.departements.set([departements[c] for c in codes])
        actor.save()
        items[name] = actor
    return items


# The relevance set's own additions (tests/test_search_relevance.py), kept out of `build` so that the
# contract suite's counts stay as they are: tags, département and region names, legal references typed
# in several ways, a directory flooding a common acronym, and web addresses in a summary.
TAGS = {
    "evaluation": ["tests osseux", "visa biométrique"],
    "jeune_majeur": ["sortie de l'ASE"],
    "scolarisation": ["DELF", "CIO"],
    "cle": ["péréquation"],
}

EXTRA_RESOURCES = {
    "casf": (
        "Code de l'action sociale et des familles : l'accueil provisoire d'urgence",
        "texte-juridique",
        datetime.date(2016, 3, 14),
        "evaluation-minorite",
        [],
        "CASF, art. L. 221-2-4 : le président du conseil départemental met à l'abri et évalue.",
    ),
    "decret_2019": (
        "Décret relatif aux modalités d'évaluation des mineurs",
        "texte-juridique",
        datetime.date(2019, 1, 30),
        "evaluation-minorite",
        [],
        "Décret n° 2019-57 : le fichier d'appui à l'évaluation, codifié au R221-11 du CASF.",
    ),
    "activite_2019": (
        "Rapport d'activité 2019 de la mission nationale",
        "rapport",
        datetime.date(2020, 6, 1),
        "repartition-nationale",
        [],
        "En 2019, selon le décret, 57 départements ont transmis leurs chiffres ; 2 000 jeunes orientés.",
    ),
    # Neighbours of the references above: the same numbers, in other references.
    "casf_221_1": (
        "CASF, article L. 221-1 : les missions de l'aide sociale à l'enfance",
        "texte-juridique",
        datetime.date(2016, 3, 14),
        "protection-enfance",
        [],
        "Complété par les articles L. 222-4-2 et L. 223-2.",
    ),
    "casf_223_2": (
        "CASF, article L. 223-2 : l'accueil d'urgence de soixante-douze heures",
        "texte-juridique",
        datetime.date(2016, 3, 14),
        "protection-enfance",
        [],
        "Renvoie aux articles L. 221-4 et L. 222-5.",
    ),
    "casf_224_4": (
        "CASF, article L. 224-4 : les pupilles de l'État",
        "texte-juridique",
        datetime.date(2016, 3, 14),
        "protection-enfance",
        [],
        "Voir aussi l'article L. 221-2.",
    ),
    "chiffres_2019": (
        "Chiffres clés 2019 de la protection de l'enfance",
        "rapport",
        datetime.date(2020, 3, 1),
        "protection-enfance",
        [],
        "Depuis le décret sur l'évaluation, 57 % des jeunes accueillis ont plus de 16 ans.",
    ),
    "bilan_2019": (
        "Bilan 2019 de la répartition nationale",
        "rapport",
        datetime.date(2020, 4, 1),
        "repartition-nationale",
        [],
        "57 départements ont accueilli plus de jeunes que le décret ne le prévoyait.",
    ),
    "observatoire_2023": (
        "Rapport annuel 2023 de l'Observatoire",
        "rapport",
        datetime.date(2024, 3, 1),
        "protection-enfance",
        [],
        "1240 places d'hébergement ouvertes, financées selon le décret de décembre.",
    ),
    "evaluations_2023": (
        "Bilan 2023 des évaluations",
        "rapport",
        datetime.date(2024, 4, 1),
        "evaluation-minorite",
        [],
        "1240 évaluations conduites dans l'année, remboursées par l'État au titre du décret.",
    ),
    "activite_2023": (
        "Rapport d'activité 2023 de la cellule nationale",
        "rapport",
        datetime.date(2024, 5, 1),
        "repartition-nationale",
        [],
        "Un décret a modifié le financement ; 1240 orientations vers les départements.",
    ),
    "schema_13": (
        "Schéma départemental de prévention et de protection de l'enfance",
        "rapport",
        datetime.date(2022, 4, 1),
        "protection-enfance",
        ["13"],
        "Orientations pour l'accueil des jeunes confiés (texte intégral : https://www.example.org/"
        "schema-2022.pdf, annexes sur www.example.org/annexes).",
    ),
}

EXTRA_DOSSIERS = {
    "qui_fait_quoi": (
        "Protection de l'enfance : qui fait quoi",
        "protection-enfance",
        "Accueil, placement et suivi : les missions de l'ASE et du juge des enfants.",
    ),
}

EXTRA_ACTORS = {
    "maore": (
        "Association Mlezi Maore",
        "hebergement",
        ["976"],
        "Hébergement et accompagnement éducatif des jeunes isolés.",
    ),
}

# One « Conseil départemental – ASE » per département, as in the demo directory.
ASE_DEPARTEMENTS = ["75", "77", "78", "91", "92", "93", "94", "95", "13", "69", "33", "59"]


def build_extended():
    """`build`, plus the relevance set's additions; returns {name: object}."""
    from agenda.factories import EventFactory

    items = build()
    codes = {"13", "34", "976", *ASE_DEPARTEMENTS}
    departements = {d.code: d for d in Departement.objects.filter(code__in=codes)}
    themes = {t.slug: t for t in Theme.objects.all()}
    for name, tags in TAGS.items():
        items[name].tags.add(*tags)
        items[name].save()
    dossier_index = DossierIndexPage.objects.get()
    for name, (title, theme, intro) in EXTRA_DOSSIERS.items():
        dossier = DossierPageFactory(
            parent=dossier_index, title=title, introduction=f"<p>{intro}</p>"
        )
        dossier.themes.set([themes[theme]])
        dossier.save()
        items[name] = dossier
    resource_index = ResourceIndexPage.objects.get()
    for name, (title, kind, date, theme, codes, summary) in EXTRA_RESOURCES.items():
        resource = ResourcePageFactory(
            parent=resource_index, title=title, kind=kind, date=date, summary=summary
        )
        resource.themes.set([themes[theme]])
        resource.departements.set([departements[c] for c in codes])
        resource.save()
        items[name] = resource
    for name, (title, kind, codes, description) in EXTRA_ACTORS.items():
        actor = ActorFactory(name=title, kind=kind, description=description, city="")
        actor.departements.set([departements[c] for c in codes])
        actor.save()
        items[name] = actor
    for code in ASE_DEPARTEMENTS:
        actor = ActorFactory(
            name=f"Conseil départemental – Aide sociale à l'enfance ({departements[code].name})",
            kind="departement-ase",
            description="Accueil provisoire d'urgence, évaluation, placement et suivi des mineurs "
            "confiés à l'ASE.",
        )
        actor.departements.set([departements[code]])
        actor.save()
    items["journee_34"] = EventFactory(
        title="Journée d'étude : l'accueil des jeunes exilés",
        summary="Rencontre des équipes éducatives et des juristes.",
        departement=departements["34"],
        city="Montpellier",
        postcode="34000",
    )
    return items
