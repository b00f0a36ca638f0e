"""Staff accounts: the database itself keeps each member to their own customers (PostgreSQL only)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.services.accounts import AccountError, AccountService, login_for


def test_a_single_computer_shop_has_no_accounts(db) -> None:  # type: ignore[no-untyped-def]
    if not db.location.is_sqlite:
        pytest.skip("about the SQLite file")
    with pytest.raises(AccountError, match="shared PostgreSQL"):
        AccountService(db)
    assert login_for("林晓") == "siyu_linxiao" and login_for("Amy Wang") == "siyu_amywang"


@pytest.fixture
def accounts(demo_db):  # type: ignore[no-untyped-def]
    if demo_db.location.is_sqlite:
        pytest.skip("staff accounts exist on PostgreSQL only")
    service = AccountService(demo_db)
    tag = uuid.uuid4().hex[:8]
    made = []

    def add(name: str, role: str = "staff") -> tuple[str, str]:
        login, password = f"t{tag}_{len(made)}", f"pw-{tag}"
        service.add(name, role, password, login)
        made.append(login)
        return login, password

    yield service, add
    with demo_db.engine.begin() as conn:  # login roles belong to the server, not to the test database
        conn.execute(text("UPDATE staff SET login = NULL"))
        for login in made:
            conn.execute(text(f'DROP ROLE IF EXISTS "{login}"'))


def connect_as(db, login: str, password: str):  # type: ignore[no-untyped-def]
    import psycopg

    url = make_url(db.location.url).set(drivername="postgresql", username=login, password=password)
    return psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)


def counts(db, sql: str, **params) -> int:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        return int(conn.execute(text(sql), params).scalar())


def test_a_member_sees_and_changes_only_their_own(accounts, demo_db) -> None:  # type: ignore[no-untyped-def]
    service, add = accounts
    login, password = add("陈佳")
    ids = {a.name: a.id for a in service.list()}
    mine, theirs = ids["陈佳"], ids["周敏"]
    expected = counts(demo_db, "SELECT count(*) FROM customer WHERE owner_staff_id = :s OR owner_staff_id IS NULL",
                      s=mine)  # fmt: skip
    other_customer = counts(demo_db, "SELECT min(id) FROM customer WHERE owner_staff_id = :s", s=theirs)
    other_orders = counts(demo_db, "SELECT count(*) FROM orders o JOIN customer c ON c.id = o.customer_id "
                                   "WHERE c.owner_staff_id = :s", s=theirs)  # fmt: skip
    assert other_orders > 0
    with connect_as(demo_db, login, password) as conn:
        assert conn.execute("SELECT count(*) FROM customer").fetchone()[0] == expected
        assert (
            conn.execute("SELECT count(*) FROM customer WHERE owner_staff_id = %s", (theirs,)).fetchone()[0]
            == 0
        )
        assert conn.execute("SELECT count(*) FROM orders o JOIN customer c ON c.id = o.customer_id "
                            "WHERE c.owner_staff_id = %s", (theirs,)).fetchone()[0] == 0  # fmt: skip
        assert (
            conn.execute("SELECT count(*) FROM orders WHERE customer_id = %s", (other_customer,)).fetchone()[
                0
            ]
            == 0
        )
        changed = conn.execute("UPDATE customer SET city = 'x' WHERE id = %s", (other_customer,)).rowcount
        assert changed == 0
        deleted = conn.execute("DELETE FROM orders WHERE customer_id = %s", (other_customer,)).rowcount
        assert deleted == 0
        with pytest.raises(Exception, match="row-level security"):
            conn.execute("INSERT INTO orders (customer_id, ordered_at, amount_cents, source, external_no) "
                         "VALUES (%s, now(), 100, 'x', 'rls-test')", (other_customer,))  # fmt: skip
        with pytest.raises(Exception, match="permission denied"):
            conn.execute("UPDATE staff SET role = 'owner'")
        # their own customers can be changed
        own = conn.execute("SELECT min(id) FROM customer WHERE owner_staff_id = %s", (mine,)).fetchone()[0]
        assert conn.execute("UPDATE customer SET city = '舟山' WHERE id = %s", (own,)).rowcount == 1
    assert counts(demo_db, "SELECT count(*) FROM orders WHERE customer_id = :c", c=other_customer) > 0


def test_an_owner_sees_everything_and_leaving_removes_the_login(accounts, demo_db) -> None:  # type: ignore[no-untyped-def]
    service, add = accounts
    login, password = add("林晓", "owner")
    staff_login, staff_password = add("王磊")
    total = counts(demo_db, "SELECT count(*) FROM customer")
    with connect_as(demo_db, login, password) as conn:
        assert conn.execute("SELECT count(*) FROM customer").fetchone()[0] == total
    ids = {a.name: a.id for a in service.list()}
    leaving = counts(demo_db, "SELECT count(*) FROM customer WHERE owner_staff_id = :s AND deleted_at IS NULL",
                     s=ids["王磊"])  # fmt: skip
    assert leaving > 0
    moved = service.remove("王磊", hand_to="林晓")
    assert moved.customers == leaving
    assert counts(demo_db, "SELECT count(*) FROM customer WHERE owner_staff_id = :s", s=ids["王磊"]) == 0
    assert counts(demo_db, "SELECT count(*) FROM pg_roles WHERE rolname = :l", l=staff_login) == 0
    import psycopg

    with pytest.raises(psycopg.OperationalError, match="does not exist|authentication failed"):
        connect_as(demo_db, staff_login, staff_password)
    with pytest.raises(AccountError, match="already taken"):
        service.add("另一个", "staff", "password", login)


def test_password_role_and_revoke_from_the_owner(accounts, demo_db) -> None:  # type: ignore[no-untyped-def]
    import psycopg

    service, add = accounts
    login, password = add("陈佳")
    ids = {a.name: a.id for a in service.list()}
    total = counts(demo_db, "SELECT count(*) FROM customer")
    assert service.can_manage()  # the test server's superuser
    with pytest.raises(AccountError, match="6 characters"):
        service.set_password(ids["陈佳"], "123")
    # (the test server trusts every local login, so the stored hash shows the change, not a failed sign-in)
    before = counts(demo_db, "SELECT count(*) FROM pg_authid WHERE rolname = :l AND rolpassword IS NOT NULL", l=login)
    with demo_db.engine.connect() as conn:
        old_hash = conn.execute(text("SELECT rolpassword FROM pg_authid WHERE rolname = :l"), {"l": login}).scalar()
    service.set_password(ids["陈佳"], "new-secret")
    with demo_db.engine.connect() as conn:
        new_hash = conn.execute(text("SELECT rolpassword FROM pg_authid WHERE rolname = :l"), {"l": login}).scalar()
    assert before == 1 and new_hash and new_hash != old_hash
    with connect_as(demo_db, login, "new-secret") as conn:
        assert conn.execute("SELECT count(*) FROM customer").fetchone()[0] < total
        assert conn.execute("SELECT rolcreaterole FROM pg_roles WHERE rolname = current_user").fetchone()[0] is False
    # made an owner: the database lets the login see everything and manage staff
    service.set_role(ids["陈佳"], "owner")
    with connect_as(demo_db, login, "new-secret") as conn:
        assert conn.execute("SELECT count(*) FROM customer").fetchone()[0] == total
    assert AccountService(demo_db).list()[0].role in ("owner", "staff")
    service.set_role(ids["陈佳"], "staff")
    with connect_as(demo_db, login, "new-secret") as conn:
        assert conn.execute("SELECT count(*) FROM customer").fetchone()[0] < total
    service.revoke(ids["陈佳"])
    assert next(a for a in service.list() if a.name == "陈佳").login is None
    with pytest.raises(psycopg.OperationalError):
        connect_as(demo_db, login, "new-secret")


def test_the_staff_dialog_gives_and_removes_sign_ins(qtbot, accounts, demo_db) -> None:  # type: ignore[no-untyped-def]
    from app import i18n
    from app.models.staff_table import StaffTableModel
    from app.services.staff import StaffService
    from app.views.staff_dialog import StaffDialog

    i18n.install("zh_CN")
    service, _add = accounts
    dialog = StaffDialog(StaffService(demo_db), accounts=service)
    qtbot.addWidget(dialog)
    assert not dialog.table.isColumnHidden(StaffTableModel.LOGIN)
    member = next(m for m in StaffService(demo_db).list() if m.name == "周敏")
    dialog.select_member(member.id)
    login = f"t{uuid.uuid4().hex[:8]}"
    dialog.ask_account = lambda m, suggested: (login, "secret-123")  # type: ignore[method-assign]
    dialog.confirm = lambda title, text: True  # type: ignore[method-assign]
    dialog.ask_handover = lambda giver, receivers, preview: None  # type: ignore[method-assign]
    try:
        assert dialog.account_action.isEnabled()
        dialog.account_action.trigger()
        assert login in dialog.status.text()
        assert dialog.current_member().login == login
        assert dialog.account_action.text() == "修改密码…"
        with connect_as(demo_db, login, "secret-123") as conn:
            assert conn.execute("SELECT current_user").fetchone()[0] == login
        dialog.mark_departed()  # a departed member can no longer sign in
        assert dialog.current_member().login is None and "登录" in dialog.status.text()
    finally:
        with demo_db.engine.begin() as conn:
            conn.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
