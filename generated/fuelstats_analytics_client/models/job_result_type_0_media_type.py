from enum import StrEnum

class JobResultType0MediaType(StrEnum):
    APPLICATIONJSON = "application/json"
    APPLICATIONZIP = "application/zip"
    TEXTCSV = "text/csv"

    def __str__(self) -> str:
        return str(self.value)
