from enum import StrEnum

class SessionStateMode(StrEnum):
    PRIVATE = "private"
    PUBLIC_REPORTS = "public-reports"

    def __str__(self) -> str:
        return str(self.value)
