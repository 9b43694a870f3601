from enum import StrEnum

class SearchSort(StrEnum):
    CREATION_DATE = "creation_date"
    INSTALLATION_ID = "installation_id"
    NODES_NUM = "nodes_num"
    VALUE_1 = "-creation_date"
    VALUE_3 = "-nodes_num"
    VALUE_5 = "-installation_id"

    def __str__(self) -> str:
        return str(self.value)
