import datetime

import factory
from factory.django import DjangoModelFactory

from .models import DocumentDownloadCount, PageViewCount, ReferrerCategory


class PageViewCountFactory(DjangoModelFactory):
    class Meta:
        model = PageViewCount

    day = factory.LazyFunction(datetime.date.today)
    path = "/"
    referrer = ReferrerCategory.DIRECT
    views = 1


class DocumentDownloadCountFactory(DjangoModelFactory):
    class Meta:
        model = DocumentDownloadCount

    day = factory.LazyFunction(datetime.date.today)
    downloads = 1
