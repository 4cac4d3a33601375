"""Participation events of the Chrysalis-era IOTA network, as the node software ran them.

The node's participation plugin tracked staking events (the Assembly rounds and Shimmer genesis
staking) and ballots (on-ledger votes). :mod:`.event` defines events, their binary serialization
and event ids; :mod:`.staking` computes staking rewards and their results checksum; :mod:`.ballot`
counts votes and computes the ballot status checksum.
"""
