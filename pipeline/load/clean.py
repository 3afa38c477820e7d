"""Make every string of a deal safe for Word and PowerPoint XML, once, at load time.

python-docx raises on control characters and python-pptx shows them as `_x0001_`,
so the renderers rely on strings being clean. A vertical tab is Word's soft line
break: it becomes a real line break on purpose.
"""

from __future__ import annotations

import re

_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """`text` with \\v as \\n, escaped surrogate pairs joined, and XML-invalid characters dropped."""
    text = text.replace("\v", "\n")
    text = _SURROGATE_PAIR.sub(_join_pair, text)
    return _XML_INVALID.sub("", text)


def _join_pair(match: re.Match) -> str:
    high, low = (ord(c) for c in match.group())
    return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
