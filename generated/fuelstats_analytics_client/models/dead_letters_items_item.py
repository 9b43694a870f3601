from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.dead_letters_items_item_stream import DeadLettersItemsItemStream
from typing import cast
import datetime






T = TypeVar("T", bound="DeadLettersItemsItem")



@_attrs_define
class DeadLettersItemsItem:
    """ 
        Attributes:
            stream (DeadLettersItemsItemStream):
            document_id (str): The document's id in Elasticsearch.
            kind (str): The index it was meant for: installations, clusters, action_logs or oswl_stats.
            source_id (int): The id of the row it was made from, in the stream's table.
            reason (str): Why Elasticsearch refused it, as it said.
            first_seen (datetime.datetime):
            last_seen (datetime.datetime):
            attempts (int): How many times it was refused.
     """

    stream: DeadLettersItemsItemStream
    document_id: str
    kind: str
    source_id: int
    reason: str
    first_seen: datetime.datetime
    last_seen: datetime.datetime
    attempts: int





    def to_dict(self) -> dict[str, Any]:
        stream = self.stream.value

        document_id = self.document_id

        kind = self.kind

        source_id = self.source_id

        reason = self.reason

        first_seen = self.first_seen.isoformat()

        last_seen = self.last_seen.isoformat()

        attempts = self.attempts


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "stream": stream,
            "document_id": document_id,
            "kind": kind,
            "source_id": source_id,
            "reason": reason,
            "first_seen": first_seen,
            "last_seen": last_seen,
            "attempts": attempts,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        stream = DeadLettersItemsItemStream(d.pop("stream"))




        document_id = d.pop("document_id")

        kind = d.pop("kind")

        source_id = d.pop("source_id")

        reason = d.pop("reason")

        first_seen = datetime.datetime.fromisoformat(d.pop("first_seen"))




        last_seen = datetime.datetime.fromisoformat(d.pop("last_seen"))




        attempts = d.pop("attempts")

        dead_letters_items_item = cls(
            stream=stream,
            document_id=document_id,
            kind=kind,
            source_id=source_id,
            reason=reason,
            first_seen=first_seen,
            last_seen=last_seen,
            attempts=attempts,
        )

        return dead_letters_items_item

