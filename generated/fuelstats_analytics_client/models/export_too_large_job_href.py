from enum import StrEnum

class ExportTooLargeJobHref(StrEnum):
    VALUE_0 = "/api/v1/job_requests/"

    def __str__(self) -> str:
        return str(self.value)
