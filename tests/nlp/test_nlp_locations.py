"""Gazetteer matching, disambiguation and role cues on hand-written sentences."""

from __future__ import annotations

from typing import Any

import pytest

from nlp.locations.extract import extract_locations
from nlp.locations.gazetteer import get_gazetteer
from nlp.sentences import Sentences


def locs(text: str, model: Any = None) -> list[dict[str, Any]]:
    return extract_locations(text, Sentences(text), True, model.role_model if model else None)


def pairs(text: str, model: Any = None) -> set[tuple[str, str]]:
    return {(loc["name"], loc["role"]) for loc in locs(text, model)}


def names(text: str) -> set[str]:
    return {loc["name"] for loc in locs(text)}


def test_gazetteer_has_all_provinces_and_kabkota_with_official_codes() -> None:
    gaz = get_gazetteer()
    provinces = [p for p in gaz.places.values() if p.level == "province"]
    kabkota = [p for p in gaz.places.values() if p.level == "kabkota"]
    assert len(provinces) == 38 and len(kabkota) == 514
    assert gaz.province_by_name["DKI Jakarta"].code == "31"
    assert gaz.province_by_name["DI Yogyakarta"].code == "34"
    assert {p.name for p in kabkota} >= {"Kabupaten Sukabumi", "Kota Sukabumi", "Kota Jakarta Barat"}


def test_location_object_fields() -> None:
    [loc] = [x for x in locs("Korban asal Kabupaten Sukabumi dijanjikan bekerja sebagai pelayan.") if x["role"] == "origin"]
    assert loc == {"name": "Kabupaten Sukabumi", "level": "kabkota", "code": "32.02", "province": "Jawa Barat",
                   "country": "Indonesia", "role": "origin",
                   "evidence": "Korban asal Kabupaten Sukabumi dijanjikan bekerja sebagai pelayan."}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ia tinggal di Jakbar sejak 2019.", "Kota Jakarta Barat"),
        ("Warga Jaksel itu melapor ke polisi.", "Kota Jakarta Selatan"),
        ("Polisi di Jakarta menangkap pelaku.", "DKI Jakarta"),
        ("Satgas dibentuk di Kaltara tahun lalu.", "Kalimantan Utara"),
        ("Korban berasal dari NTT dan NTB.", "Nusa Tenggara Timur"),
        ("Mereka transit di Kepri sebelum berangkat.", "Kepulauan Riau"),
        ("Dinas sosial DIY menampung korban.", "DI Yogyakarta"),
        ("Kapal berangkat dari Tanjung Pinang malam itu.", "Kota Tanjung Pinang"),
        ("Kapal berangkat dari Tanjungbalai malam itu.", "Kota Tanjungbalai"),
        ("Mereka menyeberang lewat PLBN Entikong.", "Entikong"),
        ("Mereka menunggu di Bandara Soekarno-Hatta.", "Bandara Soekarno-Hatta"),
        ("Korban dikirim ke Tiongkok untuk dinikahkan.", "China"),
        ("Korban bekerja di Hong Kong selama dua tahun.", "Hong Kong"),
        ("Dia pernah bekerja di Negeri Jiran.", "Malaysia"),
        ("Perempuan itu dikirim ke Timur Tengah.", "Middle East"),
        ("Korban dipekerjakan di Arab Saudi.", "Saudi Arabia"),
        ("Korban sempat bekerja di Korsel.", "South Korea"),
    ],
)
def test_aliases(text: str, expected: str) -> None:
    assert expected in names(text)


def test_countries_have_iso_codes() -> None:
    found = {loc["name"]: loc for loc in locs("Korban dikirim ke Kamboja, lalu ke Myanmar dan Laos.")}
    assert found["Cambodia"]["code"] == "KH" and found["Myanmar"]["code"] == "MM" and found["Laos"]["code"] == "LA"
    assert found["Cambodia"]["level"] == "country" and found["Cambodia"]["province"] is None


def test_foreign_towns_name_real_countries_and_resolve_to_them() -> None:
    from nlp.locations import places as P

    gaz = get_gazetteer()
    known = {p.country for p in gaz.places.values() if p.kind == "country"} | set(P.REGIONS)
    assert {country for country, _ in P.FOREIGN_PLACES.values()} <= known
    found = {loc["name"]: loc["country"] for loc in locs(
        "Mereka bekerja di Dammam, lalu disekap di O'Smach dan Myawadi, sebelum dipulangkan lewat Tawau.")}
    assert found == {"Dammam": "Saudi Arabia", "O'Smach": "Cambodia", "Myawaddy": "Myanmar", "Tawau": "Malaysia"}
    # football clubs and a given name are no places (left out of the gazetteer on purpose)
    assert names("Leeds United menang atas AS Roma, sementara Wina (24) menonton di rumah.") == set()


def test_kota_versus_kabupaten() -> None:
    assert "Kota Kupang" in names("KUPANG, KOMPAS.com - Polisi menangkap dua orang.")
    assert "Kabupaten Sukabumi" in names("Korban warga Kabupaten Sukabumi. Sukabumi dikenal sebagai kantong PMI.")
    assert "Kota Sukabumi" in names("Pemkot dan Wali Kota Sukabumi menyambut korban.")
    assert "Kabupaten Bogor" in names("Bupati Bogor meninjau lokasi. Warga Bogor diminta waspada.")
    assert "Kabupaten Bandung" in names("Polisi menggerebek rumah di Kabupaten Bandung.")


def test_common_words_are_not_places() -> None:
    assert names("Mereka memecah batu dan membawa padang rumput.") == set()
    assert names("Batu besar itu menutup jalan. Malang nasib korban.") == set()
    assert "United Kingdom" not in names("Dia fasih berbahasa Inggris dan belajar bahasa Inggris sejak kecil.")
    assert "Kota Batu" in names("Polisi menggerebek vila di Kota Batu.")
    assert "Kota Batu" in names("Vila itu berada di Batu, Jawa Timur.")


def test_place_names_inside_other_names_are_not_places() -> None:
    """Languages, streets, police commands and Batam's Nagoya district name no place; the real places stay."""
    assert names("Ia fasih berbahasa Korea dan belajar bahasa Jepang di Kota Malang.") == {"Kota Malang"}
    assert names("Kantor agen itu di Jalan Bali dan Jl. Malaysia, Kota Medan.") == {"Kota Medan"}
    assert "Kota Metro" not in names("Penyidik Polda Metro Jaya dan Polres Metro Bekasi menangkap dua orang.")
    assert "Kota Metro" in names("Korban berasal dari Kota Metro, Lampung.")
    assert "Japan" not in {loc["country"] for loc in locs("Mereka menginap di kawasan Nagoya, Batam.")}
    assert "Japan" in {loc["country"] for loc in locs("Tiga pemagang dikirim ke Nagoya, Jepang.")}
    assert "Malaysia" in names("Dalam perjalanan ke Malaysia mereka dicegat petugas.")
    assert "Kabupaten Puncak" not in names("Mereka disekap di sebuah vila di kawasan Puncak, Bogor.")
    assert "Kabupaten Puncak" in names("Pesawat itu mendarat di Puncak, Papua Tengah.")
    # a strait named after a foreign place is neither the country nor the town
    assert names("Kapal berbendera China itu melintas di Selat Singapura, lalu ke Batam.") == {"China", "Kota Batam"}
    assert names("Nelayan asal Kabupaten Malaka hilang di Selat Malaka.") == {"Kabupaten Malaka"}
    assert "Singapore" in names("Mereka hendak menyeberang ke Singapura.")


def test_regions_of_the_americas_are_not_the_united_states() -> None:
    """"Amerika" alone is the United States; "Amerika Latin" and "Amerika Selatan" are regions of their own."""
    found = {(loc["name"], loc["level"]) for loc in locs(
        "ABK itu ditangani di Mauritius, Afrika Selatan dan Amerika Latin; kapal lain ke Amerika Selatan.")}
    assert found == {("Mauritius", "country"), ("South Africa", "country"), ("Latin America", "other"),
                     ("South America", "other")}
    assert names("Ia lalu dikirim ke Amerika untuk bekerja.") == {"United States"}


def test_kyrgyzstan_in_the_press_spelling() -> None:
    """"Kirgistan" is the Indonesian press's spelling of CLDR's "Kirgizstan"."""
    assert names("Pekerja lain datang dari Kirgistan dan Kirgizstan.") == {"Kyrgyzstan"}


def test_later_languages_of_a_list_and_people_named_like_places_are_not_places() -> None:
    assert names("Syaratnya berbahasa Indonesia atau Inggris, lalu mereka dikirim ke Kamboja.") == {"Cambodia"}
    assert names("Balai itu membuka kelas bahasa Mandarin, Korea, dan Jepang di Kota Malang.") == {"Kota Malang"}
    assert names("Kontrak kerjanya berbahasa Inggris dan Korea. Ia lalu diberangkatkan ke Korea.") == {"South Korea"}
    assert names("Lulusan sastra Inggris itu dijanjikan kerja penerjemah di Kamboja.") == {"Cambodia"}
    # a list of countries is still a list of places
    assert names("Mereka dikirim ke Malaysia dan Jepang.") == {"Malaysia", "Japan"}
    # a person: after a person noun, or a name with an age in brackets
    assert names("Terdakwa adalah Darwin Situmorang (45). Saksi mengenal terdakwa Darwin lewat Facebook.") == set()
    assert names("Para korban diterbangkan ke Darwin untuk bekerja di kapal.") == {"Darwin"}
    # an Indonesian place (or a place after its cue) before a name and an age is the person's home
    assert names("TKW asal Lombok Timur Nur Aini (25) dipulangkan.") == {"Kabupaten Lombok Timur"}
    assert names("Polisi memeriksa warga Indramayu Siti Aminah (19).") == {"Kabupaten Indramayu"}
    assert names("Ia diterbangkan ke Darwin Selasa (12) lalu.") == {"Darwin"}
    # "bernama" names places too
    assert "KK Park" in names("Mereka disekap di kompleks bernama KK Park di Myawaddy.")


def test_lone_foreign_town_takes_its_country_gold_roles_in_training() -> None:
    from nlp.locations.extract import _places_for_output
    from nlp.train import role_labels_of

    text = "Korban telantar di Riyadh selama setahun sebelum pulang."
    body = [pm for pm in _places_for_output(text, Sentences(text)) if pm.offsets]
    rec = {"locations": [{"name": "Saudi Arabia", "country": "Saudi Arabia", "role": "destination"}]}
    assert [pm.place.name for pm in body] == ["Riyadh"]
    assert role_labels_of(rec, body) == [{"destination"}]
    rec = {"locations": [{"name": "Riyadh", "country": "Saudi Arabia", "role": "transit"},
                         {"name": "Saudi Arabia", "country": "Saudi Arabia", "role": "destination"}]}
    assert role_labels_of(rec, body) == [{"transit"}]  # its own gold label wins


def test_roles_from_cues() -> None:
    got = pairs("Korban asal Kabupaten Cianjur dikirim ke Malaysia melalui Batam. "
                "Mereka diamankan di Kota Dumai oleh polisi.")
    assert ("Kabupaten Cianjur", "origin") in got
    assert ("Malaysia", "destination") in got
    assert ("Kota Batam", "transit") in got
    assert ("Kota Dumai", "incident") in got


def test_dateline_role() -> None:
    got = pairs("Batam (ANTARA) - Polisi menggagalkan keberangkatan sembilan orang ke Malaysia.")
    assert ("Kota Batam", "dateline") in got
    got = pairs("SURYA.co.id, MALANG - Polisi menangkap seorang perekrut.")
    assert ("Kota Malang", "dateline") in got


def test_shipped_role_model_on_a_clear_case(model: Any) -> None:
    got = pairs("Sebanyak 20 korban asal Kabupaten Indramayu dikirim ke Kamboja dan dipaksa bekerja di "
                "perusahaan judi online. Mereka diberangkatkan melalui Bandara Soekarno-Hatta.", model)
    assert ("Kabupaten Indramayu", "origin") in got
    assert ("Cambodia", "destination") in got


def test_each_place_role_pair_once() -> None:
    found = locs("Korban asal Garut. Korban lain juga asal Garut. Garut jadi kantong PMI.")
    keys = [(loc["name"], loc["role"]) for loc in found]
    assert len(keys) == len(set(keys))


def test_foreign_city_mentions_join_their_country() -> None:
    from nlp.locations.extract import _places_for_output

    text = "Lima ABK asal Pati telantar di Port Louis, Mauritius. Mereka bekerja di kapal berbendera Taiwan."
    places = {pm.place.name: pm for pm in _places_for_output(text, Sentences(text))}
    assert "Port Louis" not in places and "Spain" not in names("Mereka telantar di Port of Spain.")
    assert "destination" in places["Mauritius"].cues  # "telantar di Port Louis" tells Mauritius's role
    assert {"Trinidad and Tobago"} == {loc["country"] for loc in locs("Mereka telantar di Port of Spain.")}


def test_route_order_features() -> None:
    from nlp.locations.extract import find_places

    text = "Mereka diterbangkan ke Bangkok, Thailand, lalu dibawa ke Myawaddy, Myanmar. Thailand ramai."
    places = {pm.place.name: pm for pm in find_places(text, Sentences(text))}
    assert "NEXTFOR:destination" in places["Thailand"].features[0]
    assert "PREVFOR:destination" in places["Myawaddy"].features[0]
    assert not any(f.startswith(("NEXTFOR", "PREVFOR")) for f in places["Thailand"].features[1])


def test_title_cues_name_the_headline_country_and_its_cue() -> None:
    from nlp.locations.extract import title_cues

    assert title_cues("Dijanjikan Kerja di Thailand, Dua Pemuda Dijual ke Myanmar via Laos") == {
        "Thailand": {"destination"}, "Myanmar": {"destination"}, "Laos": {"transit"}}
    assert title_cues("Polres Garut Tangkap Perekrut") == {}
    assert title_cues("") is None  # no title: no title features at all


def test_foreign_places_of_a_negative_article_are_mentions() -> None:
    from nlp.locations.role_model import negatives_mention

    feats = [{"FOREIGN": 1.0, "FOREIGN_REL:0": 1.0}, {"FOREIGN": 1.0, "FOREIGN_REL:1": 1.0}, {"KIND:kota": 1.0}]
    roles = [["destination"], ["destination"], ["incident"]]
    assert negatives_mention(feats, roles) == [["mention"], ["destination"], ["incident"]]
    # a foreign place keeps its main role only; an Indonesian place named more than once may have two
    # (incident and destination), one named once in the body keeps its main role
    feats = [{"FOREIGN": 1.0, "FOREIGN_REL:1": 1.0, "N:2": 1.0}, {"KIND:kota": 1.0, "N:2": 1.0},
             {"KIND:kota": 1.0, "N:1": 1.0}]
    roles = [["transit", "destination"], ["incident", "destination"], ["incident", "transit"]]
    assert negatives_mention(feats, roles) == [["transit"], ["incident", "destination"], ["incident"]]


def test_a_country_named_only_as_a_currency_is_a_mention(model: Any) -> None:
    from nlp.locations.extract import _places_for_output, features_of
    from nlp.locations.roles import CURRENCY_ONLY

    def flags(text: str) -> dict[str, bool]:
        body = [pm for pm in _places_for_output(text, Sentences(text)) if pm.offsets]
        return {pm.place.name: CURRENCY_ONLY in features_of(pm, True, body, "case") for pm in body}

    assert flags("Korban dijanjikan gaji 900 dolar Singapura sebulan.") == {"Singapore": True}
    assert flags("Korban dikirim ke Singapura dengan gaji 900 dolar Singapura.") == {"Singapore": False}
    text = "Ketiga korban dijanjikan gaji 25.000 baht Thailand, lalu dikirim ke Kamboja dan disekap di sana."
    assert ("Thailand", "mention") in pairs(text, model)


def test_listed_foreign_countries_are_mates_not_a_route() -> None:
    from nlp.locations.extract import find_places

    text = "Mereka hendak diberangkatkan ke Malaysia dan Singapura. Di Kamboja juga ada korban."
    places = {pm.place.country: pm for pm in find_places(text, Sentences(text))}
    assert places["Malaysia"].mates == {"Singapore"} and places["Singapore"].mates == {"Malaysia"}
    assert not places["Cambodia"].mates
    assert "LISTFOR" in places["Malaysia"].features[0]


def test_a_country_after_an_unknown_town_takes_the_towns_cue() -> None:
    """"di Unaizah, Arab Saudi": the town may be missing from the gazetteer; the country reads past it."""
    from nlp.locations.extract import _places_for_output, features_of

    def cues(text: str) -> dict[str, set[str]]:
        body = [pm for pm in _places_for_output(text, Sentences(text)) if pm.offsets]
        return {pm.place.name: {k for k in features_of(pm, True, body, "case") if k.startswith(("CUE:", "L1:"))}
                for pm in body}

    assert cues("Ia bekerja pada sebuah keluarga di Unaizah, Arab Saudi.") == {
        "Saudi Arabia": {"CUE:destination", "L1:di"}}
    assert cues("Mereka dibawa dengan mobil ke Gent, Belgia.")["Belgium"] == {"CUE:destination", "L1:ke"}
    # a country listed after a known place keeps its own context; an opening phrase is not a town
    assert "L1:malaysia" in cues("Mereka dikirim ke Malaysia, Singapura, dan Thailand.")["Singapore"]
    assert cues("Sementara itu, Malaysia menolak tuduhan itu.")["Malaysia"] == {"CUE:None", "L1:itu"}


def test_foreign_markers_are_cues_of_their_own() -> None:
    """A flag state, an embassy's host country, a nationality and a sea are what the words before a foreign
    place say it is; a role cue nearer to the place still wins."""
    from nlp.locations.roles import cue_role

    def cue(text: str) -> str | None:
        gaz = get_gazetteer()
        words = text.lower().split()
        return cue_role(words[:-1], gaz.place(f"country:{words[-1].upper()}"))

    assert cue("bekerja di kapal penangkap tuna berbendera TW") == "flag"
    assert cue("didampingi KBRI di KE") == "embassy"
    assert cue("ditangani KJRI KE") == "embassy"
    assert cue("tiga perempuan WN VN") == "nationality"
    assert cue("mencari tuna di perairan SO") == "waters"
    assert cue("mereka dikirim ke MY") == "destination"
    assert cue("dipaksa bekerja di kapal berbendera dikirim ke MY") == "destination"  # the nearer cue wins
    assert cue("pria asal TW") == "origin"


def test_a_relevant_article_names_its_destination_in_the_title_only() -> None:
    from nlp.locations.extract import extract_locations_batch

    body = ("Polisi menangkap pemilik agen penyalur terapis asal Kabupaten Buleleng. Kelima korban dikirim ke "
            "sebuah resor di negara kepulauan itu dan dipaksa melayani tamu.")
    title = "Lima Terapis Asal Bali Dieksploitasi di Resor Maladewa"

    def run(title: str, relevant: bool = True, text: str = body, kind: str = "case") -> set[tuple[str, str]]:
        got = extract_locations_batch([text], [Sentences(text)], [relevant], None, [kind], [title])[0]
        return {(loc["name"], loc["role"]) for loc in got}

    got = run(title)
    assert ("Maldives", "destination") in got and ("Kabupaten Buleleng", "origin") in got
    assert not any(name == "Bali" for name, _ in got)  # Indonesian places of the title are not added
    assert ("Maldives", "destination") not in run(title, relevant=False)
    assert ("Malaysia", "destination") not in run("Kerja Sama Indonesia-Malaysia Berantas TPPO", kind="policy")
    assert ("Malaysia", "destination") not in run("Korban Dibawa lewat Malaysia")  # the title's own cue
    # a country named in the body too keeps the body's role only
    assert run("Dijual ke Malaysia", text="Mereka hanya transit di Malaysia.") == {("Malaysia", "transit")}
    loc = extract_locations_batch([body], [Sentences(body)], [True], None, ["case"], [title])[0][-1]
    assert loc["evidence"] == title


def test_a_foreign_places_cue_set_is_one_feature() -> None:
    """"asal Uzbekistan" with no destination cue anywhere: the conjunction is a feature of its own."""
    from nlp.locations.extract import _places_for_output, features_of

    def cue_sets(text: str, relevant: bool = True) -> dict[str, list[str]]:
        body = [pm for pm in _places_for_output(text, Sentences(text)) if pm.offsets]
        return {pm.place.name: [k for k in features_of(pm, relevant, body, "case") if k.startswith("FCUESET:")]
                for pm in body if pm.place.country != "Indonesia"}

    text = ("Polisi membebaskan tiga perempuan asal Uzbekistan di Kabupaten Badung. Dua perekrut juga "
            "mengirim perempuan ke Malaysia, lalu pulang dari Malaysia lewat Singapura.")
    assert cue_sets(text) == {"Uzbekistan": ["FCUESET:origin:1"], "Malaysia": ["FCUESET:destination:1"],
                              "Singapore": ["FCUESET:transit:1"]}
    assert cue_sets("Harga minyak di Malaysia naik.", relevant=False) == {"Malaysia": ["FCUESET:destination:0"]}
    assert cue_sets("Sementara itu, Malaysia menolak.", relevant=False) == {"Malaysia": ["FCUESET::0"]}


def test_a_foreign_place_named_only_in_promises_is_marked() -> None:
    """"dijanjikan bekerja di Turki" in every mention: a promise never taken up (mention) or a country crossed on
    the way (transit), not where the victims went; one mention outside a promise removes the mark."""
    from nlp.locations.extract import _places_for_output, features_of

    def marks(text: str, relevant: bool = True) -> dict[str, list[str]]:
        body = [pm for pm in _places_for_output(text, Sentences(text)) if pm.offsets]
        return {pm.place.country: [k for k in features_of(pm, relevant, body, "case") if k.startswith("PROMISE")]
                for pm in body if pm.place.country != "Indonesia"}

    promise = "Tiga perempuan dijanjikan bekerja di salon di Turki. Mereka ternyata disekap di Kabupaten Bogor."
    assert marks(promise) == {"Turkey": ["PROMISE_ALL:1"]}
    assert marks(promise, relevant=False) == {"Turkey": ["PROMISE_ALL:0"]}
    went = promise + " Dua korban lain sudah dikirim ke Turki dan dipekerjakan di Istanbul."
    assert marks(went) == {"Turkey": []}
    assert marks("Tiga perempuan dikirim ke Irak lewat Turki.") == {"Iraq": [], "Turkey": []}


def test_whether_the_article_counts_victims_is_a_feature_of_its_foreign_places(model: Any) -> None:
    """Destination needs victims the article reports (a case or a counted group): the rules' victim count, with
    the article type, is a feature of each foreign place of a relevant article, in training and classification."""
    from nlp.locations.extract import _places_for_output, extract_locations_batch, features_of
    from nlp.train import role_rows

    text = ("Kemlu mencatat 1.240 WNI korban penipuan daring ditangani sepanjang tahun, terbanyak di Kamboja. "
            "Warga Kabupaten Sukabumi diimbau waspada.")
    body = [pm for pm in _places_for_output(text, Sentences(text)) if pm.offsets]

    def counted(pm_name: str, **kw: Any) -> set[str]:
        pm = next(p for p in body if p.place.name == pm_name)
        return {k for k in features_of(pm, kw.pop("relevant", True), body, "policy", **kw) if k.startswith("COUNTED")}

    assert counted("Cambodia", counted=True) == {"COUNTED_TYPE:1policy"}
    assert counted("Cambodia", counted=False) == {"COUNTED_TYPE:0policy"}
    assert counted("Cambodia") == set()  # not known: no feature
    assert counted("Cambodia", counted=True, relevant=False) == set()  # negatives have no victims to count
    assert counted("Kabupaten Sukabumi", counted=True) == set()  # Indonesian places: their roles differ
    # training reads the count the rules find in the text (1.240 -> counted), as classification does
    rec = {"id": "x", "title": "", "text": text, "relevant": True, "article_type": "policy", "locations": []}
    feats, _ = role_rows(rec, body, text)
    assert any("COUNTED_TYPE:1policy" in f for f in feats)
    # classification passes whether it found a victim count on to the role model's features
    seen: list[list[dict[str, float]]] = []

    class Spy:
        def predict(self, feats: list[dict[str, float]]) -> list[list[str]]:
            seen.append(feats)
            return [["mention"] for _ in feats]

    for flag in (True, False, None):
        extract_locations_batch([text], [Sentences(text)], [True], Spy(), ["policy"], [""], [flag])
    marks = [{k for f in feats for k in f if k.startswith("COUNTED")} for feats in seen]
    assert marks == [{"COUNTED_TYPE:1policy"}, {"COUNTED_TYPE:0policy"}, set()]
    # and the shipped model gives the counted country its place either way
    locs = extract_locations_batch([text], [Sentences(text)], [True], model.role_model, ["policy"], [""], [True])[0]
    assert "Cambodia" in {loc["country"] for loc in locs}


def test_a_group_counted_in_the_sentence_before_marks_the_foreign_places_after_it() -> None:
    from nlp.locations.extract import find_places

    def prev(text: str) -> dict[str, bool]:
        return {pm.place.name: any("PREVCOUNT" in fs for fs in pm.features)
                for pm in find_places(text, Sentences(text)) if pm.place.country != "Indonesia"}

    counted = "Sepanjang tahun ini Kemlu menangani 3.912 WNI korban. Dari total itu, terbanyak di Kamboja."
    assert prev(counted) == {"Cambodia": True}
    assert prev("Sepanjang tahun ini banyak WNI menjadi korban. Dari total itu, terbanyak di Kamboja.") == {
        "Cambodia": False}
    assert prev("Polisi menyelamatkan 3 WNI korban.\nWarga diimbau waspada tawaran kerja di Kamboja.") == {
        "Cambodia": False}  # the count is in another paragraph
    assert prev("Polisi menangkap 3 tersangka. Warga diimbau waspada tawaran kerja di Kamboja.") == {
        "Cambodia": False}  # suspects are not a counted group of victims
