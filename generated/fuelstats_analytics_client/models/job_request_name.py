from enum import StrEnum

class JobRequestName(StrEnum):
    ACTION_LOGS = "action_logs"
    ARCHIVE = "archive"
    CLUSTERS = "clusters"
    DEPLOYMENT_HISTORY = "deployment_history"
    NODES = "nodes"
    OSWL = "oswl"
    PLUGINS = "plugins"

    def __str__(self) -> str:
        return str(self.value)
