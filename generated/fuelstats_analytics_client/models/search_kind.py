from enum import StrEnum

class SearchKind(StrEnum):
    ENVIRONMENTS = "environments"
    INSTALLATIONS = "installations"

    def __str__(self) -> str:
        return str(self.value)
