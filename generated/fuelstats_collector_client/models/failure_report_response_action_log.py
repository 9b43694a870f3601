from enum import StrEnum

class FailureReportResponseActionLog(StrEnum):
    ADDED = "added"
    EXISTED = "existed"
    SKIPPED = "skipped"

    def __str__(self) -> str:
        return str(self.value)
