"""Expert sheets are written in the helpdesk (FaqSheet) before any page exists; Ticket.faq_page goes.

A page already drawn by the former flow is linked to a sheet, so that anonymisation and erasure delete it
while it is unpublished. The Juristes may add pages to the resource library, which lets a jurist open the
page drafts they own (Wagtail's "add" permission covers editing one's own pages); `ensure_site` grants the
same on new installations.
"""


import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from core.roles import JURISTS


def link_former_drafts(apps, schema_editor):
    Ticket = apps.get_model("helpdesk", "Ticket")
    FaqSheet = apps.get_model("helpdesk", "FaqSheet")
    for ticket in Ticket.objects.filter(faq_page__isnull=False).select_related("faq_page"):
        page = ticket.faq_page
        FaqSheet.objects.create(
            ticket=ticket,
            title=page.title,
            question="",
            answer="",
            created_at=page.first_published_at or page.latest_revision_created_at or django.utils.timezone.now(),
            approved_at=page.latest_revision_created_at or django.utils.timezone.now(),
            page=page,
        )


def jurists_may_open_their_sheets(apps, schema_editor):
    ResourceIndexPage = apps.get_model("content", "ResourceIndexPage")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    add_page = Permission.objects.filter(content_type__app_label="wagtailcore", codename="add_page").first()
    group = Group.objects.filter(name=JURISTS).first()
    if add_page is None or group is None:
        return
    for index in ResourceIndexPage.objects.all():
        GroupPagePermission.objects.get_or_create(group=group, page_id=index.pk, permission=add_page)


class Migration(migrations.Migration):

    dependencies = [
        ('helpdesk', '0002_topics_and_permissions'),
        ('content', '0003_glossary'),
        ('portal', '0002_roles_and_workflow'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='FaqSheet',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=255, verbose_name='titre de la fiche')),
                ('question', models.TextField(verbose_name='question reformulée')),
                ('answer', models.TextField(verbose_name='réponse reformulée')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='créée le')),
                ('updated_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='modifiée le')),
                ('approved_at', models.DateTimeField(blank=True, null=True, verbose_name='approuvée le')),
                ('approved_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='approuvée par')),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='rédigée par')),
                ('page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='fiche soumise au comité')),
                ('ticket', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='faq_sheet', to='helpdesk.ticket')),
            ],
            options={
                'verbose_name': "fiche tirée d'une demande",
                'verbose_name_plural': 'fiches tirées des demandes',
            },
        ),
        migrations.RunPython(link_former_drafts, migrations.RunPython.noop),
        migrations.RunPython(jurists_may_open_their_sheets, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='ticket',
            name='faq_page',
        ),
    ]
