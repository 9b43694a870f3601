from enum import StrEnum

class FailureReportResponseReport(StrEnum):
    ADDED = "added"
    EXISTED = "existed"
    WITHOUT_CONTACT = "without_contact"

    def __str__(self) -> str:
        return str(self.value)
