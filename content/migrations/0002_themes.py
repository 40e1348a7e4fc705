from django.db import migrations

THEMES = [
    ("evaluation-minorite", "Évaluation de la minorité et de l'isolement", "Entretiens, vérification des documents, fichier AEM, examens osseux et contestation de l'évaluation."),
    ("mise-a-l-abri", "Mise à l'abri et accueil provisoire d'urgence", "L'obligation d'accueil du département pendant l'évaluation (CASF L.221-2-4)."),
    ("repartition-nationale", "Orientation et répartition nationale", "La cellule nationale (MMNA), la clé de répartition et l'orientation entre départements."),
    ("protection-enfance", "Protection de l'enfance et prise en charge ASE", "Placement, projet pour l'enfant, référent de parcours, droits du mineur confié."),
    ("representation-legale", "Représentation légale", "Tutelle, délégation d'autorité parentale, administrateur ad hoc."),
    ("asile", "Demande d'asile", "La demande d'asile d'un mineur, l'OFPRA, la CNDA et l'administrateur ad hoc."),
    ("sejour-majorite", "Séjour et accès à la majorité", "Titres de séjour à 18 ans selon l'âge de prise en charge, préparation de la demande."),
    ("travail-formation", "Travail et formation professionnelle", "Apprentissage, autorisation provisoire de travail, contrats et stages."),
    ("scolarisation", "Scolarisation", "Droit à l'éducation, évaluation CASNAV, classes UPE2A, affectation."),
    ("sante", "Santé", "Couverture maladie, bilan de santé, santé mentale, accès aux soins."),
    ("jeunes-majeurs", "Jeunes majeurs", "Accompagnement jusqu'à 21 ans, contrat jeune majeur, sortie de l'ASE."),
    ("nationalite", "Nationalité française", "Déclaration de nationalité après trois ans de prise en charge (Code civil, art. 21-12)."),
    ("etat-civil", "État civil et documents d'identité", "Actes étrangers, consulats, jugements supplétifs, légalisation."),
    ("eloignement", "Éloignement", "OQTF et autres mesures d'éloignement après la majorité, recours."),
    ("traite", "Traite des êtres humains", "Repérage, protection et droits des mineurs victimes de traite ou d'exploitation."),
    ("financement-etat", "Financement par l'État", "Participation de l'État aux dépenses d'évaluation et de mise à l'abri (décret n° 2023-1240)."),
    ("contentieux", "Contentieux et recours", "Saisine du juge des enfants, appel, référés, recours contre une fin de prise en charge."),
]


def create_themes(apps, schema_editor):
    Theme = apps.get_model("content", "Theme")
    for position, (slug, name, description) in enumerate(THEMES):
        Theme.objects.update_or_create(slug=slug, defaults={"name": name, "description": description, "position": position})


class Migration(migrations.Migration):
    dependencies = [("content", "0001_initial")]
    operations = [migrations.RunPython(create_themes, migrations.RunPython.noop)]
