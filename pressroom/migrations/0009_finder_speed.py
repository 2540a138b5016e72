"""Two columns that make the finder's broad word searches cheap, made by hand on PostgreSQL.

- `search_head_{fr,en,es}`: a small search document of the title (weight A) and the lead (B),
  stored and generated like `search_*` (migration 0004). Relevance is ranked on it: ranking
  thousands of hits on the whole document read (and decompressed) every body, about 30 µs a
  hit; this one sits in the row. The words are still looked for in the whole document.
- `topic_ids`: the ids of a release's topics, kept by a trigger on the topic links (in the same
  transaction, whatever writes them), with a GIN index. The finder counts the topics of
  thousands of hits by unnesting it in the rows it reads anyway, instead of looking up each
  hit's links, and filters by topic on its index.

The model declares neither (pressroom/search.py and pressroom/finder.py point at them), so
Django never writes them. On SQLite nothing is created. As with 0004: a migration that changes
the type of title_* or lead_* must drop search_head_* first and create it again. The languages
are the ones this migration was written for, not read from the settings.
"""

from django.db import migrations

from core.search_columns import AddSearchColumns

CONFIGS = {"fr": "french", "en": "english", "es": "spanish"}

TOPICS_SQL = """
ALTER TABLE pressroom_pressrelease ADD COLUMN topic_ids bigint[] NOT NULL DEFAULT '{}';
-- Never moved out of the row (it is small): a wide row would otherwise lose it to TOAST first.
ALTER TABLE pressroom_pressrelease ALTER COLUMN topic_ids SET STORAGE PLAIN;

CREATE FUNCTION pressroom_release_topic_ids(release bigint) RETURNS void LANGUAGE sql AS $$
    UPDATE pressroom_pressrelease SET topic_ids = ARRAY(
        SELECT tag_id FROM pressroom_taggedrelease WHERE content_object_id = release
        ORDER BY tag_id
    ) WHERE id = release;
$$;

CREATE FUNCTION pressroom_link_topic_ids() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM pressroom_release_topic_ids(OLD.content_object_id);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM pressroom_release_topic_ids(NEW.content_object_id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER taggedrelease_topic_ids AFTER INSERT OR DELETE OR UPDATE
ON pressroom_taggedrelease FOR EACH ROW EXECUTE FUNCTION pressroom_link_topic_ids();

CREATE FUNCTION pressroom_topic_ids_rebuild() RETURNS void LANGUAGE sql AS $$
    UPDATE pressroom_pressrelease r SET topic_ids = links.ids
    FROM (SELECT content_object_id, array_agg(tag_id ORDER BY tag_id) AS ids
          FROM pressroom_taggedrelease GROUP BY content_object_id) AS links
    WHERE links.content_object_id = r.id;
$$;

SELECT pressroom_topic_ids_rebuild();
-- The topic filter: a topic's releases intersected on the indexes with a period's.
CREATE INDEX release_topic_ids ON pressroom_pressrelease USING gin (topic_ids);
"""

DROP_SQL = """
DROP TRIGGER taggedrelease_topic_ids ON pressroom_taggedrelease;
DROP FUNCTION pressroom_link_topic_ids();
DROP FUNCTION pressroom_release_topic_ids(bigint);
DROP FUNCTION pressroom_topic_ids_rebuild();
ALTER TABLE pressroom_pressrelease DROP COLUMN topic_ids;
"""


def add_topic_ids(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TOPICS_SQL)


def remove_topic_ids(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL)


class Migration(migrations.Migration):

    dependencies = [
        ("pressroom", "0008_release_image_size"),
    ]

    operations = [
        AddSearchColumns(
            model_name="pressrelease",
            name="search_head",
            weights={"title": "A", "lead": "B"},
            configs=CONFIGS,
            # Kept in the row (compressed if need be): PostgreSQL would otherwise move them out
            # of a wide row first, and ranking would read one TOAST entry per hit and language.
            storage="MAIN",
        ),
        migrations.RunPython(add_topic_ids, remove_topic_ids, elidable=False),
    ]
