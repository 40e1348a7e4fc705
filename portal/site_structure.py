"""The page tree every installation needs: home, section indexes and the legal pages of the footer.

Idempotent: run by `setup_site` on a new installation and by `load_demo`, it creates what is missing and
leaves what editors have changed alone.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Page, Site

from content.models import DossierIndexPage, ResourceIndexPage
from core.public_url import host_and_port
from core.roles import JURISTS
from letters.models import LetterIndexPage
from practices.models import PracticeIndexPage

from .models import HomePage, StandardPage

HOME_INTRO = (
    "<p>Le centre de ressources des professionnels qui accompagnent les mineurs non accompagnés : "
    "dossiers juridiques, bibliothèque, annuaire des acteurs, agenda du réseau et permanence juridique.</p>"
)
HELPDESK_TEXT = (
    "<p>Travailleurs sociaux, avocats, équipes ASE, associations : une juriste répond à vos questions "
    "sur la situation d'un jeune, sans jamais demander son identité.</p>"
)

LEGAL_PAGES = [
    (
        "mentions-legales",
        "Mentions légales",
        "Éditeur, hébergeur et conditions d'utilisation du portail.",
        "<p>Le portail est édité par la structure indiquée en pied de page, qui en assure la direction de "
        "publication. Les contenus juridiques sont rédigés et vérifiés par le comité de rédaction ; ils informent "
        "et ne remplacent pas la consultation d'un avocat sur une situation individuelle.</p>"
        "<p>Les textes officiels cités renvoient à Légifrance, source faisant foi.</p>",
    ),
    (
        "donnees-personnelles",
        "Données personnelles",
        "Quelles données le portail traite, pourquoi, combien de temps, et comment exercer vos droits.",
        "<h3>Permanence juridique</h3><p>Les questions adressées à la permanence juridique sont conservées pour "
        "y répondre et produire des statistiques anonymes d'activité. Nous ne demandons jamais le nom, la date de "
        "naissance ou les numéros de dossier du jeune concerné. Vos coordonnées et les pièces jointes sont "
        "supprimées 24 mois après le dernier échange ; seules restent des données anonymes (thème, département, "
        "profession, dates).</p><h3>Abonnements, alertes et lettre d'information</h3><p>Si vous vous abonnez "
        "(page « Abonnements »), nous conservons votre adresse électronique, vos choix (lettre, liste d'échanges, "
        "thèmes, départements, recherches, fréquence), la date de votre demande et celle de votre confirmation, "
        "uniquement pour vous envoyer ce que vous avez choisi. Rien n'est envoyé avant la confirmation de votre "
        "adresse ; une adresse non confirmée est effacée au bout de 7 jours. Chaque courriel contient un lien pour "
        "modifier vos choix ou vous désinscrire en un clic, ce qui efface votre adresse. Une adresse en erreur ou "
        "signalée comme indésirable est suspendue (plus rien ne lui est envoyé). Nos courriels ne contiennent ni "
        "image distante ni traceur. Seuls des chiffres sans adresse (nombre d'abonnés par liste, thème, "
        "département et mois) sont conservés pour notre rapport d'activité.</p><h3>Vos droits</h3><p>Vous pouvez demander l'accès à vos données, leur "
        "rectification ou leur effacement en écrivant à l'adresse de contact du pied de page. Vous pouvez "
        "saisir la CNIL.</p><h3>Mesure d'audience</h3><p>Le portail n'utilise aucun traceur, aucun cookie de "
        "mesure et aucun service tiers. Il compte lui-même, par jour, le nombre de pages vues de chaque page "
        "publique et de téléchargements de chaque document, avec la provenance de la visite réduite à une "
        "catégorie (accès direct, moteur de recherche, autre site, courriel). Ni votre adresse IP, ni votre "
        "navigateur, ni l'adresse de la page d'où vous venez, ni aucun identifiant ne sont enregistrés : ces "
        "compteurs ne permettent de reconnaître personne. Les robots, l'administration et les pages personnelles "
        "(suivi d'une demande, gestion des abonnements) ne sont pas comptés. Cette mesure respecte les conditions fixées par la CNIL pour "
        "les mesures d'audience dispensées de consentement.</p>",
    ),
    (
        "accessibilite",
        "Déclaration d'accessibilité",
        "Le portail vise la conformité au RGAA 4.1 (WCAG 2.1 niveau AA). Signalez-nous toute difficulté d'accès.",
        "<p>Chaque page est testée au clavier et avec un audit automatique (axe-core) lors de chaque "
        "modification du code. Si vous ne parvenez pas à accéder à un contenu ou à un service, écrivez-nous : "
        "nous vous communiquerons l'information sous une autre forme.</p><p>Si vous n'obtenez pas de réponse "
        "satisfaisante, vous pouvez saisir le Défenseur des droits.</p>",
    ),
]


@transaction.atomic
def ensure_site():
    """Return the home page, creating the tree and default Site where missing."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        # Wagtail's migrations leave a placeholder "Welcome" page: the portal's home replaces it.
        Page.objects.filter(
            depth=2, content_type__model="page", content_type__app_label="wagtailcore"
        ).delete()
        root.refresh_from_db()
        home = root.add_child(
            instance=HomePage(
                title="Portail MNA", slug="accueil", intro=HOME_INTRO, helpdesk_text=HELPDESK_TEXT
            )
        )
        home.save_revision().publish()
    public_address = host_and_port()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "root_page": home,
            # in step with PORTAL_PUBLIC_URL, so that Wagtail's own absolute URLs agree with the portal's
            "hostname": public_address[0],
            "port": public_address[1],
            "site_name": "Portail MNA",
        },
    )
    _ensure_child(
        home,
        DossierIndexPage,
        slug="dossiers",
        title="Dossiers thématiques",
        intro="<p>Les règles applicables aux mineurs non accompagnés, thème par thème, vérifiées par le comité de rédaction.</p>",
    )
    resources = _ensure_child(
        home,
        ResourceIndexPage,
        slug="ressources",
        title="Bibliothèque de ressources",
        intro="<p>Textes, jurisprudence, rapports, études, guides et fiches d'experts.</p>",
    )
    _let_jurists_open_their_sheets(resources)
    _ensure_child(
        home,
        PracticeIndexPage,
        slug="pratiques",
        title="Bibliothèque des pratiques",
        intro="<p>Des fiches action partagées par les départements et les associations du réseau : le "
        "problème constaté, l'objectif, les partenaires, les actions et leurs résultats.</p>",
    )
    # Served at /outils/courriers/ (letters/urls.py), whatever its place in the tree.
    _ensure_child(
        home,
        LetterIndexPage,
        slug="courriers",
        title="Courriers types",
        intro="<p>Quelques questions simples, puis un courrier prêt à imprimer ou à télécharger, avec les "
        "textes sur lesquels il s'appuie.</p>",
    )
    for slug, title, introduction, text in LEGAL_PAGES:
        _ensure_child(
            home,
            StandardPage,
            slug=slug,
            title=title,
            introduction=introduction,
            body=[("paragraph", text)],
        )
    return home


def _let_jurists_open_their_sheets(resources):
    """The expert sheets a jurist approves become page drafts they own in the library: Wagtail's "add"
    permission there lets them open and edit their own pages, and no other (see helpdesk.services.faq)."""
    add_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page")
    GroupPagePermission.objects.get_or_create(
        group=Group.objects.get(name=JURISTS), page=resources, permission=add_page
    )


def _ensure_child(parent, model, slug, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=model(slug=slug, **fields))
        page.save_revision().publish()
    return page
