from enum import StrEnum

class SearchAggsItem(StrEnum):
    COMPONENTS = "components"
    HYPERVISOR = "hypervisor"
    MODE = "mode"
    NETWORK_TYPE = "network_type"
    OS = "os"
    RELEASE = "release"
    STATUS = "status"
    STORAGE = "storage"

    def __str__(self) -> str:
        return str(self.value)
