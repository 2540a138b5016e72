"""Uploads under random names (core/uploads.py): each stored photo is copied to one, its old
name kept as the original name; the old files go once this commits. Run
`manage.py generateimages` afterwards for the renditions under their new names."""

import core.uploads
from django.db import migrations, models


def rename(apps, schema_editor):
    from core.uploads import rename_existing

    model = apps.get_model("organisation", "Person")
    rename_existing(model, "photo", "photo_original_name")


class Migration(migrations.Migration):

    dependencies = [
        ('organisation', '0004_title_forms'),
    ]

    operations = [
        migrations.AddField(
            model_name='person',
            name='photo_original_name',
            field=models.CharField(blank=True, editable=False, max_length=150, verbose_name="photo's original file name"),
        ),
        migrations.AlterField(
            model_name='person',
            name='photo',
            field=models.ImageField(blank=True, db_index=True, upload_to=core.uploads.RandomName('people'), verbose_name='photo'),
        ),
        migrations.RunPython(rename, migrations.RunPython.noop),
    ]
