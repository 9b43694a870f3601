from enum import StrEnum

class ExportTooLargeJobHref(StrEnum):
    VALUE_0 = "/api/v1/jobs/create/"

    def __str__(self) -> str:
        return str(self.value)
