"""Keep the index in step with the content, after the transaction commits.

Every change re-reads the object through its indexable's public queryset (`services.sync`): what is
public is indexed, anything else — a draft, an unpublished, private or deleted page — is removed.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import services
from .indexables import indexables
from .text import clear_synonyms_cache


def _saved(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    services.sync_on_commit([instance])


def _deleted(sender, instance, **kwargs):
    services.remove_on_commit(instance)


def _page_changed(sender, instance, **kwargs):
    services.sync_on_commit([instance])


def _subtree_changed(page):
    services.sync_on_commit(
        Page.objects.descendant_of(page, inclusive=True).only("id", "content_type")
    )


def _page_moved(sender, instance, **kwargs):
    _subtree_changed(instance)


def _restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:  # None when the restriction goes with its deleted page
        _subtree_changed(page)


def _glossary_changed(sender, instance, **kwargs):
    clear_synonyms_cache()


def _document_saved(sender, instance, **kwargs):
    from content.models import ResourcePage

    services.sync_on_commit(ResourcePage.objects.filter(document=instance).only("id"))


def connect():
    from wagtail.documents import get_document_model

    from content.models import GlossaryEntry

    for indexable in indexables():
        model = indexable.model_class()
        uid = f"search-{indexable.kind}"
        post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}-delete")
    page_published.connect(_page_changed, dispatch_uid="search-page-published")
    page_unpublished.connect(_page_changed, dispatch_uid="search-page-unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="search-page-moved")
    post_save.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restriction-save"
    )
    post_delete.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restriction-delete"
    )
    post_save.connect(_glossary_changed, sender=GlossaryEntry, dispatch_uid="search-glossary-save")
    post_delete.connect(
        _glossary_changed, sender=GlossaryEntry, dispatch_uid="search-glossary-delete"
    )
    post_save.connect(
        _document_saved, sender=get_document_model(), dispatch_uid="search-document-save"
    )
