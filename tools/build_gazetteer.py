"""Regenerate pipeline/patterns/organisations.jsonl from the table below.

Each body: entity key, canonical name, full names (matched case-insensitively)
and acronyms (matched case-sensitively, so "WHO" is not "who").
Run: python tools/build_gazetteer.py
"""

import json
from pathlib import Path

BODIES = [
    (
        "iom",
        "International Organization for Migration",
        [
            "International Organization for Migration",
            "International Organisation for Migration",
            "UN Migration",
            "UN Migration Agency",
        ],
        ["IOM"],
    ),
    (
        "un",
        "United Nations",
        [  # not "UN agencies", "the United Nations system": the name and a common noun,
            # whose mention is the name (as the development gold has it)
            "United Nations",
            "United Nations Organization",
            "United Nations Organisation",
        ],
        ["UN"],
    ),
    (
        "un_network_migration",
        "United Nations Network on Migration",
        ["United Nations Network on Migration", "UN Network on Migration"],
        ["UNNM"],
    ),
    (
        "unhcr",
        "Office of the United Nations High Commissioner for Refugees",
        [
            "Office of the United Nations High Commissioner for Refugees",
            "United Nations High Commissioner for Refugees",
            "UN High Commissioner for Refugees",
            "UN Refugee Agency",
            "United Nations Refugee Agency",
        ],
        ["UNHCR"],
    ),
    (
        "ohchr",
        "Office of the United Nations High Commissioner for Human Rights",
        [
            "Office of the United Nations High Commissioner for Human Rights",
            "UN Human Rights Office",
            "UN Human Rights",
        ],
        ["OHCHR"],
    ),
    (
        "unicef",
        "United Nations Children's Fund",
        ["United Nations Children's Fund", "UN Children's Fund"],
        ["UNICEF"],
    ),
    (
        "undp",
        "United Nations Development Programme",
        ["United Nations Development Programme", "UN Development Programme"],
        ["UNDP"],
    ),
    (
        "unfpa",
        "United Nations Population Fund",
        ["United Nations Population Fund", "UN Population Fund"],
        ["UNFPA"],
    ),
    (
        "unodc",
        "United Nations Office on Drugs and Crime",
        ["United Nations Office on Drugs and Crime", "UN Office on Drugs and Crime"],
        ["UNODC"],
    ),
    (
        "unwomen",
        "UN Women",
        ["UN Women", "United Nations Entity for Gender Equality and the Empowerment of Women"],
        [],
    ),
    (
        "unesco",
        "United Nations Educational, Scientific and Cultural Organization",
        ["United Nations Educational, Scientific and Cultural Organization"],
        ["UNESCO"],
    ),
    ("unhabitat", "UN-Habitat", ["UN-Habitat", "United Nations Human Settlements Programme"], []),
    (
        "unrwa",
        "United Nations Relief and Works Agency for Palestine Refugees in the Near East",
        [
            "United Nations Relief and Works Agency for Palestine Refugees in the Near East",
            "United Nations Relief and Works Agency",
        ],
        ["UNRWA"],
    ),
    (
        "ocha",
        "United Nations Office for the Coordination of Humanitarian Affairs",
        [
            "United Nations Office for the Coordination of Humanitarian Affairs",
            "UN Office for the Coordination of Humanitarian Affairs",
        ],
        ["OCHA", "UNOCHA"],
    ),
    (
        "unep",
        "United Nations Environment Programme",
        ["United Nations Environment Programme", "UN Environment Programme"],
        ["UNEP"],
    ),
    (
        "unaids",
        "Joint United Nations Programme on HIV/AIDS",
        ["Joint United Nations Programme on HIV/AIDS"],
        ["UNAIDS"],
    ),
    (
        "ilo",
        "International Labour Organization",
        [
            "International Labour Organization",
            "International Labour Organisation",
            "International Labor Organization",
        ],
        ["ILO"],
    ),
    (
        "who",
        "World Health Organization",
        ["World Health Organization", "World Health Organisation"],
        ["WHO"],
    ),
    ("wfp", "World Food Programme", ["World Food Programme", "UN World Food Programme"], ["WFP"]),
    (
        "fao",
        "Food and Agriculture Organization of the United Nations",
        [
            "Food and Agriculture Organization of the United Nations",
            "Food and Agriculture Organization",
        ],
        ["FAO"],
    ),
    ("world_bank", "World Bank", ["World Bank", "World Bank Group"], []),
    ("imf", "International Monetary Fund", ["International Monetary Fund"], ["IMF"]),
    (
        "unsc",
        "United Nations Security Council",
        ["United Nations Security Council", "UN Security Council", "Security Council"],
        ["UNSC"],
    ),
    (
        "unga",
        "United Nations General Assembly",
        ["United Nations General Assembly", "UN General Assembly"],
        ["UNGA"],
    ),
    (
        "unhrc",
        "United Nations Human Rights Council",
        ["United Nations Human Rights Council", "UN Human Rights Council", "Human Rights Council"],
        [],
    ),
    (
        "crc_committee",
        "UN Committee on the Rights of the Child",
        [
            "UN Committee on the Rights of the Child",
            "UN Committee of the Rights of the Child",
            "United Nations Committee on the Rights of the Child",
            "Committee on the Rights of the Child",
        ],
        [],
    ),
    (
        "cmw_committee",
        "UN Committee on Migrant Workers",
        [
            "UN Committee on Migrant Workers",
            "Committee on Migrant Workers",
            "Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families",
        ],
        ["CMW"],
    ),
    ("eu", "European Union", ["European Union"], ["EU"]),
    ("ec", "European Commission", ["European Commission"], []),
    ("ep", "European Parliament", ["European Parliament"], []),
    ("frontex", "Frontex", ["Frontex", "European Border and Coast Guard Agency"], []),
    ("euaa", "European Union Agency for Asylum", ["European Union Agency for Asylum"], ["EUAA"]),
    ("coe", "Council of Europe", ["Council of Europe"], []),
    (
        "osce",
        "Organization for Security and Co-operation in Europe",
        [
            "Organization for Security and Co-operation in Europe",
            "Organization for Security and Cooperation in Europe",
        ],
        ["OSCE"],
    ),
    (
        "icmpd",
        "International Centre for Migration Policy Development",
        ["International Centre for Migration Policy Development"],
        ["ICMPD"],
    ),
    ("au", "African Union", ["African Union", "African Union Commission"], ["AU", "AUC"]),
    (
        "ecowas",
        "Economic Community of West African States",
        ["Economic Community of West African States", "ECOWAS Commission"],
        ["ECOWAS"],
    ),
    (
        "igad",
        "Intergovernmental Authority on Development",
        ["Intergovernmental Authority on Development"],
        ["IGAD"],
    ),
    (
        "sadc",
        "Southern African Development Community",
        ["Southern African Development Community"],
        ["SADC"],
    ),
    ("eac", "East African Community", ["East African Community"], ["EAC"]),
    (
        "asean",
        "Association of Southeast Asian Nations",
        ["Association of Southeast Asian Nations", "Association of South-East Asian Nations"],
        ["ASEAN"],
    ),
    (
        "saarc",
        "South Asian Association for Regional Cooperation",
        ["South Asian Association for Regional Cooperation"],
        ["SAARC"],
    ),
    ("cis", "Commonwealth of Independent States", ["Commonwealth of Independent States"], ["CIS"]),
    (
        "ipa_cis",
        "Interparliamentary Assembly of Member Nations of the Commonwealth of Independent States",
        [
            "Interparliamentary Assembly of Member Nations of the Commonwealth of Independent States",
            "Inter-Parliamentary Assembly of Member Nations of the Commonwealth of Independent States",
            "Interparliamentary Assembly of the Commonwealth of Independent States",
            "CIS Interparliamentary Assembly",
            "CIS Inter-Parliamentary Assembly",
            "Interparliamentary Assembly of the CIS",
        ],
        ["IPA CIS"],
    ),
    ("eaeu", "Eurasian Economic Union", ["Eurasian Economic Union"], ["EAEU"]),
    ("las", "League of Arab States", ["League of Arab States", "Arab League"], []),
    ("gcc", "Gulf Cooperation Council", ["Gulf Cooperation Council"], ["GCC"]),
    ("oas", "Organization of American States", ["Organization of American States"], ["OAS"]),
    (
        "ifrc",
        "International Federation of Red Cross and Red Crescent Societies",
        ["International Federation of Red Cross and Red Crescent Societies"],
        ["IFRC"],
    ),
    (
        "icrc",
        "International Committee of the Red Cross",
        ["International Committee of the Red Cross"],
        ["ICRC"],
    ),
    ("interpol", "INTERPOL", ["Interpol", "International Criminal Police Organization"], []),
    ("europol", "Europol", ["Europol"], []),
    (
        "oecd",
        "Organisation for Economic Co-operation and Development",
        ["Organisation for Economic Co-operation and Development"],
        ["OECD"],
    ),
    (
        "unitar",
        "United Nations Institute for Training and Research",
        ["United Nations Institute for Training and Research"],
        ["UNITAR"],
    ),
    # humanitarian NGOs and development banks that sign with the bodies above
    ("save_the_children", "Save the Children", ["Save the Children"], []),
    ("nrc", "Norwegian Refugee Council", ["Norwegian Refugee Council"], ["NRC"]),
    ("drc_council", "Danish Refugee Council", ["Danish Refugee Council"], []),
    ("irc", "International Rescue Committee", ["International Rescue Committee"], []),
    (
        "msf",
        "Médecins Sans Frontières",
        ["Médecins Sans Frontières", "Medecins Sans Frontieres", "Doctors Without Borders"],
        ["MSF"],
    ),
    ("world_vision", "World Vision", ["World Vision", "World Vision International"], []),
    ("oxfam", "Oxfam", ["Oxfam", "Oxfam International"], []),
    ("caritas", "Caritas", ["Caritas", "Caritas Internationalis"], []),
    ("plan_international", "Plan International", ["Plan International"], []),
    ("jrs", "Jesuit Refugee Service", ["Jesuit Refugee Service"], ["JRS"]),
    ("mmc", "Mixed Migration Centre", ["Mixed Migration Centre"], []),
    (
        "gfmd",
        "Global Forum on Migration and Development",
        ["Global Forum on Migration and Development"],
        ["GFMD"],
    ),
    ("afdb", "African Development Bank", ["African Development Bank"], ["AfDB"]),
    ("adb", "Asian Development Bank", ["Asian Development Bank"], []),
    ("idb", "Inter-American Development Bank", ["Inter-American Development Bank"], ["IDB"]),
    (
        "ebrd",
        "European Bank for Reconstruction and Development",
        ["European Bank for Reconstruction and Development"],
        ["EBRD"],
    ),
    (
        "sage",
        "Strategic Advisory Group of Experts on Immunization",
        ["Strategic Advisory Group of Experts on Immunization"],
        ["SAGE"],
    ),
]

# The bodies of the United Nations system (the UN System Chart: the UN's organs, funds,
# programmes, specialized agencies and related organizations) among those above.
UN_SYSTEM = frozenset(
    {
        "iom", "un", "un_network_migration", "unhcr", "ohchr", "unicef", "undp", "unfpa",
        "unodc", "unwomen", "unesco", "unhabitat", "unrwa", "ocha", "unep", "unaids", "ilo",
        "who", "wfp", "fao", "world_bank", "imf", "unsc", "unga", "unhrc", "crc_committee",
        "cmw_committee", "unitar",
    }
)  # fmt: skip

# Names of documents, programmes and diseases that the statistical model
# mistakes for organisations or people; matched here so that they are not.
NOT_ENTITIES = [
    (
        "gcm",
        [
            "Global Compact for Safe, Orderly and Regular Migration",
            "Global Compact for Migration",
            "Global Compact on Migration",
            "Global Compact",
        ],
        ["GCM"],
    ),
    ("gcr", ["Global Compact on Refugees"], ["GCR"]),
    ("agenda_2030", ["2030 Agenda", "2030 Agenda for Sustainable Development", "Agenda 2030"], []),
    ("sdgs", ["Sustainable Development Goals", "Sustainable Development Goal"], ["SDGs", "SDG"]),
    ("covid", ["COVID-19", "COVID", "Covid-19", "coronavirus", "SARS-CoV-2"], []),
    ("uhc", ["Universal Health Coverage"], ["UHC"]),
    (
        "intl_migrants_day",
        [
            "International Migrants Day",
            "International Migrants' Day",
            "World Refugee Day",
            "World Day Against Trafficking in Persons",
        ],
        [],
    ),
]


OUT = Path(__file__).resolve().parents[1] / "pipeline" / "patterns" / "organisations.jsonl"


def patterns() -> list[dict]:
    """One EntityRuler pattern per name and acronym of every body, then the names that are
    no entities (MISC)."""
    assert not UN_SYSTEM - {body[0] for body in BODIES}, "UN_SYSTEM names a body not in BODIES"
    lines = []
    for key, canonical, names, acronyms in BODIES:
        system = {"system": "un"} if key in UN_SYSTEM else {}
        for i, name in enumerate(names):
            lines.append(
                {
                    "id": f"gaz.{key}.name{i}",
                    "entity": key,
                    "canonical": canonical,
                    "label": "ORG",
                    "pattern": name,
                }
                | system
            )
        for i, acronym in enumerate(acronyms):
            lines.append(
                {
                    "id": f"gaz.{key}.acronym{i}",
                    "entity": key,
                    "canonical": canonical,
                    "label": "ORG",
                    "pattern": [{"TEXT": part} for part in acronym.split()],
                }
                | system
            )
    for key, names, acronyms in NOT_ENTITIES:
        for i, name in enumerate(names):
            lines.append(
                {"id": f"notent.{key}.name{i}", "entity": key, "label": "MISC", "pattern": name}
            )
        for i, acronym in enumerate(acronyms):
            lines.append(
                {
                    "id": f"notent.{key}.acronym{i}",
                    "entity": key,
                    "label": "MISC",
                    "pattern": [{"TEXT": acronym}],
                }
            )
    return lines


def render(lines: list[dict]) -> str:
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)


def main() -> None:
    lines = patterns()
    OUT.write_text(render(lines), encoding="utf-8")
    print(f"wrote {len(lines)} patterns to {OUT}")


if __name__ == "__main__":
    main()
