"""QTI packages against the official IMS QTI 2.1 and IMS CP 1.1 schemas (shipped in schemas/)."""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from quizapp.exports import export

SCHEMAS = Path(__file__).parent / "schemas"
QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"


@cache
def _schema(relative: str) -> etree.XMLSchema:
    """A schema parsed from the shipped files (imports resolve locally, never over the network)."""
    parser = etree.XMLParser(no_network=True)
    return etree.XMLSchema(etree.parse(str(SCHEMAS / relative), parser))


def _package(document, fmt: str = "qti") -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(export(document, fmt).data))
    return {name: archive.read(name) for name in archive.namelist()}


def _assert_valid(schema: etree.XMLSchema, name: str, data: bytes) -> None:
    tree = etree.fromstring(data, etree.XMLParser(no_network=True))
    if not schema.validate(tree):
        errors = "\n".join(f"{name}:{e.line}: {e.message}" for e in schema.error_log)
        pytest.fail(errors)


@pytest.mark.parametrize("fmt", ["qti", "qti-canvas"])
def test_every_item_and_the_test_validate_against_imsqti_v2p1(document, fmt):
    qti = _schema("qtiv2p1/imsqti_v2p1.xsd")
    files = _package(document, fmt)
    assert len([n for n in files if n.startswith("items/")]) == len(document["questions"])
    for name, data in files.items():
        if name != "imsmanifest.xml":
            _assert_valid(qti, name, data)


@pytest.mark.parametrize("fmt", ["qti", "qti-canvas"])
def test_the_manifest_validates_against_imscp_v1p1(document, fmt):
    manifest = _package(document, fmt)["imsmanifest.xml"]
    _assert_valid(_schema("imscp_v1p1.xsd"), "imsmanifest.xml", manifest)


@pytest.mark.parametrize(
    ("value", "tolerance", "low", "high"),
    [
        (0.00002, 0.00001, "0.00001", "0.00003"),
        (2.3, 0.1, "2.2", "2.4"),
        (1e21, 0, "1" + "0" * 21, "1" + "0" * 21),
    ],
)
def test_numeric_bounds_are_plain_decimals_and_still_valid(document, value, tolerance, low, high):
    numeric = next(item for item in document["questions"] if item["kind"] == "numeric")
    numeric.update(value=value, tolerance=tolerance)
    files = _package(document)
    data = files[f"items/{numeric['id']}.xml"]
    _assert_valid(_schema("qtiv2p1/imsqti_v2p1.xsd"), numeric["id"], data)
    root = etree.fromstring(data)
    bounds = [
        next(comparison.iter(f"{QTI}baseValue")).text
        for tag in ("gte", "lte")
        for comparison in root.iter(f"{QTI}{tag}")
    ]
    assert bounds == [low, high]
    correct = [v.text for v in root.iter(f"{QTI}correctResponse") for v in v.iter(f"{QTI}value")]
    assert len(correct) == 1 and "e" not in correct[0].lower()


def test_generated_sets_validate_too():
    """Real generator output (every sample article) against both schemas."""
    from quizapp.nlp import generate
    from quizapp.paths import SAMPLES_DIR

    qti, cp = _schema("qtiv2p1/imsqti_v2p1.xsd"), _schema("imscp_v1p1.xsd")
    for sample in sorted(SAMPLES_DIR.glob("*.txt")):
        document = generate(sample.read_text(encoding="utf-8"), max_items=30).to_dict()
        for fmt in ("qti", "qti-canvas"):
            for name, data in _package(document, fmt).items():
                schema = cp if name == "imsmanifest.xml" else qti
                _assert_valid(schema, f"{sample.name}:{fmt}:{name}", data)
