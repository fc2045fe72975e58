from pathlib import Path

import pytest

from pipeline.clean import (
    chrome_rule,
    clean_text,
    is_foreign_script,
    is_menu_shaped,
    recurring_lines,
)
from pipeline.page_lines import is_date_line

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"

LEAD_ON_THE_MEMORANDUM = (
    "Ghana and Togo signed a memorandum of understanding on seasonal workers in Accra on "
    "Monday, the Ministry of Labour said in a statement issued to the press on Tuesday."
)
LONG_SENTENCE = (
    "Representatives of the two governments met today in the capital to relaunch their "
    "working group on labour migration and agreed to exchange information on recruitment "
    "agencies every quarter."
)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("-", "lone_dash"),
        ("Exit mobile version", "pattern:footer_exit_mobile"),
        ("Share this article", "pattern:share_line"),
        ("© 2024 International Organization for Migration", "pattern:copyright"),
        (
            "WHO WE AREThe International Organization for Migration (IOM) is part of the UN.",
            "glued_heading",
        ),
        (
            "Our WorkAs the leading inter-governmental organization, IOM plays a key role.",
            "glued_heading",
        ),
        ("- Data and Resources", "menu_item"),
        ("Take Action", "menu_item"),
        ("Cross-cutting (Global)", "menu_item"),
        ("IOM and Ukraine’s Ministry of Interior Boost Cooperation on Migration Governance", None),
        ("In the field of healthcare:", None),
        ("No one is safe until everyone is safe.", None),
        (
            "- to guarantee the right of all migrant workers to just and favourable conditions;",
            None,
        ),
        # metadata of aggregators and news sites (lines written for these tests)
        ("Published on 14 Mar 2021 View Original", "pattern:published_on"),
        ("Posted: 3 May 2019", "pattern:published_on"),
        ("Source: Associated Press of Pakistan", "pattern:metadata_field"),
        ("Source organisation: World Food Programme", "pattern:metadata_field"),
        ("date 2021-03-14 14 Mar 2021", "pattern:iso_date_stamp"),
        ("from World Food Programme, UN Children's Fund", "pattern:from_sources"),
        ("By Maria Lopez", "pattern:byline"),
        ("By International Federation of Red Cross and Red Crescent Societies", "pattern:byline"),
        ("By AK - Mar 02, 2016 - Last updated at Mar 02, 2016", "pattern:byline"),
        ("Photo: UNHCR/John Smith", "pattern:photo_credit"),
        ("1 2 3 4 5", "pattern:pagination"),
        ("Post Views: 2,304", "pattern:post_stats"),
        ("4 min read", "pattern:post_stats"),
        ("By editor 3 Min Read", "pattern:byline_read_time"),
        ("Leave a Reply", "pattern:comment_form"),
        (
            "Your email address will not be published. Required fields are marked *",
            "pattern:comment_form",
        ),
        ("2 Comments", "pattern:comment_form"),
        ("comments powered by Disqus", "pattern:comment_form"),
        ("Read also Kenya opens a labour office in Doha", "pattern:read_also_link"),
        ("2 minutes, 10 seconds Read", "pattern:post_stats"),
        ("Reading time: 4 min", "pattern:post_stats"),
        ("Copy link for sharing", "pattern:share_widget"),
        ("Let others know by sharing", "pattern:share_widget"),
        ("PDF - 1.4 MB", "pattern:file_size"),
        ("Download PDF (350 KB)", "pattern:file_size"),
        ('Image of "The ministers at the signing in Nairobi"', "pattern:image_alt_text"),
        ("A+ A-", "pattern:text_size"),
        (
            "When citing any materials, a hyperlink to the site is mandatory.",
            "pattern:reuse_notice",
        ),
        ("Read also the joint statement of the ministers.", None),
        ("Also read at the ceremony was a message from the Secretary-General", None),
        (
            "When using the new online platform, employers are required to register each "
            "migrant worker within 30 days.",
            None,
        ),
        ("• A", "pattern:text_size"),
        ("A new agreement was signed in Nairobi on Monday.", None),
        ("Categories: PBN", "pattern:metadata_field"),
        ("Press Release Type: Global", "pattern:metadata_field"),
        (
            "Language English Posted: Wednesday, May 2, 2018 - 17:11Image: Region-Country: Kenya",
            "pattern:cms_fields",
        ),
        ("Changed on 2 May, 2020 - 10:15", "pattern:changed_on"),
        # time stamps, credits, share buttons, field names (lines written for these tests)
        ("Tuesday, 14/3/2023 | 10:05 UTC+3", "pattern:timestamp"),
        ("09:30 LOCAL TIME 06:30 GMT", "pattern:timestamp"),
        ("2021-05-04 11:20 | www.example-news.az", "pattern:timestamp"),
        ("(Source: Daily Courier)", "pattern:source_credit"),
        ("(AFP)", "pattern:source_credit"),
        ("(Tanjug) jk", "pattern:source_credit"),
        ("• Share on Pinterest", "pattern:share_on"),
        ("Share on Weibo", "pattern:share_on"),
        (
            'Use WeChat to "scan" the QR code to share this story with your friends.',
            "pattern:share_widget",
        ),
        (
            "By continuing to use this site, you agree to our terms and privacy notice.",
            "pattern:cookie_notice",
        ),
        ("Sorry, the comment form is closed at this time.", "pattern:comment_form"),
        ("buy amoxil online no prescription", "pattern:pharmacy_spam"),
        ("Buy bus tickets online at the new portal, the ministry said.", None),
        ("By using the new portal, employers agree to register each migrant worker.", None),
        # a body's name after "By" is a byline; a sentence or a heading opening so is not
        ("By strengthening the capacity of the national migration council", None),
        ("By the end of the year the fund will have helped refugees", None),
        ("By joining the Global Alliance we can protect more children", None),
        ("By Supporting Migrant Workers the Union Shows the Way", None),
        ("By Popular Demand Council Extends Migrant Programme", None),  # a verb after the body
        ("Tweet about this on X", "pattern:call_to_action"),
        ("Subscribe to our WhatsApp channel", "pattern:call_to_action"),
        ("Stay up to date with our latest updates", "pattern:call_to_action"),
        ("Support our work: donate to the Migrant Rights Fund today.", "pattern:call_to_action"),
        ("Share this story with your colleagues", "pattern:call_to_action"),
        ("Skip to main navigation", "pattern:skip_link"),
        ("<- Back to: International Migration Policies", "pattern:widget_text"),
        ("Back to work: the migrants returned on Monday.", None),
        ("Sign up for e-mail news updates.", "pattern:call_to_action"),
        ("Workers can sign up for the scheme's updates at the embassy.", None),
        ("Photo by: Jane Roe", "pattern:photo_credit"),
        ("Keyword tags:", "pattern:metadata_label"),
        (
            "Institutions: Ministry of Labour & Employment | Ministry of External Affairs",
            "pattern:taxonomy_line",
        ),
        ("Regions: the ministers met in Geneva and Bern", None),  # a sentence, no pipes
        ("session-16jan2018-009", "pattern:file_name"),
        ("img_2041_final.jpg", "pattern:file_name"),
        ("Kindly share this story:", "pattern:call_to_action"),
        # a breadcrumb run into the headline, whatever the page's other lines
        (
            "HomeImmigration NewsIOM Commends the Signing of Migration Data-Sharing Memorandum",
            "glued_heading",
        ),
        ("Homeless migrants received shelter in Athens on Monday.", None),
        ("HomeNet South Asia and ILO sign agreement on home-based workers", None),  # a name
        ("HomeBusinessGovernment, diaspora team up", "glued_heading"),
        ("By Ministry of Overseas Pakistanis and Human Resource Development", "pattern:byline"),
        ("Date published on source:", "pattern:metadata_label"),
        ("document type", "pattern:metadata_label"),
        ("Pokaż tylko artykuły, które spełniają:", "foreign_language"),
        ("Met dank overgenomen van de Raad", "foreign_language"),
        ("Related information:", "pattern:related_links"),
        ("Related", "pattern:related_links"),
        ("Related to the talks, the ministry said it would act.", None),
        ("-- End --", "pattern:end_marker"),
        ("ENDS", "pattern:end_marker"),
        ("-30-", "pattern:end_marker"),
        ("The end of the talks came on Monday.", None),
        (
            "Sign Up to receive the latest news from the Migrant Workers Centre",
            "pattern:call_to_action",
        ),
        ("Sign up to help refugees in your city this winter.", None),
        ("Sign up to receive updates on the new visa scheme, the ministry said.", None),
        ("Home>News>Ghana and Togo sign a labour agreement", "pattern:breadcrumb"),
        ("Event location:", "pattern:place_label"),
        ("Location: the signing took place in Accra.", None),
        ("Mời quý độc giả theo dõi tin tức trên", "foreign_language"),
        ("U.S. Suspends Central American Asylum Agreements", None),  # initials, no Czech "u"
        ("Last news", "pattern:related_links"),
        ("E.g., 06/02/2024", "pattern:widget_text"),  # a date field's placeholder
        ("The last news from the talks came on Monday.", None),
        ("Post Your Say", "pattern:comment_form"),
        (
            "Selected comments will be published in the Readers’ Forum page of our paper.",
            "pattern:comment_form",
        ),
        ("The rest of this article is available to subscribers only.", "pattern:paywall"),
        ("Buy the article. Price: 2 tokens", "pattern:paywall"),
        ("The story consists of 2,734 characters (without spaces).", "pattern:paywall"),
        ("To continue reading, log in or subscribe.", "pattern:paywall"),
        ("The rest of the workers will arrive in June, the ministry said.", None),
        ("No media source currently available", "pattern:media_player"),
        ("Your browser does not support the video tag.", "pattern:media_player"),
        (
            "For the latest COVID-19 information and updates from the Foundation, please "
            "visit our Statements page",
            "pattern:site_banner",
        ),
        ("For the latest COVID-19 figures, the ministry said, see the annex.", None),
        ("For the latest COVID-19 information, migrants can call the IOM hotline 1234.", None),
        ("Minister Nguyễn Thị Hằng signed the memorandum for Viet Nam in Hà Nội.", None),
        ("Nguyễn Thị Hằng, Đặng Văn Hải and Trần Đức Lương signed for Việt Nam.", None),
        ("Most Read from National", "pattern:related_links"),
        ("Editor's Picks", "pattern:related_links"),
        ("Updated at : November 17, 2018 08:15", "pattern:published_on"),
        ("By Jane Mensah:", "pattern:byline"),
        ("Autor: jmensah", "pattern:byline"),
        ("By Kofi Boateng Published May 4, 2021", "pattern:byline"),
        ("by Inés Núñez, Zoë Adèle Martin", "pattern:byline"),
        ("By Jane Doe, Kofi Mensah and Ana de Souza", "pattern:byline"),
        ("Last updated: 2nd March 2021", "pattern:published_on"),
        ("https://news.example.org//node/12345", "pattern:url_line"),
        ("Migrant Rights Network logo", "pattern:logo_alt_text"),
        ("[Source: Ministry of Labour]", "pattern:source_credit"),
        ("(Photo: GNA)", "pattern:photo_credit"),
        ("(Photo courtesy of the Ministry of Labour)", "pattern:photo_credit"),
        ("No comments:", "pattern:comment_form"),
        ("Please enter your comment!", "pattern:comment_form"),
        ("Leave a Reply/Comment here", "pattern:comment_form"),
        ("Fill in your details below or click an icon to log in:", "pattern:comment_form"),
        (
            "You are commenting using your Twitter account. Log Out / Change )",
            "pattern:comment_form",
        ),
        ("Add Reply", "pattern:comment_form"),
        ("Journalist: Jane Mensah", "pattern:staff_credit"),
        ("Editor: Kofi B.", "pattern:staff_credit"),
        ("Link copied to your clipboard.", "pattern:share_widget"),
        ("Image may contain: 3 people, people standing", "pattern:image_alt_text"),
        ("Distributed by APO Group on behalf of the Ministry of Labour.", "pattern:distributed_by"),
        ("ADVERTISEMENT", "pattern:site_widgets"),
        ("- Advertisement -", "pattern:site_widgets"),
        ("Spread the love", "pattern:site_widgets"),
        ("Loading...", "pattern:widget_text"),
        ("You might also like:", "pattern:widget_text"),
        ("More like this", "pattern:widget_text"),
        ("Related photos", "pattern:widget_text"),
        ("Full album »", "pattern:widget_text"),
        ("bottom of page", "pattern:widget_text"),
        ("Visitor Counter : 1,204", "pattern:widget_text"),
        ("• 2,310 Views", "pattern:widget_text"),
        ("12 views0 comments", "pattern:widget_text"),
        ("3 weeks ago", "pattern:widget_text"),
        ("Getting your Acme Audio player ready...", "pattern:widget_text"),
        ("An official website of the United States government", "pattern:us_gov_banner"),
        (
            "An official website of the United States Government Here's how you know",
            "pattern:us_gov_banner",
        ),
        ("Official websites use .gov", "pattern:us_gov_banner"),
        ("Secure .gov websites use HTTPS", "pattern:us_gov_banner"),
        (
            "A lock ( ) or https:// means you’ve safely connected to the .gov website. Share "
            "sensitive information only on official, secure websites.",
            "pattern:us_gov_banner",
        ),
        ("The site is secure.", None),  # a sentence of the body, not the banner's alone
        ("By subscribing, you agree to our Terms and Privacy Policy.", "pattern:widget_text"),
        ("Enter your email address below to get our newsletter.", "pattern:widget_text"),
        ("Keep your colleagues informed by sharing this story", "pattern:widget_text"),
        ("chevron-down icon", "pattern:widget_text"),
        ("This statement is also available in:", "pattern:widget_text"),
        ("Cookie consent by Acme", "pattern:cookie_notice"),
        ("By: Kofi Mensah", "pattern:byline"),
        ("Share post:", "pattern:share_line"),
        ("Share This On:", "pattern:share_line"),
        ("Pin +1 Share 0 Shares", "pattern:share_counter"),
        ("Tweet Share 0", "pattern:share_counter"),
        ("Kofi Mensah 42 minutes ago", "pattern:widget_text"),
        ("Kofi Mensah 5 hours ago Tue 3rd May 2022 | 10:15 AM", "pattern:widget_text"),
        ("The two ministers met in Accra 3 weeks ago to sign the agreement.", None),
        ("Fishermen rescued 3 days ago reach Malta", None),
        ("Workers who register early can subscribe here.", None),
        ("Ghana and Togo signed it in Accra on Monday. Subscribe here.", None),
        ("Read full story on: Accra Times", "pattern:widget_text"),
        ("This article is more than 3 years old", "pattern:widget_text"),
        ("Minsk videos on YouTube from Radio Minsk. Subscribe here.", "pattern:widget_text"),
        ("Share the benefits of migration with host communities", None),
        ("Read full story on the agreement in the annex.", None),
        ("This article is more than a summary of the talks.", None),
        ("Courtesy: news.example.gov.in", "pattern:source_credit"),
        ("※ Source : Ghana Employers Association", "pattern:source_credit"),
        ("Edited and translated by Ana Souza", "pattern:edit_credit"),
        ("Read more on the Accra Times website", "pattern:widget_text"),
        ("Read the full declaration below.", "pattern:widget_text"),
        ("Click on the image above to see more", "pattern:widget_text"),
        ("<< Back", "pattern:widget_text"),
        ("« Back to news", "pattern:widget_text"),
        ("Source: IOM, 2019. The figures show a rise in arrivals.", None),
        ("Source: more than 3,000 migrants arrived in May, the ministry said.", None),
        ("Translation services expanded for asylum seekers in Greece", None),
        ("translation services in all reception centres;", None),
        ("Translated by the ministry, the law enters into force in May.", None),
        ("Read more about the programme in the annual report of the Ministry.", None),
        ("Loading of the ships began in May.", None),
        ("3 weeks ago, the ministers met in Accra to sign the agreement.", None),
        ("The views of 300 migrant workers were heard.", None),
        ("Related photos were shared by the ministry after the signing.", None),
        ("ALSO READ: Ghana and Togo sign five cooperation deals", "pattern:read_also_link"),
        ("See also: New labour migration policy adopted", "pattern:read_also_link"),
        ("Next Post Previous Post", "pattern:post_navigation"),
        ("Previous Story Next Story", "pattern:post_navigation"),
        ("Jane Mensah June 4, 2022 at 9:15 PM", "pattern:comment_header"),
        ("• Anonymous March 3, 2021 at 10:02", "pattern:comment_header"),
        ("Читайте также:", "foreign_script"),
        ("المزيد من الأخبار", "foreign_script"),
        # sentences that only look like them stay
        ("By 2030, the two countries plan to double the number of work permits.", None),
        ("By Monday, Kenya and Qatar will sign the labour agreement.", None),
        ("By working together, we can end exploitation", None),
        ("By working together, unions and employers", None),
        ("The union unveiled its new campaign logo", None),
        ("Published 2nd edition of the Kenya-Qatar labour guide", None),
        ("See https://example.org for the full text of the agreement.", None),
        ("From 2015 to 2020, IOM assisted 3,000 returnees in the region.", None),
        ("Published reports show a rise in arrivals.", None),
        ("Views of the ministers differed on the timeline.", None),
        ("No comments were made by the ministry on the talks.", None),
        ("Posted workers will be covered by the agreement.", None),
        ("The Zürich office of Caritas signed the agreement.", None),
        ("The talks began at 10:30 in Geneva.", None),
        ("Geneva, 12:00 - IOM said the talks went well", None),
        ("27 October, 2011", None),
        ("(continued from the first page of the report)", None),
        ("The Ministerio de Trabajo y Seguridad Social signed the agreement.", None),
        ("Die Welt reported on the talks.", None),
        ("El Salvador and Costa Rica sign a labour mobility deal", None),
        ("Read more about the agreement in the annex of the report.", None),
        ("The next article of the agreement covers social security.", None),
        ("The ministers met on June 4, 2022 at 9:15 in Accra.", None),
        ("By Monday, the two ministries had agreed on the text.", None),
        ("Photos of the signing ceremony were shared by the Ministry.", None),
        ("Distributed equitably, the funds will reach 3,000 migrants.", None),
        ("Advertisement campaigns will warn migrants of fraudulent recruiters.", None),
        ("Journalists: the ministry will hold a briefing at noon in Accra today.", None),
        ("By Kwame Mensah March 31, 2023 at 7:52 AM", None),  # a byline: not a comment
        ("The signing ceremony will be held on June 4, 2022 at 10:00 AM", None),
        ("Ceremony will be held on June 4, 2022 at 10:00 AM", None),
        ("By then the ministry had published its report on recruitment agencies.", None),
        ("By March the two governments had updated the list of approved recruiters.", None),
        ("Distributed by IOM and UNHCR, the kits contain hygiene items for 5,000 migrants.", None),
        ("Related: the ministry also launched a hotline for migrant workers.", None),
        ("Most read the agreement as a step forward for migrant workers.", None),
        ("Add reply forms to the migrant registration system, the minister said.", None),
        ("Share the news of the agreement with all partners in the region, she said.", None),
        ("Share the burden of hosting refugees fairly, the minister said.", None),
        ("Support our work", "pattern:call_to_action"),
        ("Photo_signing ceremony 2019.jpeg", "pattern:image_file_name"),
        ("IMG_2041.JPG", "pattern:image_file_name"),
        ("The agreement was signed in Accra. Photos: signing.jpg", None),
        ("Pictures of the signing ceremony are available as a ZIP file.", None),
        ("Follow us on the road to fair recruitment, the campaign's director wrote.", None),
        ("377", "pattern:lone_count"),
        ("1,216", "pattern:lone_count"),
        ("16.2", None),  # a section's number
        ("• Visitors: 8489", "pattern:post_stats"),
        ("Date 08/04/19/14:01", "pattern:iso_date_stamp"),
        ("Date 8/4/2019 of the next meeting was set by the ministers.", None),
        ("Date 8/4/2019 was set for the next meeting.", None),
        ("Posted by the ministry on its website, the 2019 plan was welcomed.", None),
        ("Posted by IOM on 2 May 2019 in Accra, the plan was welcomed.", None),
        ("Posted by BankInfo on Mon, Mar 19 2012 09:43 am", "pattern:byline"),
        ("Posted by Media Centre on September 22, 2016 in News", "pattern:byline"),
        ("Posted by the ministry on its website, the 2019 plan sets out five priorities.", None),
        ("Other materials of «Migration»", "pattern:related_links"),
        ("Other Articles", "pattern:related_links"),
        ("Similar news", "pattern:related_links"),
        ("Other news from the region will follow, the minister said.", None),
        ("Other materials of the ministry were shared with the delegation.", None),
        ("PRINT DISCUSSION ENGLISH SEND", "pattern:toolbar_words"),
        ("Print | Email | Share", "pattern:toolbar_words"),
        ("Send an email to the ministry to register.", None),
        ("Questions?Comments? Click here", "pattern:call_to_action"),
        ("Subscribe to our email alerts", "pattern:call_to_action"),
        ("Subscribe to our alerts on labour migration, the ministry said.", None),
        ("Unions Call for Fair Recruitment ( 12 Messages)", "pattern:counted_link"),
        ("The union received 12 messages (and 3 letters) from migrant workers.", None),
        (
            "To activate the text-to-speech service, agree to the privacy policy.",
            "pattern:speech_widget",
        ),
        ("Listen to this article", "pattern:speech_widget"),
        ("Listen to this article's authors, the minister told the delegates.", None),
        ("Click to start listening", "pattern:speech_widget"),
        ("Article continues below", "pattern:widget_text"),  # an advertisement's gap
        ("Story continues after the advertisement", "pattern:widget_text"),
        ("The article continues to be shared widely.", None),
        ("What to read next", "pattern:related_links"),
        ("Read next", "pattern:related_links"),
        ("How informative is this news?", "pattern:reader_feedback"),
        ("Was this article helpful?", "pattern:reader_feedback"),
        ("How informative is this news for migrant workers, the union asked its members.", None),
        # a trail ending in a long headline
        (
            "Media centre | News | Ministers must act now to protect the health of migrant and "
            "displaced workers in the region, say two agencies",
            "pattern:breadcrumb",
        ),
        (  # a label and a long headline, no trail: the headline
            "Press release | Ghana and Togo sign a memorandum of understanding on the "
            "recruitment and protection of domestic workers",
            None,
        ),
        # a body's byline with its acronym
        ("By Regional Communication Office (RCO)", "pattern:byline"),
        ("By the way (see below)", None),
        ("By: | September 3, 2018", "pattern:byline"),  # the author left empty
        ("By 2018 - the target year - the two states will have signed.", None),
        ("By-laws passed in 2019 protect migrants.", None),
    ],
)
def test_chrome_rule(line, expected):
    assert chrome_rule(line, None, None, set(), frozenset()) == expected


def test_doubled_menu_item():
    assert chrome_rule("About", "Who We Are", "About", set(), frozenset()) == "doubled"


def test_menu_shape_needs_no_sentence_punctuation():
    assert is_menu_shaped("Get involved")
    assert not is_menu_shaped("He said so.")
    assert not is_menu_shaped("JOINT STATEMENT of the Assembly, the Office and the WHO")


def test_seed_page_chrome_removed_body_kept():
    raw = (SEEDS / "001_b51f69d1ad4ad5d3.txt").read_text(encoding="utf-8")
    cleaned = clean_text(raw, frozenset())
    assert (
        cleaned.title
        == "IOM and Ukraine’s Ministry of Interior Boost Cooperation on Migration Governance"
    )
    assert cleaned.text.startswith(cleaned.title + "\nKyiv — The International Organization")
    assert "WHO WE ARE" not in cleaned.text
    assert "IOM Global" not in cleaned.text
    assert cleaned.text.endswith("strengthening data security and cybersecurity.")
    rules = {rule for _, _, rule in cleaned.removed}
    assert {"glued_heading", "lone_dash", "doubled"} <= rules


def test_recurring_lines_across_documents():
    texts = [
        "Menu\nA headline for the first story\nBody.",
        "Menu\nAnother headline of a story\nBody.",
    ]
    assert "Menu" in recurring_lines(texts)
    assert "Body." in recurring_lines(texts)


WIDE_WRAPPED = [
    "The Director of the Agency and the Executive Secretary of the Regional Economic Commission will",
    "today sign a memorandum of understanding on labour mobility and the protection of migrant workers",
    "in the region, the Secretariat of the Commission said in a statement issued in Lusaka on Monday",
    "morning.",
    "The signing in Lusaka is expected to be attended by the heads of the delegations of the states of",
    "the Commission and by the development agency Enabel.",
]
WIDE_ITEMS = [
    "Kenya and Qatar signed a labour agreement in Doha on Monday to protect the workers they send.",
    "Under the agreement:",
    "Kenya will open a labour attache office in Doha and register recruitment agencies by June",
    "Qatar will inspect employers of domestic workers every year and publish the results online",
    "Workers will receive a contract in Swahili and English before they leave for the Gulf states",
    "The two ministries will meet every six months to review the recruitment of Kenyan workers",
]
WIDE_PARAGRAPHS = [
    "The Director of the Agency and the Executive Secretary signed the memorandum in Lusaka today.",
    "The memorandum covers labour mobility and the protection of migrant workers in the region.",
    "The signing in Lusaka was attended by the heads of the delegations of the member states.",
    "The Secretariat will report on the first steps of the joint work at the next annual meeting.",
    "Both sides thanked the member states of the Commission for their kind and generous support.",
]


@pytest.mark.parametrize(
    "raw, lines",
    [
        pytest.param(
            "Headline about a signing ceremony today\nBody sentence one.\n- a list item\nExit mobile version\n",
            ["Headline about a signing ceremony today", "Body sentence one.", "- a list item"],
            id="a-footer-goes-a-list-item-stays",
        ),
        pytest.param(
            "Ghana, Togo to sign labour agreement\n"
            "Previous story Next story\n"
            "Ghana and Togo will sign a labour mobility agreement in Accra on Monday.\n"
            "The agreement covers seasonal workers.\n",
            [
                "Ghana, Togo to sign labour agreement",
                "Ghana and Togo will sign a labour mobility agreement in Accra on Monday.",
                "The agreement covers seasonal workers.",
            ],
            # a closing line (links to other posts) right under the headline ends nothing
            id="a-closing-line-under-the-headline-does-not-end-the-body",
        ),
        pytest.param(
            "Ghana, Togo sign labour agreement\n"
            "Ghana and Togo signed a labour mobility agreement in Accra on Monday.\n"
            "ALSO READ: Ghana and Togo sign five cooperation deals\n"
            "The agreement covers seasonal workers.\n"
            "Next Post Previous Post\n"
            "  • Anonymous\n"
            "    Anonymous March 31, 2023 at 7:52 AM\n"
            "    Is it true that they signed it?\n",
            [
                "Ghana, Togo sign labour agreement",
                "Ghana and Togo signed a labour mobility agreement in Accra on Monday.",
                "The agreement covers seasonal workers.",
            ],
            id="a-link-in-the-body-and-readers-comments-under-the-post-go",
        ),
        pytest.param(
            "Agencies to sign memorandum on labour mobility\n"
            "The Director of the Agency and the Executive Secretary of the\n"
            "Commission will today sign a memorandum of understanding on\n"
            "labour mobility and the protection of migrant workers in the\n"
            "region.\n"
            "The signing in Lusaka is expected to be attended by the heads\n"
            "of the delegations of the member states of the Commission.\n",
            [
                "Agencies to sign memorandum on labour mobility",
                "The Director of the Agency and the Executive Secretary of the Commission will today "
                "sign a memorandum of understanding on labour mobility and the protection of migrant "
                "workers in the region.",
                "The signing in Lusaka is expected to be attended by the heads of the delegations of the "
                "member states of the Commission.",
            ],
            id="a-hard-wrapped-release-is-joined-into-paragraphs",
        ),
        pytest.param(
            "Agencies to sign memorandum on labour mobility\n" + "\n".join(WIDE_WRAPPED) + "\n",
            [
                "Agencies to sign memorandum on labour mobility",
                " ".join(WIDE_WRAPPED[:4]),
                " ".join(WIDE_WRAPPED[4:]),
            ],
            id="a-release-wrapped-wider-mid-sentence-is-joined-too",
        ),
        pytest.param(
            "Agencies sign memorandum on labour mobility\n" + "\n".join(WIDE_PARAGRAPHS),
            ["Agencies sign memorandum on labour mobility", *WIDE_PARAGRAPHS],
            id="one-sentence-paragraphs-of-that-width-stay-apart",
        ),
        pytest.param(
            "Kenya and Qatar sign labour agreement\n" + "\n".join(WIDE_ITEMS),
            ["Kenya and Qatar sign labour agreement", *WIDE_ITEMS],
            id="list-items-of-that-width-without-a-stop-stay-apart",
        ),
        pytest.param(
            "Agencies agree on five points\n"
            "The agencies agreed to:\n"
            "- share data on arrivals;\n"
            "- train border officials;\n"
            "- open two reception centres;\n"
            "- report every quarter.\n",
            [
                "Agencies agree on five points",
                "The agencies agreed to:",
                "- share data on arrivals;",
                "- train border officials;",
                "- open two reception centres;",
                "- report every quarter.",
            ],
            id="short-lines-and-lists-are-not-joined",
        ),
        pytest.param(
            " date 2019-01-25 Ministers agree to sign a labour mobility MoU\n" + LONG_SENTENCE,
            ["Ministers agree to sign a labour mobility MoU", LONG_SENTENCE],
            id="a-crawler-s-date-field-run-into-the-headline-is-cut-off-it",
        ),
    ],
)
def test_the_lines_a_cleaned_release_keeps(raw, lines):
    assert clean_text(raw).text.split("\n") == lines


def test_a_related_content_heading_ends_the_body():
    raw = (
        "Skip to main content\nAbout IOM\nOur Work\nNews\n12 Jan 2023\n"
        "IOM and Kenya Sign Agreement on Migrant Welfare\n"
        "Nairobi – IOM and the State Department for Diaspora Affairs signed an agreement.\n"
        "For more information, please contact:\n"
        "Jane Doe, IOM Kenya, Tel: +254 700 000 000, Email: jdoe@iom.int\n"
        "Share\nFacebook\nEmail\nRelated Content\n"
        "IOM Kenya launches new migration health assessment centre\n"
        "Kenya: Migration Profile 2022\nSubscribe\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.title == "IOM and Kenya Sign Agreement on Migrant Welfare"
    assert cleaned.text.splitlines()[-1].startswith("Jane Doe, IOM Kenya")
    rules = {line: rule for _, line, rule in cleaned.removed}
    assert rules["Related Content"] == "pattern:related_links"
    assert rules["Kenya: Migration Profile 2022"] == "after_body"
    assert "12 Jan 2023" in rules  # above the headline


def test_a_related_news_list_of_story_teasers_still_ends_the_body():
    raw = (
        "Home > News\n"
        "Kenya and Qatar sign labour agreement\n"
        "Kenya and Qatar on Friday signed a bilateral labour agreement to protect the rights "
        "of Kenyan workers in Qatar.\n"
        "Related news\n"
        "Cabinet Secretary launches new labour attache programme to support Kenyan workers "
        "in the Gulf.\n"
        "Government opens three new migrant resource centres in Mombasa, Kisumu and Eldoret "
        "for job seekers.\n"
        "Ministry warns job seekers against unlicensed recruitment agencies advertising "
        "fake jobs...\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text.splitlines()[-1].startswith("Kenya and Qatar on Friday signed")


def test_a_related_links_box_inside_the_article_ends_no_body():
    raw = (
        "News > Africa\n"
        "Ghana and Togo Sign Labour Mobility Pact\n"
        "Ghana and Togo signed a labour mobility pact in Lome on Monday.\n"
        "RELATED:\n"
        "Africa: Remittances Rise Despite The Pandemic\n"
        '"We will open two recruitment centres for young workers this year," the ministers '
        "said in a joint statement.\n"
        "Both governments also agreed to exchange data on the workers they recruit each "
        "season.\n"
        "Related stories\n"
        "Nigeria opens a migrant resource centre\n"
        "Senegal and Spain review their circular migration scheme\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text.splitlines()[-1].startswith("Both governments also agreed")
    rules = {line: rule for _, line, rule in cleaned.removed}
    assert rules["RELATED:"] == "pattern:related_links"
    assert rules["Africa: Remittances Rise Despite The Pandemic"] == "inline_link"
    assert rules["Related stories"] == "pattern:related_links"  # the list that ends the page
    assert rules["Nigeria opens a migrant resource centre"] == "after_body"


@pytest.mark.parametrize(
    ("line", "foreign"),
    [
        ("The ministry signed the agreement on Monday.", False),
        ("Société Générale à Genève: l’accord signé", False),  # Latin with accents
        ("Министерство труда подписало меморандум", True),
        ("وقعت الوزارة مذكرة تفاهم", True),
        ("IOM / МОМ / المنظمة الدولية للهجرة", True),
        ("IOM 2024 — ok", False),
        ("Ω", False),  # too few letters to tell
    ],
)
def test_a_line_mostly_in_another_script_is_foreign(line, foreign):
    assert is_foreign_script(line) is foreign


@pytest.mark.parametrize(
    "line, dated",
    [
        ("PRESS RELEASE March 3, 2022", True),
        ("Wednesday, 8 May 2019", True),
        ("News | 12 June 2020", True),
        ("IOM and Ukraine sign an agreement in March 2023", False),
        ("Ministers adopt the 2030 plan", False),
    ],
)
def test_a_line_that_only_dates_the_release_is_no_headline(line, dated):
    assert is_date_line(line) is dated


@pytest.mark.parametrize(
    "raw, title, removed",
    [
        pytest.param(
            "ADC “Memorial” took part in international forum\n\nOn June 2-3, 2014 a forum took place.",
            "ADC “Memorial” took part in international forum",
            [],
            id="a-plain-text-without-chrome-is-untouched",
        ),
        pytest.param(
            "Headline about a signing ceremony today\nBody sentence one.\n- a list item\nExit mobile version\n",
            "Headline about a signing ceremony today",
            [(4, "Exit mobile version", "pattern:footer_exit_mobile")],
            id="a-footer-goes",
        ),
        pytest.param(
            "Helping the region trade better\n\n"
            "Joint statement of the three organisations on migrant protection\n"
            "Joint statement of the three organisations on migrant protection\n\n"
            "Geneva - The three organisations agreed to set up a task force.\n",
            "Joint statement of the three organisations on migrant protection",
            [(1, "Helping the region trade better", "before_headline")],
            id="a-headline-the-page-prints-twice-beats-a-tagline-above-it",
        ),
        pytest.param(
            "Embassy of the Republic of Ghana to the United Nations in Geneva\n"
            "About the embassy - Site Map - Useful links\n"
            "Statements of the ambassador on human rights\n"
            "Candidature of Ghana to the Human Rights Council for 2026-2028\n"
            "Humanitarian affairs\n"
            "Trade and investment\n"
            "Speeches of the president\n"
            "Consular services\n"
            "Visa information\n"
            "Labour agreement between Ghana and the ILO\n"
            "Labour agreement between Ghana and the ILO\n"
            "Ghana and the ILO signed a labour agreement in Geneva on Tuesday, the embassy said.\n",
            "Labour agreement between Ghana and the ILO",
            [
                (
                    1,
                    "Embassy of the Republic of Ghana to the United Nations in Geneva",
                    "before_headline",
                ),
                (2, "About the embassy - Site Map - Useful links", "before_headline"),
                (3, "Statements of the ambassador on human rights", "before_headline"),
                (
                    4,
                    "Candidature of Ghana to the Human Rights Council for 2026-2028",
                    "before_headline",
                ),
                (5, "Humanitarian affairs", "menu_item"),
                (6, "Trade and investment", "menu_item"),
                (7, "Speeches of the president", "menu_item"),
                (8, "Consular services", "menu_item"),
                (9, "Visa information", "menu_item"),
            ],
            id="a-headline-printed-twice-in-a-row-below-a-long-menu",
        ),
        pytest.param(
            "IOM and Ghana sign a labour migration agreement\n"
            + "".join(
                f"Paragraph {n} says a little about the agreement and its aims.\n" for n in range(8)
            )
            + "More news from West Africa this week\n"
            "More news from West Africa this week\n",
            "IOM and Ghana sign a labour migration agreement",
            [],
            id="a-line-twice-in-a-row-below-the-body-s-sentences-is-no-headline",
        ),
        pytest.param(
            "PRESS RELEASE March 3, 2022\nTwo agencies join forces on displacement data\nText.\n",
            "Two agencies join forces on displacement data",
            [(1, "PRESS RELEASE March 3, 2022", "before_headline")],
            id="a-date-line-above-the-headline-is-not-taken-for-it",
        ),
        pytest.param(
            "For information only - not an official document\n"
            "Regional Office for Southern Africa\n"
            "Ministers of Fiji and Tonga sign memorandum on seasonal work\n"
            + LONG_SENTENCE.replace("the two governments", "Fiji and Tonga").replace(
                "relaunch", "sign a memorandum on seasonal work and relaunch"
            )
            + "\n",
            "Ministers of Fiji and Tonga sign memorandum on seasonal work",
            [
                (1, "For information only - not an official document", "before_headline"),
                (2, "Regional Office for Southern Africa", "before_headline"),
            ],
            id="of-headline-shaped-lines-the-one-that-sums-up-the-lead",
        ),
        pytest.param(
            "Home page of the regional office\nSea change for the Pacific\n" + LONG_SENTENCE,
            "Home page of the regional office",
            [],
            # no line above the lead shares its words: the first one stays the headline
            id="no-headline-shares-words-with-the-lead",
        ),
        pytest.param(
            " date 2019-01-25 Ministers agree to sign a labour mobility MoU\n" + LONG_SENTENCE,
            "Ministers agree to sign a labour mobility MoU",
            [(1, "date 2019-01-25", "pattern:iso_date_stamp")],
            id="a-crawler-s-date-field-run-into-the-headline",
        ),
        pytest.param(
            "Latest stories\n"
            "Floods displace thousands of families in the north\n"
            "March 1, 2024\n"
            "Parliament debates the new asylum law this week\n"
            "February 28, 2024\n"
            "Region\n"
            "Ghana and Togo sign a memorandum on seasonal workers\n"
            "May 16, 2025\n"
            "Ghana and Togo signed a memorandum on seasonal workers in Accra on Tuesday, "
            "the two ministries said.\n",
            "Ghana and Togo sign a memorandum on seasonal workers",
            [
                (1, "Latest stories", "menu_item"),
                (2, "Floods displace thousands of families in the north", "before_headline"),
                (3, "March 1, 2024", "before_headline"),
                (4, "Parliament debates the new asylum law this week", "before_headline"),
                (5, "February 28, 2024", "before_headline"),
                (6, "Region", "menu_item"),
            ],
            id="a-list-of-the-site-s-dated-stories-above-the-headline-is-no-headline",
        ),
        pytest.param(
            "Ghana News Agency Online Portal\n"
            "Floods displace thousands of families in the north\n"
            "March 1, 2024\n"
            "Ghana and Togo sign a memorandum on seasonal workers\n"
            "May 16, 2025\n"
            "Ghana and Togo signed a memorandum on seasonal workers in Accra on Tuesday, in a "
            "ceremony attended by the two ministers of labour and the ambassadors of both "
            "countries.\n",
            "Ghana and Togo sign a memorandum on seasonal workers",
            [
                (1, "Ghana News Agency Online Portal", "before_headline"),
                (2, "Floods displace thousands of families in the north", "before_headline"),
                (3, "March 1, 2024", "before_headline"),
            ],
            id="a-dated-headline-beside-a-dated-story-that-sums-up-the-lead-is-the-headline",
        ),
        pytest.param(
            "Ministers adopt a declaration on migration\n"
            "Date published on source:\n25 June 2015\n"
            "The ministers adopted a declaration on free movement in Africa today.\n",
            "Ministers adopt a declaration on migration",
            [
                (2, "Date published on source:", "pattern:metadata_label"),
                (3, "25 June 2015", "metadata_value"),
            ],
            id="the-value-under-a-metadata-field-name-goes-with-it",
        ),
        pytest.param(
            "Home / News / Ghana / Ghana and Togo sign a memorandum on seasonal workers\n"
            + LONG_SENTENCE,
            "Ghana and Togo sign a memorandum on seasonal workers",
            [(1, "Home / News / Ghana /", "pattern:breadcrumb")],
            id="a-breadcrumb-trail-run-into-the-headline-is-cut-off-it",
        ),
        pytest.param(
            "Home » Ghana and Togo sign a memorandum on seasonal workers\n" + LONG_SENTENCE,
            "Ghana and Togo sign a memorandum on seasonal workers",
            [(1, "Home »", "menu_item")],
            id="a-one-step-breadcrumb-run-into-the-headline",
        ),
        pytest.param(
            "Home | Ghana and Togo sign a memorandum on seasonal workers | 12 May 2020\n"
            + LONG_SENTENCE,
            "Ghana and Togo sign a memorandum on seasonal workers | 12 May 2020",
            [(1, "Home |", "menu_item")],
            id="the-breadcrumb-ends-at-the-first-step-of-a-headline-s-size",
        ),
        pytest.param(
            "• Ghana and Togo sign a memorandum on seasonal workers\n" + LONG_SENTENCE,
            "Ghana and Togo sign a memorandum on seasonal workers",
            [],
            id="a-bullet-before-the-headline-is-no-part-of-the-title",
        ),
        pytest.param(
            "2. Ghana and Togo sign a memorandum on seasonal workers\n" + LONG_SENTENCE,
            "Ghana and Togo sign a memorandum on seasonal workers",
            [],
            id="a-list-number-before-the-headline-is-no-part-of-the-title",
        ),
        pytest.param(
            "Latest News\n\nTwelve unions create a new coalition\n\n"
            "Representatives of twelve unions met to form a network. They agreed to exchange "
            "information on recruitment agencies. In their first week they set out three asks:\n"
            + LONG_SENTENCE,
            "Twelve unions create a new coalition",
            [(1, "Latest News", "pattern:related_links")],
            id="a-paragraph-of-sentences-ending-in-a-colon-is-no-headline",
        ),
        pytest.param(
            "Ghana and Togo sign a memorandum on seasonal workers-Accra Daily\n\n"
            "Ghana and Togo sign a memorandum on seasonal workers\n\n" + LONG_SENTENCE,
            "Ghana and Togo sign a memorandum on seasonal workers",
            [
                (
                    1,
                    "Ghana and Togo sign a memorandum on seasonal workers-Accra Daily",
                    "before_headline",
                )
            ],
            id="the-page-s-title-bar-with-the-site-s-name-then-its-heading",
        ),
        pytest.param(
            "Ghana and Togo sign a memorandum on seasonal workers » Accra Daily News\n\n"
            "Ghana and Togo sign a memorandum on seasonal workers\n\n" + LONG_SENTENCE,
            "Ghana and Togo sign a memorandum on seasonal workers",
            [
                (
                    1,
                    "Ghana and Togo sign a memorandum on seasonal workers » Accra Daily News",
                    "before_headline",
                )
            ],
            id="a-title-bar-whose-site-name-follows-a-guillemet",
        ),
        pytest.param(
            "Embassy of Ghana in Lome - Official Website\nEmbassy of Ghana in Lome\nNews\n"
            "Ghana and Togo sign a memorandum on seasonal workers\n" + LEAD_ON_THE_MEMORANDUM,
            "Ghana and Togo sign a memorandum on seasonal workers",
            [
                (1, "Embassy of Ghana in Lome - Official Website", "before_headline"),
                (2, "Embassy of Ghana in Lome", "before_headline"),
                (3, "News", "menu_item"),
            ],
            id="a-site-s-name-in-its-title-bar-is-no-heading-above-the-headline",
        ),
        pytest.param(
            "Ghana and Togo sign a memorandum: a new start for seasonal workers\n"
            "Ghana and Togo sign a memorandum\n" + LONG_SENTENCE,
            "Ghana and Togo sign a memorandum: a new start for seasonal workers",
            [],
            id="a-headline-s-subtitle-after-a-colon-is-no-site-name",
        ),
        pytest.param(
            "Ministry of Labour > Media Room >> News\n\n"
            "Ghana and Togo sign a memorandum on seasonal workers\n\n" + LONG_SENTENCE,
            "Ghana and Togo sign a memorandum on seasonal workers",
            [(1, "Ministry of Labour > Media Room >> News", "pattern:breadcrumb")],
            id="a-trail-of-three-links-is-a-breadcrumb-whatever-its-first",
        ),
        pytest.param(
            "Ghana and Togo sign a memorandum on seasonal wor...\n\n"
            "Ghana and Togo sign a memorandum on seasonal workers\n\n" + LONG_SENTENCE,
            "Ghana and Togo sign a memorandum on seasonal workers",
            [(1, "Ghana and Togo sign a memorandum on seasonal wor...", "before_headline")],
            id="a-teaser-cut-short-then-the-full-headline",
        ),
        pytest.param(
            "Ghana and Togo renew their partnership to give 7,00..\n\n" + LONG_SENTENCE,
            "Ghana and Togo renew their partnership to give 7,00..",
            [],
            id="a-headline-the-site-cut-short-is-still-the-headline",
        ),
        pytest.param(
            "Hotline: (+233) 302 555 116\nHotline: (+233) 302 555 116\n\n"
            "Ghana and Togo sign a memorandum on seasonal workers\n\n" + LONG_SENTENCE,
            "Ghana and Togo sign a memorandum on seasonal workers",
            [
                (1, "Hotline: (+233) 302 555 116", "before_headline"),
                (2, "Hotline: (+233) 302 555 116", "before_headline"),
            ],
            id="a-phone-field-printed-twice-is-no-headline",
        ),
        pytest.param(
            "Ghana and Togo sign a memorandum on seasonal workers\n\n"
            "Ministers at the signing in Accra / @accranews\n"
            "Ministers at the signing in Accra / @accranews\n\n" + LONG_SENTENCE,
            "Ghana and Togo sign a memorandum on seasonal workers",
            [],
            id="a-caption-printed-twice-with-its-credit-is-no-headline",
        ),
        pytest.param(
            "Minister Ama Owusu (left) and Kofi Mensah (Photo: GNA)\n"
            "Ghana and Togo sign a memorandum on seasonal workers\n\n" + LONG_SENTENCE,
            "Ghana and Togo sign a memorandum on seasonal workers",
            [(1, "Minister Ama Owusu (left) and Kofi Mensah (Photo: GNA)", "before_headline")],
            id="a-caption-who-stands-where-is-no-headline",
        ),
        pytest.param(
            "File photo used for representation\nUnions and employers agree\n\n" + LONG_SENTENCE,
            "Unions and employers agree",
            [(1, "File photo used for representation", "before_headline")],
            id="a-caption-naming-its-photo-is-no-headline-even-before-a-short-one",
        ),
        pytest.param(
            "Home\nNews\nGroup photo exhibition on migrant lives opens in Accra (Right to "
            "Work Week)\n\n" + LONG_SENTENCE,
            "Group photo exhibition on migrant lives opens in Accra (Right to Work Week)",
            [(1, "Home", "menu_item"), (2, "News", "menu_item")],
            id="a-headline-naming-a-photo-or-a-right-in-brackets-is-a-headline",
        ),
        pytest.param(
            "Regional Office for West Africa\nGhana and Togo sign a memorandum on seasonal "
            "workers\n\n" + LONG_SENTENCE,
            "Ghana and Togo sign a memorandum on seasonal workers",
            [(1, "Regional Office for West Africa", "before_headline")],
            id="a-body-s-name-over-the-headline-is-the-site-s-masthead",
        ),
        pytest.param(
            "Government of Ghana Signs MoU\nA new scheme will let seasonal workers travel "
            "legally\n\n" + LONG_SENTENCE,
            "Government of Ghana Signs MoU",
            [],
            id="a-headline-in-title-case-that-opens-with-a-body-is-a-headline",
        ),
        pytest.param(
            "Home\nGhana Signs MoU\nApril 3, 2022\n" + LONG_SENTENCE,
            "Ghana Signs MoU",
            [(1, "Home", "menu_item")],
            id="a-title-case-headline-over-the-date-is-no-byline",
        ),
        pytest.param(
            "Home\nGhana-Togo signs MOU\nAma Owusu\nApril 3, 2022 4:08 pm\n" + LONG_SENTENCE,
            "Ghana-Togo signs MOU",
            [
                (1, "Home", "menu_item"),
                (3, "Ama Owusu", "byline_name"),
                (4, "April 3, 2022 4:08 pm", "pattern:timestamp"),
            ],
            id="a-byline-over-the-date-is-no-headline",
        ),
        pytest.param(
            "Ghana and IOM sign cooperation agreement Print E-mail\n( 0 Votes )\n" + LONG_SENTENCE,
            "Ghana and IOM sign cooperation agreement",
            [(2, "( 0 Votes )", "pattern:widget_text")],
            id="a-content-system-s-buttons-after-the-headline-are-no-part-of-it",
        ),
        pytest.param(
            "Press Release - Unions Launch a Coalition on Migrant Workers\n" + LONG_SENTENCE,
            "Unions Launch a Coalition on Migrant Workers",
            [],
            id="a-label-set-before-the-headline-with-a-dash-is-no-part-of-it",
        ),
        pytest.param(
            "25/03/2019 - Extension of the Refugee Resettlement Scheme\n" + LONG_SENTENCE,
            "Extension of the Refugee Resettlement Scheme",
            [],
            id="a-date-set-before-the-headline-with-a-dash-is-no-part-of-it",
        ),
        pytest.param(  # a colon keeps what it introduces: the gold's "04/09/2012: ..."
            "Statement: Religious Leaders Unite for Refugees\n" + LONG_SENTENCE,
            "Statement: Religious Leaders Unite for Refugees",
            [],
            id="a-label-before-a-colon-stays-in-the-headline",
        ),
        pytest.param(
            "12.06.2019 - 14.06.2019 Regional workshop on labour migration\n" + LONG_SENTENCE,
            "12.06.2019 - 14.06.2019 Regional workshop on labour migration",
            [],
            id="a-headline-opening-on-a-date-range-keeps-it",
        ),
    ],
)
def test_the_headline_and_the_lines_cleaned_off_a_page(raw, title, removed):
    cleaned = clean_text(raw)
    assert cleaned.title == title
    assert cleaned.removed == removed


def test_a_heading_printed_twice_around_a_date_stamp_below_a_long_menu_is_the_headline():
    raw = (
        "Labour News Digest\nHome\nWorld\nPublished on 5 May 2024 | View Original\n"
        "Labour News Board\nGlobal news of labour since 1991 for "
        "a democratic labour movement\nHome | Blog | News Archive | About\nimage image\n\n"
        "Ghana and Togo sign a memorandum on seasonal workers\nDate 08/04/19/14:01\n"
        "Ghana and Togo sign a memorandum on seasonal workers\n\n" + LONG_SENTENCE
    )
    assert clean_text(raw).title == "Ghana and Togo sign a memorandum on seasonal workers"


@pytest.mark.parametrize(
    "top, title",
    [
        # a one-word heading and a dateline above the body's first long sentence
        (["Statement", "Mexico City, October 12, 2023."], "Statement"),
        # a title-case heading, then its date and place (no sentence punctuation either)
        (["Migration Network Meeting", "• 2017•12•26 Geneva"], "Migration Network Meeting"),
        # a menu line, then a short headline, a date field and a share button
        (
            ["Home News", "Signing of labour agreement", "Published: 05/04/2011", "| Share"],
            "Signing of labour agreement",
        ),
        # a short title of some words that is no sentence is taken before any menu line
        (["News", "Ministers meet in Rabat"], "Ministers meet in Rabat"),
    ],
)
def test_a_headline_too_short_for_the_headline_shape_stands_above_the_body(top, title):
    closing = "Welcoming the participants on behalf of the host were the Undersecretary for"
    text = "\n".join([*top, LONG_SENTENCE, closing]) + "\n"
    cleaned = clean_text(text)
    assert cleaned.title == title
    assert LONG_SENTENCE in cleaned.text and closing in cleaned.text


@pytest.mark.parametrize(
    "opening, kept",
    [
        ("", ""),
        (" date 2024-09-27 ", ""),  # a crawler's date field: chrome
        ("(AGENCY) – SUVA, MARCH 03 – ", "(AGENCY) – SUVA, MARCH 03 – "),  # a dateline: body
    ],
)
def test_a_page_that_opens_on_its_body_has_no_title(opening, kept):
    cleaned = clean_text(opening + LONG_SENTENCE + "\nThe ministers will meet again in May.\n")
    assert cleaned.title == ""
    assert cleaned.text.startswith((kept + LONG_SENTENCE).strip())


@pytest.mark.parametrize("code", ["en", "nl", "hr"])
def test_stop_words_read_from_spacys_file_equal_the_languages_own(code):
    from importlib import import_module

    from pipeline.languages import language_stop_words

    own = import_module(f"spacy.lang.{code}.stop_words").STOP_WORDS
    assert language_stop_words(code) == set(own)


def test_a_place_under_the_headline_over_the_date_stays_in_the_text():
    headline = "Ghana and Togo sign a memorandum on seasonal workers"
    cleaned = clean_text(f"{headline}\nAddis Ababa\n12 June 2023\n" + LONG_SENTENCE)
    assert cleaned.title == headline
    assert "Addis Ababa" in cleaned.text


def test_a_date_printed_with_hyphens_is_no_file_name():
    from pipeline.clean import chrome_rule

    assert chrome_rule("15-Mar-2023", None, None, set(), frozenset()) != "pattern:file_name"
