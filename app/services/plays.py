"""The ten group plays of DOMAIN.md ("Content and SOP", seed 001) as built-in activity templates."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Play:
    key: str
    name: str
    rules_text: str
    rhythm: str
    params: dict = field(default_factory=dict)


BUILTIN_PLAYS: tuple[Play, ...] = (
    Play(
        "invite_rewards",
        "邀请有礼",
        "群成员达到 50/100/150 人时分别发放奖励；新人入群并完成首单才算有效邀请，发奖前人工核对，防止羊毛党。",
        "每周或每月固定一天",
        {"steps": [50, 100, 150]},
    ),
    Play("quiz", "趣味答题", "发布选择题，答对者抽奖或得积分；维护题库，题目与门店产品相关。", "每周一次"),
    Play("relay", "群接龙", "团购、互动、表单或报名接龙，截止时间内统计并安排到店或配送。", "按需"),
    Play("check_in", "打卡签到", "首次、每日、连续签到得积分，积分可兑换小礼品。", "每天"),
    Play(
        "secret_code",
        "社群暗号",
        "群内公布本周暗号，到店或线上结账时说出暗号享优惠。",
        "约每周一次",
        {"weekday": 5},
    ),
    Play("lucky_red_packet", "手气最佳免单", "群内发红包，手气最佳者本单免单（设上限）。", "每月一到两次"),
    Play("dice", "掷骰子", "群内掷骰子比大小，点数最大者得奖品。", "每周一次"),
    Play(
        "moments_likes",
        "朋友圈集赞",
        "转发指定海报到朋友圈，集满 38 个赞到店领取礼品。",
        "活动期间",
        {"likes": 38},
    ),
    Play("member_day", "周会员日", "每周固定一天为会员日，会员享专属折扣或赠品。", "每周三", {"weekday": 3}),
    Play("share_order", "晒单有礼", "收货或到店后在群内晒单，送积分或下次优惠券。", "每周一次"),
)
