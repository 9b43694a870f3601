from enum import StrEnum

class ExportTooLargeJobMethod(StrEnum):
    POST = "POST"

    def __str__(self) -> str:
        return str(self.value)
