"""The corpus index: one embedded DuckDB file. The only module that imports duckdb."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import InputError

# Table → column definitions. README "Working with a corpus" documents the same schema.
SCHEMA: dict[str, tuple[tuple[str, str], ...]] = {
    "plans": (
        ("plan_id", "VARCHAR PRIMARY KEY"),  # sha256 of the file's bytes
        ("path", "VARCHAR"), ("file_name", "VARCHAR"), ("slug", "VARCHAR"), ("format", "VARCHAR"),
        ("encoding", "VARCHAR"), ("title", "VARCHAR"), ("issuer", "VARCHAR"), ("place", "VARCHAR"),
        ("city", "VARCHAR"), ("district", "VARCHAR"), ("level", "VARCHAR"), ("year", "INTEGER"),
        ("date", "VARCHAR"), ("doc_number", "VARCHAR"), ("series", "VARCHAR"), ("chars", "INTEGER"),
        ("sections", "INTEGER"), ("sentences", "INTEGER"), ("targets", "INTEGER"), ("seconds", "DOUBLE"),
        ("text", "VARCHAR"),  # the decoded, width-folded text that sentence and target offsets point into
    ),
    "sections": (
        ("plan_id", "VARCHAR"), ("section_id", "VARCHAR"), ("parent_id", "VARCHAR"), ("position", "INTEGER"),
        ("level", "INTEGER"), ("marker", "VARCHAR"), ("heading", "VARCHAR"), ("label", "VARCHAR"),
        ("sentences", "INTEGER"), ("start", "INTEGER"), ("kind", "VARCHAR"),
    ),
    "sentences": (
        ("plan_id", "VARCHAR"), ("position", "INTEGER"), ("section_id", "VARCHAR"), ("text", "VARCHAR"),
        ("start", "INTEGER"), ("stop", "INTEGER"),
    ),
    "targets": (
        ("plan_id", "VARCHAR"), ("target_id", "VARCHAR"), ("indicator", "VARCHAR"), ("key", "VARCHAR"),
        ("comparator", "VARCHAR"), ("value", "DOUBLE"), ("upper", "DOUBLE"), ("unit", "VARCHAR"),
        ("kind", "VARCHAR"), ("firmness", "VARCHAR"), ("tense", "VARCHAR"), ("section_id", "VARCHAR"),
        ("text", "VARCHAR"), ("sentence", "VARCHAR"), ("start", "INTEGER"),
    ),
    "comparisons": (
        ("comparison_id", "VARCHAR PRIMARY KEY"), ("old_plan", "VARCHAR"), ("new_plan", "VARCHAR"),
        ("mode", "VARCHAR"), ("series", "VARCHAR"), ("old_year", "INTEGER"), ("new_year", "INTEGER"),
        ("sections_matched", "INTEGER"), ("sections_added", "INTEGER"), ("sections_removed", "INTEGER"),
        ("sections_split", "INTEGER"), ("sections_merged", "INTEGER"), ("sections_moved", "INTEGER"),
        ("sentences_same", "INTEGER"), ("sentences_changed", "INTEGER"), ("sentences_added", "INTEGER"),
        ("sentences_removed", "INTEGER"), ("sentences_moved", "INTEGER"), ("sentences_routine", "INTEGER"),
        ("targets_changed", "INTEGER"), ("differs", "BOOLEAN"), ("seconds", "DOUBLE"),
    ),
    "section_pairs": (
        ("comparison_id", "VARCHAR"), ("position", "INTEGER"), ("status", "VARCHAR"), ("old_section", "VARCHAR"),
        ("new_section", "VARCHAR"), ("old_heading", "VARCHAR"), ("new_heading", "VARCHAR"), ("score", "DOUBLE"),
        ("moved", "BOOLEAN"), ("sentences_changed", "INTEGER"), ("sentences_added", "INTEGER"),
        ("sentences_removed", "INTEGER"),
    ),
    "target_changes": (
        ("comparison_id", "VARCHAR"), ("status", "VARCHAR"), ("indicator", "VARCHAR"), ("key", "VARCHAR"),
        ("kind", "VARCHAR"), ("unit", "VARCHAR"), ("old_value", "DOUBLE"), ("new_value", "DOUBLE"),
        ("delta", "DOUBLE"), ("firmness_change", "VARCHAR"), ("old_text", "VARCHAR"), ("new_text", "VARCHAR"),
    ),
    "reuse": (
        ("plan_a", "VARCHAR"), ("plan_b", "VARCHAR"), ("a_first", "INTEGER"), ("a_last", "INTEGER"),
        ("b_first", "INTEGER"), ("b_last", "INTEGER"), ("sentences", "INTEGER"), ("chars", "INTEGER"),
        ("similarity", "DOUBLE"), ("earlier_plan", "VARCHAR"), ("text_a", "VARCHAR"), ("text_b", "VARCHAR"),
    ),
    "sentence_bands": (  # MinHash LSH buckets of each sentence long enough to be evidence of reuse
        ("plan_id", "VARCHAR"), ("position", "INTEGER"), ("band", "TINYINT"), ("bucket", "BIGINT"),
    ),
    "errors": (
        ("path", "VARCHAR"), ("plan_id", "VARCHAR"), ("stage", "VARCHAR"), ("reason", "VARCHAR"),
    ),
}
TABLES = tuple(SCHEMA)


def _duckdb():
    import duckdb

    return duckdb


class CorpusIndex:
    """An open corpus index; rows go in table by table, questions come out as (columns, rows)."""

    def __init__(self, path: Path, create: bool = True):
        path = Path(path)
        if not create and not path.exists():
            raise InputError(f"{path}: no corpus index here; build one with `plandiff corpus build DIR --db {path}`")
        duckdb = _duckdb()
        try:
            self.connection = duckdb.connect(str(path))
        except duckdb.Error as error:
            raise InputError(f"{path}: cannot open the corpus index ({_first_line(error)})") from error
        for table, columns in SCHEMA.items():
            body = ", ".join(f'"{name}" {kind}' for name, kind in columns)
            self.connection.execute(f"CREATE TABLE IF NOT EXISTS {table} ({body})")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> CorpusIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------------
    def insert(self, table: str, rows: Sequence[Sequence]) -> None:
        """Append rows (tuples in SCHEMA column order) to a table.

        Rows go in column-wise through numpy arrays, which DuckDB scans in bulk: executemany takes
        minutes for the 100,000 rows a few hundred plans make, this takes under a second.
        """
        if not rows:
            return
        import numpy as np

        batch = {f"c{i}": np.array(column, dtype=object) for i, column in enumerate(zip(*rows))}  # noqa: F841
        names = ", ".join(f"c{i}" for i in range(len(SCHEMA[table])))
        self.connection.execute(f"INSERT INTO {table} SELECT {names} FROM batch")

    def insert_all(self, tables: dict[str, Sequence[Sequence]]) -> None:
        """Insert one task's rows into several tables in one transaction: a plan is indexed whole or not at all."""
        self.connection.execute("BEGIN TRANSACTION")
        try:
            for table, rows in tables.items():
                self.insert(table, rows)
            self.connection.execute("COMMIT")
        except Exception:
            self.connection.execute("ROLLBACK")
            raise

    def clear(self, table: str, where: str = "", parameters: Sequence = ()) -> None:
        self.connection.execute(f"DELETE FROM {table}" + (f" WHERE {where}" if where else ""), list(parameters))

    # -- reading ------------------------------------------------------------------------------------
    def query(self, sql: str, parameters: Sequence = ()) -> tuple[list[str], list[tuple]]:
        """Run SQL; bad SQL becomes a one-line InputError."""
        duckdb = _duckdb()
        try:
            cursor = self.connection.execute(sql, list(parameters))
        except duckdb.Error as error:
            raise InputError(f"SQL error: {_first_line(error)}") from error
        if cursor.description is None:
            return [], []
        return [column[0] for column in cursor.description], cursor.fetchall()

    def rows(self, sql: str, parameters: Sequence = ()) -> list[dict]:
        columns, rows = self.query(sql, parameters)
        return [dict(zip(columns, row)) for row in rows]

    def indexed_hashes(self) -> set[str]:
        """Content hashes already indexed: a rerun skips them."""
        _, rows = self.query("SELECT plan_id FROM plans")
        return {row[0] for row in rows}

    def count(self, table: str) -> int:
        return self.query(f"SELECT count(*) FROM {table}")[1][0][0]

    def export_parquet(self, folder: Path, tables: Iterable[str] = TABLES) -> list[Path]:
        """Write each table to FOLDER/<table>.parquet (DuckDB's own writer, no pyarrow needed)."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for table in tables:
            target = folder / f"{table}.parquet"
            self.connection.execute(f"COPY {table} TO '{_quoted(target)}' (FORMAT PARQUET)")
            written.append(target)
        return written

    def export_query(self, sql: str, target: Path, file_format: str) -> None:
        """Write a query's result to a CSV or Parquet file."""
        options = "FORMAT PARQUET" if file_format == "parquet" else "FORMAT CSV, HEADER"
        duckdb = _duckdb()
        try:
            self.connection.execute(f"COPY ({sql}) TO '{_quoted(target)}' ({options})")
        except duckdb.Error as error:
            raise InputError(f"{target}: cannot export ({_first_line(error)})") from error


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
