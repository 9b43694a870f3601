from enum import StrEnum

class ApiTokenRole(StrEnum):
    ADMIN = "admin"
    VIEWER = "viewer"

    def __str__(self) -> str:
        return str(self.value)
