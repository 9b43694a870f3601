from enum import StrEnum

class OswlStatsResponseOswlStatsItemStatus(StrEnum):
    ADDED = "added"
    FAILED = "failed"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
