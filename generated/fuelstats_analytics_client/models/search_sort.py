from enum import StrEnum

class SearchSort(StrEnum):
    CREATION_DATE = "creation_date"
    MASTER_NODE_UID = "master_node_uid"
    NODES_NUM = "nodes_num"
    VALUE_1 = "-creation_date"
    VALUE_3 = "-nodes_num"
    VALUE_5 = "-master_node_uid"

    def __str__(self) -> str:
        return str(self.value)
