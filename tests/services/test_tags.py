"""TagService: groups, tags, counts, exclusive (S-level) groups, bulk tagging, merging and the import's lookup."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from app.i18n_markers import UserError
from app.services.tags import TagChange, TagService


def add_customers(db, n: int) -> list[int]:  # type: ignore[no-untyped-def]
    with db.engine.begin() as conn:
        start = conn.execute(text("SELECT coalesce(max(id), 0) FROM customer")).scalar_one()
        ids = list(range(start + 1, start + n + 1))
        conn.execute(
            text("INSERT INTO customer (id, name) VALUES (:id, :name)"),
            [{"id": i, "name": f"客户{i}"} for i in ids],
        )
    return ids


def links(db, tag_id: int) -> set[int]:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        return set(
            conn.execute(
                text("SELECT customer_id FROM customer_tag WHERE tag_id = :t"), {"t": tag_id}
            ).scalars()
        )


@pytest.fixture
def tags(db) -> TagService:  # type: ignore[no-untyped-def]
    return TagService(db)


def test_groups_and_tags_with_counts(db, tags: TagService) -> None:  # type: ignore[no-untyped-def]
    gender = tags.create_group("  性别 ", exclusive=True, color="#EC4899")
    taste = tags.create_group("消费偏好")
    female = tags.create_tag(gender, " 女 ")
    male = tags.create_tag(gender, "男")
    sweet = tags.create_tag(taste, "爱吃甜")
    ids = add_customers(db, 5)

    assert tags.add_tags(ids[:3], [female]) == TagChange(3, 0)
    assert tags.add_tags(ids[3:], [male, sweet]) == TagChange(4, 0)

    groups = tags.groups()
    assert [(g.name, g.exclusive, g.color, g.tag_count, g.customer_count) for g in groups] == [
        ("性别", True, "#ec4899", 2, 5),
        ("消费偏好", False, "#5b8def", 1, 2),
    ]
    assert groups[0].sort_order < groups[1].sort_order
    by_name = {t.name: t for t in tags.tags()}
    assert [t.name for t in tags.tags()] == ["女", "男", "爱吃甜"]
    assert (
        by_name["女"].customer_count == 3 and by_name["女"].group_name == "性别" and by_name["女"].exclusive
    )
    assert by_name["爱吃甜"].color == "#5b8def"
    assert isinstance(by_name["男"].last_used, dt.datetime)
    assert [t.name for t in tags.tags(taste)] == ["爱吃甜"]
    assert [t.name for t in tags.customer_tags(ids[4])] == ["男", "爱吃甜"]
    assert tags.customer_tags(ids[0])[0].customer_count == 3


def test_unused_tag_has_no_last_use_and_counts_skip_the_recycle_bin(db, tags: TagService) -> None:  # type: ignore[no-untyped-def]
    group = tags.create_group("客户特征")
    unused = tags.create_tag(group, "宝妈")
    used = tags.create_tag(group, "学生")
    ids = add_customers(db, 4)
    tags.add_tags(ids, [used])
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE customer SET deleted_at = CURRENT_TIMESTAMP WHERE id = :id"), {"id": ids[0]}
        )
    info = {t.id: t for t in tags.tags(group)}
    assert info[unused].customer_count == 0 and info[unused].last_used is None
    assert info[used].customer_count == 3
    assert tags.groups()[0].customer_count == 3
    # a customer in the recycle bin is not tagged in bulk
    other = tags.create_tag(group, "上班族")
    assert tags.add_tags(ids, [other]).added == 3


def test_names_are_checked(db, tags: TagService) -> None:  # type: ignore[no-untyped-def]
    group = tags.create_group("来源渠道", exclusive=True)
    tags.create_tag(group, "小红书")
    with pytest.raises(UserError, match="already has a tag named 小红书"):
        tags.create_tag(group, " 小红书")
    with pytest.raises(UserError, match="enter a name"):
        tags.create_tag(group, "   ")
    with pytest.raises(UserError, match="too long"):
        tags.create_tag(group, "长" * 65)
    with pytest.raises(UserError, match="already exists"):
        tags.create_group("来源渠道 ")
    with pytest.raises(UserError, match="colour"):
        tags.create_group("颜色", color="red")
    other = tags.create_group("其他")
    assert tags.create_tag(other, "小红书")  # the same name in another group is fine
    err = pytest.raises(UserError, tags.create_tag, 999, "x").value
    assert err.template == "This tag group no longer exists."


def test_exclusive_group_replaces_the_previous_tag(db, tags: TagService) -> None:  # type: ignore[no-untyped-def]
    channel = tags.create_group("来源渠道", exclusive=True)
    store = tags.create_tag(channel, "门店扫码")
    friend = tags.create_tag(channel, "朋友推荐")
    ids = add_customers(db, 3)
    tags.add_tags(ids, [store])

    change = tags.add_tags(ids[:2], [friend])

    assert change == TagChange(added=2, removed=2)
    assert links(db, store) == {ids[2]}
    assert links(db, friend) == set(ids[:2])
    # giving a tag again changes nothing
    assert tags.add_tags(ids[:2], [friend]) == TagChange(0, 0)


def test_non_exclusive_group_keeps_every_tag(db, tags: TagService) -> None:  # type: ignore[no-untyped-def]
    taste = tags.create_group("消费偏好")
    a, b = tags.create_tag(taste, "爱吃甜"), tags.create_tag(taste, "面包控")
    ids = add_customers(db, 2)
    tags.add_tags(ids, [a])
    assert tags.add_tags(ids, [b]) == TagChange(2, 0)
    assert links(db, a) == links(db, b) == set(ids)


def test_two_tags_of_one_exclusive_group_are_refused(db, tags: TagService) -> None:  # type: ignore[no-untyped-def]
    gender = tags.create_group("性别", exclusive=True)
    female, male = tags.create_tag(gender, "女"), tags.create_tag(gender, "男")
    ids = add_customers(db, 2)
    with pytest.raises(UserError, match="one tag per customer") as caught:
        tags.add_tags(ids, [female, male])
    assert caught.value.params["group"] == "性别"
    assert links(db, female) == links(db, male) == set()
    # the temporary selection left by nothing blocks the next write
    assert tags.add_tags(ids, [male]).added == 2


def test_add_tags_ignores_unknown_customers_and_unknown_tags_fail(db, tags: TagService) -> None:  # type: ignore[no-untyped-def]
    group = tags.create_group("客户特征")
    tag = tags.create_tag(group, "团长")
    ids = add_customers(db, 2)
    assert tags.add_tags([*ids, *ids, 12345], [tag], origin="import") == TagChange(2, 0)
    with db.engine.connect() as conn:
        assert set(conn.execute(text("SELECT origin FROM customer_tag")).scalars()) == {"import"}
    with pytest.raises(UserError, match="no longer exists"):
        tags.add_tags(ids, [tag, 999])
    assert tags.add_tags([], [tag]) == TagChange(0, 0)
    with pytest.raises(ValueError):
        tags.add_tags(ids, [tag], origin="magic")


def test_remove_tags(db, tags: TagService) -> None:  # type: ignore[no-untyped-def]
    group = tags.create_group("客户特征")
    a, b = tags.create_tag(group, "团长"), tags.create_tag(group, "学生")
    ids = add_customers(db, 3)
    tags.add_tags(ids, [a, b])
    assert tags.remove_tags(ids[:2], [a, b, 999]) == TagChange(0, 4)
    assert links(db, a) == links(db, b) == {ids[2]}


def test_making_a_group_exclusive_refuses_conflicts(db, tags: TagService) -> None:  # type: ignore[no-untyped-def]
    group = tags.create_group("人群画像")
    a, b = tags.create_tag(group, "品质生活家"), tags.create_tag(group, "精明消费者")
    ids = add_customers(db, 3)
    tags.add_tags(ids[:2], [a, b])
    tags.add_tags(ids[2:], [a])

    with pytest.raises(UserError) as caught:
        tags.update_group(group, exclusive=True, name="画像")
    assert caught.value.params["count"] == "2"
    assert not tags.groups()[0].exclusive and tags.groups()[0].name == "人群画像"  # nothing changed
    assert links(db, b) == set(ids[:2])  # no link was dropped

    tags.remove_tags(ids[:2], [b])
    tags.update_group(group, exclusive=True, name=" 画像 ", color="#8B5CF6")
    info = tags.groups()[0]
    assert (info.name, info.exclusive, info.color) == ("画像", True, "#8b5cf6")
    tags.update_group(group, exclusive=False)
    assert not tags.groups()[0].exclusive
    other = tags.create_group("其他")
    with pytest.raises(UserError, match="already exists"):
        tags.update_group(other, name="画像")


def test_move_tag(db, tags: TagService) -> None:  # type: ignore[no-untyped-def]
    channel = tags.create_group("来源渠道", exclusive=True)
    loose = tags.create_group("导入标签")
    store = tags.create_tag(channel, "门店扫码")
    xhs = tags.create_tag(loose, "小红书")
    dup = tags.create_tag(loose, "门店扫码")
    ids = add_customers(db, 3)
    tags.add_tags(ids[:1], [store])
    tags.add_tags(ids, [xhs])

    with pytest.raises(UserError) as caught:
        tags.move_tag(xhs, channel)  # customer 1 would hold two channel tags
    assert caught.value.params["count"] == "1"
    with pytest.raises(UserError, match="already has a tag named"):
        tags.move_tag(dup, channel)

    tags.remove_tags(ids[:1], [xhs])
    tags.move_tag(xhs, channel)
    assert [t.name for t in tags.tags(channel)] == ["门店扫码", "小红书"]
    assert tags.tags(channel)[1].exclusive
    tags.move_tag(xhs, channel)  # already there: nothing to do


def test_delete_tag_and_group_return_links_removed(db, tags: TagService) -> None:  # type: ignore[no-untyped-def]
    group = tags.create_group("消费偏好")
    a, b = tags.create_tag(group, "爱吃甜"), tags.create_tag(group, "面包控")
    keep = tags.create_tag(tags.create_group("客户特征"), "学生")
    ids = add_customers(db, 3)
    tags.add_tags(ids, [a, keep])
    tags.add_tags(ids[:1], [b])
    assert tags.delete_tag(b) == 1
    assert [t.name for t in tags.tags(group)] == ["爱吃甜"]
    assert tags.delete_group(group) == 3
    assert [g.name for g in tags.groups()] == ["客户特征"]
    assert [t.id for t in tags.tags()] == [keep] and links(db, keep) == set(ids)
    with pytest.raises(UserError):
        tags.delete_tag(a)


def test_merge_tags(db, tags: TagService) -> None:  # type: ignore[no-untyped-def]
    loose = tags.create_group("导入标签")
    channel = tags.create_group("来源渠道", exclusive=True)
    target = tags.create_tag(channel, "小红书")
    store = tags.create_tag(channel, "门店扫码")
    xhs, red = tags.create_tag(loose, "XHS"), tags.create_tag(loose, "红书")
    ids = add_customers(db, 4)
    tags.add_tags(ids[:1], [target])
    tags.add_tags(ids[1:3], [store])
    tags.add_tags(ids[:2], [xhs], origin="import")
    tags.add_tags(ids[1:3], [red], origin="import")

    assert tags.merge_tags([xhs, red, target], target) == 2  # customers 2 and 3 newly tagged

    assert links(db, target) == set(ids[:3])
    assert links(db, store) == set()  # replaced: the channel group is exclusive
    assert {t.name for t in tags.tags()} == {"小红书", "门店扫码"}
    with db.engine.connect() as conn:
        origins = set(
            conn.execute(
                text("SELECT origin FROM customer_tag WHERE tag_id = :t AND customer_id > :c"),
                {"t": target, "c": ids[0]},
            ).scalars()
        )
    assert origins == {"import"}
    assert tags.merge_tags([target], target) == 0


def test_ensure_tags_reuses_and_creates(db, tags: TagService) -> None:  # type: ignore[no-untyped-def]
    channel = tags.create_group("来源渠道", exclusive=True)
    loose = tags.create_group("客户特征")
    exclusive_xhs = tags.create_tag(channel, "小红书")
    loose_xhs = tags.create_tag(loose, "小红书")
    student = tags.create_tag(channel, "学生")

    found = tags.ensure_tags(["小红书", " 学生 ", "宝妈", "宝妈", "", "  "])

    assert found["小红书"] == loose_xhs != exclusive_xhs  # a non-exclusive group is preferred
    assert found[" 学生 "] == found["学生"] == student
    assert "" not in found and "  " not in found
    imported = [g for g in tags.groups() if g.name == "导入标签"]
    assert len(imported) == 1 and not imported[0].exclusive and imported[0].color == "#94a3b8"
    assert [t.name for t in tags.tags(imported[0].id)] == ["宝妈"]
    # a second import finds the tag it made
    assert tags.ensure_tags(["宝妈"]) == {"宝妈": found["宝妈"]}
    assert tags.ensure_tags([]) == {}


def test_bulk_tagging_the_demo_shop_keeps_one_tag_per_exclusive_group(demo_db) -> None:  # type: ignore[no-untyped-def]
    tags = TagService(demo_db)
    gender = next(g for g in tags.groups() if g.name == "性别")
    assert gender.exclusive and gender.customer_count == 400
    female = next(t for t in tags.tags(gender.id) if t.name == "女")
    before = female.customer_count
    with demo_db.engine.connect() as conn:
        everyone = list(conn.execute(text("SELECT id FROM customer")).scalars())

    change = tags.add_tags(everyone, [female.id])

    assert change.added == change.removed == 400 - before
    counts = {t.name: t.customer_count for t in tags.tags(gender.id)}
    assert counts["女"] == 400 and sum(counts.values()) == 400
    with demo_db.engine.connect() as conn:
        doubles = conn.execute(
            text(
                "SELECT count(*) FROM (SELECT ct.customer_id FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                "JOIN tag_group g ON g.id = t.group_id WHERE g.exclusive GROUP BY ct.customer_id, g.id "
                "HAVING count(*) > 1) x"
            )
        ).scalar_one()
    assert doubles == 0
