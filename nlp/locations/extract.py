"""Locations with roles and evidence, as TAXONOMY location objects.

Steps: find the dateline, match gazetteer names (:mod:`matcher`), choose one place per match
(:mod:`resolve`), group mentions by place, then give each place its roles: ``dateline`` from the
dateline, the others from the learned :class:`RoleModel` over the mentions' cue features (or from
the cue rule alone when no model is loaded). Each (place, role) carries one evidence sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from nlp.locations.gazetteer import Place, get_gazetteer
from nlp.locations.matcher import find
from nlp.locations.resolve import dateline_end, resolve
from nlp.locations.roles import (
    _BOUNDARY,
    _WORD,
    ROLES,
    context,
    counts_group,
    cue_role,
    mention_features,
    place_features,
)
from nlp.sentences import Sentences

MAX_PLACES = 40
MAX_MENTIONS = 6  # mentions of one place whose context is read (later ones add little)
_DIGIT = re.compile(r"\d")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:dan|serta|atau|disusul|diikuti)?|\s(?:dan|serta|atau|hingga|maupun))\s*")


@dataclass
class PlaceMentions:
    place: Place
    offsets: list[int] = field(default_factory=list)  # body mentions (dateline excluded)
    cues: list[str | None] = field(default_factory=list)
    features: list[list[str]] = field(default_factory=list)
    in_dateline: bool = False
    first: int = 0
    mates: set[str] = field(default_factory=set)  # foreign countries listed with this one ("ke Malaysia dan Singapura")


def find_places(text: str, sentences: Sentences) -> list[PlaceMentions]:
    """Every place in ``text`` with its mentions, in order of first appearance."""
    gaz = get_gazetteer()
    dl_end = dateline_end(text)
    found: dict[str, PlaceMentions] = {}
    prev_end, prev_cue, prev_pm = -10, None, None
    route: list[tuple[int, int, str, list[str], str | None]] = []  # foreign mentions: start, end, country, features, cue
    counted_before: dict[tuple[int, int], bool] = {}  # sentence span -> whether it counts a group
    for loc in resolve(text, find(text, dl_end), gaz, dl_end):
        pm = found.get(loc.place.key)
        if pm is None:
            if len(found) >= MAX_PLACES:
                continue
            pm = found[loc.place.key] = PlaceMentions(loc.place, first=loc.start)
        if loc.in_dateline:
            pm.in_dateline = True
            continue
        if len(pm.offsets) >= MAX_MENTIONS:
            continue
        left, right = context(text, loc.start, loc.end)
        if loc.place.country != "Indonesia" and prev_end != loc.start - 2:  # not right after a known place
            left = _past_apposition(text, loc.start, left)
        cue = cue_role(left, loc.place)
        feats = mention_features(left, right, loc.place, sentences.paragraph_index(loc.start), cue)
        if loc.place.country != "Indonesia":
            # "Dari 3.912 WNI korban yang kami tangani ... Dari total itu, terbanyak di Kamboja": the group the
            # country is named for was counted in the sentence before
            before = sentences.previous_span(loc.start)
            if before is not None:
                counted = counted_before.get(before)
                if counted is None:
                    counted = counted_before[before] = _DIGIT.search(text, *before) is not None and counts_group(
                        _WORD.findall(text[before[0] : before[1]].lower()))
                if counted:
                    feats.append("PREVCOUNT")
        if _LIST_GAP.fullmatch(text[max(prev_end, 0) : loc.start]) and prev_end >= 0:
            # "asal Cianjur, Garut, dan Sukabumi": a listed place shares the first place's cue
            feats.append(f"LISTCUE:{prev_cue}")
            cue = cue if cue is not None and left[-1:] not in (["dan"], ["serta"], ["atau"]) else prev_cue
            pair = (prev_pm.place.country if prev_pm is not None else "Indonesia", pm.place.country)
            if prev_pm is not None and "Indonesia" not in pair and pair[0] != pair[1]:
                prev_pm.mates.add(pm.place.country)
                pm.mates.add(prev_pm.place.country)
        pm.offsets.append(loc.start)
        pm.cues.append(cue)
        pm.features.append(feats)
        prev_end, prev_cue, prev_pm = loc.end, cue, pm
        if loc.place.country != "Indonesia":
            route.append((loc.start, loc.end, loc.place.country, feats, cue))
    _route_features(text, route)
    return list(found.values())


# "bekerja di Dammam, Arab Saudi": a capitalised name (a town the gazetteer may not know) set before the country
_APPOSITION = re.compile(r"(?:^|[^\w'-])((?:[A-Z][\w'-]*\s+){0,3}[A-Z][\w'-]*),\s*$")


def _past_apposition(text: str, start: int, left: list[str]) -> list[str]:
    """The words before a foreign mention with a town set before it in apposition left out: "keluarga di
    Dammam, Arab Saudi" reads as "keluarga di Arab Saudi", so the country takes the town's cue."""
    if text[start - 2 : start] != ", ":
        return left
    m = _APPOSITION.search(text, max(0, start - 60), start)
    if m is None:
        return left
    n = len(_WORD.findall(m.group(1).lower()))
    return left[:-n] if 0 < n < len(left) else left


_ROUTE_GAP = 250  # characters between two foreign mentions of one route sentence


def _route_features(text: str, route: list[tuple[int, int, str, list[str], str | None]]) -> None:
    """Route order: in "terbang ke Bangkok lalu diseberangkan ke Myawaddy" the earlier country of a sentence's
    chain is passed through and the last one reached; each foreign mention learns the cue of the next and of
    the previous other country in its sentence."""
    for (_s1, e1, c1, f1, cue1), (s2, _e2, c2, f2, cue2) in zip(route, route[1:]):
        if c1 == c2 or s2 - e1 > _ROUTE_GAP or _BOUNDARY.search(text, e1, s2):
            continue
        if _LIST_GAP.fullmatch(text, e1, s2):  # "ke Malaysia dan Singapura": listed together, not a route
            f1.append("LISTFOR")
            f2.append("LISTFOR")
            continue
        f1.append(f"NEXTFOR:{cue2}")
        f2.append(f"PREVFOR:{cue1}")


def title_cues(title: str | None) -> dict[str, set[str]] | None:
    """Foreign countries named in an article's title, with the cue role of each title mention ("Dua Pemuda
    Dijual ke Myanmar" -> {"Myanmar": {"destination"}}); the headline names where the story happens. None
    without a title (nothing is known then, rather than "not in the headline")."""
    if not title or not title.strip():
        return None
    return _cues_of(_title_foreign(title))


def _cues_of(foreign: list[tuple[Place, list[str]]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for place, left in foreign:
        out.setdefault(place.country, set()).add(str(cue_role(left, place)))
    return out


def _title_foreign(title: str) -> list[tuple[Place, list[str]]]:
    """The foreign places of a title with the words before each (one gazetteer pass, kept for the batch's
    title-only destinations)."""
    out = []
    for loc in resolve(title, find(title, 0), get_gazetteer(), 0):
        if loc.place.country != "Indonesia":
            out.append((loc.place, context(title, loc.start, loc.end)[0]))
    return out


def features_of(pm: PlaceMentions, relevant: bool, others: list[PlaceMentions] | None = None,
                article_type: str | None = None, title: dict[str, set[str]] | None = None,
                counted: bool | None = None) -> dict[str, float]:
    """Role-model features of one place; ``others`` are the article's places (with body mentions) that the
    role model sees, for the foreign places' standing among them; ``article_type`` is the article's
    (predicted) type when it is relevant; ``title`` is :func:`title_cues` of the article's title; ``counted``
    whether the article states a number of victims (:func:`nlp.victims.extract_victims` found one)."""
    feats = place_features(pm.place, pm.features, len(pm.offsets), relevant)
    if pm.place.country == "Indonesia":
        return feats
    if title is not None:
        cues = title.get(pm.place.country)
        feats[f"TITLE:{int(cues is not None)}"] = 1.0
        for cue in cues or ():
            feats[f"TITLECUE:{cue}"] = 1.0
    if relevant and article_type:
        # a case story's foreign places are where its victims went; a policy piece's are mostly mentions
        feats[f"FOREIGN_TYPE:{article_type}"] = 1.0
        if counted is not None:
            # destination needs victims the article reports, a case or a counted group (WRITING_GUIDE rule 1):
            # an explainer or warning that counts nobody names its countries as mentions
            feats[f"COUNTED_TYPE:{int(counted)}{article_type}"] = 1.0
    # the set of a foreign place's cues: "asal Uzbekistan" with no destination cue anywhere is the home of
    # foreign victims, not where anyone was sent (a conjunction the per-cue features cannot express)
    feats["FCUESET:" + "+".join(sorted({c for c in pm.cues if c is not None})) + f":{int(relevant)}"] = 1.0
    # every mention of the place is in a promise ("dijanjikan bekerja di Turki"): a job promised there and never
    # taken up is a mention, one they only crossed on the way elsewhere transit (WRITING_GUIDE rules 2 and 4)
    promised = [("SC:promise" in fs) for fs in pm.features]
    if promised and all(promised):
        feats[f"PROMISE_ALL:{int(relevant)}"] = 1.0
    if others is not None:
        foreign = [o for o in others if o.place.country != "Indonesia" and o.offsets]
        if foreign:
            # the most-mentioned foreign place is usually where victims were sent; one of many is often a mention
            top = int(len(pm.offsets) >= max(len(o.offsets) for o in foreign))
            feats[f"FTOP:{top}"] = 1.0
            feats[f"FTOP_REL:{top}{int(relevant)}"] = 1.0
            feats[f"NFOR:{min(len(foreign), 4)}"] = 1.0
            if relevant and article_type:
                feats[f"FTOP_TYPE:{top}{article_type}"] = 1.0
            # "dijanjikan kerja di Thailand ... dibawa ke Myanmar": a destination cue elsewhere makes this one a
            # promise or a stage of the route; whether this place and another foreign place have one
            own = int("destination" in pm.cues)
            other = int(any("destination" in o.cues for o in foreign
                            if o.place.country != pm.place.country and o.place.country not in pm.mates))
            feats[f"ODEST:{own}{other}"] = 1.0
            kind = article_type if relevant and article_type else "neg"
            for f in [f for f in feats if f.startswith("SC:")]:
                feats[f"{f}_{kind}"] = 1.0
    return feats


def _location(place: Place, role: str, evidence: str) -> dict[str, Any]:
    return {"name": place.name, "level": place.level, "code": place.code, "province": place.province,
            "country": place.country, "role": role, "evidence": evidence}


class Placed(NamedTuple):
    """What the output needs of one place of an article once its role-model features are built.

    A batch keeps these until the role model has run, instead of the :class:`PlaceMentions` with their
    lists, set and per-mention feature lists: one tracked object per place instead of several per place
    and mention (the garbage collector stops tracking tuples of ints and strings). Far fewer objects then
    outlive the young collections, so full collections, which walk every object of the process (spaCy's
    tables included), come about half as often."""

    place: Place
    in_dateline: bool
    first: int
    offsets: tuple[int, ...]
    cues: tuple[str | None, ...]

    @classmethod
    def of(cls, pm: PlaceMentions) -> Placed:
        return cls(pm.place, pm.in_dateline, pm.first, tuple(pm.offsets), tuple(pm.cues))


def _assign(places: Sequence[PlaceMentions | Placed], predicted: list[list[str]],
            sentences: Sentences) -> list[dict[str, Any]]:
    body = [pm for pm in places if pm.offsets]
    roles_of = {pm.place.key: roles for pm, roles in zip(body, predicted, strict=True)}
    out: list[dict[str, Any]] = []
    for pm in places:
        if pm.in_dateline:
            out.append(_location(pm.place, "dateline", sentences.sentence(pm.first)))
        for role in roles_of.get(pm.place.key, []):
            offset = next((o for o, c in zip(pm.offsets, pm.cues, strict=True) if c == role), pm.offsets[0])
            out.append(_location(pm.place, role, sentences.sentence(offset)))
    return out


def _places_for_output(text: str, sentences: Sentences) -> list[PlaceMentions]:
    places = find_places(text, sentences)
    countries = {pm.place.country: pm for pm in places if pm.place.kind == "country"}
    # a foreign city or state whose country is named too is not output (writers label the country), but its
    # mentions ("telantar di Port Louis, Mauritius") tell the country's role: they join the country's mentions
    out = []
    for pm in places:
        home = countries.get(pm.place.country) if pm.place.kind == "foreign" else None
        if home is None:
            out.append(pm)
            continue
        home.mates.update(pm.mates - {home.place.country})
        for offset, cue, feats in list(zip(pm.offsets, pm.cues, pm.features, strict=True))[
                : max(0, MAX_MENTIONS - len(home.offsets))]:
            home.offsets.append(offset)
            home.cues.append(cue)
            home.features.append(feats)
    return out


def extract_locations_batch(texts: list[str], sentences: list[Sentences], relevant: list[bool],
                            role_model: Any | None, types: list[str | None] | None = None,
                            titles: list[str] | None = None,
                            counted: list[bool | None] | None = None) -> list[list[dict[str, Any]]]:
    """TAXONOMY location objects for several texts (one role-model call for the whole batch); ``types`` are
    the relevant texts' article types, ``titles`` the texts' titles, ``counted`` whether each states a victim
    count (None: not known)."""
    types = types if types is not None else [None] * len(texts)
    titles = titles if titles is not None else [""] * len(texts)
    counted = counted if counted is not None else [None] * len(texts)
    places: list[list[Placed]] = []  # per text, all its places
    bodies: list[list[Placed]] = []  # per text, the places with body mentions (the role model's rows)
    feats: list[dict[str, float]] = []
    title_foreign: list[list[tuple[Place, list[str]]]] = []  # per text, its title's foreign places
    for i, (text, sents) in enumerate(zip(texts, sentences, strict=True)):
        pms = _places_for_output(text, sents) if text else []
        body = [pm for pm in pms if pm.offsets]
        titled = bool(titles[i] and titles[i].strip())
        title_foreign.append(_title_foreign(titles[i]) if titled else [])
        heads = _cues_of(title_foreign[-1]) if titled else None  # title_cues, from the same gazetteer pass
        feats.extend(features_of(pm, relevant[i], body, types[i] if relevant[i] else None, heads, counted[i])
                     for pm in body)
        places.append([Placed.of(pm) for pm in pms])
        bodies.append([p for p in places[-1] if p.offsets])
    if role_model is not None and feats:
        flat = iter(role_model.predict(feats))
        per_doc = [[next(flat) for _ in body] for body in bodies]
    else:
        per_doc = [[sorted({c or "mention" for c in pm.cues}) for pm in body] for body in bodies]
    out = [_assign(pms, preds, s) for pms, preds, s in zip(places, per_doc, sentences, strict=True)]
    for i, locs in enumerate(out):
        if relevant[i] and types[i] == "case" and title_foreign[i]:
            locs.extend(title_only_destinations(titles[i], locs, title_foreign[i]))
    return out


def title_only_destinations(title: str, locations: list[dict[str, Any]],
                            foreign: list[tuple[Place, list[str]]]) -> list[dict[str, Any]]:
    """Foreign countries a case story names only in its title ("Lima Terapis Dieksploitasi di Resor Maladewa"
    over a body that says "negara kepulauan itu"): the headline names where its victims went, so such a country
    is a destination, with the title as evidence, unless the title's own cue says otherwise ("lewat Malaysia").
    The batch applies it to relevant articles of type ``case`` only (every such country in train and dev is
    one). Only countries and regions: a foreign town alone is too vague to stand for its country. ``foreign``
    is ``_title_foreign(title)``, which the batch has already."""
    have = {loc["country"] for loc in locations}
    out: list[dict[str, Any]] = []
    for place, left in foreign:
        if place.kind not in ("country", "region") or place.country in have:
            continue
        if cue_role(left[-3:], place) not in (None, "destination"):
            continue
        have.add(place.country)
        out.append(_location(place, "destination", title.strip()))
    return out


def extract_locations(text: str, sentences: Sentences, relevant: bool, role_model: Any | None,
                      article_type: str | None = None, title: str = "",
                      counted: bool | None = None) -> list[dict[str, Any]]:
    """TAXONOMY location objects for ``text``; ``role_model`` is a trained :class:`RoleModel` or None;
    ``counted`` whether the article states a victim count (None: not known)."""
    return extract_locations_batch([text], [sentences], [relevant], role_model, [article_type], [title],
                                   [counted])[0]


def role_labels(gold: list[dict[str, Any]], place: Place) -> set[str]:
    """Gold roles (dateline excluded) of ``place`` in one labelled article, for training."""
    return {g["role"] for g in gold if g["name"] == place.name and g["role"] in ROLES}
