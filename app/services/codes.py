"""Coupon codes: unguessable, easy to read aloud and type, with a check character.

The alphabet leaves out 0/O and 1/I/L and has 31 characters. The last character is a weighted check
modulo 31, so any single mistyped character and any swap of neighbours is caught before a lookup.
"""

from __future__ import annotations

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
N = len(ALPHABET)


def check_char(body: str) -> str:
    """Weighted sum modulo 31 (a prime, the size of the alphabet) with distinct position weights 2, 3, ...:
    any single wrong character and any swap of two neighbours changes the sum, so the check fails."""
    total = sum((pos + 2) * _INDEX[ch] for pos, ch in enumerate(body))
    return ALPHABET[total % N]


def make_code(length: int = 8, rng: secrets.SystemRandom | None = None) -> str:
    """A random code of ``length`` characters plus one check character."""
    choice = (rng or secrets.SystemRandom()).choice
    body = "".join(choice(ALPHABET) for _ in range(length))
    return body + check_char(body)


def normalise(code: str) -> str:
    """What the cashier typed, made comparable: upper case, without spaces or dashes."""
    return code.strip().upper().replace(" ", "").replace("-", "")


def is_valid(code: str) -> bool:
    code = normalise(code)
    if len(code) < 2 or any(ch not in _INDEX for ch in code):
        return False
    return check_char(code[:-1]) == code[-1]
