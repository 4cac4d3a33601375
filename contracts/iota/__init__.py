"""Validator staking of today's IOTA network, as the Move framework (``iota-system``) does it.

:mod:`.voting_power` computes capped voting power; :mod:`.staking_pool` keeps each validator's
pool and its exchange rates; :mod:`.system` runs epochs: the reward pot, its distribution by
voting power, commission, the tallying rule, and stake activation. Amounts are nanos
(1 IOTA = 10^9 nanos). Every division floors, as Move's integer division does.
"""
