"""The pronoun a person's given name calls for ("Nadia Perez ... she said"), from the given-name frequencies of
the 1990 US Census (public domain, as shipped in the `names` package): a name counts for one sex when the
share of that sex bearing it is at least ten times the other's ("John", "Mary"; not "Taylor" or "Leslie").
Names the Census lists for neither ("Bassem", "Najib") call for no pronoun, as before."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

_AT_LEAST = 10.0


def _shares(sex: str) -> dict[str, float]:
    """Each given name's share, in percent, of the people of one sex ("male", "female")."""
    lines = files("names").joinpath(f"dist.{sex}.first").read_text(encoding="ascii").splitlines()
    return {name.capitalize(): float(share) for name, share, *_ in (line.split() for line in lines if line.strip())}


@cache
def _pronouns() -> dict[str, str]:
    male, female = _shares("male"), _shares("female")
    pronouns: dict[str, str] = {}
    for name in male.keys() | female.keys():
        he, she = male.get(name, 0.0), female.get(name, 0.0)
        if he >= _AT_LEAST * she:
            pronouns[name] = "he"
        elif she >= _AT_LEAST * he:
            pronouns[name] = "she"
    return pronouns


def pronoun_of(given_name: str) -> str | None:
    """The pronoun ("he" or "she") the Census says clearly that this given name calls for, else None."""
    return _pronouns().get(given_name)
