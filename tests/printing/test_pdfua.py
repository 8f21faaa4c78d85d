"""Printed files are tagged PDF/UA-1, read back with pypdf. (No veraPDF
here: these are the checks it would start with, not a full validation.)"""

import io

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject


def structure_types(node, found=None):
    """Every structure element type (/S) in the tree below ``node``."""
    found = set() if found is None else found
    node = node.get_object()
    if isinstance(node, ArrayObject):
        for child in node:
            structure_types(child, found)
    elif isinstance(node, DictionaryObject):
        if "/S" in node:
            found.add(str(node["/S"]))
        if "/K" in node:
            structure_types(node["/K"], found)
    return found


def figures_without_alt(node, missing=None):
    missing = [] if missing is None else missing
    node = node.get_object()
    if isinstance(node, ArrayObject):
        for child in node:
            figures_without_alt(child, missing)
    elif isinstance(node, DictionaryObject):
        if node.get("/S") == "/Figure" and not node.get("/Alt"):
            missing.append(node)
        if "/K" in node:
            figures_without_alt(node["/K"], missing)
    return missing


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["handout", "lesson", "guide", "pack"])
def test_printed_files_are_tagged_pdf_ua(printed, name):
    response, body = printed[name]
    assert response.status_code == 200
    pdf = PdfReader(io.BytesIO(body))
    root = pdf.trailer["/Root"]

    # PDF/UA identification and a title shown instead of the file name
    xmp = pdf.xmp_metadata
    assert xmp is not None
    assert 'pdfuaid:part="1"' in xmp.rdf_root.toxml()
    assert xmp.dc_title["x-default"] == pdf.metadata.title
    assert pdf.metadata.title
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]

    # A tagged document in a stated language
    assert root["/Lang"] in ("es", "pt-br", "en")
    assert root["/MarkInfo"]["/Marked"]
    tree = root["/StructTreeRoot"].get_object()
    assert "/ParentTree" in tree
    types = structure_types(tree)
    assert "/H1" in types
    assert "/P" in types
    assert figures_without_alt(tree) == []
