from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.dead_letters import DeadLetters
from ...models.dead_letters_stream import DeadLettersStream
from ...models.error import Error
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    stream: DeadLettersStream | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_stream: str | Unset = UNSET
    if not isinstance(stream, Unset):
        json_stream = stream.value

    params["stream"] = json_stream

    params["page"] = page

    params["size"] = size


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/private/etl/dead_letters/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DeadLetters | Error:
    if response.status_code == 200:
        response_200 = DeadLetters.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DeadLetters | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    stream: DeadLettersStream | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> Response[DeadLetters | Error]:
    """ Documents Elasticsearch refused for good, parked by the ETL so that their stream goes on.

     Straight from the collector's PostgreSQL (table `etl_dead_letters`, docs/etl.md): which
    documents are missing from the reports and why. `fuelstats etl reindex STREAM` tries them
    again; a later version of a parked document's row is tried by the next pass.

    Args:
        stream (DeadLettersStream | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeadLetters | Error]
     """


    kwargs = _get_kwargs(
        stream=stream,
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
    stream: DeadLettersStream | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> DeadLetters | Error | None:
    """ Documents Elasticsearch refused for good, parked by the ETL so that their stream goes on.

     Straight from the collector's PostgreSQL (table `etl_dead_letters`, docs/etl.md): which
    documents are missing from the reports and why. `fuelstats etl reindex STREAM` tries them
    again; a later version of a parked document's row is tried by the next pass.

    Args:
        stream (DeadLettersStream | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeadLetters | Error
     """


    return sync_detailed(
        client=client,
stream=stream,
page=page,
size=size,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    stream: DeadLettersStream | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> Response[DeadLetters | Error]:
    """ Documents Elasticsearch refused for good, parked by the ETL so that their stream goes on.

     Straight from the collector's PostgreSQL (table `etl_dead_letters`, docs/etl.md): which
    documents are missing from the reports and why. `fuelstats etl reindex STREAM` tries them
    again; a later version of a parked document's row is tried by the next pass.

    Args:
        stream (DeadLettersStream | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeadLetters | Error]
     """


    kwargs = _get_kwargs(
        stream=stream,
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
    stream: DeadLettersStream | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> DeadLetters | Error | None:
    """ Documents Elasticsearch refused for good, parked by the ETL so that their stream goes on.

     Straight from the collector's PostgreSQL (table `etl_dead_letters`, docs/etl.md): which
    documents are missing from the reports and why. `fuelstats etl reindex STREAM` tries them
    again; a later version of a parked document's row is tried by the next pass.

    Args:
        stream (DeadLettersStream | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeadLetters | Error
     """


    return (await asyncio_detailed(
        client=client,
stream=stream,
page=page,
size=size,

    )).parsed
