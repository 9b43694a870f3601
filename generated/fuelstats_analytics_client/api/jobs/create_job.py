from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.job import Job
from ...models.job_request import JobRequest
from typing import cast



def _get_kwargs(
    *,
    body: JobRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/job_requests/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Job:
    if response.status_code == 202:
        response_202 = Job.from_dict(response.json())



        return response_202

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Job]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: JobRequest,

) -> Response[Error | Job]:
    """ Ask for an export or a heavy report, made by a worker.

     202, the job queued, its URL in Location. When the same user already has an identical job
    queued or running (the same kind, name and parameters, however written), that job is the
    answer: no second one is made. An export needs the admin role and this machine (403 `role`,
    `local-only`), as the private part does; a report, a login.

    Args:
        body (JobRequest): A job to make (docs/jobs.md): an export (`kind: export`; `name` one of
            the private part's exports, `oswl` with its `resource_type`, or `archive`, everything as
            one ZIP), admins only, from this machine only; or a heavy report (`kind: report`, `name:
            deployment_history`), anyone who may read the reports. `from`, `to` and `include_filtered`
            select as the private exports do (for the report: days of the deployments).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Job]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: JobRequest,

) -> Error | Job | None:
    """ Ask for an export or a heavy report, made by a worker.

     202, the job queued, its URL in Location. When the same user already has an identical job
    queued or running (the same kind, name and parameters, however written), that job is the
    answer: no second one is made. An export needs the admin role and this machine (403 `role`,
    `local-only`), as the private part does; a report, a login.

    Args:
        body (JobRequest): A job to make (docs/jobs.md): an export (`kind: export`; `name` one of
            the private part's exports, `oswl` with its `resource_type`, or `archive`, everything as
            one ZIP), admins only, from this machine only; or a heavy report (`kind: report`, `name:
            deployment_history`), anyone who may read the reports. `from`, `to` and `include_filtered`
            select as the private exports do (for the report: days of the deployments).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Job
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: JobRequest,

) -> Response[Error | Job]:
    """ Ask for an export or a heavy report, made by a worker.

     202, the job queued, its URL in Location. When the same user already has an identical job
    queued or running (the same kind, name and parameters, however written), that job is the
    answer: no second one is made. An export needs the admin role and this machine (403 `role`,
    `local-only`), as the private part does; a report, a login.

    Args:
        body (JobRequest): A job to make (docs/jobs.md): an export (`kind: export`; `name` one of
            the private part's exports, `oswl` with its `resource_type`, or `archive`, everything as
            one ZIP), admins only, from this machine only; or a heavy report (`kind: report`, `name:
            deployment_history`), anyone who may read the reports. `from`, `to` and `include_filtered`
            select as the private exports do (for the report: days of the deployments).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Job]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: JobRequest,

) -> Error | Job | None:
    """ Ask for an export or a heavy report, made by a worker.

     202, the job queued, its URL in Location. When the same user already has an identical job
    queued or running (the same kind, name and parameters, however written), that job is the
    answer: no second one is made. An export needs the admin role and this machine (403 `role`,
    `local-only`), as the private part does; a report, a login.

    Args:
        body (JobRequest): A job to make (docs/jobs.md): an export (`kind: export`; `name` one of
            the private part's exports, `oswl` with its `resource_type`, or `archive`, everything as
            one ZIP), admins only, from this machine only; or a heavy report (`kind: report`, `name:
            deployment_history`), anyone who may read the reports. `from`, `to` and `include_filtered`
            select as the private exports do (for the report: days of the deployments).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Job
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
