from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app import migrations
from app.services import database as dbmod
from app.services.database import (
    DatabaseError,
    alembic_config,
    check_database,
    open_database,
    resolve_location,
    sqlite_revision,
)

pytestmark = pytest.mark.sqlite_only


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_created_at_head_in_wal_mode(db_path: Path) -> None:
    result = open_database(resolve_location(str(db_path)))
    assert result.created and result.backup is None
    assert sqlite_revision(db_path) == migrations.HEAD
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    result.database.close()


def test_revisions_list_matches_alembic_history() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    history = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(history) == migrations.REVISIONS
    assert script.get_current_head() == migrations.HEAD


def test_migrations_match_the_models(db) -> None:  # type: ignore[no-untyped-def]
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from app.models.schema import Base

    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_foreign_keys_and_uniqueness_are_enforced(db) -> None:  # type: ignore[no-untyped-def]
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO customer (name, phone) VALUES ('甲', '13800000000')"))
        conn.execute(text("INSERT INTO customer (name) VALUES ('乙'), ('丙')"))  # many without a phone
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(text("INSERT INTO customer (name, phone) VALUES ('丁', '13800000000')"))
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO orders (customer_id, ordered_at, amount_cents, source, external_no) "
                "VALUES (999, '2026-01-01 10:00:00', 100, 'pos', 'A1')"
            )
        )
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO orders (customer_id, ordered_at, amount_cents, source, external_no) "
                "VALUES (1, '2026-01-01 10:00:00', 100, 'pos', 'A1'), (1, '2026-01-01 10:00:00', 100, 'web', 'A1')"
            )
        )
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO orders (customer_id, ordered_at, amount_cents, source, external_no) "
                "VALUES (1, '2026-01-02 10:00:00', 200, 'pos', 'A1')"
            )
        )


def test_newer_database_is_refused_and_left_untouched(db_path: Path) -> None:
    open_database(resolve_location(str(db_path))).database.close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = _digest(db_path)
    with pytest.raises(DatabaseError) as err:
        open_database(resolve_location(str(db_path)))
    assert "newer version" in str(err.value)
    assert _digest(db_path) == before
    result = check_database(resolve_location(str(db_path)))
    assert not result.ok and "newer version" in result.message
    assert _digest(db_path) == before


def test_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库\n" * 100, encoding="utf-8")
    before = _digest(path)
    with pytest.raises(DatabaseError, match="not a Siyu database"):
        open_database(resolve_location(str(path)))
    assert not check_database(resolve_location(str(path))).ok
    assert _digest(path) == before


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE things (id INTEGER)")
    conn.close()
    before = _digest(path)
    with pytest.raises(DatabaseError, match="not a Siyu database"):
        open_database(resolve_location(str(path)))
    assert _digest(path) == before


def test_older_database_is_upgraded_after_a_backup(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database(resolve_location(str(db_path))).database.close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO staff (name, role, status) VALUES ('林晓', 'owner', 'active')")
    conn.close()
    # A copy of the migrations with one more revision plays the part of the next version of Siyu.
    scripts = tmp_path / "migrations"
    shutil.copytree(Path(migrations.__file__).parent, scripts)
    (scripts / "versions" / "0099_test.py").write_text(
        '"""test revision"""\nfrom alembic import op\nimport sqlalchemy as sa\n'
        f'revision = "0099"\ndown_revision = "{migrations.HEAD}"\nbranch_labels = None\ndepends_on = None\n'
        'def upgrade():\n    op.add_column("staff", sa.Column("nickname", sa.String(20)))\n'
        'def downgrade():\n    op.drop_column("staff", "nickname")\n',
        encoding="utf-8",
    )
    original = dbmod.alembic_config

    def patched():  # type: ignore[no-untyped-def]
        cfg = original()
        cfg.set_main_option("script_location", str(scripts))
        return cfg

    monkeypatch.setattr(dbmod, "alembic_config", patched)
    monkeypatch.setattr(dbmod, "REVISIONS", (*migrations.REVISIONS, "0099"))
    monkeypatch.setattr(dbmod, "HEAD", "0099")
    result = open_database(resolve_location(str(db_path)))
    result.database.close()
    assert result.upgraded_from == migrations.HEAD
    assert result.backup is not None and result.backup.exists()
    assert sqlite_revision(result.backup) == migrations.HEAD
    assert sqlite_revision(db_path) == "0099"
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT name, nickname FROM staff").fetchall() == [("林晓", None)]
    conn.close()


def test_location_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    default = resolve_location(None)
    assert default.sqlite_path == tmp_path / "data" / "siyu.db"
    monkeypatch.setenv("SIYU_DB", str(tmp_path / "env.db"))
    assert resolve_location(None).sqlite_path == tmp_path / "env.db"
    assert resolve_location(str(tmp_path / "arg.db")).sqlite_path == tmp_path / "arg.db"
    url = resolve_location("postgresql+psycopg://shop:secret@localhost/siyu")
    assert not url.is_sqlite and "secret" not in url.display


def test_check_reports_a_healthy_database(db, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = check_database(resolve_location(str(db_path)))
    assert result.ok and result.revision == migrations.HEAD
    assert not check_database(resolve_location(str(db_path.with_name("missing.db")))).ok


def test_every_revision_upgrades_a_shop_with_data(tmp_path: Path) -> None:
    """A shop made by the first release, with its demo data, opens in this one."""
    import datetime as dt

    from app.services.database import Database, upgrade
    from app.services.demo import generate_demo

    path = tmp_path / "old.db"
    old = Database(resolve_location(str(path)))
    upgrade(old, migrations.REVISIONS[0])
    generate_demo(old, customers=50, orders=300, seed=3, end=dt.date(2026, 1, 31))
    old.close()
    result = open_database(resolve_location(str(path)))
    assert result.upgraded_from == migrations.REVISIONS[0] and result.backup is not None
    assert sqlite_revision(path) == migrations.HEAD
    assert check_database(resolve_location(str(path))).ok
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM orders").fetchone() == (300,)
    conn.close()
    result.database.close()


def test_the_change_counters_triggers_exist_at_head(db) -> None:  # type: ignore[no-untyped-def]
    """A later migration that rebuilds customer or orders (an Alembic batch operation under SQLite) drops
    their triggers; the kept dashboard weeks and customer figures would then never be read again."""
    import pytest
    from sqlalchemy import text

    if not db.location.is_sqlite:
        pytest.skip("PostgreSQL checks a fingerprint instead")
    with db.engine.connect() as conn:
        names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))}
        counters = dict(conn.execute(text("SELECT name, n FROM data_version")).all())
    assert {"siyu_figures_insert", "siyu_figures_delete", "siyu_figures_update", "siyu_orders_insert",
            "siyu_orders_delete", "siyu_orders_update"} <= names  # fmt: skip
    assert set(counters) == {"orders", "customer_figures"}


def test_codes_stored_as_decimals_become_whole_numbers(tmp_path: Path) -> None:
    """Migration 0010: "17850.0" as an earlier version stored it is "17850", as imports now read it; a
    whole number that another record already has is left alone."""
    from sqlalchemy import text

    from app.services.database import Database, upgrade

    path = tmp_path / "old.db"
    old = Database(resolve_location(str(path)))
    upgrade(old, "0009")
    with old.engine.begin() as conn:
        conn.execute(text("INSERT INTO customer (id, name, member_code) VALUES (1, '甲', '17850.0'), "
                          "(2, '乙', '13047.0'), (3, '丙', '13047'), (4, '丁', 'V1.0'), (5, '戊', '2.00'), (6, '己', '1.10')"))  # fmt: skip
        conn.execute(text(
            "INSERT INTO orders (customer_id, ordered_at, amount_cents, source, external_no, created_at) VALUES "
            "(1, '2026-01-01', 100, 'import', '536365.0', '2026-01-01'), "
            "(1, '2026-01-02', 100, 'till', '536366.0', '2026-01-02'), "
            "(1, '2026-01-02', 100, 'import', '536366', '2026-01-02')"))  # fmt: skip
    old.close()
    result = open_database(resolve_location(str(path)))
    with result.database.engine.connect() as conn:
        assert dict(conn.execute(text("SELECT id, member_code FROM customer")).all()) == {
            1: "17850", 2: "13047.0", 3: "13047", 4: "V1.0", 5: "2", 6: "1.10"}
        assert sorted(conn.execute(text("SELECT source, external_no FROM orders")).all()) == [
            ("import", "536365"), ("import", "536366"), ("till", "536366")]
    result.database.close()


def test_customer_tag_keeps_its_links_without_a_rowid(tmp_path: Path) -> None:
    """Migration 0011: the links of an older shop survive the move to a WITHOUT ROWID table, with their
    origin and time, its foreign keys and index by tag; and a downgrade brings the rowid table back."""
    from sqlalchemy import text

    from app.services.database import Database, upgrade

    path = tmp_path / "old.db"
    old = Database(resolve_location(str(path)))
    upgrade(old, "0010")
    with old.engine.begin() as conn:
        conn.execute(text("INSERT INTO customer (id, name) VALUES (1, '甲'), (2, '乙')"))
        conn.execute(text("INSERT INTO tag_group (id, name, exclusive, color, sort_order) VALUES (1, '兴趣', 0, '#5b8def', 1)"))
        conn.execute(text("INSERT INTO tag (id, group_id, name) VALUES (1, 1, '面包控'), (2, 1, '学生')"))
        conn.execute(text(
            "INSERT INTO customer_tag (customer_id, tag_id, origin, created_at) VALUES "
            "(2, 1, 'import', '2026-01-02 10:00:00'), (1, 2, 'manual', '2026-01-01 09:00:00')"))  # fmt: skip
    old.close()
    result = open_database(resolve_location(str(path)))
    db = result.database
    with db.engine.begin() as conn:
        sql = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'customer_tag'")).scalar_one()
        assert sql.rstrip().endswith("WITHOUT ROWID")
        assert conn.execute(text("SELECT * FROM customer_tag")).all() == [
            (1, 2, "manual", "2026-01-01 09:00:00"), (2, 1, "import", "2026-01-02 10:00:00")]
        plan = " ".join(r[-1] for r in conn.execute(text("EXPLAIN QUERY PLAN SELECT max(created_at) FROM customer_tag WHERE tag_id = 1")))
        assert "ix_customer_tag_tag_created" in plan
        conn.execute(text("DELETE FROM customer WHERE id = 1"))  # the cascade still takes the links along
        assert conn.execute(text("SELECT customer_id FROM customer_tag")).scalars().all() == [2]
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(text("INSERT INTO customer_tag (customer_id, tag_id) VALUES (99, 1)"))
    from alembic import command

    from app.services.database import alembic_config

    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0010")
    with db.engine.connect() as conn:
        sql = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'customer_tag'")).scalar_one()
        assert "WITHOUT ROWID" not in sql
        assert conn.execute(text("SELECT customer_id, tag_id FROM customer_tag")).all() == [(2, 1)]
    db.close()
