"""Control characters in a file's text: where the first one stands, what it is, and HTML
without them.

Pasted text brings characters no web page (the HTML standard) or feed (XML 1.0) may carry:
a terminal's colour codes (ESC), a PDF's page break (a form feed), Word's line break (a
vertical tab), DEL, U+FFFE. A feed holding one made the whole build stop, naming no file;
U+FFFE made each feed holding the post malformed, without a word. The reader names the
first with its line (``problem``); the sanitiser leaves them out of the HTML
(``html_without``), so a development build goes on, and the feeds, the search index and
the descriptions made from that HTML are well formed.

Pure: no Pelican, no Markdown.
"""

import re

# C0 controls but tab, line feed and carriage return; DEL and the C1 controls; U+FFFE,
# U+FFFF; half of a surrogate pair (only an HTML entity or a JSON escape can write one)
FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
# a tag of the HTML around it: a highlighter may split a colour code (bash: ESC<span>[</span>1m)
_TAG = r"(?:<[^<>]*>)*"
# a terminal's colour or cursor code, whole: ESC [ numbers ; letter (CSI), ESC ] title BEL
# (OSC); over HTML, the tags inside one are kept (no < or > in its numbers: always a tag)
_TERMINAL_CODE = re.compile(
    rf"\x1b{_TAG}\[(?:[0-;=?]|<[^<>]*>)*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b<>]*(?:\x07|\x1b\\)"
)
_KEPT_TAGS = re.compile(r"<[^<>]*>")

# what the writer pasted, where one character has a usual source
_NAMES = {
    "\x00": "a NUL character (a zero byte)",
    "\x08": "a backspace (BS)",
    "\x0b": "a vertical tab (VT, a line break pasted from Word)",
    "\x0c": "a form feed (FF, a page break pasted from a PDF)",
    "\x1b": "an escape character (ESC, from pasted terminal colours)",
    "\x7f": "a delete character (DEL)",
    "\ufffe": "the noncharacter U+FFFE (a byte-order mark read the wrong way round)",
    "\uffff": "the noncharacter U+FFFF",
}


def describe(character: str) -> str:
    """What one forbidden character is, for a writer: 'an escape character (ESC, ...)'."""
    if character in _NAMES:
        return _NAMES[character]
    if "\ud800" <= character <= "\udfff":
        return "half of a character (a lone surrogate)"
    if "\x80" <= character <= "\x9f":
        return "a C1 control character (a Windows quote or dash converted twice)"
    return "a control character"


def lines_with(text: str) -> list[int]:
    """The numbers of the lines (counted as Markdown counts them: at line feeds, not at a
    form feed or a vertical tab, as str.splitlines would) that hold a forbidden character."""
    if not FORBIDDEN.search(text):
        return []
    return [number for number, line in enumerate(text.split("\n"), 1) if FORBIDDEN.search(line)]


# the characters that stand between words (a PDF's page break, Word's line break): a space
# in the page, not nothing ("Page one\fpage two." read "Page onepage two.")
SPACES = "\x0b\x0c"
# the different characters a line names with their first line before "and so do lines ..."
KINDS_SHOWN = 3


def problem(text: str) -> str | None:
    """One line for a file's text holding forbidden characters, from its line: 'line 12
    holds U+001B, an escape character (...), which ...'; each other character with the first
    line it is on; None for text without any."""
    numbers = lines_with(text)
    if not numbers:
        return None
    lines = text.split("\n")
    firsts: dict[str, int] = {}  # each character, by the first line holding it
    for number in numbers:
        for character in FORBIDDEN.findall(lines[number - 1]):
            firsts.setdefault(character, number)
    named = list(firsts.items())[:KINDS_SHOWN]
    said, last = [], None
    for character, number in named:  # a different character: its own first line
        holds = "also holds" if number == last else "holds"
        said.append(f"line {number} {holds} U+{ord(character):04X}, {describe(character)}")
        last = number
    kinds = "; ".join(said) + (" and others" if len(firsts) > KINDS_SHOWN else "")
    more = [n for n in numbers if n not in {number for _, number in named}]
    shown = ", ".join(str(n) for n in more[:5]) + (" ..." if len(more) > 5 else "")
    if not more:
        also = ""
    elif len(firsts) > 1:  # not "so does": another line's may be another character
        also = f", and line {shown} holds more" if len(more) == 1 else f", and lines {shown} more"
    else:
        also = f", and so {'do lines' if len(more) > 1 else 'does line'} {shown}"
    many = len(numbers) > 1 or len(FORBIDDEN.findall(lines[numbers[0] - 1])) > 1
    spaced = [c for c in firsts if c in SPACES]
    if not spaced:
        fate = (
            "they are left out of the page; delete them"
            if many
            else "it is left out of the page; delete it"
        )
    elif len(spaced) < len(firsts):
        fate = (
            "they are left out of the page (a form feed or a vertical tab is a space); delete "
            "them, or put a space or a line break in place of a form feed or vertical tab"
        )
    elif many:
        fate = "each is a space in the page; put a space or a line break in place of each"
    else:
        fate = "it is a space in the page; put a space or a line break in its place"
    if len(firsts) > 1:
        return f"{kinds}{also}: no web page or feed may carry them; {fate}"
    return f"{kinds}, which no web page or feed may carry{also}: {fate}"


def html_without(html: str) -> str:
    """``html`` (a fragment as the sanitiser writes it) without forbidden characters: a
    terminal's colour code whole, not only its ESC ("[1mbold[0m"), the tags within it kept;
    a form feed or a vertical tab, which stands between words, as a space."""
    if not FORBIDDEN.search(html):
        return html  # nearly every page
    if "\x1b" in html:
        html = _TERMINAL_CODE.sub(lambda m: "".join(_KEPT_TAGS.findall(m[0])), html)
    return FORBIDDEN.sub(lambda m: " " if m[0] in SPACES else "", html)
