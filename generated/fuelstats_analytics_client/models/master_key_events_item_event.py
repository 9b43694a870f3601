from enum import StrEnum

class MasterKeyEventsItemEvent(StrEnum):
    ENROLLED = "enrolled"
    RESET = "reset"
    ROTATED = "rotated"

    def __str__(self) -> str:
        return str(self.value)
