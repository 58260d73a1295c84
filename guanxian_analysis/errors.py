"""The one exception type the package raises for bad input (no other logic)."""


class ReportFormatError(ValueError):
    """The input is not a readable government work report.

    Raised for empty, binary or undecodable files and for text that does not
    have the shape of a 政府工作报告 (no numbered parts, no review or plan).
    The message says what was expected and what was found.
    """
