from enum import StrEnum

class ReadinessResponseChecksAdditionalProperty(StrEnum):
    OK = "ok"
    TIMEOUT = "timeout"
    UNAVAILABLE = "unavailable"

    def __str__(self) -> str:
        return str(self.value)
