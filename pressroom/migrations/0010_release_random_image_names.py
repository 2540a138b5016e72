"""Uploads under random names (core/uploads.py): each stored image is copied to one, its old
name kept as the original name; the old files go once this commits. Run
`manage.py generateimages` afterwards for the renditions under their new names."""

import core.uploads
from django.db import migrations, models


def rename(apps, schema_editor):
    from core.uploads import rename_existing

    model = apps.get_model("pressroom", "PressRelease")
    rename_existing(model, "image", "image_original_name", history=apps.get_model("pressroom", "HistoricalPressRelease"))


class Migration(migrations.Migration):

    dependencies = [
        ('pressroom', '0009_finder_speed'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalpressrelease',
            name='image_original_name',
            field=models.CharField(blank=True, editable=False, max_length=150, verbose_name="image's original file name"),
        ),
        migrations.AddField(
            model_name='pressrelease',
            name='image_original_name',
            field=models.CharField(blank=True, editable=False, max_length=150, verbose_name="image's original file name"),
        ),
        migrations.AlterField(
            model_name='historicalpressrelease',
            name='image',
            field=models.TextField(blank=True, db_index=True, help_text='JPEG, PNG, WebP or GIF, at most 10 MB and 40 megapixels. Location and camera data are removed when it is saved; journalists can download the file as stored.', max_length=100, verbose_name='image'),
        ),
        migrations.AlterField(
            model_name='pressrelease',
            name='image',
            field=models.ImageField(blank=True, db_index=True, height_field='image_height', help_text='JPEG, PNG, WebP or GIF, at most 10 MB and 40 megapixels. Location and camera data are removed when it is saved; journalists can download the file as stored.', upload_to=core.uploads.RandomName('releases'), verbose_name='image', width_field='image_width'),
        ),
        migrations.RunPython(rename, migrations.RunPython.noop),
    ]
