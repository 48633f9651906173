"""Round-3 English phrase bank, written blind from how wire services, RFE/RL, Eurasianet, Central
Asian and Azerbaijani agencies, embassy notices and rights groups word the subtypes that generalised
worst (raid, entry_ban, instruction, violence, criminal_case, cancellation, draft_notice, proposal,
statement), with near misses that must stay non-events. Invented sentences."""

import pytest
from dwtest import trigger_subtypes

HITS = [
    # raids: police descending, swooping, storming, combing or entering a place; searches; operations to identify illegal migrants
    ('raid', "Migration officers swooped on a construction site in Novosibirsk, checking 200 foreigners."),
    ('raid', "Police descended on a wholesale market in Kazan early on Tuesday."),
    ('raid', "Officers combed dormitories housing Tajik workers in Kazan."),
    ('raid', "OMON officers entered the hostel with dogs and checked everyone inside."),
    ('raid', "Security forces searched the homes of Uzbek families in Tyumen on Friday."),
    ('raid', "Law enforcement officers burst into apartments rented by Kyrgyz workers in Yekaterinburg at dawn."),
    ('raid', "About 250 foreigners were checked during searches at a hostel in Khimki."),
    ('raid', "Police carried out checks at guesthouses in Lyublino, inspecting about 600 foreign citizens."),
    ('raid', "Police stormed a cafe in Tomsk where Uzbek workers were having lunch."),
    ('raid', "Back in 2015, police raided a market in Omsk and checked hundreds of traders."),
    ('raid', "Police conducted an operation to identify illegal migrants at a vegetable depot in Biryulyovo."),
    ('raid', "Officers held a raid at a car market in Lyubertsy on Thursday."),
    # entry bans: turned away at the border, not let in, unable to cross, banned from a country, entry closed
    ('entry_ban', "Russian border guards turned away about 300 Tajik travellers at Vnukovo airport."),
    ('entry_ban', "Border guards did not let the Uzbek journalist into the country."),
    ('entry_ban', "Hundreds of migrants could not cross the Russian border at Verkhny Lars."),
    ('entry_ban', "The Tajik blogger was banned from Russia for 50 years."),
    ('entry_ban', "Russia has closed entry to some 2,000 Kyrgyz citizens this year."),
    ('entry_ban', "Entry to Russia was closed for the Kyrgyz activist until 2030."),
    ('entry_ban', "The FSB border service refused entry to 25 Tajik nationals at Pulkovo."),
    ('entry_ban', "Russia imposed a five-year entry ban on the Uzbek activist."),
    ('entry_ban', "He was not allowed to cross the border and was sent back to Bishkek."),
    # instructions: bodies told, tasked or (passive) ordered to act; orders to recheck or audit
    ('instruction', "The Interior Minister told regional police chiefs to step up checks on foreigners."),
    ('instruction', "Bastrykin instructed investigators to check every naturalized migrant."),
    ('instruction', "The head of the Investigative Committee ordered investigators to open a case over the attack."),
    ('instruction', "The president tasked the Security Council with drafting a new migration policy."),
    ('instruction', "Regional migration departments were ordered to recheck the documents of all naturalized citizens."),
    ('instruction', "Putin ordered the government to draw up measures to tighten control over migrants."),
    ('instruction', "Prosecutors in every region have been instructed to audit the issuing of work patents."),
    ('instruction', "The ministry ordered its branches to recheck all residence permits issued since 2020."),
    ('instruction', "Police in all regions were ordered to check migrant hostels before the holidays."),
    # violence: torture, ill-treatment, shocks, injuries in a raid or custody; truncheons, clubbing, assaults
    ('violence', "Six of the men said they had been tortured during their detention in Kaluga."),
    ('violence', "The detainees in Perm were subjected to electric shocks, a lawyer said."),
    ('violence', "Several men were seriously injured during the raid."),
    ('violence', "Rosgvardia officers clubbed migrants with truncheons."),
    ('violence', "He was brutally beaten in custody."),
    ('violence', "The detainees were beaten at the police station and two were taken to hospital."),
    ('violence', "Officers hit the men with rubber truncheons during the detention."),
    ('violence', "The bodies of the detainees showed signs of beatings."),
    ('violence', "Officers assaulted the detained migrants in the van, a rights group said."),
    ('violence', "Riot police roughed up several Tajik workers during the check."),
    # criminal cases: a case opened (passive), charges brought, prosecuted, named a suspect, charged and facing a term
    ('criminal_case', "A case was opened under the article on organising illegal migration."),
    ('criminal_case', "Charges of hooliganism were brought against three Tajik nationals."),
    ('criminal_case', "He was prosecuted for forging documents."),
    ('criminal_case', "He was charged with organising illegal migration and faces up to five years in prison."),
    ('criminal_case', "Criminal proceedings were instituted against two police officers."),
    ('criminal_case', "A criminal case has been opened under Article 322 of the Criminal Code."),
    ('criminal_case', "The man has been charged under Article 322.1 of the Criminal Code."),
    ('criminal_case', "Investigators have launched a case against the hostel owner."),
    ('criminal_case', "Police detained the Uzbek worker on Monday; he faces charges of forgery."),
    ('criminal_case', "Two police officers were charged with exceeding their authority and face up to ten years in prison."),
    ('criminal_case', "On Monday the Tajik worker was identified as a suspect in the arson case."),
    ('criminal_case', "All nine were charged with committing an offence under Article 206 of the Criminal Code."),
    # cancellations: withdrawing, declining to attend, not sending a delegation, skipping a summit, did not take place
    ('cancellation', "Kazakhstan's Culture Ministry cancelled all Russian film screenings and concerts planned for the spring."),
    ('cancellation', "Uzbekistan's Senate withdrew from a joint session with the Federation Council planned for June."),
    ('cancellation', "The choir's concerts in Tashkent were called off."),
    ('cancellation', "The Uzbek delegation declined to attend the forum in St Petersburg."),
    ('cancellation', "Baku decided not to send its delegation to the forum in Kazan."),
    ('cancellation', "Tashkent has suspended talks with Moscow on labour migration."),
    ('cancellation', "The Kyrgyz president skipped the summit in Moscow."),
    ('cancellation', "Bishkek pulled out of the joint military exercises."),
    ('cancellation', "The concert of the Russian pop singer in Baku did not take place."),
    ('cancellation', "The planned visit of the Russian delegation didn't go ahead."),
    # draft notices: summonses delivered, men registered for military service or put on the military register, naturalized men called up
    ('draft_notice', "Officers handed out military summonses right at the bus depot in Kazan."),
    ('draft_notice', "Newly naturalized citizens were served call-up papers at the market."),
    ('draft_notice', "Enlistment officers registered 30 naturalized men for military service during the raid."),
    ('draft_notice', "More than 30 migrants who got Russian passports were put on the military register."),
    ('draft_notice', "Two naturalized Tajiks were drafted into the army after the raid."),
    ('draft_notice', "The men received electronic summonses via the Gosuslugi portal."),
    ('draft_notice', "Officers delivered summonses to naturalized men at a hostel in Kotelniki."),
    ('draft_notice', "Dozens of naturalized Kyrgyz men were called up within weeks of receiving Russian passports."),
    # proposals: an initiative put forward, a draft decree, legislation being developed, a motion tabled
    ('proposal', "A New People deputy put forward an initiative to cap the number of migrant children in schools."),
    ('proposal', "The government published a draft decree on quotas for foreign workers."),
    ('proposal', "Deputies are developing legislation that would oblige employers to pay migrants through bank cards."),
    ('proposal', "It is proposed to bar foreign workers from delivery jobs in Moscow Oblast."),
    ('proposal', "A group of lawmakers submitted amendments that would triple fines for illegal migration."),
    ('proposal', "The Interior Ministry has drafted new rules for registering foreigners."),
    ('proposal', "Lawmakers tabled a motion to strip naturalized migrants of citizenship for draft evasion."),
    # statements: a ministry's statement whatever it says, a briefing, condemnation, consular help, contact kept, denials of reports
    ('statement', "The Kazakh Foreign Ministry said in a statement that it had no information about Kazakh citizens held at Vnukovo."),
    ('statement', "The Uzbek Foreign Ministry condemned the attack on its citizens in Kazan."),
    ('statement', "The consulate in Novosibirsk is providing legal assistance to the four detained students."),
    ('statement', "The Tajik embassy said it had taken the situation under control."),
    ('statement', "The Tajik foreign ministry spokesman said the ministry was studying the matter."),
    ('statement', "The Tajik Foreign Ministry issued a statement on the detentions of its citizens at Vnukovo airport."),
    ('statement', "The ministry dismissed media reports that Uzbek workers had been barred from the Moscow metro."),
    ('statement', "The consulate said it was seeking consular access to the detained men."),
    ('statement', "The Uzbek foreign ministry released a statement on the deaths of two workers in Tula."),
    ('statement', "At a weekly briefing, the foreign ministry spokeswoman said the embassy was in touch with the families."),
    ('statement', "The Tajik foreign ministry spokesman told a briefing that Dushanbe regretted the incident."),
    ('statement', "We maintain contact with the Russian side on the matter, the Kyrgyz foreign ministry spokesman said."),
    ('statement', "The Uzbek foreign ministry expressed confidence that the detained students would be treated fairly."),
]

MISSES = [
    # raid: a denial, a practice or trend, a modal, elections swept, drone raids, border and embassy document checks
    ('raid', "The ministry denied that any raid had taken place in Yekaterinburg."),
    ('raid', "Police raids on Kyrgyz-run cafes are a common occurrence in Novosibirsk."),
    ('raid', "Police raids on migrant hostels have become routine since the attack."),
    ('raid', "Lawyers say police could raid more hostels in the coming weeks."),
    ('raid', "Police could search homes without a warrant under the proposed amendments."),
    ('raid', "The operation to identify illegal migrants will continue until the end of the month."),
    ('raid', "The ruling party swept the regional elections in September."),
    ('raid', "A sweeping migration reform took effect in January."),
    ('raid', "Ukrainian drones raided an oil depot in the Bryansk region overnight."),
    ('raid', "The embassy checks the documents of citizens applying for repatriation."),
    ('raid', "Passport checks at the border have become stricter since March."),
    # entry_ban: a standing rule for a kind of people, an absence, advice, a fear, a denial, websites blacklisted
    ('entry_ban', "Foreigners who violate migration rules are banned from entering Russia for up to ten years."),
    ('entry_ban', "The consulate said it had received no reports of mass denials of entry."),
    ('entry_ban', "Travellers should check in advance for any restrictions on entry."),
    ('entry_ban', "He fears being turned back at the border."),
    ('entry_ban', "The ministry denied reports that Uzbek citizens were refused entry."),
    ('entry_ban', "Migrants who are refused entry should contact the embassy hotline."),
    ('entry_ban', "The embassy denied that its staff had been refused entry."),
    ('entry_ban', "Deported migrants were sent back home on a charter flight."),
    ('entry_ban', "Roskomnadzor blacklisted several websites offering fake patents."),
    # instruction: instructions given to people (by police, a lawyer, a judge, an embassy or a leaflet), an EU directive, a forecast, a question
    ('instruction', "The migrants said they had been instructed to wait outside the police station."),
    ('instruction', "The lawyer instructed his client to remain silent."),
    ('instruction', "The embassy issued instructions to citizens on how to renew their patents."),
    ('instruction', "Putin is expected to instruct the government to review migration rules."),
    ('instruction', "Police ordered the workers to lie face down on the floor."),
    ('instruction', "Could the ministry order a review of all citizenship grants?"),
    ('instruction', "The judge instructed the jury to disregard the testimony."),
    ('instruction', "The EU adopted a new directive on seasonal workers."),
    ('instruction', "The leaflets carry instructions on how to apply for a patent online."),
    # violence: the offence a man is held for, fears, general claims, a negative subject, a denial, non-state attackers
    ('violence', "Police detained a man suspected of beating a taxi driver."),
    ('violence', "Rights groups fear detainees could be tortured."),
    ('violence', "Torture is widespread in Russian prisons, rights groups say."),
    ('violence', "A migrant was detained after injuring a police officer with a knife."),
    ('violence', "Police said no one was injured during the raid."),
    ('violence', "Nobody was injured in the raid, police said."),
    ('violence', "The ministry denied that detainees had been tortured."),
    ('violence', "The two men were tortured to death at a police station, their relatives said."),
    ('violence', "A migrant who assaulted a police officer in Tver was detained."),
    ('violence', "Three men beat a Tajik taxi driver in a Moscow suburb."),
    ('violence', "Security cameras showed a man kicking the door of the shop."),
    # criminal_case: a demanded case, a negation, a modal, a call to prosecute, a rule, a warning, a guess
    ('criminal_case', "Activists demanded that a criminal case be opened against the police officers."),
    ('criminal_case', "The ministry said no criminal case had been opened."),
    ('criminal_case', "Lawyers say a criminal case could be opened against the officers."),
    ('criminal_case', "Tashkent called for those responsible to be prosecuted."),
    ('criminal_case', "Organising illegal migration is punishable by up to five years in prison."),
    ('criminal_case', "The interior ministry warned that foreigners who lie on their patent forms will be prosecuted."),
    ('criminal_case', "Under Article 322.1, organising illegal migration carries a prison term of up to five years."),
    ('criminal_case', "Anyone charged with organising illegal migration faces up to five years in prison."),
    ('criminal_case', "Those charged with organising illegal migration face up to seven years in prison."),
    ('criminal_case', "Police suspect the fire was caused by faulty wiring."),
    # cancellation: a threat, a modal, a denial, a negation, a question, a pandemic, boycotts activists call for
    ('cancellation', "The ministry threatened to cancel the visit."),
    ('cancellation', "The forum may be postponed if the situation worsens."),
    ('cancellation', "Officials denied that the visit had been cancelled."),
    ('cancellation', "Azerbaijan has not cancelled the Days of Russian Culture, the ministry said."),
    ('cancellation', "Will the Days of Russian Culture in Baku be cancelled this year?"),
    ('cancellation', "The festival did not take place in 2020 because of the pandemic, but returns this year."),
    ('cancellation', "Nationalist bloggers called for a boycott of Tajik-owned shops."),
    ('cancellation', "Activists urged Russians to boycott Uzbek cafes."),
    # draft_notice: people who fail to register, a bill, a denial, advice, a proposal, a fear, a general mobilisation, volunteers and funds mobilised
    ('draft_notice', "Naturalized citizens who fail to register for military service face losing their passports."),
    ('draft_notice', "A bill would allow draft notices to be sent electronically."),
    ('draft_notice', "The ministry denied that summonses were being handed out at markets."),
    ('draft_notice', "If you receive a summons, contact a lawyer."),
    ('draft_notice', "Lawmakers proposed registering naturalized migrants for military service when they receive passports."),
    ('draft_notice', "Rights groups fear that naturalized men will be handed summonses at markets."),
    ('draft_notice', "Reservists across Russia were called up last autumn."),
    ('draft_notice', "Volunteers mobilized to help the stranded migrants at the airport."),
    ('draft_notice', "The diaspora mobilised funds to repatriate the bodies."),
    # proposal: a bill already signed (the law), a question, a hypothetical, utility and hospital bills
    ('proposal', "The bill was signed into law by Putin on Monday."),
    ('proposal', "Putin signed the bill on migrant registration on Monday."),
    ('proposal', "If the bill passes, naturalized migrants who dodge the draft will lose their passports."),
    ('proposal', "Will the Duma approve the bill on migrant families?"),
    ('proposal', "Many migrants struggle to pay their utility bills."),
    ('proposal', "He said his employer had not paid his hospital bills."),
    # statement: commentary by analysts and observers, no reply, a refusal to comment, an enforcement briefing
    ('statement', "Political scientist Arkady Dubnov said the ministry was losing influence."),
    ('statement', "The embassy did not respond to a request for comment."),
    ('statement', "The ministry declined to comment on the detentions."),
    ('statement', "Analysts said the ministry's statement showed growing frustration in Tashkent."),
    ('statement', "Observers say the embassy is closely following the case."),
    ('statement', "The Interior Ministry told a briefing that 40 migrants had been detained."),
    ('statement', "Analysts expressed confidence that relations would soon improve."),
    # prosecution_for_service: rules on what anyone convicted faces
    ('prosecution_for_service', "Anyone convicted of mercenarism faces up to 15 years in prison."),
    ('prosecution_for_service', "Citizens convicted of mercenarism face up to ten years in prison."),
    ('prosecution_for_service', "Mercenaries convicted in Kyrgyzstan face up to 15 years in prison."),
]


@pytest.mark.parametrize(("subtype", "text"), HITS)
def test_triggers_en_round3_phrasings_are_found(subtype: str, text: str) -> None:
    assert subtype in trigger_subtypes(text, "en")


@pytest.mark.parametrize(("subtype", "text"), MISSES)
def test_triggers_en_round3_near_misses_are_not(subtype: str, text: str) -> None:
    assert subtype not in trigger_subtypes(text, "en")


def test_triggers_en_round3_a_death_is_not_also_violence() -> None:
    """Tortured to death is a death in custody; violence is coded only with no death (codebook §2)."""
    got = trigger_subtypes("The two men were tortured to death at a police station, their relatives said.", "en")
    assert "death_in_custody" in got and "violence" not in got


def test_triggers_en_round3_a_signed_bill_is_a_law_not_a_proposal() -> None:
    assert trigger_subtypes("Putin signed the bill on migrant registration on Monday.", "en") == {"law"}
