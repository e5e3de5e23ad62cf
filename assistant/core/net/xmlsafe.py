"""Parsing XML that strangers wrote (autoconfig files from the web, files a person hands us).

The stdlib parsers expand entities (billion laughs) and accept DTDs; defusedxml refuses both, and we cap
the size before parsing so a huge file costs nothing. Every error names where the XML came from.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET  # Element type and ParseError only; parsing is defused

import defusedxml
import defusedxml.ElementTree as DET

from assistant.core.words.errors import InputError

MAX_XML_BYTES = 256 * 1024


class XmlError(InputError):
    """Unsafe, oversized or malformed XML; ``str()`` is one line naming the origin."""


def parse_xml(data: bytes, origin: str, max_bytes: int = MAX_XML_BYTES) -> ET.Element:
    """The root element of ``data``; raise XmlError for DTDs, entities, external references, bad XML."""
    if len(data) > max_bytes:
        raise XmlError(f"{origin}: larger than {max_bytes} bytes, refused")
    if not data.strip():
        raise XmlError(f"{origin}: empty file, expected XML")
    try:
        root: ET.Element = DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DTDForbidden:
        raise XmlError(f"{origin}: contains a DTD (<!DOCTYPE ...>), which is refused for safety") from None
    except defusedxml.EntitiesForbidden:
        raise XmlError(f"{origin}: declares XML entities, which are refused for safety") from None
    except defusedxml.ExternalReferenceForbidden:
        raise XmlError(f"{origin}: refers to external resources, which is refused for safety") from None
    except ET.ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        reason = str(exc).split(":")[0]
        raise XmlError(f"{origin}: not well-formed XML ({reason} at line {line}, column {column})") from None
    except (ValueError, UnicodeError) as exc:
        raise XmlError(f"{origin}: unreadable XML ({exc})") from None
    return root


def local_name(element: ET.Element) -> str:
    """Tag without a ``{namespace}`` prefix."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
