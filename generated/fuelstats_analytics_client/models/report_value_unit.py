from enum import StrEnum

class ReportValueUnit(StrEnum):
    FAILED_DEPLOYMENTS = "failed deployments"
    SECONDS = "seconds"

    def __str__(self) -> str:
        return str(self.value)
