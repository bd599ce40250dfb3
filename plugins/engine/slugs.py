"""The slug the writing tools give a title: `make new-post` and the importer.

One rule, the one Pelican's own ``slugify`` follows by default: letters transliterated to ASCII
with Unidecode (``Straße`` → ``strasse``, ``Привет`` → ``privet``, ``東京`` → ``dong-jing``),
then lowercase letters and digits, anything else one hyphen. A slug made this way is what
Pelican would make of the slug again, so the strict reader's slug check always accepts it.
Pure: no Pelican import (Unidecode is Pelican's dependency).
"""

from __future__ import annotations

import re

from unidecode import unidecode


def slug(text: str) -> str:
    """A URL slug from a title: 'Nos salles préférées' -> 'nos-salles-preferees' ('' if none)."""
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")
