"""The editorial workflow: the publish permission, each release's version number, its history
(django-simple-history, per-language columns included) and the Writers and Publishers groups."""

import django.db.models.deletion
import django.utils.timezone
import core.richtext
import simple_history.models
from django.conf import settings
from django.db import migrations, models


# Writers write: releases, topics and contacts, and see the offices, people and events that the
# release form's autocompletes offer. Publishers do the same and publish (pressroom/roles.py).
WRITERS = {
    ("pressroom", "pressrelease"): ("add", "change", "view"),
    ("pressroom", "topic"): ("add", "change", "view"),
    ("pressroom", "mediacontact"): ("add", "change", "view"),
    ("organisation", "unit"): ("view",),
    ("organisation", "person"): ("view",),
    ("events", "event"): ("view",),
}
PUBLISHERS = {**WRITERS, ("pressroom", "pressrelease"): ("add", "change", "view", "publish")}


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are otherwise created after all migrations (post_migrate): make them now.
    for label in ("pressroom", "organisation", "events"):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, rights in (("Writers", WRITERS), ("Publishers", PUBLISHERS)):
        group, _created = Group.objects.get_or_create(name=name)
        for (app_label, model), actions in rights.items():
            group.permissions.add(*Permission.objects.filter(
                content_type__app_label=app_label,
                codename__in=[f"{action}_{model}" for action in actions],
            ))


def delete_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Writers", "Publishers"]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('events', '0002_speaker_staff'),
        ('organisation', '0003_help_texts_point_to_the_arrows'),
        ('pressroom', '0005_release_tally'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='pressrelease',
            options={'get_latest_by': 'published_at', 'ordering': ['-published_at', '-pk'], 'permissions': [('publish_pressrelease', 'Can publish and unpublish press releases')], 'verbose_name': 'press release', 'verbose_name_plural': 'press releases'},
        ),
        migrations.AddField(
            model_name='pressrelease',
            name='version',
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name='version'),
        ),
        migrations.CreateModel(
            name='HistoricalPressRelease',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('title', models.CharField(blank=True, max_length=255, verbose_name='title')),
                ('title_fr', models.CharField(blank=True, max_length=255, null=True, verbose_name='title')),
                ('title_en', models.CharField(blank=True, max_length=255, null=True, verbose_name='title')),
                ('title_es', models.CharField(blank=True, max_length=255, null=True, verbose_name='title')),
                ('slug', models.SlugField(blank=True, db_index=False, help_text='The last part of the address. Unique in each language.', max_length=255, verbose_name='slug')),
                ('slug_fr', models.SlugField(blank=True, db_index=False, help_text='The last part of the address. Unique in each language.', max_length=255, null=True, verbose_name='slug')),
                ('slug_en', models.SlugField(blank=True, db_index=False, help_text='The last part of the address. Unique in each language.', max_length=255, null=True, verbose_name='slug')),
                ('slug_es', models.SlugField(blank=True, db_index=False, help_text='The last part of the address. Unique in each language.', max_length=255, null=True, verbose_name='slug')),
                ('lead', models.TextField(blank=True, help_text='One or two sentences: the news, as it appears in lists and feeds.', max_length=600, verbose_name='lead')),
                ('lead_fr', models.TextField(blank=True, help_text='One or two sentences: the news, as it appears in lists and feeds.', max_length=600, null=True, verbose_name='lead')),
                ('lead_en', models.TextField(blank=True, help_text='One or two sentences: the news, as it appears in lists and feeds.', max_length=600, null=True, verbose_name='lead')),
                ('lead_es', models.TextField(blank=True, help_text='One or two sentences: the news, as it appears in lists and feeds.', max_length=600, null=True, verbose_name='lead')),
                ('dateline', models.CharField(blank=True, help_text='Where the news comes from, e.g. New York.', max_length=100, verbose_name='dateline city')),
                ('dateline_fr', models.CharField(blank=True, help_text='Where the news comes from, e.g. New York.', max_length=100, null=True, verbose_name='dateline city')),
                ('dateline_en', models.CharField(blank=True, help_text='Where the news comes from, e.g. New York.', max_length=100, null=True, verbose_name='dateline city')),
                ('dateline_es', models.CharField(blank=True, help_text='Where the news comes from, e.g. New York.', max_length=100, null=True, verbose_name='dateline city')),
                ('body', core.richtext.RichTextField(blank=True, help_text='Scripts, event attributes and unsafe links are removed when saved.', verbose_name='body')),
                ('body_fr', core.richtext.RichTextField(blank=True, help_text='Scripts, event attributes and unsafe links are removed when saved.', null=True, verbose_name='body')),
                ('body_en', core.richtext.RichTextField(blank=True, help_text='Scripts, event attributes and unsafe links are removed when saved.', null=True, verbose_name='body')),
                ('body_es', core.richtext.RichTextField(blank=True, help_text='Scripts, event attributes and unsafe links are removed when saved.', null=True, verbose_name='body')),
                ('image_caption', models.CharField(blank=True, max_length=300, verbose_name='image caption')),
                ('image_caption_fr', models.CharField(blank=True, max_length=300, null=True, verbose_name='image caption')),
                ('image_caption_en', models.CharField(blank=True, max_length=300, null=True, verbose_name='image caption')),
                ('image_caption_es', models.CharField(blank=True, max_length=300, null=True, verbose_name='image caption')),
                ('image_alt', models.CharField(blank=True, help_text='What the image shows, for people who cannot see it.', max_length=300, verbose_name='image alt text')),
                ('image_alt_fr', models.CharField(blank=True, help_text='What the image shows, for people who cannot see it.', max_length=300, null=True, verbose_name='image alt text')),
                ('image_alt_en', models.CharField(blank=True, help_text='What the image shows, for people who cannot see it.', max_length=300, null=True, verbose_name='image alt text')),
                ('image_alt_es', models.CharField(blank=True, help_text='What the image shows, for people who cannot see it.', max_length=300, null=True, verbose_name='image alt text')),
                ('note_to_editors', core.richtext.RichTextField(blank=True, verbose_name='note to editors')),
                ('note_to_editors_fr', core.richtext.RichTextField(blank=True, null=True, verbose_name='note to editors')),
                ('note_to_editors_en', core.richtext.RichTextField(blank=True, null=True, verbose_name='note to editors')),
                ('note_to_editors_es', core.richtext.RichTextField(blank=True, null=True, verbose_name='note to editors')),
                ('published_at', models.DateTimeField(default=django.utils.timezone.now, help_text='A published release is public from this moment; set a later time to embargo it.', verbose_name='publication date and time')),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('published', 'Published')], default='draft', max_length=10, verbose_name='status')),
                ('kind', models.CharField(choices=[('press-release', 'Press release'), ('statement', 'Statement'), ('briefing-note', 'Briefing note'), ('media-advisory', 'Media advisory')], default='press-release', help_text="A statement gives IOM's position; a briefing note sums up what was said at a press briefing; a media advisory invites journalists to an event.", max_length=20, verbose_name='type')),
                ('original_language', models.CharField(choices=[('fr', 'French'), ('en', 'English'), ('es', 'Spanish')], default='fr', help_text='Readers who ask for a language the release is not in see this version.', max_length=5, verbose_name='original language')),
                ('image', models.TextField(blank=True, max_length=100, verbose_name='image')),
                ('image_credit', models.CharField(blank=True, help_text='e.g. © IOM 2024/Jane Doe', max_length=200, verbose_name='image credit')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='last changed')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('event', models.ForeignKey(blank=True, db_constraint=False, help_text="The release page then shows the About text of the event's series.", null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='events.event', verbose_name='event')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('issuing_unit', models.ForeignKey(blank=True, db_constraint=False, help_text='The office or division that issued the release; its page lists it.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organisation.unit', verbose_name='issued by')),
            ],
            options={
                'verbose_name': 'historical press release',
                'verbose_name_plural': 'historical press releases',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalPressRelease_contacts',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='pressroom.historicalpressrelease')),
                ('mediacontact', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pressroom.mediacontact')),
                ('pressrelease', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pressroom.pressrelease')),
            ],
            options={
                'verbose_name': 'HistoricalPressRelease_contacts',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalPressRelease_quoted_people',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='pressroom.historicalpressrelease')),
                ('person', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organisation.person')),
                ('pressrelease', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pressroom.pressrelease')),
            ],
            options={
                'verbose_name': 'HistoricalPressRelease_quoted_people',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RunPython(create_groups, delete_groups),
    ]
