"""Early-warning signals computed from cases (never from article counts).

- ``surge``: new cases of a (scope, modus) this week against the mean of the ``BASELINE_WEEKS``
  (>= 8) weeks before; Poisson tail probability P(X >= observed), raised only from
  ``SURGE_MIN_COUNT`` cases, so 1 -> 2 is never a surge.
- ``new_destination``: a destination country not seen in that scope for ``NOVELTY_WEEKS`` weeks.
- ``mass_victims``: a case with at least ``PANTAU_MASS_VICTIM_THRESHOLD`` victims (once per case).
- ``new_modus``: a modus in a province for the first time in ``NOVELTY_WEEKS`` weeks.

Novelty signals need ``NOVELTY_WEEKS`` of history and surges ``BASELINE_WEEKS``; with less the scan
says so instead of calling everything new. ``signal.key`` is unique: a signal is raised (and sent) once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import numpy as np

from pantau import regions
from pantau.taxonomy import MODUS

BASELINE_WEEKS = 8
NOVELTY_WEEKS = 26
SURGE_MIN_COUNT = 3
SURGE_P = {"high": 0.001, "medium": 0.01}
SCOPE_ROLES = ("origin", "incident", "destination", "transit")
NATIONAL = "ID"


@dataclass
class Found:
    key: str
    kind: str
    severity: str
    week: str
    scope_code: str | None
    modus: str | None
    title: str
    explanation: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class ScanResult:
    week: str
    found: list[Found]
    new: list[Found]
    notes: list[str]
    seconds: float = 0.0


def _week_index(start: datetime, t: datetime) -> int:
    return int((t - start).total_seconds() // (7 * 86400))


def compute(session: Any, week: str, *, mass_threshold: int = 20) -> tuple[list[Found], list[str]]:
    """Every signal the data supports for ``week`` (whether or not it was raised before)."""
    from scipy.stats import poisson
    from sqlalchemy import func, select

    from models.cases import Case, CaseLocation
    from models.queries import week_bounds

    start, end = week_bounds(week)
    history_start = start - timedelta(weeks=NOVELTY_WEEKS)
    n_weeks = NOVELTY_WEEKS + 1  # index NOVELTY_WEEKS is the scanned week
    cases = session.execute(
        select(Case.id, Case.first_seen, Case.last_seen, Case.modus, Case.victims, Case.title)
        .where(Case.last_seen >= history_start, Case.first_seen < end)
    ).all()
    earliest = session.execute(select(func.min(Case.first_seen))).scalar()
    notes: list[str] = []
    provs: dict[int, set[str]] = defaultdict(set)
    dests: dict[int, set[str]] = defaultdict(set)
    ids = [c.id for c in cases]
    for i in range(0, len(ids), 5000):
        for cid, pcode, level, code, role in session.execute(
            select(CaseLocation.case_id, CaseLocation.province_code, CaseLocation.level, CaseLocation.code,
                   CaseLocation.role).where(CaseLocation.case_id.in_(ids[i : i + 5000]))
        ):
            if pcode and role in SCOPE_ROLES:
                provs[cid].add(pcode)
            if level == "country" and code and code != "ID" and role == "destination":
                dests[cid].add(code)
    scopes = [NATIONAL, *regions.provinces()]
    s_index = {s: i for i, s in enumerate(scopes)}
    m_index = {m: i for i, m in enumerate(MODUS)}
    counts = np.zeros((n_weeks, len(scopes), len(MODUS)), dtype=np.int32)
    seen_dest: dict[str, dict[str, int]] = defaultdict(dict)  # scope -> country -> last week index before this week
    week_dest: dict[tuple[str, str], list[int]] = defaultdict(list)
    found: list[Found] = []
    for c in cases:
        w = _week_index(history_start, c.first_seen) if c.first_seen >= history_start else -1
        case_scopes = [NATIONAL, *sorted(provs.get(c.id, ()))]
        if 0 <= w < n_weeks:
            for m in c.modus or []:
                if m in m_index:
                    for s in case_scopes:
                        if s in s_index:
                            counts[w, s_index[s], m_index[m]] += 1
            for s in case_scopes:
                for country in dests.get(c.id, ()):
                    if w < NOVELTY_WEEKS:
                        seen_dest[s][country] = w
                    else:
                        week_dest[(s, country)].append(c.id)
        # a case raises its mass-victim signal in the week its figure reaches the threshold
        if c.victims and c.victims >= mass_threshold and start <= c.last_seen < end:
            sev = "high"
            found.append(Found(
                key=f"mass_victims:case:{c.id}", kind="mass_victims", severity=sev, week=week,
                scope_code=(sorted(provs[c.id])[0] if provs.get(c.id) else None), modus=(c.modus or [None])[0],
                title=f"{c.victims} korban dalam satu kasus: {c.title[:150]}",
                explanation=f"case {c.id} reports {c.victims} victims, threshold {mass_threshold}",
                data={"case_id": c.id, "victims": c.victims, "threshold": mass_threshold,
                      "provinces": sorted(provs.get(c.id, ()))}))
    history_ok = earliest is not None and earliest <= history_start
    baseline_ok = earliest is not None and earliest <= start - timedelta(weeks=BASELINE_WEEKS)
    if not baseline_ok:
        notes.append(f"surges not computed: fewer than {BASELINE_WEEKS} weeks of cases before {week}")
    if not history_ok:
        notes.append(f"new destinations and new modus not computed: fewer than {NOVELTY_WEEKS} weeks of cases before {week}")
    current = counts[NOVELTY_WEEKS]
    if baseline_ok:
        baseline = counts[NOVELTY_WEEKS - BASELINE_WEEKS : NOVELTY_WEEKS].mean(axis=0)
        lam = np.maximum(baseline, 0.1)  # a zero baseline would make any case infinitely surprising
        p = poisson.sf(current - 1, lam)
        hits = np.argwhere((current >= SURGE_MIN_COUNT) & (p < SURGE_P["medium"]))
        for si, mi in hits:
            scope, modus = scopes[si], MODUS[mi]
            x, mean, prob = int(current[si, mi]), float(baseline[si, mi]), float(p[si, mi])
            severity = "high" if prob < SURGE_P["high"] else "medium"
            where = "nasional" if scope == NATIONAL else regions.provinces().get(scope, scope)
            found.append(Found(
                key=f"surge:{week}:{scope}:{modus}", kind="surge", severity=severity, week=week,
                scope_code=None if scope == NATIONAL else scope, modus=modus,
                title=f"Lonjakan kasus {modus} ({where}): {x} kasus baru",
                explanation=(f"{x} new cases this week vs {mean:.2f}/week over the previous {BASELINE_WEEKS} weeks; "
                             f"Poisson P(X >= {x} | mean {max(mean, 0.1):.2f}) = {prob:.2g}"),
                data={"observed": x, "baseline_mean": round(mean, 3), "baseline_weeks": BASELINE_WEEKS,
                      "p_value": prob, "provinces": [] if scope == NATIONAL else [scope]}))
    if history_ok:
        for (scope, country), case_ids in sorted(week_dest.items()):
            if country in seen_dest.get(scope, {}):
                continue
            where = "nasional" if scope == NATIONAL else regions.provinces().get(scope, scope)
            found.append(Found(
                key=f"new_destination:{week}:{scope}:{country}", kind="new_destination",
                severity="medium" if scope != NATIONAL else "high", week=week,
                scope_code=None if scope == NATIONAL else scope, modus=None,
                title=f"Negara tujuan baru {country} ({where})",
                explanation=(f"{len(case_ids)} case(s) this week name destination {country}; no case in this scope "
                             f"named it in the previous {NOVELTY_WEEKS} weeks"),
                data={"country": country, "cases": case_ids, "provinces": [] if scope == NATIONAL else [scope]}))
        before = counts[:NOVELTY_WEEKS].sum(axis=0)
        for si, mi in np.argwhere((current > 0) & (before == 0)):
            scope = scopes[si]
            if scope == NATIONAL:
                continue
            modus = MODUS[mi]
            found.append(Found(
                key=f"new_modus:{week}:{scope}:{modus}", kind="new_modus", severity="medium", week=week,
                scope_code=scope, modus=modus,
                title=f"Modus {modus} pertama kali di {regions.provinces().get(scope, scope)}",
                explanation=(f"{int(current[si, mi])} case(s) this week; 0 cases of this modus in this province "
                             f"in the previous {NOVELTY_WEEKS} weeks"),
                data={"observed": int(current[si, mi]), "provinces": [scope]}))
    return found, notes


def scan(session: Any, week: str, *, mass_threshold: int = 20) -> ScanResult:
    """Compute the week's signals and store the ones not raised before (``signal.key`` is unique)."""
    import time

    from sqlalchemy import select
    from sqlalchemy.dialects import postgresql, sqlite

    from models.base import utcnow
    from models.operations import Signal

    t0 = time.perf_counter()
    found, notes = compute(session, week, mass_threshold=mass_threshold)
    new: list[Found] = []
    if found:
        keys = [f.key for f in found]
        existing = set()
        for i in range(0, len(keys), 1000):
            existing.update(session.execute(select(Signal.key).where(Signal.key.in_(keys[i : i + 1000]))).scalars())
        ins = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
        now = utcnow()
        for f in found:
            if f.key in existing:
                continue
            res = session.execute(ins(Signal).values(
                key=f.key, kind=f.kind, severity=f.severity, week=f.week, scope_code=f.scope_code, modus=f.modus,
                title=f.title, explanation=f.explanation, data=f.data, created_at=now,
            ).on_conflict_do_nothing(index_elements=["key"]).returning(Signal.id)).scalar()
            if res is not None:
                new.append(f)
    return ScanResult(week=week, found=found, new=new, notes=notes, seconds=time.perf_counter() - t0)


def in_scope(signal_scope: str | None, signal_provinces: list[str], level: str, codes: list[str]) -> bool:
    """Does a signal concern a subscription of scope (level, codes)?"""
    if level == "national":
        return True
    provinces = set(signal_provinces) | ({signal_scope} if signal_scope else set())
    wanted = set(codes) if level == "province" else {c.split(".")[0] for c in codes}
    return bool(provinces & wanted)
