from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    job_id: str,
    *,
    range_: str | Unset = UNSET,
    if_range: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(range_, Unset):
        headers["Range"] = range_

    if not isinstance(if_range, Unset):
        headers["If-Range"] = if_range



    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/jobs/{job_id}/result/".format(job_id=quote(str(job_id), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | str:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 206:
        response_206 = response.text
        return response_206

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

    if response.status_code == 410:
        response_410 = Error.from_dict(response.json())



        return response_410

    if response.status_code == 416:
        response_416 = response.text
        return response_416

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
    range_: str | Unset = UNSET,
    if_range: str | Unset = UNSET,

) -> Response[Error | str]:
    """ Download a job's result, resumably.

     The file a succeeded job made, from disk: `Accept-Ranges: bytes`, a strong `ETag` (its
    SHA-256), `Range` for a part (206, or 416 beyond its end) and `If-Range` to resume only the
    same file. Not made yet (queued, running), or never (failed, cancelled): 409 `job-state`;
    expired and deleted: 410 `job-expired`.

    Args:
        job_id (str):
        range_ (str | Unset):
        if_range (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
     """


    kwargs = _get_kwargs(
        job_id=job_id,
range_=range_,
if_range=if_range,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
    range_: str | Unset = UNSET,
    if_range: str | Unset = UNSET,

) -> Error | str | None:
    """ Download a job's result, resumably.

     The file a succeeded job made, from disk: `Accept-Ranges: bytes`, a strong `ETag` (its
    SHA-256), `Range` for a part (206, or 416 beyond its end) and `If-Range` to resume only the
    same file. Not made yet (queued, running), or never (failed, cancelled): 409 `job-state`;
    expired and deleted: 410 `job-expired`.

    Args:
        job_id (str):
        range_ (str | Unset):
        if_range (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
     """


    return sync_detailed(
        job_id=job_id,
client=client,
range_=range_,
if_range=if_range,

    ).parsed

async def asyncio_detailed(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
    range_: str | Unset = UNSET,
    if_range: str | Unset = UNSET,

) -> Response[Error | str]:
    """ Download a job's result, resumably.

     The file a succeeded job made, from disk: `Accept-Ranges: bytes`, a strong `ETag` (its
    SHA-256), `Range` for a part (206, or 416 beyond its end) and `If-Range` to resume only the
    same file. Not made yet (queued, running), or never (failed, cancelled): 409 `job-state`;
    expired and deleted: 410 `job-expired`.

    Args:
        job_id (str):
        range_ (str | Unset):
        if_range (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
     """


    kwargs = _get_kwargs(
        job_id=job_id,
range_=range_,
if_range=if_range,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
    range_: str | Unset = UNSET,
    if_range: str | Unset = UNSET,

) -> Error | str | None:
    """ Download a job's result, resumably.

     The file a succeeded job made, from disk: `Accept-Ranges: bytes`, a strong `ETag` (its
    SHA-256), `Range` for a part (206, or 416 beyond its end) and `If-Range` to resume only the
    same file. Not made yet (queued, running), or never (failed, cancelled): 409 `job-state`;
    expired and deleted: 410 `job-expired`.

    Args:
        job_id (str):
        range_ (str | Unset):
        if_range (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
     """


    return (await asyncio_detailed(
        job_id=job_id,
client=client,
range_=range_,
if_range=if_range,

    )).parsed
