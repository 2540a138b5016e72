"""A migration operation: per-language full-text search columns, made by hand on PostgreSQL.

Django cannot declare a stored generated `tsvector` column portably, so the model does not know
these columns (the finder points at them) and `makemigrations` never sees them; on other
databases nothing is made. Each language gets a column `{name}_{code}`: the model's weighted
fields in that language (`title_fr` weighted A…), read with the language's text-search
configuration, and optionally a GIN index `{index}_{code}`.

A migration names the languages and configurations it was written for, never the settings:
migrations are history, and a database migrated from scratch must come out as one migrated step
by step. Adding a language is a new migration with the same operations for the new code alone
(README.md, "Adding a language"). The SQL here is history too: a different document is a new
operation, never an edit of this one.

PostgreSQL refuses to change the type of a column that a generated column reads: a migration
that alters a weighted field must remove the search column first (`RemoveSearchColumns`, this
operation reversed) and add it again. A new document for existing columns (another
configuration) is the same: remove them with the old arguments, add them with the new.

`AddUnaccentedConfiguration` makes a text-search configuration that reads words without their
accents (`french_unaccent`: `french` with the `unaccent` dictionary before the stemmer), so that
`deplacees` finds `déplacées`. It needs the `unaccent` extension (contrib, in every PostgreSQL
package): `CREATE EXTENSION` needs a superuser or, since PostgreSQL 13, the owner of the database
(unaccent is a trusted extension).
"""

from typing import Any

from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.operations.base import Operation
from django.db.migrations.state import ProjectState


class AddSearchColumns(Operation):
    reversible = True

    def __init__(
        self,
        *,
        model_name: str,
        name: str,
        weights: dict[str, str],
        configs: dict[str, str],
        index: str = "",
        storage: str = "",
    ) -> None:
        """`weights`: {field: "A"…}; `configs`: {language code: text-search configuration};
        `storage`: a column storage (MAIN keeps a small document in the row)."""
        self.model_name = model_name
        self.name = name
        self.weights = weights
        self.configs = configs
        self.index = index
        self.storage = storage

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        kwargs = {
            "model_name": self.model_name,
            "name": self.name,
            "weights": self.weights,
            "configs": self.configs,
            "index": self.index,
            "storage": self.storage,
        }
        return (
            self.__class__.__qualname__,
            [],
            {key: value for key, value in kwargs.items() if value},
        )

    def state_forwards(self, app_label: str, state: ProjectState) -> None:
        pass  # the model does not declare the columns

    def database_forwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        table = self._table(app_label, schema_editor, to_state)
        if not table:
            return
        # One statement: the table is rewritten once for all the languages.
        changes = [self._column_sql(code, config) for code, config in self.configs.items()]
        if self.storage:
            changes += [
                f"ALTER COLUMN {self.name}_{code} SET STORAGE {self.storage}"
                for code in self.configs
            ]
        schema_editor.execute(f"ALTER TABLE {table} " + ", ".join(changes))
        for code in self.configs if self.index else ():
            schema_editor.execute(
                f"CREATE INDEX {self.index}_{code} ON {table} USING gin ({self.name}_{code})"
            )

    def database_backwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        table = self._table(app_label, schema_editor, from_state)
        if not table:
            return
        drops = [f"DROP COLUMN {self.name}_{code}" for code in self.configs]  # and their indexes
        schema_editor.execute(f"ALTER TABLE {table} " + ", ".join(drops))

    def describe(self) -> str:
        languages = ", ".join(self.configs)
        return f"Add the search columns {self.name}_* ({languages}) of {self.model_name}"

    def _table(
        self, app_label: str, schema_editor: BaseDatabaseSchemaEditor, state: ProjectState
    ) -> str:
        """The model's table, quoted; "" where nothing is to be made."""
        model = state.apps.get_model(app_label, self.model_name)
        connection = schema_editor.connection
        if connection.vendor != "postgresql" or not self.allow_migrate_model(
            connection.alias, model
        ):
            return ""
        return schema_editor.quote_name(model._meta.db_table)

    def _column_sql(self, code: str, config: str) -> str:
        document = " || ".join(
            f"setweight(to_tsvector('{config}'::regconfig, coalesce({field}_{code}, '')), "
            f"'{weight}')"
            for field, weight in self.weights.items()
        )
        return f"ADD COLUMN {self.name}_{code} tsvector GENERATED ALWAYS AS ({document}) STORED"


class RemoveSearchColumns(AddSearchColumns):
    """The columns that `AddSearchColumns` with the same arguments made, removed (and made again
    when the migration is reversed)."""

    def database_forwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        super().database_backwards(app_label, schema_editor, to_state, from_state)

    def database_backwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        super().database_forwards(app_label, schema_editor, to_state, from_state)

    def describe(self) -> str:
        languages = ", ".join(self.configs)
        return f"Remove the search columns {self.name}_* ({languages}) of {self.model_name}"


class AddUnaccentedConfiguration(Operation):
    """A text-search configuration `name`: a copy of `template` whose words pass through the
    `unaccent` dictionary before `dictionary`, the template's own for words (its stemmer:
    `french_stem`; `simple` for `simple`), on PostgreSQL only."""

    reversible = True
    # The token types that may hold accented letters; asciiword and the rest cannot.
    TOKENS = "word, hword, hword_part"

    def __init__(self, *, name: str, template: str, dictionary: str) -> None:
        self.name = name
        self.template = template
        self.dictionary = dictionary

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        return (
            self.__class__.__qualname__,
            [],
            {"name": self.name, "template": self.template, "dictionary": self.dictionary},
        )

    def state_forwards(self, app_label: str, state: ProjectState) -> None:
        pass

    def database_forwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(
            f"CREATE TEXT SEARCH CONFIGURATION {self.name} (COPY = {self.template})"
        )
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {self.name} ALTER MAPPING FOR {self.TOKENS} "
            f"WITH unaccent, {self.dictionary}"
        )

    def database_backwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION {self.name}")

    def describe(self) -> str:
        return f"Add the text-search configuration {self.name} ({self.template} without accents)"
