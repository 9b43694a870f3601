from enum import StrEnum

class JobKind(StrEnum):
    EXPORT = "export"
    REPORT = "report"

    def __str__(self) -> str:
        return str(self.value)
