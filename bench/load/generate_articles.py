#!/usr/bin/env python3
"""Deterministic generator of synthetic news articles, as NDJSON on stdout.

Each line is one article for `POST /v1/articles`:
  {"external_id", "title", "source", "published_at", "url", "text"}

The articles are written from templates of several event kinds (talks, elections, earthquakes,
mergers, protests, sanctions, prisoner exchanges, state visits, floods, strikes, court rulings,
ceasefires, trade deals, wildfires, summits) with invented people, organisations and outlets, real
countries and cities, dates spread over 2020-2026, quantities and quotes: 3-8 paragraphs of 40-120
words each. None is a copy of a real article. The same --count and --seed always give the same
output, article i does not depend on --count, and every article's text is unique.

Usage: python3 generate_articles.py --count 10000 --seed 42 > articles.ndjson
Standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys

# --------------------------------------------------------------------------------------------
# Pools
# --------------------------------------------------------------------------------------------

FIRST_NAMES = [
    "Amara", "Tobias", "Leila", "Mateo", "Ingrid", "Kwame", "Sofia", "Dmitri", "Aiko", "Rafael",
    "Nadia", "Henrik", "Yusuf", "Elena", "Oluwaseun", "Mei", "Javier", "Astrid", "Farid", "Carmen",
    "Tariq", "Helga", "Santiago", "Priya", "Bogdan", "Ines", "Kenji", "Zanele", "Marek", "Lucia",
    "Anselm", "Rukhsana", "Teodor", "Imani", "Casimir", "Linnea", "Omari", "Valentina", "Hamid",
    "Signe", "Emeka", "Paulina", "Arjun", "Greta", "Malik", "Daria", "Ilya", "Noor", "Cyrus", "Thea",
]

# Invented surnames, so that no generated name is meant to be a real person.
SURNAMES = [
    "Varenko", "Ostrelli", "Mbeluzi", "Kastrov", "Delacourt", "Halvorsen", "Quintero", "Nakashiro",
    "Adebanjo", "Pellwright", "Zoltanyi", "Brennagh", "Morvati", "Sandoval-Reyes", "Ekwueme",
    "Lindqvar", "Tchobanov", "Aurelski", "Okonkwe", "Fairbrook", "Rashidov", "Castelmare", "Uhlmayer",
    "Petrakova", "Dunmore", "Shirazeh", "Wexford", "Ibarrola", "Kovalchek", "Marchetti-Lowe",
    "Haddadin", "Vasquella", "Thornquist", "Abernaty", "Soyinka-Bell", "Grabowicz", "Leclairon",
    "Mwangate", "Oyelaran", "Strandberg", "Falconeri", "Jurgensky", "Almasi-Roth", "Kerrigan-Hale",
    "Belokurov", "Nwachuna", "Ravensholt", "Cardosa", "Yilmazer", "Prendiville",
]

# (country, demonym, capital, other cities)
PLACES = [
    ("Turkey", "Turkish", "Ankara", ["Istanbul", "Izmir", "Antalya"]),
    ("Ukraine", "Ukrainian", "Kyiv", ["Kharkiv", "Odesa", "Lviv"]),
    ("Russia", "Russian", "Moscow", ["St Petersburg", "Kazan", "Novosibirsk"]),
    ("Brazil", "Brazilian", "Brasilia", ["Sao Paulo", "Rio de Janeiro", "Recife"]),
    ("Kenya", "Kenyan", "Nairobi", ["Mombasa", "Kisumu", "Nakuru"]),
    ("Japan", "Japanese", "Tokyo", ["Osaka", "Sendai", "Fukuoka"]),
    ("Indonesia", "Indonesian", "Jakarta", ["Surabaya", "Bandung", "Medan"]),
    ("Chile", "Chilean", "Santiago", ["Valparaiso", "Concepcion", "Antofagasta"]),
    ("Germany", "German", "Berlin", ["Hamburg", "Munich", "Leipzig"]),
    ("France", "French", "Paris", ["Lyon", "Marseille", "Toulouse"]),
    ("India", "Indian", "New Delhi", ["Mumbai", "Chennai", "Kolkata"]),
    ("Nigeria", "Nigerian", "Abuja", ["Lagos", "Kano", "Ibadan"]),
    ("Mexico", "Mexican", "Mexico City", ["Guadalajara", "Monterrey", "Puebla"]),
    ("Poland", "Polish", "Warsaw", ["Krakow", "Gdansk", "Wroclaw"]),
    ("Egypt", "Egyptian", "Cairo", ["Alexandria", "Giza", "Aswan"]),
    ("Vietnam", "Vietnamese", "Hanoi", ["Ho Chi Minh City", "Da Nang", "Hai Phong"]),
    ("Canada", "Canadian", "Ottawa", ["Toronto", "Montreal", "Vancouver"]),
    ("Norway", "Norwegian", "Oslo", ["Bergen", "Trondheim", "Stavanger"]),
    ("Peru", "Peruvian", "Lima", ["Arequipa", "Cusco", "Trujillo"]),
    ("Thailand", "Thai", "Bangkok", ["Chiang Mai", "Phuket", "Khon Kaen"]),
    ("Morocco", "Moroccan", "Rabat", ["Casablanca", "Marrakesh", "Fez"]),
    ("Greece", "Greek", "Athens", ["Thessaloniki", "Patras", "Heraklion"]),
    ("South Korea", "South Korean", "Seoul", ["Busan", "Incheon", "Daegu"]),
    ("Argentina", "Argentine", "Buenos Aires", ["Cordoba", "Rosario", "Mendoza"]),
    ("Pakistan", "Pakistani", "Islamabad", ["Karachi", "Lahore", "Peshawar"]),
    ("Italy", "Italian", "Rome", ["Milan", "Naples", "Turin"]),
    ("Ethiopia", "Ethiopian", "Addis Ababa", ["Dire Dawa", "Bahir Dar", "Mekelle"]),
    ("Kazakhstan", "Kazakh", "Astana", ["Almaty", "Shymkent", "Karaganda"]),
]

COMPANY_STEMS = [
    "Norvale", "Castellan", "Brightwater", "Aurex", "Halcyon", "Meridane", "Corvista", "Tellurion",
    "Ostara", "Pinecrest", "Veltrix", "Solenne", "Quarrymark", "Lumora", "Greyhaven", "Arbelo",
    "Kestrel", "Nautilon", "Ironvale", "Zephyra",
]
COMPANY_KINDS = [
    "Energy", "Logistics", "Systems", "Pharmaceuticals", "Bank", "Telecom", "Motors", "Foods",
    "Mining", "Airlines", "Semiconductors", "Insurance", "Shipping", "Retail Group", "Steel",
]
THINK_TANKS = [
    "the Halden Institute for Strategic Studies", "the Corliss Centre for Policy Research",
    "the Marrow Foundation", "the Eastgate Security Forum", "the Tamsin Institute",
    "the Bellwood Council on Trade", "the Ardent Policy Group", "the Kessler-Odum Institute",
]
NGOS = [
    "Open Hands Relief", "the Civic Rights Watch Network", "Doctors Across Borders Alliance",
    "the Clear Water Coalition", "the Families for Return committee", "Shelter Now International",
]
UNIONS = [
    "the National Transport Workers' Union", "the Federation of Port Employees",
    "the Union of Health Professionals", "the Teachers' Solidarity Union",
    "the General Confederation of Industrial Workers",
]
PARTIES = [
    "the Progressive Alliance", "the National Renewal Party", "the Civic Platform for Change",
    "the Democratic Union", "the People's Movement", "the Green Future Party",
    "the Liberal Coalition", "the Social Justice Front",
]
OUTLETS = [
    "The Meridian Ledger", "Harbor Wire", "Northgate Daily", "The Continental Courier",
    "Global Dispatch Service", "The Evening Sentinel", "Crossroads News Agency", "The Atlas Post",
]
BLOCS = ["the European Union", "the United Nations", "the African Union", "the G20",
         "the Organisation of Coastal States", "a group of Western governments"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# --------------------------------------------------------------------------------------------
# Templates. Placeholders are filled from the article's context (see make_context).
# --------------------------------------------------------------------------------------------

KINDS: dict[str, dict[str, list[str]]] = {
    "talks": {
        "title": [
            "{country} and {country2} open talks in {city}",
            "Delegations from {country} and {country2} meet in {city} for first talks in {n_small} years",
            "{country2} talks in {city} end without breakthrough",
            "Negotiators from {country} and {country2} agree to meet again after {city} round",
        ],
        "lead": [
            "Delegations from {country} and {country2} held direct talks in {city} {when}, the first such meeting in {n_small} years, officials said.",
            "{demonym} and {demonym2} negotiators met in {city} {when} for talks that lasted about {hours} hours, according to {role_spokes} {spokes}.",
            "Talks between {country} and {country2} opened in {city} {when} under the mediation of {bloc}, with both sides lowering expectations of a quick deal.",
        ],
        "detail": [
            "The {demonym} delegation was led by {role1} {person1}, while {country2} sent {person2}, a senior adviser to its {role2b}.",
            "The two sides agreed to exchange {n_med} detainees each and to set up working groups on humanitarian issues, {p1_last} told a news conference.",
            "No agreement was reached on a ceasefire, and a second round is expected to take place {future}.",
            "The meeting in {city} lasted just under {hours} hours, shorter than many observers had expected.",
            "{bloc_cap} welcomed the talks as a first step and urged both governments to keep the channel open.",
            "Host officials said the delegations met in a former palace on the edge of {city}, with journalists kept outside the gates.",
            "Diplomats said the agenda covered prisoner releases, the return of civilians and the safety of shipping routes.",
            "A draft memorandum circulated before the meeting listed {n_small} points, but neither side confirmed its contents.",
        ],
        "quote": [
            "We came here to listen, and we will go home with proposals to study",
            "Nobody expected a miracle in one afternoon",
            "The door to negotiations remains open, but it is not open without conditions",
            "Every detainee who comes home is a result worth the trip",
            "We have agreed on the next meeting and on little else",
        ],
    },
    "election": {
        "title": [
            "{party_cap} wins {country} parliamentary election",
            "{person1} claims victory in {demonym} presidential vote",
            "{country} votes in tight election as turnout reaches {pct} percent",
            "{demonym} opposition disputes election result",
        ],
        "lead": [
            "{party_cap} won the largest share of votes in {country}'s parliamentary election {when}, with {pct} percent of ballots counted, the electoral commission said.",
            "{person1}, the candidate of {party}, claimed victory in {country}'s presidential election {when} after preliminary results gave {pronoun} {pct} percent of the vote.",
            "Voters in {country} went to the polls {when} in an election widely seen as a referendum on the government's handling of the economy.",
        ],
        "detail": [
            "Turnout was {pct2} percent, the electoral commission said, up from the previous vote.",
            "The rival candidate, {person2}, conceded late in the evening and called for calm in {city}.",
            "{party2_cap} said it had recorded {n_med} irregularities at polling stations and would ask for a recount in {n_small} districts.",
            "Observers from {bloc} said the vote was orderly but criticised unequal access to state television.",
            "The new parliament will hold its first session {future}, when lawmakers are due to elect a speaker.",
            "Results from {city2} and surrounding districts were delayed by several hours after a power cut at the counting centre.",
            "{p1_last} campaigned on promises to cut fuel prices and to build {n_med} new schools.",
            "Analysts said a coalition would be needed, with {party2} likely to hold the balance of power.",
        ],
        "quote": [
            "Tonight the people of this country chose a different road",
            "We will respect the result, but every vote must be counted",
            "This is a victory for every family that struggled to pay its bills this winter",
            "The numbers we are seeing do not match what our observers reported",
        ],
    },
    "earthquake": {
        "title": [
            "Magnitude {mag} earthquake strikes near {city}",
            "Death toll from {country} earthquake rises to {deaths}",
            "Strong quake shakes {city}, buildings damaged",
            "Rescuers search rubble after earthquake in {region} {country}",
        ],
        "lead": [
            "An earthquake of magnitude {mag} struck near {city} in {country} {when}, killing at least {deaths} people and damaging hundreds of buildings, officials said.",
            "A strong earthquake shook {region} {country} {when}, sending residents of {city} into the streets, according to the national seismic service.",
            "Rescue teams in {country} were searching collapsed buildings in {city} after a magnitude {mag} earthquake {when}.",
        ],
        "detail": [
            "The quake struck at a depth of {depth} kilometres, the national seismic service said, and was followed by {n_small} aftershocks.",
            "At least {injured} people were injured and taken to hospitals in {city} and {city2}, the health ministry said.",
            "Television footage showed rescuers pulling survivors from the remains of a {n_small}-storey apartment block.",
            "{role_civil} {person2} said {n_med} homes had been destroyed and about {displaced} people had spent the night in tents.",
            "Power and water supplies were cut across much of {city}, and schools will remain closed until {future_day}.",
            "Seismologist {person3} said the region sits on an active fault and that further aftershocks were likely.",
            "{bloc_cap} and several neighbouring countries offered search-and-rescue teams and field hospitals.",
            "Roads into the mountain villages north of {city} were blocked by landslides, slowing the arrival of aid.",
        ],
        "quote": [
            "The building swayed for almost a minute and then everything went dark",
            "We are still hearing voices under the rubble, so we keep digging",
            "Our priority now is shelter, clean water and medicine",
            "I grabbed my children and ran into the street without shoes",
        ],
    },
    "merger": {
        "title": [
            "{company} agrees to buy {company2} for {money}",
            "{company} and {company2} announce merger",
            "Shares of {company2} jump on {company} takeover bid",
            "Regulators to review {company} deal for {company2}",
        ],
        "lead": [
            "{company} has agreed to acquire {company2} in a deal valued at {money}, the companies said {when}, creating one of the largest groups in the sector.",
            "{company} and {company2} announced {when} that they would merge in an all-share transaction worth about {money}.",
            "Shares of {company2} rose {pct_small} percent {when} after {company} made an offer of {money} for the {city}-based firm.",
        ],
        "detail": [
            "The combined company will have about {employees} employees and annual revenue of roughly {money2}, according to the statement.",
            "{company} chief executive {person1} will lead the merged group, while {person2} of {company2} becomes chairman.",
            "The deal is expected to close {future}, subject to approval by regulators in {country} and {country2}.",
            "Analysts at {think_tank} said the companies could save {money3} a year by combining their supply chains.",
            "{company2} shareholders will receive {n_small} shares of {company} for each share they hold.",
            "Unions said they feared job cuts at plants in {city} and {city2}, and asked for guarantees.",
            "The two firms said they had no plans to close their headquarters in {city} for at least {n_small} years.",
            "It is the largest acquisition in the sector since {year_past}, when two rivals combined their operations.",
        ],
        "quote": [
            "Together we will be able to invest more and move faster",
            "This transaction creates a stronger company for customers and for employees",
            "We will scrutinise the effect on prices very carefully",
            "The price is generous, and the board recommends that shareholders accept",
        ],
    },
    "protest": {
        "title": [
            "Thousands protest in {city} over {grievance}",
            "Police disperse protesters in {city}",
            "Protests over {grievance} spread to {city2}",
            "{demonym} government faces growing street protests",
        ],
        "lead": [
            "Thousands of people marched through {city} {when} to protest against {grievance}, in the largest demonstration in {country} this year.",
            "Police in {city} used tear gas to disperse protesters {when} as anger over {grievance} spread across {country}.",
            "Protesters gathered outside the parliament in {city} {when}, demanding that the government reverse its decision on {grievance}.",
        ],
        "detail": [
            "Organisers put the number of marchers at {crowd}, while police estimated about {crowd_small}.",
            "At least {n_med} people were detained and {n_small} police officers were injured, the interior ministry said.",
            "{role_opp} {person2} addressed the crowd and called for a national strike {future}.",
            "Similar rallies took place in {city2} and several smaller towns, according to local media.",
            "{ngo_cap} said it had documented the use of rubber bullets and called for an independent investigation.",
            "The government said it was open to dialogue but would not tolerate violence or the blocking of roads.",
            "Shops along the main avenue closed early and public transport was suspended for several hours.",
            "The protests began {n_small} weeks ago after the government announced the measure without consultation.",
        ],
        "quote": [
            "We are not going home until they listen to us",
            "Peaceful protest is a right, but burning cars is a crime",
            "My pension no longer covers the rent, so what else can I do",
            "The government has lost touch with ordinary people",
        ],
    },
    "sanctions": {
        "title": [
            "{bloc_cap} imposes new sanctions on {country}",
            "{country} condemns new sanctions as economic warfare",
            "New sanctions target {demonym} banks and officials",
            "{country2} extends sanctions against {country} for {n_small} months",
        ],
        "lead": [
            "{bloc_cap} announced new sanctions against {country} {when}, targeting {n_med} individuals and {n_small} banks accused of financing military operations.",
            "{country2} imposed sanctions on {demonym} officials {when}, freezing assets worth an estimated {money} and banning travel.",
            "{country} reacted angrily {when} to a fresh package of sanctions that restricts exports of machinery and electronics.",
        ],
        "detail": [
            "Among those named were {role1} {person1} and several executives of state-owned energy companies.",
            "The measures also ban the sale of {goods} and close ports to {demonym}-flagged vessels.",
            "{demonym} foreign ministry spokesperson {person2} said the sanctions were illegal and promised a response.",
            "The package is the {ordinal} adopted since the start of the crisis and will be reviewed {future}.",
            "Economists at {think_tank} estimated that the restrictions could reduce {country}'s exports by {pct_small} percent.",
            "Exporters in {country2} warned that they would lose contracts worth {money2} and asked for compensation.",
            "Officials said the list was drawn up after months of investigation into shell companies registered abroad.",
            "The currency of {country} fell {pct_small} percent against the dollar after the announcement.",
        ],
        "quote": [
            "These measures will not change our course, and they will hurt those who impose them",
            "Those who finance aggression must pay a price",
            "We are closing the loopholes that allowed these transactions to continue",
            "Ordinary people will suffer while the elites move their money elsewhere",
        ],
    },
    "prisoner_exchange": {
        "title": [
            "{country} and {country2} exchange {n_med} prisoners",
            "Prisoner swap brings {n_med} {demonym} soldiers home",
            "Families wait in {city} as prisoner exchange completed",
            "{country} says prisoner exchange mediated by {mediator}",
        ],
        "lead": [
            "{country} and {country2} exchanged {n_med} prisoners each {when} in a swap mediated by {mediator}, officials on both sides said.",
            "{n_med} {demonym} prisoners of war returned home {when} as part of an exchange with {country2}, {role1} {person1} announced.",
            "Buses carrying released prisoners arrived in {city} {when} after the largest exchange between {country} and {country2} this year.",
        ],
        "detail": [
            "Among those released were {n_small} civilians and several soldiers who had been held for more than a year.",
            "The exchange took place at a border crossing near {city2}, with representatives of {mediator} present.",
            "{person2}, who heads the office for prisoners of war, said preparations had taken {n_small} weeks.",
            "Many of the released men were taken to hospital for medical checks, and some needed urgent treatment.",
            "Relatives gathered outside a hospital in {city}, holding photographs of men still missing.",
            "Officials said another exchange could take place {future}, but gave no figures.",
            "The agreement to free {n_large} prisoners on each side was reached during talks in {city3} {n_small} weeks ago.",
            "{ngo_cap} urged both sides to give its staff access to all detention sites.",
        ],
        "quote": [
            "Every one of them is coming home, and we will not stop until all of them are back",
            "I have not seen my son for fourteen months",
            "This exchange shows that agreements can be implemented",
            "Our team will continue working on the next list",
        ],
    },
    "visit": {
        "title": [
            "{person1} arrives in {city} for first official visit",
            "{demonym} leader visits {country2} to boost trade",
            "{country} and {country2} sign agreements during {person1} visit",
            "{person1} meets {person2} in {city} amid regional tensions",
        ],
        "lead": [
            "{role1_cap} {person1} of {country} arrived in {city} {when} for a {n_small}-day state visit, the first by a {demonym} leader in more than a decade.",
            "{person1}, {country}'s {role1}, met {role2b} {person2} in {city} {when} and signed agreements on energy, transport and education.",
            "The {role1} of {country}, {person1}, began an official visit to {country2} {when}, with trade and security at the top of the agenda.",
        ],
        "detail": [
            "The two leaders signed {n_small} agreements, including a deal to build a railway link between {city} and {city2}.",
            "{p1_last} also laid a wreath at a war memorial and visited a technology park on the outskirts of {city}.",
            "Bilateral trade reached {money} last year, and both governments said they aimed to double it by {year_future}.",
            "The visit had been postponed twice, in {month_past} and again in the autumn, for security reasons.",
            "Protesters gathered near the presidential palace, holding banners criticising {p1_last}'s human rights record.",
            "The delegation included business leaders from {company} and {company2}, which signed separate contracts.",
            "{p1_last} is due to travel on to {city3} {future} before returning home.",
            "Officials said the leaders spent more than {hours} hours together, including a private dinner.",
        ],
        "quote": [
            "Our nations share a long history, and today we are writing a new chapter",
            "We agreed to meet every year and to give our ministers clear instructions",
            "Trade between our countries is far below its potential",
            "Friendship is built not only on treaties but on people who know each other",
        ],
    },
    "flood": {
        "title": [
            "Floods kill {deaths} in {country} after days of heavy rain",
            "Thousands evacuated as river bursts banks near {city}",
            "{country} declares emergency over floods in {region} region",
            "Floodwaters begin to recede in {city}",
        ],
        "lead": [
            "Floods caused by days of torrential rain have killed at least {deaths} people in {country}, officials said {when}, as rivers burst their banks around {city}.",
            "Authorities in {country} evacuated about {displaced} people from low-lying areas near {city} {when} after the river rose to its highest level in {n_small} decades.",
            "The government of {country} declared a state of emergency in the {region} region {when} as floodwaters cut off towns and villages.",
        ],
        "detail": [
            "More than {rain} millimetres of rain fell in {n_small} days, nearly twice the monthly average, the weather service said.",
            "{role_civil} {person2} said {n_med} bridges had been damaged and the main highway to {city2} was closed.",
            "Soldiers used boats to reach families stranded on rooftops, and helicopters dropped food and water.",
            "Farmers said the floods had destroyed crops on about {n_large} hectares just weeks before the harvest.",
            "Forecasters warned that more rain was expected {future} and urged residents not to return home yet.",
            "{ngo_cap} said it was distributing water purification tablets to prevent outbreaks of disease.",
            "Climate scientist {person3} said such extreme rainfall had become more frequent in the region.",
            "Damage was estimated at {money}, according to preliminary figures from the finance ministry.",
        ],
        "quote": [
            "The water came up to the windows in less than an hour",
            "We have lost everything: the house, the animals, the harvest",
            "No one should try to cross flooded roads, even in a large vehicle",
            "This is the worst flooding that anyone in this town can remember",
        ],
    },
    "strike": {
        "title": [
            "{workers_cap} strike over pay in {country}",
            "Nationwide strike disrupts transport in {country}",
            "{union_cap} calls {n_small}-day strike",
            "Strike ends in {city} after deal on wages",
        ],
        "lead": [
            "{workers_cap} across {country} walked off the job {when} in a dispute over pay and working hours, disrupting services in {city} and other cities.",
            "{union_cap} began a {n_small}-day strike {when}, demanding a pay rise of {pct_small} percent to keep up with inflation.",
            "A strike by {workers} brought much of {city} to a standstill {when}, with {union} saying more than {crowd} members had joined.",
        ],
        "detail": [
            "The government has offered a {pct_tiny} percent increase, which union leader {person2} called an insult.",
            "Employers said the strike would cost the economy about {money} a day.",
            "Talks between the union and the labour ministry are scheduled to resume {future}.",
            "Hospitals postponed non-urgent operations, and long queues formed at bus stops in {city2}.",
            "Inflation in {country} reached {pct_small} percent last year, eroding the value of wages.",
            "The labour minister, {person1}, said the demands were unaffordable but that the door remained open.",
            "It is the {ordinal} strike in the sector since {month_past}, and public support remains high, according to polls.",
            "Picket lines formed outside depots in {city} before dawn, and police reported no incidents.",
        ],
        "quote": [
            "We do not strike for fun; we strike because our salaries no longer pay the bills",
            "The offer on the table is the best the budget allows",
            "Patients will always come first, but we cannot go on like this",
            "We are ready to negotiate day and night if the government is serious",
        ],
    },
    "court_ruling": {
        "title": [
            "Court in {city} sentences former minister {person1}",
            "{country} supreme court strikes down {law} law",
            "Judges acquit {person1} in corruption trial",
            "Court orders {company} to pay {money} in damages",
        ],
        "lead": [
            "A court in {city} sentenced former {role1} {person1} to {n_small} years in prison {when} for abuse of office and money laundering.",
            "{country}'s supreme court ruled {when} that the {law} law was unconstitutional, in a blow to the government.",
            "A court in {city} ordered {company} {when} to pay {money} in damages to {n_med} former employees over unsafe working conditions.",
        ],
        "detail": [
            "The judges found that {p1_last} had steered public contracts worth {money2} to companies owned by relatives.",
            "Defence lawyer {person2} said the verdict would be appealed and called the trial political.",
            "The ruling was adopted by {n_small} votes to {n_tiny}, with the dissenting judges publishing a separate opinion.",
            "Prosecutors had asked for a longer sentence, and said they were studying the judgment.",
            "{ngo_cap} welcomed the decision as a victory for the rule of law.",
            "The case began in {year_past}, when journalists published documents about offshore accounts.",
            "The government said it would respect the ruling and present a new draft {future}.",
            "Supporters of {p1_last} gathered outside the courthouse in {city}, some of them chanting slogans.",
        ],
        "quote": [
            "No one is above the law, whatever office they once held",
            "We will take this case all the way to the highest court",
            "The judgment sends a clear message to every employer",
            "My client has always maintained his innocence",
        ],
    },
    "ceasefire": {
        "title": [
            "Ceasefire takes effect in {region} {country}",
            "Fighting resumes despite ceasefire near {city}",
            "{mediator} brokers truce between {country} and rebels",
            "Ceasefire in {country} holds for {n_small} days",
        ],
        "lead": [
            "A ceasefire brokered by {mediator} took effect in {region} {country} {when}, after weeks of fighting that killed more than {deaths} people.",
            "Shelling was reported near {city} {when}, hours after a ceasefire was due to begin, according to residents and local officials.",
            "Government forces and rebel groups in {country} agreed {when} to a {n_small}-day truce to allow aid into besieged areas around {city}.",
        ],
        "detail": [
            "Monitors from {mediator} will be deployed along the front line {future}, officials said.",
            "The agreement provides for the opening of {n_small} humanitarian corridors and the exchange of bodies.",
            "Military spokesperson {person2} accused the other side of violating the truce {n_med} times in the first day.",
            "Aid agencies said {displaced} people had fled their homes since the fighting began in {month_past}.",
            "Convoys carrying food and medicine were waiting at the checkpoint outside {city2}.",
            "{bloc_cap} called on all parties to respect the ceasefire and to return to political talks.",
            "Previous truces in the region collapsed within days, and residents said they remained cautious.",
            "Negotiators are expected to meet in {city3} {future} to discuss a permanent settlement.",
        ],
        "quote": [
            "For the first night in weeks, we slept without hearing explosions",
            "A ceasefire is only as strong as the will of those who sign it",
            "We need access to every village, not only to the main roads",
            "Our forces will respond to any violation",
        ],
    },
    "trade_deal": {
        "title": [
            "{country} and {country2} sign free trade agreement",
            "Trade deal to cut tariffs on {goods}",
            "{country} signs trade pact with {bloc}",
            "Farmers protest as {country} ratifies trade deal",
        ],
        "lead": [
            "{country} and {country2} signed a free trade agreement in {city} {when} that will remove tariffs on {pct} percent of goods traded between them.",
            "Negotiators from {country} and {bloc} concluded a trade agreement {when} after {n_small} years of talks, officials said.",
            "Trade ministers of {country} and {country2} agreed {when} to cut tariffs on {goods}, in a deal expected to lift trade by {money}.",
        ],
        "detail": [
            "The agreement must still be ratified by the parliaments of both countries, which could take until {future}.",
            "Trade minister {person1} said exporters of {goods} would benefit most.",
            "Farm groups in {country2} warned that cheaper imports would hurt small producers around {city2}.",
            "Tariffs on cars will be phased out over {n_small} years, while duties on agricultural goods fall immediately.",
            "Economists at {think_tank} estimated the deal could add {pct_tiny} percent to economic output within a decade.",
            "The deal includes chapters on labour rights, environmental standards and digital trade.",
            "Two-way trade between the countries was worth {money2} last year, according to customs data.",
            "{company} said it planned to open a new factory in {city} once the agreement enters into force.",
        ],
        "quote": [
            "This agreement opens doors for our businesses in one of the fastest-growing markets",
            "We were not consulted, and our members will pay the price",
            "Trade that follows clear rules is good for workers on both sides",
            "It took years, but the result is balanced",
        ],
    },
    "wildfire": {
        "title": [
            "Wildfires force evacuations near {city}",
            "Firefighters battle blazes across {region} {country}",
            "Wildfire destroys {n_med} homes in {country}",
            "{country} asks for help as wildfires spread",
        ],
        "lead": [
            "Wildfires fanned by strong winds forced the evacuation of {displaced} people near {city} {when}, as temperatures in {country} passed {temp} degrees Celsius.",
            "More than {n_large} firefighters were battling blazes across {region} {country} {when}, the civil protection agency said.",
            "A wildfire destroyed at least {n_med} homes on the outskirts of {city} {when}, and {deaths} people were reported killed.",
        ],
        "detail": [
            "The fires have burned about {n_large} hectares of forest and farmland since {month_past}, according to satellite data.",
            "{role_civil} {person2} said {n_small} aircraft were dropping water on the fire front north of {city2}.",
            "Smoke covered {city} for much of the day, and health officials advised residents to stay indoors.",
            "{country2} and {country3} sent planes and firefighting teams to help.",
            "Police arrested {n_tiny} people on suspicion of starting fires deliberately.",
            "Meteorologist {person3} said rain was not expected before {future_day}.",
            "Several roads were closed and a train line to {city2} was suspended.",
            "The region has suffered its driest year since records began, farmers' associations said.",
        ],
        "quote": [
            "The wind changed direction and the fire was at our door within minutes",
            "We have never seen fires move this fast",
            "Please follow the evacuation orders: houses can be rebuilt, lives cannot",
            "All we could take were the documents and the dog",
        ],
    },
    "summit": {
        "title": [
            "Leaders gather in {city} for {bloc_short} summit",
            "{bloc_short} summit ends with pledge on {topic}",
            "{person1} hosts summit in {city}",
            "Divisions over {topic} overshadow {city} summit",
        ],
        "lead": [
            "Leaders of {n_small} countries gathered in {city} {when} for a summit dominated by {topic}, with host {person1} calling for unity.",
            "A two-day summit in {city} ended {when} with a joint declaration on {topic}, although several countries attached reservations.",
            "{person1}, the {role1} of {country}, opened a summit in {city} {when}, urging participants to agree on concrete measures on {topic}.",
        ],
        "detail": [
            "The final declaration committed members to mobilise {money} over the next {n_small} years.",
            "{role1_cap} {person2} of {country2} left the summit early after a disagreement over the wording of the text.",
            "Security was tight in {city}, with {n_large} police officers deployed and several streets closed.",
            "Campaigners from {ngo} said the commitments fell far short of what was needed.",
            "The next summit will be held in {city2} {future}, organisers said.",
            "On the sidelines, {p1_last} held bilateral meetings with the leaders of {country2} and {country3}.",
            "Diplomats said negotiations on the declaration continued until {hour_late} in the morning.",
            "Observers noted that the summit was the first since {year_past} to be attended by all members.",
        ],
        "quote": [
            "We cannot leave this room without an answer for our citizens",
            "The declaration is a compromise, and compromises are never perfect",
            "We have agreed on the direction; now we must agree on the money",
            "The world is watching what we do here, not what we say",
        ],
    },
}

GRIEVANCES = ["a rise in fuel prices", "pension reform", "a new media law", "corruption allegations",
              "plans to raise the retirement age", "cuts to university funding", "rising rents",
              "the closure of local hospitals", "a disputed mining project"]
GOODS = ["steel and aluminium", "semiconductors", "dual-use electronics", "luxury goods",
         "aircraft parts", "fertilisers", "machine tools", "farm products", "wine and spirits"]
LAWS = ["foreign agents", "media ownership", "emergency powers", "electoral boundaries",
        "land reform", "surveillance"]
TOPICS = ["climate finance", "food security", "migration", "energy prices", "debt relief",
          "maritime security", "artificial intelligence rules", "public health preparedness"]
WORKERS = ["rail workers", "dock workers", "nurses", "teachers", "bus drivers", "air traffic controllers",
           "postal workers", "refinery workers"]
REGIONS = ["northern", "southern", "eastern", "western", "central", "north-western", "south-eastern"]
ROLES = ["foreign minister", "president", "prime minister", "defence minister", "interior minister",
         "deputy prime minister", "economy minister", "chief negotiator"]
ROLES_CIVIL = ["Regional governor", "Emergency services chief", "Civil protection director",
               "Local mayor", "Deputy health minister"]
ROLES_SPOKES = ["foreign ministry spokesperson", "government spokesperson", "presidential spokesperson"]
ROLES_OPP = ["Opposition leader", "Union leader", "Student organiser", "Former minister"]
ORDINALS = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "fourteenth", "sixteenth", "seventeenth"]

BACKGROUND = [
    "The {demonym} government has faced mounting criticism at home over the cost of living.",
    "{country} has a population of about {population} million people, most of whom live in cities.",
    "Relations between {country} and {country2} have been strained since a border dispute in {year_past}.",
    "The announcement came a day after the central bank of {country} left interest rates unchanged at {pct_tiny} percent.",
    "Analyst {person4} of {think_tank} said the events would be closely watched by investors and neighbouring governments.",
    "Local media in {city} reported that officials had been preparing for such a scenario for months.",
    "The {role_spokes} said more details would be published {future}.",
    "Opinion polls published last month showed support for the government at {pct2} percent.",
    "The story was first reported by a regional broadcaster in {city2}.",
    "{person4}, a researcher at {think_tank}, said the situation could change quickly.",
    "The issue is expected to dominate a session of parliament {future}.",
    "Officials in {city} declined to comment on the figures, saying an inquiry was under way.",
    "In {year_past}, a similar episode led to the resignation of the {role1}.",
    "The ministry said it had set up a hotline, which received {n_large} calls in the first hours.",
    "Markets in {city} were little changed, with the main index closing {pct_tiny} percent higher.",
    "Diplomats in {city3} said they were following developments closely.",
]

QUOTE_FRAMES = [
    '"{quote}," {speaker} said.',
    '"{quote}," {speaker} told reporters in {city}.',
    '{speaker} said in a statement: "{quote}."',
    '"{quote}," said {speaker}, speaking {when_short}.',
    '{speaker} told {outlet}: "{quote}."',
    'Speaking to journalists, {speaker} said: "{quote}."',
    '"{quote}," {speaker} wrote on social media.',
]



# --------------------------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------------------------

START = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
END = dt.datetime(2026, 12, 31, 23, 59, tzinfo=dt.timezone.utc)


def date_expression(rng: random.Random, event: dt.date, published: dt.date) -> str:
    """How a reporter writing on `published` would refer to `event` (on or before it)."""
    days = (published - event).days
    options = [f"on {event.day} {MONTHS[event.month - 1]}",
               f"on {MONTHS[event.month - 1]} {event.day}, {event.year}"]
    if days == 0:
        options += ["on " + WEEKDAYS[event.weekday()], "earlier today", "today"]
    elif days == 1:
        options += ["yesterday", "on " + WEEKDAYS[event.weekday()]]
    elif days < 7:
        options += ["on " + WEEKDAYS[event.weekday()], "last " + WEEKDAYS[event.weekday()]]
    return rng.choice(options)


def future_expression(rng: random.Random, published: dt.date) -> str:
    later = published + dt.timedelta(days=rng.randint(2, 60))
    return rng.choice([
        f"on {later.day} {MONTHS[later.month - 1]}",
        f"on {MONTHS[later.month - 1]} {later.day}",
        "next week", "next month", "within two weeks", "later this month",
        f"in {MONTHS[later.month - 1]}",
        "on " + WEEKDAYS[later.weekday()],
    ])


def money(rng: random.Random, low: float, high: float) -> str:
    value = rng.uniform(low, high)
    if value >= 1000:
        return f"${value / 1000:.1f} billion" if rng.random() < 0.7 else f"{value / 1000:.1f} billion euros"
    return f"${value:.0f} million" if rng.random() < 0.7 else f"{value:.0f} million euros"


def make_context(rng: random.Random, published: dt.datetime) -> dict[str, str]:
    places = rng.sample(PLACES, 3)
    (country, demonym, capital, cities), (country2, demonym2, capital2, _), (country3, _, capital3, _) = places
    city_pool = [capital] + cities
    city, city2 = rng.sample(city_pool, 2)
    firsts = rng.sample(FIRST_NAMES, 5)
    lasts = rng.sample(SURNAMES, 5)
    people = [f"{f} {l}" for f, l in zip(firsts, lasts)]
    company, company2 = (f"{stem} {kind}" for stem, kind in
                         zip(rng.sample(COMPANY_STEMS, 2), rng.sample(COMPANY_KINDS, 2)))
    bloc = rng.choice(BLOCS)
    party, party2 = rng.sample(PARTIES, 2)
    ngo = rng.choice(NGOS)
    union = rng.choice(UNIONS)
    role1 = rng.choice(ROLES)
    event_day = (published - dt.timedelta(days=rng.choice([0, 0, 1, 1, 1, 2, 3, 5]))).date()
    bloc_short = {"the European Union": "EU", "the United Nations": "UN", "the African Union": "AU",
                  "the G20": "G20", "the Organisation of Coastal States": "OCS"}.get(bloc, "regional")
    return {
        "country": country, "demonym": demonym, "country2": country2, "demonym2": demonym2,
        "country3": country3, "city": city, "city2": city2, "city3": rng.choice([capital2, capital3]),
        "region": rng.choice(REGIONS),
        "person1": people[0], "person2": people[1], "person3": people[2], "person4": people[3],
        "person5": people[4], "p1_last": lasts[0], "p2_last": lasts[1],
        "pronoun": rng.choice(["him", "her"]),
        "role1": role1, "role1_cap": role1[0].upper() + role1[1:], "role2b": rng.choice(ROLES),
        "role_civil": rng.choice(ROLES_CIVIL), "role_spokes": rng.choice(ROLES_SPOKES),
        "role_opp": rng.choice(ROLES_OPP),
        "spokes": people[3],
        "company": company, "company2": company2,
        "bloc": bloc, "bloc_cap": bloc[0].upper() + bloc[1:], "bloc_short": bloc_short,
        "mediator": rng.choice([bloc, f"the government of {country3}", "the International Red Cross",
                                "the Vatican", f"{country3} and {bloc}"]),
        "party": party, "party_cap": party[0].upper() + party[1:],
        "party2": party2, "party2_cap": party2[0].upper() + party2[1:],
        "ngo": ngo, "ngo_cap": ngo[0].upper() + ngo[1:],
        "union": union, "union_cap": union[0].upper() + union[1:],
        "think_tank": rng.choice(THINK_TANKS),
        "outlet": rng.choice(OUTLETS),
        "grievance": rng.choice(GRIEVANCES), "goods": rng.choice(GOODS), "law": rng.choice(LAWS),
        "topic": rng.choice(TOPICS),
        "workers": (w := rng.choice(WORKERS)), "workers_cap": w[0].upper() + w[1:],
        "when": date_expression(rng, event_day, published.date()),
        "when_short": rng.choice(["after the meeting", "at a briefing", "in a televised address",
                                   "outside the building", "late in the evening"]),
        "future": future_expression(rng, published.date()),
        "future_day": WEEKDAYS[(published.weekday() + rng.randint(2, 6)) % 7],
        "month_past": MONTHS[(published.month - 1 - rng.randint(1, 8)) % 12],
        "year_past": str(published.year - rng.randint(2, 15)),
        "year_future": str(published.year + rng.randint(2, 8)),
        "hours": str(rng.randint(2, 11)), "hour_late": rng.choice(["two", "three", "four", "five"]),
        "n_tiny": str(rng.randint(2, 5)), "n_small": str(rng.randint(3, 12)),
        "n_med": str(rng.randint(14, 480)), "n_large": f"{rng.randint(1200, 48000):,}",
        "deaths": str(rng.randint(3, 900)), "injured": str(rng.randint(20, 4000)),
        "displaced": f"{rng.randint(2, 180) * 500:,}", "crowd": f"{rng.randint(10, 400) * 500:,}",
        "crowd_small": f"{rng.randint(4, 90) * 100:,}", "employees": f"{rng.randint(30, 900) * 100:,}",
        "population": str(rng.randint(4, 220)), "rain": str(rng.randint(150, 600)),
        "temp": str(rng.randint(38, 47)), "age": str(rng.randint(19, 84)),
        "pct": str(rng.randint(34, 89)), "pct2": f"{rng.uniform(28, 78):.1f}",
        "pct_small": f"{rng.uniform(2, 25):.1f}", "pct_tiny": f"{rng.uniform(0.2, 4.5):.1f}",
        "mag": f"{rng.uniform(4.8, 7.9):.1f}", "depth": str(rng.randint(5, 70)),
        "money": money(rng, 80, 60000), "money2": money(rng, 50, 30000), "money3": money(rng, 40, 900),
        "ordinal": rng.choice(ORDINALS),
    }


def quote_sentence(rng: random.Random, ctx: dict[str, str], quote: str) -> str:
    """A quote attributed to one of the article's people, each with one consistent description."""
    role = ctx["role1"]
    speaker = rng.choice([
        ctx["person1"], ctx["person1"], f"{role.title()} {ctx['person1']}", f"{ctx['person1']}, the {role},",
        ctx["person2"], ctx["person3"],
        ctx["person5"], f"{ctx['person5']}, {ctx['age']}, a resident of {ctx['city']},",
        f"{ctx['person4']} of {ctx['think_tank']}",
    ])
    sentence = rng.choice(QUOTE_FRAMES).format(quote=quote, speaker=speaker, city=ctx["city"],
                                               when_short=ctx["when_short"], outlet=ctx["outlet"])
    # An appositive speaker ("X, the minister,") before ", speaking ..." would double the comma.
    return sentence.replace(",,", ",")


def paragraph(rng: random.Random, pool: list[str], first: str | None = None) -> str:
    """Sentences from `pool` (consumed) until 40-120 words; `first` opens the paragraph."""
    target = rng.randint(40, 120)
    sentences = [first] if first else []
    words = sum(len(s.split()) for s in sentences)
    while words < target and pool:
        candidate = pool.pop()
        n = len(candidate.split())
        if words + n > 120:
            if words >= 40:
                break
            continue
        sentences.append(candidate)
        words += n
    return " ".join(sentences)


def article(seed: int, index: int, attempt: int) -> dict[str, str]:
    rng = random.Random(f"chronicle-bench/{seed}/{index}/{attempt}")
    published = START + dt.timedelta(minutes=rng.randrange(int((END - START).total_seconds() // 60)))
    ctx = make_context(rng, published)
    kind_name = rng.choice(sorted(KINDS))
    kind = KINDS[kind_name]
    fill = lambda template: template.format_map(ctx)  # noqa: E731

    title = fill(rng.choice(kind["title"]))
    lead = fill(rng.choice(kind["lead"]))
    details = [fill(t) for t in rng.sample(kind["detail"], len(kind["detail"]))]
    quotes = [quote_sentence(rng, ctx, q) for q in rng.sample(kind["quote"], len(kind["quote"]))]
    background = [fill(t) for t in rng.sample(BACKGROUND, len(BACKGROUND))]

    # Body sentences: details interleaved with quotes, then background to fill the tail.
    body: list[str] = []
    while details or quotes:
        if details:
            body.append(details.pop())
        if quotes and rng.random() < 0.55:
            body.append(quotes.pop())
    body += background
    body.reverse()  # paragraph() pops from the end

    if rng.random() < 0.3:  # some wire copy carries a dateline
        lead = f"{ctx['city'].upper()}, {MONTHS[published.month - 1]} {published.day} - {lead}"
    n_paragraphs = rng.randint(3, 8)
    paragraphs = [paragraph(rng, body, first=lead)]
    while len(paragraphs) < n_paragraphs and body:
        p = paragraph(rng, body)
        if len(p.split()) >= 40:
            paragraphs.append(p)

    slug = "-".join("".join(c for c in w.lower() if c.isalnum()) for w in title.split()[:8])
    return {
        "external_id": f"synth-{seed}-{index:07d}",
        "title": title,
        "source": ctx["outlet"],
        "published_at": published.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "url": f"https://example.com/{published:%Y/%m/%d}/{slug}-{index}",
        "text": "\n\n".join(paragraphs),
        "_kind": kind_name,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100, help="number of articles (default 100)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--with-kind", action="store_true",
                        help="keep the template kind in a `kind` field (ignored by the server)")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must be >= 0")

    seen: set[str] = set()
    out = sys.stdout
    for index in range(args.count):
        attempt = 0
        while True:
            item = article(args.seed, index, attempt)
            if item["text"] not in seen:
                break
            attempt += 1
        seen.add(item["text"])
        kind = item.pop("_kind")
        if args.with_kind:
            item["kind"] = kind
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
        sys.exit(0)
