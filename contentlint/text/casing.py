"""Keep the writer's capitalisation when a fix swaps one word for another."""

from __future__ import annotations


def match_case(original: str, replacement: str) -> str:
    """ "Cheap" -> "Affordable", "CHEAP" -> "AFFORDABLE", "cheap" -> "affordable"; a mixed-case
    replacement such as a brand name ("InkWell") is kept as written unless the original is capitalised."""
    letters = [c for c in original if c.isalpha()]
    if not letters or not replacement:
        return replacement
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters[0].isupper() and replacement[0].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement
