from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.job_list import JobList
from ...models.list_jobs_owner import ListJobsOwner
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    owner: ListJobsOwner | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_owner: str | Unset = UNSET
    if not isinstance(owner, Unset):
        json_owner = owner.value

    params["owner"] = json_owner

    params["page"] = page

    params["size"] = size


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/jobs/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | JobList:
    if response.status_code == 200:
        response_200 = JobList.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | JobList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    owner: ListJobsOwner | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> Response[Error | JobList]:
    """ One's jobs, newest first (an admin may ask for everyone's).

     From another machine than this one, export jobs are left out (the private part's rule).

    Args:
        owner (ListJobsOwner | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | JobList]
     """


    kwargs = _get_kwargs(
        owner=owner,
page=page,
size=size,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    owner: ListJobsOwner | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> Error | JobList | None:
    """ One's jobs, newest first (an admin may ask for everyone's).

     From another machine than this one, export jobs are left out (the private part's rule).

    Args:
        owner (ListJobsOwner | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | JobList
     """


    return sync_detailed(
        client=client,
owner=owner,
page=page,
size=size,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    owner: ListJobsOwner | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> Response[Error | JobList]:
    """ One's jobs, newest first (an admin may ask for everyone's).

     From another machine than this one, export jobs are left out (the private part's rule).

    Args:
        owner (ListJobsOwner | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | JobList]
     """


    kwargs = _get_kwargs(
        owner=owner,
page=page,
size=size,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    owner: ListJobsOwner | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> Error | JobList | None:
    """ One's jobs, newest first (an admin may ask for everyone's).

     From another machine than this one, export jobs are left out (the private part's rule).

    Args:
        owner (ListJobsOwner | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | JobList
     """


    return (await asyncio_detailed(
        client=client,
owner=owner,
page=page,
size=size,

    )).parsed
