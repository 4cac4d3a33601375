"""The floors: each workload's algorithm stripped to its arithmetic, the limit a contract is near.

A floor does what its contract does to the numbers -- the same accumulator, the same closed
form, the same exchange rates, the same epoch arithmetic -- and nothing else: no argument
domains, no ``@transaction`` entry point, no check phase before the effect phase, no staged
ledger moves, no records kept for queries, no invariants; plain dictionaries, lists and
integers. It handles only what its workload does (every pool active, no chains, no proposals),
and each workload holds it to that: the floor runs the workload's operations beside the
contract and its results must equal the contract's (payouts, rewards and checksums, pools and
balances) before its time is compared.

What the contract costs over its floor is the price of being a specification people can rely
on: every bad input refused with its code before anything changes, and state that can be read
and checked. The benchmarks state it as a ratio measured in the same run, so that the machine's
speed cancels (:func:`tests.bench.harness.versus`).

Sources of the arithmetic: ``contracts/accumulator.py`` (``RewardAccumulator``: settle,
distribute, close), ``contracts/postlaunch.py`` (``PostLaunchDistribution._advance``),
``contracts/participation/staking.py`` (``output_reward``, ``results_checksum``),
``contracts/root_chain/rewards.py`` (``check_end_epoch``, ``apply_end_epoch``),
``contracts/inflation.py`` (``next_mint``), ``contracts/iota/epoch.py`` (``plan_epoch``,
``apply_epoch``), ``contracts/iota/staking_pool.py`` and ``contracts/iota/voting_power.py``
(``compute_voting_power``, without its invariant check).
"""

from __future__ import annotations

import hashlib
import struct
from collections import defaultdict
from typing import Any

from contracts.accumulator import SCALE
from contracts.postlaunch import DAYS
from contracts.units import BASIS_POINTS

# ----------------------------------------------------------------------------- post-launch


class PostLaunchFloor:
    """The post-launch distribution: one accumulator; a position is ``[active, pending,
    pending_from, entry, owed_scaled]``."""

    def __init__(self, daily: int) -> None:
        self.daily = daily
        self.day = 0
        self.period = 0
        self.active = 0
        self.pending = 0
        self.per_unit = 0
        self.undistributed = 0
        self.claimed = 0
        self.checkpoints = {0: 0}
        self.positions: dict[str, list[int]] = {}

    def _close(self, count: int) -> None:
        self.checkpoints[self.period + 1] = self.per_unit
        self.period += count
        self.active += self.pending
        self.pending = 0

    def advance(self, day: int) -> None:
        while self.day < day and self.day <= DAYS:
            if self.day >= 1:
                if self.active:
                    self.per_unit += self.daily * SCALE // self.active
                else:
                    self.undistributed += self.daily
            self._close(1)
            self.day += 1
        if self.day < day:
            self._close(day - self.day)
            self.day = day

    def _settle(self, p: list[int]) -> list[int]:
        active, entry = p[0], p[3]
        if p[1] and p[2] <= self.period:
            checkpoint = self.checkpoints[p[2]]
            p[4] += active * (checkpoint - entry)
            active += p[1]
            p[0], p[1], entry = active, 0, checkpoint
        p[4] += active * (self.per_unit - entry)
        p[3] = self.per_unit
        return p

    def stake(self, holder: str, amount: int, day: int) -> None:
        self.advance(day)
        p = self.positions.get(holder)
        if p is None:
            p = self.positions[holder] = [0, 0, 0, self.per_unit, 0]
        else:
            self._settle(p)
        p[1] += amount
        p[2] = self.period + 1
        self.pending += amount

    def unstake(self, holder: str, amount: int, day: int) -> None:
        self.advance(day)
        p = self._settle(self.positions[holder])
        from_pending = min(amount, p[1])
        p[1] -= from_pending
        p[0] -= amount - from_pending
        self.pending -= from_pending
        self.active -= amount - from_pending

    def claim(self, holder: str, day: int) -> int:
        self.advance(day)
        p = self._settle(self.positions[holder])
        paid = p[4] // SCALE
        p[4] -= paid * SCALE
        self.claimed += paid
        return paid

    def owed(self, holder: str) -> int:
        return self._settle(list(self.positions[holder]))[4] // SCALE


# ----------------------------------------------------------------------------- pre-launch


class PreLaunchFloor:
    """A staking event: outputs as ``[address, amount, booked, spent]``, rewards in closed form,
    results with the node's checksum."""

    def __init__(
        self,
        event_id: bytes,
        symbol: str,
        start: int,
        end: int,
        numerator: int,
        denominator: int,
        minimum: int,
    ) -> None:
        self.event_id, self.symbol = event_id, symbol
        self.start, self.end = start, end
        self.numerator, self.denominator, self.minimum = numerator, denominator, minimum
        self.outputs: dict[str, list[Any]] = {}

    def book(self, output_id: str, address: str, amount: int, milestone: int) -> None:
        self.outputs[output_id] = [address, amount, milestone, None]

    def spend(self, output_id: str, milestone: int) -> None:
        self.outputs[output_id][3] = milestone

    def rewards_by_address(self) -> dict[str, int]:
        sums: dict[str, int] = defaultdict(int)
        first_counted, end = self.start + 1, self.end
        numerator, denominator = self.numerator, self.denominator
        for address, amount, booked, spent in self.outputs.values():
            last = end if spent is None else min(end, spent - 1)
            count = last - max(first_counted, booked) + 1
            if count > 0:
                sums[address] += amount * numerator // denominator * count
            else:
                sums[address] += 0
        return dict(sums)

    def results(self) -> tuple[int, str, dict[str, int]]:
        """(total, checksum, listed rewards) at the end of the event."""
        listed = {a: r for a, r in self.rewards_by_address().items() if r >= self.minimum}
        digest = hashlib.sha256(self.event_id)
        digest.update(struct.pack("<I", self.end))
        digest.update(self.symbol.encode("utf-8"))
        for address in sorted(listed):
            digest.update(address.encode("ascii"))
            digest.update(struct.pack("<Q", listed[address]))
        return sum(listed.values()), digest.hexdigest(), listed


# ----------------------------------------------------------------------------- root chain


class RootChainFloor:
    """The root chain's epoch (no chains, no proposals, no delegation changes): the mint, its
    split by stake, commission, each pool's accumulator, the minimum-bond rotation.

    A validator is ``[id, operator, commission_bp, tokens, shares, operator_shares, active,
    pending, per_unit, period, checkpoints, offered, undistributed, rounding, status_active]``.
    """

    def __init__(
        self,
        validators: list[list[Any]],
        balances: dict[str, int],
        supply: int,
        provision: tuple[int, int, int, int],
        rate_bp: int,
        minimum_bond: int,
        pool: str,
        community: str,
    ) -> None:
        self.validators = validators
        self.balances = balances
        self.supply = supply
        self.epoch_in_year, self.year_base, self.cumulative, self.epochs_per_year = provision
        self.rate_bp = rate_bp
        self.minimum_bond = minimum_bond
        self.pool, self.community = pool, community
        self.epoch = 0

    def end_epoch(self) -> None:
        weights = []
        total = 0
        for v in self.validators:
            if v[14] and v[4]:
                weight = v[6] * v[3] // v[4]
                if weight > 0:
                    weights.append((v, weight))
                    total += weight
        # the inflation (contracts/inflation.py, next_mint and mint_for_epoch)
        if self.epoch_in_year == 0:
            self.year_base, self.cumulative = self.supply, 0
        denominator = self.epochs_per_year * BASIS_POINTS
        before = self.cumulative // denominator
        self.cumulative += self.year_base * self.rate_bp
        mint = self.cumulative // denominator - before
        self.epoch_in_year = (self.epoch_in_year + 1) % self.epochs_per_year
        self.supply += mint
        balances = self.balances
        paid = commissions = 0
        if total:
            for v, weight in weights:
                reward = mint * weight // total
                commission = reward * v[2] // BASIS_POINTS
                balances[v[1]] = balances.get(v[1], 0) + commission
                commissions += commission
                shared = reward - commission
                v[11] += shared
                if v[6]:
                    increment = shared * SCALE // v[6]
                    v[8] += increment
                    v[13] += shared * SCALE - increment * v[6]
                else:
                    v[12] += shared
                paid += reward
        balances[self.pool] = balances.get(self.pool, 0) + paid - commissions
        balances[self.community] += mint - paid
        for v in self.validators:
            v[10][v[9] + 1] = v[8]
            v[9] += 1
            v[6] += v[7]
            v[7] = 0
        self.epoch += 1
        # the start of the next epoch: validators below the minimum bond exit
        for v in self.validators:
            if v[14] and (v[5] * v[3] // v[4] if v[4] else 0) < self.minimum_bond:
                v[14] = False


# ----------------------------------------------------------------------------- IOTA


class Pool:
    """A staking pool (``staking_pool.move``), every field a plain integer or dictionary."""

    __slots__ = (
        "commission",
        "iota",
        "low",
        "next_commission",
        "pending_iota",
        "pending_stake",
        "pending_tokens",
        "power",
        "rates",
        "rewards",
        "tokens",
    )

    def __init__(self) -> None:
        self.iota = self.tokens = self.rewards = self.pending_stake = 0
        self.pending_iota = self.pending_tokens = 0
        self.rates: dict[int, tuple[int, int]] = {}
        self.commission = self.next_commission = self.power = self.low = 0


def _tokens_for(rate: tuple[int, int], iota: int) -> int:
    return iota if rate[0] == 0 or rate[1] == 0 else rate[1] * iota // rate[0]


def _iota_for(rate: tuple[int, int], tokens: int) -> int:
    return tokens if rate[0] == 0 or rate[1] == 0 else rate[0] * tokens // rate[1]


class IotaFloor:
    """IOTA staking with every pool active: requests, epoch changes, withdrawals."""

    def __init__(
        self,
        pools: dict[str, Pool],
        active: list[str],
        committee: list[str],
        balances: dict[str, int],
        epoch: int,
        next_id: int,
        rules: dict[str, Any],
    ) -> None:
        self.pools, self.active, self.committee = pools, active, committee
        self.balances, self.epoch, self.next_id = balances, epoch, next_id
        self.stakes: dict[int, tuple[str, str, int, int]] = {}
        self.rules = rules
        self.minted = self.burned = 0

    def request(self, staker: str, validator: str, amount: int) -> int:
        held = self.balances[staker] - amount
        if held:
            self.balances[staker] = held
        else:
            del self.balances[staker]
        self.pools[validator].pending_stake += amount
        sid = self.next_id
        self.next_id += 1
        self.stakes[sid] = (staker, validator, amount, self.epoch + 1)
        return sid

    def _rate_at(self, pool: Pool, epoch: int) -> tuple[int, int]:
        rates = pool.rates
        while epoch not in rates:
            epoch -= 1
        return rates[epoch]

    def withdraw(self, staker: str, sid: int) -> int:
        owner, validator, principal, activation = self.stakes.pop(sid)
        pool = self.pools[validator]
        if activation > self.epoch:
            amount = principal
            pool.pending_stake -= principal
        else:
            tokens = _tokens_for(self._rate_at(pool, activation), principal)
            total = _iota_for(self._rate_at(pool, self.epoch), tokens)
            reward = min(max(total - principal, 0), pool.rewards)
            pool.rewards -= reward
            amount = principal + reward
            pool.pending_iota += amount
            pool.pending_tokens += tokens
        if amount:
            self.balances[owner] = self.balances.get(owner, 0) + amount
        return amount

    def advance_epoch(self) -> None:
        rules = self.rules
        pools = self.pools
        pot = rules["subsidy"]
        new_epoch = self.epoch + 1
        paid = 0
        for address in self.committee:
            pool = pools[address]
            allotted = pool.power * pot // 10_000
            rate = max(pool.commission, pool.power) if rules["dynamic"] else pool.commission
            commission = allotted * rate // BASIS_POINTS
            paid += allotted
            pool.iota += allotted - commission
            pool.rewards += allotted - commission
            if commission:
                pool.pending_stake += commission
                self.stakes[self.next_id] = (address, address, commission, new_epoch)
                self.next_id += 1
        low, very_low, grace = rules["low"], rules["very_low"], rules["grace"]
        departed = set()
        stake = {}
        for address in reversed(self.active):
            pool = pools[address]
            held = stake[address] = pool.iota - pool.pending_iota + pool.pending_stake
            if held >= low:
                pool.low = 0
            elif held >= very_low:
                pool.low += 1
                if pool.low > grace:
                    departed.add(address)
            else:
                departed.add(address)
        self.minted += pot
        self.burned += pot - paid
        for address in self.active:
            pool = pools[address]
            pool.commission = pool.next_commission
            pool.iota -= pool.pending_iota
            pool.tokens -= pool.pending_tokens
            pool.pending_iota = pool.pending_tokens = 0
            before = (pool.iota, pool.tokens)
            pool.iota += pool.pending_stake
            pool.tokens = _tokens_for(before, pool.iota)
            pool.pending_stake = 0
            pool.rates[new_epoch] = (pool.iota, pool.tokens)
        eligible = [a for a in self.active if a not in departed]
        self.active = eligible
        if len(eligible) > rules["max_committee"]:
            ranked = sorted(eligible, key=lambda a: (stake[a], a), reverse=True)
            eligible = ranked[: rules["max_committee"]]
        self.committee = eligible
        powers = voting_power([(a, stake[a]) for a in eligible])
        for address, pool in pools.items():
            pool.power = powers.get(address, 0)
        self.epoch = new_epoch


def voting_power(committee: list[tuple[str, int]]) -> dict[str, int]:
    """IOTA's voting power (``voting_power.move``, ``set_voting_power``): each member's share of
    10,000 by stake, capped, the remainder handed out from the largest stake down."""
    total_power = 10_000
    members = len(committee)
    threshold = min(total_power, max(1_000, -(-total_power // members)))
    total = sum(stake for _, stake in committee)
    # descending stake; a later member of equal stake ahead of an earlier one
    ranked = sorted(range(members), key=lambda k: (-committee[k][1], -k))
    powers = [min(committee[k][1] * total_power // total, threshold) for k in ranked]
    remaining = total_power - sum(powers)
    for index in range(members):
        if remaining == 0:
            break
        target = min(threshold, powers[index] - (-remaining // (members - index)))
        actual = min(remaining, target - powers[index])
        powers[index] += actual
        remaining -= actual
    return {committee[k][0]: power for k, power in zip(ranked, powers, strict=True)}
