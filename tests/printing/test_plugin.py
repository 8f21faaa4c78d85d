"""Printing is a plug-in: page types declare their printed versions, the
printing package imports no page type, and a PDF's cache key covers every
template and module that shapes it (a plan's pack and the rights card too)."""

import ast
from pathlib import Path

from django.conf import settings

import pytest

from courses.countries.models import CountryPage
from courses.models import FacilitatorGuidePage, HandoutPage, LessonPage
from courses.printing import documents
from courses.printing.documents import documents_for

PRINTING = Path(documents.__file__).parent


def project_imports(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:  # relative: within courses.printing, or above it
                yield ("." * node.level) + (node.module or "")
            else:
                yield node.module or ""
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def test_the_printing_package_imports_no_page_type_or_feature():
    for path in PRINTING.glob("*.py"):
        for name in project_imports(path):
            assert not name.startswith(("courses.", "..")), (path.name, name)
            assert name != "courses", path.name


def test_page_types_declare_their_printed_versions():
    assert list(documents_for(HandoutPage)) == ["participant", "docx", "odt"]
    assert list(documents_for(LessonPage)) == ["participant"]
    assert list(documents_for(FacilitatorGuidePage)) == [
        "facilitator",
        "pack",
        "pack-zip",
        "booklet",
        "pack-booklet",
    ]
    assert list(documents_for(CountryPage)) == ["card", "card-sheet"]


def test_the_layout_fingerprint_covers_every_document_kinds_code_and_every_print_template():
    import courses.planner.pack  # noqa: F401 - its documents register as they are defined

    covered = {str(path.relative_to(settings.BASE_DIR)) for path in documents.layout_files()}
    for module in (
        "courses/countries/card.py",
        "courses/planner/pack.py",
        "courses/printing/documents.py",
        "courses/printing/content.py",
        "templates/print/plan_pack.html",
        "templates/print/card.html",
        "courses/static/print/print.css",
    ):
        assert module in covered, module
    assert "templates/print/error.html" not in covered  # web only


@pytest.mark.parametrize("name", ["CARD_VERSION"])
def test_no_manual_version_is_left_to_bump(name):
    for path in Path(settings.BASE_DIR, "courses").rglob("*.py"):
        assert name not in path.read_text(), path
