"""Bulk creation of published Wagtail pages for the benchmark corpus, without one save per page.

Saving a page through Wagtail locks and rereads its parent, fires signals (search indexing, references,
the published version) and writes a revision: about 30 ms a page. Here the tree paths are computed in
Python (treebeard's materialised path: 4 base-36 characters a level) and the base pages, specific pages
and revisions are inserted in batches, as if each page had been published once. Only for a throw-away
benchmark database: no signal fires, so the caller rebuilds the search index once at the end.
"""

import uuid
from collections import defaultdict

from dateutil.relativedelta import relativedelta
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page, Revision

BATCH = 500


def add_children(pairs):
    """Insert each unsaved specific page of `pairs` ((parent, page), in order) as a published child of
    its parent, after the parent's existing children. The pages get their primary keys. Many-to-many
    values held in memory by the pages (ParentalManyToManyField) are written too."""
    by_parent = defaultdict(list)
    for parent, page in pairs:
        by_parent[parent.pk].append((parent, page))
    now = timezone.now()
    with transaction.atomic():
        for children in by_parent.values():
            parent = Page.objects.get(
                pk=children[0][0].pk
            )  # its numchild and last child are current
            last = parent.get_last_child()
            step = Page._str2int(last.path[-Page.steplen :]) if last else 0
            for offset, (_, page) in enumerate(children, start=1):
                page.path = Page._get_path(parent.path, parent.depth + 1, step + offset)
                page.depth = parent.depth + 1
                page.numchild = 0
                page.url_path = f"{parent.url_path}{page.slug}/"
                page.locale_id = parent.locale_id
                page.translation_key = uuid.uuid4()
                page.live, page.has_unpublished_changes = True, False
                page.draft_title = page.title
                page.first_published_at = page.last_published_at = now
                page.latest_revision_created_at = now
            Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(children))
        pages = [page for _, page in pairs]
        for model, group in _by_model(pages).items():
            _insert(model, group, now)


def _by_model(pages):
    groups = defaultdict(list)
    for page in pages:
        groups[type(page)].append(page)
    return groups


def _insert(model, pages, now):
    content_type = ContentType.objects.get_for_model(model)
    page_type = ContentType.objects.get_for_model(Page)
    for page in pages:
        page.content_type_id = content_type.pk
        if hasattr(page, "review_interval_months"):  # ReviewableMixin.save() is bypassed
            page.review_due = page.last_verified + relativedelta(months=page.review_interval_months)
    base_fields = [f.attname for f in Page._meta.concrete_fields if f.attname != "id"]
    for start in range(0, len(pages), BATCH):
        batch = pages[start : start + BATCH]
        bases = Page.objects.bulk_create(
            [Page(**{name: getattr(page, name) for name in base_fields}) for page in batch]
        )
        for page, base in zip(batch, bases, strict=True):
            page.pk = page.id = page.page_ptr_id = base.pk
        # bulk_create refuses multi-table models: insert the specific rows the way Model.save() does.
        model._base_manager._insert(
            batch, fields=model._meta.local_concrete_fields, using=connection.alias
        )
        _write_parental_m2m(model, batch)
        revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type_id=content_type.pk,
                    base_content_type_id=page_type.pk,
                    object_id=str(page.pk),
                    created_at=now,
                    object_str=page.title,
                    content=page.serializable_data(),
                )
                for page in batch
            ]
        )
        for page, revision in zip(batch, revisions, strict=True):
            page.live_revision_id = page.latest_revision_id = revision.pk
        Page.objects.bulk_update(batch, ["live_revision", "latest_revision"])


def _write_parental_m2m(model, pages):
    from modelcluster.fields import ParentalManyToManyField

    for field in model._meta.local_many_to_many:
        if not isinstance(field, ParentalManyToManyField):  # tags: written by the caller
            continue
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        through.objects.bulk_create(
            [
                through(**{f"{source}_id": page.pk, f"{target}_id": related.pk})
                for page in pages
                for related in getattr(page, field.name).all()
            ]
        )
