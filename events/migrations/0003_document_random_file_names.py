"""Uploads under random names (core/uploads.py): each stored file is copied to one, its old
name kept as the original name; the old files go once this commits. Run
`manage.py generateimages` afterwards for the renditions under their new names."""

import core.uploads
from django.db import migrations, models


def rename(apps, schema_editor):
    from core.uploads import rename_existing

    model = apps.get_model("events", "Document")
    rename_existing(model, "file", "file_original_name")


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0002_speaker_staff'),
    ]

    operations = [
        migrations.AddField(
            model_name='document',
            name='file_original_name',
            field=models.CharField(blank=True, editable=False, max_length=150, verbose_name='original file name'),
        ),
        migrations.AlterField(
            model_name='document',
            name='file',
            field=models.FileField(db_index=True, upload_to=core.uploads.RandomName('events/documents'), verbose_name='file'),
        ),
        migrations.RunPython(rename, migrations.RunPython.noop),
    ]
