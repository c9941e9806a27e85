"""Early-warning signals on written case histories whose answers are known (positives and negatives)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from alerts import signals
from models.queries import week_bounds
from tests.alerts.conftest import add_case

WEEK = "2024-W39"
START, _END = week_bounds(WEEK)


def at(weeks_before: int, day: int = 2) -> datetime:
    """A time ``weeks_before`` weeks before the scanned week (0 = during it), on day ``day`` of that week."""
    return START - timedelta(weeks=weeks_before) + timedelta(days=day, hours=3)


def write_history(s: Any) -> None:
    add_case(s, at(30), ["forced_labour"], ["11"], ["CN"])  # 30 weeks of history exist
    add_case(s, at(30), ["migrant_worker"], ["53"], ["SA"])  # SA seen in NTT, but more than 26 weeks ago
    # surge: NTT migrant_worker, one case a week for 8 weeks, then 6 this week
    for w in range(1, 9):
        add_case(s, at(w), ["migrant_worker"], ["53"])
    for i in range(6):
        add_case(s, at(0, day=i % 6), ["migrant_worker"], ["53"])
    # not a surge: 0 -> 2 (under the minimum count) in Jawa Barat
    add_case(s, at(0), ["sexual_exploitation"], ["32"])
    add_case(s, at(0), ["sexual_exploitation"], ["32"])
    add_case(s, at(12), ["sexual_exploitation"], ["32"])
    # not a surge: 2 a week -> 3 in Jawa Timur
    for w in range(1, 9):
        add_case(s, at(w), ["online_scam"], ["35"])
        add_case(s, at(w, day=4), ["online_scam"], ["35"])
    for _ in range(3):
        add_case(s, at(0), ["online_scam"], ["35"])
    # destinations in NTT: MY seen 20 weeks ago (not new), KH never (new), SA only 30 weeks ago (new again)
    add_case(s, at(20), ["migrant_worker"], ["53"], ["MY"])
    add_case(s, at(0), ["migrant_worker"], ["53"], ["MY"])
    add_case(s, at(0), ["online_scam"], ["53"], ["KH"])
    add_case(s, at(0), ["migrant_worker"], ["53"], ["SA"])
    # mass victims: 25 (yes), 19 (no)
    add_case(s, at(0), ["fishing_crew"], ["33"], victims=25, title="Dua puluh lima ABK diselamatkan")
    add_case(s, at(0), ["fishing_crew"], ["33"], victims=19)
    add_case(s, at(10), ["fishing_crew"], ["33"])
    # new modus: organ_trafficking first time in NTT; migrant_worker is not new there
    add_case(s, at(0), ["organ_trafficking"], ["53"])


def _by_key(found: list[signals.Found]) -> dict[str, signals.Found]:
    return {f.key: f for f in found}


def test_signals_on_a_written_history(db: Any) -> None:
    with db.session() as s:
        write_history(s)
    with db.session() as s:
        res = signals.scan(s, WEEK, mass_threshold=20)
    got = _by_key(res.found)
    assert not res.notes
    # surge, with the numbers in the explanation
    surge = got[f"surge:{WEEK}:53:migrant_worker"]
    assert surge.severity == "high" and surge.data["observed"] == 8 and surge.data["baseline_mean"] == 1.0
    assert "Poisson" in surge.explanation and "vs 1.00/week" in surge.explanation
    assert f"surge:{WEEK}:32:sexual_exploitation" not in got  # 0 -> 2 is not a surge
    assert f"surge:{WEEK}:35:online_scam" not in got  # 2 -> 3 is not a surge
    # destinations
    assert f"new_destination:{WEEK}:53:KH" in got
    assert f"new_destination:{WEEK}:53:SA" in got  # last seen 30 weeks ago
    assert f"new_destination:{WEEK}:53:MY" not in got
    assert f"new_destination:{WEEK}:ID:MY" not in got
    # mass victims
    mass = [f for f in res.found if f.kind == "mass_victims"]
    assert len(mass) == 1 and mass[0].data["victims"] == 25 and mass[0].severity == "high"
    # new modus
    assert f"new_modus:{WEEK}:53:organ_trafficking" in got
    assert f"new_modus:{WEEK}:53:migrant_worker" not in got
    assert f"new_modus:{WEEK}:53:online_scam" in got  # online_scam never seen in NTT before either
    assert f"new_modus:{WEEK}:35:online_scam" not in got
    assert f"new_modus:{WEEK}:33:fishing_crew" not in got
    assert len(res.new) == len(res.found)
    # the same signal is never raised twice
    with db.session() as s:
        again = signals.scan(s, WEEK, mass_threshold=20)
    assert again.new == [] and len(again.found) == len(res.found)


def test_mass_victim_threshold_is_configurable(sdb: Any) -> None:
    with sdb.session() as s:
        add_case(s, at(0), ["fishing_crew"], ["33"], victims=19)
    with sdb.session() as s:
        assert [f.kind for f in signals.scan(s, WEEK, mass_threshold=20).found] == []
    with sdb.session() as s:
        assert [f.kind for f in signals.scan(s, WEEK, mass_threshold=15).found] == ["mass_victims"]


def test_short_history_computes_no_novelty_and_no_surge(sdb: Any) -> None:
    with sdb.session() as s:
        for _ in range(9):
            add_case(s, at(0), ["migrant_worker"], ["53"], ["KH"])
    with sdb.session() as s:
        res = signals.scan(s, WEEK)
    assert res.found == []
    assert any("surges not computed" in n for n in res.notes)
    assert any("new destinations" in n for n in res.notes)


def test_scope_matching() -> None:
    assert signals.in_scope("53", ["53"], "national", [])
    assert signals.in_scope("53", ["53"], "province", ["53", "32"])
    assert not signals.in_scope("53", ["53"], "province", ["32"])
    assert signals.in_scope("53", ["53"], "kabkota", ["53.01"])
    assert not signals.in_scope(None, [], "province", ["53"])


def test_high_signals_are_sent_once_to_subscribers_in_scope(sdb: Any, smtp_server: Any) -> None:
    from alerts.service import scan_and_notify
    from alerts.subscriptions import SubscriptionSpec, save

    with sdb.session() as s:
        add_case(s, at(0), ["fishing_crew"], ["33"], victims=40, title="Empat puluh ABK asal Jawa Tengah diselamatkan")
        save(s, SubscriptionSpec("Jateng", "province", ["33"], recipients=["jateng@contoh.id"]))
        save(s, SubscriptionSpec("NTT", "province", ["53"], recipients=["ntt@contoh.id"]))
        save(s, SubscriptionSpec("Nasional", recipients=["pusat@contoh.id"]))
    kw = {"mass_threshold": 20, "notify": True, "mail_from": "pantau@contoh.id", "smtp_url": smtp_server.url}
    res, rep = scan_and_notify(sdb, WEEK, **kw)
    assert [f.kind for f in res.new] == ["mass_victims"] and rep is not None and rep.sent == 2
    assert sorted(m["To"] for m in smtp_server.box.messages) == ["jateng@contoh.id", "pusat@contoh.id"]
    assert "40 victims" in smtp_server.box.messages[0].get_content()
    res, rep = scan_and_notify(sdb, WEEK, **kw)
    assert res.new == [] and rep is None and len(smtp_server.box.messages) == 2


def test_default_weeks_follow_jakarta_time() -> None:
    from datetime import UTC

    from alerts.service import current_week, last_complete_week

    # Monday 2024-09-30 00:30 WIB is still Sunday 17:30 UTC
    now = datetime(2024, 9, 29, 17, 30, tzinfo=UTC)
    assert current_week(now) == "2024-W40"
    assert last_complete_week(now) == "2024-W39"
