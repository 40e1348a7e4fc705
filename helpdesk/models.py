"""The legal helpdesk: requests from professionals about a minor's situation, the jurists' answers.

This is the portal's most sensitive data. The models keep the young person's situation in structured
fields (age band, care status) rather than free text, store follow-up tokens only as hashes, keep
attachments outside the public media, and let `services.anonymise_expired` wipe them after the retention
period, keeping only what the yearly figures need (`services.privacy.KEPT_AFTER_ANONYMISATION`).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

from core.outbox import EmailStatus, OutboundEmailBase
from core.storage import PrivateAttachment, PrivateStorage, random_name


def private_storage():
    return PrivateStorage("HELPDESK_PRIVATE_ROOT")


def attachment_path(instance, filename):
    """A random name: neither the original file name nor the ticket appears on disk."""
    return random_name(filename)


class Topic(models.Model):
    """What a request is about: a managed list seeded with the recurring questions and the portal's themes,
    so that requests can be counted by topic in the yearly report."""

    slug = models.SlugField("identifiant", unique=True)
    name = models.CharField("nom", max_length=160)
    theme = models.ForeignKey(
        "taxonomy.Theme",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="thème",
    )
    position = models.PositiveSmallIntegerField("ordre", default=0)
    active = models.BooleanField("proposé dans le formulaire", default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("theme"),
        FieldPanel("position"),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["position", "name"]
        verbose_name = "sujet de la permanence"
        verbose_name_plural = "sujets de la permanence"

    def __str__(self):
        return self.name


class Profession(models.TextChoices):
    TRAVAILLEUR_SOCIAL = "travailleur-social", "Travailleur ou travailleuse social(e)"
    EDUCATEUR = "educateur", "Éducateur ou éducatrice"
    ASE = "ase", "Professionnel(le) de l'ASE / du département"
    AVOCAT = "avocat", "Avocat(e)"
    ASSOCIATION = "association", "Bénévole ou salarié(e) d'association"
    SANTE = "sante", "Professionnel(le) de santé"
    ENSEIGNANT = "enseignant", "Enseignant(e)"
    JOURNALISTE = "journaliste", "Journaliste"
    CHERCHEUR = "chercheur", "Chercheur, chercheuse ou étudiant(e)"
    AUTRE = "autre", "Autre"


class AgeBand(models.TextChoices):
    UNDER_15 = "moins-15", "Moins de 15 ans"
    FROM_15 = "15-16", "15 à 16 ans"
    FROM_16 = "16-18", "16 à 18 ans"
    YOUNG_ADULT = "18-21", "Jeune majeur (18 à 21 ans)"
    UNKNOWN = "inconnu", "Âge contesté ou inconnu"


class CareStatus(models.TextChoices):
    EVALUATION = "evaluation", "Mise à l'abri / en cours d'évaluation"
    NOT_RECOGNISED = "non-reconnu", "Non reconnu mineur (refus de prise en charge)"
    ASE = "ase", "Confié à l'ASE"
    YOUNG_ADULT = "jeune-majeur", "Accompagnement jeune majeur (APJM)"
    END_OF_CARE = "fin-prise-en-charge", "Fin de prise en charge"
    NONE = "aucune", "Aucune prise en charge"
    OTHER = "autre", "Autre ou ne sait pas"


class Status(models.TextChoices):
    NEW = "nouveau", "Nouveau"
    IN_PROGRESS = "en-cours", "En cours"
    WAITING = "en-attente", "En attente du demandeur"
    ANSWERED = "repondu", "Répondu"
    CLOSED = "clos", "Clos"


# Statuses in which the request waits for a jurist: they count for the due date and the "unanswered" order.
OPEN_STATUSES = (Status.NEW, Status.IN_PROGRESS)


class TicketQuerySet(models.QuerySet):
    def waiting_for_jurist(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        return self.waiting_for_jurist().filter(due_date__lt=today or timezone.localdate())

    def not_anonymised(self):
        return self.filter(anonymised_at__isnull=True)


class Ticket(models.Model):
    """A request to the permanence juridique. The requester is a professional; the young person is only
    described by structured fields, never by name, date of birth or file number."""

    # Requester (personal data, wiped by anonymisation like the question and every message's text)
    requester_name = models.CharField("nom du demandeur", max_length=120)
    requester_email = models.EmailField("courriel du demandeur", db_index=True)
    requester_phone = models.CharField("téléphone", max_length=30, blank=True)
    structure = models.CharField("structure", max_length=160, blank=True)
    # Kept after anonymisation, for the figures
    profession = models.CharField("profession", max_length=30, choices=Profession.choices)
    departement = models.ForeignKey(
        "taxonomy.Departement",
        on_delete=models.PROTECT,
        related_name="helpdesk_tickets",
        verbose_name="département",
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="tickets", verbose_name="sujet"
    )
    age_band = models.CharField("âge du jeune", max_length=20, choices=AgeBand.choices)
    care_status = models.CharField(
        "situation de prise en charge", max_length=30, choices=CareStatus.choices
    )
    question = models.TextField("question")
    consent_at = models.DateTimeField("consentement donné le")

    status = models.CharField(
        "statut", max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="helpdesk_tickets",
        verbose_name="juriste",
    )
    created_at = models.DateTimeField("reçu le", default=timezone.now, db_index=True)
    due_date = models.DateField("réponse attendue le", db_index=True)
    first_answer_at = models.DateTimeField("première réponse le", null=True, blank=True)
    last_activity_at = models.DateTimeField(
        "dernière activité", default=timezone.now, db_index=True
    )
    closed_at = models.DateTimeField("clos le", null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged",
        verbose_name="fusionné dans",
    )
    dossiers = models.ManyToManyField(
        "content.DossierPage", blank=True, related_name="+", verbose_name="dossiers utilisés"
    )
    anonymised_at = models.DateTimeField("anonymisé le", null=True, blank=True)

    objects = TicketQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        verbose_name = "demande"
        verbose_name_plural = "demandes"
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"Demande n° {self.pk}"

    @property
    def reference(self):
        return f"PJ-{self.created_at:%Y}-{self.pk:05d}"

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def is_overdue(self, today=None):
        return self.is_open and self.due_date < (today or timezone.localdate())


class AccessToken(models.Model):
    """A follow-up link for the requester. Only the SHA-256 of the token is stored: a database leak gives
    no working link. A new token goes in each email, so each link mailed keeps working."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    uploads = models.PositiveIntegerField(
        "documents envoyés",
        default=0,
        help_text="Documents envoyés par ce lien, limités par HELPDESK_TOKEN_MAX_UPLOADS.",
    )

    class Meta:
        verbose_name = "lien de suivi"
        verbose_name_plural = "liens de suivi"


class MessageKind(models.TextChoices):
    REQUESTER = "demandeur", "Message du demandeur"
    ANSWER = "reponse", "Réponse"
    NOTE = "note", "Note interne"


class MessageQuerySet(models.QuerySet):
    def visible_to_requester(self):
        return self.exclude(kind=MessageKind.NOTE)


class Message(models.Model):
    """One message of a ticket's thread: the requester's, a jurist's public answer, or an internal note that
    the requester never sees on the follow-up page (but that falls under the right of access)."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField("type", max_length=20, choices=MessageKind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="auteur",
    )
    body = models.TextField("texte")
    created_at = models.DateTimeField(default=timezone.now)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "message"

    @property
    def is_note(self):
        return self.kind == MessageKind.NOTE


class Attachment(PrivateAttachment):
    """A document joined to a request or a reply. Stored under a random name in the private root,
    its type checked by content; served only through the access-checked download views."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.SET_NULL, related_name="attachments"
    )
    file = models.FileField(storage=private_storage, upload_to=attachment_path, max_length=200)


class CannedAnswer(models.Model):
    """A reusable answer the jurists maintain, with the dossiers and resources it points to."""

    title = models.CharField("titre", max_length=160)
    body = models.TextField(
        "texte", help_text="Texte brut ; les adresses web deviennent des liens."
    )
    pages = models.ManyToManyField(
        "wagtailcore.Page",
        blank=True,
        related_name="+",
        verbose_name="dossiers et ressources cités",
    )

    panels = [FieldPanel("title"), FieldPanel("body"), FieldPanel("pages")]

    class Meta:
        ordering = ["title"]
        verbose_name = "réponse type"
        verbose_name_plural = "réponses types"

    def __str__(self):
        return self.title


class FaqSheet(models.Model):
    """An expert sheet (question-réponse) drawn from a ticket and rewritten by a jurist inside the helpdesk.

    A ticket's text never leaves the Juristes before a jurist has rewritten it: the sheet is seen by
    jurists only, and only the text a jurist approves (checked for obvious identifiers) becomes a page
    draft (`page`) submitted to the committee's workflow. Anonymisation and erasure delete the sheet and
    its page while that page has never been published."""

    ticket = models.OneToOneField(Ticket, on_delete=models.CASCADE, related_name="faq_sheet")
    title = models.CharField("titre de la fiche", max_length=255)
    question = models.TextField("question reformulée")
    answer = models.TextField("réponse reformulée")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="rédigée par",
    )
    created_at = models.DateTimeField("créée le", default=timezone.now)
    updated_at = models.DateTimeField("modifiée le", default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="approuvée par",
    )
    approved_at = models.DateTimeField("approuvée le", null=True, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="fiche soumise au comité",
    )

    class Meta:
        verbose_name = "fiche tirée d'une demande"
        verbose_name_plural = "fiches tirées des demandes"

    def __str__(self):
        return f"Fiche de la demande n° {self.ticket_id}"

    @property
    def is_editable(self):
        """Once approved, the text lives in its page and goes through the committee's workflow."""
        return self.page_id is None


class AuditAction(models.TextChoices):
    """Every action the audit log records, with the label jurists read (the journal, the admin)."""

    CREATED = "created", "Demande reçue"
    VIEWED = "viewed", "Consultée"
    DOWNLOADED = "downloaded", "Pièce téléchargée"
    CLAIMED = "claimed", "Prise en charge"
    ASSIGNED = "assigned", "Attribuée"
    REASSIGNED = "reassigned", "Réattribuée"
    STATUS = "status", "Statut changé"
    ANSWERED = "answered", "Réponse publiée"
    NOTE = "note", "Note interne ajoutée"
    DOSSIERS = "dossiers", "Dossiers liés"
    MERGED = "merged", "Fusionnée"
    REQUESTER_REPLY = "requester_reply", "Message du demandeur"
    EXPORTED = "exported", "Données exportées"
    ANONYMISED = "anonymised", "Anonymisée"
    ERASED = "erased", "Données effacées"
    FAQ_SHEET_CREATED = "faq_sheet_created", "Fiche créée"
    FAQ_SHEET_EDITED = "faq_sheet_edited", "Fiche modifiée"
    FAQ_SHEET_VIEWED = "faq_sheet_viewed", "Fiche consultée"
    FAQ_SHEET_REFUSED = "faq_sheet_refused", "Approbation de la fiche refusée"
    FAQ_SHEET_APPROVED = "faq_sheet_approved", "Fiche approuvée"


class AuditEntry(models.Model):
    """Who viewed or changed which ticket, and when: reads are logged too. The detail never holds
    personal data or message text, only what was done."""

    ticket = models.ForeignKey(
        Ticket, null=True, on_delete=models.SET_NULL, related_name="audit_entries"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor = models.CharField("acteur", max_length=20, default="juriste")
    action = models.CharField("action", max_length=40, db_index=True, choices=AuditAction.choices)
    detail = models.CharField("détail", max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "entrée du journal"
        verbose_name_plural = "journal de la permanence"


class OutboundEmailQuerySet(models.QuerySet):
    def unsent(self):
        """Not (yet) accepted by the mail server: shown to the jurist on the ticket."""
        return self.exclude(status=EmailStatus.SENT)


class OutboundEmail(OutboundEmailBase):
    """The helpdesk's outbox (rules in `core.outbox`): an email is stored before it is sent, so a mail server
    failure never loses a request and `helpdesk_send_pending` retries it. The body (which holds a follow-up
    link) is wiped once sent."""

    ticket = models.ForeignKey(Ticket, null=True, on_delete=models.SET_NULL, related_name="emails")

    objects = OutboundEmailQuerySet.as_manager()

    class Meta(OutboundEmailBase.Meta):
        verbose_name = "courriel sortant"
        verbose_name_plural = "courriels sortants"
