import pytest

from pipeline.tables import doc_tables

HEAD = "A headline about migration cooperation\n"
IOM = "International Organization for Migration"
UNHCR = "Office of the United Nations High Commissioner for Refugees"


def rows(parse, body):
    frame = doc_tables([parse(HEAD + body)])["commitments"]
    return frame.to_dict("records")


@pytest.mark.parametrize(
    "body, modality, actors, rule",
    [
        (
            "IOM and UNHCR have agreed to jointly conduct activities.",
            "agree",
            [IOM, "Office of the United Nations High Commissioner for Refugees"],
            "agree.agree_to",
        ),
        (
            "IOM and UNICEF have partnered to promote safe migration for workers.",
            "agree",
            [IOM, "United Nations Children's Fund"],
            "agree.partnered_to",
        ),
        (
            "UNICEF has teamed up with the IOM (OIM), to train officers.",
            "agree",
            ["United Nations Children's Fund", IOM],  # the partner acts too (GUIDELINES' dev gold)
            "agree.partnered_to",
        ),
        (
            "IOM and UNICEF have joined forces with the ministry to open two shelters.",
            "agree",
            [IOM, "United Nations Children's Fund"],
            "agree.joined_forces_to",
        ),
        (
            "UNHCR has joined forces with the Refugee Council of Kenya (RCK) to train lawyers.",
            "agree",
            [
                "Office of the United Nations High Commissioner for Refugees",
                "Refugee Council of Kenya",
            ],
            "agree.joined_forces_to",
        ),
        (
            "IOM and UNICEF are committed to refining policies related to migration.",
            "commit",
            [IOM, "United Nations Children's Fund"],
            "commit.committed_to",
        ),
        (
            "IOM and UNICEF reaffirmed their commitments to protect migrant children.",
            "commit",
            [IOM, "United Nations Children's Fund"],
            "commit.commitments_to",
        ),
        (
            "IOM and UNICEF reiterated that all returns of children must be voluntary.",
            "commit",
            [IOM, "United Nations Children's Fund"],
            "commit.reaffirm_that",
        ),
        (
            "“IOM stands ready to further support Ukraine,” he added.",
            "commit",
            [IOM],
            "commit.stand_ready",
        ),
        (
            "IOM will keep supporting Ukraine in countering all the challenges.",
            "will",
            [IOM],
            "will.modal",
        ),
        (
            # the partner of "agreed with" agrees too
            "The ILO agreed with IOM to open two offices in the region.",
            "agree",
            ["International Labour Organization", IOM],
            "agree.agree_with_to",
        ),
        (
            "Kenya agreed with Uganda, Tanzania and Rwanda to harmonise their labour laws.",
            "agree",
            ["Kenya", "Uganda", "Tanzania", "Rwanda"],
            "agree.agree_with_to",
        ),
        (  # a place or a day between "agreed" and its action
            "Ghana and Togo agreed in Accra to harmonise their labour laws.",
            "agree",
            ["Ghana", "Togo"],
            "agree.agree_then_to",
        ),
        (  # what the sides agreed should be done
            "Ghana and Togo agreed that the recruitment process should go online.",
            "agree",
            ["Ghana", "Togo"],
            "agree.agreed_that",
        ),
        (  # an impersonal passive: what the sides agreed to do
            "Ghana and Togo signed a memorandum. It was agreed to harmonise their labour laws.",
            "agree",
            ["Ghana", "Togo"],
            "agree.agree_to",
        ),
        (
            "The ILO plans to open two offices in the region.",
            "aim",
            ["International Labour Organization"],
            "aim.plan_to",
        ),
        (
            "UNHCR urged governments to protect refugees.",
            "call",
            ["Office of the United Nations High Commissioner for Refugees"],
            "call.urge",
        ),
        # sentences written for the rules below (not taken from the seeds or the dev set)
        (
            "UNICEF and UNHCR signed a memorandum of understanding (MoU) to expand vaccination.",
            "agree",
            ["United Nations Children's Fund", UNHCR],
            "agree.signing_purpose",
        ),
        (  # the act's initials and an adverb before the purpose's verb
            "UNICEF and UNHCR signed a Memorandum of Understanding (MOU) to better serve "
            "refugee children in Chad.",
            "agree",
            ["United Nations Children's Fund", UNHCR],
            "agree.signed_to",
        ),
        (
            "UNICEF has signed an agreement with Chad to protect children on the move.",
            "agree",
            ["United Nations Children's Fund", "Chad"],
            "agree.signing_purpose",
        ),
        # a government approving that an act be signed agrees to it
        (
            "The Council of Ministers has approved the signing of a memorandum with Ghana.",
            "agree",
            ["Council of Ministers"],
            "agree.approved_signing",
        ),
        # the purpose of an act entered into, forged, struck or announced is agreed too
        (
            "UNICEF and the Red Cross have entered into an agreement to train border guards.",
            "agree",
            ["United Nations Children's Fund", "Red Cross"],
            "agree.signing_purpose",
        ),
        (
            "UNICEF has entered a deal with Chad to train border guards.",
            "agree",
            ["United Nations Children's Fund", "Chad"],
            "agree.signing_purpose",
        ),
        (
            "UNICEF and the Red Cross forged a partnership to support migrant children.",
            "agree",
            ["United Nations Children's Fund", "Red Cross"],
            "agree.signing_purpose",
        ),
        (
            "UNICEF has struck a deal with Chad to protect children on the move.",
            "agree",
            ["United Nations Children's Fund", "Chad"],
            "agree.signing_purpose",
        ),
        (  # who announces an act made "with" another is a side of it
            "UNICEF has announced a deal with Chad to protect children on the move.",
            "agree",
            ["United Nations Children's Fund", "Chad"],
            "agree.signing_purpose",
        ),
        (  # and of one that names no other side
            "UNICEF and the Red Cross have announced a new agreement to train border guards.",
            "agree",
            ["United Nations Children's Fund", "Red Cross"],
            "agree.signing_purpose",
        ),
        # a body's stated wish is its aim; a wish of others is none (non-commitments)
        (
            "Germany wants to attract the skilled workers that it urgently needs.",
            "aim",
            ["Germany"],
            "aim.want_to",
        ),
        # the terms of an agreement, written with "should": what its sides agreed to
        (
            "According to the agreement, UNICEF should provide trained staff to the centres.",
            "agree",
            ["United Nations Children's Fund"],
            "agree.agreement_terms",
        ),
        # a purpose put first is what they signed up to
        (
            "To protect children on the move, UNICEF and UNHCR signed a memorandum of "
            "understanding in Geneva.",
            "agree",
            ["United Nations Children's Fund", UNHCR],
            "agree.signing_purpose",
        ),
        (
            "UNICEF and UNHCR reaffirmed their commitment to work together on migrant health.",
            "commit",
            ["United Nations Children's Fund", UNHCR],
            "commit.commitment_to",
        ),
        (
            "UNICEF has offered to host the next regional meeting.",
            "commit",
            ["United Nations Children's Fund"],
            "commit.offer_to",
        ),
        (
            "UNICEF is working to launch a helpline for migrant children.",
            "aim",
            ["United Nations Children's Fund"],
            "aim.working_to",
        ),
        (
            "UNICEF is exploring ways to reach children in remote districts.",
            "aim",
            ["United Nations Children's Fund"],
            "aim.explore",
        ),
        (
            "UNICEF hopes to open two more child protection desks next year.",
            "aim",
            ["United Nations Children's Fund"],
            "aim.hope_to",
        ),
        (
            "UNICEF will look to expand the helpline to the northern districts.",
            "aim",
            ["United Nations Children's Fund"],
            "aim.look_to",
        ),
        (
            "UNICEF is keen to strengthen its support to the labour inspectorate.",
            "aim",
            ["United Nations Children's Fund"],
            "aim.keen_to",
        ),
        (
            "UNICEF aspires to set an example for the fair treatment of its workers.",
            "aim",
            ["United Nations Children's Fund"],
            "aim.aspire_to",
        ),
        (
            "UNICEF is willing to develop its cooperation with the labour inspectorate.",
            "commit",
            ["United Nations Children's Fund"],
            "commit.willing_to",
        ),
        (
            "WHO Director-General Tedros Adhanom Ghebreyesus and IOM agreed to share data.",
            "agree",
            ["World Health Organization", IOM],
            "agree.agree_to",
        ),
        (
            "UNICEF reiterated its readiness to provide technical support to the ministry.",
            "commit",
            ["United Nations Children's Fund"],
            "commit.our_will_to",
        ),
        (  # the body whose commitment it is, not who welcomes it
            "IOM welcomed Ghana's commitment to protect returning migrants.",
            "commit",
            ["Ghana"],
            "commit.commitment_to",
        ),
        (
            "The Federation of Dutch Trade Unions asks that employers quickly develop training.",
            "call",
            ["Federation of Dutch Trade Unions"],
            "call.ask_that",
        ),
        (
            "The Federation of Dutch Trade Unions strongly requests more work permits.",
            "call",
            ["Federation of Dutch Trade Unions"],
            "call.request",
        ),
        (  # "as requested by": no call of the one who requested
            "IOM will train 300 border officials in Ghana, as requested by the ministry.",
            "will",
            [IOM],
            "will.modal",
        ),
        (  # a future reported in the past
            "The University of Ghana would support research on refugee law, UNICEF said.",
            "will",
            ["University of Ghana"],
            "will.would",
        ),
        (  # a request still to be made is what the parties will do
            "IOM and UNHCR will request an extension of the programme from donors.",
            "will",
            [IOM, UNHCR],
            "will.modal",
        ),
        (  # the tagger reads "pledges" after a name as a plural noun
            "The Union of Teachers (UT) met in Accra. UT pledges to mobilise its 300 branches.",
            "commit",
            ["Union of Teachers"],
            "commit.pledge",
        ),
        (  # a purpose stated with a signing is what the sides signed up to
            "IOM and UNICEF signed an MoU with the aim of ending irregular recruitment.",
            "agree",
            [IOM, "United Nations Children's Fund"],
            "aim.with_the_aim_of",
        ),
        (  # a purpose stated with another act
            "UNHCR launched a programme with the intention of helping refugees find jobs.",
            "aim",
            [UNHCR],
            "aim.with_the_aim_of",
        ),
        (  # a "will" of the sentence reads better than its purpose
            "IOM will train border officials with the aim of improving safety.",
            "will",
            [IOM],
            "will.modal",
        ),
        (
            "IOM and UNICEF expressed their willingness to reinforce cooperation on returns.",
            "aim",
            [IOM, "United Nations Children's Fund"],
            "aim.stated_wish",
        ),
        (
            "UNHCR reiterated its interest in extending the programme to two more camps.",
            "aim",
            [UNHCR],
            "aim.stated_wish",
        ),
        (  # a signing ahead
            "IOM and UNICEF are expected to sign an expanded memorandum in May.",
            "will",
            [IOM, "United Nations Children's Fund"],
            "will.expected_to_sign",
        ),
        (  # a signing ahead, "set to"
            "IOM and UNICEF are set to sign a memorandum on migrant health on Thursday.",
            "will",
            [IOM, "United Nations Children's Fund"],
            "will.expected_to_sign",
        ),
        (  # an arrangement a named body is bound to
            "Under the contract, UNHCR is to host the refugees in two camps.",
            "will",
            [UNHCR],
            "will.is_to",
        ),
        (  # "it" of a clause a body reports: that body
            "The Ministry of Labour said that it will honour its sponsorship commitments.",
            "will",
            ["Ministry of Labour"],
            "will.modal",
        ),
        (
            "UNHCR and IOM announced on Monday that they will open two reception centres.",
            "will",
            [UNHCR, IOM],
            "will.modal",
        ),
        (  # a commissive verb
            "The European Union has promised to provide financial support to Belarus.",
            "commit",
            ["European Union"],
            "commit.vow_to",
        ),
        (  # a partnership made to act, told by its noun: the partner acts too
            "The OFW Party-List has forged a partnership with the University of Perpetual Help "
            "to offer scholarships.",
            "agree",
            ["OFW Party-List", "University of Perpetual Help"],
            "agree.formed_partnership_to",
        ),
        (
            "IOM recently entered into a partnership with UNICEF to uphold the rights of "
            "migrant children.",
            "agree",
            [IOM, "United Nations Children's Fund"],
            "agree.formed_partnership_to",
        ),
        (  # an agreement reached is what the sides agreed
            "IOM and UNHCR reached an agreement during the meeting to open two centres.",
            "agree",
            [IOM, UNHCR],
            "agree.reached_agreement_to",
        ),
        (
            "Ghana and Togo have reached an agreement that allows workers to move freely.",
            "agree",
            ["Ghana", "Togo"],
            "agree.reached_agreement_that",
        ),
        (
            "IOM met UNHCR in May. At the end of the talks, an agreement was reached to develop "
            "joint measures for returnees.",
            "agree",
            [IOM, UNHCR],  # the sides of the talks named before
            "agree.agreement_reached",
        ),
        (  # ongoing work with a partner toward an act
            "UNHCR is working with the Government of Ghana to promptly implement the plan.",
            "aim",
            [UNHCR],
            "aim.working_with_to",
        ),
        (
            "IOM and UNHCR are now collaborating to share expertise on returns.",
            "aim",
            [IOM, UNHCR],
            "aim.collaborating_to",
        ),
        (  # a partnership spoken of, not made: its partner does not act
            "IOM has strengthened its partnership with Ghana and will train 200 coast guards.",
            "will",
            [IOM],
            "will.modal",
        ),
        (  # others invited to act, whatever the act
            "We invite all Member States to join the Global Compact for Migration.",
            "call",
            [],
            "call.invite_to",
        ),
        (
            "Ghana vowed to remain engaged in the Rabat Process.",
            "commit",
            ["Ghana"],
            "commit.vow_to",
        ),
        (
            "IOM and UNHCR launched a network on Monday. The aim is for the new network to "
            "facilitate a coordinated approach to returns.",
            "aim",
            [IOM, UNHCR],
            "aim.goal_is_for",
        ),
        (  # an adverb before the promised action
            "Ghana vowed to fully implement the agreement with Togo.",
            "commit",
            ["Ghana"],
            "commit.vow_to",
        ),
        (  # a participle after the clause of its subject
            "The governments of Ghana and Togo held a joint cabinet meeting on Tuesday, vowing "
            "to work together on migration.",
            "commit",
            ["Ghana", "Togo"],
            "commit.vow_to",
        ),
        (  # others invited to act
            "IOM invited the Parliament of Uzbekistan to jointly develop a migration roadmap.",
            "call",
            [IOM],
            "call.invite_to",
        ),
        (  # an invitation to act is a call (the development gold's "inviting Governments
            # to provide", "we invite more to do so"), not the partnership it asks for
            "IOM invites companies to partner with it to hire refugees.",
            "call",
            [IOM],
            "call.invite_to",
        ),
        (  # "suggest" with an object and an infinitive, as some English press writes it
            "UNHCR suggested the government to look into the problems of migrant workers.",
            "call",
            [UNHCR],
            "call.invite_to",
        ),
        (
            "IOM and UNHCR signed a memorandum on Monday. The memorandum is aimed for skilling "
            "migrant workers.",
            "aim",
            [IOM, UNHCR],
            "aim.aimed_for",
        ),
        (  # a decision one body takes alone commits it
            "UNICEF decided to open a new office in Accra for returning children.",
            "commit",
            ["United Nations Children's Fund"],
            "agree.decided_to",
        ),
        (  # a body's own decision, named by a short form
            "Kenya's Ministry of Interior met UNHCR officials on Monday. The ministry decided "
            "to extend the registration deadline by three months.",
            "commit",
            ["Ministry of Interior"],
            "agree.decided_to",
        ),
        (  # a meeting's decision is agreed
            "Ministers from Kenya, Uganda and Tanzania met in Arusha. The Conference decided to "
            "establish a joint technical team.",
            "agree",
            [],
            "agree.decided_to",
        ),
        (  # a joint decision is agreed
            "Ghana and Togo decided to set up a technical team to finalise the text.",
            "agree",
            ["Ghana", "Togo"],
            "agree.decided_to",
        ),
        (  # a code's duties on its signatories
            "IOM and UNHCR signed a code of conduct on Monday. Under the code, IOM and UNHCR "
            "are bound to charge reasonable fees for training.",
            "commit",
            [IOM, UNHCR],
            "commit.bound_to",
        ),
        (
            "Ghana and Togo signed a code of conduct on Monday. The code binds the "
            "signatories to strictly adhering to the laws on recruitment.",
            "commit",
            ["Ghana", "Togo"],
            "commit.binds_them_to",
        ),
        (  # a body's stated readiness, its own name its owner
            "The minister voiced UNICEF's readiness to support the programme for returnees.",
            "commit",
            ["United Nations Children's Fund"],
            "commit.stated_readiness",
        ),
        (
            "The Korean Foreign Ministry expressed readiness to support cooperation in labour "
            "migration.",
            "commit",
            ["Korean Foreign Ministry"],
            "commit.stated_readiness",
        ),
        (  # a goal stated as the speakers' own
            "Ghana and Togo reaffirmed their shared goal to promote stability in the region.",
            "aim",
            ["Ghana", "Togo"],
            "aim.shared_goal",
        ),
        (  # ongoing work toward an act
            "Kenya is in the process of cancelling the licences of rogue recruitment agencies.",
            "aim",
            ["Kenya"],
            "aim.in_the_process_of",
        ),
        (
            "UNHCR is currently developing a global survey to collect data on refugees.",
            "aim",
            ["Office of the United Nations High Commissioner for Refugees"],
            "aim.under_preparation",
        ),
        (  # a participle on the act whose signing is approved
            "The Cabinet has approved the signing of the proposed Memorandum of Understanding "
            "with Saudi Arabia.",
            "agree",
            ["Saudi Arabia"],
            "agree.approved_signing",
        ),
        (  # a resolve stated as another's, through a plural possessive
            "The ministers of Ghana and Togo expressed their governments' determination to "
            "continue to take the necessary measures.",
            "commit",
            ["Ghana", "Togo"],
            "commit.stated_resolve",
        ),
        (
            "The minister reaffirmed Nigeria's resolve to modernise its immigration system.",
            "commit",
            ["Nigeria"],
            "commit.stated_resolve",
        ),
        (  # an adverb before the verb the commitment is to
            "The unions affirmed their commitment to effectively serve the migrant workers.",
            "commit",
            [],
            "commit.commitment_to",
        ),
        (  # the speaker's own country, not the one named last
            "Iran and Qatar met in Doha. The President of Iran voiced the country's "
            "preparedness to provide Qatar with assistance.",
            "commit",
            ["Iran"],
            "commit.stated_readiness",
        ),
        (  # the bodies of that kind named before
            "The Ceylon Workers Congress, the National Trade Union Federation and the General "
            "Trade Union of Kuwait met in Colombo. The unions will open a help desk for workers.",
            "will",
            ["National Trade Union Federation", "General Trade Union of Kuwait"],
            "will.modal",
        ),
        (  # a relative clause whose subject is a pronoun of its own
            "IOM hosted a conference in Accra, where they committed to rethinking the "
            "narratives on migration.",
            "commit",
            [],
            "commit.committed_to",
        ),
        (  # a commitment restated to a thing rather than an act
            "The Holy See has reiterated its commitment to dialogue and working with others "
            "on migration.",
            "commit",
            ["Holy See"],
            "commit.restated_commitment_to",
        ),
        (
            "Ghana and Togo reaffirmed their firm commitment to the principles of the Global "
            "Compact for Migration.",
            "commit",
            ["Ghana", "Togo"],
            "commit.restated_commitment_to",
        ),
        (  # a decision told as a noun: one body's commits it, a joint one is agreed
            "The Government of Guyana has taken a policy decision to offer humanitarian "
            "assistance to refugees.",
            "commit",
            ["Government of Guyana"],
            "agree.took_decision_to",
        ),
        (
            "Representatives of IOM and UNHCR made a decision to form a joint committee.",
            "agree",
            ["International Organization for Migration", UNHCR],
            "agree.took_decision_to",
        ),
        (  # a state body named by its kind tries for its state
            "The minister said the government is trying to sign labour agreements with the "
            "Gulf countries.",
            "aim",
            [],
            "aim.trying_to",
        ),
        (  # a follow-up call is a call
            "UNHCR issued a follow-up call for governments to resettle more refugees.",
            "call",
            [UNHCR],
            "call.call_noun",
        ),
        (  # a document's call is its issuer's
            "The Human Rights Council adopted a resolution calling on States to end the "
            "detention of migrant children.",
            "call",
            ["United Nations Human Rights Council"],
            "call.call_on",
        ),
        (  # an interest stated in an act of one's own
            "The Ministry of Labour of Ghana is keen on streamlining its labour agreements.",
            "aim",
            ["Ministry of Labour"],
            "aim.keen_on",
        ),
        (  # ongoing effort by a named body
            "UNHCR is trying to secure new funding for the camps.",
            "aim",
            [UNHCR],
            "aim.trying_to",
        ),
    ],
)
def test_modalities_and_subject_actors(parse, body, modality, actors, rule):
    (row,) = rows(parse, body)
    assert (row["modality"], row["actors"], row["rule_id"]) == (modality, actors, rule)


@pytest.mark.parametrize(
    "body",
    [
        "IOM signed an agreement with the Ministry of Health last year.",  # a past act
        "The centre provides shelter to migrants.",  # a description
        "IOM rejoices in the Network, an initiative that will surely improve cooperation.",
        "Participants expect that colleagues from Uzbekistan will soon join the platform.",
        "Coordinated efforts and solidarity will not only improve the situation.",
        "The 24-month project will see more than 2,000 returning families receive cash.",
        "The programme will benefit 5,000 households in the north.",
        "The charter sets out 12 key commitments to address displacement.",
        "The signing is part of a workshop dedicated to cooperation between the unions.",
        # a prediction, not a promise
        "The partnership between IOM and Ghana promises to be a turning point for returnees.",
        # no one asked to act: a finding, a past service, an invitation received or to an event
        "An IOM study suggests returnees are likely to migrate again within two years.",
        "IOM suggested ways to improve data collection in the region.",
        "IOM advised returnees in 2019 and helped them to find jobs.",
        "Ghana was invited by IOM to speak at the opening ceremony of the forum.",
        "IOM invited the press to attend the opening of the centre in Accra.",
        # a schedule in a relative clause, its pronoun the subject of a passive
        "The ministers visited the camp where they will be briefed by UNHCR staff.",
        "The project is aimed for completion in 2025, IOM said.",  # a timeline, no aim
        "Thousands of migrants attempted to cross the border last year.",  # a past attempt
        "The talks failed to reach an agreement on the quotas.",  # none reached
        "IOM is working with refugees in Kenya.",  # work described, toward no act
        "IOM has a long partnership with Ghana to help returnees.",  # none made now
        # no agreement reached: not reached, failed, an understanding of something, or past
        "Ghana and Togo could not reach an agreement to reopen the border.",
        "No agreement was reached on the quotas for seasonal workers.",
        "Participants reached a better understanding of the challenges that migrants face.",
        "Ghana and Togo reached an agreement that expired in 2020.",
        "IOM announced the end of its partnership with Frontex to protect migrants.",
        # an activity, not work toward an act; the partner's wish, not the subject's
        "IOM and UNHCR are cooperating on border management in the Sahel.",
        "IOM is working with migrants who want to return home.",
        "A joint AU-EU mission is to travel to Niger next week.",  # a schedule
        # what "agreed that" forecasts or schedules commits no one
        "Kenya and Qatar agreed that the new agreement would benefit thousands of workers.",
        "Kenya and Qatar met. It was agreed that the next meeting would be held in Lome.",
        # a colon after "to" that ends a description or a view shared leads no list in
        "The second day of the workshop was dedicated to:\n• document fraud;\n• smuggling.",
        "Free legal counselling is offered to:\n• returnees;\n• their families.",
        "Lebanon and Jordan agreed with the call of UNHCR on donors to:\n• fund shelters;\n"
        "• expand resettlement.",
        "IOM has partnered with 40 governments, helping them to:\n• train officials;\n"
        "• manage borders.",
        "It expands activities carried out under the Global Initiative to Fight Trafficking.",
        "IOM said the drafting stalled because those concerned failed to agree on provisions.",
        "Progress has been made on the actions called for in that statement.",
        "IOM funds new initiatives aimed at journalists in the region.",
        "The project gave hope to rebuild lives in the region.",  # hope, a noun
        "IOM would like to thank the donors for their support.",  # a wish
        "The talks would have failed without the support of IOM.",  # a past not had
        "Without the grant, UNICEF would close two centres in the north.",  # a condition
        "UNICEF would open two more centres if funding were found.",  # a condition
        "UNICEF would welcome any further support from donors.",  # a wish
        "Looking to the future, IOM praised the work of the committee.",  # no act ahead
        "Under the MOA, IOM funds the actions committed to in the plan.",
        "The two MOUs were agreed to by the presidents during the summit.",
        "At the opening of the forum, the union's general secretary will say:",  # a speech
        "The minister will speak at the launch of the network in Accra.",
        "According to the MoU, the employment contract should include the salary.",
        "Many migrants want to reach Europe by sea.",
        "The Agreement will enter into force when both parties have ratified it.",
        "The memorandum will take effect next month.",
        "IOM welcomed the proposed mechanism for humanitarian corridors.",
        "The ministry demonstrated its willingness to cooperate during the crisis.",
        "IOM questioned Ghana's readiness to receive returnees from Libya.",
        "When journalists asked that question, the minister said the ministry was investigating.",
        "The Ministry of the Interior requested the training in 2022 after a rise in crossings.",
        "The partners joined forces in 2019 and continue to provide shelter to migrants.",
        "IOM has partnered with more than 40 governments, helping them to manage borders.",
        "IOM and UNHCR met in May. The challenge is to find jobs for migrants.",  # no one bound
        "Migrants are to register at the office before May.",  # no named body
        "The role of UNHCR in the programme is to host the refugees.",  # a role described
        "The Union's pledges to support migrants were welcomed by IOM.",  # a noun
        "IOM and UNICEF said the centre is expected to benefit 5,000 migrants.",  # a prediction
        # "it" or "they" of a reported clause that stands for no body of the reporter's
        "UNHCR said the refugees arrived on Monday and that they will receive shelter.",
        "Ghana hosted the talks, and Minister Jane Smith said that it will fund two centres.",
        "\u201cIt will open in May,\u201d IOM said of the new centre.",
        "IOM stressed young people's desire to migrate to Europe.",  # another's wish
        "UNHCR confirmed the government's willingness to receive returnees.",  # another's
        "Critics questioned the ministry's readiness to handle the arrivals.",  # no statement
        # a third party's reading of a named side's wish, or a plan of others
        "Human rights groups highlighted Hungary's desire to close its borders.",
        "IOM highlighted Afghans' desire to migrate to Europe in its new survey.",
        "Police said the forged papers were part of the network's plan to smuggle migrants.",
        # a person's own decision
        "Amina left Ethiopia in 2016. In Yemen, she decided to return home with IOM's help.",
        "Yusuf Ahmed, a 24-year-old from Somalia, decided to migrate to Libya in 2019.",
        "Her brother decided to stay in Saudi Arabia, IOM said.",
        # a prediction or a hardship, no agreement binds anyone
        "Kenya is bound to see a rise in arrivals from Somalia this year.",
        "Thousands of families in Sudan were obliged to flee to Chad, IOM reported.",
        "The Libyan Coast Guard obliged the migrants to return to the detention centre.",
        "164 States adopted the Global Compact, a non-binding framework to improve governance.",
        # a readiness doubted or judged, not stated
        "Amnesty International expressed doubts about Greece's readiness to process claims.",
        "The UNDP report highlighted the limited preparedness to respond to floods.",
        # a plural the text uses for others than the named bodies of that kind
        "The African Union and the European Union met employers and trade unions. The unions "
        "will also train labour inspectors.",
        # a state's name is no group of states
        "UNHCR said the United States should expect more arrivals at its border this year.",
        "The talks are bound to fail, UNHCR said.",  # a prediction, no duty
        "The minister of Ghana expressed no desire to sign the agreement.",  # no wish
        "UNHCR disagreed with the aim of returning refugees to Syria.",  # a "with" it takes
        "IOM presented the report, in line with the goal of reducing deaths at sea.",
        "Kenya is to blame for the delays in the talks, the union said.",  # an idiom
        "Donor pledges to fund the response fell short, UNHCR said.",  # a noun, a subject
        "The IOM forum is set to discuss barriers to labour mobility.",  # an agenda
        "The report, prepared by IOM, was willingly shared with UNICEF.",  # no "willing to"
        # a noun's description, not a party's own willingness or aim
        "IOM's programme trains young Kenyans willing to work in Germany as nurses.",
        "The IOM scheme supports Kenyan graduates aspiring to work in Germany.",
        # entering a country under an act, a conclusion drawn
        "More than 2,000 Nepali workers have entered Israel under the bilateral agreement to "
        "work in agriculture.",
        "The participants endorsed the conclusion that more data is needed.",
        "The board endorsed the conclusion of the audit that the agreement had failed.",
        "The ministry is preparing for the visit of the delegation.",  # no object prepared
        # an attitude observed, a description, a past event, a reminder to us
        "Many returnees showed great determination to rebuild their lives.",
        "Children in the camps are developing symptoms of trauma, the report found.",
        "Three migrants drowned while in the process of crossing the Mediterranean in 2022.",
        "The event reminds us to honour those who lost their lives.",
        # people or bodies described by what they seek or want; a question asked
        "IOM and UNHCR opened a centre in Tripoli for people seeking asylum.",
        "The UPU offers support to migrants seeking to send money home to their families.",
        "Other countries seeking to strengthen ties with Ghana attended the forum.",
        # a person's own decision or effort, told as a noun or of a named person
        "Many families took the difficult decision to leave Syria after the bombing.",
        "The President announced his decision to resign.",
        "Amina Yusuf, 24, is trying to rebuild her life in Kakuma.",
        "The minister expressed no commitment to the resettlement scheme.",
        "The senator sought to know whether the Ministry of Labour had met the unions.",
        # an effort of people, not of a body
        "Thousands of migrants were trying to reach Europe, IOM said.",
        "Many young people are interested in moving abroad, IOM said.",
        # a visit or an alarm, no call to act
        "The UAE ambassador paid a courtesy call on the Home Minister of Nepal on Monday.",
        "UNHCR said the crisis was a wake-up call for the international community.",
        "The senator wanted to find out how the fund would be shared.",
    ],
)
def test_non_commitments(parse, body):
    assert rows(parse, body) == []


@pytest.mark.parametrize(
    "body, modality, rule",
    [
        (
            "The two agencies signed a memorandum which aims to improve data sharing.",
            "aim",
            "aim.agreement_aims",
        ),
        (
            "The two agencies signed an agreement that will strengthen border management.",
            "will",
            "will.agreement_will",
        ),
        (
            "The two agencies signed a memorandum designed to improve data sharing.",
            "aim",
            "aim.agreement_aimed_at",
        ),
        # a "which" clause after the agreement's time phrase, hung elsewhere by the parse
        (
            "IOM and UNHCR signed a Cooperation Agreement on Monday, which will strengthen "
            "their joint work on refugee protection.",
            "will",
            "will.agreement_will",
        ),
        # a present participle about the agreement or a piece of work, not about people
        (
            "IOM and the Central Bank signed a new memorandum of understanding seeking to "
            "expand access to digital remittances.",
            "aim",
            "aim.seek",
        ),
        (
            "Switzerland and UNDP started a new project aiming to enhance the participation "
            "of the diaspora.",
            "aim",
            "aim.aim_to",
        ),
    ],
)
def test_clauses_about_an_agreement_are_its_parties_commitments(parse, body, modality, rule):
    (row,) = [r for r in rows(parse, body) if r["rule_id"] == rule]
    assert row["modality"] == modality


def test_a_relative_clause_with_a_subject_of_its_own_can_commit(parse):
    body = (
        "Peru signed a labour agreement with Chile, under which both governments will "
        "register seasonal workers."
    )
    (row,) = rows(parse, body)
    assert (row["modality"], row["actors"]) == ("will", ["Peru", "Chile"])


def test_we_of_a_statement_printed_whole_are_its_issuers(parse):
    body = (
        "We, the Heads of State and Government of Ghana, Togo and the Republic of Benin, "
        "gathered in Lome, reiterate our will to ease the movement of workers.\n"
        "We are committed to protecting the rights of migrant workers."
    )
    found = rows(parse, body)
    assert [(r["modality"], r["actors"], r["actor_source"]) for r in found] == [
        ("commit", ["Ghana", "Togo", "Republic of Benin"], "issuers"),
        ("commit", ["Ghana", "Togo", "Republic of Benin"], "issuers"),
    ]
    assert found[0]["action"].startswith("ease the movement")


def test_a_group_from_named_countries_commits_for_them_and_is_referred_back_to(parse):
    body = (
        "Ministers of labour from Ghana, Togo and Benin agreed to harmonise work permits.\n"
        "The ministers also committed to sharing data on recruiters."
    )
    found = rows(parse, body)
    assert [(r["modality"], r["actors"]) for r in found] == [
        ("agree", ["Ghana", "Togo", "Benin"]),
        ("commit", ["Ghana", "Togo", "Benin"]),
    ]


def test_a_minister_without_a_named_body_acts_for_the_country_of_the_role(parse):
    body = (
        "ACCRA, May 3 (GNA): Minister of Labour of Ghana Ama Owusu on Tuesday agreed to "
        "open a labour office in Lome."
    )
    (row,) = rows(parse, body)
    assert row["actors"] == ["Ghana"]


def test_an_agreement_named_as_subject_commits_its_parties_not_its_signers_bodies(parse):
    body = (
        "IOM and the African Union will today sign a Memorandum of Understanding in Geneva.\n"
        "The MOU, which will be signed by IOM Director General Ana Costa and AU Commissioner "
        "Paul Ade, will focus on labour mobility."
    )
    found = rows(parse, body)
    assert [r["actors"] for r in found if r["action"].startswith("focus")] == [
        ["International Organization for Migration", "African Union"]
    ]


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            '"Governments must do more to protect seasonal workers," said Ana Costa, the ILO '
            "Regional Director.",
            [("call", ["International Labour Organization"], ["Governments"])],
        ),
        (
            "UNICEF and UNHCR visited the camps. They stressed that donors should fund child "
            "protection services.",
            [
                (
                    "call",
                    [
                        "United Nations Children's Fund",
                        "Office of the United Nations High Commissioner for Refugees",
                    ],
                    ["donors"],
                )
            ],
        ),
        # what a named body says must be done, whoever is to do it
        (
            "The Federation of Employers also said the levy policy should be standard.",
            [("call", ["Federation of Employers"], ["the levy policy"])],
        ),
        # a named body or state a party says must act
        (
            "The Federal Government must clamp down on wage theft, the ILO said.",
            [("call", ["International Labour Organization"], ["The Federal Government"])],
        ),
        (
            "ASEAN must address the needs of the victims, UNHCR said on Monday.",
            [
                (
                    "call",
                    ["Office of the United Nations High Commissioner for Refugees"],
                    ["ASEAN"],
                )
            ],
        ),
        # a quote whose speaker the sentence does not name calls on the named body (the
        # parties of the act the release reports, or its issuers, act)
        (
            "Crackdowns must be part of the response, but ASEAN must also address the needs "
            "of the victims.”",
            [("call", [], ["ASEAN"])],
        ),
        # not the release's own words, a guess, or others' reported words
        ("ASEAN must also address the needs of the victims.", []),
        ("“ASEAN must have been aware of the risks.”", []),
        ("Rights groups say “Qatar must abolish the kafala system.”", []),
        # a body saying it must act itself calls on no one, nor a ministry on its state
        ("UNHCR must do more for the victims, UNHCR said on Monday.", []),
        (
            "The Government of Ghana must protect its workers abroad, the Ministry of Labour "
            "of Ghana said.",
            [],
        ),
        # a country's union calls on its government
        (
            "The Government of Ghana must protect its workers abroad, the Ghana Trades Union "
            "Congress said.",
            [("call", ["Ghana Trades Union Congress"], ["The Government"])],
        ),
        # a stance its subject takes ("is emphatic that"), the subject a short form
        (
            "The East African Legislative Assembly met in Arusha. The regional Assembly is "
            "emphatic that Partner States must address the root causes of conflicts.",
            [("call", ["East African Legislative Assembly"], ["Partner States"])],
        ),
        ("The Assembly is emphatic that the rains must come soon.", []),  # no group, a wish
        # a named state's "should" forecasts as often as it calls: only "must" calls
        ("Italy should expect more arrivals this summer, the ILO said.", []),
        ("Applicants should submit the form online.", []),  # no one says it
        ("The centre must close at night, the guards said.", []),  # no named body says it
        # what should merely happen is a forecast, not a call
        ("The ILO said the situation of the workers should improve soon.", []),
        # institutions of a kind addressed
        (
            "The Ministry of Education said universities should conduct research on migration.",
            [("call", ["Ministry of Education"], ["universities"])],
        ),
        # a body's common noun a union or an agency says should act; a stance of a verb
        # ("remains adamant that"), a reporting verb of insisting
        (
            "The Central Organization of Trade Unions remains adamant that the government "
            "should stop all labour migration to the Middle East.",
            [("call", ["Central Organization of Trade Unions"], ["the government"])],
        ),
        (
            "Amnesty International insists that the ministry should stop deporting refugees.",
            [("call", ["Amnesty International"], ["the ministry"])],
        ),
        # but a state's own people on its government: its own duty
        ("The government must do more, the Minister of Labour of Ghana said.", []),
        # a need put on others reads as "must"; the speakers' own, or a rule told, does not
        (
            "The ILO said regional governments need to cooperate more to open up their "
            "labour markets.",
            [("call", ["International Labour Organization"], ["regional governments"])],
        ),
        ("“We need donors to step up,” the UNHCR chief said.", []),
        ("Migrants need to renew their permits every year, the ministry said.", []),
        ("The ILO noted that some technicalities need to be taken care of.", []),
        # a body's common noun forecast, not asked; a union named "National" is no state
        ("The ministry should expect a rise in applications, the Refugee Council said.", []),
        (
            "The Kenya National Union of Nurses said the government should review the labour "
            "agreement with Saudi Arabia.",
            [("call", ["Kenya National Union of Nurses"], ["the government"])],
        ),
        # a quote in a paragraph of its own goes on in the words of the body that spoke before
        (
            "Rules are still restrictive, the International Labour Organization said.\n"
            "“Regional governments must cooperate more to open up their labour markets.”",
            [("call", ["International Labour Organization"], ["Regional governments"])],
        ),
        (  # the quote's paragraph goes on past its first sentence
            "Rules are still restrictive, the International Labour Organization said.\n"
            "“Labour markets are tight. Governments must invest in skills.”",
            [("call", ["International Labour Organization"], ["Governments"])],
        ),
    ],
)
def test_a_party_saying_others_must_act_calls_on_them(parse, body, expected):
    found = [
        (r["modality"], r["actors"], r["addressees"])
        for r in rows(parse, body)
        if r["rule_id"] in ("call.others_must", "call.others_need")
    ]
    assert found == expected


def test_an_action_opening_a_quotation_is_the_quoted_words(parse):
    body = 'Under the agreement, Ghana and Togo undertake to "protect the wages of workers".'
    (row,) = rows(parse, body)
    assert row["action"] == "protect the wages of workers"


def test_joint_work_named_as_subject_is_the_parties(parse):
    body = (
        "IOM and the Red Cross signed an agreement on Monday.\n"
        "The cooperation with the Red Cross will extend support to stranded migrants."
    )
    found = rows(parse, body)
    assert [(r["actor_source"]) for r in found if r["action"].startswith("extend")] == ["parties"]


def test_a_country_that_owns_the_acting_body_is_no_actor_of_its_own(parse):
    body = (
        "Mexico City – Mexico's Ministry of Labour and Social Security has expressed its "
        "commitment to align its operations with the recruitment standard."
    )
    (row,) = rows(parse, body)
    assert row["actors"] == ["Ministry of Labour and Social Security"]


def test_the_name_an_apposition_follows_acts_too(parse):
    body = (
        "Geneva – The International Labour Organization (ILO) and UNICEF, the UN children's "
        "agency, are calling for a joint approach to protect child migrants."
    )
    (row,) = rows(parse, body)
    assert sorted(row["actors"]) == [
        "International Labour Organization",
        "United Nations Children's Fund",
    ]


def test_bodies_a_parse_makes_modified_by_their_verb_still_commit(parse):
    body = (
        "Under the MOA, the DOH and the CFO committed to collaborate on a registration system "
        "for returning workers."
    )
    (row,) = rows(parse, body)
    assert row["modality"] == "commit"


def test_a_text_that_commits_its_parties(parse):
    body = "The Declaration commits the partners to strengthen cooperation on legal pathways."
    (row,) = rows(parse, body)
    assert (row["modality"], row["rule_id"]) == ("commit", "commit.commits_them_to")


def test_a_directive_to_others_is_a_call(parse):
    body = "IOM and UNHCR instructed their country offices to prepare joint plans by May."
    (row,) = rows(parse, body)
    assert (row["modality"], row["rule_id"]) == ("call", "call.instruct")


def test_our_body_in_a_quote_is_the_speaker_s_country(parse):
    body = (
        "Foreign Minister of the Republic of Ghana Ama Owusu attended the ceremony.\n"
        '"Our border agencies stand ready to continue the cooperation with Togo," said '
        "Ama Owusu."
    )
    (row,) = rows(parse, body)
    assert (row["actors"], row["actor_source"]) == (["Republic of Ghana"], "speaker")


def test_a_news_source_in_the_dateline_is_no_actor(parse):
    body = (
        "Lahore, (Daily Courier) : The MOU signed between the World Health Organization (WHO) "
        "and the IOM to agree on a framework for health screening was welcomed."
    )
    actors = [r["actors"] for r in rows(parse, body)]
    assert actors and all("Daily Courier" not in a for a in actors)
    assert all(len(a) == len(set(a)) for a in actors)


def test_an_aim_named_by_a_noun_is_that_noun_s_phrase(parse):
    body = (
        "The protocol that aims at the protection of stateless children in Chad was signed "
        "by the Government of Chad and UNHCR on Monday."
    )
    (row,) = [r for r in rows(parse, body) if r["rule_id"] == "aim.agreement_aims"]
    assert row["action"] == "protection of stateless children in Chad"


def test_a_modal_with_no_verb_before_a_list_leads_the_list_in(parse):
    body = (
        "Under the joint Declaration of Intent UNHCR will:\n"
        "- Monitor reception conditions in transit centres;\n"
        "- Train border officials in child protection."
    )
    found = rows(parse, body)
    assert [(r["modality"], r["actors"], r["action"]) for r in found] == [
        ("will", [UNHCR], "Monitor reception conditions in transit centres"),
        ("will", [UNHCR], "Train border officials in child protection"),
    ]


def test_a_numbered_list_under_a_lead_in_gives_one_row_per_item(parse):
    body = (
        "UNHCR and IOM urge the governments of the region to:\n"
        "1. Disembark people in distress at sea;\n"
        "2. Ensure access to asylum procedures."
    )
    found = rows(parse, body)
    assert [(r["modality"], r["action"]) for r in found] == [
        ("call", "the governments of the region to disembark people in distress at sea"),
        ("call", "the governments of the region to ensure access to asylum procedures"),
    ]


def test_the_country_is_the_country_named_before(parse):
    body = "Chad hosted the first meeting. The country has offered to host the second one."
    (row,) = rows(parse, body)
    assert (row["modality"], row["actors"]) == ("commit", ["Chad"])


@pytest.mark.parametrize(
    ("body", "actors"),
    [
        (
            "Russia and Tajikistan signed a protocol. The Tajik side will organize courses.",
            ["Tajikistan"],
        ),
        ("Italy and Albania signed a protocol. The Albanian side will pay the costs.", ["Albania"]),
    ],
)
def test_a_state_s_side_is_the_state(parse, body, actors):
    commitments = rows(parse, body)
    assert [r["actors"] for r in commitments if r["modality"] == "will"] == [actors]


@pytest.mark.parametrize(
    "body, actors",
    [
        (
            "Iran hosted the talks. Tehran urged the international community to share the "
            "burden of hosting refugees.",
            ["Iran"],
        ),
        (
            "Pakistan and Iraq held talks. Islamabad and Baghdad have agreed to finalise the "
            "memorandum on manpower.",
            ["Pakistan", "Iraq"],
        ),
        ("Officials met on Monday. Tehran will fund two schools for refugees.", ["Tehran"]),
        # a state's release may speak of councils and citizens: the capital still stands for it
        (
            "Iran briefed the Security Council on its citizens abroad. Tehran urged the "
            "international community to share the burden of hosting refugees.",
            ["Iran"],
        ),
        # a capital in a release about cities acts for itself; one beside its state too
        (
            "Germany refused. Berlin has committed to take in 200 refugees, the city's mayor said.",
            [],
        ),
        (
            "Berlin has committed to take in 200 refugees, although Germany has refused.",
            [],
        ),
    ],
)
def test_a_national_capital_as_subject_stands_for_its_state(parse, body, actors):
    (row,) = rows(parse, body)
    assert row["actors"] == actors


def test_negated_commitment_is_kept(parse):
    (row,) = rows(parse, "The Ministry of the Interior will not deport unaccompanied children.")
    assert row["modality"] == "will"
    assert row["negated"] is True


def test_action_is_the_governed_verb_phrase(parse):
    (row,) = rows(
        parse, "IOM and UNHCR have agreed to jointly conduct activities, including conferences."
    )
    assert row["action"] == "jointly conduct activities, including conferences"


def test_passive_and_pronoun_subjects_wait_for_the_parties(parse):
    from pipeline.commitments import CommitmentFinder, DocContext, find_commitments

    doc = parse(
        HEAD + "Research initiatives will be undertaken. The parties also aim to boost cooperation."
    )
    found = find_commitments(DocContext(doc, CommitmentFinder(parse.nlp).matcher))
    assert [(c.modality, c.actor_source, c.actors) for c in found] == [
        ("will", "parties", []),
        ("aim", "parties", []),
    ]


def test_parties_fill_the_actors_and_unfillable_will_guesses_are_dropped(parse):
    signed = "IOM and UNHCR signed a memorandum of understanding on Monday. "
    later = "Research initiatives will be undertaken. The parties also aim to boost cooperation."
    with_agreement = rows(parse, signed + later)
    assert [(r["modality"], r["actor_source"], list(r["actors"])) for r in with_agreement] == [
        ("will", "parties", [IOM, UNHCR]),
        ("aim", "parties", [IOM, UNHCR]),
    ]
    assert [(r["modality"], r["actors"]) for r in rows(parse, later)] == [("aim", [])]


def test_call_with_list_gives_one_row_per_item(parse):
    body = (
        "IOM and WHO believe that parliaments have a role. "
        "They call on national migration and health authorities:\n"
        "In the field of health:\n"
        "- to guarantee access of all migrants to health;\n"
        "- to include migrant workers in vaccination plans."
    )
    found = rows(parse, body)
    assert [r["action"] for r in found] == [
        "national migration and health authorities to guarantee access of all migrants to health",
        "national migration and health authorities to include migrant workers in vaccination plans",
    ]
    for r in found:
        assert r["modality"] == "call"
        assert r["actors"] == [IOM, "World Health Organization"]
        assert r["addressees"] == ["national migration and health authorities"]
        assert r["rule_id"] == "call.call_on+list_item"


@pytest.mark.parametrize(
    "lead, rule",
    [
        ("IOM and UNHCR ask the government to:", "call.ask_to.lead_in+list_item"),
        ("IOM and UNHCR reaffirm their commitment to:", "commit.commitment_to.lead_in+list_item"),
    ],
)
def test_a_colon_in_place_of_the_verb_leads_the_list_in(parse, lead, rule):
    body = lead + "\n• Extend support to returnees;\n• Fund two shelters."
    found = rows(parse, body)
    assert [r["action"].split()[-1] for r in found] == ["returnees", "shelters"]
    assert all(r["rule_id"] == rule for r in found)
    assert found[0]["actors"] == [
        IOM,
        "Office of the United Nations High Commissioner for Refugees",
    ]


def test_items_without_bullets_take_the_lead_in_s_commitment(parse):
    body = (
        "IOM and UNHCR express their commitment:\n\n"
        "to advocate migration policies which accord with humanitarian standards;\n\n"
        "to act collectively across the region."
    )
    found = rows(parse, body)
    assert [r["action"].split()[0] for r in found] == ["advocate", "act"]
    assert all(r["rule_id"].endswith("+list_item") for r in found)
    assert found[0]["actors"] == [
        IOM,
        "Office of the United Nations High Commissioner for Refugees",
    ]


@pytest.mark.parametrize(
    "body, actors",
    [
        (
            "Thailand, Cambodia and Laos held talks in Bangkok on Monday. "
            "The three countries agreed to open a joint hotline for migrant workers.",
            ["Thailand", "Cambodia", "Laos"],
        ),
        # the list must have as many bodies as the number says: two of three is none
        (
            "Thailand, Cambodia and Laos held talks in Bangkok on Monday. "
            "The two countries agreed to open a joint hotline for migrant workers.",
            [],
        ),
        # countries are counted as countries, bodies as bodies
        (
            "IOM and UNHCR met officials of Ghana and Togo in Accra. "
            "The two countries agreed to open a joint hotline for migrant workers.",
            ["Ghana", "Togo"],
        ),
        # "two other countries" are not those named
        (
            "Thailand and Cambodia held talks in Bangkok in May. "
            "The two other countries will open a joint hotline for migrant workers.",
            [],
        ),
    ],
)
def test_a_counted_group_is_the_list_of_that_many_bodies_before_it(parse, body, actors):
    counted = [r["actors"] for r in rows(parse, body) if r["actor_source"] == "counted_group"]
    assert counted == ([actors] if actors else [])


@pytest.mark.parametrize(
    "lead, modality, actors",
    [
        ("After three days of talks, we, the participants of the forum, agree:", "agree", []),
        ("Key commitments include:", "commit", None),
        ("The pledges are as follows:", "commit", None),
        ("Its recommendations include:", "call", None),
        ("The ministers of IOM and UNHCR decided as follows:", "agree", None),
        ("The signatories resolve:", "commit", []),
        ("The participants of the forum recommend:", "call", []),
    ],
)
def test_a_verb_ending_a_lead_in_gives_its_list_the_modality(parse, lead, modality, actors):
    body = f"{lead}\n(1) To set up a follow-up committee.\n(2) To meet again in May.\n"
    found = [(r["modality"], r["action"]) for r in rows(parse, body)]
    assert found == [(modality, "set up a follow-up committee"), (modality, "meet again in May")]
    if actors is not None:
        assert [r["actors"] for r in rows(parse, body)] == [actors, actors]


def test_a_verb_before_a_colon_and_a_paragraph_leads_no_list(parse):
    body = "The ministers of Ghana and Togo agreed:\nThe talks were useful and went on for hours."
    assert not [r for r in rows(parse, body) if "lead_in" in r["rule_id"]]


def test_a_verb_before_a_colon_inside_a_sentence_leads_no_list(parse):
    body = "The ministers agreed: the talks were useful and should go on."
    assert not [r for r in rows(parse, body) if "lead_in" in r["rule_id"]]


def test_broken_commitments_lead_no_list(parse):
    body = (
        "Broken commitments include:\n(1) To set up a follow-up committee.\n(2) To meet in May.\n"
    )
    assert not [r for r in rows(parse, body) if "lead_in" in r["rule_id"]]


def test_a_pledge_before_a_colon_inside_a_sentence_leads_no_list(parse):
    body = "UNHCR welcomed the pledge: Canada will resettle 1,000 refugees this year."
    assert not [r for r in rows(parse, body) if "commitment_lead_in" in r["rule_id"]]


def test_speaker_org_for_we_in_quotes(parse):
    body = (
        "IOM Director General William Lacy Swing spoke. "
        "“We will continue to support returnees,” said IOM Director General William Lacy Swing."
    )
    found = rows(parse, body)
    assert found[-1]["actors"] == [IOM]


def test_a_dateline_is_not_the_subject(parse):
    (row,) = rows(
        parse,
        "Accra, 12 March 2024 – The International Organization for Migration (IOM) and the Ghana "
        "Immigration Service (GIS) today signed a Memorandum of Understanding to strengthen "
        "border management.",
    )
    assert (row["modality"], row["actors"]) == ("agree", [IOM, "Ghana Immigration Service"])
    assert row["action"] == "strengthen border management"


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "Save the Children will run 25 child-friendly spaces, while UNHCR will fund the "
            "training of 400 teachers.",
            [
                ("will", ["Save the Children"], "run 25 child-friendly spaces"),
                (
                    "will",
                    ["Office of the United Nations High Commissioner for Refugees"],
                    "fund the training of 400 teachers",
                ),
            ],
        ),
        (
            "IOM will provide equipment to border posts, and UNICEF will train 300 officers.",
            [
                ("will", [IOM], "provide equipment to border posts"),
                ("will", ["United Nations Children's Fund"], "train 300 officers"),
            ],
        ),
        # one subject, two actions with verbs of their own: two commitments (GUIDELINES,
        # conventions settled later); the first keeps the whole phrase
        (
            "IOM will provide equipment and train 300 officers.",
            [
                ("will", [IOM], "provide equipment and train 300 officers"),
                ("will", [IOM], "train 300 officers"),
            ],
        ),
        (
            "The partners committed to promote the network among their members and to "
            "strengthen cooperation with local authorities.",
            [
                (
                    "commit",
                    [],
                    "promote the network among their members and to strengthen cooperation "
                    "with local authorities",
                ),
                ("commit", [], "strengthen cooperation with local authorities"),
            ],
        ),
        # the tagger reads a bare form after commas as a present ("advocate"): one form
        (
            "The partners aim to strengthen data systems in member states, advocate for "
            "safe pathways and expand training.",
            [
                (
                    "aim",
                    [],
                    "strengthen data systems in member states, advocate for safe pathways "
                    "and expand training",
                ),
                ("aim", [], "advocate for safe pathways and expand training"),
            ],
        ),
        # an infinitive of its own the parse hangs on the trigger
        (
            "The three states are committed to preventing forced labour in their ports, "
            "and to ensure that inspectors visit every ship.",
            [
                (
                    "commit",
                    [],
                    "prevent forced labour in their ports, and to ensure that inspectors "
                    "visit every ship",
                ),
                ("commit", [], "ensure that inspectors visit every ship"),
            ],
        ),
        # a present after "will" or "help X" is someone else's act; thanks are no action;
        # "how to" asks a question
        (
            "The European Union will expand IOM's capacity to help border agencies provide "
            "better services to migrants.",
            [
                (
                    "will",
                    ["European Union"],
                    "expand IOM's capacity to help border agencies provide better services to "
                    "migrants",
                )
            ],
        ),
        (
            "The two countries aim to reduce irregular crossings, thank IOM for its support "
            "and look forward to the next meeting.",
            [
                (
                    "aim",
                    [],
                    "reduce irregular crossings, thank IOM for its support and look forward to "
                    "the next meeting",
                )
            ],
        ),
        (  # a verb of the same form the split always read stays its own action
            "Canada will open a joint office in Ottawa and look into the complaints of workers.",
            [
                (
                    "will",
                    ["Canada"],
                    "open a joint office in Ottawa and look into the complaints of workers",
                ),
                ("will", ["Canada"], "look into the complaints of workers"),
            ],
        ),
        (
            "The parties are committed to protecting migrant workers in the ports, and how to "
            "support them at sea.",
            [
                (
                    "commit",
                    [],
                    "protect migrant workers in the ports, and how to support them at sea",
                )
            ],
        ),
        (
            "The seminar is aimed at reviewing hiring rules in the region and how to enforce them.",
            [("aim", [], "review hiring rules in the region and how to enforce them")],
        ),
        # a coordinated verb that carries a trigger of its own is that trigger's row only
        (
            "IOM and UNICEF will sign a memorandum of understanding and commit to "
            "protecting the rights of migrant workers.",
            [
                (
                    "will",
                    [IOM, "United Nations Children's Fund"],
                    "sign a memorandum of understanding and commit to protecting the rights "
                    "of migrant workers",
                ),
                (
                    "commit",
                    [IOM, "United Nations Children's Fund"],
                    "protect the rights of migrant workers",
                ),
            ],
        ),
        # two clauses spliced by a comma, each with its subject and its complement
        (
            "IOM will provide equipment to border posts, UNICEF will train 300 officers.",
            [
                ("will", [IOM], "provide equipment to border posts"),
                ("will", ["United Nations Children's Fund"], "train 300 officers"),
            ],
        ),
        (
            "Ghana undertakes to fund the centres, for its part Togo undertakes to train the "
            "staff.",
            [
                ("commit", ["Ghana"], "fund the centres"),
                ("commit", ["Togo"], "train the staff"),
            ],
        ),
        # a verb with no complement of its own stays in the phrase
        (
            "IOM will help the town grow and prosper.",
            [("will", [IOM], "help the town grow and prosper")],
        ),
    ],
)
def test_coordinated_clauses_with_their_own_subjects(parse, body, expected):
    found = rows(parse, body)
    assert [(r["modality"], r["actors"], r["action"]) for r in found] == expected
    assert len({r["commitment_id"] for r in found}) == len(found)


def test_we_in_a_continued_quote_is_the_speakers_organisation(parse):
    found = rows(
        parse,
        "“The needs are staggering,” said IOM Director General Amy Pope. “We urge donors to "
        "act now.”",
    )
    assert [(r["modality"], r["actors"], r["action"]) for r in found] == [
        ("call", [IOM], "donors to act now")
    ]


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        (",\u201d the statement said.", [IOM, "United Nations Children's Fund"]),  # its authors
        (",\u201d the declaration reads.", [IOM, "United Nations Children's Fund"]),
        (",\u201d said Amy Pope.", [IOM]),  # a person's words: her body's
        (", as the agreement says,\u201d said Amy Pope.", [IOM]),  # a text she quotes
        (", just as the memorandum says, said Amy Pope.", [IOM]),  # with no quotation marks
    ],
)
def test_we_in_a_quoted_text_are_its_authors(parse, closing, expected):
    found = rows(
        parse,
        "IOM and UNICEF issued a joint statement on Monday on the crisis in the region.\n\n"
        "The statement was presented by Amy Pope, Director General of IOM, who said the "
        "needs were rising.\n\n"
        f"\u201cWe call on donors to support host communities{closing}",
    )
    calls = [(r["modality"], r["actors"]) for r in found if r["modality"] == "call"]
    assert calls == [("call", expected)]


def test_call_for_takes_the_object_as_action(parse):
    (row,) = rows(parse, "UNHCR called for greater investment in asylum systems.")
    assert (row["modality"], row["action"]) == ("call", "greater investment in asylum systems")


def test_members_of_a_body_named_short(parse):
    found = rows(
        parse,
        "The UN Country Team launched the Ghana Network on Migration.\n"
        "Members of the Network agreed to develop a joint workplan.",
    )
    assert [(r["modality"], r["actors"]) for r in found] == [
        ("agree", ["Ghana Network on Migration"])
    ]


def test_he_is_the_person_named_before_and_stands_for_their_body(parse):
    body = (
        "UNICEF Representative Ana Silva met the minister. "
        "She urged the ministry to register every child at birth."
    )
    (row,) = rows(parse, body)
    assert (row["modality"], row["actors"]) == ("call", ["United Nations Children's Fund"])


@pytest.mark.parametrize(
    "body, expected",
    [
        ("The aim of the programme is to train 500 border officials.", [("aim", "aim.goal_is_to")]),
        (
            "IOM and the ministry launched a new programme, which aims to train 300 labour inspectors.",
            [("aim", "aim.joint_work_aims")],
        ),
        ("The project was designed to reduce irregular migration.", []),
        (
            "IOM said preparations are under way in both countries to open two centres.",
            [("aim", "aim.under_way")],
        ),
        ("IOM said work is underway to open two centres.", [("aim", "aim.underway")]),
        (
            "UNHCR and IOM signed the agreement. The signing will be followed by a press conference.",
            [],
        ),
    ],
)
def test_aims_schedules_and_descriptions(parse, body, expected):
    """Rules of ``commitments.jsonl`` and ``purpose``: present aims count, a schedule and a
    past description do not."""
    assert [(r["modality"], r["rule_id"]) for r in rows(parse, body)] == expected


def test_it_after_an_agreement_is_its_parties(parse):
    found = rows(
        parse, "UNHCR and UNICEF signed a partnership. It will bring together twelve agencies."
    )
    assert [(r["modality"], list(r["actors"])) for r in found if r["modality"] == "will"] == [
        ("will", [UNHCR, "United Nations Children's Fund"])
    ]


@pytest.mark.parametrize(
    "body",
    [
        "UNHCR and UNICEF signed a partnership on border control. This will include the "
        "exchange of information on returns.",
        "UNHCR and UNICEF signed a partnership on border control. The platform will advance "
        "dialogue on returns.",
    ],
    ids=["this-after-an-agreement", "the-platform-an-agreement-sets-up"],
)
def test_what_an_agreement_sets_up_commits_its_parties(parse, body):
    found = [r for r in rows(parse, body) if r["modality"] == "will"]
    assert [list(r["actors"]) for r in found] == [[UNHCR, "United Nations Children's Fund"]]


@pytest.mark.parametrize(
    "body",
    [
        "UNHCR met UNICEF on border control. This will include the exchange of information.",
        "UNHCR and UNICEF signed a partnership. Thousands of refugees work in Chad's cocoa "
        "sector. This will change as prices fall.",
        "UNHCR and UNICEF signed a partnership. “This will not be easy,” the Minister said.",
        "UNHCR and UNICEF signed a partnership. This will be the third such agreement.",
    ],
    ids=["no-agreement", "a-remark-on-something-else", "quoted-and-negated", "this-will-be"],
)
def test_this_after_no_agreement_commits_no_one(parse, body):
    assert [r for r in rows(parse, body) if r["modality"] == "will"] == []


def test_our_commitment_is_the_speakers_body(parse):
    body = (
        "“This partnership reflects our strong commitment to work together on protection,” "
        "said UNICEF Representative Ana Silva."
    )
    (row,) = rows(parse, body)
    assert (row["modality"], row["actors"], row["actor_source"]) == (
        "commit",
        ["United Nations Children's Fund"],
        "speaker",
    )


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "IOM and UNHCR will sign a Memorandum of Understanding today pledging closer "
            "cooperation on refugee protection.",
            [("will", "will.modal"), ("commit", "commit.signing_pledge")],
        ),
        (
            "IOM and UNHCR will sign an agreement on Friday to boost child protection.",
            [("will", "will.modal"), ("agree", "agree.signing_purpose")],
        ),
        # no signing: one commitment
        (
            "IOM and UNHCR will work together to boost child protection.",
            [("will", "will.modal")],
        ),
    ],
)
def test_a_future_signing_and_its_purpose_are_two_commitments(parse, body, expected):
    found = rows(parse, body)
    assert [(r["modality"], r["rule_id"]) for r in found] == expected
    assert len({r["commitment_id"] for r in found}) == len(found)


def test_a_reported_commitment_with_no_actor_of_its_own_is_the_speaker_s_body(parse):
    body = (
        "Director of the National Employment Service Jonas Petraitis reported on the plans "
        "of the service. In addition, he said, negotiations are under way with the relevant "
        "services to extend work permits. Petraitis added that the department is working on "
        "implementing a new registry. Moreover, they are working to launch a portal."
    )
    found = rows(parse, body)
    assert [(r["modality"], r["actors"], r["actor_source"]) for r in found] == [
        ("aim", ["National Employment Service"], "speaker"),
        ("aim", ["National Employment Service"], "speaker"),
        ("aim", ["National Employment Service"], "previous_subject"),
    ]


def test_a_quote_of_its_own_after_an_attribution_is_that_speaker_s(parse):
    body = (
        "\u201cThe risks are growing,\u201d said IOM Director General Amy Pope. \u201cToday "
        "we renew our partnership, reflecting our strong commitment to work together.\u201d "
        "\u201cWe are ready,\u201d said UNHCR High Commissioner Filippo Grandi."
    )
    found = [r for r in rows(parse, body) if r["modality"] == "commit"]
    assert [r["actors"] for r in found] == [[IOM]]


def test_signers_named_only_as_people_leave_the_agreement_s_parties_to_commit(parse):
    body = (
        "Health Secretary Maria Santos and IOM Chief of Mission Marco Rossi signed a "
        "Memorandum of Agreement which aims to facilitate cooperation in migration health."
    )
    found = [r for r in rows(parse, body) if r["rule_id"] == "aim.agreement_aims"]
    assert found and all("Maria Santos" not in r["actors"] for r in found)


@pytest.mark.parametrize(
    "body, action",
    [
        (
            "The minister said that free movement for students is the goal of the next phase "
            "of the cooperation.",
            "free movement for students",
        ),
        ("The aim of the partnership is the joint management of the border.", None),
    ],
)
def test_the_goal_of_joint_work_is_an_aim_of_the_parties(parse, body, action):
    found = [
        r
        for r in rows(parse, "IOM and UNHCR signed a Cooperation Agreement. " + body)
        if r["rule_id"] == "aim.goal_of_joint_work"
    ]
    assert [r["actors"] for r in found] == [[IOM, UNHCR]]
    assert action is None or found[0]["action"] == action


def test_the_goal_of_a_person_is_no_commitment(parse):
    body = "Her goal is a career in law."
    assert [r for r in rows(parse, body) if r["rule_id"] == "aim.goal_of_joint_work"] == []


def test_agreeing_with_a_view_is_no_commitment(parse):
    assert rows(parse, "Greece agreed with the need to strengthen border controls.") == []


def test_a_restated_view_with_no_modal_is_no_commitment(parse):
    body = "IOM reiterated that returns have increased in 2023."
    assert rows(parse, body) == []


def test_the_purpose_of_a_launch_the_parse_cut_off_is_agreed(parse):
    body = "UNHCR launched on Monday (4 April 2022) a Regional Protection Network to support asylum seekers."
    found = rows(parse, body)
    assert [(r["modality"], r["rule_id"], r["actors"]) for r in found] == [
        ("agree", "agree.signing_purpose", [UNHCR])
    ]


def test_a_duty_of_others_in_a_quote_that_goes_on_is_the_speaker_s_call(parse):
    body = (
        "\u201cWe are proud to launch this network,\u201d said UNHCR High Commissioner "
        "Filippo Grandi.\n"
        "\u201cRefugees need our support. The global community has a duty to address these "
        "challenges, and the network will make a vital contribution.\u201d"
    )
    found = [r for r in rows(parse, body) if r["rule_id"] == "call.duty_to"]
    assert [(r["modality"], r["actors"], r["actor_source"]) for r in found] == [
        ("call", [UNHCR], "speaker")
    ]


@pytest.mark.parametrize(
    "body, modality, action, expected",
    [
        pytest.param(
            "IOM and UNHCR signed a Tripartite Agreement. Implementation of voluntary "
            "repatriation will initially concentrate on three districts.",
            "will",
            "",
            [([IOM, UNHCR], "parties")],
            id="the-implementation-of-joint-work-stands-for-the-parties",
        ),
        pytest.param(
            "IOM and UNHCR signed an agreement on seasonal work. In the event of injury at "
            "work, the employer shall pay compensation set by the law of the host state.",
            "will",
            "",
            [([], "provision")],
            id="a-provision-for-someone-not-a-party-keeps-no-actors",
        ),
        pytest.param(
            "IOM launched the Global Policy Network on Recruitment today. The new Global "
            "Policy Network on Recruitment will address gaps in regulation. It will bring "
            "together regulators from around the world.",
            "will",
            "bring together",
            [(["Global Policy Network on Recruitment"], "previous_subject")],
            id="it-after-a-body-s-commitment-is-that-body",
        ),
        pytest.param(
            "The pact, President Maria Santos, this year\u2019s ASEAN chair, said, is "
            "historic. \u201cThis accord is our promise to our people to protect migrant "
            "workers,\u201d Santos said in her speech.",
            "commit",
            "",
            [(["Association of Southeast Asian Nations"], "speaker")],
            id="our-promise-said-by-a-surname-alone-is-that-person-s-body",
        ),
        pytest.param(
            "UNICEF Representative Ana Silva visited the border schools. She disclosed that "
            "they are currently exploring avenues to enrol more children.",
            "aim",
            "",
            [(["United Nations Children's Fund"], "speaker")],
            id="they-in-what-a-person-discloses-is-that-person-s-body",
        ),
    ],
)
def test_who_a_commitment_is_credited_to(parse, body, modality, action, expected):
    found = [
        r for r in rows(parse, body) if r["modality"] == modality and r["action"].startswith(action)
    ]
    assert [(r["actors"], r["actor_source"]) for r in found] == expected


def test_a_headline_printed_again_in_the_body_commits_no_one(parse):
    head = "IOM seeks support of donors to open new centres"
    body = f"{head}\nThe ministers met in Accra.\n{head}\nThe meeting ended on Friday."
    frame = doc_tables([parse(body)])["commitments"]
    assert frame.empty


@pytest.mark.parametrize(
    "body, rule, action",
    [
        (
            "The unions demanded that the government ratify ILO Convention 189.",
            "call.demand",
            "the government ratify ILO Convention 189",
        ),
        (
            "IOM reiterated its call for ASEAN states to ratify the refugee convention.",
            "call.call_noun",
            "ratify the refugee convention",
        ),
        (
            "The IOM chief said: we are asking you to do more to save lives at sea.",
            "call.ask_to",
            "you to do more to save lives at sea",
        ),
        (
            "UNHCR pleaded with the president to ensure decent jobs for returnees.",
            "call.plead",
            "with the president to ensure decent jobs for returnees",
        ),
        (  # a longer addressee before "to"
            "The minister asked labour attachés at the missions abroad to visit the workers.",
            "call.ask_to",
            "labour attachés at the missions abroad to visit the workers",
        ),
        (
            "The minister reminded the labour officials to value the workers' time.",
            "call.reminded_to",
            "value the workers' time",
        ),
        (  # a need stated for others to meet
            "The minister underscored the need for the country to improve its remittance services.",
            "call.stressed_need",
            "improve its remittance services",
        ),
        (
            "UNICEF emphasised the urgent need to protect children on the move.",
            "call.stressed_need",
            "protect children on the move",
        ),
    ],
)
def test_demands_pleas_requests_and_calls_as_nouns_are_calls(parse, body, rule, action):
    (row,) = rows(parse, body)
    assert row["modality"] == "call"
    assert row["rule_id"].split("/")[-1] == rule
    assert row["action"] == action


@pytest.mark.parametrize(
    "body",
    [
        "IOM launched a call for proposals to fund reintegration projects.",
        "The smugglers pleaded guilty to charges of trafficking in persons.",
        "When asked about plans to return, most refugees said they would stay.",
        "The survey asked respondents whether they planned to migrate next year.",
        "Children forced to beg on the streets were taken to shelters.",
    ],
)
def test_calls_for_proposals_pleas_of_guilt_and_questions_are_no_calls(parse, body):
    assert not [r for r in rows(parse, body) if r["modality"] == "call"]


@pytest.mark.parametrize(
    "body, rule, modality",
    [
        ("We must ensure that refugees have access to asylum.", "call.others_must", "commit"),
        ("We need to step up our common efforts in the region.", "cand.need_to", "commit"),
        ("We have a duty to receive new residents with care.", "call.duty_to", "commit"),
        ("States must ensure that refugees have access to asylum.", "call.others_must", "call"),
        ("Businesses need to step up and hire refugees.", "cand.need_to", "call"),
        ("We need donors to step up their funding for returnees.", "cand.need_to", "call"),
    ],
)
def test_a_necessity_the_speakers_put_on_themselves_commits_them(parse, body, rule, modality):
    from pipeline.commitments.triggers import modality_at

    doc = parse(HEAD + body)
    anchor = next(t for t in doc if t.lower_ in ("must", "need", "have"))
    assert modality_at(rule, anchor) == modality


@pytest.mark.parametrize("mark", ["·", "·2", "•", ""])
def test_a_lead_in_with_a_separator_after_its_colon_fails_no_release(parse, mark):
    """ "UNICEF will: ·" has no verb after "will": it may commit, or not, but it must not
    make the release fail (it once stopped the commitments stage with an assertion)."""
    body = (
        "The memorandum was signed in Nairobi on Monday.\n"
        f"Under the memorandum UNICEF will: {mark}\n"
        "- fund teachers in 20 schools;\n- train 300 staff.\n"
    )
    found = rows(parse, body)
    assert all(row["modality"] == "will" for row in found)


@pytest.mark.parametrize(
    "body, actors",
    [
        (
            "Mayors from more than 30 cities, including Lisbon, Madrid and Vienna, pledged to "
            "welcome refugees.",
            ["Lisbon", "Madrid", "Vienna"],
        ),
        (
            "Development banks, including the World Bank and the African Development Bank, "
            "committed to fund refugee-hosting communities.",
            ["World Bank", "African Development Bank"],
        ),
        # not the places of a relative clause on them
        (
            "NGOs including Caritas and Oxfam, which run shelters in Kenya and Uganda, have "
            "pledged to provide legal aid to migrants.",
            ["Caritas", "Oxfam"],
        ),
        # the examples are the subject's: not bodies after the verb
        (
            "Several mayors pledged to welcome refugees, including those from Lisbon and Madrid.",
            [],
        ),
    ],
)
def test_a_plural_subject_s_named_examples_are_its_actors(parse, body, actors):
    found = [r["actors"] for r in rows(parse, body) if r["actor_source"] == "examples"]
    assert found == ([actors] if actors else [])


def test_who_announces_an_act_between_others_is_no_side_of_it(parse):
    found = rows(
        parse,
        "The United Nations announced an agreement between Sudan and Chad to reopen the border.",
    )
    assert [(r["rule_id"], r["actor_source"]) for r in found] == [
        ("agree.signing_purpose", "parties")
    ]


SIGNED = "India and Bahrain signed an agreement on labour migration in Manama on Monday. "


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an agreement's terms told as its content are what its sides agreed
        (
            "The MoU also provides for the exchange of information on irregular migration.",
            [("agree", ["India", "Bahrain"], "the exchange of information on irregular migration")],
        ),
        (
            "It provides for the protection and welfare of all categories of workers.",
            [
                (
                    "agree",
                    ["India", "Bahrain"],
                    "the protection and welfare of all categories of workers",
                )
            ],
        ),
        # only with the act as subject
        ("The government provides for its citizens abroad.", []),
        ("The 1951 Refugee Convention provides for the protection of refugees.", []),
        # what an act stipulates is as often a condition as a term: no rule
        ("The MoU stipulates that the police refer victims to the shelters.", []),
    ],
)
def test_an_agreement_s_terms_are_agreed(parse, body, expected):
    found = [
        (r["modality"], r["actors"], r["action"])
        for r in rows(parse, SIGNED + body)
        if r["modality"] == "agree"
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("body", "action"),
    [
        # a signing ahead told in the passive: the parties' "will", the act their object
        (
            "A formal agreement is expected to be signed in February next year.",
            "sign a formal agreement in February next year",
        ),
        ("The memorandum is set to be signed next week.", "sign the memorandum next week"),
        ("The agreement is due to be signed by the two ministers.", "sign the agreement"),
    ],
)
def test_a_signing_ahead_in_the_passive_is_the_parties(parse, body, action):
    (row,) = [r for r in rows(parse, SIGNED + body) if r["modality"] == "will"]
    assert (row["actors"], row["action"], row["rule_id"]) == (
        ["India", "Bahrain"],
        action,
        "will.expected_to_be_signed",
    )


def test_a_bill_signed_into_law_is_no_signing_ahead(parse):
    body = "The bill is expected to be signed into law by President William Ruto next week."
    assert [r for r in rows(parse, body) if r["modality"] == "will"] == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an act's terms told by what it will see its sides do: the parties' "will"
        (
            "The agreement will see Barcelona offer technical help to both islands.",
            [("will", ["India", "Bahrain"])],
        ),
        (
            "The MoU will see the partners tap into the private sector within the diaspora.",
            [("will", ["India", "Bahrain"])],
        ),
        # a project's outcome for others commits no one
        ("The project will see 22,000 returnees receive support.", []),
        ("The agreement will see up to 5,000 workers travel to Germany each year.", []),
    ],
)
def test_what_an_act_will_see_its_sides_do_is_their_will(parse, body, expected):
    found = [(r["modality"], r["actors"]) for r in rows(parse, SIGNED + body)]
    assert found == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # ongoing work toward an act, together or in collaboration
        (
            "GIZ and UNHCR are working together to develop joint measures for two regions.",
            [("aim", ["GIZ", UNHCR], "aim.working_to")],
        ),
        (
            "IOM and UNHCR are collaborating to share expertise on border management.",
            [("aim", [IOM, UNHCR], "aim.collaborating_to")],
        ),
        # what an act works to do: its parties' aim; a body's mission is no commitment
        (
            "The partnership works to ensure that refugees have access to jobs.",
            [("aim", ["India", "Bahrain"], "aim.act_works_to")],
        ),
        ("IOM works to promote humane and orderly migration.", []),
        ("The Global Compact for Migration works to make migration safer.", []),
    ],
)
def test_work_toward_an_act_is_an_aim(parse, body, expected):
    found = [(r["modality"], r["actors"], r["rule_id"]) for r in rows(parse, SIGNED + body)]
    assert found == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # what a named body wants another body or a group to do is a call on them
        (
            "The Central Organization of Trade Unions wants the Government to start vetting "
            "recruitment agencies.",
            [("call", ["Central Organization of Trade Unions"])],
        ),
        ("UNHCR wants States to stop pushbacks at the border.", [("call", [UNHCR])]),
        # nobody addressed, or no body that wants it
        ("Migrants want their families to join them.", []),
        ("UNHCR wanted the talks to end quickly.", []),
        ("IOM wished the delegates to enjoy their stay in Ghana.", []),
        ("President William Ruto wants Kenya to send one million workers abroad.", []),
    ],
)
def test_what_a_body_wants_others_to_do_is_a_call(parse, body, expected):
    found = [
        (r["modality"], r["actors"])
        for r in rows(parse, body)
        if r["rule_id"] == "call.want_others_to"
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a readiness told as "prepared to", of a named body or state
        (
            "Malaysia and Thailand remain prepared to continue to assist the migrants.",
            [("commit", ["Malaysia", "Thailand"], "continue to assist the migrants")],
        ),
        (
            "UNHCR is prepared to support the government in registering refugees.",
            [("commit", [UNHCR], "support the government in registering refugees")],
        ),
        # a thing prepared is a passive
        ("A plan was prepared to address the crisis.", []),
    ],
)
def test_a_body_prepared_to_act_commits(parse, body, expected):
    found = [(r["modality"], r["actors"], r["action"]) for r in rows(parse, body)]
    assert found == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a dedication the side restates as its own
        (
            "UNICEF reaffirmed its dedication to shaping a common vision on child migration.",
            [
                (
                    "commit",
                    ["United Nations Children's Fund"],
                    "shape a common vision on child migration",
                )
            ],
        ),
        # one praised is no commitment
        ("IOM thanked the volunteers for their dedication to supporting migrants.", []),
    ],
)
def test_a_dedication_restated_commits(parse, body, expected):
    assert [(r["modality"], r["actors"], r["action"]) for r in rows(parse, body)] == expected
