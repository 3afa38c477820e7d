"""Validate the XML parts of an Office package against the ISO/IEC 29500 transitional schemas.

The schemas (copied under tests/ooxml-schemas/, unchanged) are compiled once into one
XMLSchema. A part is first read the way Office reads it (markup compatibility: attributes and
elements of the `mc:Ignorable` namespaces dropped, `mc:AlternateContent` replaced by its
`mc:Fallback`), then three things python-pptx and python-docx write and Office opens, though
the schemas refuse them, are set right (negative chart axis ids, `c:smooth` in radar series,
`w:zoom` without `w:percent`). Anything else the schemas refuse is an error.
"""

from __future__ import annotations

import functools
import hashlib
import io
import zipfile
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "ooxml-schemas"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DUBLIN_CORE = {  # where opc-coreProperties.xsd looks for them, and our offline copy
    "http://dublincore.org/schemas/xmls/qdc/2003/04/02/dc.xsd": SCHEMAS / "dublin-core.xsd",
    "http://dublincore.org/schemas/xmls/qdc/2003/04/02/dcterms.xsd": SCHEMAS / "dublin-core-terms.xsd",
}


class _Offline(etree.Resolver):
    def resolve(self, url, pubid, context):
        local = DUBLIN_CORE.get(url)
        return self.resolve_filename(str(local), context) if local else None


@functools.lru_cache(maxsize=None)
def schema() -> etree.XMLSchema:
    """Every namespace we write, compiled once per process."""
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_Offline())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "all.xsd"), parser))


def as_office_reads(root: etree._Element) -> etree._Element:
    """Markup compatibility applied: ignorable namespaces dropped, alternate content resolved."""
    for alternate in list(root.iter(f"{{{MC}}}AlternateContent")):
        fallback = alternate.find(f"{{{MC}}}Fallback")
        parent = alternate.getparent()
        at = parent.index(alternate)
        parent.remove(alternate)
        for offset, child in enumerate(list(fallback) if fallback is not None else []):
            parent.insert(at + offset, child)
    ignorable = set()
    for element in root.iter(etree.Element):
        prefixes = element.get(f"{{{MC}}}Ignorable")
        if prefixes:
            ignorable |= {element.nsmap.get(prefix) for prefix in prefixes.split()}
            del element.attrib[f"{{{MC}}}Ignorable"]
    ignorable.discard(None)
    for element in list(root.iter(etree.Element)):
        if etree.QName(element).namespace in ignorable and element.getparent() is not None:
            element.getparent().remove(element)
            continue
        for name in list(element.attrib):
            if etree.QName(name).namespace in ignorable:
                del element.attrib[name]
    return root


def known_library_deviations(root: etree._Element) -> etree._Element:
    """The three things python-pptx/python-docx write that Office opens and the schemas refuse."""
    for name in ("axId", "crossAx"):
        for element in root.iter(f"{{{C}}}{name}"):
            element.set("val", element.get("val").lstrip("-"))
    for smooth in list(root.iter(f"{{{C}}}smooth")):
        if smooth.getparent().getparent().tag == f"{{{C}}}radarChart":
            smooth.getparent().remove(smooth)
    for zoom in root.iter(f"{{{W}}}zoom"):
        if zoom.get(f"{{{W}}}percent") is None:
            zoom.set(f"{{{W}}}percent", "100")
    return root


def problems(package: bytes, where: str = "") -> list[str]:
    """`name: schema error` for every XML part (embedded packages too) that breaks the schemas."""
    found = []
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            if name.endswith((".xlsx", ".docx", ".pptx")):
                found += problems(data, f"{where}{name}!")
            elif name.endswith((".xml", ".rels")):
                found += [f"{where}{name}:{error}" for error in part_problems(data)]
    return found


_checked: dict[bytes, tuple[str, ...]] = {}


def part_problems(data: bytes) -> tuple[str, ...]:
    """`line: message` for each schema error of one part; the same bytes are checked once."""
    key = hashlib.blake2b(data, digest_size=16).digest()
    if key not in _checked:
        root = known_library_deviations(as_office_reads(etree.fromstring(data)))
        checker = schema()
        valid = checker.validate(etree.ElementTree(root))
        _checked[key] = () if valid else tuple(f"{e.line}: {e.message}" for e in checker.error_log)
    return _checked[key]
