from enum import StrEnum

class ActionLogsResponseActionLogsItemStatus(StrEnum):
    ADDED = "added"
    EXISTED = "existed"
    FAILED = "failed"
    SKIPPED = "skipped"

    def __str__(self) -> str:
        return str(self.value)
