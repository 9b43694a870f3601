from enum import StrEnum

class MasterKeyResponseEnrolment(StrEnum):
    ADDED = "added"
    EXISTED = "existed"
    ROTATED = "rotated"

    def __str__(self) -> str:
        return str(self.value)
