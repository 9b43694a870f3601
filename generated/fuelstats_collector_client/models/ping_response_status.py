from enum import StrEnum

class PingResponseStatus(StrEnum):
    OK = "ok"

    def __str__(self) -> str:
        return str(self.value)
