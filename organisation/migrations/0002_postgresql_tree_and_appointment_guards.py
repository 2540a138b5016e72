"""Two invariants that a CHECK constraint cannot state, enforced by PostgreSQL itself.

- No unit is its own ancestor: a trigger walks up from the new parent before each insert or
  change of parent. (The CHECK constraint unit_not_its_own_parent covers the one-step cycle on
  every database.)
- A post has at most one holder on any day: an exclusion constraint on the post and the days of
  each appointment (both ends included). It is checked at commit, so that an editor can shorten
  one appointment and move the next one's start in the same save, in either order.

Both are written in SQL and skipped on other databases: on SQLite (`make run`) the services and
the admin's validation are the guard. Django's model state does not know about them, on purpose.
"""

from django.db import migrations

FORWARD = [
    """
CREATE FUNCTION organisation_unit_refuse_cycle() RETURNS trigger AS $$
BEGIN
    IF NEW.parent_id IS NOT NULL AND EXISTS (
        WITH RECURSIVE ancestor(id, parent_id) AS (
            SELECT id, parent_id FROM organisation_unit WHERE id = NEW.parent_id
            UNION
            SELECT unit.id, unit.parent_id
            FROM organisation_unit unit JOIN ancestor ON unit.id = ancestor.parent_id
        )
        SELECT 1 FROM ancestor WHERE id = NEW.id
    ) THEN
        RAISE EXCEPTION 'organisation unit % cannot be its own ancestor', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'unit_not_its_own_ancestor';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql
""",
    """
CREATE TRIGGER unit_not_its_own_ancestor
    BEFORE INSERT OR UPDATE OF parent_id ON organisation_unit
    FOR EACH ROW EXECUTE FUNCTION organisation_unit_refuse_cycle()
""",
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    """
ALTER TABLE organisation_appointment ADD CONSTRAINT appointment_one_holder_a_day
    EXCLUDE USING gist (position_id WITH =, daterange(start_date, end_date, '[]') WITH &&)
    DEFERRABLE INITIALLY DEFERRED
""",
]

BACKWARD = [
    "ALTER TABLE organisation_appointment DROP CONSTRAINT appointment_one_holder_a_day",
    "DROP TRIGGER unit_not_its_own_ancestor ON organisation_unit",
    "DROP FUNCTION organisation_unit_refuse_cycle()",
]


def on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)  # no placeholders: "%" is PL/pgSQL's

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD)),
    ]
