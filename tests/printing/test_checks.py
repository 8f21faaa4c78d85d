"""The setup says plainly which system library WeasyPrint is missing."""

import ctypes.util

from courses.printing.checks import weasyprint_libraries


def test_nothing_to_report_when_the_libraries_are_installed():
    assert weasyprint_libraries(None) == []


def test_a_missing_harfbuzz_subset_library_is_a_warning_with_the_package(monkeypatch):
    real = ctypes.util.find_library
    monkeypatch.setattr(
        ctypes.util, "find_library", lambda name: None if name == "harfbuzz-subset" else real(name)
    )
    (problem,) = weasyprint_libraries(None)
    assert problem.id == "taller.W001"
    assert "libharfbuzz-subset0" in problem.hint


def test_missing_pango_is_an_error_with_the_packages(monkeypatch):
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    (problem,) = weasyprint_libraries(None)
    assert problem.id == "taller.E001"
    assert "libpango-1.0-0" in problem.hint
