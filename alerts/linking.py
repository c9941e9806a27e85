"""Case linking: articles about the same incident become one case, so that counts are of incidents.

An article joins an open case (one seen within ``WINDOW_DAYS``) when it is a near-duplicate of one of
the case's articles (MinHash, estimated Jaccard >= ``NEAR_DUPLICATE``), or when the evidence adds up
to ``LINK_THRESHOLD``: shared kab/kota, province and destination country, shared modus, the same
victim or suspect figure, the same initials of people, shared names of places, ships or companies.
Disagreement counts against a link (different destination countries, different modus, different
initials). Candidates come from MinHash LSH over the signatures the crawler stored (``article.minhash``;
computed here only for articles stored without one) and from a block index of (modus, place) and
initials, both built once per run, so a week of 10,000 articles is linked in a few seconds. A trial or
verdict joins a case up to ``FOLLOW_UP_DAYS`` old when it names the same people.

Linking is incremental: :func:`link_articles` only reads articles not yet in a case, and the state
it needs of open cases (signatures, figures, names, stages) is kept in ``tppo_case.data``; the
database side is :mod:`alerts.case_store`.
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
from alerts.lsh import BandIndex, band_keys
from models.cases import CASE_STAGES

WINDOW_DAYS = 30
FOLLOW_UP_DAYS = 180  # a trial or verdict joins an older case when it names the same people (initials)
LATE_STAGES = frozenset({"trial", "verdict"})
SAME_NEWS_DAYS = 2  # reports of the same stage at the same place within this many days are likely one event
NEAR_DUPLICATE = 0.5
LINK_THRESHOLD = 0.6
MAX_SIGNATURES = 6  # signatures kept per case (the first ones: later articles are mostly follow-ups)
MAX_TERMS = 80
MAX_CANDIDATES = 15  # open cases scored per article (LSH hits first, then most shared blocking keys)
MAX_BLOCK_SCAN = 200  # newest cases looked at per blocking key (a busy (modus, province) key holds hundreds)
TEXT_CHARS = 2000  # every feature reads only the start of an article (initials: the first 2,000 characters)
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
    caps: set[str] = field(default_factory=set)  # upper-case tokens, matched against a case's initials
    terms: set[str] = field(default_factory=set)
    kab: set[str] = field(default_factory=set)
    prov: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    bands: list[int] | None = None  # LSH keys of ``sig``

    def prepare(self) -> ArticleFacts:
        if self.sig is None:  # stored without the crawler's signature: compute the same one from the text
            self.sig = features.signature(self.text)
        self.text = self.text[:TEXT_CHARS]
        self.stage = features.stage(self.title, self.text)
        self.suspects = features.suspects(self.text)
        self.initials = features.initials(self.title + "\n" + self.text)
        self.caps = features.caps_tokens(self.title + "\n" + self.text)
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
            for name in (loc.get("name"), loc.get("province"), loc.get("country")):
                place_words.update(w.lower() for w in re.findall(r"\w+", name or ""))
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
    suspect_figures: dict[int, int] = field(default_factory=dict)  # figure -> articles
    sigs: list[np.ndarray] = field(default_factory=list)
    outlets: set[int] = field(default_factory=set)
    stage: str | None = None
    stages: set[str] = field(default_factory=set)  # every stage an article of the case reported
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

    def similarity(self, sig: np.ndarray | None) -> float:
        """The highest estimated Jaccard similarity of ``sig`` to one of the case's signatures."""
        if sig is None or not self.sigs:
            return 0.0
        if len(self.sigs) == 1:
            return features.similarity(sig, self.sigs[0])
        return float((np.stack(self.sigs) == sig).sum(axis=1).max()) / len(sig)


    @property
    def suspects(self) -> int | None:
        return max(self.suspect_figures, key=self.suspect_figures.__getitem__) if self.suspect_figures else None

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
            self.suspect_figures[a.suspects] = self.suspect_figures.get(a.suspects, 0) + 1
        if a.sig is not None and len(self.sigs) < MAX_SIGNATURES:
            self.sigs.append(a.sig)
        if a.outlet_id is not None:
            self.outlets.add(a.outlet_id)
        if a.stage and (self.stage is None or CASE_STAGES.index(a.stage) > CASE_STAGES.index(self.stage)):
            self.stage = a.stage
        if a.stage:
            self.stages.add(a.stage)
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
            "initials": sorted(self.initials), "terms": sorted(self.terms), "stages": sorted(self.stages),
            "victim_figures": {str(k): v for k, v in self.victim_figures.items()},
            "suspect_figures": {str(k): v for k, v in self.suspect_figures.items()},
            "sigs": [_pack(s) for s in self.sigs], "sig_scheme": features.SIG_SCHEME, "outlets": sorted(self.outlets),
        }

    @classmethod
    def from_row(cls, row: Any) -> CaseState:
        d = row.data or {}
        # Signatures of another scheme (an older linker's) compare as unrelated: drop them.
        sigs = [_unpack(s) for s in d.get("sigs", [])] if d.get("sig_scheme") == features.SIG_SCHEME else []
        state = cls(
            id=row.id, title=row.title, summary=row.summary or "", first_seen=row.first_seen, last_seen=row.last_seen,
            modus=set(row.modus or []), kab=set(d.get("kab", [])), prov=set(d.get("prov", [])),
            countries=set(d.get("countries", [])), initials=set(d.get("initials", [])), terms=set(d.get("terms", [])),
            victim_figures={int(k): list(v) for k, v in (d.get("victim_figures") or {}).items()},
            suspect_figures={int(k): int(v) for k, v in (d.get("suspect_figures") or {}).items()},
            sigs=sigs, outlets=set(d.get("outlets", [])),
            stage=row.stage, stages=set(d.get("stages", [row.stage] if row.stage else [])),
            article_count=row.article_count,
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


def _other_figure(figure: int, known: dict[int, list[Any]]) -> tuple[float, str]:
    """A victim figure the case has not seen: a close one (31 vs 33: recounts of one rescue) is evidence,
    one more than twice as large or small speaks against the same incident."""
    if figure > 1:
        for k in known:
            if k > 1 and abs(k - figure) <= max(2, 0.1 * max(k, figure)):
                return 0.2, "close victims"
        if all(k > 1 and max(k, figure) > 2 * min(k, figure) for k in known):
            return -0.25, "far other victims"
    return -0.05, "other victims"


def score(a: ArticleFacts, c: CaseState, *, explain: bool = False, j: float | None = None) -> tuple[float, str]:
    """How strongly the evidence says that ``a`` reports case ``c``.

    Returns (score, reason); the reason is only written with ``explain=True`` (the linker asks for it
    once, for the case it chose). A link needs ``score >= LINK_THRESHOLD`` and, unless the texts are
    near-duplicates or share the initials of a person, two *specific* pieces of evidence (same kab/kota,
    same victim figure above one, same suspect figure, two distinctive names, same initials, Jaccard >=
    0.25): a shared province, modus and destination alone describe many incidents in a busy week.
    ``j``: the similarity of the texts when the caller already computed it.
    """
    if j is None:
        j = c.similarity(a.sig)
    if j >= NEAR_DUPLICATE:
        return 1.0 + j, f"near-duplicate (jaccard {j:.2f})" if explain else ""
    parts: list[tuple[float, str]] = []  # (delta, label)
    specific = j >= 0.25
    strong = False
    if a.modus and c.modus:
        parts.append((0.1, "modus") if a.modus & c.modus else (-0.3, "other modus"))
    if a.kab and c.kab:
        if a.kab & c.kab:
            parts.append((0.3, "kab/kota"))
            specific += 1
        else:
            parts.append((-0.2, "other kab/kota"))
    elif a.prov and c.prov:
        parts.append((0.1, "province") if a.prov & c.prov else (-0.3, "other province"))
    if a.countries and c.countries:
        parts.append((0.15, "destination") if a.countries & c.countries else (-0.3, "other destination"))
    if a.victims and c.victim_figures:
        if a.victims in c.victim_figures:
            parts.append((0.3, "victims"))
            specific += a.victims > 1
        else:
            parts.append(_other_figure(a.victims, c.victim_figures))
            specific += parts[-1][1] == "close victims"
    if a.suspects and c.suspect_figures and a.suspects in c.suspect_figures:
        parts.append((0.1, "suspects"))
        specific += 1
    if c.initials and (a.initials or a.caps):
        if (a.initials | a.caps) & c.initials:  # bare initials ("terdakwa LH") count once a case knows them
            parts.append((0.45, "initials"))
            specific += 1
            strong = True
        elif a.initials:
            parts.append((-0.3, "other initials"))
    if a.stage and a.stage in c.stages and abs(a.published_at - c.last_seen) <= timedelta(days=SAME_NEWS_DAYS):
        parts.append((0.1, "same stage within days"))
        specific += 1
    if a.terms and c.terms:
        shared = len(a.terms & c.terms)
        if shared:
            parts.append((min(0.45, 0.15 * shared), f"{shared} names"))
            specific += shared >= 2
    s = j + sum(delta for delta, _ in parts)
    enough = strong or specific >= 2
    why = ""
    if explain:
        why = ", ".join([f"jaccard {j:.2f}", *(f"{label} {delta:+.2f}" for delta, label in parts)])
        if not enough:
            why += " (too little specific evidence)"
    return (s, why) if enough else (min(s, LINK_THRESHOLD - 0.01), why)


class Linker:
    """Links articles (in time order) into cases held in memory; :func:`link_articles` persists them.

    One LSH index of the cases' signatures and one block index of (modus, place) and initials keys are
    built once per run and grow as cases do; each article is scored against at most ``MAX_CANDIDATES``.
    """

    def __init__(self, open_cases: Sequence[CaseState] = ()) -> None:
        self.cases: list[CaseState] = []
        self.lsh = BandIndex()
        self.blocks: dict[tuple[str, str], list[int]] = {}
        for c in open_cases:
            idx = self._register(c)
            if c.sigs:
                for keys in band_keys(np.stack(c.sigs)):
                    self.lsh.insert(idx, keys)

    def add_all(self, items: Sequence[ArticleFacts]) -> None:
        """Link a batch in time order; the LSH keys of all its signatures are computed in one pass."""
        with_sig = [a for a in items if a.sig is not None]
        if with_sig:
            for a, keys in zip(with_sig, band_keys(np.stack([a.sig for a in with_sig])), strict=True):
                a.bands = keys
        for a in items:
            self.add(a)

    def _register(self, c: CaseState) -> int:
        self.cases.append(c)
        idx = len(self.cases) - 1
        for key in c.block_keys():
            self.blocks.setdefault(key, []).append(idx)
        return idx

    def _candidates(self, a: ArticleFacts) -> list[int]:
        """Up to ``MAX_CANDIDATES`` open cases: LSH hits first, then most shared keys, newest first."""
        found: dict[int, int] = {}
        if a.sig is not None and self.lsh.size:
            for idx in self.lsh.query(self._bands(a)):
                found[idx] = 100
        blocks = self.blocks
        for key in sorted(_block_keys(a.modus, a.kab | a.prov | a.countries, a.initials | a.caps)):  # deterministic ties
            members = blocks.get(key)
            if members:
                for idx in reversed(members[-MAX_BLOCK_SCAN:]):  # newest first: ties go to the most recent cases
                    found[idx] = found.get(idx, 0) + 1
        horizon = a.published_at - timedelta(days=WINDOW_DAYS)
        follow_up = a.published_at - timedelta(days=FOLLOW_UP_DAYS) if a.stage in LATE_STAGES else horizon
        ahead = a.published_at + timedelta(days=WINDOW_DAYS)
        named = a.initials | a.caps
        out = []
        cases = self.cases
        for idx in sorted(found, key=found.__getitem__, reverse=True):  # stable: newest first among ties
            c = cases[idx]
            if c.first_seen > ahead or c.last_seen < follow_up:
                continue
            # a trial or verdict months later joins an older case only if it names the same people
            if c.last_seen >= horizon or named & c.initials:
                out.append(idx)
                if len(out) >= MAX_CANDIDATES:
                    break
        return out

    def add(self, a: ArticleFacts) -> CaseState:
        best, best_score = None, LINK_THRESHOLD
        candidates = self._candidates(a)
        for idx, j in zip(candidates, self._similarities(a, candidates), strict=True):
            s, _ = score(a, self.cases[idx], j=j)
            if s >= best_score:
                best, best_score = idx, s
        if best is None:
            c = CaseState(id=None, title=a.title, summary="", first_seen=a.published_at, last_seen=a.published_at)
            c.add(a, 1.0, "new case")
            best = self._register(c)
        else:
            c = self.cases[best]
            before = c.block_keys()
            c.add(a, *score(a, c, explain=True))
            for key in c.block_keys() - before:
                self.blocks.setdefault(key, []).append(best)
        if a.sig is not None and c.sigs and c.sigs[-1] is a.sig:  # the signature was kept: index it
            self.lsh.insert(best, self._bands(a))
        return c

    def _similarities(self, a: ArticleFacts, candidates: list[int]) -> list[float | None]:
        """Text similarity of ``a`` to each candidate, in one numpy comparison for the single-signature
        cases (most of them); None (computed by :func:`score`) for the others."""
        if a.sig is None or not candidates:
            return [0.0 if a.sig is None else None] * len(candidates)
        cases = self.cases
        single = [i for i, idx in enumerate(candidates) if len(cases[idx].sigs) == 1]
        out: list[float | None] = [None] * len(candidates)
        if single:
            same = (np.stack([cases[candidates[i]].sigs[0] for i in single]) == a.sig).sum(axis=1) / len(a.sig)
            for i, value in zip(single, same.tolist(), strict=True):
                out[i] = value
        return out

    @staticmethod
    def _bands(a: ArticleFacts) -> list[int]:
        if a.bands is None:
            a.bands = band_keys(a.sig[None, :])[0]  # type: ignore[index]
        return a.bands


PARALLEL_MIN = 2000  # from this many articles without a stored signature, features are computed in worker processes


_FEATURES = ("sig", "stage", "suspects", "initials", "caps", "terms", "kab", "prov", "countries")


def _prepare(a: ArticleFacts) -> tuple[Any, ...]:
    a.prepare()
    return tuple(getattr(a, f) for f in _FEATURES)


def prepare_all(items: list[ArticleFacts]) -> list[ArticleFacts]:
    """Compute every article's features. Only computing MinHash signatures (articles stored without the
    crawler's) is worth worker processes: with stored signatures the rest takes about 0.15 ms an article,
    less than forking and pickling would cost on a busy machine."""
    import os

    workers = min(os.cpu_count() or 1, 4)
    if sum(a.sig is None for a in items) < PARALLEL_MIN or workers < 2:
        return [a.prepare() for a in items]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        for a, values in zip(items, pool.map(_prepare, items, chunksize=250), strict=True):
            for name, value in zip(_FEATURES, values, strict=True):
                setattr(a, name, value)
            a.text = a.text[:TEXT_CHARS]
    return items


def drop_common_terms(items: Sequence[ArticleFacts]) -> None:
    """Names that many articles of the batch share (a big city, a ministry) identify no incident."""
    df: Counter[str] = Counter(t for a in items for t in a.terms)
    limit = max(4, int(len(items) * COMMON_TERM_SHARE))
    common = {t for t, n in df.items() if n > limit}
    for a in items:
        a.terms -= common


@dataclass
class LinkResult:
    articles: int = 0
    new_cases: int = 0
    updated_cases: int = 0
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)  # load, prepare, link, write (seconds)


def link_articles(session: Any, *, since: datetime | None = None, until: datetime | None = None,
                  limit: int | None = None) -> LinkResult:
    """Link every relevant case article not yet in a case (optionally only those published in
    [since, until)) into new or open cases, and write the cases. Returns counts."""
    import time

    from alerts import case_store
    from models.base import utcnow

    t0 = time.perf_counter()
    items = case_store.load_articles(session, since, until, limit)
    result = LinkResult(articles=len(items))
    if not items:
        result.seconds = time.perf_counter() - t0
        return result
    t1 = time.perf_counter()
    items = prepare_all(items)
    drop_common_terms(items)
    t2 = time.perf_counter()
    linker = Linker(case_store.open_cases(session, items[0].published_at - timedelta(days=FOLLOW_UP_DAYS)))
    linker.add_all(items)
    t3 = time.perf_counter()
    result.new_cases, result.updated_cases = case_store.write_cases(session, linker.cases, utcnow())
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
