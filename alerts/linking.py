"""Case linking: articles about the same incident become one case, so that counts are of incidents.

An article joins an open case (one seen within ``WINDOW_DAYS``) when it is a near-duplicate of one of
the case's articles (MinHash, estimated Jaccard >= ``NEAR_DUPLICATE``), or when the evidence adds up
to ``LINK_THRESHOLD``: shared kab/kota, province and destination country, shared modus, the same
victim or suspect figure, the same initials of people, shared names of places, ships or companies.
Disagreement counts against a link (different destination countries, different modus, different
initials). Candidates come from MinHash LSH and from a block index of (modus, place) and initials, so
a week of 10,000 articles is linked in seconds.

Linking is incremental: :func:`link_articles` only reads articles not yet in a case, and the state
it needs of open cases (signatures, figures, names) is kept in ``tppo_case.data``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import numpy as np

from alerts import features
from models.cases import CASE_STAGES

WINDOW_DAYS = 30
NEAR_DUPLICATE = 0.5
LINK_THRESHOLD = 0.6
MAX_SIGNATURES = 6  # signatures kept per case (the first ones: later articles are mostly follow-ups)
MAX_TERMS = 80
MAX_CANDIDATES = 15  # open cases scored per article (LSH hits first, then most shared blocking keys)
COMMON_TERM_SHARE = 0.002  # a name in more than this share of a batch (and more than 4 articles) is common
PLACE_ROLES = ("origin", "incident", "destination", "transit")


@dataclass
class ArticleFacts:
    """Everything the linker knows about one article."""

    id: int
    title: str
    text: str
    published_at: datetime
    outlet_id: int | None = None
    victims: int | None = None
    modus: set[str] = field(default_factory=set)
    locations: list[dict[str, Any]] = field(default_factory=list)
    sig: np.ndarray | None = None
    stage: str | None = None
    suspects: int | None = None
    initials: set[str] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)
    kab: set[str] = field(default_factory=set)
    prov: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)

    def prepare(self) -> ArticleFacts:
        self.sig = features.signature(self.title, self.text)
        self.stage = features.stage(self.title, self.text)
        self.suspects = features.suspects(self.text)
        self.initials = features.initials(self.title + "\n" + self.text)
        self.terms = features.key_terms(self.title, self.text)
        place_words: set[str] = set()
        for loc in self.locations:
            if loc.get("role") not in PLACE_ROLES:
                continue
            code, level = loc.get("code"), loc.get("level")
            if level == "kabkota" and code:
                self.kab.add(code)
            pcode = loc.get("province_code") or (str(code).split(".")[0] if code and level in ("province", "kabkota")
                                                 and loc.get("country") in (None, "Indonesia") else None)
            if pcode:
                self.prov.add(pcode)
            if level == "country" and code and code != "ID" and loc.get("role") in ("destination", "transit"):
                self.countries.add(code)
            place_words.update(w.lower() for w in re.findall(r"\w+", loc.get("name") or ""))
        self.terms -= place_words  # places already count through their codes
        return self


@dataclass
class CaseState:
    """A case as the linker holds it in memory while a batch is linked."""

    id: int | None
    title: str
    summary: str
    first_seen: datetime
    last_seen: datetime
    modus: set[str] = field(default_factory=set)
    kab: set[str] = field(default_factory=set)
    prov: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    initials: set[str] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)
    victim_figures: dict[int, list[Any]] = field(default_factory=dict)  # figure -> [articles, latest iso time]
    suspect_figures: Counter[int] = field(default_factory=Counter)
    sigs: list[np.ndarray] = field(default_factory=list)
    outlets: set[int] = field(default_factory=set)
    stage: str | None = None
    article_count: int = 0
    locations: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)
    new_articles: list[tuple[int, float, str]] = field(default_factory=list)
    dirty: bool = False

    @property
    def victims(self) -> int | None:
        """The best-supported figure: stated by most articles; a tie goes to the latest statement."""
        if not self.victim_figures:
            return None
        return max(self.victim_figures.items(), key=lambda kv: (kv[1][0], kv[1][1]))[0]

    @property
    def suspects(self) -> int | None:
        return self.suspect_figures.most_common(1)[0][0] if self.suspect_figures else None

    def block_keys(self) -> set[tuple[str, str]]:
        return _block_keys(self.modus, self.kab | self.prov | self.countries, self.initials)

    def add(self, a: ArticleFacts, score: float, reason: str) -> None:
        if self.article_count == 0 or a.published_at < self.first_seen:
            if self.article_count == 0 or not self.title:
                self.title = a.title
                self.summary = summarise(a.text)
            self.first_seen = min(self.first_seen, a.published_at)
        self.last_seen = max(self.last_seen, a.published_at)
        self.modus |= a.modus
        self.kab |= a.kab
        self.prov |= a.prov
        self.countries |= a.countries
        self.initials |= a.initials
        if len(self.terms) < MAX_TERMS:
            self.terms |= set(sorted(a.terms)[: MAX_TERMS - len(self.terms)])
        if a.victims:
            entry = self.victim_figures.setdefault(a.victims, [0, ""])
            entry[0] += 1
            entry[1] = max(entry[1], a.published_at.isoformat())
        if a.suspects:
            self.suspect_figures[a.suspects] += 1
        if a.sig is not None and len(self.sigs) < MAX_SIGNATURES:
            self.sigs.append(a.sig)
        if a.outlet_id is not None:
            self.outlets.add(a.outlet_id)
        if a.stage and (self.stage is None or CASE_STAGES.index(a.stage) > CASE_STAGES.index(self.stage)):
            self.stage = a.stage
        for loc in a.locations:
            if loc.get("role") in ("dateline",):
                continue
            key = (str(loc.get("code") or loc.get("name") or ""), str(loc.get("level") or "other"), str(loc.get("role")))
            self.locations.setdefault(key, loc)
        self.article_count += 1
        self.new_articles.append((a.id, round(score, 3), reason))
        self.dirty = True

    # --- persistence in tppo_case.data ---------------------------------------------------------
    def data(self) -> dict[str, Any]:
        return {
            "kab": sorted(self.kab), "prov": sorted(self.prov), "countries": sorted(self.countries),
            "initials": sorted(self.initials), "terms": sorted(self.terms),
            "victim_figures": {str(k): v for k, v in self.victim_figures.items()},
            "suspect_figures": {str(k): v for k, v in self.suspect_figures.items()},
            "sigs": [_pack(s) for s in self.sigs], "outlets": sorted(self.outlets),
        }

    @classmethod
    def from_row(cls, row: Any) -> CaseState:
        d = row.data or {}
        state = cls(
            id=row.id, title=row.title, summary=row.summary or "", first_seen=row.first_seen, last_seen=row.last_seen,
            modus=set(row.modus or []), kab=set(d.get("kab", [])), prov=set(d.get("prov", [])),
            countries=set(d.get("countries", [])), initials=set(d.get("initials", [])), terms=set(d.get("terms", [])),
            victim_figures={int(k): list(v) for k, v in (d.get("victim_figures") or {}).items()},
            suspect_figures=Counter({int(k): int(v) for k, v in (d.get("suspect_figures") or {}).items()}),
            sigs=[_unpack(s) for s in d.get("sigs", [])], outlets=set(d.get("outlets", [])),
            stage=row.stage, article_count=row.article_count,
        )
        return state


def _pack(sig: np.ndarray) -> str:
    """A signature as compact text for tppo_case.data (64 x 32 bits in base64)."""
    import base64

    return base64.b64encode(np.asarray(sig, dtype="<u4").tobytes()).decode("ascii")


def _unpack(value: Any) -> np.ndarray:
    import base64

    if isinstance(value, list):  # older rows kept plain lists
        return np.array(value, dtype=np.uint32)
    return np.frombuffer(base64.b64decode(value), dtype="<u4").astype(np.uint32)


def _block_keys(modus: Iterable[str], places: Iterable[str], initials: Iterable[str]) -> set[tuple[str, str]]:
    mods = list(modus) or ["-"]
    keys = {(m, p) for m in mods for p in places}
    keys.update(("initials", i) for i in initials)
    return keys


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_DATELINE = re.compile(r"^[A-Z][A-Z .,/-]{2,40}(?:\([^)]*\))?\s*[-–—]+\s*|^[A-Z][A-Z ]{2,30},\s+[^–—-]{2,40}[-–—]+\s*")


def summarise(text: str | None, max_chars: int = 320) -> str:
    """The first one or two sentences of an article (without its dateline)."""
    text = " ".join((text or "")[:1200].split())
    text = _DATELINE.sub("", text)
    sentences = _SENTENCE.split(text)
    out = ""
    for s in sentences[:2]:
        if out and len(out) + len(s) + 1 > max_chars:
            break
        out = f"{out} {s}".strip()
    if len(out) > max_chars:
        out = out[: max_chars - 1].rsplit(" ", 1)[0] + "…"
    return out


def score(a: ArticleFacts, c: CaseState, *, text_similar: bool = True) -> tuple[float, str]:
    """How strongly the evidence says that ``a`` reports case ``c``.

    Returns (score, reason). A link needs ``score >= LINK_THRESHOLD`` and, unless the texts are
    near-duplicates or share the initials of a person, two *specific* pieces of evidence (same kab/kota,
    same victim figure above one, same suspect figure, two distinctive names, same initials): a shared
    province, modus and destination alone describe many incidents in a busy week.
    ``text_similar=False`` skips the MinHash comparison (the candidate did not come from LSH).
    """
    j = 0.0
    if text_similar and a.sig is not None and c.sigs:
        j = max(features.similarity(a.sig, sig) for sig in c.sigs)
    if j >= NEAR_DUPLICATE:
        return 1.0 + j, f"near-duplicate (jaccard {j:.2f})"
    s, why, specific = j, [f"jaccard {j:.2f}"], 0

    def add(delta: float, label: str, is_specific: bool = False) -> None:
        nonlocal s, specific
        s += delta
        specific += is_specific
        why.append(f"{label} {delta:+.2f}")

    if a.modus and c.modus:
        add(0.1, "modus") if a.modus & c.modus else add(-0.3, "other modus")
    if a.kab and c.kab:
        add(0.3, "kab/kota", True) if a.kab & c.kab else add(-0.2, "other kab/kota")
    elif a.prov and c.prov:
        add(0.1, "province") if a.prov & c.prov else add(-0.3, "other province")
    if a.countries and c.countries:
        add(0.15, "destination") if a.countries & c.countries else add(-0.3, "other destination")
    if a.victims and c.victim_figures:
        if a.victims in c.victim_figures:
            add(0.3, "victims", a.victims > 1)
        else:
            add(-0.05, "other victims")
    if a.suspects and c.suspect_figures and a.suspects in c.suspect_figures:
        add(0.1, "suspects", True)
    strong = False
    if a.initials and c.initials:
        if a.initials & c.initials:
            add(0.45, "initials", True)
            strong = True
        else:
            add(-0.3, "other initials")
    if a.terms and c.terms:
        shared = len(a.terms & c.terms)
        if shared:
            add(min(0.45, 0.15 * shared), f"{shared} names", shared >= 2)
    if j >= 0.25:
        specific += 1
    if not strong and specific < 2:
        return min(s, LINK_THRESHOLD - 0.01), ", ".join(why) + " (too little specific evidence)"
    return s, ", ".join(why)


class Linker:
    """Links articles (in time order) into cases held in memory; :func:`link_articles` persists them."""

    def __init__(self, open_cases: Sequence[CaseState] = ()) -> None:
        from datasketch import MinHashLSH

        self.cases: list[CaseState] = []
        self.lsh = MinHashLSH(threshold=NEAR_DUPLICATE, num_perm=features.NUM_PERM)
        self.blocks: dict[tuple[str, str], list[int]] = {}
        self._lsh_n = 0
        for c in open_cases:
            idx = self._register(c)
            for s in c.sigs:
                self._index_sig(idx, s)

    def _register(self, c: CaseState) -> int:
        self.cases.append(c)
        idx = len(self.cases) - 1
        for key in c.block_keys():
            self.blocks.setdefault(key, []).append(idx)
        return idx

    def _index_sig(self, idx: int, sig: np.ndarray) -> None:
        self._lsh_n += 1
        self.lsh.insert(f"{idx}:{self._lsh_n}", features.from_signature(sig), check_duplication=False)

    def _candidates(self, a: ArticleFacts) -> list[tuple[int, bool]]:
        """Up to ``MAX_CANDIDATES`` open cases, each with whether it came from MinHash LSH."""
        found: Counter[int] = Counter()
        from_lsh: set[int] = set()
        if a.sig is not None and self._lsh_n:
            for key in self.lsh.query(features.from_signature(a.sig)):
                idx = int(key.split(":", 1)[0])
                from_lsh.add(idx)
                found[idx] += 100
        for key in _block_keys(a.modus, a.kab | a.prov | a.countries, a.initials):
            for idx in reversed(self.blocks.get(key, ())):  # newest first: ties go to the most recent cases
                found[idx] += 1
        horizon = a.published_at - timedelta(days=WINDOW_DAYS)
        ahead = a.published_at + timedelta(days=WINDOW_DAYS)
        out = []
        for idx, _ in found.most_common():
            c = self.cases[idx]
            if c.last_seen >= horizon and c.first_seen <= ahead:
                out.append((idx, idx in from_lsh))
                if len(out) >= MAX_CANDIDATES:
                    break
        return out

    def add(self, a: ArticleFacts) -> CaseState:
        best, best_score, best_reason = None, LINK_THRESHOLD, ""
        for idx, similar in self._candidates(a):
            s, reason = score(a, self.cases[idx], text_similar=similar)
            if s >= best_score:
                best, best_score, best_reason = idx, s, reason
        if best is None:
            c = CaseState(id=None, title=a.title, summary="", first_seen=a.published_at, last_seen=a.published_at)
            c.add(a, 1.0, "new case")
            best = self._register(c)
        else:
            c = self.cases[best]
            before = c.block_keys()
            c.add(a, best_score, best_reason)
            for key in c.block_keys() - before:
                self.blocks.setdefault(key, []).append(best)
        if a.sig is not None and c.sigs and c.sigs[-1] is a.sig:
            self._index_sig(best, a.sig)
        return c


TEXT_CHARS = 3000  # every feature reads only the start of an article
PARALLEL_MIN = 2000  # from this many articles, features are computed in worker processes


_FEATURES = ("sig", "stage", "suspects", "initials", "terms", "kab", "prov", "countries")


def _prepare(a: ArticleFacts) -> tuple[Any, ...]:
    a.prepare()
    return tuple(getattr(a, f) for f in _FEATURES)


def prepare_all(items: list[ArticleFacts]) -> list[ArticleFacts]:
    """Compute every article's features; large batches use one worker process per core."""
    import os

    workers = min(os.cpu_count() or 1, 4)
    if len(items) < PARALLEL_MIN or workers < 2:
        return [a.prepare() for a in items]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    features._permutations()  # generated once here, inherited by the forked workers
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        for a, values in zip(items, pool.map(_prepare, items, chunksize=250), strict=True):
            for name, value in zip(_FEATURES, values, strict=True):
                setattr(a, name, value)
    return items


def drop_common_terms(items: Sequence[ArticleFacts]) -> None:
    """Names that many articles of the batch share (a big city, a ministry) identify no incident."""
    df: Counter[str] = Counter(t for a in items for t in a.terms)
    limit = max(4, int(len(items) * COMMON_TERM_SHARE))
    common = {t for t, n in df.items() if n > limit}
    for a in items:
        a.terms -= common


# --- database side ------------------------------------------------------------------------------

@dataclass
class LinkResult:
    articles: int = 0
    new_cases: int = 0
    updated_cases: int = 0
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)  # load, prepare, link, write (seconds)


def _load_articles(session: Any, since: datetime | None, until: datetime | None, limit: int | None) -> list[ArticleFacts]:
    from sqlalchemy import and_, exists, func, select

    from models.cases import CaseArticle
    from models.corpus import Article, LocationMention, ModusTag

    stmt = (
        select(Article.id, Article.title, func.substr(Article.text, 1, TEXT_CHARS).label("text"), Article.lead,
               Article.published_at, Article.outlet_id,
               Article.victims, Article.classification_id)
        .where(Article.relevant.is_(True), Article.article_type == "case", Article.published_at.is_not(None),
               ~exists().where(CaseArticle.article_id == Article.id))
        .order_by(Article.published_at, Article.id)
    )
    if since is not None:
        stmt = stmt.where(Article.published_at >= since)
    if until is not None:
        stmt = stmt.where(Article.published_at < until)
    if limit:
        stmt = stmt.limit(limit)
    rows = session.execute(stmt).all()
    by_cls: dict[int, ArticleFacts] = {}
    out = []
    for r in rows:
        a = ArticleFacts(id=r.id, title=r.title or "", text=r.text or r.lead or "", published_at=r.published_at,
                         outlet_id=r.outlet_id, victims=r.victims)
        out.append(a)
        if r.classification_id:
            by_cls[r.classification_id] = a
    ids = list(by_cls)
    for i in range(0, len(ids), 5000):
        chunk = ids[i : i + 5000]
        for cid, modus in session.execute(
            select(ModusTag.classification_id, ModusTag.modus).where(ModusTag.classification_id.in_(chunk))
        ):
            by_cls[cid].modus.add(modus)
        for loc in session.execute(
            select(LocationMention.classification_id, LocationMention.name, LocationMention.level, LocationMention.code,
                   LocationMention.province, LocationMention.province_code, LocationMention.country,
                   LocationMention.role).where(and_(LocationMention.classification_id.in_(chunk)))
        ):
            d = dict(loc._mapping)
            by_cls[d.pop("classification_id")].locations.append(d)
    return out


def _open_cases(session: Any, since: datetime) -> list[CaseState]:
    from sqlalchemy import select

    from models.cases import Case

    rows = session.execute(select(Case).where(Case.last_seen >= since).order_by(Case.first_seen)).scalars().all()
    return [CaseState.from_row(r) for r in rows]


def _case_row(c: CaseState) -> dict[str, Any]:
    from models.base import utcnow

    return {"title": (c.title or "(tanpa judul)")[:1000], "summary": c.summary, "first_seen": c.first_seen,
            "last_seen": c.last_seen, "stage": c.stage or "reported", "modus": sorted(c.modus), "victims": c.victims,
            "suspects": c.suspects, "article_count": c.article_count, "outlet_count": len(c.outlets),
            "data": c.data(), "updated_at": utcnow()}


def _location_rows(case_id: int, c: CaseState) -> list[dict[str, Any]]:
    rows = []
    for loc in c.locations.values():
        code, level = loc.get("code"), loc.get("level") or "other"
        pcode = loc.get("province_code") or (str(code).split(".")[0] if code and level in ("province", "kabkota")
                                             and loc.get("country") in (None, "Indonesia") else None)
        rows.append({"case_id": case_id, "name": str(loc.get("name") or "")[:200], "level": level, "code": code,
                     "province_code": pcode, "country": loc.get("country"), "role": loc.get("role") or "mention"})
    return rows


def link_articles(session: Any, *, since: datetime | None = None, until: datetime | None = None,
                  limit: int | None = None) -> LinkResult:
    """Link every relevant case article not yet in a case (optionally only those published in
    [since, until)) into new or open cases, and write the cases. Returns counts."""
    import time

    from sqlalchemy import insert, select, update

    from models.base import utcnow
    from models.cases import Case, CaseArticle, CaseLocation

    t0 = time.perf_counter()
    items = _load_articles(session, since, until, limit)
    result = LinkResult(articles=len(items))
    if not items:
        result.seconds = time.perf_counter() - t0
        return result
    t1 = time.perf_counter()
    items = prepare_all(items)
    drop_common_terms(items)
    t2 = time.perf_counter()
    linker = Linker(_open_cases(session, items[0].published_at - timedelta(days=WINDOW_DAYS)))
    for a in items:
        linker.add(a)
    t3 = time.perf_counter()
    new = [c for c in linker.cases if c.dirty and c.id is None]
    old = [c for c in linker.cases if c.dirty and c.id is not None]
    now = utcnow()
    for i in range(0, len(new), 500):  # chunks: RETURNING with many rows costs quadratic time in the driver layer
        chunk = new[i : i + 500]
        ids = session.connection().execute(
            insert(Case.__table__).returning(Case.__table__.c.id, sort_by_parameter_order=True),
            [{**_case_row(c), "created_at": now} for c in chunk],
        ).scalars().all()
        for c, cid in zip(chunk, ids, strict=True):
            c.id = int(cid)
    for c in old:
        session.execute(update(Case).where(Case.id == c.id).values(**_case_row(c)))
    known: set[tuple[Any, ...]] = set()
    old_ids = [c.id for c in old]
    for i in range(0, len(old_ids), 5000):
        known.update(tuple(r) for r in session.execute(
            select(CaseLocation.case_id, CaseLocation.code, CaseLocation.name, CaseLocation.role)
            .where(CaseLocation.case_id.in_(old_ids[i : i + 5000]))))
    now = utcnow()
    members = [{"case_id": c.id, "article_id": aid, "score": s, "reason": reason, "linked_at": now}
               for c in new + old for aid, s, reason in c.new_articles]
    places = [row for c in new + old for row in _location_rows(int(c.id), c)  # type: ignore[arg-type]
              if (row["case_id"], row["code"], row["name"], row["role"]) not in known]
    conn = session.connection()  # Core executemany: no ORM bookkeeping per row
    if members:
        conn.execute(insert(CaseArticle.__table__), members)
    if places:
        conn.execute(insert(CaseLocation.__table__), places)
    result.new_cases, result.updated_cases = len(new), len(old)
    result.seconds = time.perf_counter() - t0
    result.phases = {"load": round(t1 - t0, 2), "prepare": round(t2 - t1, 2), "link": round(t3 - t2, 2),
                     "write": round(result.seconds - (t3 - t0), 2)}
    return result


def relink(session: Any) -> LinkResult:
    """Forget every case and link the whole corpus again (after the linker changed)."""
    from sqlalchemy import delete

    from models.cases import Case

    session.execute(delete(Case))
    return link_articles(session)
