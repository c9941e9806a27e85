"""Reading the corpus: full-text search with filters (streamed), and counts for stats and digests.

The query language is the same on SQLite (FTS5) and PostgreSQL (tsquery):
``word`` (all words must match), ``"a phrase"``, ``prefix*``, ``A OR B``, ``-word`` or ``NOT word``.
It is parsed here and translated for each backend, so a malformed query gets a clear
:class:`QueryError` instead of a database syntax error.
"""

from __future__ import annotations

import base64
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Select, Text, and_, column, exists, func, select, table, text, type_coerce
from sqlalchemy.dialects.postgresql import ARRAY as PG_ARRAY
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from pantau import regions
from pantau.taxonomy import ARTICLE_TYPES, MODUS

from .corpus import Article, Classification, LocationMention, ModusTag, Outlet
from .label_keys import RELEVANT, kabkota_key, modus_key, province_key, type_key

_FTS = table("article_fts", column("rowid"))
WIB = timedelta(hours=7)  # Asia/Jakarta has no daylight saving time
MAX_QUERY_CHARS = 500


class QueryError(ValueError):
    """A query or filter the user has to correct (one-line message)."""


# --- query language -------------------------------------------------------------------------

@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or several for a phrase
    prefix: bool = False
    negated: bool = False


_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)


def parse_query(query: str) -> list[list[Term]]:
    """Parse into OR-groups of AND-ed terms. Raises QueryError on malformed input."""
    query = query.strip()
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"query is too long ({len(query)} characters, at most {MAX_QUERY_CHARS})")
    if query.count('"') % 2:
        raise QueryError('unbalanced quote in query: close the phrase with "')
    groups: list[list[Term]] = [[]]
    negate_next = False
    for m in _TOKEN.finditer(query):
        phrase, token = m.group(1), m.group(2)
        if token in ("OR", "|"):
            if negate_next or not groups[-1]:
                raise QueryError("OR needs a term on both sides")
            groups.append([])
            continue
        if token == "AND":
            continue
        if token == "NOT":
            negate_next = True
            continue
        negated = negate_next
        negate_next = False
        if phrase is not None:
            words = tuple(w.lower() for w in _WORD.findall(phrase))
            prefix = False
        else:
            assert token is not None
            if token.startswith("-") and len(token) > 1:
                negated, token = True, token[1:]
            prefix = token.endswith("*")
            words = tuple(w.lower() for w in _WORD.findall(token))
            if prefix and len(words) > 1:
                prefix = False
        if not words:
            if token and "*" == token.strip("-"):
                raise QueryError("a lone * is not a search term: write e.g. kerja*")
            continue
        groups[-1].append(Term(words, prefix, negated))
    if negate_next:
        raise QueryError("NOT needs a term after it")
    if not groups[-1]:
        if len(groups) > 1:
            raise QueryError("OR needs a term on both sides")
        return []
    for group in groups:
        if all(t.negated for t in group):
            raise QueryError("a query cannot only exclude words: add a word to search for")
    return groups


def to_fts5(groups: list[list[Term]]) -> str:
    def term(t: Term) -> str:
        body = " ".join(f'"{w}"' for w in t.words)
        if len(t.words) > 1:
            body = f'"{" ".join(t.words)}"'
        return body + ("*" if t.prefix else "")

    parts = []
    for group in groups:
        positive = " AND ".join(term(t) for t in group if not t.negated)
        negative = "".join(f" NOT {term(t)}" for t in group if t.negated)
        parts.append(f"({positive}{negative})")
    return " OR ".join(parts)


def to_tsquery(groups: list[list[Term]]) -> str:
    def lexeme(word: str, prefix: bool) -> str:
        return "'" + word.replace("'", "''") + "'" + (":*" if prefix else "")

    def term(t: Term) -> str:
        if len(t.words) > 1:
            body = "(" + " <-> ".join(lexeme(w, False) for w in t.words) + ")"
        else:
            body = lexeme(t.words[0], t.prefix)
        return ("!" if t.negated else "") + body

    return " | ".join("(" + " & ".join(term(t) for t in group) + ")" for group in groups)


# --- filters --------------------------------------------------------------------------------

@dataclass
class ArticleFilter:
    """What `pantau query`, the web app and exports filter by. Validate with :meth:`check`."""

    q: str | None = None
    since: date | None = None
    until: date | None = None  # inclusive
    outlet: str | None = None
    modus: str | None = None
    province: str | None = None  # code or name
    kabkota: str | None = None  # Kemendagri code
    article_type: str | None = None
    relevant_only: bool = False
    limit: int | None = None
    order: str = "newest"  # newest (stored) | published | relevance
    _province_code: str | None = field(default=None, repr=False)
    _kabkota_code: str | None = field(default=None, repr=False)
    _parsed: tuple[str, list[list[Term]]] | None = field(default=None, repr=False)  # (q, its parse)

    def check(self) -> ArticleFilter:
        if self.modus is not None and self.modus not in MODUS:
            raise QueryError(f"unknown modus {self.modus!r}: one of {', '.join(MODUS)}")
        if self.article_type is not None and self.article_type not in ARTICLE_TYPES:
            raise QueryError(f"unknown article type {self.article_type!r}: one of {', '.join(ARTICLE_TYPES)}")
        try:
            self._province_code = regions.province_code(self.province) if self.province else None
            self._kabkota_code = regions.kabkota_code(self.kabkota) if self.kabkota else None
        except regions.UnknownRegion as exc:
            raise QueryError(str(exc)) from exc
        if self.since and self.until and self.since > self.until:
            raise QueryError(f"--since {self.since} is after --until {self.until}")
        if self.order not in ("newest", "published", "relevance"):
            raise QueryError(f"unknown order {self.order!r}: newest, published or relevance")
        if self.limit is not None and self.limit < 0:
            raise QueryError("limit must be zero or positive")
        self.query_groups()
        return self

    def query_groups(self) -> list[list[Term]]:
        """``q`` parsed (once: kept until ``q`` changes); raises QueryError when malformed."""
        if not self.q:
            return []
        if self._parsed is None or self._parsed[0] != self.q:
            self._parsed = (self.q, parse_query(self.q))
        return self._parsed[1]


def _day_start(d: date) -> datetime:
    """Midnight WIB of ``d``, in UTC."""
    return datetime(d.year, d.month, d.day, tzinfo=UTC) - WIB


_SEARCH_CONFIGS: WeakKeyDictionary[Any, str] = WeakKeyDictionary()  # engine -> text-search configuration


def _text_search_config(session: Session) -> str:
    """The configuration migration 0002 chose (``app_meta``); read once per engine, since only a new
    schema can change it (a search runs up to five full-text statements)."""
    bind = session.get_bind()
    cfg = _SEARCH_CONFIGS.get(bind)
    if cfg is None:
        found = session.execute(text("SELECT value FROM app_meta WHERE key = 'text_search_config'")).scalar()
        cfg = str(found or "simple")
        if found is not None:
            _SEARCH_CONFIGS[bind] = cfg
    return cfg


def _label_keys_of(f: ArticleFilter) -> list[str]:
    """The ``article.label_keys`` an article needs to pass the label filters of ``f``."""
    keys = [RELEVANT] if f.relevant_only else []
    if f.article_type:
        keys.append(type_key(f.article_type))
    if f.modus:
        keys.append(modus_key(f.modus))
    if f._province_code:
        keys.append(province_key(f._province_code))
    if f._kabkota_code:
        keys.append(kabkota_key(f._kabkota_code))
    return keys


def _apply_filters(session: Session, stmt: Select[Any], f: ArticleFilter) -> Select[Any]:
    conds = []
    postgresql = session.get_bind().dialect.name == "postgresql"
    if f.since:
        conds.append(Article.published_at >= _day_start(f.since))
    if f.until:
        conds.append(Article.published_at < _day_start(f.until + timedelta(days=1)))
    if f.outlet:
        outlet_id = session.execute(select(Outlet.id).where(Outlet.name == f.outlet)).scalar()
        if outlet_id is None:
            known = session.execute(select(Outlet.name).order_by(Outlet.name).limit(20)).scalars().all()
            raise QueryError(f"unknown outlet {f.outlet!r}" + (f" (known: {', '.join(known)})" if known else ""))
        conds.append(Article.outlet_id == outlet_id)
    if postgresql:
        # every label filter is one `@>` on the keys, answered by the GIN index shared with the text
        keys = _label_keys_of(f)
        if keys:
            conds.append(type_coerce(Article.label_keys, PG_ARRAY(Text())).contains(keys))
    else:
        if f.relevant_only:
            conds.append(Article.relevant.is_(True))
        if f.article_type:
            conds.append(Article.article_type == f.article_type)
        if f.modus:
            conds.append(
                exists().where(ModusTag.classification_id == Article.classification_id, ModusTag.modus == f.modus)
            )
        if f._province_code:
            conds.append(
                exists().where(
                    LocationMention.classification_id == Article.classification_id,
                    LocationMention.province_code == f._province_code,
                )
            )
        if f._kabkota_code:
            conds.append(
                exists().where(
                    LocationMention.classification_id == Article.classification_id,
                    LocationMention.code == f._kabkota_code,
                )
            )
    if f.q:
        groups = f.query_groups()
        if groups:
            if session.get_bind().dialect.name == "sqlite":
                # Join the FTS table (not `id IN (SELECT rowid ...)`): FTS5 then yields matches in
                # rowid order and a LIMIT stops early instead of materialising every match.
                stmt = stmt.join(_FTS, _FTS.c.rowid == Article.id)
                conds.append(text("article_fts MATCH :fts").bindparams(fts=to_fts5(groups)))
            else:
                conds.append(
                    text("article.search_vector @@ to_tsquery(CAST(:cfg AS regconfig), :tsq)").bindparams(
                        cfg=_text_search_config(session), tsq=to_tsquery(groups)
                    )
                )
    return stmt.where(and_(*conds)) if conds else stmt


def _ordered(session: Session, stmt: Select[Any], f: ArticleFilter) -> Select[Any]:
    if f.order == "published":
        return stmt.order_by(Article.published_at.desc().nulls_last(), Article.id.desc())
    if f.query_groups() and session.get_bind().dialect.name == "sqlite":
        return stmt.order_by(_FTS.c.rowid.desc())  # same order as article.id, consumed by FTS5 itself
    return stmt.order_by(Article.id.desc())


ARTICLE_FIELDS = (
    "id", "canonical_url", "original_url", "title", "text", "lead", "authors", "published_at",
    "fetched_at", "updated_at", "language", "word_count", "content_hash", "simhash", "minhash",
    "syndication_group", "via", "robots_verdict", "tdm_reserved", "tdm_policy_url", "text_withheld",
    "permission", "relevant", "relevance_score", "article_type", "victims",
)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def _tags_for(session: Session, classification_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {
        cid: {"model_version": None, "modus": [], "modus_scores": {}, "evidence": {}, "locations": []}
        for cid in classification_ids
    }
    if not classification_ids:
        return out
    for cid, version, modus, scores, evidence in session.execute(
        select(Classification.id, Classification.model_version, Classification.modus,
               Classification.modus_scores, Classification.evidence).where(Classification.id.in_(classification_ids))
    ):
        out[cid].update(model_version=version, modus=modus or [], modus_scores=scores or {}, evidence=evidence or {})
    for loc in session.execute(
        select(LocationMention).where(LocationMention.classification_id.in_(classification_ids)).order_by(LocationMention.id)
    ).scalars():
        out[loc.classification_id]["locations"].append(
            {"name": loc.name, "level": loc.level, "code": loc.code, "province": loc.province,
             "country": loc.country, "role": loc.role, "evidence": loc.evidence}
        )
    return out


WALK_ROWS = 2000  # newest articles checked one by one before the full-text/label index takes over
WALK_MORE = 20000  # more rows walked when the first ones' matches say the page fills within them
WALK_STEPS = 4  # at most this many such walks, each sized by the matches found so far
SLICE_SHARES = (0.05, 0.25)  # then these newest shares of the id range, in turn, through the index, then the rest


def _page_ids(session: Session, f: ArticleFilter, restrict: Any, limit: int, plan: str = "") -> list[int]:
    """Ids of the newest ``limit`` articles passing every filter of ``f`` and ``restrict``.

    ``plan`` names the planner settings of :func:`_set_plan` in force: it goes into the statement as a
    comment, because the driver prepares a statement it has run a few times and PostgreSQL then
    reuses that plan whatever the settings are now (a walk reusing an index step's plan collected
    every match of a word: 0.85 s instead of 5 ms)."""
    stmt = _ordered(session, _apply_filters(session, select(Article.id), f).where(restrict), f)
    if plan:
        stmt = stmt.prefix_with(f"/* {plan} */")
    return list(session.execute(stmt.limit(limit)).scalars())


def _set_plan(session: Session, walk: bool | None) -> None:
    """Transaction-local planner choice: ``True`` read the primary key newest first and check each row,
    ``False`` collect matches from the indexes (bitmaps), ``None`` back to the planner's own choice.

    The index steps are planned for their own values (``force_custom_plan``): a generic plan of a
    prepared statement does not know how narrow the id range is, keeps the range as a filter and
    reads every match of the word in the whole table (460 ms) where the plan for the values
    intersects the range with the index first (39 ms)."""
    index, bitmap, cache = {True: ("on", "off", "auto"), False: ("off", "on", "force_custom_plan"),
                            None: ("on", "on", "auto")}[walk]
    session.execute(text(f"SET LOCAL enable_indexscan = {index}; SET LOCAL enable_bitmapscan = {bitmap}; "
                         f"SET LOCAL plan_cache_mode = {cache}"))


def _walk_filter(session: Session, f: ArticleFilter) -> list[int] | None:
    """PostgreSQL: the ids of a first page (``limit``, newest first) of a query with full text or label
    filters, or None when this plan does not apply (SQLite, no limit, another order, nothing the GIN
    index of migration 0005 can answer: then the planner's usual plan runs).

    The planner cannot know how often a word and a label meet: it guesses from each one's frequency,
    and either reads the primary key backwards checking every row (seconds when they never meet) or
    collects every match through the index (a common word: a third of the corpus to sort). Here the
    plan is fixed in three steps, each asking only for what the page still lacks:

    1. the newest ``WALK_ROWS`` articles are checked row by row (common combinations end here), and
       up to ``WALK_MORE`` more, in at most ``WALK_STEPS`` walks, while the matches found so far say
       the page would fill within them;
    2. a slice sized by the density of the walk's matches, when it found any, then the newest
       ``SLICE_SHARES`` of the id range, in turn, through the GIN index of
       (``search_vector``, ``label_keys``), which intersects the word's and the labels' posting
       lists itself (only the matches in the slice are read from the table);
    3. the rest of the range, through the same index: only rare combinations get here, and their
       matches are few.

    The result is the usual plan's: every filter still applies in every step.
    """
    if not f.limit or f.order != "newest" or session.get_bind().dialect.name != "postgresql":
        return None
    if not f.query_groups() and not _label_keys_of(f):
        return None
    top = session.execute(select(func.max(Article.id))).scalar()
    if top is None:
        return []
    page = _first_page(session, f, int(top), int(f.limit))
    _set_plan(session, walk=None)  # not in a `finally`: after an error (a statement timeout) the
    return page                    # transaction is aborted, and its SET LOCALs go with it


def _first_page(session: Session, f: ArticleFilter, top: int, want: int) -> list[int]:
    """The steps of :func:`_walk_filter` below ``top``, the highest article id."""
    page: list[int] = []

    def search_down_to(lower: int) -> bool:
        """Add the matches with ids in (``lower``, ``upper``]; True when the page is full."""
        nonlocal upper
        restrict = and_(Article.id > lower, Article.id <= upper)
        page.extend(_page_ids(session, f, restrict, want - len(page), plan))
        upper = lower
        return len(page) >= want or upper == 0

    def rows_to_fill() -> int:
        """Rows below ``upper`` that should hold the rest of the page, at the density of the matches so
        far (half again, for safety); only called when some were found."""
        return int((want - len(page)) * (top - upper) / len(page) * 1.5)

    _set_plan(session, walk=True)
    upper, plan = top, "walk"
    if search_down_to(max(0, top - WALK_ROWS)):
        return page
    budget = WALK_MORE
    for _ in range(WALK_STEPS):
        if not page:
            break
        # matches were found: walk on while their density says the page fills within the rows left
        # of WALK_MORE (a page short of a few matches walks a few hundred rows more instead of
        # reading a slice of the index: 1-2 ms instead of 30-190 ms)
        more = max(rows_to_fill(), 1)
        if more > budget:
            break
        budget -= more
        if search_down_to(max(0, upper - more)):
            return page
    _set_plan(session, walk=False)
    plan = "index"
    if page:
        # the walk's matches size the first slice: a bitmap reads every match of its slice from the
        # table, so a slice that holds this page and not ten pages reads a tenth of the rows
        rows = rows_to_fill()
        if rows < upper and search_down_to(upper - rows):
            return page
    for share in SLICE_SHARES:
        lower = max(0, top - int(top * share))
        if lower < upper and search_down_to(lower):
            return page
    search_down_to(0)
    return page


def newest_ids(session: Session, f: ArticleFilter, limit: int) -> list[int] | None:
    """Ids of the ``limit`` newest articles (by id) matching ``f`` through the label walk of
    :func:`_walk_filter`, or None when that plan does not apply (then filter and order as usual).
    The web app's search sample uses it, so both share the one plan choice."""
    f.check()
    return _walk_filter(session, replace(f, limit=limit, order="newest"))


def search(session: Session, f: ArticleFilter, *, batch_size: int = 500, include_text: bool = True) -> Iterator[dict[str, Any]]:
    """Stream matching articles as plain dicts (every stored field plus the current tags).

    Rows are fetched in batches through a server-side cursor where the backend has one, so
    exporting a million rows uses constant memory.
    """
    f.check()
    columns = [getattr(Article, name) for name in ARTICLE_FIELDS if include_text or name != "text"]
    stmt = select(*columns, Article.classification_id, Outlet.name.label("outlet")).outerjoin(
        Outlet, Outlet.id == Article.outlet_id
    )
    if f.q and session.get_bind().dialect.name == "postgresql":
        # Enough memory for exact (not lossy) bitmaps of common words: phrase rechecks then read
        # only matching rows. Local to this transaction.
        session.execute(text("SET LOCAL work_mem = '64MB'"))
    try:
        page = _walk_filter(session, f)
        if page is None:
            stmt = _ordered(session, _apply_filters(session, stmt, f), f)
            if f.limit:
                stmt = stmt.limit(f.limit)
        else:
            stmt = stmt.where(Article.id.in_(page)).order_by(Article.id.desc())
        result = session.execute(stmt.execution_options(yield_per=batch_size, stream_results=True))
        for partition in result.partitions(batch_size):
            tags = _tags_for(session, [r.classification_id for r in partition if r.classification_id])
            for r in partition:
                row = {k: _jsonable(v) for k, v in r._mapping.items() if k != "classification_id"}
                row.update(tags.get(r.classification_id) or
                           {"model_version": None, "modus": [], "modus_scores": {}, "evidence": {}, "locations": []})
                yield row
    except (OperationalError, SADatabaseError) as exc:
        message = str(exc.orig) if exc.orig else str(exc)
        if "fts5" in message or "syntax" in message or "tsquery" in message:
            raise QueryError(f"bad search query {f.q!r}: {message.splitlines()[0]}") from exc
        raise


def count(session: Session, f: ArticleFilter) -> int:
    f.check()
    stmt = _apply_filters(session, select(func.count()).select_from(Article), f)
    return int(session.execute(stmt).scalar_one())


# --- aggregates -----------------------------------------------------------------------------

def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def week_bounds(week: str) -> tuple[datetime, datetime]:
    """UTC start and end of an ISO week in WIB (``2024-W39``). Raises QueryError when malformed."""
    m = re.fullmatch(r"(\d{4})-W(\d{2})", week.strip())
    if not m:
        raise QueryError(f"malformed week {week!r}: expected e.g. 2024-W39")
    try:
        monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    except ValueError as exc:
        raise QueryError(f"week {week!r} does not exist") from exc
    return _day_start(monday), _day_start(monday + timedelta(days=7))


def _local_day(session: Session) -> Any:
    if session.get_bind().dialect.name == "sqlite":
        return func.date(Article.published_at, "+7 hours")
    return func.date(func.timezone("Asia/Jakarta", Article.published_at))


def counts_by(session: Session, by: str, f: ArticleFilter | None = None) -> list[tuple[str, int]]:
    """Article counts grouped by ``week`` (ISO, WIB), ``outlet``, ``modus`` or ``province``."""
    f = (f or ArticleFilter()).check()
    if by == "week":
        day = _local_day(session).label("day")
        stmt = _apply_filters(session, select(day, func.count()).select_from(Article), f)
        stmt = stmt.where(Article.published_at.is_not(None)).group_by(day)
        weeks: Counter[str] = Counter()
        for d, n in session.execute(stmt):
            if d is not None:
                weeks[iso_week(d if isinstance(d, date) else date.fromisoformat(str(d)))] += n
        return sorted(weeks.items())
    if by == "outlet":
        stmt = select(func.coalesce(Outlet.name, "(unknown)"), func.count()).select_from(Article).outerjoin(
            Outlet, Outlet.id == Article.outlet_id
        )
        stmt = _apply_filters(session, stmt, f).group_by(Outlet.name)
    elif by == "modus":
        stmt = select(ModusTag.modus, func.count()).select_from(Article).join(
            ModusTag, ModusTag.classification_id == Article.classification_id
        )
        stmt = _apply_filters(session, stmt, f).group_by(ModusTag.modus)
    elif by == "province":
        stmt = select(LocationMention.province_code, func.count(func.distinct(Article.id))).select_from(Article).join(
            LocationMention, LocationMention.classification_id == Article.classification_id
        )
        stmt = _apply_filters(session, stmt, f).where(LocationMention.province_code.is_not(None)).group_by(
            LocationMention.province_code
        )
        names = regions.provinces()
        rows = session.execute(stmt).all()
        return sorted(((names.get(code, code), int(n)) for code, n in rows), key=lambda r: (-r[1], r[0]))
    else:
        raise QueryError(f"unknown grouping {by!r}: week, outlet, modus or province")
    return sorted(((str(k), int(n)) for k, n in session.execute(stmt)), key=lambda r: (-r[1], r[0]))


def week_modus_province(session: Session, week: str, *, relevant_only: bool = True) -> list[tuple[str, str, int]]:
    """Articles of one ISO week counted by (modus, province code): the digest's core table."""
    start, end = week_bounds(week)
    stmt = (
        select(ModusTag.modus, LocationMention.province_code, func.count(func.distinct(Article.id)))
        .select_from(Article)
        .join(ModusTag, ModusTag.classification_id == Article.classification_id)
        .join(LocationMention, LocationMention.classification_id == Article.classification_id)
        .where(Article.published_at >= start, Article.published_at < end, LocationMention.province_code.is_not(None))
        .group_by(ModusTag.modus, LocationMention.province_code)
    )
    if relevant_only:
        stmt = stmt.where(Article.relevant.is_(True))
    return [(m, p, int(n)) for m, p, n in session.execute(stmt)]
