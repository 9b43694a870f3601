from enum import StrEnum

class ExportTooLargeStatus(StrEnum):
    ERROR = "error"

    def __str__(self) -> str:
        return str(self.value)
