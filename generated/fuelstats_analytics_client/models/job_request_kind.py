from enum import StrEnum

class JobRequestKind(StrEnum):
    EXPORT = "export"
    REPORT = "report"

    def __str__(self) -> str:
        return str(self.value)
