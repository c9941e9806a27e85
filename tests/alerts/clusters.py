"""A written test set for case linking: Indonesian news-style articles (our own sentences, every
person and incident invented) grouped into the incidents they report.

Each article carries the labels the classifier would give it (TAXONOMY contract, compact form) and
its expected ``cluster``. Hard negatives are on purpose: clusters B, D, G, L share province, modus,
destination and week with A, C, F, K but are different incidents.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

COUNTRIES = {"MY": "Malaysia", "KH": "Cambodia", "MM": "Myanmar", "SA": "Saudi Arabia", "JP": "Japan",
             "PE": "Peru", "ID": "Indonesia", "AE": "United Arab Emirates", "TH": "Thailand", "CN": "China",
             "DE": "Germany", "MU": "Mauritius"}


def _locations(places: list[tuple[str, str, str]]) -> list[dict[str, Any]]:
    from pantau import regions

    out = []
    for level, code, role in places:
        if level == "other":  # a port, border post or foreign town: the name stands in the code's place
            out.append({"name": code, "level": "other", "code": None, "province": None, "country": None, "role": role})
        elif level == "country":
            out.append({"name": COUNTRIES[code], "level": "country", "code": code, "province": None,
                        "country": COUNTRIES[code], "role": role})
        elif level == "kabkota":
            name, pcode = regions.kabkota()[code]
            out.append({"name": name, "level": "kabkota", "code": code, "province": regions.provinces()[pcode],
                        "country": "Indonesia", "role": role})
        else:
            out.append({"name": regions.provinces()[code], "level": "province", "code": code,
                        "province": regions.provinces()[code], "country": "Indonesia", "role": role})
    return out


def _a(aid: str, cluster: str, outlet: str, when: str, title: str, text: str, modus: list[str],
       places: list[tuple[str, str, str]], victims: int | None, article_type: str = "case") -> dict[str, Any]:
    return {"id": aid, "cluster": cluster, "outlet": outlet, "published_at": datetime.fromisoformat(when).replace(tzinfo=UTC),
            "title": title, "text": text, "labels": {"relevant": True, "relevance_score": 0.95, "article_type": article_type,
            "modus": modus, "modus_scores": {m: 0.9 for m in modus}, "evidence": {}, "victims": victims,
            "locations": _locations(places), "model_version": "test-clusters"}}


ARTICLES: list[dict[str, Any]] = [
    # A: recruiters from Sukabumi arrested, 12 women sent to Malaysia; a syndicated copy; repatriation later
    _a("A1", "A", "kabarbarat", "2024-09-23T03:00",
       "Polres Sukabumi tangkap dua perekrut pekerja migran ilegal ke Malaysia",
       "SUKABUMI, Kabar Barat – Polres Sukabumi menangkap dua perekrut berinisial AS (41) dan DN (37) yang diduga "
       "mengirim 12 perempuan asal Kecamatan Cibadak ke Malaysia tanpa dokumen resmi. Para korban dijanjikan bekerja "
       "di restoran dengan gaji Rp 8 juta per bulan. Kasatreskrim menyebut kedua tersangka menampung korban di sebuah "
       "rumah kontrakan sebelum diberangkatkan lewat Batam. Polisi masih memburu satu pelaku lain.",
       ["migrant_worker"], [("kabkota", "32.02", "origin"), ("country", "MY", "destination"), ("kabkota", "21.71", "transit")], 12),
    _a("A2", "A", "warta-nusantara", "2024-09-23T06:30",
       "Dua perekrut PMI ilegal ke Malaysia ditangkap Polres Sukabumi",
       "Polres Sukabumi menangkap dua perekrut berinisial AS (41) dan DN (37) yang diduga mengirim 12 perempuan asal "
       "Kecamatan Cibadak ke Malaysia tanpa dokumen resmi. Para korban dijanjikan bekerja di restoran dengan gaji "
       "Rp 8 juta per bulan. Kedua tersangka menampung korban di sebuah rumah kontrakan sebelum diberangkatkan lewat "
       "Batam, kata Kasatreskrim. Polisi masih memburu satu pelaku lain.",
       ["migrant_worker"], [("kabkota", "32.02", "origin"), ("country", "MY", "destination")], 12),
    _a("A3", "A", "harian-priangan", "2024-10-01T02:00",
       "Dua belas perempuan Cibadak korban TPPO dipulangkan dari Malaysia",
       "Sebanyak 12 perempuan asal Cibadak, Kabupaten Sukabumi, yang menjadi korban perdagangan orang akhirnya "
       "dipulangkan dari Kuala Lumpur. Mereka tiba di Bandara Soekarno-Hatta dan dijemput petugas BP3MI Jawa Barat. "
       "Kasus ini terungkap setelah polisi menangkap perekrut berinisial AS dan DN pekan lalu. Para korban akan "
       "menjalani pemeriksaan kesehatan sebelum kembali ke keluarga.",
       ["migrant_worker"], [("kabkota", "32.02", "origin"), ("country", "MY", "destination")], 12),
    # B: same province and modus, same week, a different incident (Cianjur, Saudi Arabia)
    _a("B1", "B", "warta-nusantara", "2024-09-25T04:00",
       "Imigrasi gagalkan keberangkatan lima calon PMI asal Cianjur ke Arab Saudi",
       "Petugas Imigrasi Bandara Soekarno-Hatta menggagalkan keberangkatan lima perempuan asal Kabupaten Cianjur yang "
       "hendak bekerja sebagai asisten rumah tangga di Arab Saudi dengan visa ziarah. Mereka diberangkatkan oleh "
       "seorang sponsor berinisial RH yang menjanjikan gaji 1.500 riyal. Kelimanya kini didampingi dinas sosial.",
       ["migrant_worker"], [("kabkota", "32.03", "origin"), ("country", "SA", "destination"), ("kabkota", "36.03", "incident")], 5),
    _a("B2", "B", "kabarbarat", "2024-10-04T05:00",
       "Sponsor pemberangkatan lima calon PMI ke Arab Saudi ditahan",
       "CIANJUR, Kabar Barat – Polisi menahan RH (52), sponsor yang memberangkatkan lima perempuan Cianjur dengan visa "
       "ziarah ke Arab Saudi. Tersangka mengaku menerima Rp 4 juta untuk setiap orang yang ia rekrut. Kelima korban "
       "sudah kembali ke rumah masing-masing.",
       ["migrant_worker"], [("kabkota", "32.03", "origin"), ("country", "SA", "destination")], 5),
    # C: 24 people from Medan forced into an online-scam compound in Cambodia: rescue, repatriation, arrest
    _a("C1", "C", "sumut-pos", "2024-09-20T09:00",
       "24 warga Medan disekap di perusahaan judi online Kamboja berhasil diselamatkan",
       "Sebanyak 24 warga Kota Medan yang dipaksa bekerja sebagai operator judi online di Sihanoukville, Kamboja, "
       "berhasil diselamatkan KBRI Phnom Penh. Mereka direkrut lewat media sosial dengan tawaran kerja sebagai admin "
       "bergaji tinggi. Paspor mereka ditahan dan mereka dipaksa bekerja 16 jam sehari.",
       ["online_scam"], [("kabkota", "12.71", "origin"), ("country", "KH", "destination")], 24),
    _a("C2", "C", "warta-nusantara", "2024-09-27T11:00",
       "Korban online scam Kamboja tiba di Kualanamu",
       "Dua puluh empat korban perdagangan orang yang dipekerjakan di perusahaan judi online Sihanoukville tiba di "
       "Bandara Kualanamu, Jumat. Mereka disambut keluarga dan petugas BP3MI Sumatera Utara. Para korban mengaku "
       "disekap dan dipukuli bila tidak memenuhi target.",
       ["online_scam"], [("kabkota", "12.71", "origin"), ("country", "KH", "destination")], 24),
    _a("C3", "C", "sumut-pos", "2024-10-02T08:00",
       "Perekrut 24 warga Medan ke Kamboja ditangkap",
       "MEDAN, Sumut Pos – Ditreskrimum Polda Sumatera Utara menangkap JS (33), perekrut yang mengirim 24 warga Medan ke "
       "perusahaan judi online di Sihanoukville. Tersangka menerima Rp 10 juta dari perusahaan untuk setiap orang. "
       "Polisi menjeratnya dengan Undang-Undang Tindak Pidana Perdagangan Orang.",
       ["online_scam"], [("kabkota", "12.71", "incident"), ("country", "KH", "destination")], 24),
    # D: same province, modus and week as C, but Myanmar and Deli Serdang
    _a("D1", "D", "sumut-pos", "2024-09-24T07:00",
       "Delapan pemuda Deli Serdang terjebak di Myawaddy, Myanmar",
       "Keluarga delapan pemuda asal Kabupaten Deli Serdang melapor ke polisi karena anak mereka terjebak di "
       "Myawaddy, Myanmar. Mereka dijanjikan bekerja di Thailand sebagai customer service namun dibawa menyeberang ke "
       "kompleks penipuan daring. Salah satu korban sempat mengirim pesan meminta tolong.",
       ["online_scam"], [("kabkota", "12.07", "origin"), ("country", "MM", "destination")], 8),
    _a("D2", "D", "warta-nusantara", "2024-10-08T07:00",
       "Kemlu upayakan pembebasan delapan WNI di Myawaddy",
       "Kementerian Luar Negeri menyatakan tengah berkoordinasi dengan otoritas setempat untuk membebaskan delapan "
       "WNI asal Deli Serdang yang terjebak di kompleks penipuan di Myawaddy. Keluarga korban berharap mereka segera "
       "dipulangkan.",
       ["online_scam"], [("kabkota", "12.07", "origin"), ("country", "MM", "destination")], 8),
    # E: fishing crew from Pemalang and Tegal on a foreign vessel; later the agency director on trial
    _a("E1", "E", "jateng-kini", "2024-09-22T04:00",
       "Enam ABK asal Pemalang dan Tegal dieksploitasi di kapal Hai Long 12",
       "Enam anak buah kapal asal Pemalang dan Tegal mengaku tidak digaji selama 14 bulan di kapal ikan berbendera "
       "asing Hai Long 12 yang berlayar di perairan Peru. Mereka diberangkatkan oleh sebuah agen penyalur di Tegal "
       "yang dipimpin SW. Para ABK bekerja hingga 20 jam sehari dan kerap dipukul.",
       ["fishing_crew"], [("kabkota", "33.27", "origin"), ("kabkota", "33.28", "origin"), ("country", "PE", "destination")], 6),
    _a("E2", "E", "warta-nusantara", "2024-10-10T03:00",
       "Direktur agen penyalur ABK Hai Long 12 jalani sidang di PN Tegal",
       "TEGAL, Warta Nusantara – Direktur agen penyalur awak kapal berinisial SW menjalani sidang perdana di "
       "Pengadilan Negeri Tegal. Jaksa mendakwanya memberangkatkan enam ABK ke kapal Hai Long 12 tanpa perjanjian "
       "kerja laut yang sah. Para korban hadir sebagai saksi.",
       ["fishing_crew"], [("kabkota", "33.28", "incident"), ("country", "PE", "destination")], 6),
    # F: children sold through an app in Batam
    _a("F1", "F", "batam-today", "2024-09-21T13:00",
       "Mucikari jual tiga anak di bawah umur lewat aplikasi di Batam diamankan",
       "BATAM, Batam Today – Polresta Barelang mengamankan seorang mucikari berinisial YT (29) yang menjual tiga anak "
       "perempuan di bawah umur melalui aplikasi pesan. Ketiga korban berusia 14 hingga 16 tahun dan ditawarkan kepada "
       "pria hidung belang di sebuah hotel di Nagoya.",
       ["sexual_exploitation", "child_exploitation"], [("kabkota", "21.71", "incident")], 3),
    _a("F2", "F", "warta-nusantara", "2024-09-24T02:00",
       "Tiga anak korban eksploitasi di Batam jalani pendampingan psikologis",
       "Tiga anak perempuan korban eksploitasi seksual yang dijual mucikari YT di Nagoya, Batam, kini menjalani "
       "pendampingan psikologis di rumah aman milik UPTD PPA. Seorang korban bernama Putri Lestari (15) masih trauma, "
       "kata pendamping.",
       ["sexual_exploitation", "child_exploitation"], [("kabkota", "21.71", "incident")], 3),
    # G: another sexual-exploitation case in Batam the same week (adult women, a night club)
    _a("G1", "G", "batam-today", "2024-09-26T14:00",
       "Tujuh perempuan asal Jawa Barat dipaksa jadi pemandu lagu di Batam",
       "Tim gabungan membebaskan tujuh perempuan asal Jawa Barat yang dipaksa menjadi pemandu lagu dan melayani tamu di "
       "sebuah tempat hiburan malam di Batu Aji. Pengelola tempat itu, MR, ditetapkan sebagai tersangka. Para korban "
       "terjerat utang yang terus bertambah.",
       ["sexual_exploitation"], [("kabkota", "21.71", "incident"), ("province", "32", "origin")], 7),
    # H: baby selling in Surabaya
    _a("H1", "H", "jatim-update", "2024-09-19T05:00",
       "Polisi bongkar praktik jual beli bayi di Surabaya, tiga orang ditangkap",
       "SURABAYA, Jatim Update – Polrestabes Surabaya membongkar praktik jual beli bayi dan menangkap tiga tersangka. "
       "Seorang bayi laki-laki berusia dua minggu dijual seharga Rp 15 juta kepada pasangan dari luar kota. Ibu bayi "
       "mengaku terdesak kebutuhan ekonomi.",
       ["baby_selling"], [("kabkota", "35.78", "incident")], 1),
    _a("H2", "H", "warta-nusantara", "2024-09-21T05:00",
       "Bayi yang dijual Rp 15 juta di Surabaya kini dirawat dinas sosial",
       "Bayi laki-laki yang dijual seharga Rp 15 juta di Surabaya kini dirawat Dinas Sosial Jawa Timur. Tiga tersangka "
       "yang terlibat dijerat pasal perdagangan orang dan perlindungan anak.",
       ["baby_selling"], [("kabkota", "35.78", "incident")], 1),
    # I: kidneys sold in Cambodia, a single report
    _a("I1", "I", "warta-nusantara", "2024-09-18T06:00",
       "Sindikat jual ginjal ke Kamboja terungkap di Bekasi",
       "Polda Metro Jaya mengungkap sindikat penjualan ginjal jaringan Kamboja yang bermarkas di Kabupaten Bekasi. "
       "Sebanyak 14 orang diketahui telah menjual ginjalnya dengan bayaran Rp 135 juta. Sembilan tersangka ditangkap.",
       ["organ_trafficking"], [("kabkota", "32.16", "incident"), ("country", "KH", "destination")], 14),
    # J: a fake internship in Japan for students from Malang: report, then suspects named
    _a("J1", "J", "jatim-update", "2024-09-20T04:00",
       "Tiga puluh mahasiswa Malang jadi korban magang palsu di Jepang",
       "Tiga puluh mahasiswa sebuah politeknik di Kota Malang melapor menjadi korban program magang palsu di Jepang. "
       "Alih-alih belajar, mereka dipekerjakan sebagai buruh pabrik pengolahan ikan di Hokkaido tanpa upah layak.",
       ["fake_internship"], [("kabkota", "35.73", "origin"), ("country", "JP", "destination")], 30),
    _a("J2", "J", "warta-nusantara", "2024-09-27T04:00",
       "Dua pengelola program magang Jepang jadi tersangka",
       "Polda Jawa Timur menetapkan ER dan SH, pengelola program magang ke Jepang, sebagai tersangka kasus perdagangan "
       "orang dengan 30 korban mahasiswa Malang. Keduanya memungut biaya Rp 25 juta dari setiap mahasiswa.",
       ["fake_internship"], [("kabkota", "35.73", "origin"), ("country", "JP", "destination")], 30),
    # K: nine prospective migrant workers stopped at Kupang airport
    _a("K1", "K", "timor-ekspres", "2024-09-23T01:00",
       "Sembilan calon PMI nonprosedural digagalkan di Bandara El Tari",
       "KUPANG, Timor Ekspres – Satgas TPPO menggagalkan keberangkatan sembilan calon pekerja migran asal Kabupaten "
       "Kupang di Bandara El Tari. Mereka hendak terbang ke Malaysia lewat Surabaya tanpa dokumen. Seorang perekrut "
       "berinisial OB turut diamankan.",
       ["migrant_worker"], [("kabkota", "53.01", "origin"), ("country", "MY", "destination")], 9),
    _a("K2", "K", "warta-nusantara", "2024-09-25T01:00",
       "Perekrut sembilan calon PMI di El Tari ditetapkan tersangka",
       "Polda Nusa Tenggara Timur menetapkan OB (45) sebagai tersangka perekrutan sembilan calon pekerja migran asal "
       "Kabupaten Kupang yang hendak diberangkatkan ke Malaysia. OB dijanjikan Rp 3 juta untuk setiap orang.",
       ["migrant_worker"], [("kabkota", "53.01", "origin"), ("country", "MY", "destination")], 9),
    # L: a worker's body repatriated to Timor Tengah Selatan the same week (same province, modus, country)
    _a("L1", "L", "timor-ekspres", "2024-09-24T03:00",
       "Jenazah PMI asal TTS dipulangkan dari Malaysia",
       "Jenazah seorang pekerja migran nonprosedural asal Kabupaten Timor Tengah Selatan dipulangkan dari Sabah, "
       "Malaysia, dan tiba di Kargo Bandara El Tari. Ia diberangkatkan tanpa dokumen oleh calo dua tahun lalu. "
       "Keluarga meminta pemerintah mengusut perekrutnya.",
       ["migrant_worker"], [("kabkota", "53.02", "origin"), ("country", "MY", "destination")], 1),
]


def expected_pairs(articles: list[dict[str, Any]] | None = None) -> set[frozenset[str]]:
    arts = articles or ARTICLES
    return {frozenset((a["id"], b["id"])) for i, a in enumerate(arts) for b in arts[i + 1 :] if a["cluster"] == b["cluster"]}


def predicted_pairs(predicted: dict[str, int]) -> set[frozenset[str]]:
    ids = sorted(predicted)
    return {frozenset((a, b)) for i, a in enumerate(ids) for b in ids[i + 1 :] if predicted[a] == predicted[b]}


def pair_scores(predicted: dict[str, int], articles: list[dict[str, Any]] | None = None) -> tuple[float, float]:
    """Pairwise precision and recall of a predicted grouping (article id -> case id)."""
    got = predicted_pairs(predicted)
    want = expected_pairs(articles)
    tp = len(got & want)
    precision = tp / len(got) if got else 1.0
    recall = tp / len(want) if want else 1.0
    return precision, recall


def load(session: Any, articles: list[dict[str, Any]] | None = None, *, signatures: bool = False) -> dict[str, int]:
    """Store the articles (default :data:`ARTICLES`) and their labels; returns test id -> article id.

    ``signatures=True`` stores the MinHash signature with each article, as the crawler does; without it
    the linker computes the same signature itself."""
    from crawler import minhash_bytes
    from models.store import ArticleRecord, save_classification, upsert_article

    ids = {}
    for a in articles or ARTICLES:
        res = upsert_article(session, ArticleRecord(
            canonical_url=f"https://{a['outlet']}.example/berita/{a['id'].lower()}", outlet=a["outlet"], title=a["title"],
            text=a["text"], published_at=a["published_at"], language="id",
            minhash=minhash_bytes(a["text"]) if signatures else None))
        save_classification(session, res.id, a["labels"])
        ids[a["id"]] = res.id
    return ids
