from enum import StrEnum

class ExportCsvKind(StrEnum):
    ACTION_LOGS = "action_logs"
    CLUSTERS = "clusters"
    NODES = "nodes"
    PLUGINS = "plugins"

    def __str__(self) -> str:
        return str(self.value)
