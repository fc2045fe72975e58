"""Agreements: "release text → expected rows", one table of cases.

Each case gives a short release (headline on the first line) and, for every expected
agreement row in order, the fields to check; ``signatories`` are compared as
``(name, role)`` pairs, or names alone when the case gives strings. The texts are
written for these tests or adapted from releases of other sites (not the seeds or the
development set).
"""

import pytest

from pipeline.agreements.detect import established_by_another
from pipeline.tables import doc_tables

IOM = "International Organization for Migration"
UNHCR = "Office of the United Nations High Commissioner for Refugees"

CASES = [
    pytest.param(
        "IOM and Ministry sign agreement\n"
        "Kyiv — The International Organization for Migration (IOM) and Ukraine’s Ministry of the "
        "Interior (MoI) signed a Cooperation Agreement. The document was signed by IOM’s Deputy "
        "Director General Ugochi Daniels and the Minister of the Interior of Ukraine Ihor Klymenko.\n"
        "The parties also aim to boost cooperation on digitalization.",
        [
            {
                "type": "agreement",
                "status": "signed",
                "name": "Cooperation Agreement",
                "parties": [IOM, "Ministry of the Interior"],
                "signatories": [
                    ("Ugochi Daniels", "Deputy Director General"),
                    ("Ihor Klymenko", "Minister of the Interior of Ukraine"),
                ],
                "place": "Kyiv",
                "country_code": "UA",
                "n_commitments": 1,
            }
        ],
        id="signed-with-signatories-and-dateline-place",
    ),
    pytest.param(
        "Joint statement on migration\n"
        "On 25-26 November 2021, delegates met.\n"
        "On 26 November, a joint statement was adopted by the World Health Organization and the "
        "International Labour Organization.",
        [
            {
                "type": "joint_statement",
                "status": "adopted",
                "date": "2021-11-26",
                "parties": ["World Health Organization", "International Labour Organization"],
            }
        ],
        id="adopted-joint-statement-with-date",
    ),
    pytest.param(
        "UN agencies launch networks\n"
        "Pristina/Bishkek – Migration matters.\n"
        "On Friday (18 December), UN agencies in Kyrgyzstan and Kosovo launched their United "
        "Nations Local Networks on Migration to support authorities.",
        [
            {"type": "network", "place": "Bishkek", "date": "XXXX-12-18"},
            {"type": "network", "place": "Pristina", "date": "XXXX-12-18"},
        ],
        id="networks-in-two-countries-are-two-rows",
    ),
    pytest.param(
        "IOM helps migrants\nIOM assisted 300 migrants in Vienna last year. The Network will grow.",
        [],
        id="no-agreement-no-row",
    ),
    pytest.param(
        "UNHCR and Mexico's COMAR renew partnership on asylum\n"
        "Mexico City, 12 March 2022 – The UN Refugee Agency (UNHCR) and the Mexican Commission for "
        "Refugee Assistance (COMAR) today renewed their partnership agreement to improve asylum "
        "procedures in Mexico.\nThe agencies urged donors to increase funding.",
        [
            {
                "type": "agreement",
                "date": "2022-03-12",
                "place": "Mexico City",
                "parties": [UNHCR, "Mexican Commission for Refugee Assistance"],
            }
        ],
        id="renewed-partnership-agreement-is-one-agreement",
    ),
    pytest.param(
        "Arrivals rise in 2023\nGeneva – Arrivals rose. The report will be presented in July.",
        [],
        id="passive-will-without-agreement",
    ),
    pytest.param(
        "IOM and Ghana sign agreement on border management\n"
        "Accra, 12 March 2024 – IOM and the Ghana Immigration Service (GIS) today signed a "
        "Memorandum of Understanding to strengthen border management.\n"
        "The agreement was signed by IOM Chief of Mission in Ghana, Fatou Diallo Ndiaye, and the "
        "Comptroller-General of the Ghana Immigration Service, Kwame Asuah Takyi.\n"
        "“This is a milestone,” said Ms. Ndiaye.",
        [
            {
                "type": "memorandum",
                "name": "Memorandum of Understanding",
                "parties": [IOM, "Ghana Immigration Service"],
                "signatories": [
                    ("Fatou Diallo Ndiaye", "Chief of Mission in Ghana"),
                    ("Kwame Asuah Takyi", "Comptroller-General"),
                ],
                "date": "2024-03-12",
                "place": "Accra",
            }
        ],
        id="definite-back-reference-is-the-same-agreement",
    ),
    pytest.param(
        "IOM and Government of Ecuador Sign Letter of Intent on Climate Mobility\n"
        "Quito, Ecuador – The Government of Ecuador and the International Organization for "
        "Migration (IOM) signed a Letter of Intent on May 5, 2023, to address human mobility.\n"
        "Ecuador's Minister of Foreign Affairs and Human Mobility, Gustavo Manrique, and IOM "
        "Deputy Director General for Operations, Ugochi Daniels, signed the document in Quito.",
        [
            {
                "type": "other",
                "name": "Letter of Intent",
                "status": "signed",
                "parties": ["Government of Ecuador", IOM],
                "signatories": [
                    ("Gustavo Manrique", "Minister of Foreign Affairs and Human Mobility"),
                    ("Ugochi Daniels", "Deputy Director General for Operations"),
                ],
                "date": "2023-05-05",
                "place": "Quito",
            }
        ],
        id="letter-of-intent-signed-by-people-of-the-next-sentence",
    ),
    pytest.param(
        "Mexico and Guatemala sign declaration\n"
        "Tapachula, 18 November 2022 — The Secretary of Labour and Social Welfare of Mexico, "
        "Marath Bolaños, and the Minister of Labour and Social Welfare of Guatemala, Rafael "
        "Rodríguez Pellecer, signed a Joint Declaration on Temporary Labour Mobility on Friday.",
        [
            {
                "name": "Joint Declaration on Temporary Labour Mobility",
                "signatories": ["Marath Bolaños", "Rafael Rodríguez Pellecer"],
                "date": "2022-11-18",
                "place": "Tapachula",
            }
        ],
        id="signatories-in-apposition-before-the-verb",
    ),
    pytest.param(
        "IOM and Bangladesh sign MoU\n"
        "DHAKA, 5 September 2023 - IOM and the Ministry of Expatriates' Welfare and Overseas "
        "Employment of Bangladesh signed a memorandum of understanding (MoU) on Tuesday to "
        "promote safe labour migration.",
        [
            {
                "name": "memorandum of understanding",
                "parties": [IOM, "Ministry of Expatriates' Welfare and Overseas Employment"],
                "date": "2023-09-05",
                "place": "Dhaka",
                "country_code": "BD",
            }
        ],
        id="name-without-acronym-and-capitalised-dateline",
    ),
    pytest.param(
        "IOM and Government of Malawi renew Host Country Agreement\n"
        "LILONGWE, Malawi, 22 February 2024 – The Government of Malawi and the International "
        "Organization for Migration (IOM) today renewed their Host Country Agreement.\n"
        "The renewed agreement was signed by the Minister of Foreign Affairs, Nancy Tembo.\n"
        "The first agreement between Malawi and IOM was signed in 2013.",
        [
            {
                "name": "Host Country Agreement",
                "parties": ["Government of Malawi", IOM],
                "date": "2024-02-22",
                "signatories": ["Nancy Tembo"],
            },
            {"name": "agreement", "parties": ["Malawi", IOM], "date": "2013"},
        ],
        id="earlier-agreement-is-its-own-row-with-a-country-party",
    ),
    pytest.param(
        "Ghana Signs MoU with Togo on Exchange of Workers\n\n"
        "The Ghanaian minister of labour has announced the signing of a memorandum of "
        "understanding with Togo on the exchange of workers.",
        [{"type": "memorandum", "parties": ["Ghana", "Togo"]}],
        id="the-headline-names-the-side-the-report-leaves-to-a-minister",
    ),
    pytest.param(
        "MoU on Ghana-Togo labour migration signed\n\n"
        "The memorandum was signed in Accra on Monday.",
        [{"type": "memorandum", "parties": ["Ghana", "Togo"]}],
        id="sides-joined-by-a-dash-in-a-headline-s-topic-are-sides",
    ),
    pytest.param(
        "Joint NGO Statement on Kenya and Uganda Policies\n\n"
        "Twelve churches have called on the government to end offshore detention. The joint "
        "statement, released on 4 May, argues that detention is no answer.",
        [{"type": "joint_statement", "parties": []}],
        id="the-countries-a-headline-s-statement-is-about-are-no-sides",
    ),
    pytest.param(
        "Joint Statement on Greece and Italy Asylum Rules\n\n"
        "Twelve churches have called on the government to end offshore detention.",
        [],
        id="a-heading-s-statement-about-two-countries-is-none-of-theirs",
    ),
    pytest.param(
        "Kenya and Qatar hold talks\n\n"
        "The Kenyan labour minister visited Qatar on Monday and met the Qatar Chamber of "
        "Commerce. She signed an agreement on boosting cooperation between the two sides.",
        [{"type": "agreement", "parties": ["Kenya", "Qatar"]}],
        id="the-two-sides-in-the-act-s-name-are-the-countries-named-before",
    ),
    pytest.param(
        "Union centre signs memoranda\n\n"
        "The Migrant Workers Centre signed three MOUs on Sunday with several partners "
        "including DBS Bank, the Singapore Red Cross and the Lutheran Community Care Services.",
        [
            {"parties": ["Migrant Workers Centre", "DBS Bank"]},
            {"parties": ["Migrant Workers Centre", "Singapore Red Cross"]},
            {"parties": ["Migrant Workers Centre", "Lutheran Community Care Services"]},
        ],
        id="the-partners-a-plural-act-s-with-phrase-includes-each-sign-one",
    ),
    pytest.param(
        "UNHCR and IOM issue joint statement on refugees\n"
        "The two agencies met in Geneva on Monday.",
        [{"type": "joint_statement", "name": "joint statement on refugees"}],
        id="a-headline-act-name-ends-at-its-line",
    ),
    pytest.param(
        "UN Network on Migration launched in Ghana\n"
        "ACCRA – The United Nations Country Team in Ghana on 15 March 2023 launched the Ghana "
        "Network on Migration to support the Government in implementing the Global Compact for "
        "Migration.",
        [{"type": "network", "name": "Ghana Network on Migration", "status": "launched"}],
        id="named-text-the-parties-implement-is-no-agreement",
    ),
    pytest.param(
        "UNHCR, IOM and UNICEF urge European states to protect children at sea\n"
        "Geneva, 18 September 2023 – UNHCR, IOM and UNICEF today called on European states to "
        "strengthen search and rescue capacity.\n"
        "In a joint statement, the three agencies also urged the European Union to establish a "
        "disembarkation mechanism.",
        [
            {
                "type": "joint_statement",
                "status": "adopted",
                "parties": [UNHCR, IOM, "United Nations Children's Fund"],
            }
        ],
        id="in-a-joint-statement-the-speakers-are-the-parties",
    ),
    pytest.param(
        "IOM and Zambia to sign agreement on migrant protection\n"
        "Lusaka, 3 July 2023 – The Government of Zambia and IOM will sign a memorandum of "
        "understanding next week to strengthen the protection of vulnerable migrants.\n"
        "The signing ceremony will take place in Lusaka on 10 July 2023.",
        [{"status": "to_be_signed", "date": "2023-07-10", "place": "Lusaka"}],
        id="future-signing-takes-the-ceremony-date",
    ),
    pytest.param(
        "Companies launch pledge for refugee hiring\n"
        "New York, 3 May 2022 – The Refugee Hiring Initiative today launched the Fair Hiring "
        "pledge, which commits businesses to hire refugees.",
        [{"type": "other", "status": "launched"}],
        id="a-pledge-launched-is-an-act",
    ),
    pytest.param(
        "Ministers adopt plan on migration\n"
        "Rabat, 4 June 2023 – The ministers of the Rabat Group adopted a new Action Plan on "
        "migration and development.",
        [{"type": "other", "status": "adopted", "date": "2023-06-04"}],
        id="an-action-plan-adopted-is-an-act",
    ),
    pytest.param(
        "Three agencies set up task force on migrants at sea\n"
        "Geneva, 5 May 2021 – UNHCR, IOM and UNICEF today established a joint task force to "
        "protect migrants rescued at sea.",
        [
            {
                "type": "partnership",
                "status": "launched",
                "parties": [UNHCR, IOM, "United Nations Children's Fund"],
            }
        ],
        id="a-task-force-set-up-is-a-partnership",
    ),
]


# rules of detection, each on a release written for it
CASES += [
    pytest.param(
        "Lima Declaration signed\n"
        "With 18 points of common agreement, the Declaration of Lima was signed today by the "
        "delegations of nine countries.",
        [{"type": "declaration", "name": "Declaration of Lima"}],
        id="an-agreement-noun-under-a-preposition-of-context-is-no-act",
    ),
    pytest.param(
        "Commission meets\nThe Tripartite Commission sets out the legal framework for returns.",
        [],
        id="set-out-is-not-set-up",
    ),
    pytest.param(
        "Cities and UNICEF set up network\n"
        "UNICEF and the city council set up a child protection network in March 2022.",
        [{"type": "network", "status": "launched", "date": "2022-03"}],
        id="set-up-launches",
    ),
    pytest.param(
        "Agencies meet\nThe meeting was a first step to establish a framework for cooperation "
        "between the agencies.",
        [],
        id="a-purpose-infinitive-reports-no-act",
    ),
    pytest.param(
        "Ministry and WHO sign MOA\n"
        "The Ministry of Health and WHO signed a Memorandum of Agreement (MOA) on migrant health.",
        [{"type": "memorandum", "name": "Memorandum of Agreement"}],
        id="an-agreement-noun-inside-another-name-is-one-agreement",
    ),
    pytest.param(
        "Ghana and Togo sign declaration\n"
        "Ghana and Togo signed a Joint Declaration establishing a framework for cooperation on "
        "labour migration.",
        [{"type": "declaration", "name": "Joint Declaration"}],
        id="what-an-act-establishes-is-part-of-it",
    ),
    pytest.param(
        "Migrant associations sign agreement\n"
        "The Network of Migrant Associations signed a partnership agreement with the city of "
        "Lyon on Monday.",
        [{"type": "agreement"}],
        id="a-network-that-signs-is-a-party",
    ),
]

CASES += [
    pytest.param(
        "UNHCR signs agreement with Chad\n"
        "N'Djamena, 4 June 2021 – UNHCR signed a host country agreement with Chad on Friday.",
        [{"parties": [UNHCR, "Chad"], "place": "N'Djamena"}],
        id="the-other-side-of-a-with-phrase-is-a-party",
    ),
    pytest.param(
        "Countries sign declaration\n"
        "The Declaration of Lima was signed by Argentina, Brazil, Chile and Peru.",
        [{"type": "declaration", "parties": ["Argentina", "Brazil", "Chile", "Peru"]}],
        id="countries-as-agents-are-parties",
    ),
    pytest.param(
        "Returns to resume\n"
        "Following the signing of a Tripartite Agreement between UNHCR and the Government of "
        "Chad, returns will resume.",
        [{"type": "agreement", "status": "signed", "parties": [UNHCR, "Government of Chad"]}],
        id="the-signing-of-an-agreement-reports-it",
    ),
    pytest.param(
        "Returns to resume\n"
        "Dakar, 20 March 2023 – After the signing on 14 March of a Labour Mobility Agreement "
        "between Senegal and Spain, recruitment will resume.",
        [{"status": "signed", "parties": ["Senegal", "Spain"], "date": "2023-03-14"}],
        id="the-signing-on-a-date-of-an-agreement-reports-it",
    ),
    pytest.param(
        "Parliaments urged to act\n"
        "The assembly urged parliaments to promote the creation of a legislative framework.",
        [],
        id="asking-for-the-creation-of-a-framework-reports-no-act",
    ),
    pytest.param(
        "New cooperation\n"
        "The new agreement follows an earlier 2004 agreement between IOM and the Government of "
        "Chad.",
        [{"date": "2004", "status": "signed", "parties": [IOM, "Government of Chad"]}],
        id="an-earlier-agreement-dated-by-its-year",
    ),
    pytest.param(
        "Ministers meet in Astana\n"
        "On 12 May 2022, several bilateral documents were signed in Astana.\n"
        "An agreement on labour migration was signed by the two ministers of labour.",
        [{"type": "agreement", "date": "2022-05-12", "place": "Astana"}],
        id="when-and-where-from-the-sentence-reporting-the-signings",
    ),
]

CASES += [
    pytest.param(
        "Ministry and IOM sign memo\n"
        "ASTANA. NEWSWIRE The Ministry of Labour of Kazakhstan has signed a memorandum of "
        "cooperation with the International Organization for Migration.",
        [
            {
                "name": "memorandum of cooperation",
                "parties": ["Ministry of Labour", IOM],
            }
        ],
        id="a-news-source-is-no-party-and-the-with-phrase-no-part-of-the-name",
    ),
]

CASES += [
    pytest.param(
        "Visa deal in force\nThe EU-Moldova agreement on visa facilitation was signed in Brussels.",
        [{"parties": ["European Union", "Moldova"]}],
        id="sides-joined-by-a-dash-in-the-act-s-name",
    ),
    pytest.param(
        "Labour deal\nOfficials signed the Kenya–Qatar labour agreement in Doha on Monday.",
        [{"parties": ["Kenya", "Qatar"]}],
        id="countries-joined-by-an-en-dash-in-the-act-s-name",
    ),
    pytest.param(
        "Labour deal\nUzbekistan and Russia met. The Uzbek-Russian agreement on labour "
        "migration was signed in Moscow on Monday.",
        [{"parties": ["Uzbekistan", "Russia"]}],
        id="nationality-adjectives-joined-by-a-dash-in-the-act-s-name",
    ),
    pytest.param(
        "Labour deal\nThe Uzbek-Russian agreement on labour migration was signed in Moscow.",
        [{"parties": []}],
        id="nationality-adjectives-of-countries-the-text-does-not-name-are-no-sides",
    ),
    pytest.param(
        "Ministers meet\nThe joint statement was released by the Governments of the Republic "
        "of Korea, Japan and China.",
        [{"parties": ["Republic of Korea", "Japan", "China"]}],
        id="the-governments-a-statement-was-released-by-are-its-sides",
    ),
    pytest.param(
        "Ministers sign pact\nThe agreement was signed by the two ministers, Kwame Mensah "
        "(Ghana) and Koffi Agbo (Togo), on Monday.",
        [{"parties": ["Ghana", "Togo"]}],
        id="the-places-in-brackets-after-the-signers-are-the-sides",
    ),
]

CASES += [
    pytest.param(
        "UNICEF and ILO sign memorandum\n"
        "UNICEF and the ILO have signed a memorandum of understanding on child labour.\n"
        "Speaking at the signing in Bangkok, the two heads of agency welcomed the accord.",
        [{"type": "memorandum", "place": "Bangkok"}],
        id="the-place-of-the-signing-from-the-ceremony-sentence",
    ),
    pytest.param(
        "MoU signed\nCambodia and Laos signed a Memorandum of Understanding on Cooperation in "
        "Prevention of Trafficking in Persons in Bangkok on 9 May 2016.",
        [{"type": "memorandum", "place": "Bangkok"}],
        id="a-town-hung-on-the-act-s-topic-before-its-date",
    ),
]

CASES += [
    pytest.param(
        "Ministers sign declaration\n"
        "On May 3, the ministers of both states signed Joint Declaration on a Labour "
        "Partnership between Moldova and the EU.",
        [
            {
                "type": "declaration",
                "name": "Joint Declaration on a Labour Partnership",
                "parties": ["Moldova", "European Union"],
            }
        ],
        id="the-topic-of-a-declaration-hung-on-the-verb-is-part-of-its-name",
    ),
]

CASES += [
    pytest.param(
        "Forum and UNHCR sign memorandum\n"
        "The Migrant Forum in Asia network and UNHCR signed a memorandum on Monday.",
        [{"type": "memorandum"}],
        id="a-network-in-the-subject-of-signing-is-a-signer",
    ),
    pytest.param(
        "Company, union and embassy sign agreement\n"
        "Acme Staffing Ltd., the Global Union Network of Cleaners, and the Embassy on May 3 "
        "signed the Fair Recruitment Agreement.",
        [{"type": "agreement", "name": "Fair Recruitment Agreement"}],
        id="a-network-in-apposition-in-the-subject-is-a-signer",
    ),
    pytest.param(
        "IOM and UNHCR sign memorandum\n"
        "IOM, which signed the Charter last year, and UNHCR signed a memorandum on Monday.",
        [{"type": "other", "name": "Charter"}, {"type": "memorandum"}],
        id="an-act-in-a-clause-inside-the-subject-is-still-an-act",
    ),
    pytest.param(
        "Ministry and church sign protocol\n"
        "The Ministry of Emigration and the Coptic Orthodox Church signed a cooperation "
        "protocol on Tuesday.",
        [{"type": "other", "name": "protocol"}],
        id="a-protocol-is-an-act-of-its-own-kind",
    ),
    pytest.param(
        "IOM and bank sign protocol agreement\n"
        "IOM and the African Development Bank signed a protocol agreement to support "
        "diaspora investment.",
        [{"type": "agreement"}],
        id="a-protocol-the-text-calls-an-agreement-is-one",
    ),
    pytest.param(
        "West African states sign protocol\n"
        "In addition to Ghana, the protocol was signed by Togo, Benin and Senegal.",
        [{"type": "other", "parties": ["Togo", "Benin", "Senegal", "Ghana"]}],  # a protocol
        id="in-addition-to-a-country-it-is-a-party-too",
    ),
    pytest.param(
        "Ministry and IOM sign agreement\n"
        "Along with IOM, the Ministry of Labour signed the agreement on Monday.",
        [{"type": "agreement", "parties": ["Ministry of Labour", IOM]}],
        id="along-with-a-body-it-joins-the-subject",
    ),
    pytest.param(
        "Declaration signed in Lomé\n"
        "The Declaration of Lomé on labour mobility was signed today after two days of talks. "
        "In addition to Ghana, the document was signed by Togo, Benin and Senegal.",
        [{"type": "declaration", "parties": ["Togo", "Benin", "Senegal", "Ghana"]}],
        id="in-addition-to-in-the-sentence-that-names-the-signers",
    ),
    pytest.param(
        "Accord turns five\n"
        "Ministers at the signing of the ABMP on 4 March 2019 in Accra, Ghana.\n"
        "4 March 2024, Lomé – 4 March 2024 marks the fifth anniversary of the signing of the "
        "Accra Border Management Protocol (ABMP) by Ghana, Togo and Benin.",
        [{"type": "other", "date": "2019-03-04", "place": "Accra"}],  # a protocol
        id="a-caption-naming-the-signing-dates-it-not-the-anniversary-s-dateline",
    ),
    pytest.param(
        "Charity signs memorandum with police\n"
        "Chisinau – Norwegian Refugee Council and The General Police Inspectorate of Moldova sign "
        "Memorandum of Cooperation for the protection of children.",
        [
            {
                "type": "memorandum",
                "parties": ["Norwegian Refugee Council", "General Police Inspectorate of Moldova"],
            }
        ],
        id="a-headline-style-present-the-tagger-takes-for-a-noun-still-signs",
    ),
    pytest.param(
        "Neighbours sign mobility partnership\n"
        "Accra - Ghana and Togo signed a Mobility Partnership on Monday.",
        [{"type": "partnership", "parties": ["Ghana", "Togo"], "place": "Accra"}],
        id="countries-that-are-the-subject-sign-as-parties",
    ),
    pytest.param(
        "Agencies launch networks\n"
        "UN agencies in Ghana and Togo launched their networks on migration.",
        [
            {"type": "network", "parties": ["United Nations"]},
            {"type": "network", "parties": ["United Nations"]},
        ],
        id="countries-that-only-locate-the-subject-are-no-parties",
    ),
    pytest.param(
        "Countries sign declaration\n"
        "The Declaration of Lima on Human Mobility was signed today by Argentina, Brazil and "
        "Chile.",
        [{"type": "declaration", "parties": ["Argentina", "Brazil", "Chile"], "place": None}],
        id="a-list-of-signing-countries-the-parse-reads-as-apposition-and-no-lead-place",
    ),
    pytest.param(
        "Ministry and IOM sign memorandum\n"
        "Nairobi - The Kenya Department of Labour and IOM have renewed their cooperation. "
        "Labour Secretary Jane Wambui, represented by Director Paul Otieno of the Policy Unit, "
        "and IOM Kenya Chief of Mission Anna Rossi, signed a Memorandum of Agreement.",
        [{"type": "memorandum", "parties": ["Kenya Department of Labour", IOM]}],
        id="people-who-sign-stand-for-their-bodies-alongside-those-named",
    ),
    pytest.param(
        "UNHCR and Chad sign agreement\n"
        "UNHCR signed a new cooperation agreement with Chad. The agreement, which was signed "
        "in N'Djamena, follows an earlier 2004 agreement on refugee camps.",
        [
            {"type": "agreement", "date": None, "parties": [UNHCR, "Chad"]},
            {"type": "agreement", "date": "2004", "parties": [UNHCR, "Chad"]},
        ],
        id="a-year-of-an-earlier-agreement-dates-that-one-only",
    ),
    pytest.param(
        "Memorandum signed in Portugal to protect seasonal workers\n"
        "A memorandum of cooperation was signed between the Employment Agency of Moldova and "
        "the Labour Inspectorate of the host country.",
        [{"type": "memorandum", "place": "Portugal"}],
        id="the-headline-says-where-it-was-signed",
    ),
    pytest.param(
        "Police and IOM sign memorandum\n"
        "The cooperation agreement was signed by Ion Rusu, Deputy Head of the General Police "
        "Inspectorate of Moldova – Head of the Border Police Department, and Anna Rossi, IOM "
        "Chief of Mission.",
        [{"type": "memorandum", "parties": ["General Police Inspectorate of Moldova", IOM]}],
        id="bodies-in-a-signer-s-role-are-not-all-parties",
    ),
    pytest.param(
        "Declaration marks five years\n"
        "Nairobi – Today marks the fifth anniversary of the signing of the Lake Victoria "
        "Declaration by 6 countries of the region. It was adopted at a conference supported by "
        "the International Organization for Migration (IOM).",
        [{"type": "declaration", "parties": []}],
        id="signers-named-only-as-a-group-leave-no-party-to-guess",
    ),
    pytest.param(
        "UNICEF partners with shelters\n"
        "\u2500 signs MOU with several agencies\n"
        "Monday, May 13, 2019\n"
        "A Memorandum of Understanding (MOU) has been signed by UNICEF. On Monday, the document "
        "was signed between the agency and the Guyana Legal Aid Clinic.",
        [{"type": "memorandum", "date": "2019-05-13"}],
        id="the-deck-is-a-title-and-on-monday-is-the-release-s-monday",
    ),
    pytest.param(
        "Two ministers sign labour agreements\n"
        "SUVA, 05 SEPTEMBER 2018 (PACIFIC NEWS) – The labour ministers of Fiji and Tonga "
        "signed an agreement on seasonal work Tuesday.",
        [{"type": "agreement", "date": "2018-09-04"}],
        id="a-weekday-counts-back-from-a-capitals-dateline-date",
    ),
    pytest.param(
        "Two ministers sign labour agreements\n"
        "Suva, 5 September 2018 - Fiji and Tonga signed a memorandum on seasonal work "
        "yesterday.",
        [{"type": "memorandum", "date": "2018-09-04"}],
        id="yesterday-is-the-day-before-the-dateline",
    ),
    pytest.param(
        "University signs memorandum with UNHCR\n"
        "9 December 2014\n"
        "The University of Nairobi today signed a Memorandum of Understanding with UNHCR to "
        "train refugee youth.",
        [{"type": "memorandum", "date": "2014-12-09"}],
        id="today-is-the-date-line-s-day",
    ),
    pytest.param(
        "Two ministers sign labour agreement\n"
        "Suva, 5 September 2018 - Fiji and Tonga signed a memorandum on seasonal work and "
        "will meet again next Tuesday.",
        [{"type": "memorandum", "date": "2018-09-05"}],
        id="next-tuesday-is-no-signing-date",
    ),
    pytest.param(
        "University signs memorandum\n"
        "Halifax, 22 September - The university welcomed a UNHCR delegation. The university "
        "and UNHCR signed a memorandum in Berlin yesterday.",
        [{"type": "memorandum", "date": "XXXX-09-21"}],
        id="yesterday-of-a-release-dated-without-its-year",
    ),
    pytest.param(
        "University signs memorandum\n"
        "Halifax, 1 March - The university welcomed a UNHCR delegation. The university and "
        "UNHCR signed a memorandum in Berlin yesterday.",
        [{"type": "memorandum", "date": "XXXX-02"}],
        id="yesterday-of-1-march-without-the-year-is-february",
    ),
    pytest.param(
        "Philippines and Japan sign pact\n"
        "MANILA, Sept.11 (PNA) The Philippines and Japan signed a memorandum on caregivers.",
        [{"type": "memorandum", "date": "XXXX-09-11", "place": "Manila"}],
        id="a-wire-dateline-s-abbreviated-month-run-into-the-day",
    ),
    pytest.param(
        "University signs memorandum\n"
        "Halifax, 22 September - The university welcomed a UNHCR delegation. The university "
        "and UNHCR signed a memorandum on Tuesday.",
        [{"type": "memorandum", "date": "XXXX-09-22"}],
        id="a-weekday-is-not-counted-back-without-the-release-s-year",
    ),
    pytest.param(
        "India and Malaysia sign labour pact\n"
        "New Delhi, Jan.3 India and Malaysia signed a memorandum on recruitment.",
        [{"type": "memorandum", "date": "XXXX-01-03"}],
        id="a-wire-dateline-s-month-and-day-without-a-space",
    ),
    pytest.param(
        "UNICEF partners with shelters\n"
        "GINA, Ghana, Friday, March 8, 2024\n"
        "A Memorandum of Understanding has been signed by UNICEF and the Ghana Legal Aid "
        "Commission.",
        [{"type": "memorandum", "place": "Ghana"}],
        id="a-date-line-under-the-headline-places-the-release",
    ),
    pytest.param(
        "UNICEF signs MOU\n"
        "A Memorandum of Understanding has been signed by UNICEF. On Monday, the document was "
        "signed between the agency and the Ghana Legal Aid Commission and the Accra Bar "
        "Association.",
        [
            {
                "type": "memorandum",
                "parties": [
                    "United Nations Children's Fund",
                    "Ghana Legal Aid Commission",
                    "Accra Bar Association",
                ],
            }
        ],
        id="the-next-sentence-names-more-parties-of-the-document",
    ),
    pytest.param(
        "Lisbon, 4 March: UNICEF and the Government of Portugal have agreed on closer "
        "cooperation on child protection through a Memorandum of Understanding that was signed "
        "by Minister Ana Costa and UNICEF Deputy Executive Director Paul Brandt.\n"
        "The memorandum sets priorities for the coming years.",
        [
            {
                "type": "memorandum",
                "parties": ["United Nations Children's Fund", "Government of Portugal"],
                "signatories": ["Ana Costa", "Paul Brandt"],
                "place": "Lisbon",
            }
        ],
        id="no-headline-and-the-bodies-that-act-through-the-memorandum-are-its-parties",
    ),
    pytest.param(
        "Agency signs placement agreement with Ghana\n"
        "The Federal Employment Agency has concluded a placement agreement with Ghana.\n"
        "On Tuesday, 10 May, after a year of intensive negotiations Anna Weber, International "
        "Director of the agency, and Kofi Mensah, the Ghanaian Employment Minister, signed "
        "the agreement in Accra.",
        [{"type": "agreement", "signatories": ["Anna Weber", "Kofi Mensah"]}],
        id="a-date-the-parse-takes-for-a-subject-does-not-hide-the-signers",
    ),
    pytest.param(
        "Minister presents plan to implement MoU\n"
        "The minister presented a plan to implement the Memorandum of Understanding on "
        "cooperation in the return of irregular migrants signed by the Government of Chile and "
        "the Government of the United Kingdom of Great Britain and Northern Ireland.",
        [
            {
                "type": "memorandum",
                "parties": [
                    "Government of Chile",
                    "Government of the United Kingdom of Great Britain and Northern Ireland",
                ],
            }
        ],
        id="a-participle-hung-on-the-topic-and-a-country-name-with-and",
    ),
    pytest.param(
        "Agreement on labour migration signed\n"
        "The Governments of Peru and Ecuador, represented by their labour ministers, signed an "
        "Agreement on Labour Migration in Lima on 3 May 2021.",
        [{"type": "agreement", "parties": ["Peru", "Ecuador"], "place": "Lima"}],
        id="the-governments-of-two-countries-are-the-countries",
    ),
    pytest.param(
        "Ministry and UNDP formalise partnership\n"
        "The Ministry of Youth and UNDP have worked on a new cooperation agreement. The "
        "agreement was formalised on Monday in Accra.\n"
        "Separately, Benin and Niger reached an agreement on border management.",
        [
            {  # guessed from the lead: the headline's order
                "type": "agreement",
                "parties": ["United Nations Development Programme", "Ministry of Youth"],
            },
            {"type": "agreement", "parties": ["Benin", "Niger"]},
        ],
        id="formalised-and-reached-agreements-are-made",
    ),
    pytest.param(
        "ILO and ASEAN to sign cooperation pact\n"
        "The ILO and ASEAN will today sign a Memorandum of Understanding (MoU) in Jakarta on "
        "labour migration. The MOU, which will be signed by the two heads, covers recruitment.",
        [{"type": "memorandum", "name": "Memorandum of Understanding", "place": "Jakarta"}],
        id="the-acronym-in-brackets-is-the-same-memorandum",
    ),
    pytest.param(
        "Cabinet approves MoU\n"
        "The Cabinet, chaired by President Ana Lopes, has approved the Memorandum of "
        "Understanding signed between Chile and Peru on the return of migrants.",
        [{"status": "signed", "parties": ["Chile", "Peru"], "signatories": []}],
        id="the-memorandum-signed-between-two-countries-not-the-cabinet-approving-it",
    ),
    pytest.param(
        "Countries of origin sign declaration\n"
        "Ministers from 12 countries signed a declaration on labour mobility after a meeting "
        "in the Moroccan capital, Rabat, this week.",
        [{"type": "declaration", "parties": [], "place": "Rabat"}],
        id="an-unnamed-group-signs-at-a-meeting",
    ),
    pytest.param(
        "Academy opens\n"
        "Under an agreement reached between UNICEF and Nairobi last year, a board of trustees "
        "runs the academy.",
        [{"type": "agreement", "parties": ["United Nations Children's Fund", "Nairobi"]}],
        id="a-capital-as-a-side-stands-for-its-government",
    ),
    pytest.param(
        "Labour deal\n"
        "Nairobi and Kampala signed a memorandum of understanding on seasonal workers on "
        "Monday.",
        [{"type": "memorandum", "parties": ["Nairobi", "Kampala"]}],
        id="capitals-as-the-subject-sign-for-their-governments",
    ),
    pytest.param(
        "Academy opens\nThe agreement between Hamilton and IOM was signed last year.",
        [{"type": "agreement", "parties": ["International Organization for Migration"]}],
        id="a-capital-s-name-the-city-index-places-elsewhere-is-no-side",
    ),
    pytest.param(
        "Labour deal\n"
        "Officials in Accra signed a memorandum of understanding on seasonal workers with the "
        "ILO.",
        [{"type": "memorandum", "parties": ["International Labour Organization"]}],
        id="a-capital-that-only-locates-the-signers-is-no-side",
    ),
    pytest.param(
        "Parliament ratifies labour agreement\n"
        "The Senate has approved the agreement between the governments of Ghana and Togo on "
        "the employment of seasonal workers.",
        [{"type": "agreement", "parties": ["Ghana", "Togo"]}],
        id="an-agreement-between-the-governments-of-two-countries",
    ),
    pytest.param(
        "Labour ministers sign memoranda\n"
        "Peruvian and Chilean labour ministers signed two memoranda of understanding in Lima "
        "on Monday. Peru and Chile share a long border.",
        [{"type": "memorandum", "parties": ["Peru", "Chile"]}],
        id="nationality-adjectives-of-the-signing-ministers-name-the-countries",
    ),
    pytest.param(
        "Labour deal\n"
        "The Peruvian and Bolivarian governments signed a labour agreement on Monday. Peru "
        "hosted the talks.",
        [{"type": "agreement", "parties": []}],
        id="one-side-s-adjective-unknown-names-no-side-by-adjective",
    ),
    pytest.param(
        "Charter on returns\n"
        "Nigerian civil society organisations signed a charter on returns with IOM. Nigeria "
        "has many returnees.",
        [{"parties": ["International Organization for Migration"]}],
        id="a-nationality-adjective-of-non-state-bodies-names-no-state",
    ),
    pytest.param(
        "Ministers sign declaration\n"
        "Senior labour ministers signed a declaration on labour mobility in Accra. Ghana "
        "hosted the meeting.",
        [{"type": "declaration", "parties": []}],
        id="no-nationality-adjective-names-no-country",
    ),
    pytest.param(
        "Ministers sign declaration\n"
        "Ministers from Ghana and Togo signed a declaration on labour mobility.",
        [{"type": "declaration", "parties": ["Ghana", "Togo"]}],
        id="a-group-from-named-countries",
    ),
    pytest.param(
        "Ministers sign memoranda\n"
        "Health ministers from Tonga, Kiribati and Nauru signed memoranda in Suva on nurse "
        "recruitment.",
        [{"type": "memorandum", "parties": ["Tonga", "Kiribati", "Nauru"], "place": "Suva"}],
        id="a-group-whose-list-of-countries-the-parse-split-into-two-subjects",
    ),
    pytest.param(
        "ILO and Nepal sign agreement\n"
        "KATHMANDU/GENEVA (3 May 2022) - The ILO and the Government of Nepal signed today in "
        "Kathmandu a cooperation agreement on the protection of migrant workers.",
        [{"type": "agreement", "place": "Kathmandu"}],
        id="signed-in-a-town-the-dateline-shouts-not-the-whole-dateline",
    ),
    pytest.param(
        "AU and UNHCR sign memorandum\n"
        "The Memorandum of Understanding was signed at the AU Headquarters in Addis Ababa, "
        "Ethiopia, between the African Union and UNHCR.",
        [{"type": "memorandum", "place": "Addis Ababa"}],
        id="the-town-of-the-site-it-was-signed-at",
    ),
    pytest.param(
        "Ghana and Togo sign labour agreement\n"
        "The two labour ministers signed the agreement on Friday during the annual celebration "
        "of the African Union being held in Kigali, Rwanda.",
        [{"type": "agreement", "place": "Kigali"}],
        id="the-town-an-event-it-was-signed-at-is-being-held-in",
    ),
    pytest.param(
        "Unions sign memorandum\n"
        "The unions signed a memorandum at the regional summit hosted in Dakar on 3 May 2022.",
        [{"type": "memorandum", "place": "Dakar"}],
        id="the-town-an-event-it-was-signed-at-is-hosted-in",
    ),
    pytest.param(
        "Agency and government sign agreement\n"
        "The refugee agency and the Government of Chad signed an agreement on Friday that "
        "will strengthen their cooperation.",
        [{"type": "agreement", "name": "agreement"}],
        id="a-date-is-no-part-of-the-name",
    ),
    pytest.param(
        "Morocco and UNHCR sign agreement\n"
        "The agreement was signed by the Secretary General of the Ministry of Foreign Affairs "
        "Youssef Amrani and by UNHCR.",
        [{"signatories": [("Youssef Amrani", "Secretary General")]}],
        id="a-holder-glued-to-the-body-of-the-role",
    ),
    pytest.param(
        "Leaders meet in Abuja\n"
        "The leaders recalled the ECOWAS Protocol on Free Movement adopted in 1979 in Dakar.",
        [{"type": "other", "parties": ["Economic Community of West African States"]}],
        id="the-body-that-names-the-agreement-as-its-own",
    ),
    pytest.param(
        "Accra Declaration on Labour Mobility\n"
        "We, the Ministers of Labour of Ghana, Togo and Benin, meeting in Accra, affirm our "
        "resolve to protect migrant workers.\n"
        "We will share data on recruitment agencies.",
        [
            {
                "type": "declaration",
                "status": "adopted",
                "name": "Accra Declaration on Labour Mobility",
                "parties": ["Ghana", "Togo", "Benin"],
            }
        ],
        id="a-declaration-printed-whole-is-adopted-by-those-it-calls-we",
    ),
    pytest.param(
        "Declaration on the attacks against Migrants in Ghana\n"
        "We, the 30 participants from ITUC, GTUC, WIEGO and StreetNet International, gathered "
        "in Accra, condemn the attacks on migrant traders.",
        [{"type": "declaration", "parties": ["ITUC", "GTUC", "WIEGO", "StreetNet International"]}],
        id="a-country-deeper-in-a-heading-s-topic-is-no-issuer",
    ),
    pytest.param(
        "Ghana signs MoU on placement of migrant workers in Qatar\n"
        "ACCRA, 3 May 2021 - The memorandum was signed on Monday.",
        [{"type": "memorandum", "parties": ["Ghana", "Qatar"]}],
        id="a-country-deeper-in-a-signed-act-s-topic-is-its-other-side",
    ),
    pytest.param(
        "Joint Declaration by Ghana and Togo\nThe two countries agree to share data.",
        [{"type": "declaration", "name": "Joint Declaration", "parties": ["Ghana", "Togo"]}],
        id="a-heading-declaration-is-named-before-its-issuers",
    ),
    pytest.param(
        "EU signs agreement\n"
        "The Agreement was signed on behalf of the EU by representatives of the European "
        "Commission and on behalf of Cape Verde by Ambassador Ana Tavares.",
        [{"parties": ["European Union", "Cape Verde"], "signatories": ["Ana Tavares"]}],
        id="the-sides-signed-for-are-the-parties",
    ),
    pytest.param(
        "Return agreement signed\n"
        "The agreement had been signed by the interior ministries of Italy and Greece.",
        [{"parties": ["Italy", "Greece"]}],
        id="the-ministries-of-two-countries-are-the-countries",
    ),
    pytest.param(
        "Moldova, Romania sign readmission agreement\n"
        "President Ion Popa welcomed the signing of an agreement on readmission between "
        "Moldova and Romania.\n"
        "The agreement sets out procedures for the return of persons.\n"
        "It also covers transit.\n"
        "The document was signed by Head of the Border Police of Moldova Vasile Rusu and "
        "Romanian Interior Minister Dan Pop.",
        [{"parties": ["Moldova", "Romania"], "signatories": ["Vasile Rusu", "Dan Pop"]}],
        id="who-signed-the-document-further-on",
    ),
    pytest.param(
        "WHO and IOM sign MoU\n"
        "Lahore, (Daily Courier) : The MOU signed yesterday between the WHO and the IOM in "
        "Geneva has been welcomed by recruiters.\n"
        "The Agreement was signed by Ana Silva, WHO Director-General, and Paul Roy, the IOM "
        "Director-General.",
        [
            {
                "type": "memorandum",
                "parties": [
                    "World Health Organization",
                    "International Organization for Migration",
                ],
                "place": "Geneva",
            }
        ],
        id="a-reduced-relative-made-subject-and-the-bodies-each-signer-signs-for",
    ),
    pytest.param(
        "Border agencies sign deal\n"
        "WARSAW, 3 May 2021 - Frontex and the Ghana Immigration Service signed a working "
        "arrangement to strengthen border cooperation.\n"
        "The ministry concluded administrative arrangements for the summit, including "
        "transport. The Director General approved new working arrangements for staff.",
        [{"type": "agreement", "name": "arrangement"}],
        id="a-working-arrangement-is-an-agreement-travel-arrangements-are-not",
    ),
    pytest.param(
        "Ghana, Togo to improve information exchange\n"
        "Ghana and Togo will improve the exchange of information on migration in line with an "
        "intergovernmental agreement. The agreement was signed in Accra on 19 November 2018.",
        [{"parties": ["Ghana", "Togo"], "place": "Accra"}],
        id="two-states-the-subject-of-the-lead-for-an-act-signed-by-no-one-named",
    ),
    pytest.param(
        "Lawmakers back migration deal\n"
        "The National Assembly on Tuesday ratified a deal between Ghana and Togo on labour "
        "migration. Lawmakers approved the bill with 120 votes in favour.\n"
        "The agreement, signed by Premier Kofi Mensah and his counterpart Yawa Kouigan in "
        "Lome in May, covers seasonal workers.",
        [{"parties": ["Ghana", "Togo"]}],
        id="the-sides-a-lead-act-is-named-between-not-the-parliament-that-ratifies-it",
    ),
    pytest.param(
        "Chamber ratifies deal between Ghana and Togo\n"
        "The National Assembly on Tuesday ratified the deal between Ghana and Togo on labour "
        "migration. Lawmakers approved the bill with 120 votes in favour.\n"
        "The agreement, signed by Premier Kofi Mensah and his counterpart Yawa Kouigan in "
        "Lome in May, covers seasonal workers.",
        [{"parties": ["Ghana", "Togo"]}],
        id="the-same-pair-named-twice-in-the-lead-is-one-pair",
    ),
    pytest.param(
        "Ghana and Togo sign MoU\n"
        "ACCRA, 3 May 2021 - The Minister of Labour, Kofi Mensah, signed a memorandum of "
        "understanding with the Togolese Minister of Employment, Ama Lawson, on Monday.",
        [{"signatories": ["Kofi Mensah", "Ama Lawson"]}],
        id="the-person-a-signer-signs-with-signs-too",
    ),
    pytest.param(
        "Labour agreement with Togo signed\n"
        "A labour agreement with Togo was signed in Accra on Monday. The agreement between "
        "Ghana and Togo allows seasonal workers to work for nine months a year.",
        [{"parties": ["Ghana", "Togo"]}],
        id="the-sides-the-text-names-between-for-the-same-act",
    ),
    pytest.param(
        "Labour agreement with Togo signed\n"
        "A labour agreement with Togo was signed in Accra on Monday. Workers welcomed it. "
        "Employers welcomed it too. Readmission remains governed by the agreement between "
        "Togo and the European Union.",
        [{"parties": ["Togo"]}],
        id="an-act-named-between-further-on-is-another",
    ),
    pytest.param(
        "Labour agreement signed\n"
        "A labour agreement was signed in Accra on Monday. It follows the 2010 agreement "
        "between Ghana and Benin.",
        [{"parties": []}],
        id="an-earlier-act-s-sides-are-not-the-act-s",
    ),
    pytest.param(
        "Ghana and IOM sign memorandum\n"
        "ACCRA, 3 May 2021 - A memorandum of understanding on labour migration was signed by "
        "the Minister of Labour of Ghana, Kofi Mensah, on Monday. On behalf of IOM, Chief of "
        "Mission Anna Rossi signed.",
        [{"signatories": ["Kofi Mensah", "Anna Rossi"]}],
        id="one-signer-named-twice-in-the-act-s-sentence-leaves-the-next-sentence-s-signer",
    ),
    pytest.param(
        "Migration data\n"
        "IOM praises the National Statistics Office and the Ministry of Justice for their "
        "recent signing of a memorandum of understanding on migration data.",
        [{"parties": ["National Statistics Office", "Ministry of Justice"]}],
        id="those-praised-for-their-signing-are-its-sides-not-who-praises",
    ),
    pytest.param(
        "Refugee agreement\nUNHCR commended Ghana and Togo for signing the agreement on "
        "refugee protection.",
        [{"parties": ["Ghana", "Togo"]}],
        id="those-commended-for-signing-are-its-sides",
    ),
    pytest.param(
        "Refugee agreement\nUNHCR commended the Government of Ghana for signing the "
        "agreement with the Government of Togo on the protection of refugees.",
        [{"parties": ["Government of Ghana", "Government of Togo"]}],
        id="those-commended-for-signing-and-their-partner-are-its-sides",
    ),
    pytest.param(
        "UNHCR and World Bank sign data agreement\n"
        'UNHCR and the World Bank signed an agreement on refugee data on Monday. "Data '
        'matter," said UN High Commissioner for Refugees Filippo Grandi who signed the '
        "agreement today.",
        [{"signatories": ["Filippo Grandi"]}],
        id="the-name-before-who-signed-hung-by-the-parse-on-the-role",
    ),
    pytest.param(
        "Oman and Kenya sign labour agreement\n"
        "Oman and Kenya signed an agreement on domestic workers. The agreement, which was "
        "signed by Omani Minister of Labour and Social Development Eng. Salim bin Said "
        "Al-Harthi and Kenya’s Minister for Labour and Social Protection Mary Wanjiru, is the "
        "result of intensive meetings.",
        [
            {
                "parties": ["Oman", "Kenya"],
                "signatories": ["Salim bin Said Al-Harthi", "Mary Wanjiru"],
            }
        ],
        id="an-engineer-s-form-of-address-before-a-signer-s-name",
    ),
    pytest.param(
        "Ghana and Togo sign labour agreement\n"
        "On 30 September, Togolese Minister of Foreign Affairs, Yao Dogbe, and Ghana's "
        "Ambassador, Kwame Asante, signed in Lomé a bilateral agreement on the employment of "
        "seasonal workers in Togo.",
        [{"parties": ["Ghana", "Togo"], "signatories": ["Yao Dogbe", "Kwame Asante"]}],
        id="signers-before-a-verb-parsed-as-a-participle-with-an-object",
    ),
    pytest.param(
        "Ghana and Togo sign agreement and protocol\n"
        "ACCRA, 3 May 2021 - The Minister of Labour of Ghana, Kofi Mensah, and the Ambassador "
        "of Togo, Ama Lawson, signed a labour agreement on Monday. On Tuesday, Togolese "
        "Minister Yao Dogbe and Ghanaian Ambassador Kwame Asante signed the Implementation "
        "Protocol in Lomé.",
        [
            {"type": "agreement", "signatories": ["Kofi Mensah", "Ama Lawson"]},
            {"type": "other", "signatories": ["Yao Dogbe", "Kwame Asante"]},
        ],
        id="the-next-sentence-s-signers-sign-another-act-when-the-act-s-own-have-signed",
    ),
    pytest.param(
        "Ghana and Togo sign MoU\n"
        "ACCRA, 3 May 2021 - IOM Director General Amy Pope signed a memorandum with Ghana on "
        "Monday, in the presence of Minister Kofi Mensah.",
        [{"signatories": ["Amy Pope"]}],
        id="one-who-looks-on-does-not-sign",
    ),
    pytest.param(
        "Ghana and Togo sign seasonal workers deal\n"
        "ACCRA, 3 May 2021 - Ghana and Togo signed an agreement on seasonal workers on Monday. "
        "“The first workers will come in June,” Labour Minister Kofi Mensah said after signing "
        "the deal with his Togolese counterpart Yao Dogbe.",
        [{"signatories": ["Kofi Mensah", "Yao Dogbe"]}],
        id="who-speaks-after-signing-signed-and-so-did-the-one-he-signed-with",
    ),
    pytest.param(
        "Ghana signs MoU with Togo\n"
        "ACCRA, 3 May 2021 - Minister for Labour, Kofi Mensah, signed a Memorandum of "
        "Understanding with the Togolese Minister of Labour and Social Security, Dr Yao Dogbe, "
        "on seasonal work.",
        [{"signatories": ["Kofi Mensah", "Yao Dogbe"]}],
        id="the-counterpart-after-a-comma-the-parse-cut-off-the-with-phrase",
    ),
    pytest.param(
        "Ghana signs labour agreement\n"
        "ACCRA, 3 May 2021 - Minister Kofi Mensah signed the labour agreement with the "
        "Government of Togo, in the presence of President Yao Dogbe.",
        [{"signatories": ["Kofi Mensah"]}],
        id="one-who-looks-on-after-the-with-phrase-is-no-counterpart",
    ),
    pytest.param(
        "Ghana and ZimConnect sign MoU\n"
        "ACCRA, 3 May 2021 - The Ministry of Foreign Affairs and ZimConnect signed an MoU on "
        "diaspora engagement. Foreign Affairs Permanent Secretary, Kofi Mensah and "
        "ZimConnect’s regional coordinator, Ama Lawson signed the Memorandum of Understanding "
        "on behalf of their respective institutions.",
        [{"signatories": ["Kofi Mensah", "Ama Lawson"]}],
        id="each-subject-the-parse-hung-on-the-signing-verb-signed",
    ),
    pytest.param(
        "Ghana and Togo sign MoU\n"
        "ACCRA, 3 May 2021 - Ghana and Togo signed a memorandum of understanding on labour "
        "migration on Monday. At the signing in Accra, Ghana was represented by its Minister "
        "of Labour, Kofi Mensah, while Togo was represented by Ama Lawson, Minister of "
        "Employment.",
        [{"signatories": ["Kofi Mensah", "Ama Lawson"]}],
        id="who-represented-each-side-at-the-signing",
    ),
    pytest.param(
        "Labour deal signed\n"
        "ACCRA, 3 May 2021 - Ghana and Togo signed a memorandum of understanding on labour "
        "migration, which is the first of its kind in the region.",
        [{"name": "memorandum of understanding on labour migration", "parties": ["Ghana", "Togo"]}],
        id="a-country-right-after-the-dateline-s-date-and-a-clause-on-is",
    ),
    pytest.param(
        "Ghana signs MoU\n"
        "ACCRA, 3 May 2021 - The Minister of Labour, Kofi Mensah, signed a memorandum with the "
        "support of the EU Ambassador, Irchad Razaaly.",
        [{"signatories": ["Kofi Mensah"]}],
        id="one-whose-support-is-named-does-not-sign",
    ),
    pytest.param(
        "Ghana and Togo sign MoU\n"
        "ACCRA, 3 May 2021 - Ghana and Togo signed a memorandum on Monday. At the signing, Ghana "
        "was represented by its Minister of Labour, Kofi Mensah, in the presence of President "
        "Nana Akufo-Addo.",
        [{"signatories": ["Kofi Mensah"]}],
        id="one-in-whose-presence-a-side-was-represented-does-not-sign",
    ),
    pytest.param(
        "Boats\n"
        "Italy and Malta intercepted more boats this year than ever before. The agreement was "
        "renewed in February.",
        [{"parties": []}],
        id="states-the-subject-of-a-lead-sentence-that-names-no-act-are-no-side",
    ),
    pytest.param(
        "Students\n"
        "ACCRA, 3 May 2021 - The University of Ghana and UAF signed a covenant to support "
        "refugee students.",
        [{"type": "agreement", "name": "covenant"}],
        id="a-covenant",
    ),
    pytest.param(
        "Labour deal signed\n"
        "ACCRA, 3 May 2021 - Ghana and Togo signed a memorandum of understanding on labour "
        "migration, which will lead to new recruitment channels.",
        [{"name": "memorandum of understanding on labour migration"}],
        id="a-relative-clause-after-the-name-is-no-part-of-it",
    ),
    pytest.param(
        "Labour deal signed\n"
        "ACCRA, 3 May 2021 - Ghana and Togo signed an agreement on Tuesday in Accra.",
        [{"name": "agreement", "date": "2021-04-27"}],  # the Tuesday before Monday 3 May
        id="a-weekday-after-on-dates-the-act-it-names-no-topic",
    ),
    pytest.param(
        "Ministers endorse declaration\n"
        "The ministers endorsed the Joint Declaration on labour mobility submitted by the "
        "senior officials' meeting, also held in Accra on 1 March.",
        [{"name": "Joint Declaration on labour mobility", "date": None}],
        id="the-date-and-participle-of-another-clause-are-not-the-agreement-s",
    ),
    pytest.param(
        "UNICEF joins regional alliance\n"
        "Nairobi – UNICEF joined the African Union and six institutions of the Child "
        "Protection Alliance (CPA) to support birth registration.\n"
        "At a signing ceremony held on 3 March at the AU Commission in Addis Ababa, UNICEF and "
        "the CPA member organizations reaffirmed their support.",
        [
            {
                "type": "other",
                "status": "signed",
                "parties": [
                    "United Nations Children's Fund",
                    "Child Protection Alliance",
                    "African Union",
                ],
                "date": "XXXX-03-03",
                "place": "Addis Ababa",
            }
        ],
        id="a-signing-ceremony-without-its-document-and-the-bodies-joined",
    ),
    pytest.param(
        "IOM and Ghana sign MoU\n"
        "At the signing ceremony, IOM and the Government of Ghana signed a Memorandum of "
        "Understanding on labour migration.",
        [{"type": "memorandum"}],
        id="a-ceremony-of-a-named-document-is-no-second-agreement",
    ),
    pytest.param(
        "Readmission agreement signed in Vienna\n"
        "Foreign Minister Ana Petrova on 20 June attended the signing ceremony of a readmission "
        "agreement with Austria in Vienna.",
        [{"type": "agreement", "status": "signed", "date": "XXXX-06-20"}],
        id="the-signing-ceremony-of-an-agreement-reports-its-signing",
    ),
    pytest.param(
        "Trade unions sign MoU\n"
        "Memorandum of Understanding (MoU) Signing Ceremony between the Arab Trade Union "
        "Confederation and the ASEAN Trade Union Council happened on 12 June 2023 in Geneva.",
        [{"type": "memorandum", "name": "Memorandum of Understanding", "date": "2023-06-12"}],
        id="a-ceremony-named-by-its-document",
    ),
    pytest.param(
        "Tonga and IOM sign Cooperation Agreement\n"
        "On 3 May the Government of Tonga signed a Cooperation Agreement with IOM in Nuku'alofa.\n"
        "It grants IOM the status of an international organization.\n"
        "The Cooperation Agreement was signed by the Prime Minister, Hon. Ana Vake, and IOM "
        "Chief of Mission, Mr Paul Hale, alongside Chief Secretary Tevita Fifita.",
        [
            {
                "name": "Cooperation Agreement",
                "parties": ["Government of Tonga", "International Organization for Migration"],
                "signatories": [("Ana Vake", "Prime Minister"), ("Paul Hale", "Chief of Mission")],
            }
        ],
        id="who-signed-later-and-who-looked-on",
    ),
    pytest.param(
        "WHO and IOM sign letter of agreement\n"
        "WHO and IOM signed a letter of agreement to strengthen health screening of migrants.",
        [{"type": "other", "name": "letter of agreement"}],
        id="a-letter-of-agreement-is-a-letter",
    ),
    pytest.param(
        "Ministry prepares MOA with Oman\n"
        "The Ministry of Labour is finalizing arrangements for the signing of a Memorandum of "
        "Agreement (MOA) with Oman to protect domestic workers.",
        [
            {
                "type": "memorandum",
                "status": "to_be_signed",
                "parties": ["Ministry of Labour", "Oman"],
            }
        ],
        id="a-signing-being-prepared-with-a-named-partner",
    ),
    pytest.param(
        "MOA signed\n"
        "The agreement was signed by Foreign Affairs Secretary Ana Reyes and the Minister of "
        "Foreign Affairs of Oman, Said Al-Harthy.",
        [{"signatories": ["Ana Reyes", "Said Al-Harthy"], "parties": ["Oman"]}],
        id="a-portfolio-is-no-party",
    ),
    pytest.param(
        "Ghana, Italy sign migration deal\n"
        "Accra, May 6 -- The visit ended with the signing of a Memorandum of Understanding on "
        "Migration and Mobility between the two governments, according to a joint statement "
        "issued by the Ministry of Foreign Affairs.\n"
        "The visit reaffirmed the ties between Ghana and Italy.\n"
        "The Ghanaian minister and Minister Rossi signed the MoU on behalf of their respective "
        "governments.",
        [
            {
                "type": "memorandum",
                "parties": ["Ghana", "Italy"],
                "place": "Accra",
            }
        ],
        id="the-two-governments-named-later-and-a-source-that-is-no-act",
    ),
    pytest.param(
        "Ministers meet in Yerevan\n"
        "Georgian Minister of Labour Nino Beridze met with Ashot Sargsyan, Minister of Social "
        "Affairs of Armenia, to discuss labour exchange between Georgia and Armenia.\n"
        "The parties signed a memorandum of understanding on labour exchange.",
        [{"type": "memorandum", "parties": ["Armenia", "Georgia"]}],
        id="the-parties-are-the-countries-of-the-ministers-roles",
    ),
    pytest.param(
        "Chile and Peru sign labour pact\n"
        "Andean Monitor (29 October 2018) – Chile and Peru have signed a Memorandum of "
        "Understanding on seasonal work.",
        [{"parties": ["Chile", "Peru"], "date": "2018-10-29"}],
        id="a-news-source-opening-the-dateline-is-no-party",
    ),
    pytest.param(
        "Regional Network on Migration launched in Accra. Photo: IOM\n"
        "Accra – Ghana has established a dedicated Regional Network on Migration (RNM).\n"
        "Regional Network on Migration launched in Accra. Photo: IOM",
        [{"type": "network"}],
        id="a-caption-repeating-the-launch-of-the-same-body",
    ),
    pytest.param(
        "Agencies sign MOA\n"
        "MANILA: The Department of Health (DOH) and the Commission on Filipinos Overseas "
        "(CFO) on Thursday signed an agreement for the welfare of returning workers. DOH "
        "Secretary Ana Cruz and CFO Chairperson Jose Reyes signed the memorandum of agreement "
        "(MOA). At the signing ceremony held at the DOH main office in Quezon City, Cruz "
        "thanked the CFO.",
        [{"type": "memorandum", "place": "Quezon City", "signatories": ["Ana Cruz", "Jose Reyes"]}],
        id="the-agreement-is-the-memorandum-of-agreement-and-the-ceremony-places-it",
    ),
    pytest.param(
        "Ministries sign MoC\n"
        "Riyadh– The Minister of Labour signed today a memorandum of cooperation (MOC) with the "
        "Department of Migrant Workers of the Philippines.",
        [{"type": "memorandum", "place": "Riyadh", "parties": ["Department of Migrant Workers"]}],
        id="a-memorandum-of-cooperation-and-a-dash-glued-to-the-dateline",
    ),
    pytest.param(
        "WHO and ILO update their agreement\n"
        "WHO and ILO have endorsed an updated agreement on the health of migrant workers.\n"
        "Signed in Vienna this week by WHO Director-General Ana Costa and ILO Director-General "
        "Paul Ade, the agreement focuses on occupational health.",
        [{"type": "agreement", "place": "Vienna", "signatories": ["Ana Costa", "Paul Ade"]}],
        id="a-fronted-participle-places-and-signs-the-agreement",
    ),
    pytest.param(
        "Joint Statement of the Presidents of the Republic of Ghana and the Togolese Republic\n"
        "The presidents met in Lome on 5 May 2022.",
        [{"type": "joint_statement", "name": "Joint Statement of the Presidents"}],
        id="a-heading-statement-named-before-its-issuers-without-trailing-words",
    ),
    pytest.param(
        "ECLAC and IOM sign MoU\n"
        "The Economic Commission for Latin America and the Caribbean and IOM signed today a "
        "Memorandum of Understanding.\n"
        "The Memorandum establishes a general framework for cooperation on migration data.",
        [
            {
                "type": "memorandum",
                "parties": [
                    "Economic Commission for Latin America and the Caribbean",
                    "International Organization for Migration",
                ],
            }
        ],
        id="what-an-agreement-establishes-is-no-second-agreement-and-a-region-with-and",
    ),
    pytest.param(
        "Unions sign MoU\n"
        "Unions from Ghana and Togo agreed to formalise cooperation. The signing of the MoU "
        "was done by the Ghana Federation of Labour (Ghana) and the Togo Workers Federation "
        "(Togo) in the framework of a regional seminar.",
        [
            {
                "type": "memorandum",
                "parties": ["Ghana Federation of Labour", "Togo Workers Federation"],
            }
        ],
        id="the-agents-of-a-signing-done-by-and-no-framework-in-an-idiom",
    ),
    pytest.param(
        "Unions sign agreements\n"
        "The ITUC welcomes the two new bilateral agreements concluded by trade union centres "
        "to defend migrant workers' rights.",
        [{"type": "agreement", "parties": []}],
        id="who-welcomes-agreements-concluded-by-others-signed-none",
    ),
    pytest.param(
        "Ghana and Togo agree on MoU\n"
        "Ghana and Togo have agreed on a new Memorandum of Understanding for protecting "
        "seasonal workers.",
        [{"type": "memorandum", "status": "adopted", "parties": ["Ghana", "Togo"]}],
        id="an-agreement-agreed-on-is-made",
    ),
    pytest.param(
        "EU and Mali launch partnership\n"
        "Bamako – The European Union and Mali launched on Tuesday a new Operational "
        "Partnership to fight migrant smuggling.",
        [{"type": "partnership", "parties": ["European Union", "Mali"], "place": "Bamako"}],
        id="a-country-coordinated-with-a-body-the-parse-put-after-the-dateline",
    ),
    pytest.param(
        "Nepal and Japan sign agreement on caregivers\n"
        "Kathmandu, March 28 - Nepal and Japan have signed a bilateral agreement on the "
        "employment of Nepali caregivers.\n"
        "The agreement was signed by Nepal's Ambassador to Japan Hari Sharma and Japan's "
        "Deputy Minister Ken Ito in Tokyo on Monday.",
        [{"type": "agreement", "place": "Tokyo"}],
        id="the-town-the-later-report-states-beats-the-dateline",
    ),
    pytest.param(
        "IOM and Chile sign MoU\n"
        "Today, IOM and the Government of Chile signed two memoranda of understanding (MOUs) "
        "on labour mobility and on the protection of unaccompanied minors.",
        [{"name": "memoranda of understanding"}],
        id="an-acronym-in-brackets-is-no-part-of-the-name",
    ),
    # every party that belongs to a state has its country (issue 27)
    pytest.param(
        "IOM and Ministry sign agreement\n"
        "Accra, 12 March 2024 – IOM and the Ministry of the Interior signed a memorandum of "
        "understanding on border management.",
        [{"parties": [IOM, "Ministry of the Interior"], "party_countries": [None, "GH"]}],
        id="a-state-body-takes-the-dateline-s-country",
    ),
    pytest.param(
        "Labour agreement signed\n"
        "Geneva, 3 May 2021 – IOM and the Ministry of Labour signed an agreement on labour "
        "migration. It was signed by the Minister of Labour and Social Protection of Azerbaijan "
        "Sahil Babayev and IOM Director General Antonio Vitorino.",
        [{"parties": ["Ministry of Labour", IOM], "party_countries": ["AZ", None]}],
        id="the-role-of-its-signer-beats-a-dateline-abroad",
    ),
    pytest.param(
        "Kazakhstan and Uzbekistan sign labour agreement\n"
        "On 15 April, the Government of RK and the Government of RU signed an agreement on "
        "labour migration during the visit of the President of the Republic of Kazakhstan to "
        "the Republic of Uzbekistan.",
        [{"party_countries": ["KZ", "UZ"]}],
        id="states-named-by-their-initials",
    ),
    pytest.param(
        "B&H and IOM sign agreement\nB&H and IOM signed an agreement in Sarajevo on Monday.",
        [{"parties": ["B&H", IOM], "party_countries": ["BA", None]}],
        id="a-state-named-by-its-abbreviation-is-a-party",
    ),
    pytest.param(
        "Joint Letter: The Council Should Act Now on Deaths at Borders\nAmnesty International "
        "joins more than 200 organizations to urge the Council to act.",
        [{"type": "joint_statement", "parties": ["Amnesty International"]}],
        id="a-text-named-before-a-colon-is-issued-by-the-lead-s-subject",
    ),
    pytest.param(
        "Ecumenical Declaration: Protecting Welcome, Restoring Hope\nWe representatives of "
        "churches in the United States, Church World Service and the National Council of "
        "Churches, gathered this 10th day of February, 2017, seek to join our efforts.",
        [
            {
                "type": "declaration",
                "parties": ["Church World Service", "National Council of Churches"],
            }
        ],
        id="we-and-the-issuers-but-not-where-they-are",
    ),
    # an act the text names with its sides is one, in force or awaited, but not the topic
    # of another act or one under negotiation
    pytest.param(
        "Ministers prepare labour documents\nThe meeting was held to prepare for the signing "
        "of two documents: (1) Memorandum of Understanding on Labour Cooperation between the "
        "Kingdom of Thailand and the Kingdom of Cambodia, and (2) Agreement on Employment "
        "between the Kingdom of Thailand and the Kingdom of Cambodia.",
        [
            {"parties": ["Kingdom of Thailand", "Kingdom of Cambodia"], "status": "to_be_signed"},
            {"parties": ["Kingdom of Thailand", "Kingdom of Cambodia"], "status": "to_be_signed"},
        ],
        id="acts-named-with-their-sides-are-acts",
    ),
    pytest.param(
        "Talks on readmission\nThe ministers discussed the negotiation of the Agreement on "
        "Readmission between Ghana and Togo.",
        [],
        id="an-act-under-negotiation-is-none",
    ),
    # a heading that lists its issuers after a colon names them (no clause there)
    pytest.param(
        "Joint Statement: IOM, UNHCR and UNICEF\nThe agencies call on states to protect "
        "children on the move.",
        [{"type": "joint_statement", "parties": [IOM, UNHCR, "United Nations Children's Fund"]}],
        id="a-heading-s-issuers-after-a-colon-are-its-parties",
    ),
    # a headline that is a statement, with no verb, is the act: its issuers named in its
    # own phrase ahead of the noun, else the bodies the lead has as its subject
    pytest.param(
        "Joint IOM-UNHCR Statement on the Resettlement Order\n"
        "GENEVA, 28 January 2017 - UNHCR and IOM remain committed to resettlement.",
        [{"type": "joint_statement", "parties": [IOM, UNHCR], "place": "Geneva"}],
        id="a-heading-statement-s-issuers-inside-its-phrase-are-its-parties",
    ),
    pytest.param(
        "Communiqué from the Faith Leaders' Consultation on Asylum\n"
        "The World Council of Churches and the Lutheran World Federation jointly hosted a "
        "consultation in Oslo on 3 May 2016.",
        [
            {
                "type": "joint_statement",
                "parties": ["World Council of Churches", "Lutheran World Federation"],
            }
        ],
        id="a-heading-communique-without-issuers-takes-the-lead-s-subjects",
    ),
    pytest.param(
        "Minister Welcomes the Statement of the Council\n"
        "The minister said the statement of the council on asylum was important.",
        [],
        id="a-headline-reporting-a-statement-is-none",
    ),
    pytest.param(
        "Ministers meet in Rome\nIOM said in a Statement on Monday that the ministers met.",
        [],
        id="a-statement-in-the-body-is-a-source-not-an-act",
    ),
    pytest.param(
        "AU Summit: Declaration on Migration\nThe Heads of State of the African Union adopted "
        "the declaration in Johannesburg on 15 June 2015.",
        [{"type": "declaration", "place": "Johannesburg"}],
        id="a-body-before-a-heading-s-colon-is-no-issuer",
    ),
    pytest.param(
        "Fiji and Australia sign labour arrangement\nSuva, 3 May 2019 - The Inter-Agency "
        "Understanding (IAU) between Fiji and Australia was signed today.",
        [{"type": "memorandum", "parties": ["Fiji", "Australia"], "place": "Suva"}],
        id="an-inter-agency-understanding-is-a-memorandum",
    ),
    pytest.param(
        "Talks continue\nThe agencies' understanding of the issue was signed off, the "
        "minister said.",
        [],
        id="an-agency-s-understanding-of-a-thing-is-no-act",
    ),
    # a report that names no side takes the bodies its headline names
    pytest.param(
        "Labour cooperation high on Ethiopia and UAE agenda\nA labour agreement was signed "
        "in Addis Ababa on Monday, officials said.",
        [{"type": "agreement", "parties": ["Ethiopia", "UAE"], "place": "Addis Ababa"}],
        id="an-act-with-no-side-named-takes-the-headline-s-bodies",
    ),
    pytest.param(
        "Labour cooperation high on the agenda\nA labour agreement was signed in Addis Ababa "
        "on Monday, officials said.",
        [{"type": "agreement", "parties": []}],
        id="an-act-with-no-side-and-a-headline-naming-none-has-no-parties",
    ),
    # "signed on behalf of X, and Y on behalf of Z": the second signer's verb left out
    pytest.param(
        "Readmission agreement between Ghana and Togo signed\nThe readmission agreement "
        "between Ghana and Togo was signed on 5 May 2021 in Accra. Ghana's minister, Ms. Ama "
        "Owusu, signed on behalf of the Ghanaian government, and the Minister of Interior, "
        "Mr. Kofi Mensah, on behalf of the government of Togo.",
        [{"parties": ["Ghana", "Togo"], "signatories": ["Ama Owusu", "Kofi Mensah"]}],
        id="each-person-right-before-on-behalf-of-signed",
    ),
    pytest.param(
        "Ghana and Togo sign MoU\nGhana and Togo signed a memorandum in Accra on Monday. "
        "At the signing ceremony, Ama Owusu, on behalf of the Director General, thanked "
        "the donors.",
        [{"parties": ["Ghana", "Togo"], "signatories": []}],
        id="on-behalf-of-at-a-ceremony-without-a-signing-verb-is-no-signing",
    ),
    pytest.param(
        "Ghana and Qatar sign labour MoU\nGhana and Qatar signed a memorandum on labour "
        "in Doha on Monday. The two countries have cooperated for years. In 2012, former "
        "Minister Kofi Mensah signed the first agreement with Qatar.",
        [
            {"type": "memorandum", "parties": ["Ghana", "Qatar"], "signatories": []},
            {"type": "agreement", "signatories": ["Kofi Mensah"]},
        ],
        id="who-signed-an-earlier-act-further-on-is-no-signer-of-this-one",
    ),
    pytest.param(
        "IOM welcomes labour deal of Ethiopia and Saudi Arabia\nA labour agreement was signed in "
        "Riyadh on Monday, officials said.",
        [{"type": "agreement", "parties": ["Ethiopia", "Saudi Arabia"]}],
        id="a-body-reacting-in-the-headline-is-no-party",
    ),
    pytest.param(
        "Statement Attributable to the Spokespersons on Libya\nIOM and UNHCR are alarmed by "
        "the reports of detention in Libya.",
        [{"type": "joint_statement", "parties": [IOM, UNHCR]}],
        id="a-heading-statement-s-topic-after-on-is-no-issuer",
    ),
    # who "signed the agreement" further on signed the act reported before
    pytest.param(
        "UNODC and IOM step up cooperation\nAn agreement signed in Vienna between UNODC and "
        "IOM seeks to extend joint activities. The agencies have worked together since 2005. "
        "Their offices share data on smuggling routes. Executive Director Yuri Fedorov "
        "signed the agreement with IOM Director General William Lacy Swing on Monday.",
        [{"signatories": ["Yuri Fedorov", "William Lacy Swing"]}],
        id="a-later-signing-of-the-agreement-names-its-signers",
    ),
    # a partner whose name holds another's ("Niger", "Nigeria") keeps its own signer
    pytest.param(
        "Ghana signs MoUs\nGhana signed memoranda of understanding with Niger and Nigeria "
        "on Monday. The memoranda were signed by the Minister of Labour of Niger, Issa "
        "Moussa, and the Minister of Labour of Nigeria, Chris Ngige.",
        [
            {"parties": ["Ghana", "Niger"], "signatories": ["Issa Moussa"]},
            {"parties": ["Ghana", "Nigeria"], "signatories": ["Chris Ngige"]},
        ],
        id="a-name-inside-another-partner-s-is-not-that-partner",
    ),
    # a further act with a new partner after a split one stays its own
    pytest.param(
        "Ghana signs labour MoUs\nGhana signed memoranda of understanding on labour "
        "migration with Togo and Benin in Accra on Monday. Ghana also signed a memorandum "
        "of understanding with Nigeria.",
        [
            {"parties": ["Ghana", "Togo"]},
            {"parties": ["Ghana", "Benin"]},
            {"parties": ["Ghana", "Nigeria"]},
        ],
        id="another-act-after-a-split-one-is-its-own",
    ),
    # a party that reports its own act is a party; a wire named after the report is not
    pytest.param(
        "Pact signed\nThe Ministry of Labour of Ethiopia reported that it signed a "
        "memorandum of understanding with IOM in Addis Ababa.",
        [{"parties": ["Ministry of Labour", IOM]}],
        id="a-party-reporting-its-act-stays-a-party",
    ),
    # who sign with no subject the parse found: the people before the verb
    pytest.param(
        "Ministers sign pact\nAccra, 16 November 2022 (GNA) – Ghanaian President John Mensah "
        "and Togolese Prime Minister Kofi Ade signed a memorandum of understanding on Wednesday.",
        [{"signatories": ["John Mensah", "Kofi Ade"]}],
        id="the-people-after-a-dateline-taken-for-the-subject-sign",
    ),
    pytest.param(
        "Agencies join forces\nIOM Director General Amy Pope (Right) and UNODC Executive "
        "Director Ghada Waly sign a Statement of Partnership in Cairo.",
        [{"signatories": ["Amy Pope", "Ghada Waly"]}],
        id="the-people-before-a-verb-the-parse-gave-no-subject-sign",
    ),
    # a news source is no party: credited before a colon, as its report's subject, alone
    pytest.param(
        "Ghana and Togo agree on labour mobility\nGhana Voice Agency (GVA): Ghana and Togo "
        "signed a memorandum of understanding on labour mobility in Lome on Monday.",
        [{"parties": ["Ghana", "Togo"]}],
        id="a-wire-credited-before-a-colon-is-no-party",
    ),
    pytest.param(
        "Labour pact\nUNHCR – the UN Refugee Agency – and the Ghana Labour Union signed a "
        "memorandum of understanding on Monday.",
        [
            {
                "parties": [
                    "Office of the United Nations High Commissioner for Refugees",
                    "Ghana Labour Union",
                ]
            }
        ],
        id="a-body-before-its-description-between-dashes-is-a-party",
    ),
    pytest.param(
        "Ministers adopt declaration\n\nEgypt Independent – The second meeting of the "
        '"Rabat Process" concluded under the chairmanship of the Minister of Labour. The '
        'meeting culminated in the adoption of the "Accra Declaration," which highlights the '
        "achievements of the process.",
        [{"parties": []}],
        id="a-paper-credited-before-a-dash-is-no-party",
    ),
    pytest.param(
        "Labour agreement to be signed\nACCRA: Ghana and Togo have agreed to finalise the "
        "signing of a labour agreement, Radio Ghana reported.\nEarlier, an agreement was "
        "signed in 2015.",
        [{"parties": []}],
        id="a-wire-that-reports-is-no-party",
    ),
    pytest.param(
        "Ghana signs labour MoUs\nGhana signed memoranda of understanding on labour "
        "migration with Togo and Benin in Accra on Monday.",
        [{"parties": ["Ghana", "Togo"]}, {"parties": ["Ghana", "Benin"]}],
        id="acts-in-the-plural-with-several-partners-are-one-per-partner",
    ),
    pytest.param(
        "IOM signs agreement\nIOM signed an agreement with Ghana and Togo in Accra on Monday.",
        [{"parties": [IOM, "Ghana", "Togo"]}],
        id="one-act-with-several-partners-stays-one",
    ),
    pytest.param(
        "Readmission agreements signed\nThe Presidency, on behalf of the EU, signed two "
        "Readmission Agreements with Cape Verde and Armenia in Brussels.",
        [{"parties": ["European Union", "Cape Verde"]}, {"parties": ["European Union", "Armenia"]}],
        id="the-side-one-signs-for-is-in-every-copy",
    ),
    pytest.param(
        "Labour agreements signed\nGhana signed agreements with Togo and Benin on Monday. "
        "The agreements were signed by the Minister of Labour of Ghana, John Mensah, and the "
        "Minister of Labour of Benin, Kofi Ade.",
        [
            {"parties": ["Ghana", "Togo"], "signatories": ["John Mensah"]},
            {"parties": ["Ghana", "Benin"], "signatories": ["John Mensah", "Kofi Ade"]},
        ],
        id="a-signer-for-one-partner-signs-only-its-act",
    ),
    pytest.param(
        "Ghana and Qatar to sign labour deal\n"
        "Ghana and Qatar agreed to sign a labour agreement on domestic workers.",
        [{"type": "agreement", "status": "to_be_signed", "parties": ["Ghana", "Qatar"]}],
        id="agreed-to-sign-is-an-act-ahead",
    ),
    pytest.param(
        "Kenya and Qatar to sign labour deal\n"
        "NAIROBI, 12 March 2024 – Kenya and Qatar are scheduled to sign a labour agreement "
        "here on Thursday.",
        [{"status": "to_be_signed", "date": None, "place": None}],
        id="the-dateline-dates-the-announcement-of-an-act-ahead-not-the-act",
    ),
    pytest.param(
        "Kenya and Qatar set for labour deal\n"
        "Kenya and Qatar are expected to sign a bilateral labour agreement in March.",
        [{"status": "to_be_signed", "parties": ["Kenya", "Qatar"]}],
        id="expected-to-sign-is-an-act-ahead",
    ),
    pytest.param(
        "Ministry plans shelters\nThe project aims to establish a network of shelters.",
        [],
        id="aims-to-establish-is-a-purpose-not-an-act",
    ),
    pytest.param(
        "Ethiopia and Saudi Arabia review labour pact\n"
        "Ethiopia and Saudi Arabia discussed how to fully implement the recently signed labour "
        "recruitment pact.",
        [{"type": "agreement", "status": "signed", "parties": ["Ethiopia", "Saudi Arabia"]}],
        id="the-recently-signed-act-is-reported",
    ),
    pytest.param(
        "Rules for agreements\nAll signed agreements must be published by the ministry.",
        [],
        id="a-bare-signed-agreements-names-none",
    ),
    pytest.param(
        "Summit ends\n"
        "Leaders at the summit adopted a political declaration and an action plan on migration.",
        [{"type": "declaration", "name": "declaration"}, {"type": "other"}],
        id="a-conjunct-with-its-own-article-is-an-act-of-its-own",
    ),
    pytest.param(
        "UN agencies join forces against trafficking\n"
        "Two United Nations humanitarian agencies, UNODC and UNHCR, signed a joint agreement "
        "in New York.",
        [{"parties": ["United Nations Office on Drugs and Crime", UNHCR]}],
        id="un-agencies-are-the-agencies-the-text-names-not-the-un",
    ),
    pytest.param(
        "Chad and the UN sign pact\nThe UN and the Government of Chad signed an agreement.",
        [{"parties": ["United Nations", "Government of Chad"]}],
        id="the-un-itself-stays-a-party",
    ),
    pytest.param(
        "UN agencies launch network\n"
        "UN agencies in Kyrgyzstan launched their United Nations Network on Migration on "
        "Friday. IOM said the network will help.",
        [{"type": "network", "parties": ["United Nations"]}],
        id="un-agencies-that-the-text-does-not-name-are-the-un",
    ),
    pytest.param(
        "Summit ends\n"
        "The summit resulted in the adoption of the Political Declaration and Cadiz Action Plan.",
        [{"type": "declaration", "name": "Political Declaration"}, {"type": "other"}],
        id="a-conjunct-with-its-own-name-is-an-act-of-its-own",
    ),
    pytest.param(
        "Summit ends\nLeaders adopted a declaration and action plan on trafficking in persons.",
        [{"type": "declaration"}],
        id="a-conjunct-with-no-article-or-name-of-its-own-is-one-act-with-the-first",
    ),
    pytest.param(
        "Pact signed\nIOM and Chad signed a Memorandum of Understanding and Cooperation on Monday.",
        [{"type": "memorandum"}],
        id="a-conjunct-that-is-no-act-noun-is-part-of-the-name",
    ),
    pytest.param(
        "Ministers to meet again\n"
        "The ministers agreed to adopt a joint declaration at their next meeting.",
        [],
        id="agreed-to-adopt-is-a-plan-not-an-act",
    ),
    pytest.param(
        "Kenya and Qatar sign labour deal\n"
        "Kenya and Qatar on 12 March 2024 signed the newly concluded labour agreement.",
        [{"status": "signed", "date": "2024-03-12", "parties": ["Kenya", "Qatar"]}],
        id="a-signing-reported-now-beats-the-participle-of-recency",
    ),
    pytest.param(
        "Training accord\nIOM and Ghana signed a memorandum of understanding on vocational "
        "training and a mutual recognition of qualifications.",
        [
            {
                "type": "memorandum",
                "name": "memorandum of understanding on vocational training "
                "and a mutual recognition of qualifications",
            }
        ],
        id="a-conjunct-that-is-no-act-stays-in-the-name",
    ),
    pytest.param(
        "Labour accord\nThey signed a Memorandum of Understanding and Cooperation on labour.",
        [{"type": "memorandum", "name": "Memorandum of Understanding and Cooperation"}],
        id="a-conjunct-without-article-is-part-of-the-name",
    ),
]


# the body each signer signs for is a side: an ambassador's country, an agency's head
CASES += [
    pytest.param(
        "Agreement on privileges signed\n"
        "The Ambassador of Denmark, John Smith, and the Director General of the World Food "
        "Programme, Peter Brandt, have signed an agreement granting the staff privileges.",
        [
            {
                "parties": ["Denmark", "World Food Programme"],
                "signatories": [
                    ("John Smith", "Ambassador of Denmark"),
                    ("Peter Brandt", "Director General"),
                ],
            }
        ],
        id="signers-bodies-are-the-sides-where-the-subject-names-people",
    ),
    pytest.param(
        "Privileges agreement signed\n"
        "The agreement was signed on Monday in Geneva. It was signed by John Smith, Ambassador "
        "of Denmark, and by the Director General of the World Food Programme, Peter Brandt.",
        [{"parties": ["Denmark", "World Food Programme"]}],
        id="signers-bodies-are-the-sides-of-a-document-signed-by-them",
    ),
    pytest.param(
        "Labour deal signed\n"
        "DOHA – Kenya and Qatar signed a labour agreement on Monday. The agreement was signed by "
        "the Minister of Labour of Kenya, John Smith, and the Under-Secretary of the Ministry of "
        "Labour of Qatar, Peter Brandt.",
        [{"parties": ["Kenya", "Qatar"], "signatories": ["John Smith", "Peter Brandt"]}],
        id="signers-ministries-are-no-sides-beside-their-states",
    ),
]


# a statement printed whole after a short introduction, headed with a relative clause
CASES += [
    pytest.param(
        "Joint Statement of the Ministers of Labour of the West African Four at the Meeting "
        "which took place in Accra\n"
        "The third meeting of the labour ministers of the four countries was held in Accra.\n"
        "The aim of the meeting was to coordinate their positions on labour migration.\n"
        "The Joint Statement of the Ministers in full:\n"
        "We, the Ministers of Labour of Ghana, Togo, Benin and Niger, meeting in Accra on 3 May "
        "2023, have agreed on the following:\n"
        "1. We commit to protect the rights of migrant workers.",
        [{"type": "joint_statement", "parties": ["Ghana", "Togo", "Benin", "Niger"]}],
        id="statement-printed-after-an-introduction-under-a-heading-with-a-relative-clause",
    ),
]


# a next sentence that tells the signing of the document again gives its date and place
CASES += [
    pytest.param(
        "Kenya approves labour agreement\n"
        "The President has approved the agreement between the governments of Kenya and Qatar "
        "on labour migration. It was signed on 15 April 2019 in Doha.",
        [{"parties": ["Kenya", "Qatar"], "date": "2019-04-15", "place": "Doha"}],
        id="date-and-place-from-it-was-signed",
    ),
    pytest.param(
        "Kenya and Qatar sign deal\n"
        "Kenya and Qatar signed an agreement on trafficking. The deal was inked by the two "
        "ministers at a meeting in Doha.",
        [{"parties": ["Kenya", "Qatar"], "place": "Doha"}],
        id="place-from-the-deal-was-inked",
    ),
    pytest.param(
        "Kenya approves labour agreement\n"
        "The President has approved the agreement between the governments of Kenya and Qatar "
        "on labour migration. A second agreement, on health, was signed in Paris in 2018.",
        [{"date": None, "place": None}, {"date": "2018", "place": "Paris"}],
        id="another-act-signed-later-gives-none-of-its-date-and-place",
    ),
]


# the one act of a report told only as "an agreement" is the memorandum its headline names
CASES += [
    pytest.param(
        "WHO and UNHCR sign MoU on refugee health\n"
        "The World Health Organization and UNHCR today signed a new agreement to improve the "
        "health of refugees.",
        [{"type": "memorandum"}],
        id="an-agreement-under-a-headline-naming-a-memorandum-is-one",
    ),
    pytest.param(
        "WHO and UNHCR sign MoU on refugee health\n"
        "The World Health Organization and UNHCR today signed the Geneva Health Agreement.",
        [{"type": "agreement", "name": "Geneva Health Agreement"}],
        id="a-named-agreement-keeps-its-type-under-a-memorandum-headline",
    ),
    pytest.param(
        "Labour ministry and ILO cooperate\n"
        "The Ministry of Labour and the ILO signed a deal on Monday to protect migrant "
        "workers. The MoU will run for three years.",
        [{"type": "memorandum"}],
        id="an-agreement-the-report-names-a-memorandum-elsewhere-is-one",
    ),
    pytest.param(
        "Labour ministry and ILO cooperate\n"
        "The Ministry of Labour and the ILO signed a deal on Monday to protect migrant "
        "workers. The deal builds on their joint declaration and the MoU of 2015.",
        [{"type": "agreement"}],
        id="not-when-the-report-names-other-kinds-of-act-besides",
    ),
    pytest.param(
        "Ghana and Togo sign labour mobility agreement\n"
        "The Governments of Ghana and Togo today signed an agreement to facilitate labour "
        "mobility. The agreement builds on a 2018 Memorandum of Understanding on border "
        "management.",
        [{"type": "agreement"}],
        id="not-an-earlier-memorandum-the-report-names",
    ),
]


# a coalition launched is a network of its members
CASES += [
    pytest.param(
        "Unions launch coalition on migrant workers\n"
        "Nairobi – Twelve trade unions, among them the Kenya Plantation Workers Union and the "
        "Domestic Workers Union of Kenya, today launched the Coalition for Fair Migration.",
        [{"type": "network", "status": "launched"}],
        id="a-coalition-launched-is-a-network",
    ),
]


# sentences that only look like those of this session's rules
CASES += [
    pytest.param(
        "Kenya and Qatar move to implement labour MoU\n"
        "Kenya and Qatar today signed an agreement to implement the memorandum of "
        "understanding they concluded in 2018.",
        [{"type": "agreement"}],
        id="an-agreement-beside-the-memorandum-it-implements-stays-an-agreement",
    ),
    pytest.param(
        "Kenya and Qatar sign labour deal\n"
        "Kenya and Qatar signed a labour agreement on domestic workers. The ministers also "
        "discussed a petition from migrant workers. It was signed by 5,000 workers in Doha in "
        "January 2023.",
        [{"date": None, "place": None}],
        id="it-signed-two-sentences-on-is-no-longer-the-agreement",
    ),
    pytest.param(
        "Kenya and Qatar sign labour deal\n"
        "Kenya and Qatar signed a labour agreement on domestic workers. The deal, under "
        "negotiation since March 2018, was signed on 5 May 2021 in Doha.",
        [{"date": "2021-05-05", "place": "Doha"}],
        id="the-date-on-which-the-deal-was-signed-not-another-in-its-sentence",
    ),
]


# who signs as a witness is no side's signer
CASES += [
    pytest.param(
        "Ghana and Togo sign MoU on seasonal workers\n"
        "A memorandum of understanding on seasonal workers was signed in Lome on Tuesday by the "
        "two ministers. Ghana was represented by Kofi Addo, Minister of the Interior, while IOM "
        "Chief of Mission Anna Rossi signed as a witness.",
        [{"parties": ["Ghana", "Togo"], "signatories": ["Kofi Addo"]}],
        id="a-witness-who-signs-is-no-signatory-and-their-body-no-party",
    ),
]


# a state's release names its own state most: the other side of an act with one state
CASES += [
    pytest.param(
        "President speaks on workers abroad\n"
        "Kenya has changed its policy towards its citizens working abroad, the President of "
        "Kenya said. An agreement on labour migration has been reached with Oman. Kenya will "
        "open two more labour offices.",
        [{"type": "agreement", "parties": ["Oman", "Kenya"]}],
        id="the-release-s-most-named-state-is-the-other-side-of-a-one-state-act",
    ),
    pytest.param(
        "Ministers speak on workers abroad\n"
        "The ministers of Ghana and Togo met on Monday. An agreement on labour migration has "
        "been reached with Oman.",
        [{"type": "agreement", "parties": ["Oman"]}],
        id="no-state-named-more-than-the-others-adds-no-side",
    ),
    pytest.param(
        "Minister speaks on workers abroad\n"
        "The minister met officials from Ghana on Monday. An agreement on labour migration "
        "has been reached with Oman.",
        [{"type": "agreement", "parties": ["Oman"]}],
        id="a-state-named-once-is-a-passing-mention",
    ),
    pytest.param(
        "Cabinet approves pact on workers abroad\n"
        "The Cabinet approved an agreement with Oman to protect Indians working there. "
        "Indians in Qatar and Indian workers in Qatar face the same risks, the minister "
        "said.",
        [{"type": "agreement", "parties": ["Oman"]}],
        id="a-release-speaking-of-its-own-people-more-than-of-a-named-state-adds-no-side",
    ),
    pytest.param(
        "Minister speaks on workers abroad\n"
        "The Dominican Republic hosted the talks, and the Dominican Republic will fund two "
        "centres. An agreement on labour migration has been reached with Spain.",
        [{"type": "agreement", "parties": ["Spain", "Dominican Republic"]}],
        id="a-nationality-word-inside-a-name-is-no-other-state-s-people",
    ),
    pytest.param(
        "Kenya adopts plan\n"
        "Kenya adopted a national action plan against trafficking on Monday. Many victims are "
        "trafficked to Saudi Arabia. Saudi Arabia hosts 100,000 Kenyan workers.",
        [{"type": "other", "parties": ["Kenya"]}],
        id="a-plan-one-state-adopts-has-one-side",
    ),
]

# a dateline of another month than the act's is where the report was filed
CASES += [
    pytest.param(
        "Fishers' deal comes into force\n"
        "Accra, April 20 (GNA) - A collective agreement signed by the Fishers' Union and the "
        "Tuna Association on 16 December 2022 came into force this month.",
        [{"type": "agreement", "date": "2022-12-16", "place": None}],
        id="a-dateline-of-another-month-places-the-report-not-the-act",
    ),
    pytest.param(
        "Fishers' deal signed\n"
        "Accra, December 20 (GNA) - A collective agreement was signed by the Fishers' Union "
        "and the Tuna Association on 16 December 2022.",
        [{"type": "agreement", "date": "2022-12-16", "place": "Accra"}],
        id="a-dateline-of-the-act-s-month-places-it",
    ),
    pytest.param(
        "Fishers' deal signed\n"
        "Accra, May 1 (GNA) - A collective agreement was signed by the Fishers' Union and the "
        "Tuna Association on 30 April 2023.",
        [{"type": "agreement", "date": "2023-04-30", "place": "Accra"}],
        id="a-report-filed-the-next-day-in-another-month-places-the-act",
    ),
]

# an act noun in a role's portfolio names no act
CASES += [
    pytest.param(
        "EU and agency sign contribution agreement\n"
        "The European Union Representative John Smith and the Director of Partnerships of "
        "UNRWA, Karim Amer, signed on Thursday the contribution agreement.",
        [{"type": "agreement", "signatories": ["John Smith", "Karim Amer"]}],
        id="a-director-of-partnerships-is-a-role-not-a-partnership",
    ),
]

# the country after a body's bracketed acronym names its office, not a side
CASES += [
    pytest.param(
        "Migration\n"
        "The German Development Co-operation and the International Organization for "
        "Migration (IOM) Ghana have signed a Memorandum of Understanding.",
        [
            {
                "type": "memorandum",
                "parties": [
                    "German Development Co-operation",
                    "International Organization for Migration",
                ],
            }
        ],
        id="an-office-named-after-the-bracketed-acronym",
    ),
    pytest.param(
        "Migration\n"
        "The International Organization for Migration (IOM) and Ghana have signed a "
        "Memorandum of Understanding.",
        [{"type": "memorandum", "parties": ["International Organization for Migration", "Ghana"]}],
        id="a-country-coordinated-after-the-bracket-is-a-side",
    ),
]

# "deal", the news word for an agreement, with its adjectives
CASES += [
    pytest.param(
        "Migration\nGhana and Qatar signed a new deal on labour migration on Monday.",
        [{"type": "agreement", "parties": ["Ghana", "Qatar"]}],
        id="a-new-deal-is-an-agreement",
    ),
    pytest.param(
        "Migration\nThe governments of Chile and Peru signed an agreement on migration in Lima "
        "on Monday. The text covers consular assistance. Foreign Minister Ana Soto signed for the "
        "Chilean government, while her counterpart Luis Vega signed on behalf of Peru.",
        [{"parties": ["Chile", "Peru"], "signatories": ["Ana Soto", "Luis Vega"]}],
        id="signed-for-a-side-two-sentences-on",
    ),
    pytest.param(
        "Migration\nChile and Peru signed an agreement on migration in Lima on Monday. The text "
        "covers consular assistance. Minister Ana Soto signed for a loan of 5 million dollars.",
        [{"parties": ["Chile", "Peru"], "signatories": []}],
        id="signed-for-no-side-signs-no-act",
    ),
    pytest.param(
        "Migration\nChile and Peru signed an agreement on migration on Monday. The agreement was "
        "signed in Lima, with Maria Lopez, Minister of the Interior of Chile, and Luis Vega, "
        "Minister of the Interior of Peru, signing on behalf of their governments.",
        [{"parties": ["Chile", "Peru"], "signatories": ["Maria Lopez", "Luis Vega"]}],
        id="with-x-and-y-signing",
    ),
    pytest.param(
        "Migration\nThe Minister of Labour of Kenya, Florence Bore, met with Qatari Labour "
        "Minister Ali bin Samikh Al Marri in Doha on 3 May 2023, signing a bilateral labour "
        "agreement on domestic workers.",
        [{"parties": ["Kenya"], "signatories": ["Florence Bore"]}],
        id="x-met-with-y-signing-x-signed",
    ),
    pytest.param(
        "Migration\nChile and Peru signed an agreement on migration on Monday. The agreement "
        "covers consular assistance. In December 2018, Foreign Minister Maria Lopez signed for "
        "Chile in Marrakech, where the Global Compact for Migration was adopted.",
        [{"parties": ["Chile", "Peru"], "signatories": [], "date": None, "place": None}],
        id="an-earlier-signing-for-a-side-is-another",
    ),
    pytest.param(
        "Migration\nKenya and Qatar signed an agreement on labour migration. The document, which "
        "was signed on 1 March 2024 in Doha, aims to protect workers.",
        [{"parties": ["Kenya", "Qatar"], "date": "2024-03-01", "place": "Doha"}],
        id="the-document-which-was-signed-on-a-day-in-a-place",
    ),
    pytest.param(
        "Ministers sign memorandum\n"
        "Labour Secretary Maria Santos signed the memorandum with Papua New Guinea on Monday. "
        "Santos signed it in a simple ceremony at the ministry. Peter Kaupa, the PNG "
        "Ambassador to the Philippines, signed on behalf of the Papua New Guinea government.",
        [{"type": "memorandum", "signatories": ["Maria Santos", "Peter Kaupa"]}],
        id="a-signer-with-a-role-in-apposition-signed-on-behalf-of-a-government",
    ),
    pytest.param(
        "Ministers sign labour agreement\n"
        "The labour ministers of Fiji and Samoa signed the agreement on seasonal work during "
        "a working visit to Apia.",
        [{"type": "agreement", "place": "Apia"}],
        id="signed-during-a-visit-to-a-town-there",
    ),
    pytest.param(
        "Ministers sign labour agreement\n"
        "The agreement was signed on the occasion of the Prime Minister's official visit to "
        "Ghana.",
        [{"type": "agreement", "place": "Ghana"}],
        id="signed-on-the-occasion-of-a-visit-to-a-country-there",
    ),
    pytest.param(
        "Ministers sign labour agreement\n"
        "After a visit to Apia last year, the labour ministers of Fiji and Samoa signed the "
        "agreement on seasonal work.",
        [{"type": "agreement", "place": None}],
        id="a-visit-before-the-signing-is-not-where-it-was-signed",
    ),
    pytest.param(
        "Bank and agency sign memorandum\n"
        "The Atlas Bank and the Refugee Agency signed a memorandum of understanding on "
        "Monday. “I am proud to sign this memorandum with the Agency, which will open new "
        "accounts to refugees,” said Maria Lindqvist, Chief Executive of the Atlas Bank.",
        [{"type": "memorandum", "signatories": ["Maria Lindqvist"]}],
        id="a-speaker-whose-quoted-words-say-she-signs-this-act",
    ),
    pytest.param(
        "Bank and agency sign memorandum\n"
        "The Atlas Bank and the Refugee Agency signed a memorandum of understanding on "
        "Monday. “We are proud to sign this memorandum with the Agency,” said Maria "
        "Lindqvist, Chief Executive of the Atlas Bank.",
        [{"type": "memorandum", "signatories": []}],
        id="we-sign-speaks-for-a-body-not-for-who-signed",
    ),
    pytest.param(
        "Bank and agency sign memorandum\n"
        "The Atlas Bank and the Refugee Agency signed a memorandum of understanding on "
        "Monday. “I would not sign this memorandum without the unions,” said Paul Okafor, "
        "a board member of the Atlas Bank.",
        [{"type": "memorandum", "signatories": []}],
        id="a-speaker-who-says-he-would-not-sign-it-did-not",
    ),
    pytest.param(
        "Bank and agency sign memorandum\n"
        "The Atlas Bank and the Refugee Agency signed a memorandum of understanding on "
        "Monday. “I call on all banks in the region to sign the memorandum,” said Maria "
        "Lindqvist, Chief Executive of the Atlas Bank.",
        [{"type": "memorandum", "signatories": []}],
        id="a-speaker-who-calls-on-others-to-sign-did-not-sign",
    ),
    pytest.param(
        "Bank and agency sign memorandum\n"
        "The Atlas Bank and the Refugee Agency signed a memorandum of understanding on "
        "Monday. “I have asked the regional banks to sign this memorandum too,” said Maria "
        "Lindqvist, Chief Executive of the Atlas Bank.",
        [{"type": "memorandum", "signatories": []}],
        id="a-speaker-who-asked-others-to-sign-did-not-sign",
    ),
    pytest.param(
        "Bank and agency sign memorandum\n"
        "The Atlas Bank and the Refugee Agency signed a memorandum of understanding on "
        "Monday. “When I signed the Global Compact in 2018, I knew this day would come,” "
        "said Maria Lindqvist, Chief Executive of the Atlas Bank.",
        [{"type": "memorandum", "signatories": []}],
        id="a-speaker-who-signed-another-act-another-time-did-not-sign-this-one",
    ),
    pytest.param(
        "Bank and agency sign memorandum\n"
        "The Atlas Bank and the Refugee Agency signed a memorandum of understanding on "
        "Monday. Maria Lindqvist welcomed it. “I am proud to sign this memorandum.” Paul "
        "Okafor of the Refugee Agency said the memorandum would help refugees.",
        [{"type": "memorandum", "signatories": []}],
        id="a-closed-quote-is-not-the-next-sentence-s-speaker-s",
    ),
    pytest.param(
        "Kenya and donors sign memorandum\n"
        "The memorandum was signed by Labour Minister Simon Chelugui and witnessed by Maria "
        "Svensson, Ambassador of Sweden to Kenya, on behalf of the donor community.",
        [{"type": "memorandum", "signatories": ["Simon Chelugui"]}],
        id="a-witness-on-behalf-of-others-did-not-sign",
    ),
    pytest.param(
        "Bank and agency sign memorandum\n"
        "The Atlas Bank and the Refugee Agency signed a memorandum of understanding on "
        "Monday. ‘I am honoured to sign the Memorandum of Understanding with the Agency. It "
        "will open accounts to refugees,’ said Maria Lindqvist, Chief Executive of the Atlas "
        "Bank.",
        [{"type": "memorandum", "signatories": ["Maria Lindqvist"]}],
        id="honoured-to-sign-the-memorandum-of-understanding-in-single-quotes",
    ),
    pytest.param(
        "Bank and agency sign memorandum\n"
        "The Atlas Bank and the Refugee Agency signed a memorandum of understanding on "
        "Monday. “As I sign this memorandum today, I thank the Agency,” said Maria Lindqvist, "
        "Chief Executive of the Atlas Bank.",
        [{"type": "memorandum", "signatories": ["Maria Lindqvist"]}],
        id="as-i-sign-this-memorandum",
    ),
]


def extract(parse, text):
    tables = doc_tables([parse(text)])
    return tables["agreements"].to_dict("records"), tables["commitments"]


def comparable(row: dict, expected: dict) -> dict:
    """The row's values of the expected keys, in the expected form."""
    got = {key: None if row[key] != row[key] else row[key] for key in expected}  # NaN: None
    for key in ("parties", "party_countries"):
        if key in got:
            got[key] = list(got[key])
    if "signatories" in expected:
        pairs = expected["signatories"] and isinstance(expected["signatories"][0], tuple)
        got["signatories"] = [
            (s["name"], s["role"]) if pairs else s["name"] for s in row["signatories"]
        ]
    return got


@pytest.mark.parametrize("text, expected", CASES)
def test_release_to_agreement_rows(parse, text, expected):
    rows, _ = extract(parse, text)
    assert [comparable(row, want) for row, want in zip(rows, expected, strict=False)] == expected
    assert len(rows) == len(expected)


def test_commitments_are_linked_to_their_agreement_and_take_its_parties(parse):
    rows, commitments = extract(parse, CASES[0].values[0])
    assert list(commitments.iloc[0]["actors"]) == [IOM, "Ministry of the Interior"]
    assert commitments.iloc[0]["agreement_id"] == rows[0]["agreement_id"]


def test_a_call_of_the_parties_does_not_make_its_addressee_an_actor(parse):
    _, commitments = extract(parse, CASES[12].values[0])
    assert "European Union" not in set(commitments["actors"].explode())


def test_passive_will_without_an_agreement_is_not_a_commitment(parse):
    rows, commitments = extract(parse, CASES[5].values[0])
    assert rows == [] and len(commitments) == 0


@pytest.mark.parametrize(
    "text, name, credit",
    [
        (
            "Ghana signs labour MoU with its diaspora - Daily Trust\nThe MoU was signed.",
            "Daily Trust",
            True,
        ),
        (
            "Ghana signs labour MoU with its diaspora | Daily Trust\nThe MoU was signed.",
            "Daily Trust",
            True,
        ),
        ("Daily Graphic – The ministry signed an MoU on Monday.", "Daily Graphic", True),
        ("UNHCR – the UN Refugee Agency – and Ghana signed an MoU.", "UNHCR", False),
        ("UNICEF – The agency signed an MoU with Ghana on Monday.", "UNICEF", False),
        ("Accra Star – UNICEF: The two signed a charter on Monday.", "Accra Star", False),
        (
            "Accra Star – The ministry signed an MoU. Accra Star has learnt more.",
            "Accra Star",
            False,
        ),
        ("Ghana and Togo sign a labour MoU with UNICEF\nThe MoU was signed.", "UNICEF", False),
        (
            "Labour plan adopted\nThe labour plan was adopted at the meeting of the Joint "
            "Council on Monday, Accra Star has learned.",
            "Accra Star",
            True,
        ),
    ],
)
def test_news_sources_credited_on_a_line_are_no_parties(parse, text, name, credit):
    from pipeline.agreements.context import DocContext
    from pipeline.agreements.source_credits import is_source_credit
    from pipeline.nlp.payloads import Mention

    ctx = DocContext(parse(text))
    start = ctx.text.index(name)
    found = [m for m in ctx.mentions if (m.start, m.end) == (start, start + len(name))]
    mention = found[0] if found else Mention(start, start + len(name), "ORG", "test")
    assert is_source_credit(ctx, mention) is credit


def test_signers_hung_on_the_dateline_place_sign_for_their_bodies(parse):
    rows, _ = extract(
        parse,
        "Agreement on privileges signed\n"
        "GENEVA, 3 May 2010 – The Ambassador of Denmark, John Smith, and the Director General "
        "of the World Food Programme, Peter Brandt, have signed an agreement granting the staff "
        "privileges.",
    )
    assert len(rows) == 1
    assert set(rows[0]["parties"]) == {"Denmark", "World Food Programme"}
    assert [s["name"] for s in rows[0]["signatories"]] == ["John Smith", "Peter Brandt"]


def test_a_body_whose_name_holds_a_person_s_name_is_no_body_a_signer_signs_for():
    from types import SimpleNamespace

    from pipeline.agreements.signers import holds_a_person
    from pipeline.nlp.payloads import Mention

    person = SimpleNamespace(mention=SimpleNamespace(norm="Ana Lopes"))
    ctx = SimpleNamespace(people={"person:ana-lopes": person})
    cut = Mention(0, 60, "ORG", "model.ORG", norm="High Commissioner for Refugees Ana Lopes")
    body = Mention(0, 40, "ORG", "model.ORG", norm="Office of the High Commissioner")
    assert holds_a_person(ctx, cut) and not holds_a_person(ctx, body)


@pytest.mark.parametrize(
    "second, rows",
    [
        ("Moldova and the EU also signed a visa facilitation agreement.", 2),
        ("Moldova and the EU signed the readmission agreement after long talks.", 1),
    ],
    ids=["two-acts-named-apart", "one-act-told-twice"],
)
def test_acts_between_the_same_sides_named_apart_are_two(parse, second, rows):
    text = (
        "Migration deals\nMoldova and the EU signed a readmission agreement in Brussels on "
        f"Monday. {second}"
    )
    found = doc_tables([parse(text)])["agreements"]
    assert len(found) == rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Signing\nUNHCR signed a Host Country Agreement with Ghana, which will enhance its "
            "ability to cooperate with the Ministry of the Interior.",
            [["Ghana", "Office of the United Nations High Commissioner for Refugees"]],
            id="a-with-of-a-clause-on-the-act-says-what-it-is-for",
        ),
        pytest.param(
            "Signing\nUNHCR signed an agreement on cooperation with Ghana on Monday.",
            [["Ghana", "Office of the United Nations High Commissioner for Refugees"]],
            id="a-with-of-the-act-s-own-phrase-is-a-side",
        ),
        pytest.param(
            "Signing\nUNHCR signed an agreement to cooperate with Ghana on returns.",
            [["Ghana", "Office of the United Nations High Commissioner for Refugees"]],
            id="a-with-of-the-act-s-own-aim-is-a-side",
        ),
        pytest.param(
            "Signing\nThe ILO signed a memorandum with Kenya's largest trade union federation, "
            "the Central Organization of Trade Unions, on Tuesday.",
            [["Central Organization of Trade Unions", "International Labour Organization"]],
            id="the-name-after-a-described-side-is-the-side-wherever-the-parse-hung-it",
        ),
        pytest.param(
            "Signing\nThe ILO signed a memorandum with Kenya's largest trade union federation, "
            "the Central Organization of Trade Unions and the Federation of Kenya Employers.",
            [
                [
                    "Central Organization of Trade Unions",
                    "Federation of Kenya Employers",
                    "International Labour Organization",
                ]
            ],
            id="and-every-name-listed-with-it",
        ),
        pytest.param(
            "Signing\nUNICEF signed an agreement with the ministry, the International "
            "Organization for Migration reported.",
            [["United Nations Children's Fund"]],
            id="a-source-after-a-described-side-is-no-side",
        ),
    ],
)
def test_the_sides_named_with_are_the_act_s_own_not_a_clause_s(act_parties, text, expected):
    assert act_parties(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "MoU signed\nA memorandum was signed with the University of Regina on Monday. The "
            "agreement was signed during a mission to Canada. The signatories for the other "
            "side were the International Organization for Migration and the Mauritius "
            "Institute of Training and Development.",
            [
                [
                    "International Organization for Migration",
                    "Mauritius Institute of Training and Development",
                    "University of Regina",
                ]
            ],
            id="two-sentences-after-the-act",
        ),
        pytest.param(
            "MoU signed\nA memorandum was signed in Accra on Monday. The signatories of the "
            "MoU were the International Organization for Migration and UNICEF.",
            [["International Organization for Migration", "United Nations Children's Fund"]],
            id="the-signatories-of-the-act",
        ),
        pytest.param(
            "Charter signed\nGhana signed the Charter on Monday. Earlier signatories were "
            "Kenya and Uganda.",
            [["Ghana"]],
            id="earlier-signatories-are-another-time-s",
        ),
        pytest.param(
            "MoU signed\nGhana and IOM signed an MoU on Monday. The first signatories of the "
            "2018 Global Compact were Morocco and Mexico.",
            [["Ghana", "International Organization for Migration"]],
            id="another-act-s-signatories",
        ),
        pytest.param(
            "Declaration signed\nThe Joint Declaration was signed in Rome on Monday. The talks "
            "went well. The weather was fine. The signatories were the Anglican Communion "
            "and the Lutheran World Federation.",
            [[]],
            id="too-far-after-the-act",
        ),
    ],
)
def test_the_bodies_named_as_the_signatories_are_parties(act_parties, text, expected):
    assert act_parties(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Ghana and Togo sign MoU\nThe Minister of Foreign Affairs of Ghana, Kofi Mensah, "
            "and the Minister of Foreign Affairs of Togo, Ama Dzifa, met in Lome. They signed "
            "a Memorandum of Understanding between the Ministries of Foreign Affairs of the "
            "two countries.",
            [["Ghana", "Togo"]],
            id="the-ministries-of-the-two-countries",
        ),
        pytest.param(
            "Ghana and Togo sign MoU\nThe Minister of Foreign Affairs of Ghana, Kofi Mensah, "
            "and the Minister of Foreign Affairs of Togo, Ama Dzifa, met in Lome. They signed "
            "a Memorandum of Understanding with the Ministries of Health of the region.",
            [["Ministries of Health"]],
            id="not-of-the-two-countries",
        ),
    ],
)
def test_a_plural_body_of_both_sides_stands_for_the_sides(act_parties, text, expected):
    assert act_parties(text) == expected


def test_who_congratulates_others_on_signing_did_not_sign(parse):
    rows, _ = extract(
        parse,
        "Ghana and Togo sign labour agreement\n"
        "ACCRA, 3 May 2021 - Ghana and Togo signed a labour agreement on Monday. President "
        "Yao Dogbe congratulated Minister Kofi Mensah and Minister Ama Lawson on signing the "
        "agreement.",
    )
    assert all(s["name"] != "Yao Dogbe" for row in rows for s in row["signatories"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Labour Minister Ana Silva and IOM chief Pedro Costa shook hands after signing the "
            "agreement in Lisbon.",
            ["Ana Silva", "Pedro Costa"],
            id="the-subjects-of-a-clause-after-signing",
        ),
        pytest.param(
            "A protocol was signed on Friday at the Palace of Nations between the Minister of "
            "Labour of Malta, Joe Borg, and the Minister of Labour of Ghana, Ama Owusu.",
            ["Joe Borg", "Ama Owusu"],
            id="between-hung-on-the-venue",
        ),
        pytest.param(
            "Labour Minister Ana Silva and Interior Minister Rui Costa signed the memorandum "
            "on Tuesday at a meeting between President Joao Lima and Prime Minister Eva Mota.",
            ["Ana Silva", "Rui Costa"],
            id="a-meeting-between-two-others-is-no-venue",
        ),
        pytest.param(
            "Ghana and Lebanon signed a labour agreement on Monday. Domestic worker Efua Boateng "
            "lost her savings after signing a contract with a recruitment agency.",
            [],
            id="after-signing-something-else",
        ),
        pytest.param(
            "Italy and Tunisia signed a readmission agreement on Tuesday. Returnee Karim Said "
            "received 500 euros upon signing a voluntary return declaration.",
            [],
            id="one-person-after-signing-a-declaration-of-their-own",
        ),
        pytest.param(
            "Labour Minister Ana Silva and Interior Minister Rui Costa signed the memorandum "
            "on Tuesday at the Summit between President Joao Lima and Prime Minister Eva Mota.",
            ["Ana Silva", "Rui Costa"],
            id="a-named-summit-between-two-others-is-no-venue",
        ),
        pytest.param(
            "Minister Ana Silva congratulated IOM chief Pedro Costa on signing the agreement.",
            [],
            id="on-signing-after-a-congratulation-names-no-speaker",
        ),
    ],
)
def test_who_signs_in_a_clause_or_a_between_the_parse_misplaced(parse, text, expected):
    rows, _ = extract(parse, "Two sides sign agreement on labour migration\n" + text)
    assert [s["name"] for row in rows for s in row["signatories"]] == expected


@pytest.mark.parametrize(
    ("participle", "part_of_it"),
    [("establishing", True), ("creating", True), ("amending", False), ("welcoming", False)],
)
def test_only_what_an_act_sets_up_is_part_of_it(parse, participle, part_of_it):
    doc = parse(f"Ghana and Togo signed a Joint Declaration {participle} a framework for trade.")
    nouns = {t.i for t in doc if t.lower_ in ("declaration", "framework")}
    framework = next(t for t in doc if t.lower_ == "framework")
    assert established_by_another(framework, nouns) is part_of_it
