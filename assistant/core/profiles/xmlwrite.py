"""Writing XML the way every profile format needs it, and checking text before it goes in.

The writer is ours rather than ElementTree's because the Autodiscover response nests two default
namespaces, which ElementTree can only write with invented prefixes that some clients do not read; and
because golden files need byte-for-byte stable output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.core.profiles.losses import Loss
from assistant.core.words.errors import InputError

# What XML 1.0 cannot hold at all (and plistlib refuses): C0 controls but tab/newline/CR, DEL-less C1 is
# fine; surrogates and the two non-characters U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass
class Node:
    """An XML element: a name, attributes in writing order, and either text or children."""

    name: str
    text: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)

    def add(self, name: str, text: str | None = None, **attrs: str) -> Node:
        child = Node(name, text, dict(attrs))
        self.children.append(child)
        return child


def render(root: Node, declaration: str = 'version="1.0" encoding="UTF-8"') -> bytes:
    """UTF-8 without BOM, two-space indent, every text and attribute escaped, ending in a newline."""
    # Imported here: xml.sax.saxutils brings urllib.request and http.client (~30 ms), which the
    # wizard's first window must not wait for.
    from xml.sax.saxutils import escape, quoteattr
    lines = [f"<?xml {declaration}?>"]

    def walk(node: Node, depth: int) -> None:
        pad = "  " * depth
        attrs = "".join(f" {k}={quoteattr(v)}" for k, v in node.attrs.items())
        if node.children:
            lines.append(f"{pad}<{node.name}{attrs}>")
            for child in node.children:
                walk(child, depth + 1)
            lines.append(f"{pad}</{node.name}>")
        elif node.text is None:
            lines.append(f"{pad}<{node.name}{attrs}/>")
        else:
            lines.append(f"{pad}<{node.name}{attrs}>{escape(node.text)}</{node.name}>")

    walk(root, 0)
    return ("\n".join(lines) + "\n").encode("utf-8")


_DECLARED = re.compile(rb"""^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")


def check_encoding(data: bytes, origin: str) -> None:
    """Refuse an XML declaration naming an encoding Python does not know (the parsers crash on it)."""
    match = _DECLARED.match(data[:512])
    if match is None:
        return
    import codecs
    name = match.group(1).decode("ascii", "replace")
    try:
        codecs.lookup(name)
    except LookupError:
        raise InputError(f"{origin}: the XML declaration names an unknown encoding {name[:40]!r}") from None


def clean_text(value: str, what: str, losses: list[Loss] | None) -> str:
    """Free text (names, descriptions) without what XML cannot hold; a stripped value is announced."""
    cleaned = _NOT_XML.sub("", value)
    if cleaned != value and losses is not None:
        losses.append(Loss("changed", "control_characters", f"removed control characters from the {what}",
                           field=what))
    return cleaned


def has_bad_chars(value: str) -> bool:
    """True when XML (and so every format but the sheet) cannot hold ``value``."""
    return _NOT_XML.search(value) is not None
