"""Integer domains of the contracts: unsigned widths and the base units of each token.

Amounts are plain ``int`` base units (see :mod:`spec.parameters`); these aliases document which
unit a value is in, and the ``U*_MAX`` bounds are the widths implementations store values in.
"""

from __future__ import annotations

from typing import Final

U8_MAX: Final = 2**8 - 1
U16_MAX: Final = 2**16 - 1
U32_MAX: Final = 2**32 - 1
U64_MAX: Final = 2**64 - 1
U128_MAX: Final = 2**128 - 1

#: A milestone index of the Chrysalis-era IOTA Tangle (uint32).
Milestone = int
#: IOTA of the Chrysalis era, in i (1 Mi = 10^6 i).
IotaI = int
#: ASMB in micro-ASMB.
MicroAsmb = int
#: SMR in glow (10^-6 SMR).
Glow = int
#: IOTA of today's network, in nanos (10^-9 IOTA).
Nanos = int
#: A day index of the post-launch distribution (1..639) or an epoch index.
Day = int
Epoch = int


def is_uint(value: object, maximum: int) -> bool:
    """True when ``value`` is an ``int`` (not a bool) in ``0..maximum``."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= maximum


#: Rates of the contracts are integer basis points of this denominator.
BASIS_POINTS: Final = 10_000
