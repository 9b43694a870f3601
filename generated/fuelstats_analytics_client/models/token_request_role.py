from enum import StrEnum

class TokenRequestRole(StrEnum):
    ADMIN = "admin"
    VIEWER = "viewer"

    def __str__(self) -> str:
        return str(self.value)
