from enum import StrEnum

class ExportTooLargeRule(StrEnum):
    EXPORT_SIZE = "export-size"

    def __str__(self) -> str:
        return str(self.value)
