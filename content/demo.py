"""Demo content for the dossiers and the library, loaded by `manage.py load_demo`.

Idempotent: every page is looked up by its slug under its parent and every document by its title; what
exists is left alone (an editor may have changed it), so a second run creates nothing and publishes no
new revision. Pages are published with a revision, as an editor would.
"""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model

from taxonomy.models import Departement, Theme

from . import demo_data as data
from .models import (
    ArticlePage,
    DossierIndexPage,
    DossierPage,
    DossierRelatedResource,
    ResourceIndexPage,
    ResourcePage,
)


@transaction.atomic
def load(home, stdout=None):
    loader = _Loader(home)
    loader.documents()
    loader.resources()
    loader.dossiers()
    return (
        f"{loader.created['document']} documents, {loader.created['resource']} ressources, "
        f"{loader.created['dossier']} dossiers, {loader.created['article']} articles créés"
    )


class _Loader:
    def __init__(self, home):
        self.dossier_index = DossierIndexPage.objects.child_of(home).get()
        self.resource_index = ResourceIndexPage.objects.child_of(home).get()
        self.themes = {theme.slug: theme for theme in Theme.objects.all()}
        self.departements = {d.code: d for d in Departement.objects.all()}
        self.docs = {}
        self.today = timezone.localdate()
        self.created = {"document": 0, "resource": 0, "dossier": 0, "article": 0}

    def verified(self, spec):
        return self.today - datetime.timedelta(
            days=spec.get("verified_days_ago", data.VERIFIED_DAYS_AGO)
        )

    def documents(self):
        Document = get_document_model()
        for spec in data.DOCUMENTS:
            document = Document.objects.filter(title=spec["title"]).first()
            if document is None:
                document = Document(title=spec["title"])
                document.file.save(
                    spec["file_name"],
                    ContentFile(make_pdf(spec["title"], spec["lines"])),
                    save=False,
                )
                document._set_document_file_metadata()
                document.save()
                self.created["document"] += 1
            self.docs[spec["key"]] = document

    def resources(self):
        for spec in data.RESOURCES:
            if (
                ResourcePage.objects.child_of(self.resource_index)
                .filter(slug=spec["slug"])
                .exists()
            ):
                continue
            page = ResourcePage(
                slug=spec["slug"],
                title=spec["title"],
                search_description=spec["summary"],
                kind=spec["kind"],
                date=spec["date"],
                summary=spec["summary"],
                body=spec.get("body", ""),
                source_url=spec.get("source_url", ""),
                document=self.docs.get(spec.get("document")),
                last_verified=self.verified(spec),
                review_interval_months=spec.get("review", 12),
            )
            self.resource_index.add_child(instance=page)
            page.themes.set([self.themes[slug] for slug in spec["themes"]])
            page.departements.set(
                [self.departements[code] for code in spec.get("departements", [])]
            )
            page.tags.set(spec.get("tags", []))
            page.save_revision().publish()
            self.created["resource"] += 1

    def dossiers(self):
        resources = {page.slug: page for page in ResourcePage.objects.child_of(self.resource_index)}
        for spec in data.DOSSIERS:
            dossier = (
                DossierPage.objects.child_of(self.dossier_index).filter(slug=spec["slug"]).first()
            )
            if dossier is None:
                dossier = DossierPage(
                    slug=spec["slug"],
                    title=spec["title"],
                    seo_title=spec.get("seo_title", ""),
                    search_description=spec["description"],
                    introduction=spec["introduction"],
                    key_points=[("point", point) for point in spec["key_points"]],
                    body=spec["body"],
                    featured=spec.get("featured", False),
                    last_verified=self.verified(spec),
                    review_interval_months=spec.get("review", 12),
                )
                self.dossier_index.add_child(instance=dossier)
                dossier.themes.set([self.themes[slug] for slug in spec["themes"]])
                dossier.tags.set(spec.get("tags", []))
                dossier.related_resources = [
                    DossierRelatedResource(resource=resources[slug], sort_order=n)
                    for n, slug in enumerate(spec.get("related", []))
                ]
                dossier.save_revision().publish()
                self.created["dossier"] += 1
            for article in spec.get("articles", []):
                self.article(dossier, article)

    def article(self, dossier, spec):
        if ArticlePage.objects.child_of(dossier).filter(slug=spec["slug"]).exists():
            return
        page = ArticlePage(
            slug=spec["slug"],
            title=spec["title"],
            search_description=spec["introduction"][:250],
            introduction=spec["introduction"],
            body=spec["body"],
            last_verified=self.verified(spec),
            review_interval_months=spec.get("review", 12),
        )
        dossier.add_child(instance=page)
        page.save_revision().publish()
        self.created["article"] += 1


def make_pdf(title, lines):
    """A minimal one-page PDF (Helvetica, WinAnsi encoding) whose text pypdf, and so search, can extract."""

    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252")

    stream = b"BT /F1 16 Tf 56 780 Td 20 TL (" + escape(title) + b") Tj /F1 11 Tf 0 -14 Td 15 TL"
    for line in lines:
        stream += b" T* (" + escape(line) + b") Tj"
    stream += b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out
