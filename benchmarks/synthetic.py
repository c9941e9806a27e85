"""A generator of synthetic Indonesian-style news articles for benchmarks (no copied text).

Sentences are assembled from our own word lists, so the corpus has realistic length, vocabulary
spread and label mix, but no article is real. Deterministic for a given seed. Also yields
classification results so that filters and aggregates have something to work on.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pantau.taxonomy import MODUS

SUBJECTS = ["Polisi", "Petugas imigrasi", "Satgas TPPO", "BP3MI", "Pemerintah daerah", "Warga", "Keluarga korban",
            "Jaksa", "Hakim", "Kepala desa", "Dinas sosial", "Tim gabungan", "Pengacara", "Aktivis", "Kementerian"]
VERBS = ["mengamankan", "memeriksa", "memulangkan", "menyelidiki", "mengungkap", "mendampingi", "menangkap",
         "membongkar", "melaporkan", "menggagalkan", "menyelamatkan", "mengimbau", "menyosialisasikan", "menahan"]
OBJECTS = ["calon pekerja migran", "puluhan korban", "seorang perekrut", "jaringan penyalur", "dokumen palsu",
           "anak buah kapal", "korban penipuan kerja", "tersangka utama", "sejumlah perempuan", "berkas perkara",
           "sindikat ginjal", "agen penyalur ilegal", "pekerja pabrik", "pelajar magang", "bayi yang dijual"]
PLACES = ["Batam", "Nunukan", "Entikong", "Kupang", "Medan", "Surabaya", "Jakarta Barat", "Kota Jambi", "Makassar",
          "Mataram", "Pontianak", "Tanjungpinang", "Dumai", "Indramayu", "Cianjur", "Sukabumi", "Lombok Timur",
          "Kamboja", "Malaysia", "Myanmar", "Arab Saudi", "Taiwan", "Hong Kong", "Jepang", "Korea Selatan"]
FILLER = ["pada Senin malam", "setelah menerima laporan masyarakat", "dalam operasi gabungan", "sejak awal tahun",
          "menurut keterangan resmi", "di tempat penampungan", "dengan iming-iming gaji besar", "tanpa dokumen resmi",
          "melalui media sosial", "di pelabuhan rakyat", "dalam konferensi pers", "hingga berita ini diturunkan",
          "untuk pemeriksaan lebih lanjut", "bersama aparat desa", "di bandara internasional"]
COMMON = ["yang", "dan", "itu", "tersebut", "para", "akan", "telah", "masih", "juga", "bahwa", "karena", "untuk"]
TOPICS = ["perdagangan orang", "pekerja migran", "penipuan daring", "eksploitasi seksual", "kerja paksa", "ginjal",
          "kawin kontrak", "magang palsu", "judi online", "harga beras", "banjir", "pemilihan kepala daerah",
          "sepak bola", "inflasi", "jalan tol", "pendidikan", "kesehatan ibu", "pariwisata"]
PROVINCES = ["11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36", "51",
             "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82", "91", "92",
             "93", "94", "95", "96"]
COUNTRIES = [("Malaysia", "MY"), ("Cambodia", "KH"), ("Myanmar", "MM"), ("Saudi Arabia", "SA"), ("Taiwan", "TW"),
             ("Hong Kong", "HK"), ("Japan", "JP"), ("South Korea", "KR"), ("Laos", "LA"), ("China", "CN")]
OUTLETS = [f"outlet{i:02d}" for i in range(24)]
START = datetime(2020, 1, 1, tzinfo=UTC)
SPAN_SECONDS = int((datetime(2026, 11, 1, tzinfo=UTC) - START).total_seconds())


@dataclass
class SyntheticArticle:
    url: str
    outlet: str
    title: str
    text: str
    published_at: datetime
    labels: dict[str, Any]


def _sentence(rnd: random.Random, topic: str) -> str:
    words = [rnd.choice(SUBJECTS), rnd.choice(VERBS), rnd.choice(OBJECTS), rnd.choice(COMMON), topic,
             "di", rnd.choice(PLACES), rnd.choice(FILLER)]
    if rnd.random() < 0.5:
        words += [rnd.choice(COMMON), rnd.choice(OBJECTS), rnd.choice(FILLER)]
    return " ".join(words) + "."


def articles(n: int, seed: int = 7, words: tuple[int, int] = (250, 550)) -> Iterator[SyntheticArticle]:
    """``n`` deterministic synthetic articles of ``words`` words, with labels."""
    rnd = random.Random(seed)
    for i in range(n):
        relevant = rnd.random() < 0.35
        topic = rnd.choice(TOPICS[:9] if relevant else TOPICS)
        target = rnd.randint(*words)
        sentences: list[str] = []
        count = 0
        while count < target:
            s = _sentence(rnd, topic)
            sentences.append(s)
            count += s.count(" ") + 1
        paragraphs = [" ".join(sentences[j : j + 4]) for j in range(0, len(sentences), 4)]
        provinces = rnd.sample(PROVINCES, rnd.randint(1, 2))
        modus = rnd.sample(MODUS, rnd.choice((1, 1, 1, 2))) if relevant else []
        locations = [{"name": f"Provinsi {p}", "level": "province", "code": p, "province": p, "country": "Indonesia",
                      "role": rnd.choice(("origin", "incident", "dateline"))} for p in provinces]
        if relevant and rnd.random() < 0.6:
            country, iso = rnd.choice(COUNTRIES)
            locations.append({"name": country, "level": "country", "code": iso, "province": None,
                              "country": country, "role": "destination"})
        yield SyntheticArticle(
            url=f"https://{OUTLETS[i % len(OUTLETS)]}.example/berita/{i}",
            outlet=OUTLETS[i % len(OUTLETS)],
            title=f"{rnd.choice(SUBJECTS)} {rnd.choice(VERBS)} {rnd.choice(OBJECTS)} di {rnd.choice(PLACES)}",
            text="\n\n".join(paragraphs),
            published_at=START + timedelta(seconds=rnd.randrange(SPAN_SECONDS)),
            labels={
                "relevant": relevant, "relevance_score": round(rnd.uniform(0.6, 1) if relevant else rnd.uniform(0, 0.4), 3),
                "article_type": rnd.choice(("case", "case", "policy", "other")) if relevant else None,
                "modus": modus, "modus_scores": {m: 0.9 for m in modus}, "evidence": {},
                "victims": rnd.choice((None, rnd.randint(1, 60))) if relevant else None,
                "locations": locations, "model_version": "synthetic",
            },
        )
