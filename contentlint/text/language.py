"""Which Latin-script language a post is in, when nothing says: a count of function words,
offline and in microseconds, that answers only when it is sure.

A post whose front matter and config name no language used to be English, so Spanish and
Portuguese posts were graded with the English Flesch-Kincaid formula and their hashtags split
with English words. Function words give a language away in a few words of running text: each
language below has its most frequent ones (about 25). A post is that language when at least
`MIN_HITS` of its words are that language's function words and it has at least `MARGIN` times
as many as the runner-up. Otherwise the answer is None and the default stands.
"""

from __future__ import annotations

import regex

_WORD = regex.compile(r"[\p{L}\p{M}']+")

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to is that for it with was on are this by you your we our at from have not or an will can",
        "es": "el la los las de que y en un una es por con para del al se su lo como más pero sus ya este nuestro muy",
        "pt": "o os as de que e do da dos das em um uma é para com não no na por mais como seu sua nosso nossa são",
        "fr": "le la les de des et est un une du en que qui pour dans pas sur au avec ce cette nous vous sont",
        "de": "der die das und ist nicht ein eine zu den mit von für auf dem des sich im auch wir sie bei",
        "it": "il la di che e è un una per non con del della le gli sono al nel si anche più questo nostro",
        "nl": "de het een en van is dat op te in voor met niet zijn er aan ook als we onze bij",
    }.items()
}
MIN_HITS = 4
MARGIN = 2.0


_LANGS_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in FUNCTION_WORDS.items():
    for _word in _words:
        _LANGS_OF[_word] = (*_LANGS_OF.get(_word, ()), _lang)


def detect_language(text: str) -> str | None:
    """The language of a Latin-script text when its function words make it clear, else None."""
    hits = dict.fromkeys(FUNCTION_WORDS, 0)
    for word in _WORD.findall(text.lower()):
        for lang in _LANGS_OF.get(word, ()):
            hits[lang] += 1
    ranked = sorted(hits.items(), key=lambda item: -item[1])
    (best, count), (_, runner_up) = ranked[0], ranked[1]
    if count >= MIN_HITS and count >= MARGIN * runner_up:
        return best
    return None
