"""CSV cells that a spreadsheet shows as text, never runs as a formula.

Anybody can write a plan title or a feedback answer, and editors open the
exports in spreadsheets, which treat a cell starting with ``=``, ``+``,
``-`` or ``@`` (or a tab or carriage return before one) as a formula, such
as ``=HYPERLINK(...)``. Such a cell gets a leading apostrophe, which
spreadsheets hide and read as "this is text" (OWASP's advice).
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCsvExportMixin:
    """For views with Wagtail's SpreadsheetExportMixin: every CSV cell and
    heading neutralised."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return safe_cell(value) if export_format == self.FORMAT_CSV else value

    def get_heading(self, queryset, field):
        return safe_cell(super().get_heading(queryset, field))
