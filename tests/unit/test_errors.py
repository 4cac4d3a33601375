"""The error codes: unique, stable in shape, and every code the suite uses is documented."""

from __future__ import annotations

import re

from contracts.conformance.api import CONTRACTS
from contracts.conformance.suite.test_vectors import PUBLISHED
from contracts.errors import ContractError, all_error_classes


def test_every_class_has_its_own_code() -> None:
    classes = all_error_classes()
    codes = [cls.code for cls in classes]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]+(_[A-Z0-9]+)*", code) for code in codes)
    assert all(cls.__doc__ for cls in classes)
    ours = {c for c in ContractError.__subclasses__() if c.__module__.startswith("contracts.")}
    assert set(classes) >= {ContractError, *ours}
    assert all(cls.__module__.startswith("contracts.") for cls in classes)


def test_codes_the_api_and_the_published_vectors_use_are_all_documented() -> None:
    documented = {cls.code for cls in all_error_classes()}
    declared = {
        code for api in CONTRACTS.values() for op in api.operations.values() for code in op.errors
    }
    published = set(
        re.findall(
            r'"code": "([A-Z_0-9]+)"',
            "".join(path.read_text(encoding="utf-8") for path in sorted(PUBLISHED.rglob("*.json"))),
        )
    )
    assert declared <= documented, declared - documented
    assert published, "the published vectors name no error codes"
    assert published <= documented, published - documented
