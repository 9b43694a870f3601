from enum import StrEnum

class ActionLogBodyActionType(StrEnum):
    HTTP_REQUEST = "http_request"
    NAILGUN_TASK = "nailgun_task"

    def __str__(self) -> str:
        return str(self.value)
