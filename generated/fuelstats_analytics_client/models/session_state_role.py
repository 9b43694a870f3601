from enum import StrEnum

class SessionStateRole(StrEnum):
    ADMIN = "admin"
    VIEWER = "viewer"

    def __str__(self) -> str:
        return str(self.value)
