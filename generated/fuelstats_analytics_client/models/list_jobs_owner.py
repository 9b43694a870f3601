from enum import StrEnum

class ListJobsOwner(StrEnum):
    VALUE_0 = "*"

    def __str__(self) -> str:
        return str(self.value)
