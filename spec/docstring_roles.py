"""A MkDocs hook: the API reference shows the docstrings' cross-reference roles as code.

The docstrings are written for Sphinx (``:class:`Parameter```, ``:mod:`spec.records```); the
API reference renders them with mkdocstrings, which keeps the role's name in front of the code
span (``:class:Parameter``). This hook drops the role and keeps the code, on the pages that
hold rendered docstrings only.
"""

from __future__ import annotations

import re
from typing import Any, Final

#: A Sphinx role in front of the code span mkdocstrings made of its target.
ROLE: Final = re.compile(r":(?:py:)?(?:mod|class|func|meth|attr|data|obj|exc|const):(?=<code>)")


def strip_roles(html: str) -> str:
    """``:class:<code>X</code>`` → ``<code>X</code>``; every other text is left as it is."""
    return ROLE.sub("", html)


def on_page_content(html: str, page: Any, **_: Any) -> str:
    """Strip the roles on the pages mkdocstrings renders (those with a ``:::`` block)."""
    if ":::" not in (page.markdown or "") and "doc-contents" not in html:
        return html
    return strip_roles(html)
