"""Demo dossiers, articles, resources and documents, written for the portal (see content/demo.py).

Only legal references that are public and stable are cited; the network's own documents (activity
reports, study days, sheets) are illustrative and signed by the network, not by an institution.
"""

import datetime

D = datetime.date
# Review dates are relative to the first load, so the demo shows mostly up-to-date content and a few
# pages deliberately overdue for the committee's "À réviser" list.
VERIFIED_DAYS_AGO = 45

LEGIFRANCE = "https://www.legifrance.gouv.fr/"
CODE_URLS = {
    "CASF": "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074069/",
    "CESEDA": "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070158/",
    "CC": "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070721/",
    "CPC": "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070716/",
    "CT": "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072050/",
    "CE": "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006071191/",
    "CSP": "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072665/",
    "CIDE": "https://www.ohchr.org/fr/instruments-mechanisms/instruments/convention-rights-child",
}
CONSEIL_CONSTITUTIONNEL = "https://www.conseil-constitutionnel.fr/"
CEDH = "https://hudoc.echr.coe.int/"


# StreamField blocks in their stored (raw) form.
def p(html):
    return {"type": "paragraph", "value": html}


def ref(code, article, summary, title="", url=None):
    return {
        "type": "legal_reference",
        "value": {
            "code": code,
            "article": article,
            "title": title,
            "summary": summary,
            "url": url or CODE_URLS.get(code, LEGIFRANCE),
        },
    }


def case(court, date, number, summary, url=""):
    return {
        "type": "case_law",
        "value": {"court": court, "date": date, "number": number, "summary": summary, "url": url},
    }


def note(tone, title, html):
    return {"type": "callout", "value": {"tone": tone, "title": title, "text": html}}


def qa(question, answer):
    return {"type": "question_answer", "value": {"question": question, "answer": answer}}


def table(caption, rows):
    return {
        "type": "table",
        "value": {
            "data": rows,
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": caption,
        },
    }


def section(title, *blocks):
    return {"type": "section", "value": {"title": title, "content": list(blocks)}}


# Documents: generated PDFs (see demo.make_pdf), attached to resources.
DOCUMENTS = [
    {
        "key": "fiche-evaluation",
        "title": "Fiche pratique : préparer l'entretien d'évaluation",
        "file_name": "fiche-entretien-evaluation.pdf",
        "lines": [
            "Fiche du réseau à l'usage des professionnels qui accompagnent un jeune vers l'évaluation.",
            "1. Expliquer au jeune le déroulement de l'évaluation, dans une langue qu'il comprend.",
            "2. Réunir les documents d'état civil disponibles, même en copie, sans les confier à un tiers.",
            "3. Rappeler que l'évaluation porte sur l'état civil, la famille, le parcours et le projet.",
            "4. Noter le nom de l'interprète et la durée des entretiens.",
            "5. En cas de refus de prise en charge, le jeune peut saisir directement le juge des enfants.",
            "Références : CASF art. L.221-2-4 et R.221-11 ; arrêté du 20 novembre 2019.",
        ],
    },
    {
        "key": "schema-parcours",
        "title": "Schéma : le parcours d'un mineur non accompagné, de l'arrivée à la majorité",
        "file_name": "schema-parcours-mna.pdf",
        "lines": [
            "Étape 1 : mise à l'abri et accueil provisoire d'urgence par le département.",
            "Étape 2 : évaluation de la minorité et de l'isolement.",
            "Étape 3 : décision judiciaire et orientation nationale par la mission MMNA.",
            "Étape 4 : prise en charge par l'aide sociale à l'enfance, projet pour l'enfant, scolarité.",
            "Étape 5 : préparation de la majorité : titre de séjour, formation, accompagnement jeune majeur.",
            "Étape 6 : recours possibles à chaque étape, devant le juge des enfants ou le juge administratif.",
        ],
    },
    {
        "key": "rapport-activite",
        "title": "Rapport d'activité 2024 du centre de ressources",
        "file_name": "rapport-activite-2024.pdf",
        "lines": [
            "Le centre de ressources a répondu à environ 200 demandes de la permanence juridique.",
            "Les questions venaient de professionnels de plus de 30 départements.",
            "Thèmes les plus fréquents : régularisation des jeunes majeurs, autorisation provisoire de travail,",
            "jugements supplétifs d'état civil, recours contre la fin de prise en charge, contrat jeune majeur.",
            "L'annuaire national recense environ 350 acteurs associatifs et institutionnels.",
            "L'agenda a publié une soixantaine d'événements du réseau.",
        ],
    },
]


def resource(slug, title, kind, date, themes, summary, body="", **extra):
    return {
        "slug": slug,
        "title": title,
        "kind": kind,
        "date": date,
        "themes": themes,
        "summary": summary,
        "body": body,
        **extra,
    }


RESOURCES = [
    # Legal texts
    resource(
        "loi-2016-297-protection-enfant",
        "Loi n° 2016-297 du 14 mars 2016 relative à la protection de l'enfant",
        "texte-juridique",
        D(2016, 3, 14),
        ["protection-enfance", "evaluation-minorite", "repartition-nationale"],
        "La loi qui a inscrit l'orientation nationale des mineurs non accompagnés dans le CASF et encadré les "
        "examens radiologiques osseux dans le Code civil.",
        "<p>La loi réforme la protection de l'enfance : projet pour l'enfant, entretien à 17 ans pour préparer "
        "l'autonomie, et, pour les mineurs privés de la protection de leur famille, un cadre légal à la "
        "répartition entre départements et aux examens osseux (art. 388 du Code civil).</p>",
        tags=["loi", "réforme"],
        source_url=LEGIFRANCE,
        review=24,
    ),
    resource(
        "loi-2022-140-protection-enfants",
        "Loi n° 2022-140 du 7 février 2022 relative à la protection des enfants",
        "texte-juridique",
        D(2022, 2, 7),
        ["protection-enfance", "jeunes-majeurs", "mise-a-l-abri"],
        "Dite loi Taquet : accompagnement des jeunes majeurs sortant de l'ASE, fin des placements à l'hôtel, "
        "fichier AEM systématisé.",
        "<p>La loi oblige le département à accompagner jusqu'à 21 ans les jeunes majeurs anciennement confiés à "
        "l'ASE qui ne disposent pas de ressources ou d'un soutien familial suffisants. Elle interdit l'hébergement "
        "des mineurs confiés à l'ASE dans des hôtels et structures non autorisées, sauf urgence et pour une durée "
        "limitée.</p>",
        tags=["loi", "jeunes majeurs", "hôtel"],
        source_url=LEGIFRANCE,
        review=24,
    ),
    resource(
        "decret-2023-1240-financement",
        "Décret n° 2023-1240 relatif à la participation de l'État à la mise à l'abri et à l'évaluation",
        "texte-juridique",
        D(2023, 12, 22),
        ["financement-etat", "mise-a-l-abri", "evaluation-minorite"],
        "Le forfait versé par l'État, par l'ASP, aux départements pour l'évaluation et la mise à l'abri des "
        "personnes se déclarant mineures.",
        "<p>Depuis 2024 : 500 € par personne évaluée lorsque le département a signé la convention avec le préfet "
        "(ou en applique les mesures) et transmis les dates et le sens des décisions, 100 € sinon ; pour la mise à "
        "l'abri, 90 € par personne et par jour pendant 14 jours au plus, puis 20 € par jour pendant 9 jours au plus "
        "sous conditions. Les demandes sont trimestrielles.</p>",
        tags=["financement", "ASP"],
        source_url=LEGIFRANCE,
    ),
    resource(
        "arrete-28-juin-2016-cle-repartition",
        "Arrêté du 28 juin 2016 pris en application du décret relatif à l'accueil et aux conditions d'évaluation (clé de répartition)",
        "texte-juridique",
        D(2016, 6, 28),
        ["repartition-nationale"],
        "L'arrêté qui fixe les critères de la clé de répartition des mineurs non accompagnés entre départements, "
        "modifié le 1er février 2024 et actualisé chaque année.",
        "<p>La clé tient compte de la population des jeunes de moins de 19 ans du département et de critères "
        "correctifs liés aux prises en charge déjà assurées. Les objectifs par département sont publiés chaque "
        "année.</p>",
        tags=["clé de répartition", "MMNA"],
        source_url=LEGIFRANCE,
    ),
    resource(
        "arrete-20-novembre-2019-evaluation",
        "Arrêté du 20 novembre 2019 relatif aux modalités de l'évaluation des mineurs privés de la protection de leur famille",
        "texte-juridique",
        D(2019, 11, 20),
        ["evaluation-minorite"],
        "Le cadre de l'évaluation sociale : entretiens, langue comprise, pluridisciplinarité, contenu du rapport.",
        "<p>L'arrêté décrit le déroulement de l'évaluation : information de la personne, entretiens conduits "
        "dans une langue qu'elle comprend, au besoin avec un interprète, par des professionnels formés ; il "
        "liste les thèmes abordés et le contenu du rapport transmis au président du conseil départemental.</p>",
        tags=["évaluation", "arrêté"],
        source_url=LEGIFRANCE,
    ),
    resource(
        "decret-2019-57-aem",
        "Décret n° 2019-57 du 30 janvier 2019 (appui à l'évaluation de la minorité)",
        "texte-juridique",
        D(2019, 1, 30),
        ["evaluation-minorite", "etat-civil"],
        "Le décret qui crée le traitement AEM : relevé des empreintes en préfecture et consultation des fichiers "
        "pendant l'évaluation.",
        "<p>Le jeune est présenté en préfecture où ses empreintes et sa photographie sont recueillies ; la "
        "préfecture informe le département des résultats de la consultation des fichiers. Le décret a été validé "
        "par le Conseil constitutionnel puis par le Conseil d'État.</p>",
        tags=["AEM", "fichier"],
        source_url=LEGIFRANCE,
    ),
    resource(
        "casf-l221-2-4",
        "CASF, article L.221-2-4 : mise à l'abri et évaluation",
        "texte-juridique",
        D(2022, 2, 8),
        ["mise-a-l-abri", "evaluation-minorite"],
        "L'article central : le président du conseil départemental met en place un accueil provisoire d'urgence "
        "pour toute personne se déclarant mineure et privée de la protection de sa famille.",
        "<p>Pendant cet accueil, le département évalue la situation de la personne et sa minorité ; il peut "
        "solliciter le préfet pour l'appui à l'évaluation. Au terme de l'évaluation, il saisit l'autorité "
        "judiciaire s'il estime la personne mineure et isolée.</p>",
        tags=["CASF", "accueil provisoire d'urgence"],
        source_url=CODE_URLS["CASF"],
    ),
    resource(
        "code-civil-art-388",
        "Code civil, article 388 : examens radiologiques osseux",
        "texte-juridique",
        D(2016, 3, 16),
        ["evaluation-minorite", "contentieux"],
        "Les examens osseux ne peuvent être réalisés que sur décision judiciaire, avec l'accord de l'intéressé ; "
        "leurs conclusions ne peuvent à elles seules déterminer la minorité, et le doute profite à l'intéressé.",
        "<p>L'article précise aussi qu'il ne peut être procédé à une évaluation de l'âge à partir d'un examen du "
        "développement pubertaire.</p>",
        tags=["tests osseux", "Code civil"],
        source_url=CODE_URLS["CC"],
    ),
    resource(
        "code-civil-art-21-12",
        "Code civil, article 21-12 : déclaration de nationalité de l'enfant recueilli",
        "texte-juridique",
        D(2016, 3, 16),
        ["nationalite", "jeunes-majeurs"],
        "Peut réclamer la nationalité française par déclaration, jusqu'à sa majorité, l'enfant confié depuis au "
        "moins trois ans au service de l'aide sociale à l'enfance.",
        "<p>La déclaration se fait avant 18 ans, auprès du directeur des services de greffe judiciaires du "
        "tribunal judiciaire ; la condition de trois ans s'apprécie à la date de la déclaration.</p>",
        tags=["nationalité", "déclaration"],
        source_url=CODE_URLS["CC"],
    ),
    resource(
        "ceseda-l423-22",
        "CESEDA, article L.423-22 : titre de séjour du jeune confié à l'ASE avant 16 ans",
        "texte-juridique",
        D(2021, 5, 1),
        ["sejour-majorite"],
        "Une carte « vie privée et familiale » est délivrée de plein droit dans l'année des 18 ans au jeune confié "
        "à l'ASE au plus tard à 16 ans, sous conditions.",
        "<p>Conditions : caractère réel et sérieux du suivi de la formation, nature des liens avec la famille "
        "restée dans le pays d'origine, avis de la structure d'accueil sur l'insertion.</p>",
        tags=["titre de séjour", "CESEDA"],
        source_url=CODE_URLS["CESEDA"],
    ),
    resource(
        "ceseda-l435-3",
        "CESEDA, article L.435-3 : admission exceptionnelle du jeune confié entre 16 et 18 ans",
        "texte-juridique",
        D(2021, 5, 1),
        ["sejour-majorite", "travail-formation"],
        "À titre exceptionnel, une carte « salarié » ou « travailleur temporaire » peut être délivrée au jeune "
        "confié à l'ASE entre 16 et 18 ans qui suit depuis au moins six mois une formation qualifiante.",
        "<p>Le préfet apprécie le caractère réel et sérieux de la formation, les liens avec la famille restée dans "
        "le pays d'origine et l'avis de la structure d'accueil. La demande se prépare bien avant les 18 ans.</p>",
        tags=["titre de séjour", "formation"],
        source_url=CODE_URLS["CESEDA"],
    ),
    # Case law
    resource(
        "cc-2018-768-qpc-tests-osseux",
        "Conseil constitutionnel, décision n° 2018-768 QPC du 21 mars 2019",
        "jurisprudence",
        D(2019, 3, 21),
        ["evaluation-minorite", "contentieux"],
        "Les examens radiologiques osseux sont conformes à la Constitution, sous réserve des garanties de "
        "l'article 388 du Code civil.",
        "<p>Le Conseil rattache à la Constitution une exigence de protection de l'intérêt supérieur de l'enfant. "
        "Il rappelle que l'examen ne peut fonder à lui seul la décision, que la marge d'erreur doit figurer dans "
        "les conclusions et que le doute profite à l'intéressé.</p>",
        tags=["tests osseux", "QPC"],
        source_url=CONSEIL_CONSTITUTIONNEL,
        review=24,
    ),
    resource(
        "cc-2019-797-qpc-aem",
        "Conseil constitutionnel, décision n° 2019-797 QPC du 26 juillet 2019",
        "jurisprudence",
        D(2019, 7, 26),
        ["evaluation-minorite", "etat-civil"],
        "Le fichier d'appui à l'évaluation de la minorité est conforme à la Constitution.",
        "<p>Le Conseil juge que la majorité d'une personne ne peut être déduite de son seul refus de se "
        "soumettre au relevé d'empreintes, et que le recueil des données ne dispense pas de l'évaluation.</p>",
        tags=["AEM", "QPC"],
        source_url=CONSEIL_CONSTITUTIONNEL,
        review=24,
    ),
    resource(
        "ce-428478-decret-aem",
        "Conseil d'État, 5 février 2020, n° 428478 (décret AEM)",
        "jurisprudence",
        D(2020, 2, 5),
        ["evaluation-minorite"],
        "Le Conseil d'État rejette le recours d'associations contre le décret créant le traitement AEM.",
        "<p>Il rappelle les garanties posées par le Conseil constitutionnel : l'évaluation sociale reste "
        "nécessaire, et le refus de se rendre en préfecture ne suffit pas à établir la majorité.</p>",
        tags=["AEM"],
        source_url="https://www.conseil-etat.fr/",
        review=24,
    ),
    resource(
        "cedh-khan-c-france",
        "CEDH, Khan c. France, 28 février 2019, n° 12267/16",
        "jurisprudence",
        D(2019, 2, 28),
        ["mise-a-l-abri", "contentieux"],
        "La France a violé l'article 3 de la Convention en ne prenant pas en charge un enfant isolé vivant dans "
        "la lande de Calais.",
        "<p>La Cour juge que l'absence de prise en charge d'un enfant de douze ans, pendant plusieurs mois, dans "
        "un environnement inadapté, constitue un traitement dégradant.</p>",
        tags=["CEDH", "Calais"],
        source_url=CEDH,
        review=24,
    ),
    resource(
        "cedh-darboe-camara-c-italie",
        "CEDH, Darboe et Camara c. Italie, 21 juillet 2022, n° 5797/17",
        "jurisprudence",
        D(2022, 7, 21),
        ["evaluation-minorite", "contentieux"],
        "L'évaluation de l'âge doit respecter des garanties procédurales : information, représentant, recours "
        "effectif, présomption de minorité.",
        "<p>La Cour constate une violation de l'article 8 faute de garanties suffisantes dans la procédure "
        "de détermination de l'âge, et de l'article 3 en raison des conditions d'hébergement.</p>",
        tags=["CEDH", "présomption de minorité"],
        source_url=CEDH,
        review=24,
    ),
    # Reports and studies
    resource(
        "rapport-activite-2024",
        "Rapport d'activité 2024 du centre de ressources",
        "rapport",
        D(2025, 3, 31),
        ["protection-enfance", "jeunes-majeurs"],
        "Les chiffres de l'année : permanence juridique, annuaire, agenda et fréquentation du site.",
        "<p>Le rapport présente l'activité du réseau et les questions les plus fréquentes posées à la "
        "permanence juridique.</p>",
        tags=["rapport d'activité"],
        document="rapport-activite",
        departements=["75", "93", "13", "69"],
    ),
    resource(
        "rapport-activite-2023",
        "Rapport d'activité 2023 du centre de ressources",
        "rapport",
        D(2024, 4, 15),
        ["protection-enfance"],
        "Bilan 2023 du réseau : nouvelles fiches, journées d'étude et demandes de la permanence.",
        tags=["rapport d'activité"],
    ),
    resource(
        "rapport-sorties-ase",
        "Sorties de l'ASE à 18 ans : ce que nous disent les accompagnants",
        "rapport",
        D(2024, 11, 20),
        ["jeunes-majeurs", "sejour-majorite"],
        "Synthèse des situations remontées par le réseau sur les fins de prise en charge sans solution.",
        "<p>Les situations les plus difficiles cumulent titre de séjour non demandé à temps, formation "
        "interrompue et absence d'hébergement. Le rapport propose un calendrier de préparation dès 16 ans.</p>",
        tags=["sortie sèche", "majorité"],
    ),
    resource(
        "rapport-mise-a-l-abri-hotel",
        "Mise à l'abri : l'hébergement hôtelier après la loi de 2022",
        "rapport",
        D(2024, 6, 3),
        ["mise-a-l-abri", "protection-enfance"],
        "État des lieux, par le réseau, des solutions d'hébergement des jeunes en cours d'évaluation.",
        tags=["hôtel", "hébergement"],
        departements=["75", "93", "94", "13"],
    ),
    resource(
        "rapport-permanence-2024-themes",
        "Permanence juridique : les thèmes des demandes 2024",
        "rapport",
        D(2025, 2, 10),
        ["contentieux", "sejour-majorite", "etat-civil"],
        "Répartition des demandes par thème, profession et département.",
        tags=["permanence"],
    ),
    resource(
        "etude-scolarite-upe2a",
        "Parcours scolaires des jeunes accompagnés : de l'UPE2A au diplôme",
        "etude",
        D(2024, 9, 1),
        ["scolarisation", "travail-formation"],
        "Étude qualitative sur l'accès à l'école et à la formation professionnelle des jeunes suivis par le réseau.",
        "<p>Les délais d'affectation après le test du CASNAV varient fortement d'une académie à l'autre ; les "
        "jeunes de plus de 16 ans sont les plus exposés aux refus.</p>",
        tags=["UPE2A", "CASNAV"],
    ),
    resource(
        "etude-sante-mentale",
        "Santé mentale des mineurs non accompagnés : repères pour les équipes",
        "etude",
        D(2023, 10, 10),
        ["sante"],
        "Ce que les psychologues du réseau observent : trauma du parcours, attente, isolement.",
        tags=["santé mentale", "psychotrauma"],
    ),
    resource(
        "etude-evaluation-pratiques",
        "Pratiques d'évaluation de la minorité : une comparaison entre départements",
        "etude",
        D(2023, 5, 22),
        ["evaluation-minorite"],
        "Durées, entretiens, recours à l'interprétariat : les écarts constatés entre dispositifs d'évaluation.",
        tags=["évaluation"],
        departements=["59", "33", "31", "67"],
    ),
    resource(
        "etude-apprentissage",
        "L'apprentissage, voie d'insertion des jeunes confiés à l'ASE",
        "etude",
        D(2025, 1, 15),
        ["travail-formation", "sejour-majorite"],
        "Ce qui favorise la réussite d'un contrat d'apprentissage : employeur, CFA, référent, titre de séjour.",
        tags=["apprentissage", "APT"],
    ),
    # Press
    resource(
        "revue-presse-2025-01",
        "Revue de presse du réseau – janvier 2025",
        "presse",
        D(2025, 1, 31),
        ["protection-enfance", "mise-a-l-abri"],
        "Sélection commentée des articles du mois sur l'accueil des mineurs non accompagnés.",
        tags=["revue de presse"],
    ),
    resource(
        "revue-presse-2024-10",
        "Revue de presse du réseau – octobre 2024",
        "presse",
        D(2024, 10, 31),
        ["jeunes-majeurs", "sejour-majorite"],
        "Les articles du mois, dont plusieurs reportages sur les jeunes majeurs à la rue.",
        tags=["revue de presse"],
    ),
    resource(
        "revue-presse-2024-06",
        "Revue de presse du réseau – juin 2024",
        "presse",
        D(2024, 6, 30),
        ["scolarisation"],
        "Les articles du mois, centrés sur les examens de fin d'année des élèves allophones.",
        tags=["revue de presse"],
    ),
    resource(
        "revue-presse-2023-12",
        "Revue de presse du réseau – décembre 2023",
        "presse",
        D(2023, 12, 31),
        ["financement-etat"],
        "Les articles du mois, autour de la réforme du financement de l'évaluation.",
        tags=["revue de presse"],
    ),
    # Proceedings
    resource(
        "actes-journee-2024-majorite",
        "Actes de la journée d'étude 2024 : préparer la majorité",
        "actes",
        D(2024, 12, 5),
        ["sejour-majorite", "jeunes-majeurs", "travail-formation"],
        "Interventions et échanges de la journée nationale du réseau consacrée au passage à la majorité.",
        "<h3>Programme</h3><ul><li>Le titre de séjour à 18 ans : calendrier et pièces</li><li>L'accompagnement "
        "jeune majeur depuis 2022</li><li>Table ronde : apprentissage et autorisation de travail</li></ul>",
        tags=["journée d'étude"],
    ),
    resource(
        "actes-seminaire-2023-evaluation",
        "Actes du séminaire 2023 : l'évaluation de la minorité",
        "actes",
        D(2023, 11, 16),
        ["evaluation-minorite", "contentieux"],
        "Juges, avocats et évaluateurs confrontent leurs pratiques de l'évaluation et des recours.",
        tags=["séminaire"],
    ),
    resource(
        "actes-rencontre-sante-2022",
        "Actes de la rencontre « Soigner les jeunes exilés »",
        "actes",
        D(2022, 10, 14),
        ["sante"],
        "Accès aux droits de santé et prise en charge du psychotrauma : retours d'expérience.",
        tags=["santé"],
    ),
    # Diagrams
    resource(
        "schema-parcours-mna",
        "Schéma : le parcours d'un mineur non accompagné, de l'arrivée à la majorité",
        "schema",
        D(2025, 5, 12),
        ["mise-a-l-abri", "evaluation-minorite", "repartition-nationale", "sejour-majorite"],
        "Les six étapes du parcours, les acteurs et les recours possibles, sur une page.",
        tags=["parcours", "schéma"],
        document="schema-parcours",
    ),
    resource(
        "schema-orientation-mmna",
        "Schéma : la demande d'orientation nationale auprès de la MMNA",
        "schema",
        D(2024, 3, 8),
        ["repartition-nationale"],
        "Qui saisit la mission, quand, et comment la clé de répartition est appliquée.",
        tags=["MMNA", "schéma"],
    ),
    resource(
        "schema-titres-sejour-18-ans",
        "Schéma : quel titre de séjour à 18 ans ?",
        "schema",
        D(2025, 4, 2),
        ["sejour-majorite"],
        "Arbre de décision selon l'âge de la prise en charge (avant ou après 16 ans) et la situation du jeune.",
        tags=["titre de séjour", "schéma"],
    ),
    # Expert sheets
    resource(
        "fiche-expert-entretien-evaluation",
        "Fiche pratique : préparer l'entretien d'évaluation",
        "fiche-expert",
        D(2025, 6, 20),
        ["evaluation-minorite"],
        "Ce que le jeune doit savoir avant l'évaluation, et ce que l'accompagnant peut faire.",
        tags=["évaluation", "fiche"],
        document="fiche-evaluation",
    ),
    resource(
        "fiche-expert-jugement-supletif",
        "Fiche d'expert : obtenir un jugement supplétif d'acte de naissance",
        "fiche-expert",
        D(2024, 2, 14),
        ["etat-civil"],
        "Quand l'acte de naissance manque ou n'est pas probant : la procédure devant le juge du pays d'origine "
        "ou, à défaut, en France.",
        tags=["état civil", "jugement supplétif"],
        verified_days_ago=420,
    ),
    resource(
        "fiche-expert-recours-mainlevee",
        "Fiche d'expert : contester une fin de prise en charge",
        "fiche-expert",
        D(2025, 3, 3),
        ["contentieux", "evaluation-minorite"],
        "Saisine directe du juge des enfants, appel devant la cour d'appel : délais et pièces utiles.",
        tags=["recours", "mainlevée"],
    ),
    resource(
        "fiche-expert-consulats",
        "Fiche d'expert : les démarches consulaires du jeune confié",
        "fiche-expert",
        D(2024, 7, 9),
        ["etat-civil", "sejour-majorite"],
        "Passeport, carte consulaire, acte de naissance : préparer le rendez-vous au consulat.",
        tags=["consulat", "passeport"],
    ),
    resource(
        "fiche-expert-apt",
        "Fiche d'expert : l'autorisation provisoire de travail du mineur confié",
        "fiche-expert",
        D(2025, 2, 25),
        ["travail-formation"],
        "Pour un apprentissage ou un contrat de professionnalisation, l'autorisation est accordée de droit au "
        "mineur confié à l'ASE.",
        tags=["APT", "apprentissage"],
    ),
    # Guides
    resource(
        "guide-accueil-premiers-jours",
        "Guide : les premiers jours de l'accueil",
        "guide",
        D(2024, 9, 30),
        ["mise-a-l-abri", "sante"],
        "Pour les équipes de mise à l'abri : informer, protéger, orienter vers les soins, sans préjuger de "
        "l'évaluation.",
        tags=["accueil", "guide"],
    ),
    resource(
        "guide-referent-majorite",
        "Guide du référent : préparer les 18 ans",
        "guide",
        D(2025, 1, 20),
        ["sejour-majorite", "jeunes-majeurs", "travail-formation"],
        "Calendrier de 16 à 18 ans : entretien des 17 ans, titre de séjour, formation, accompagnement jeune majeur.",
        tags=["majorité", "référent"],
    ),
    resource(
        "guide-tutelle",
        "Guide : représentation légale du mineur non accompagné",
        "guide",
        D(2023, 9, 12),
        ["representation-legale"],
        "Tutelle, délégation d'autorité parentale, administrateur ad hoc : qui signe quoi.",
        tags=["tutelle", "autorité parentale"],
        verified_days_ago=500,
    ),
    resource(
        "guide-scolarisation",
        "Guide : scolariser un jeune allophone de plus de 16 ans",
        "guide",
        D(2024, 8, 26),
        ["scolarisation"],
        "Test CASNAV, affectation, MLDS, formation obligatoire jusqu'à 18 ans : les démarches et les appuis.",
        tags=["scolarité", "CASNAV"],
    ),
    # Other
    resource(
        "glossaire-imprimable",
        "Lexique imprimable des sigles du secteur",
        "autre",
        D(2025, 7, 1),
        ["protection-enfance"],
        "Une version à imprimer du lexique du portail, pour les nouveaux professionnels.",
        tags=["lexique"],
    ),
    resource(
        "modele-courrier-saisine-je",
        "Modèle de courrier : saisine du juge des enfants par le jeune",
        "autre",
        D(2024, 5, 6),
        ["contentieux", "evaluation-minorite"],
        "Un modèle de requête à adapter, avec la liste des pièces à joindre.",
        tags=["modèle", "recours"],
    ),
    resource(
        "traite-reperage",
        "Repérer les situations de traite et d'exploitation",
        "guide",
        D(2024, 4, 18),
        ["traite", "protection-enfance"],
        "Les signaux d'alerte et les interlocuteurs à saisir quand un jeune semble sous emprise.",
        tags=["traite", "exploitation"],
    ),
    resource(
        "fiche-oqtf-jeune-majeur",
        "Fiche d'expert : OQTF notifiée à un jeune majeur",
        "fiche-expert",
        D(2025, 4, 28),
        ["eloignement", "contentieux", "sejour-majorite"],
        "Délais de recours devant le tribunal administratif et aide juridictionnelle : réagir vite.",
        tags=["OQTF", "recours"],
    ),
]


# ----------------------------------------------------------------------------------------------------
# Dossiers and their articles

DOSSIERS = [
    {
        "slug": "evaluation-de-la-minorite",
        "title": "L'évaluation de la minorité et de l'isolement",
        "description": "Comment le département évalue l'âge et l'isolement d'une personne se déclarant mineure, "
        "et quels recours existent.",
        "themes": ["evaluation-minorite", "contentieux"],
        "tags": ["évaluation", "tests osseux", "AEM"],
        "featured": True,
        "verified_days_ago": 20,
        "review": 6,
        "introduction": "<p>Toute personne qui se déclare mineure et privée de la protection de sa famille est "
        "évaluée par le département, pendant qu'elle est mise à l'abri. L'évaluation conditionne l'accès à la "
        "protection de l'enfance : elle doit être loyale, pluridisciplinaire et conduite dans une langue que la "
        "personne comprend.</p>",
        "key_points": [
            "L'évaluation est conduite pendant l'accueil provisoire d'urgence (CASF art. L.221-2-4).",
            "Les examens osseux ne sont possibles que sur décision judiciaire, avec l'accord de l'intéressé ; le doute lui profite.",
            "Un refus de prise en charge n'empêche pas le jeune de saisir lui-même le juge des enfants.",
        ],
        "body": [
            section(
                "Le déroulement de l'évaluation",
                p(
                    "<p>Les entretiens portent sur l'état civil, la composition familiale, les conditions de vie "
                    "dans le pays d'origine, le parcours migratoire et le projet de la personne. Les documents "
                    "d'état civil présentés sont examinés ; un acte étranger fait foi sauf s'il est établi qu'il "
                    "est irrégulier ou falsifié (Code civil, art. 47).</p>"
                ),
                ref(
                    "CASF",
                    "L.221-2-4",
                    "Le président du conseil départemental met en place un accueil "
                    "provisoire d'urgence et évalue la situation de la personne se déclarant mineure.",
                ),
                ref(
                    "autre",
                    "arrêté du 20 novembre 2019",
                    "Modalités de l'évaluation : information, entretiens, interprète, rapport.",
                    title="Arrêté relatif aux modalités de l'évaluation",
                ),
                ref(
                    "CC",
                    "47",
                    "Les actes d'état civil faits à l'étranger font foi, sauf preuve de leur "
                    "irrégularité ou de leur falsification.",
                ),
                note(
                    "tip",
                    "Préparer l'entretien",
                    "<p>Expliquez au jeune l'objet des entretiens et son droit à "
                    "un interprète. La fiche pratique du réseau peut lui être remise en amont.</p>",
                ),
            ),
            section(
                "Le fichier d'appui à l'évaluation (AEM)",
                p(
                    "<p>Le département peut demander au préfet de recueillir les empreintes et la photographie de "
                    "la personne et de consulter les fichiers. Le refus de s'y soumettre ne peut, à lui seul, "
                    "établir la majorité.</p>"
                ),
                ref(
                    "autre",
                    "décret n° 2019-57",
                    "Création du traitement d'appui à l'évaluation de la minorité.",
                    title="Décret du 30 janvier 2019",
                ),
                case(
                    "Conseil constitutionnel",
                    "2019-07-26",
                    "n° 2019-797 QPC",
                    "Le fichier AEM est conforme à la Constitution ; la majorité ne peut être déduite du seul "
                    "refus du relevé d'empreintes.",
                    CONSEIL_CONSTITUTIONNEL,
                ),
            ),
            section(
                "Les examens radiologiques osseux",
                ref(
                    "CC",
                    "388",
                    "Examens sur décision judiciaire et avec l'accord de l'intéressé ; leurs "
                    "conclusions ne peuvent à elles seules déterminer la minorité ; le doute profite à "
                    "l'intéressé.",
                ),
                case(
                    "Conseil constitutionnel",
                    "2019-03-21",
                    "n° 2018-768 QPC",
                    "Les examens osseux sont conformes à la Constitution sous réserve des garanties de "
                    "l'article 388.",
                    CONSEIL_CONSTITUTIONNEL,
                ),
                note(
                    "warning",
                    "Marge d'erreur",
                    "<p>Les conclusions de l'examen doivent préciser la marge "
                    "d'erreur. Un résultat compatible avec l'âge allégué confirme la minorité.</p>",
                ),
            ),
            section(
                "Après l'évaluation : décision et recours",
                qa(
                    "Que faire après un refus de prise en charge ?",
                    "<p>Le jeune peut saisir directement le juge des enfants d'une requête en assistance "
                    "éducative (Code civil, art. 375). Une décision du juge des enfants peut être frappée d'appel "
                    "dans les quinze jours de sa notification (Code de procédure civile, art. 1191).</p>",
                ),
                ref(
                    "CC",
                    "375",
                    "Le juge des enfants peut ordonner des mesures d'assistance éducative si la "
                    "santé, la sécurité ou la moralité d'un mineur sont en danger.",
                ),
                ref(
                    "CPC",
                    "1191",
                    "Délai d'appel de quinze jours contre les décisions en assistance éducative.",
                ),
            ),
        ],
        "related": [
            "casf-l221-2-4",
            "arrete-20-novembre-2019-evaluation",
            "code-civil-art-388",
            "cc-2018-768-qpc-tests-osseux",
            "fiche-expert-entretien-evaluation",
        ],
        "articles": [
            {
                "slug": "examens-osseux",
                "title": "Les examens osseux : ce que dit le droit",
                "introduction": "Un examen médical ne suffit jamais à établir l'âge : le Code civil encadre "
                "strictement son usage.",
                "body": [
                    p(
                        "<p>L'examen radiologique osseux ne peut être ordonné que par l'autorité judiciaire, en "
                        "l'absence de documents d'identité valables et lorsque l'âge allégué n'est pas "
                        "vraisemblable. La personne doit y consentir, dans une langue qu'elle comprend.</p>"
                    ),
                    ref(
                        "CC",
                        "388",
                        "Cadre des examens osseux et principe selon lequel le doute profite à "
                        "l'intéressé.",
                    ),
                    case(
                        "Conseil constitutionnel",
                        "2019-03-21",
                        "n° 2018-768 QPC",
                        "Une exigence constitutionnelle de protection de l'intérêt supérieur de l'enfant.",
                        CONSEIL_CONSTITUTIONNEL,
                    ),
                ],
            },
            {
                "slug": "recours-contre-un-refus",
                "title": "Contester un refus de prise en charge",
                "introduction": "La saisine directe du juge des enfants, puis l'appel : délais, pièces et "
                "accompagnement.",
                "body": [
                    p(
                        "<p>Le jeune déclaré majeur par le département peut saisir seul le juge des enfants. La "
                        "requête expose sa situation et joint les documents dont il dispose.</p>"
                    ),
                    qa(
                        "Le jeune est-il hébergé pendant la procédure ?",
                        "<p>Pas nécessairement : la fin de l'accueil provisoire suit souvent le refus. Les "
                        "associations et le 115 sont alors sollicités.</p>",
                    ),
                    ref("CPC", "1191", "Appel dans les quinze jours de la notification."),
                ],
            },
        ],
    },
    {
        "slug": "mise-a-l-abri",
        "title": "La mise à l'abri et l'accueil provisoire d'urgence",
        "description": "L'obligation du département de mettre à l'abri toute personne se déclarant mineure, "
        "et la participation financière de l'État.",
        "themes": ["mise-a-l-abri", "financement-etat"],
        "tags": ["accueil", "hôtel", "financement"],
        "featured": True,
        "verified_days_ago": 60,
        "introduction": "<p>Dès qu'une personne se présente comme mineure et sans protection familiale, le "
        "département doit l'héberger et la protéger, avant même toute conclusion sur son âge. L'État rembourse "
        "une partie de cette dépense.</p>",
        "key_points": [
            "La mise à l'abri est due à toute personne se déclarant mineure et isolée.",
            "Depuis la loi du 7 février 2022, l'hébergement à l'hôtel des mineurs confiés est interdit, sauf urgence.",
            "L'État verse 90 € par jour pendant 14 jours au plus, puis 20 € par jour pendant 9 jours au plus, sous conditions.",
        ],
        "body": [
            section(
                "Une obligation immédiate",
                p(
                    "<p>L'accueil provisoire d'urgence commence dès la présentation de la personne. Il comprend "
                    "l'hébergement, la nourriture, l'accès aux soins urgents et une information sur ses droits.</p>"
                ),
                ref(
                    "CASF",
                    "L.221-2-4",
                    "Accueil provisoire d'urgence de toute personne se déclarant mineure et "
                    "privée temporairement ou définitivement de la protection de sa famille.",
                ),
                case(
                    "Cour européenne des droits de l'homme",
                    "2019-02-28",
                    "Khan c. France, n° 12267/16",
                    "L'absence de prise en charge d'un enfant isolé constitue un traitement dégradant.",
                    CEDH,
                ),
            ),
            section(
                "Le financement par l'État",
                p(
                    "<p>Le forfait est versé par l'Agence de services et de paiement (ASP) sur demande "
                    "trimestrielle du département, dans l'année qui suit la fin du trimestre.</p>"
                ),
                table(
                    "Participation de l'État (décret n° 2023-1240)",
                    [
                        ["Phase", "Montant", "Condition"],
                        [
                            "Évaluation",
                            "500 € par personne",
                            "Convention avec le préfet et transmission des décisions",
                        ],
                        ["Évaluation", "100 € par personne", "À défaut"],
                        ["Mise à l'abri, jours 1 à 14", "90 € par jour", "Aucune"],
                        [
                            "Mise à l'abri, jours 15 à 23",
                            "20 € par jour",
                            "Hébergement adapté et premier accompagnement social attestés",
                        ],
                    ],
                ),
                ref(
                    "autre",
                    "décret n° 2023-1240",
                    "Participation forfaitaire de l'État à l'évaluation et à la mise à l'abri.",
                    title="Décret du 22 décembre 2023",
                ),
            ),
            section(
                "L'hébergement à l'hôtel",
                note(
                    "warning",
                    "Interdiction de principe",
                    "<p>La loi du 7 février 2022 interdit de confier des "
                    "mineurs de l'ASE à des hôtels ou à des structures non autorisées ; une dérogation limitée "
                    "reste possible pour les situations d'urgence ou de mise à l'abri.</p>",
                ),
                ref(
                    "autre",
                    "loi n° 2022-140",
                    "Loi relative à la protection des enfants.",
                    title="Loi du 7 février 2022",
                ),
            ),
        ],
        "related": [
            "casf-l221-2-4",
            "decret-2023-1240-financement",
            "cedh-khan-c-france",
            "rapport-mise-a-l-abri-hotel",
            "guide-accueil-premiers-jours",
        ],
        "articles": [
            {
                "slug": "financement-de-l-etat",
                "title": "Le financement de l'État : mode d'emploi pour les départements",
                "introduction": "Forfaits, conditions et calendrier des demandes de remboursement à l'ASP.",
                "body": [
                    p(
                        "<p>Le département transmet chaque trimestre le nombre de personnes évaluées et les jours "
                        "de mise à l'abri. Le forfait d'évaluation majoré suppose la convention signée avec le "
                        "préfet et la transmission des dates et du sens des décisions.</p>"
                    ),
                    note(
                        "info",
                        "Délai",
                        "<p>Les demandes sont adressées dans l'année qui suit la fin du "
                        "trimestre concerné.</p>",
                    ),
                ],
            },
            {
                "slug": "jeunes-en-attente-d-evaluation",
                "title": "Les jeunes en attente d'évaluation : droits pendant l'accueil",
                "introduction": "Hébergement, repas, soins et information : ce qui est dû dès le premier jour.",
                "body": [
                    p(
                        "<p>Pendant l'accueil provisoire d'urgence, la personne est présumée mineure. Elle doit "
                        "être hébergée dans des conditions adaptées, informée de ses droits et orientée vers les "
                        "soins urgents.</p>"
                    ),
                    qa(
                        "L'accueil peut-il être refusé faute de place ?",
                        "<p>Non : l'obligation de mise à l'abri ne dépend pas des places disponibles. Le juge "
                        "administratif peut être saisi en référé.</p>",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "repartition-nationale",
        "title": "L'orientation nationale et la clé de répartition",
        "description": "Le rôle de la mission MMNA et de la clé de répartition entre départements.",
        "themes": ["repartition-nationale"],
        "tags": ["MMNA", "clé de répartition"],
        "verified_days_ago": 120,
        "introduction": "<p>Pour équilibrer l'accueil entre départements, le juge ou le parquet peut solliciter "
        "la mission nationale mineurs non accompagnés (MMNA) qui propose un département d'accueil selon une clé "
        "de répartition, en tenant compte de l'intérêt de l'enfant.</p>",
        "key_points": [
            "La MMNA relève de la direction de la protection judiciaire de la jeunesse (DPJJ).",
            "La clé de répartition est fixée par l'arrêté du 28 juin 2016, modifié le 1er février 2024 et actualisée chaque année.",
            "La permanence de la mission traite les demandes chaque jour ouvré, de 15 h 31 la veille à 15 h 30.",
        ],
        "body": [
            section(
                "Qui décide de l'orientation ?",
                p(
                    "<p>L'autorité judiciaire reste seule compétente pour confier le mineur à un département. La "
                    "MMNA ne fait qu'une proposition, fondée sur la clé de répartition et sur la situation du "
                    "jeune (fratrie, soins en cours, scolarité engagée).</p>"
                ),
                ref(
                    "CASF",
                    "L.221-2-2",
                    "Orientation des mineurs privés de la protection de leur famille entre "
                    "départements, selon des critères fixés par voie réglementaire.",
                ),
                ref(
                    "CC",
                    "375-5",
                    "Le procureur ou le juge peut demander à la MMNA une proposition de "
                    "département d'accueil.",
                ),
            ),
            section(
                "La clé de répartition",
                ref(
                    "autre",
                    "arrêté du 28 juin 2016",
                    "Critères de la clé de répartition, modifiés le 1er février 2024.",
                    title="Arrêté relatif à la clé de répartition",
                ),
                qa(
                    "L'intérêt de l'enfant peut-il justifier un maintien dans le département évaluateur ?",
                    "<p>Oui : le juge apprécie l'intérêt supérieur de l'enfant, par exemple une prise en charge "
                    "médicale en cours ou la présence d'un frère ou d'une sœur.</p>",
                ),
                ref(
                    "CIDE",
                    "3",
                    "L'intérêt supérieur de l'enfant est une considération primordiale.",
                ),
            ),
        ],
        "related": [
            "arrete-28-juin-2016-cle-repartition",
            "schema-orientation-mmna",
            "loi-2016-297-protection-enfant",
        ],
        "articles": [
            {
                "slug": "saisir-la-mmna",
                "title": "Saisir la mission MMNA : calendrier et pièces",
                "introduction": "Comment la demande d'orientation circule entre le parquet, le juge et la mission.",
                "body": [
                    p(
                        "<p>La demande est adressée par l'autorité judiciaire à la permanence de la mission, qui "
                        "répond chaque jour ouvré. Les demandes reçues après 15 h 30 sont traitées le jour ouvré "
                        "suivant.</p>"
                    ),
                    note(
                        "tip",
                        "Signaler la situation particulière",
                        "<p>Joignez à la demande les éléments "
                        "qui justifient un maintien sur place : soins, scolarité, fratrie.</p>",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "representation-legale",
        "title": "La représentation légale du mineur non accompagné",
        "description": "Tutelle, délégation d'autorité parentale et administrateur ad hoc.",
        "themes": ["representation-legale", "protection-enfance"],
        "tags": ["tutelle", "autorité parentale"],
        "verified_days_ago": 400,
        "introduction": "<p>Un placement à l'ASE ne donne pas au département l'autorité parentale. Pour les "
        "actes importants (titre de séjour, asile, compte bancaire, contrat d'apprentissage), le mineur a besoin "
        "d'un représentant légal désigné par le juge.</p>",
        "key_points": [
            "Le juge des tutelles peut ouvrir une tutelle, déférée à l'ASE lorsqu'elle est vacante.",
            "Une délégation d'autorité parentale peut aussi être prononcée.",
            "Pour la demande d'asile, un administrateur ad hoc est désigné à défaut de représentant légal.",
        ],
        "body": [
            section(
                "La tutelle",
                ref(
                    "CC",
                    "390",
                    "La tutelle s'ouvre lorsque le père et la mère sont tous deux décédés ou privés "
                    "de l'exercice de l'autorité parentale.",
                ),
                ref(
                    "CC",
                    "411",
                    "Si la tutelle reste vacante, le juge la défère à la collectivité publique "
                    "compétente en matière d'aide sociale à l'enfance.",
                ),
                note(
                    "info",
                    "Pourquoi la demander tôt",
                    "<p>Sans représentant légal, des démarches simples "
                    "sont bloquées : inscription en apprentissage, ouverture d'un compte, demande de passeport.</p>",
                ),
            ),
            section(
                "La délégation d'autorité parentale",
                ref(
                    "CC",
                    "377",
                    "Le juge peut déléguer tout ou partie de l'exercice de l'autorité parentale, "
                    "notamment au service de l'ASE qui a recueilli l'enfant.",
                ),
                qa(
                    "Tutelle ou délégation : que choisir ?",
                    "<p>La tutelle convient lorsque les parents sont décédés ou injoignables durablement ; la "
                    "délégation, lorsque les parents vivent mais ne peuvent exercer leur autorité. Le juge "
                    "apprécie au cas par cas.</p>",
                ),
            ),
        ],
        "related": ["guide-tutelle", "loi-2016-297-protection-enfant"],
        "articles": [
            {
                "slug": "administrateur-ad-hoc",
                "title": "L'administrateur ad hoc dans la procédure d'asile",
                "introduction": "Qui représente le mineur isolé devant l'OFPRA lorsqu'il n'a pas de tuteur ?",
                "body": [
                    p(
                        "<p>À défaut de représentant légal, le procureur de la République désigne un "
                        "administrateur ad hoc qui assiste le mineur pendant la procédure d'asile et le "
                        "représente dans les actes administratifs et juridictionnels.</p>"
                    ),
                    note(
                        "tip",
                        "Bon réflexe",
                        "<p>Vérifiez la désignation avant d'enregistrer la demande "
                        "d'asile : sans elle, le dossier ne peut pas avancer.</p>",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "demande-d-asile",
        "title": "La demande d'asile du mineur isolé",
        "description": "Déposer une demande d'asile pour un mineur : représentation, OFPRA, CNDA.",
        "themes": ["asile", "representation-legale"],
        "tags": ["asile", "OFPRA", "CNDA"],
        "verified_days_ago": 90,
        "introduction": "<p>Un mineur isolé peut demander l'asile. La protection obtenue (statut de réfugié "
        "ou protection subsidiaire) sécurise son séjour à la majorité ; la demande se prépare avec soin, car "
        "le récit compte autant que les pièces.</p>",
        "key_points": [
            "La demande est instruite par l'OFPRA ; un recours est possible devant la CNDA.",
            "Le mineur est assisté d'un représentant légal ou d'un administrateur ad hoc.",
            "L'asile n'est pas la seule voie : le titre de séjour de droit commun peut être plus adapté.",
        ],
        "body": [
            section(
                "Faut-il demander l'asile ?",
                p(
                    "<p>La demande se justifie lorsque le jeune craint des persécutions ou des atteintes graves en "
                    "cas de retour. Elle ne doit pas être systématique : un refus est sans incidence sur la "
                    "protection de l'enfance, mais il pèse sur le dossier à la majorité.</p>"
                ),
                qa(
                    "Le mineur confié à l'ASE peut-il se voir refuser l'hébergement s'il demande l'asile ?",
                    "<p>Non : il reste pris en charge par l'ASE pendant toute sa minorité.</p>",
                ),
            ),
            section(
                "La procédure",
                p(
                    "<p>L'entretien à l'OFPRA se déroule en présence du représentant ; le mineur peut être "
                    "accompagné d'un avocat ou d'une association. En cas de rejet, le recours devant la CNDA doit "
                    "être formé dans un délai d'un mois.</p>"
                ),
                note(
                    "warning",
                    "Délai de recours",
                    "<p>Un mois à compter de la notification de la décision de "
                    "l'OFPRA : demandez l'aide juridictionnelle sans attendre.</p>",
                ),
                ref(
                    "CIDE",
                    "22",
                    "L'enfant qui cherche à obtenir le statut de réfugié bénéficie de la protection "
                    "et de l'assistance humanitaire voulues.",
                ),
            ),
        ],
        "related": ["guide-tutelle", "actes-seminaire-2023-evaluation", "traite-reperage"],
        "articles": [
            {
                "slug": "entretien-ofpra",
                "title": "Préparer l'entretien à l'OFPRA",
                "introduction": "Le récit personnel est au cœur de la demande : comment aider le jeune à s'y "
                "préparer sans le lui dicter.",
                "body": [
                    p(
                        "<p>Le jeune doit pouvoir expliquer, avec ses mots, ce qu'il craint en cas de retour. "
                        "L'accompagnant l'aide à rassembler les éléments de contexte et à comprendre le "
                        "déroulement de l'entretien, conduit avec un interprète.</p>"
                    ),
                    note(
                        "tip",
                        "Langue de l'entretien",
                        "<p>Indiquez la langue et, si besoin, le dialecte "
                        "dans lesquels le jeune s'exprime le mieux.</p>",
                    ),
                ],
            },
            {
                "slug": "victimes-de-traite",
                "title": "Mineurs victimes de traite : protéger d'abord",
                "introduction": "Exploitation, dettes de passage, réseaux : repérer et protéger le jeune.",
                "body": [
                    p(
                        "<p>Un jeune sous emprise peut fuguer, refuser l'hébergement ou minimiser sa situation. "
                        "Il reste un enfant en danger : le signalement au procureur et une prise en charge "
                        "éloignée du lieu d'exploitation sont prioritaires.</p>"
                    ),
                    ref(
                        "CIDE",
                        "35",
                        "Les États prennent toutes les mesures pour empêcher la traite d'enfants.",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "sejour-a-la-majorite",
        "title": "Le droit au séjour à la majorité",
        "description": "Quel titre de séjour demander à 18 ans, selon l'âge de la prise en charge par l'ASE.",
        "themes": ["sejour-majorite", "eloignement"],
        "tags": ["titre de séjour", "majorité", "OQTF"],
        "featured": True,
        "verified_days_ago": 30,
        "review": 6,
        "introduction": "<p>À 18 ans, le jeune étranger doit détenir un titre de séjour. Les règles diffèrent "
        "selon qu'il a été confié à l'ASE avant ou après ses 16 ans ; dans tous les cas, la demande se prépare "
        "des mois à l'avance.</p>",
        "key_points": [
            "Confié au plus tard à 16 ans : carte « vie privée et familiale » de plein droit (CESEDA art. L.423-22).",
            "Confié entre 16 et 18 ans : admission exceptionnelle au séjour (CESEDA art. L.435-3).",
            "Un mineur ne peut pas faire l'objet d'une OQTF ; un jeune majeur, si.",
        ],
        "body": [
            section(
                "Jeune confié à l'ASE au plus tard à 16 ans",
                ref(
                    "CESEDA",
                    "L.423-22",
                    "Carte de séjour « vie privée et familiale » délivrée de plein droit, "
                    "sous réserve du suivi réel et sérieux d'une formation, des liens familiaux et de l'avis de la "
                    "structure d'accueil.",
                ),
            ),
            section(
                "Jeune confié entre 16 et 18 ans",
                ref(
                    "CESEDA",
                    "L.435-3",
                    "Carte « salarié » ou « travailleur temporaire » à titre exceptionnel, "
                    "après au moins six mois de formation qualifiante.",
                ),
                note(
                    "tip",
                    "Constituer le dossier",
                    "<p>Bulletins scolaires, attestations de l'employeur ou "
                    "du CFA, rapport du référent, documents d'identité : rassemblez-les dès 17 ans.</p>",
                ),
            ),
            section(
                "Éloignement",
                ref(
                    "CESEDA",
                    "L.611-3",
                    "L'étranger mineur ne peut faire l'objet d'une obligation de quitter le "
                    "territoire français.",
                ),
                qa(
                    "Que faire si une OQTF est notifiée après 18 ans ?",
                    "<p>Contacter immédiatement un avocat ou une association : les délais de recours devant le "
                    "tribunal administratif sont très courts.</p>",
                ),
            ),
        ],
        "related": [
            "ceseda-l423-22",
            "ceseda-l435-3",
            "schema-titres-sejour-18-ans",
            "fiche-oqtf-jeune-majeur",
            "guide-referent-majorite",
        ],
        "articles": [
            {
                "slug": "calendrier-16-18-ans",
                "title": "De 16 à 18 ans : le calendrier des démarches",
                "introduction": "Ce qu'il faut avoir fait à 16 ans, à 17 ans et dans l'année des 18 ans.",
                "body": [
                    table(
                        "Calendrier indicatif",
                        [
                            ["Âge", "Démarche"],
                            [
                                "16 ans",
                                "Stabiliser la scolarité ou la formation ; demander la représentation légale",
                            ],
                            [
                                "17 ans",
                                "Entretien de préparation à l'autonomie ; démarches consulaires",
                            ],
                            ["Année des 18 ans", "Dépôt de la demande de titre de séjour"],
                        ],
                    ),
                    ref(
                        "CASF",
                        "L.222-5-1",
                        "Entretien organisé un an avant la majorité pour préparer "
                        "l'autonomie du jeune.",
                    ),
                ],
            },
            {
                "slug": "refus-de-titre",
                "title": "Refus de titre et OQTF : les recours",
                "introduction": "Le refus de séjour s'accompagne souvent d'une obligation de quitter le "
                "territoire : les recours à connaître.",
                "body": [
                    p(
                        "<p>Le recours contre l'OQTF se forme devant le tribunal administratif ; il est en principe "
                        "suspensif. L'aide juridictionnelle peut être demandée en même temps.</p>"
                    ),
                    note(
                        "warning",
                        "Délais courts",
                        "<p>Selon le type d'OQTF, le délai peut être de quelques "
                        "jours seulement : lisez la notification.</p>",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "travail-et-formation",
        "title": "Travail, apprentissage et autorisation provisoire de travail",
        "description": "L'accès à l'apprentissage et au contrat de professionnalisation des mineurs confiés.",
        "themes": ["travail-formation"],
        "tags": ["APT", "apprentissage"],
        "verified_days_ago": 150,
        "introduction": "<p>L'apprentissage est une voie d'insertion décisive pour les mineurs non accompagnés "
        "confiés à l'ASE, et un atout pour le titre de séjour. Le mineur confié à l'ASE obtient de droit l'autorisation de travail "
        "nécessaire à un contrat d'apprentissage ou de professionnalisation.</p>",
        "key_points": [
            "Autorisation de travail accordée de droit au mineur confié à l'ASE pour un apprentissage (Code du travail art. L.5221-5).",
            "La demande est faite en ligne par l'employeur.",
            "Le contrat doit être signé par le représentant légal.",
        ],
        "body": [
            section(
                "L'autorisation de travail",
                ref(
                    "CT",
                    "L.5221-5",
                    "L'autorisation de travail est accordée de droit aux mineurs pris en "
                    "charge par l'aide sociale à l'enfance, sur présentation d'un contrat d'apprentissage ou de "
                    "professionnalisation.",
                ),
                qa(
                    "L'employeur doit-il justifier d'une recherche de candidats ?",
                    "<p>Non : l'autorisation est de droit, la situation de l'emploi n'est pas opposable.</p>",
                ),
            ),
            section(
                "Réussir le contrat",
                p(
                    "<p>Un référent disponible, un CFA informé de la situation administrative et une anticipation "
                    "du titre de séjour à 18 ans évitent les ruptures de contrat.</p>"
                ),
            ),
        ],
        "related": ["fiche-expert-apt", "etude-apprentissage", "ceseda-l435-3"],
        "articles": [
            {
                "slug": "apprentissage-et-majorite",
                "title": "L'apprenti qui devient majeur",
                "introduction": "Le contrat continue à 18 ans : encore faut-il que le titre de séjour suive.",
                "body": [
                    p(
                        "<p>À la majorité, l'autorisation de travail découle du titre de séjour. Un récépissé "
                        "autorisant à travailler permet de poursuivre le contrat pendant l'instruction.</p>"
                    ),
                    ref(
                        "CESEDA",
                        "L.435-3",
                        "Admission exceptionnelle des jeunes en formation qualifiante.",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "scolarisation",
        "title": "La scolarisation des mineurs non accompagnés",
        "description": "Droit à l'éducation, évaluation par le CASNAV, UPE2A et formation après 16 ans.",
        "themes": ["scolarisation"],
        "tags": ["école", "UPE2A", "CASNAV"],
        "featured": True,
        "verified_days_ago": 15,
        "introduction": "<p>Le droit à l'éducation ne dépend pas de la situation administrative. Les élèves "
        "allophones nouvellement arrivés sont évalués par le CASNAV puis accueillis, le plus souvent, en UPE2A.</p>",
        "key_points": [
            "L'instruction est obligatoire de 3 à 16 ans, et la formation de 16 à 18 ans.",
            "Aucun titre de séjour ne peut être exigé pour l'inscription.",
            "Le CASNAV évalue le niveau et propose une affectation.",
        ],
        "body": [
            section(
                "Le droit à l'éducation",
                ref("CE", "L.111-1", "Le droit à l'éducation est garanti à chacun."),
                ref(
                    "CE",
                    "L.131-1",
                    "L'instruction est obligatoire pour chaque enfant de trois à seize ans.",
                ),
                ref("CIDE", "28", "Droit de l'enfant à l'éducation."),
            ),
            section(
                "L'accueil des élèves allophones",
                p(
                    "<p>Après un test de positionnement, l'élève est affecté dans une classe ordinaire avec un "
                    "soutien en UPE2A. Après 16 ans, les missions de lutte contre le décrochage scolaire (MLDS) et "
                    "les lycées professionnels sont des appuis.</p>"
                ),
                note(
                    "tip",
                    "En cas d'attente",
                    "<p>Si l'affectation tarde, écrivez au service académique en "
                    "rappelant l'obligation de formation jusqu'à 18 ans.</p>",
                ),
            ),
        ],
        "related": ["guide-scolarisation", "etude-scolarite-upe2a"],
        "articles": [
            {
                "slug": "apres-16-ans",
                "title": "Scolariser un jeune de plus de 16 ans",
                "introduction": "L'instruction n'est plus obligatoire, mais la formation l'est jusqu'à 18 ans.",
                "body": [
                    p(
                        "<p>Les jeunes de 16 à 18 ans sont soumis à une obligation de formation : scolarité, "
                        "apprentissage, service civique ou dispositif d'insertion. Les refus d'inscription fondés "
                        "sur l'âge méritent d'être contestés.</p>"
                    ),
                ],
            },
        ],
    },
    {
        "slug": "sante",
        "title": "L'accès aux soins et à la couverture maladie",
        "description": "PUMa, complémentaire santé solidaire, AME et santé mentale des mineurs non accompagnés.",
        "themes": ["sante"],
        "tags": ["santé", "PUMa", "AME"],
        "verified_days_ago": 200,
        "introduction": "<p>Les jeunes arrivent souvent épuisés, parfois blessés ou traumatisés. Un bilan de "
        "santé dès l'accueil et une couverture maladie rapidement ouverte sont essentiels.</p>",
        "key_points": [
            "Le mineur confié à l'ASE bénéficie de la protection universelle maladie et de la complémentaire santé solidaire.",
            "Pendant l'évaluation, les soins urgents doivent être assurés.",
            "Le jeune déclaré majeur sans titre peut relever de l'aide médicale de l'État.",
        ],
        "body": [
            section(
                "La couverture maladie",
                p(
                    "<p>L'ASE demande l'ouverture des droits dès la prise en charge. Pour le jeune en situation "
                    "irrégulière non confié à l'ASE, l'aide médicale de l'État prend le relais.</p>"
                ),
                ref(
                    "CASF",
                    "L.251-1",
                    "Conditions de l'aide médicale de l'État ; les mineurs y ont droit sans "
                    "condition de durée de résidence.",
                ),
                ref("CIDE", "24", "Droit de l'enfant de jouir du meilleur état de santé possible."),
            ),
            section(
                "La santé mentale",
                p(
                    "<p>Les troubles du sommeil, l'anxiété et les reviviscences sont fréquents. Les centres "
                    "médico-psychologiques et les équipes spécialisées en psychotraumatisme peuvent être "
                    "sollicités.</p>"
                ),
                qa(
                    "Faut-il l'accord d'un représentant légal pour soigner ?",
                    "<p>Pour les soins courants, l'ASE peut accomplir les actes usuels. Pour un acte grave, "
                    "l'autorisation du représentant légal ou du juge est nécessaire ; en urgence, le médecin "
                    "délivre les soins indispensables.</p>",
                ),
            ),
        ],
        "related": [
            "etude-sante-mentale",
            "actes-rencontre-sante-2022",
            "guide-accueil-premiers-jours",
        ],
        "articles": [
            {
                "slug": "bilan-de-sante",
                "title": "Le bilan de santé à l'arrivée",
                "introduction": "Un premier bilan, proposé et jamais imposé, qui ne sert pas à évaluer l'âge.",
                "body": [
                    p(
                        "<p>Le bilan de santé repère les besoins urgents (vaccinations, maladies infectieuses, "
                        "blessures, souffrance psychique). Il est distinct de toute procédure de détermination "
                        "de l'âge.</p>"
                    ),
                    note(
                        "warning",
                        "Confidentialité",
                        "<p>Les informations médicales ne sont pas transmises à "
                        "l'équipe d'évaluation.</p>",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "jeunes-majeurs",
        "title": "L'accompagnement des jeunes majeurs jusqu'à 21 ans",
        "description": "Contrat jeune majeur, obligations du département depuis 2022, Missions Locales.",
        "themes": ["jeunes-majeurs", "protection-enfance"],
        "tags": ["contrat jeune majeur", "APJM", "sortie sèche"],
        "verified_days_ago": 100,
        "introduction": "<p>La majorité ne met pas fin aux besoins. Depuis la loi du 7 février 2022, le "
        "département doit accompagner jusqu'à 21 ans les jeunes anciennement confiés qui manquent de ressources "
        "ou de soutien familial.</p>",
        "key_points": [
            "Accompagnement dû jusqu'à 21 ans aux anciens mineurs confiés sans ressources ni soutien suffisants.",
            "L'entretien des 17 ans prépare ce passage.",
            "Les Missions Locales accompagnent les 16-25 ans vers l'emploi et la formation.",
        ],
        "body": [
            section(
                "Le droit à l'accompagnement",
                ref(
                    "CASF",
                    "L.222-5",
                    "Prise en charge par l'ASE des majeurs de moins de 21 ans anciennement "
                    "confiés, lorsqu'ils ne bénéficient pas de ressources ou d'un soutien familial suffisants.",
                ),
                ref(
                    "CASF",
                    "L.222-5-1",
                    "Entretien un an avant la majorité pour faire le bilan du parcours et "
                    "envisager les conditions de l'accompagnement vers l'autonomie.",
                ),
                note(
                    "warning",
                    "Éviter la sortie sèche",
                    "<p>Un refus d'accompagnement peut être contesté "
                    "devant le tribunal administratif ; un référé est possible en cas d'urgence.</p>",
                ),
            ),
            section(
                "Le contenu de l'accompagnement",
                p(
                    "<p>Hébergement, allocation, suivi éducatif, aide aux démarches de séjour et de formation : le "
                    "contrat jeune majeur est construit avec le jeune et révisé régulièrement.</p>"
                ),
                qa(
                    "Le jeune sans titre de séjour peut-il bénéficier d'un contrat jeune majeur ?",
                    "<p>Oui : la loi ne subordonne pas l'accompagnement à la régularité du séjour.</p>",
                ),
            ),
        ],
        "related": [
            "loi-2022-140-protection-enfants",
            "rapport-sorties-ase",
            "guide-referent-majorite",
            "actes-journee-2024-majorite",
        ],
        "articles": [
            {
                "slug": "contester-un-refus-de-contrat-jeune-majeur",
                "title": "Contester un refus de contrat jeune majeur",
                "introduction": "Recours gracieux, tribunal administratif et référé : les voies à connaître.",
                "body": [
                    p(
                        "<p>Le refus est une décision administrative du président du conseil départemental : il "
                        "peut être contesté devant le tribunal administratif, éventuellement en référé.</p>"
                    ),
                    ref(
                        "CASF",
                        "L.222-5",
                        "Conditions légales de l'accompagnement des jeunes majeurs.",
                    ),
                ],
            },
            {
                "slug": "missions-locales",
                "title": "Travailler avec la Mission Locale",
                "introduction": "Les Missions Locales accompagnent les 16-25 ans : un relais utile avant et après 18 ans.",
                "body": [
                    p(
                        "<p>La Mission Locale propose un conseiller, des offres de formation et d'emploi et, "
                        "selon la situation administrative du jeune, l'accès à des dispositifs "
                        "d'accompagnement intensif. L'inscription peut se faire dès 16 ans.</p>"
                    ),
                ],
            },
        ],
    },
    {
        "slug": "etat-civil-et-nationalite",
        "title": "État civil, documents d'identité et nationalité",
        "description": "Reconstituer l'état civil, démarches consulaires et déclaration de nationalité française.",
        "themes": ["etat-civil", "nationalite"],
        "tags": ["état civil", "nationalité", "consulat"],
        "verified_days_ago": 250,
        "introduction": "<p>Sans état civil fiable, aucune démarche n'aboutit : titre de séjour, passeport, "
        "diplôme. Les jeunes confiés depuis au moins trois ans peuvent en outre réclamer la nationalité "
        "française avant leur majorité.</p>",
        "key_points": [
            "Un acte d'état civil étranger fait foi, sauf preuve de son irrégularité (Code civil art. 47).",
            "Un jugement supplétif peut remplacer un acte manquant.",
            "Déclaration de nationalité possible après trois ans de prise en charge par l'ASE (Code civil art. 21-12).",
        ],
        "body": [
            section(
                "L'état civil",
                ref("CC", "47", "Force probante des actes de l'état civil étrangers."),
                p(
                    "<p>Lorsque l'acte manque, un jugement supplétif peut être demandé dans le pays d'origine, "
                    "souvent par l'intermédiaire du consulat ou d'un proche.</p>"
                ),
            ),
            section(
                "La nationalité française",
                ref(
                    "CC",
                    "21-12",
                    "Déclaration de nationalité de l'enfant confié depuis au moins trois ans au "
                    "service de l'aide sociale à l'enfance.",
                ),
                note(
                    "warning",
                    "Avant 18 ans",
                    "<p>La déclaration doit être souscrite pendant la minorité : "
                    "anticipez le rendez-vous au tribunal.</p>",
                ),
            ),
        ],
        "related": [
            "code-civil-art-21-12",
            "fiche-expert-jugement-supletif",
            "fiche-expert-consulats",
        ],
        "articles": [
            {
                "slug": "declaration-de-nationalite",
                "title": "La déclaration de nationalité pas à pas",
                "introduction": "Conditions, pièces et calendrier de la déclaration de l'article 21-12.",
                "body": [
                    p(
                        "<p>Le jeune, assisté de son représentant légal, dépose la déclaration au tribunal "
                        "judiciaire. Il justifie de sa prise en charge par l'ASE depuis au moins trois ans et de "
                        "son état civil.</p>"
                    ),
                    ref("CC", "21-12", "Conditions de la déclaration."),
                ],
            },
            {
                "slug": "demarches-consulaires",
                "title": "Les démarches consulaires",
                "introduction": "Préparer le rendez-vous au consulat : pièces, accompagnement, frais.",
                "body": [
                    p(
                        "<p>Le consulat peut délivrer une carte consulaire, un passeport ou transcrire un acte. "
                        "Le jeune y est accompagné par son référent ; les frais sont à prévoir dans le budget de "
                        "l'ASE.</p>"
                    ),
                ],
            },
        ],
    },
]
