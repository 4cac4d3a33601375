"""The API reference's hook drops Sphinx roles in front of code and touches nothing else."""

from __future__ import annotations

from spec.docstring_roles import strip_roles


def test_roles_in_front_of_code_are_dropped() -> None:
    html = (
        "see :class:<code>Parameter</code> in :mod:<code>spec.records</code> and "
        ":func:<code>get</code>"
    )
    assert strip_roles(html) == (
        "see <code>Parameter</code> in <code>spec.records</code> and <code>get</code>"
    )


def test_other_colons_are_left_alone() -> None:
    html = "ratio: 1:2, time 10:30, a :class: word, <code>:mod:</code>"
    assert strip_roles(html) == html
