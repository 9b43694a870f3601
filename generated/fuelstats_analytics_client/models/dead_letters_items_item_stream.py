from enum import StrEnum

class DeadLettersItemsItemStream(StrEnum):
    ACTION_LOGS = "action_logs"
    INSTALLATIONS = "installations"
    OSWL_STATS = "oswl_stats"

    def __str__(self) -> str:
        return str(self.value)
