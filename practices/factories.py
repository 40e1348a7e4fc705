import factory
import wagtail_factories

from .models import PartnerKind, PracticePartner, PracticeSheetPage


class PracticeSheetPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PracticeSheetPage

    title = factory.Sequence(lambda n: f"Fiche action {n}")
    summary = factory.Faker("sentence", nb_words=14, locale="fr_FR")
    lead_organisation = "Conseil départemental"
    lead_kind = PartnerKind.DEPARTEMENT
    problem = factory.LazyFunction(lambda: "<p>Des parcours interrompus à chaque changement.</p>")
    objective = factory.LazyFunction(lambda: "<p>Un seul interlocuteur par jeune.</p>")
    actions = factory.LazyFunction(lambda: "<p>Des réunions mensuelles entre services.</p>")
    calendar = factory.LazyFunction(lambda: "<p>Depuis janvier 2024.</p>")


class PracticePartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticePartner

    sheet = factory.SubFactory(PracticeSheetPageFactory)
    name = factory.Sequence(lambda n: f"Partenaire {n}")
    kind = PartnerKind.ASSOCIATION
