"""Isso (self-hosted, https://isso-comments.de): the default provider."""

from ..model import Embed, Thread

# the embed script, under the server's address (the setting is the address, not the script)
SCRIPT = "/js/embed.min.js"
OPTIONS = {
    "url": ("server", True, None),  # where Isso is served: https://comments.example.org
    "require_author": ("bool", False, False),
    "vote": ("bool", False, False),
}
THIRD_PARTY = False
READ_ONLY = True  # closed threads are shown from Isso's API, without a form


def names(text: str) -> frozenset[str]:
    """The names in a text, separated by spaces (a long list reads better a dozen a line)."""
    return frozenset(text.split())


# The languages Isso 0.14's client has a catalogue for (isso/js/app/i18n.js), as it spells them.
LANGUAGES = names(
    "bg ca cs da de en el eo es fa fi fr gl hr hu id it ja ko nl oc pl pt pt-BR pt-PT ru sk "
    "sv tr uk vi zh zh-CN zh-TW"
)

# Isso 0.14's counts where its own catalogue is wrong, as the forms for 1, 2 and 5 (between them
# every plural category of whole numbers in the language: a test holds them to CLDR's; a
# comment's time, date-*, to CLDR's own words for it, from Babel). Used on
# a page whose language Isso speaks and the theme has no catalog for (Isso's words otherwise);
# comments.js words each count by the browser's rules for the language, 1's form for every
# count of 1's category: a form without the count only where that category holds 1 alone
# (where it holds 21 too, 1 alone gets Isso's words without the count from ONE, below).
# Made of Isso's own words where it has them. "N hidden" is comment-hidden, the link to the
# rest of a long thread: Isso's is one form for every count in these languages.
HIDDEN = "comment-hidden"
CORRECTED_COUNTS = {
    # "2 Komentářů", "22 Komentářů"; Czech says 1 komentář, 2-4 komentáře, 5 and up
    # komentářů; "5 skryto", neuter: Czech's three forms as Isso's Slovak has them
    "cs": {
        "num-comments": ("Jeden komentář", "{{ n }} komentáře", "{{ n }} komentářů"),
        HIDDEN: (
            "{{ n }} skrytý komentář",
            "{{ n }} skryté komentáře",
            "{{ n }} skrytých komentářů",
        ),
    },
    # half English: "{{ n }} Comments"; "comentarios" is Isso's own word ("Sen comentarios");
    # "5 Oculto", singular and capitalised
    "gl": {
        "num-comments": ("Un comentario", "{{ n }} comentarios", "{{ n }} comentarios"),
        HIDDEN: (
            "{{ n }} comentario oculto",
            "{{ n }} comentarios ocultos",
            "{{ n }} comentarios ocultos",
        ),
    },
    # English's rule: "21 komentara", where Croatian says 21 komentar (as 1), 2-4 komentara,
    # 5 komentara; "5 Skrivenih"; times with English's rule too: "prije 2 minuta", "prije 21
    # sati", "prije 3 tjedana" (CLDR's, from Babel: "prije 2 minute", "prije 21 sat", "prije 3
    # tjedna"). Its "prije {{ n }} dana" holds for the 2 to 5 days Isso words that way.
    "hr": {
        "num-comments": ("{{ n }} komentar", "{{ n }} komentara", "{{ n }} komentara"),
        HIDDEN: (
            "{{ n }} skriveni komentar",
            "{{ n }} skrivena komentara",
            "{{ n }} skrivenih komentara",
        ),
        "date-minute": ("prije {{ n }} minutu", "prije {{ n }} minute", "prije {{ n }} minuta"),
        "date-hour": ("prije {{ n }} sat", "prije {{ n }} sata", "prije {{ n }} sati"),
        "date-week": ("prije {{ n }} tjedan", "prije {{ n }} tjedna", "prije {{ n }} tjedana"),
        "date-month": ("prije {{ n }} mjesec", "prije {{ n }} mjeseca", "prije {{ n }} mjeseci"),
        "date-year": ("prije {{ n }} godinu", "prije {{ n }} godine", "prije {{ n }} godina"),
    },
    # "2 Kommentarer" (Danish nouns take no capital), "5 Skjult"
    "da": {
        "num-comments": ("En kommentar", "{{ n }} kommentarer", "{{ n }} kommentarer"),
        HIDDEN: (
            "{{ n }} skjult kommentar",
            "{{ n }} skjulte kommentarer",
            "{{ n }} skjulte kommentarer",
        ),
    },
    # "5 Gömd"
    "sv": {
        HIDDEN: ("{{ n }} dold kommentar", "{{ n }} dolda kommentarer", "{{ n }} dolda kommentarer")
    },
    # "5 Прихований"; "5хвилин тому" (no space), and a form without the count for 1's
    # category, which holds 21: "хвилину тому" (a minute ago) for 21 minutes, "годину тому"
    # for 21 hours, "минулого року" for 21 years. CLDR's, from Babel: "21 хвилину тому".
    # Its days, weeks and months count right for the counts Isso words them with (up to 5, 3,
    # 11); its words for a month ago are CORRECTED_TIMES'.
    "uk": {
        HIDDEN: (
            "{{ n }} прихований коментар",
            "{{ n }} приховані коментарі",
            "{{ n }} прихованих коментарів",
        ),
        "date-minute": ("{{ n }} хвилину тому", "{{ n }} хвилини тому", "{{ n }} хвилин тому"),
        "date-hour": ("{{ n }} годину тому", "{{ n }} години тому", "{{ n }} годин тому"),
        "date-year": ("{{ n }} рік тому", "{{ n }} роки тому", "{{ n }} років тому"),
    },
}
CORRECTED_SAMPLES = (1, 2, 5)

# Isso's own words for exactly 1 where the corrected forms, above, must carry the count for
# 1's plural category because it holds other counts too (21, 31, ...): Isso's idiom, without
# the count ("хвилину тому", not "1 хвилину тому"). comments.js prefers a count's own words
# to its category's form; Isso's line for the category keeps the count, so that 21 is read
# back as 21. A test holds each to Isso's catalogue and to CLDR's category for 1.
ONE = {
    "hr": {
        "num-comments": "Jedan komentar",
        "date-minute": "prije minutu",
        "date-hour": "prije sat vremena",
        "date-week": "prošli tjedan",
        "date-month": "prošli mjesec",
        "date-year": "prošle godine",
    },
    "uk": {
        "date-minute": "хвилину тому",
        "date-hour": "годину тому",
        "date-year": "минулого року",
    },
}

# Isso 0.14's comment times (date-*) where its catalogue words them wrong and its plural rule
# is right for the counts it words them with, as Isso's own lines (its catalogue's number of
# them, the first for 1 alone) that stand in for the whole key: CLDR's words (Babel's
# relative times: a test holds every line with the count to them), Isso's words
# for 1 where those are right; or, where Isso's other lines differ from CLDR's only in style,
# Isso's own with the one fault mended (a stray space, a misspelling, the wrong week).
# Isso's line for 1 is a week for 6 to 13 days, a month for 22 to 59, a year for 346 to 730
# (ago() in isso/js/app/i18n.js). Given wherever Isso words times from its catalogue: a page of a
# catalog of ours in the language too.
PORTUGUESE_TIMES = {
    # "3 dias" said no "ago"; its other lines "2 semanas atrás": CLDR's "há" throughout
    "date-minute": ("há um minuto", "há {{ n }} minutos"),
    "date-hour": ("há uma hora", "há {{ n }} horas"),
    "date-day": ("ontem", "há {{ n }} dias"),
    "date-week": ("semana passada", "há {{ n }} semanas"),
    "date-month": ("mês passado", "há {{ n }} meses"),
    "date-year": ("ano passado", "há {{ n }} anos"),
}
CORRECTED_TIMES = {
    "pt": PORTUGUESE_TIMES,
    "pt-BR": PORTUGUESE_TIMES,
    "pt-PT": PORTUGUESE_TIMES,
    # "questa settimana", "questo mese", "quest'anno" (this week, month, year) for 10, 40 and
    # 400 days ago; "un ora fa" lacks its apostrophe
    "it": {
        "date-hour": ("un’ora fa", "{{ n }} ore fa"),
        "date-week": ("1 settimana fa", "{{ n }} settimane fa"),
        "date-month": ("1 mese fa", "{{ n }} mesi fa"),
        "date-year": ("1 anno fa", "{{ n }} anni fa"),
    },
    # "2 minggu lalu" beside "2 hari yang lalu": CLDR's "yang lalu" throughout
    "id": {
        "date-week": ("1 minggu yang lalu", "{{ n }} minggu yang lalu"),
        "date-month": ("1 bulan yang lalu", "{{ n }} bulan yang lalu"),
        "date-year": ("1 tahun yang lalu", "{{ n }} tahun yang lalu"),
    },
    # "останній місяць" (the final month) for 22 to 59 days ago: "минулого місяця", as its
    # "минулого тижня" and "минулого року"; Isso words months up to 11, 1 alone in 1's
    # category (21 is not reached), so its own three lines and rule hold
    "uk": {
        "date-month": ("минулого місяця", "{{ n }} місяці тому", "{{ n }} місяців тому"),
    },
    # Isso's own wording kept where it differs from CLDR's only in style ("Il y a", "siden"
    # without "for"), one fault mended. French: "Il y a 5 heures " ended in a space
    "fr": {"date-hour": ("Il y a une heure", "Il y a {{ n }} heures")},
    # Occitan: "fa una minuta " ended in a space
    "oc": {"date-minute": ("fa una minuta", "fa {{ n }} minutas")},
    # Danish: "Igår" for yesterday is Swedish spelling; Danish (and CLDR's da) writes "i går",
    # lower case as Isso's other Danish lines
    "da": {"date-day": ("i går", "{{ n }} dage siden")},
    # Vietnamese: "Tuần qua" (this past week) for 6 to 13 days ago, beside Isso's own "Tháng
    # trước" and "Năm trước" (last month, last year): CLDR's vi "tuần trước" (last week)
    "vi": {"date-week": ("Tuần trước", "{{ n }} tuần trước")},
}


def corrected_times(lang: str) -> dict[str, str]:
    """The comment times that replace Isso's own for its language ``lang``, as Isso reads a
    plural (its lines joined by newlines); empty where Isso's stand."""
    return {key: "\n".join(lines) for key, lines in CORRECTED_TIMES.get(lang, {}).items()}


# Isso 0.14's words a reader sees that its catalogue of a language lacks (Isso shows its
# English then, unmarked: a placeholder cannot carry lang="en") or gets wrong, given to Isso
# as data-isso-<key>-text-<lang> on a page that has Isso's words. Every key of
# isso/js/app/i18n/en.js is looked up through i18n.translate, which reads those first.
# Placeholders say what the theme's English ones say ("Shown publicly", "Never shown"); the
# website's (https://example.com) is no language's and stays. None holds ' " < > & (a test
# holds them), though comments.js escapes what Isso puts into its HTML (MARKUP_KEYS below).
CORRECTED_WORDS = {
    "hu": {
        "postbox-author-placeholder": "Nyilvánosan megjelenik",
        "postbox-email": "E-mail (nem kötelező)",  # Isso's "Email"
        "postbox-email-placeholder": "Sehol nem jelenik meg",
        "postbox-website": "Weboldal (nem kötelező)",  # Isso's "Website", English
        "postbox-edit": "Szerkesztés",  # Isso's "Szerekesztés", misspelt
        "postbox-notification": "Értesítés e-mailben, ha valaki válaszol",
        "atom-feed": "Atom-hírcsatorna",
        "comment-edit": "Szerkesztés",
        "comment-cancel": "Mégse",  # Isso's "Törlés" is "Delete", beside its Delete
        "comment-page-author-suffix": "Szerző",
    },
    "cs": {
        "postbox-text": "Sem napište svůj komentář (nejméně 3 znaky)",  # Isso's "napiště"
        "postbox-author-placeholder": "Zobrazí se veřejně",
        "postbox-email-placeholder": "Nikde se nezobrazí",
        "postbox-notification": "Upozornit mě e-mailem na odpovědi",
        "atom-feed": "Kanál Atom",
        "comment-page-author-suffix": "Autor",
    },
    # Isso's "Πρεμιέρα" is a film's première
    "el": {"postbox-preview": "Προεπισκόπηση"},
    # Isso's "Прев'ю" ends its button's value='…' at the apostrophe: the button said "Прев"
    "uk": {"postbox-preview": "Попередній перегляд"},
}

# The languages whose pages showed Isso 0.14's English name and e-mail placeholders ("John
# Doe", "johndoe@example.com"): its catalogue lacks them (Isso falls back to English) or gives
# the English ones (Catalan, Spanish, Japanese, Ukrainian); a test reads them from Isso's. A
# placeholder cannot be marked lang="en", and a word of ours in these languages could not be
# checked: the e-mail's becomes an address with no name in it, and the name's none (given as
# a space: Isso reads an empty string as none given and shows its English; comments.js
# removes a placeholder of a space). The field's label says what it is, in the language.
ENGLISH_PLACEHOLDERS = names(
    "bg ca da el eo es fa fi fr hr it ja ko nl oc pl pt pt-BR pt-PT ru sk sv tr uk vi "
    "zh zh-CN zh-TW"
)
NO_PLACEHOLDER = " "
NEUTRAL_PLACEHOLDERS = {
    "postbox-author-placeholder": NO_PLACEHOLDER,
    "postbox-email-placeholder": "name@example.com",
}


# Isso 0.14's words that its catalogue of a language lacks, so that it shows them in English,
# and that no real source gives us in that language (Isso's catalogues, the theme's): the
# feed link, the reply-notification label and the author's badge, shown only where the
# server turns them on ([rss] base, reply-notifications, page-author-hashes). comments.js
# marks them lang="en" (WCAG 3.1.2) on those pages, by the keys english_keys() gives; a test
# reads the lists from Isso's catalogues.
ENGLISH_WORDS = {
    "atom-feed": names("bg cs da el eo fa fi hr hu it nl ru sk sv vi zh zh-CN zh-TW"),
    "postbox-notification": names("bg cs da el eo fa fi hr hu it nl sk sv"),
    # beside a comment by the post's author, where the server knows them (page-author-hashes)
    "comment-page-author-suffix": names(
        "bg cs da el eo fa fi fr hr hu it ko nl oc pl pt pt-BR pt-PT ru sk sv tr vi zh zh-CN zh-TW"
    ),
}


def english_keys(lang: str) -> list[str]:
    """The keys of the words Isso shows in English on a page with its words in ``lang``
    (none where the embed gives words of the language: Hungarian's and Czech's feed link)."""
    given = isso_words(lang)
    return sorted(k for k, langs in ENGLISH_WORDS.items() if lang in langs and k not in given)


def isso_words(lang: str) -> dict[str, str]:
    """The words that stand in for Isso's own on a page with Isso's words in ``lang`` (its
    code as ``isso_lang`` gives it): CORRECTED_WORDS, and the neutral placeholders."""
    neutral = NEUTRAL_PLACEHOLDERS if lang in ENGLISH_PLACEHOLDERS else {}
    return {**neutral, **CORRECTED_WORDS.get(lang, {})}


# The keys whose words Isso 0.14 puts unescaped into the HTML it builds (the i18n() and
# pluralize() calls of isso/js/app/templates/*.js; a test reads them there), some inside
# attributes quoted with ': Isso's own Ukrainian "Прев'ю" ended its Preview button at the
# apostrophe, and so would any catalog of ours with one. comments.js gives these escaped. The
# second set Isso also writes as text later (Reply comes back after "Cancel reply", Edit
# after Save, Delete after Confirm, "Comment deleted." on deleting): an entity would show there
# as typed, so their words are given as they are, and not at all if they hold < or & (Isso's
# own word stays; a test holds the catalogs to that). Every other key Isso writes as text.
MARKUP_KEYS = names(
    "postbox-text postbox-author postbox-author-placeholder postbox-email "
    "postbox-email-placeholder postbox-website postbox-website-placeholder postbox-preview "
    "postbox-edit postbox-submit postbox-notification "
    "comment-anonymous comment-page-author-suffix comment-queued comment-hidden"
)
MARKUP_AND_TEXT_KEYS = frozenset(
    ("comment-reply", "comment-edit", "comment-delete", "comment-deleted")
)
UNSAFE_IN_MARKUP = "<&"  # what an element's text cannot hold as it is


def markup_problem(key: str, text: str) -> str | None:
    """Why Isso cannot be given ``text`` as its ``key`` (it would read it as HTML), or None."""
    found = sorted(set(text) & set(UNSAFE_IN_MARKUP))
    if key in MARKUP_AND_TEXT_KEYS and found:
        return f"holds {' and '.join(found)}, which Isso would read as HTML"
    return None


def corrected_plurals(lang: str) -> dict | None:
    """The plurals that replace Isso's own for its language ``lang``, as data-comments-plurals
    gives them (``{"lang", "samples", "forms"}``, and ``"exact": {key: {"1": words}}`` where
    1 has words of its own); None where Isso's stand."""
    forms = CORRECTED_COUNTS.get(lang)
    if forms is None:
        return None
    found = {
        "lang": lang,
        "samples": list(CORRECTED_SAMPLES),
        "forms": {key: list(lines) for key, lines in forms.items()},
    }
    if lang in ONE:
        found["exact"] = {key: {"1": words} for key, words in ONE[lang].items()}
    return found


# Isso's two Chinese catalogues, by the script a page's Chinese is written in: its zh is
# zh-CN's (Simplified), which a page in Traditional Chinese must not get
CHINESE = {"Hans": "zh-CN", "Hant": "zh-TW"}
TRADITIONAL_REGIONS = frozenset({"TW", "HK", "MO"})


def isso_lang(lang: str) -> str:
    """The language Isso runs in for a page: the page's, its primary subtag's, else English.

    Chinese goes by its script: zh-Hant, zh-TW, zh-HK, zh-MO and zh-Hant-TW get Isso's zh-TW
    (Traditional), zh-Hans, zh-CN and zh-SG its zh-CN (Simplified). Isso reads its string
    overrides (``data-isso-<key>-text-<lang>``) only under the language it picked; for a
    language it has no catalogue for it would pick the browser's instead, and our strings (in
    the page's language) would not show. English keeps our strings in charge.
    """
    parts = (lang or "en").replace("_", "-").split("-")
    primary = parts[0].lower()
    if primary == "zh":
        script = next((p.title() for p in parts[1:] if len(p) == 4 and p.isalpha()), None)
        regions = {p.upper() for p in parts[1:] if len(p) == 2}
        if script is None and regions:
            script = "Hant" if regions & TRADITIONAL_REGIONS else "Hans"
        return CHINESE.get(script or "", "zh")  # zh alone: Isso's zh (Simplified)
    code = primary
    if len(parts) > 1:
        code = f"{primary}-{parts[1].upper()}"
    for candidate in (code, primary):
        if candidate in LANGUAGES:
            return candidate
    return "en"


def embed(options: dict, thread: Thread) -> Embed:
    """Isso's embed script, configured through data attributes.

    The theme styles the thread itself (``data-isso-css="false"``: no isso.css) and shows no
    identicons (``data-isso-avatar="false"``); Isso's strings are the theme's own, in the
    page's language, through ``text_attr``.
    """
    url = options["url"]
    lang = isso_lang(thread.lang)
    return Embed(
        script=url + SCRIPT,
        script_attrs={
            "data-isso": f"{url}/",
            "data-isso-lang": lang,
            "data-isso-require-author": str(options["require_author"]).lower(),
            "data-isso-vote": str(options["vote"]).lower(),
            "data-isso-css": "false",
            "data-isso-avatar": "false",
        },
        target={"id": "isso-thread", "data-isso-id": thread.id, "data-title": thread.title},
        count_api=f"{url}/count",
        read_api=f"{url}/",
        check_api=f"{url}/config",  # what embed.min.js asks first; it shows nothing without it
        # Isso lowercases attribute names (HTML does) and looks strings up by its language
        text_attr="data-isso-{key}-text-" + lang.lower(),
        plurals=corrected_plurals(lang),
        texts=isso_words(lang),
        times=corrected_times(lang),
        english=english_keys(lang),
        text_markup={
            "html": sorted(MARKUP_KEYS),
            "html_and_text": sorted(MARKUP_AND_TEXT_KEYS),
        },
    )
