from enum import StrEnum

class ReportBucketUnit(StrEnum):
    DEPLOYMENTS = "deployments"
    ENVIRONMENTS = "environments"
    FAILURES = "failures"
    INSTALLATIONS = "installations"
    NODES = "nodes"
    TEST_RUNS = "test runs"

    def __str__(self) -> str:
        return str(self.value)
