from django.db import migrations

# term, expansion, definition, synonyms (one per line in the model), theme slugs
ENTRIES = [
    ("MNA", "Mineur non accompagné", "Personne de moins de 18 ans, de nationalité étrangère, présente en France sans représentant légal. Terme employé depuis 2016.", ["MIE", "mineur non accompagné", "mineur isolé étranger", "mineurs non accompagnés", "mineurs isolés étrangers"], ["protection-enfance"]),
    ("MIE", "Mineur isolé étranger", "Ancienne appellation des mineurs non accompagnés, encore présente dans de nombreux textes et rapports antérieurs à 2016.", ["MNA", "mineur non accompagné", "mineur isolé étranger"], ["protection-enfance"]),
    ("ASE", "Aide sociale à l'enfance", "Service du conseil départemental chargé de la protection de l'enfance, qui accueille et accompagne les mineurs confiés.", ["aide sociale à l'enfance", "service de l'ASE"], ["protection-enfance"]),
    ("PJJ", "Protection judiciaire de la jeunesse", "Administration du ministère de la Justice chargée des mineurs sous main de justice et de l'appui aux juridictions pour mineurs.", ["protection judiciaire de la jeunesse"], ["protection-enfance"]),
    ("DPJJ", "Direction de la protection judiciaire de la jeunesse", "Direction centrale du ministère de la Justice dont relève la mission nationale MNA.", ["direction de la protection judiciaire de la jeunesse"], ["repartition-nationale"]),
    ("MMNA", "Mission mineurs non accompagnés", "Mission nationale placée à la DPJJ qui propose, à la demande des magistrats, le département d'orientation d'un mineur selon la clé de répartition.", ["mission mineurs non accompagnés", "cellule nationale", "mission nationale MNA"], ["repartition-nationale"]),
    ("OQTF", "Obligation de quitter le territoire français", "Mesure d'éloignement qui peut viser un jeune devenu majeur en situation irrégulière ; elle ouvre un délai de recours très bref devant le tribunal administratif.", ["obligation de quitter le territoire français", "mesure d'éloignement"], ["eloignement", "contentieux"]),
    ("APT", "Autorisation provisoire de travail", "Autorisation délivrée par l'administration pour permettre à un jeune étranger de signer un contrat d'apprentissage ou de professionnalisation.", ["autorisation provisoire de travail", "autorisation de travail"], ["travail-formation"]),
    ("AEM", "Appui à l'évaluation de la minorité", "Fichier tenu en préfecture dans lequel sont enregistrées les personnes se déclarant mineures, consulté pendant l'évaluation.", ["appui à l'évaluation de la minorité", "fichier AEM"], ["evaluation-minorite"]),
    ("CASF", "Code de l'action sociale et des familles", "Code qui regroupe les règles de la protection de l'enfance, dont l'accueil provisoire d'urgence et l'évaluation.", ["code de l'action sociale et des familles"], ["protection-enfance"]),
    ("CESEDA", "Code de l'entrée et du séjour des étrangers et du droit d'asile", "Code qui fixe les règles de séjour, de travail, d'asile et d'éloignement des étrangers.", ["code de l'entrée et du séjour des étrangers et du droit d'asile"], ["sejour-majorite", "asile"]),
    ("OFPRA", "Office français de protection des réfugiés et apatrides", "Établissement public qui instruit les demandes d'asile et accorde le statut de réfugié ou la protection subsidiaire.", ["office français de protection des réfugiés et apatrides"], ["asile"]),
    ("CNDA", "Cour nationale du droit d'asile", "Juridiction administrative qui juge les recours contre les décisions de l'OFPRA.", ["cour nationale du droit d'asile"], ["asile", "contentieux"]),
    ("PPE", "Projet pour l'enfant", "Document élaboré avec le mineur confié qui fixe les objectifs et les actions de sa prise en charge.", ["projet pour l'enfant"], ["protection-enfance"]),
    ("CDC", "Comité de coordination", "Instance qui réunit les acteurs chargés de suivre le dispositif national de mise à l'abri, d'évaluation et d'orientation.", ["comité de coordination"], ["repartition-nationale"]),
    ("MDS", "Maison départementale des solidarités", "Antenne locale des services sociaux du département, souvent premier lieu de contact.", ["maison départementale des solidarités", "maison des solidarités"], ["protection-enfance"]),
    ("ASP", "Agence de services et de paiement", "Établissement public qui verse aux départements la participation de l'État aux frais d'évaluation et de mise à l'abri.", ["agence de services et de paiement"], ["financement-etat"]),
    ("JE", "Juge des enfants", "Magistrat du tribunal judiciaire compétent pour ordonner le placement d'un mineur en danger.", ["juge des enfants"], ["protection-enfance", "contentieux"]),
    ("APJM", "Accompagnement provisoire jeune majeur", "Prise en charge par l'ASE au-delà de 18 ans, jusqu'à 21 ans, pour un jeune qui en a besoin.", ["contrat jeune majeur", "accompagnement jeune majeur", "CJM"], ["jeunes-majeurs"]),
    ("CJM", "Contrat jeune majeur", "Appellation courante de l'accompagnement proposé par l'ASE aux jeunes de 18 à 21 ans.", ["contrat jeune majeur", "APJM"], ["jeunes-majeurs"]),
    ("UPE2A", "Unité pédagogique pour élèves allophones arrivants", "Dispositif de l'Éducation nationale qui accueille les élèves nouvellement arrivés ne parlant pas encore français.", ["unité pédagogique pour élèves allophones arrivants", "classe d'accueil"], ["scolarisation"]),
    ("CASNAV", "Centre académique pour la scolarisation des enfants allophones nouvellement arrivés", "Service académique qui évalue le niveau des élèves allophones et propose leur affectation.", ["centre académique pour la scolarisation des nouveaux arrivants"], ["scolarisation"]),
    ("CIO", "Centre d'information et d'orientation", "Service de l'Éducation nationale qui informe et oriente les jeunes, notamment pour leur scolarisation après 16 ans.", ["centre d'information et d'orientation"], ["scolarisation"]),
    ("PUMa", "Protection universelle maladie", "Prise en charge des frais de santé par l'assurance maladie, ouverte aux mineurs confiés à l'ASE.", ["protection universelle maladie", "assurance maladie"], ["sante"]),
    ("CSS", "Complémentaire santé solidaire", "Couverture complémentaire gratuite ou à faible coût qui complète la PUMa.", ["complémentaire santé solidaire", "CMU-C"], ["sante"]),
    ("AME", "Aide médicale de l'État", "Dispositif de prise en charge des soins des étrangers en situation irrégulière ; un mineur y a droit sans condition de durée de présence.", ["aide médicale de l'État"], ["sante"]),
    ("PASS", "Permanence d'accès aux soins de santé", "Service hospitalier qui soigne les personnes sans couverture maladie et les aide à ouvrir leurs droits.", ["permanence d'accès aux soins de santé"], ["sante"]),
    ("OPP", "Ordonnance de placement provisoire", "Décision du procureur ou du juge des enfants qui confie en urgence un mineur à l'ASE.", ["ordonnance de placement provisoire", "placement provisoire"], ["protection-enfance", "contentieux"]),
    ("Administrateur ad hoc", "", "Personne désignée pour représenter un mineur dans une procédure, par exemple sa demande d'asile, en l'absence de représentant légal.", ["AAH (administrateur ad hoc)", "représentant ad hoc"], ["representation-legale", "asile"]),
    ("DAP", "Délégation d'autorité parentale", "Décision du juge aux affaires familiales qui transfère tout ou partie de l'autorité parentale à un tiers ou à l'ASE.", ["délégation d'autorité parentale", "délégation de l'autorité parentale"], ["representation-legale"]),
    ("JAF", "Juge aux affaires familiales", "Magistrat compétent notamment pour la délégation d'autorité parentale et certaines tutelles.", ["juge aux affaires familiales"], ["representation-legale"]),
    ("Juge des tutelles", "", "Magistrat qui ouvre et suit la tutelle d'un mineur privé de représentant légal ; la tutelle peut être déférée à l'ASE.", ["tutelle", "juge des contentieux de la protection"], ["representation-legale"]),
    ("TJ", "Tribunal judiciaire", "Juridiction de droit commun où siègent le juge des enfants, le juge des tutelles et le juge aux affaires familiales.", ["tribunal judiciaire", "tribunal de grande instance", "TGI"], ["contentieux"]),
    ("TA", "Tribunal administratif", "Juridiction qui juge les recours contre les décisions de l'administration, dont les refus de séjour et les OQTF.", ["tribunal administratif"], ["contentieux", "eloignement"]),
    ("CIDE", "Convention internationale des droits de l'enfant", "Traité de l'ONU de 1989 qui consacre l'intérêt supérieur de l'enfant comme considération primordiale.", ["convention internationale des droits de l'enfant", "convention de New York"], ["protection-enfance"]),
    ("ANEF", "Administration numérique pour les étrangers en France", "Téléservice du ministère de l'Intérieur par lequel se déposent les demandes de titre de séjour et d'autorisation de travail.", ["administration numérique pour les étrangers en France", "téléservice", "demande en ligne"], ["sejour-majorite", "travail-formation"]),
    ("CAP", "Certificat d'aptitude professionnelle", "Diplôme professionnel souvent préparé en apprentissage par les jeunes accompagnés, qui compte dans l'examen du séjour à 18 ans.", ["certificat d'aptitude professionnelle"], ["travail-formation"]),
    ("ML", "Mission locale", "Structure qui accompagne les jeunes de 16 à 25 ans vers l'emploi et la formation, notamment par le contrat d'engagement jeune.", ["mission locale", "missions locales"], ["jeunes-majeurs", "travail-formation"]),
    ("CEJ", "Contrat d'engagement jeune", "Accompagnement intensif vers l'emploi, avec allocation, proposé par les missions locales et France Travail.", ["contrat d'engagement jeune"], ["jeunes-majeurs"]),
    ("VPF", "Vie privée et familiale", "Carte de séjour temporaire fondée sur les liens personnels et familiaux, délivrée de plein droit à certains jeunes confiés à l'ASE avant 16 ans.", ["vie privée et familiale", "carte de séjour vie privée et familiale"], ["sejour-majorite"]),
    ("Titre de séjour", "", "Document qui autorise un étranger majeur à séjourner en France ; les jeunes confiés à l'ASE préparent leur demande avant 18 ans.", ["carte de séjour", "régularisation", "admission exceptionnelle au séjour"], ["sejour-majorite"]),
    ("Jugement supplétif", "", "Décision d'un tribunal du pays d'origine qui remplace un acte de naissance absent ou perdu.", ["jugement supplétif d'acte de naissance", "acte de naissance"], ["etat-civil"]),
    ("TEH", "Traite des êtres humains", "Recrutement ou hébergement d'une personne en vue de son exploitation ; un mineur victime bénéficie d'une protection renforcée.", ["traite des êtres humains", "exploitation"], ["traite"]),
    ("QPC", "Question prioritaire de constitutionnalité", "Procédure par laquelle un justiciable conteste la conformité d'une loi à la Constitution, utilisée notamment sur les examens osseux.", ["question prioritaire de constitutionnalité"], ["contentieux"]),
    ("CEDH", "Cour européenne des droits de l'homme", "Juridiction du Conseil de l'Europe qui a condamné plusieurs fois la France pour la situation de mineurs étrangers.", ["cour européenne des droits de l'homme"], ["contentieux"]),
    ("Mainlevée", "Mainlevée du placement", "Décision qui met fin à la prise en charge d'un jeune par l'ASE, par exemple lorsque sa minorité est remise en cause ; elle peut être contestée.", ["fin de prise en charge", "mainlevée de placement"], ["contentieux", "protection-enfance"]),
    ("Sortie sèche", "Sortie de l'ASE sans solution", "Fin de prise en charge à la majorité sans logement, ressources ni titre de séjour : l'échec que l'accompagnement doit éviter.", ["sortie de l'ASE", "fin de prise en charge à 18 ans"], ["jeunes-majeurs"]),
]


def create_entries(apps, schema_editor):
    GlossaryEntry = apps.get_model("content", "GlossaryEntry")
    Theme = apps.get_model("content", "Theme")
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for term, expansion, definition, synonyms, theme_slugs in ENTRIES:
        entry, _ = GlossaryEntry.objects.update_or_create(
            term=term,
            defaults={"expansion": expansion, "definition": definition, "synonyms": "\n".join(synonyms)},
        )
        entry.themes.set([themes[slug] for slug in theme_slugs])


class Migration(migrations.Migration):
    dependencies = [("content", "0002_themes")]
    operations = [migrations.RunPython(create_entries, migrations.RunPython.noop)]
