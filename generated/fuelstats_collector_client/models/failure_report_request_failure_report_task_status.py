from enum import StrEnum

class FailureReportRequestFailureReportTaskStatus(StrEnum):
    ERROR = "error"

    def __str__(self) -> str:
        return str(self.value)
