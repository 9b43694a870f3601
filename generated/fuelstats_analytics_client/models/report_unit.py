from enum import StrEnum

class ReportUnit(StrEnum):
    DEPLOYMENTS = "deployments"
    ENVIRONMENTS = "environments"
    INSTALLATIONS = "installations"
    NODES = "nodes"
    TEST_RUNS = "test runs"

    def __str__(self) -> str:
        return str(self.value)
