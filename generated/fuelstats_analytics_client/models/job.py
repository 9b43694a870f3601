from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.job_kind import JobKind
from ..models.job_state import JobState
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.job_parameters import JobParameters
  from ..models.job_progress import JobProgress
  from ..models.job_result_type_0 import JobResultType0





T = TypeVar("T", bound="Job")



@_attrs_define
class Job:
    """ An asynchronous job: what it makes, whose it is, how far it has come, and its result once it has succeeded (until
    `expires_at`).

        Attributes:
            id (UUID):
            owner (str): The user who asked for it.
            kind (JobKind):
            name (str):
            parameters (JobParameters):
            state (JobState): queued (waiting for a worker, or for its next attempt after a failed one: `error` says why),
                running, succeeded (the result can be downloaded until `expires_at`), failed (for good: `error` says why),
                cancelled, expired (the result was deleted).
            progress (JobProgress):
            attempts (int): Attempts begun: a worker's death counts as one.
            error (None | str): Why the last attempt failed.
            created_at (datetime.datetime):
            started_at (datetime.datetime | None):
            finished_at (datetime.datetime | None):
            expires_at (datetime.datetime | None): When the result is deleted.
            result (JobResultType0 | None):
            href (str): This job.
     """

    id: UUID
    owner: str
    kind: JobKind
    name: str
    parameters: JobParameters
    state: JobState
    progress: JobProgress
    attempts: int
    error: None | str
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    expires_at: datetime.datetime | None
    result: JobResultType0 | None
    href: str





    def to_dict(self) -> dict[str, Any]:
        from ..models.job_parameters import JobParameters # noqa: PLC0415
        from ..models.job_progress import JobProgress # noqa: PLC0415
        from ..models.job_result_type_0 import JobResultType0 # noqa: PLC0415
        id = str(self.id)

        owner = self.owner

        kind = self.kind.value

        name = self.name

        parameters = self.parameters.to_dict()

        state = self.state.value

        progress = self.progress.to_dict()

        attempts = self.attempts

        error: None | str
        error = self.error

        created_at = self.created_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        result: dict[str, Any] | None
        if isinstance(self.result, JobResultType0):
            result = self.result.to_dict()
        else:
            result = self.result

        href = self.href


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "owner": owner,
            "kind": kind,
            "name": name,
            "parameters": parameters,
            "state": state,
            "progress": progress,
            "attempts": attempts,
            "error": error,
            "created_at": created_at,
            "started_at": started_at,
            "finished_at": finished_at,
            "expires_at": expires_at,
            "result": result,
            "href": href,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_parameters import JobParameters # noqa: PLC0415
        from ..models.job_progress import JobProgress # noqa: PLC0415
        from ..models.job_result_type_0 import JobResultType0 # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        owner = d.pop("owner")

        kind = JobKind(d.pop("kind"))




        name = d.pop("name")

        parameters = JobParameters.from_dict(d.pop("parameters"))




        state = JobState(d.pop("state"))




        progress = JobProgress.from_dict(d.pop("progress"))




        attempts = d.pop("attempts")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)



                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))


        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)



                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))


        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)



                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))


        def _parse_result(data: object) -> JobResultType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = JobResultType0.from_dict(data)



                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobResultType0 | None, data)

        result = _parse_result(d.pop("result"))


        href = d.pop("href")

        job = cls(
            id=id,
            owner=owner,
            kind=kind,
            name=name,
            parameters=parameters,
            state=state,
            progress=progress,
            attempts=attempts,
            error=error,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
            expires_at=expires_at,
            result=result,
            href=href,
        )

        return job

