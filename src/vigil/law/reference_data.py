"""Reference data for the law app: instruments, provisions, crimes and their elements.

Short paraphrases with article references, never long quotations. Elements follow the ICC's
Elements of Crimes (ICC-ASP/1/3 and Corr.1, as amended; official text at the ICC's website),
which lists, for each crime, its material, mental and contextual elements in order.
"""

GENOCIDE_CONVENTION = "genocide-convention"
ROME_STATUTE = "rome-statute"
ELEMENTS_OF_CRIMES = "icc-elements-of-crimes"
UDHR = "udhr"

# Each instrument's title, short title and aliases are also the names the extraction of legal
# references looks for in English texts (ingest/extract/legal.py); its short title is the name a
# legal-reference candidate gives it, which `provisions_cited` (reference.py) looks up here.
INSTRUMENTS = [
    {
        "code": GENOCIDE_CONVENTION,
        "title": "Convention on the Prevention and Punishment of the Crime of Genocide",
        "short_title": "Genocide Convention",
        "aliases": ["Genocide Convention", "Convention against Genocide"],
        "adopted": "1948-12-09",
        "reference": "United Nations, Treaty Series, vol. 78, p. 277",
        "url": "https://treaties.un.org/doc/Publication/UNTS/Volume%2078/volume-78-I-1021-English.pdf",
    },
    {
        "code": ROME_STATUTE,
        "title": "Rome Statute of the International Criminal Court",
        "short_title": "Rome Statute",
        "aliases": ["Rome Statute", "Statute of the International Criminal Court", "ICC Statute"],
        "adopted": "1998-07-17",
        "reference": "United Nations, Treaty Series, vol. 2187, p. 3",
        "url": "https://www.icc-cpi.int/sites/default/files/RS-Eng.pdf",
    },
    {
        "code": ELEMENTS_OF_CRIMES,
        "title": "Elements of Crimes (International Criminal Court)",
        "short_title": "Elements of Crimes",
        "adopted": "2002-09-09",
        "reference": "Official Records of the Assembly of States Parties, ICC-ASP/1/3 (Part II-B)",
        "url": "https://www.icc-cpi.int/sites/default/files/Publications/Elements-of-Crimes.pdf",
    },
    {
        "code": UDHR,
        "title": "Universal Declaration of Human Rights",
        "short_title": "UDHR",
        "aliases": ["UDHR", "Universal Declaration"],
        "adopted": "1948-12-10",
        "reference": "UN General Assembly resolution 217 A (III)",
        "url": "https://www.un.org/en/about-us/universal-declaration-of-human-rights",
    },
]

# (instrument, code, article, paraphrase)
PROVISIONS = [
    (GENOCIDE_CONVENTION, "GC-II-a", "Art. II(a)", "Genocide: killing members of the group."),
    (
        GENOCIDE_CONVENTION,
        "GC-II-b",
        "Art. II(b)",
        "Genocide: causing serious bodily or mental harm to members of the group.",
    ),
    (
        GENOCIDE_CONVENTION,
        "GC-II-c",
        "Art. II(c)",
        "Genocide: deliberately inflicting on the group conditions of life calculated to bring about its physical destruction in whole or in part.",
    ),
    (
        GENOCIDE_CONVENTION,
        "GC-II-d",
        "Art. II(d)",
        "Genocide: imposing measures intended to prevent births within the group.",
    ),
    (
        GENOCIDE_CONVENTION,
        "GC-II-e",
        "Art. II(e)",
        "Genocide: forcibly transferring children of the group to another group.",
    ),
    (GENOCIDE_CONVENTION, "GC-III-a", "Art. III(a)", "Punishable: genocide."),
    (GENOCIDE_CONVENTION, "GC-III-b", "Art. III(b)", "Punishable: conspiracy to commit genocide."),
    (
        GENOCIDE_CONVENTION,
        "GC-III-c",
        "Art. III(c)",
        "Punishable: direct and public incitement to commit genocide.",
    ),
    (GENOCIDE_CONVENTION, "GC-III-d", "Art. III(d)", "Punishable: attempt to commit genocide."),
    (GENOCIDE_CONVENTION, "GC-III-e", "Art. III(e)", "Punishable: complicity in genocide."),
    (
        ROME_STATUTE,
        "RS-6-a",
        "Art. 6(a)",
        "Genocide by killing members of a national, ethnical, racial or religious group.",
    ),
    (
        ROME_STATUTE,
        "RS-6-b",
        "Art. 6(b)",
        "Genocide by causing serious bodily or mental harm to members of the group.",
    ),
    (
        ROME_STATUTE,
        "RS-6-c",
        "Art. 6(c)",
        "Genocide by deliberately inflicting conditions of life calculated to bring about the group's physical destruction.",
    ),
    (
        ROME_STATUTE,
        "RS-6-d",
        "Art. 6(d)",
        "Genocide by imposing measures intended to prevent births within the group.",
    ),
    (
        ROME_STATUTE,
        "RS-6-e",
        "Art. 6(e)",
        "Genocide by forcibly transferring children of the group to another group.",
    ),
    (ROME_STATUTE, "RS-7-1-a", "Art. 7(1)(a)", "Crime against humanity of murder."),
    (ROME_STATUTE, "RS-7-1-b", "Art. 7(1)(b)", "Crime against humanity of extermination."),
    (
        ROME_STATUTE,
        "RS-7-1-e",
        "Art. 7(1)(e)",
        "Crime against humanity of imprisonment or other severe deprivation of physical liberty.",
    ),
    (ROME_STATUTE, "RS-7-1-h", "Art. 7(1)(h)", "Crime against humanity of persecution."),
    (
        ROME_STATUTE,
        "RS-7-1-i",
        "Art. 7(1)(i)",
        "Crime against humanity of enforced disappearance of persons.",
    ),
    (
        ROME_STATUTE,
        "RS-8-2-a-i",
        "Art. 8(2)(a)(i)",
        "War crime of wilful killing (grave breach of the Geneva Conventions).",
    ),
    (
        ROME_STATUTE,
        "RS-8-2-a-viii",
        "Art. 8(2)(a)(viii)",
        "War crime of taking hostages (grave breach of the Geneva Conventions).",
    ),
    (
        ROME_STATUTE,
        "RS-8-2-b-i",
        "Art. 8(2)(b)(i)",
        "War crime of intentionally directing attacks against civilians (international armed conflict).",
    ),
    (
        ROME_STATUTE,
        "RS-8-2-c-i",
        "Art. 8(2)(c)(i)",
        "War crime of violence to life and person, in particular murder (armed conflict not of an international character).",
    ),
    (
        ROME_STATUTE,
        "RS-8-2-c-iii",
        "Art. 8(2)(c)(iii)",
        "War crime of taking hostages (armed conflict not of an international character).",
    ),
    (
        ROME_STATUTE,
        "RS-8-2-e-i",
        "Art. 8(2)(e)(i)",
        "War crime of intentionally directing attacks against civilians (armed conflict not of an international character).",
    ),
    (
        UDHR,
        "UDHR-2",
        "Art. 2",
        "Everyone is entitled to the Declaration's rights without distinction of any kind.",
    ),
    (UDHR, "UDHR-3", "Art. 3", "Right to life, liberty and security of person."),
    (
        UDHR,
        "UDHR-5",
        "Art. 5",
        "No one shall be subjected to torture or cruel, inhuman or degrading treatment.",
    ),
    (
        UDHR,
        "UDHR-9",
        "Art. 9",
        "No one shall be subjected to arbitrary arrest, detention or exile.",
    ),
    (
        UDHR,
        "UDHR-17",
        "Art. 17",
        "Right to own property; no one shall be arbitrarily deprived of it.",
    ),
]

# Element kinds: conduct, circumstance, consequence, intent (specific or other mental element),
# contextual. The gap list puts contextual and intent elements first.
GROUP = (
    "circumstance",
    "The victims belonged to a particular national, ethnical, racial or religious group.",
)
GENOCIDAL_INTENT = (
    "intent",
    "The perpetrator intended to destroy that group, in whole or in part, as such (specific intent).",
)
GENOCIDE_CONTEXT = (
    "contextual",
    "The conduct took place in the context of a manifest pattern of similar conduct directed against that group, or could itself effect such destruction.",
)
CAH_CONTEXT = (
    "contextual",
    "The conduct was committed as part of a widespread or systematic attack directed against a civilian population.",
)
CAH_KNOWLEDGE = (
    "intent",
    "The perpetrator knew the conduct was part of, or intended it to be part of, such an attack.",
)
IAC_CONTEXT = (
    "contextual",
    "The conduct took place in the context of and was associated with an international armed conflict.",
)
NIAC_CONTEXT = (
    "contextual",
    "The conduct took place in the context of and was associated with an armed conflict not of an international character.",
)
CONFLICT_AWARENESS = (
    "intent",
    "The perpetrator was aware of the factual circumstances that established the existence of an armed conflict.",
)
GENEVA_PROTECTED = (
    "circumstance",
    "The victims were protected under one or more of the Geneva Conventions of 1949.",
)
GENEVA_AWARENESS = (
    "intent",
    "The perpetrator was aware of the factual circumstances that established that protected status.",
)
HORS_DE_COMBAT = (
    "circumstance",
    "The victims were hors de combat, or civilians, medical or religious personnel taking no active part in the hostilities.",
)
HORS_DE_COMBAT_AWARENESS = (
    "intent",
    "The perpetrator was aware of the factual circumstances that established this status.",
)
HOSTAGE_SEIZED = (
    "conduct",
    "The perpetrator seized, detained or otherwise held hostage one or more persons.",
)
HOSTAGE_THREAT = (
    "conduct",
    "The perpetrator threatened to kill, injure or continue to detain them.",
)
HOSTAGE_COMPEL = (
    "intent",
    "The perpetrator intended to compel a State, organisation, person or group to act or refrain from acting as a condition for their safety or release.",
)
ATTACK_DIRECTED = ("conduct", "The perpetrator directed an attack.")
ATTACK_OBJECT = (
    "circumstance",
    "The object of the attack was a civilian population as such or individual civilians not taking direct part in hostilities.",
)
ATTACK_INTENT = (
    "intent",
    "The perpetrator intended the civilian population or individual civilians to be the object of the attack.",
)
KILLED = ("conduct", "The perpetrator killed one or more persons.")
HARMED = ("conduct", "The perpetrator caused serious bodily or mental harm to one or more persons.")

# (crime code, provision code, category, name, elements reference, [elements])
CRIMES = [
    (
        "GC-II-a",
        "GC-II-a",
        "genocide",
        "Genocide by killing (Genocide Convention)",
        "Genocide Convention, Art. II chapeau and (a)",
        [KILLED, GROUP, GENOCIDAL_INTENT],
    ),
    (
        "GC-II-b",
        "GC-II-b",
        "genocide",
        "Genocide by causing serious harm (Genocide Convention)",
        "Genocide Convention, Art. II chapeau and (b)",
        [HARMED, GROUP, GENOCIDAL_INTENT],
    ),
    (
        "GC-II-c",
        "GC-II-c",
        "genocide",
        "Genocide by conditions of life (Genocide Convention)",
        "Genocide Convention, Art. II chapeau and (c)",
        [
            (
                "conduct",
                "The perpetrator deliberately inflicted conditions of life on members of the group.",
            ),
            (
                "consequence",
                "The conditions were calculated to bring about the group's physical destruction in whole or in part.",
            ),
            GROUP,
            GENOCIDAL_INTENT,
        ],
    ),
    (
        "GC-II-d",
        "GC-II-d",
        "genocide",
        "Genocide by preventing births (Genocide Convention)",
        "Genocide Convention, Art. II chapeau and (d)",
        [
            (
                "conduct",
                "The perpetrator imposed measures intended to prevent births within the group.",
            ),
            GROUP,
            GENOCIDAL_INTENT,
        ],
    ),
    (
        "GC-II-e",
        "GC-II-e",
        "genocide",
        "Genocide by transferring children (Genocide Convention)",
        "Genocide Convention, Art. II chapeau and (e)",
        [
            (
                "conduct",
                "The perpetrator forcibly transferred children of the group to another group.",
            ),
            GROUP,
            GENOCIDAL_INTENT,
        ],
    ),
    (
        "RS-6-a",
        "RS-6-a",
        "genocide",
        "Genocide by killing",
        "Elements of Crimes, Art. 6(a)",
        [KILLED, GROUP, GENOCIDAL_INTENT, GENOCIDE_CONTEXT],
    ),
    (
        "RS-6-b",
        "RS-6-b",
        "genocide",
        "Genocide by causing serious bodily or mental harm",
        "Elements of Crimes, Art. 6(b)",
        [HARMED, GROUP, GENOCIDAL_INTENT, GENOCIDE_CONTEXT],
    ),
    (
        "RS-6-c",
        "RS-6-c",
        "genocide",
        "Genocide by deliberately inflicting conditions of life",
        "Elements of Crimes, Art. 6(c)",
        [
            (
                "conduct",
                "The perpetrator inflicted certain conditions of life upon one or more persons.",
            ),
            GROUP,
            GENOCIDAL_INTENT,
            (
                "consequence",
                "The conditions of life were calculated to bring about the group's physical destruction, in whole or in part.",
            ),
            GENOCIDE_CONTEXT,
        ],
    ),
    (
        "RS-6-d",
        "RS-6-d",
        "genocide",
        "Genocide by imposing measures intended to prevent births",
        "Elements of Crimes, Art. 6(d)",
        [
            ("conduct", "The perpetrator imposed certain measures upon one or more persons."),
            GROUP,
            GENOCIDAL_INTENT,
            ("intent", "The measures were intended to prevent births within that group."),
            GENOCIDE_CONTEXT,
        ],
    ),
    (
        "RS-6-e",
        "RS-6-e",
        "genocide",
        "Genocide by forcibly transferring children",
        "Elements of Crimes, Art. 6(e)",
        [
            ("conduct", "The perpetrator forcibly transferred one or more persons."),
            GROUP,
            GENOCIDAL_INTENT,
            ("circumstance", "The transfer was from that group to another group."),
            ("circumstance", "The persons were under the age of 18 years."),
            ("intent", "The perpetrator knew, or should have known, that they were under 18."),
            GENOCIDE_CONTEXT,
        ],
    ),
    (
        "RS-7-1-a",
        "RS-7-1-a",
        "crime_against_humanity",
        "Crime against humanity of murder",
        "Elements of Crimes, Art. 7(1)(a)",
        [KILLED, CAH_CONTEXT, CAH_KNOWLEDGE],
    ),
    (
        "RS-7-1-b",
        "RS-7-1-b",
        "crime_against_humanity",
        "Crime against humanity of extermination",
        "Elements of Crimes, Art. 7(1)(b)",
        [
            (
                "conduct",
                "The perpetrator killed one or more persons, including by inflicting conditions of life calculated to destroy part of a population.",
            ),
            (
                "circumstance",
                "The conduct constituted, or took place as part of, a mass killing of members of a civilian population.",
            ),
            CAH_CONTEXT,
            CAH_KNOWLEDGE,
        ],
    ),
    (
        "RS-7-1-e",
        "RS-7-1-e",
        "crime_against_humanity",
        "Crime against humanity of imprisonment",
        "Elements of Crimes, Art. 7(1)(e)",
        [
            (
                "conduct",
                "The perpetrator imprisoned one or more persons or otherwise severely deprived them of physical liberty.",
            ),
            (
                "circumstance",
                "The gravity of the conduct was such that it violated fundamental rules of international law.",
            ),
            (
                "intent",
                "The perpetrator was aware of the factual circumstances that established the gravity of the conduct.",
            ),
            CAH_CONTEXT,
            CAH_KNOWLEDGE,
        ],
    ),
    (
        "RS-7-1-h",
        "RS-7-1-h",
        "crime_against_humanity",
        "Crime against humanity of persecution",
        "Elements of Crimes, Art. 7(1)(h)",
        [
            (
                "conduct",
                "The perpetrator severely deprived one or more persons of fundamental rights, contrary to international law.",
            ),
            (
                "intent",
                "The perpetrator targeted them by reason of the identity of a group or collectivity, or targeted the group as such.",
            ),
            (
                "circumstance",
                "The targeting was on political, racial, national, ethnic, cultural, religious, gender or other impermissible grounds.",
            ),
            (
                "circumstance",
                "The conduct was committed in connection with another act under Art. 7(1) or another crime within the Court's jurisdiction.",
            ),
            CAH_CONTEXT,
            CAH_KNOWLEDGE,
        ],
    ),
    (
        "RS-7-1-i",
        "RS-7-1-i",
        "crime_against_humanity",
        "Crime against humanity of enforced disappearance",
        "Elements of Crimes, Art. 7(1)(i)",
        [
            (
                "conduct",
                "The perpetrator arrested, detained or abducted one or more persons, or refused to acknowledge it or to give information on their fate or whereabouts.",
            ),
            (
                "circumstance",
                "The deprivation of liberty was accompanied by such a refusal, or the refusal by such deprivation.",
            ),
            (
                "intent",
                "The perpetrator was aware that the deprivation of liberty would be followed by such a refusal, or the refusal accompanied by it.",
            ),
            (
                "circumstance",
                "The arrest, detention or abduction was carried out by, or with the support or acquiescence of, a State or political organisation.",
            ),
            (
                "circumstance",
                "The refusal to acknowledge or inform was carried out by, or with the support of, that State or organisation.",
            ),
            (
                "intent",
                "The perpetrator intended to remove the persons from the protection of the law for a prolonged period.",
            ),
            CAH_CONTEXT,
            CAH_KNOWLEDGE,
        ],
    ),
    (
        "RS-8-2-a-i",
        "RS-8-2-a-i",
        "war_crime",
        "War crime of wilful killing",
        "Elements of Crimes, Art. 8(2)(a)(i)",
        [KILLED, GENEVA_PROTECTED, GENEVA_AWARENESS, IAC_CONTEXT, CONFLICT_AWARENESS],
    ),
    (
        "RS-8-2-a-viii",
        "RS-8-2-a-viii",
        "war_crime",
        "War crime of taking hostages (international armed conflict)",
        "Elements of Crimes, Art. 8(2)(a)(viii)",
        [
            HOSTAGE_SEIZED,
            HOSTAGE_THREAT,
            HOSTAGE_COMPEL,
            GENEVA_PROTECTED,
            GENEVA_AWARENESS,
            IAC_CONTEXT,
            CONFLICT_AWARENESS,
        ],
    ),
    (
        "RS-8-2-b-i",
        "RS-8-2-b-i",
        "war_crime",
        "War crime of attacking civilians (international armed conflict)",
        "Elements of Crimes, Art. 8(2)(b)(i)",
        [ATTACK_DIRECTED, ATTACK_OBJECT, ATTACK_INTENT, IAC_CONTEXT, CONFLICT_AWARENESS],
    ),
    (
        "RS-8-2-c-i-1",
        "RS-8-2-c-i",
        "war_crime",
        "War crime of murder (non-international armed conflict)",
        "Elements of Crimes, Art. 8(2)(c)(i)-1",
        [KILLED, HORS_DE_COMBAT, HORS_DE_COMBAT_AWARENESS, NIAC_CONTEXT, CONFLICT_AWARENESS],
    ),
    (
        "RS-8-2-c-iii",
        "RS-8-2-c-iii",
        "war_crime",
        "War crime of taking hostages (non-international armed conflict)",
        "Elements of Crimes, Art. 8(2)(c)(iii)",
        [
            HOSTAGE_SEIZED,
            HOSTAGE_THREAT,
            HOSTAGE_COMPEL,
            HORS_DE_COMBAT,
            HORS_DE_COMBAT_AWARENESS,
            NIAC_CONTEXT,
            CONFLICT_AWARENESS,
        ],
    ),
    (
        "RS-8-2-e-i",
        "RS-8-2-e-i",
        "war_crime",
        "War crime of attacking civilians (non-international armed conflict)",
        "Elements of Crimes, Art. 8(2)(e)(i)",
        [ATTACK_DIRECTED, ATTACK_OBJECT, ATTACK_INTENT, NIAC_CONTEXT, CONFLICT_AWARENESS],
    ),
]
