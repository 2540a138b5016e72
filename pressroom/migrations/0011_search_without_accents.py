"""Word search without accents: `deplacees` finds `déplacées`, in every language.

Each language's text-search configuration gets an unaccented copy (`french_unaccent`: the words
pass through PostgreSQL's `unaccent` dictionary, then the French stemmer), and the search columns
of migrations 0004 and 0009 are made again with it (core/search_columns.py): the documents and
the queries both lose their accents, stemming and ranking are unchanged. On an existing database
of 100,000 releases it rewrites the table twice, a few minutes.

`CREATE EXTENSION unaccent` needs a superuser or the owner of the database (a trusted extension
since PostgreSQL 13); README.md, "The finder", says what production needs. On SQLite nothing is
done: the finder folds accents itself there (pressroom/finder/plain_search.py).

The languages and configurations are the ones this migration was written for.
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

from core.search_columns import AddSearchColumns, AddUnaccentedConfiguration, RemoveSearchColumns

BEFORE = {"fr": "french", "en": "english", "es": "spanish"}
AFTER = {"fr": "french_unaccent", "en": "english_unaccent", "es": "spanish_unaccent"}
STEMMERS = {"french": "french_stem", "english": "english_stem", "spanish": "spanish_stem"}
SEARCH = {"name": "search", "weights": {"title": "A", "lead": "B", "body": "C"}}
HEAD = {"name": "search_head", "weights": {"title": "A", "lead": "B"}, "storage": "MAIN"}


class Migration(migrations.Migration):

    dependencies = [
        ("pressroom", "0010_release_random_image_names"),
    ]

    operations = [
        UnaccentExtension(),
        *[
            AddUnaccentedConfiguration(
                name=AFTER[code], template=BEFORE[code], dictionary=STEMMERS[BEFORE[code]]
            )
            for code in BEFORE
        ],
        RemoveSearchColumns(model_name="pressrelease", configs=BEFORE, **HEAD),
        RemoveSearchColumns(
            model_name="pressrelease", configs=BEFORE, index="release_search", **SEARCH
        ),
        AddSearchColumns(model_name="pressrelease", configs=AFTER, index="release_search", **SEARCH),
        AddSearchColumns(model_name="pressrelease", configs=AFTER, **HEAD),
    ]
