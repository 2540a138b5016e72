"""The topic ids each release keeps in its row (`topic_ids`, kept by a trigger: migration 0009,
PostgreSQL only), as expressions for the filter, the counts and the rows of a page."""

from django.db import connection
from django.db.models import BooleanField, Expression, Field
from django.db.models.expressions import Col


class TopicIds(Expression):
    """A release's topic ids (`topic_ids`, kept by a trigger: migration 0009, PostgreSQL only)."""

    output_field = Field()  # a list of ints, as psycopg reads a bigint[]

    def resolve_expression(self, query=None, *args, **kwargs):
        field = Field()
        field.set_attributes_from_name("topic_ids")
        field.model = query.model
        return Col(query.get_initial_alias(), field)


class TopicIdsMatch(Expression):
    """A condition on `topic_ids`: it holds all of `ids` (`@>`), or any of them (`&&`). On its GIN
    index (migration 0009), PostgreSQL intersects a topic's releases with a year's on the
    indexes and reads only the releases in both."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, ids, any_of=False, column=None):
        super().__init__()
        self.ids, self.any_of, self.column = list(ids), any_of, column or TopicIds()

    def get_source_expressions(self):
        return [self.column]  # so that the column follows its table's alias into subqueries

    def set_source_expressions(self, expressions):
        (self.column,) = expressions

    def as_sql(self, compiler, connection):
        column, params = compiler.compile(self.column)
        return f"{column} {'&&' if self.any_of else '@>'} %s::bigint[]", [*params, self.ids]


def topic_ids_kept():
    """True where releases keep their topic ids in the row (PostgreSQL)."""
    return connection.vendor == "postgresql"
