"""Every contract's API as data: constructor, operations, parameters, documented errors.

An implementation in any language conforms when, for the same sequence of operations, it returns
the same results and error codes and reaches the same normative states as the reference
(:mod:`contracts.conformance.drivers`). Operation and parameter names are camelCase, as on the
wire. Each parameter has a *kind*, which fixes how it is decoded from JSON and which invalid values
the bad-input sweep tries (:data:`KINDS` says, for each, what it accepts and the codes
that refuse the rest).

Every operation may answer ``INVALID_INPUT`` for an argument of the wrong type or shape; the
errors listed with an operation are the rest it may answer. Argument types are checked before
anything else, then argument domains, then the operation's own rules.

The table is written per contract family (:mod:`.participation`, :mod:`.rewards`,
:mod:`.assembly`, :mod:`.iota`) from the building blocks of :mod:`.model`; :mod:`.decoding`
turns JSON arguments into Python values and :mod:`.reference` builds and calls the reference.
"""

from __future__ import annotations

from contracts.conformance.api.catalogue import CONTRACTS
from contracts.conformance.api.decoding import decode
from contracts.conformance.api.model import KINDS, ContractApi, Operation, Param
from contracts.conformance.api.reference import create_reference, resolve

__all__ = [
    "CONTRACTS",
    "KINDS",
    "ContractApi",
    "Operation",
    "Param",
    "create_reference",
    "decode",
    "resolve",
]
