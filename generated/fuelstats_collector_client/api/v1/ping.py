from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.ping_response import PingResponse
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    master_node_uid: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(master_node_uid, Unset):
        headers["master-node-uid"] = master_node_uid



    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/ping/",
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PingResponse:
    if response.status_code == 200:
        response_200 = PingResponse.from_dict(response.json())



        return response_200

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PingResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    master_node_uid: str | Unset = UNSET,

) -> Response[Error | PingResponse]:
    """ Tell a master node the collector is up.

    Args:
        master_node_uid (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PingResponse]
     """


    kwargs = _get_kwargs(
        master_node_uid=master_node_uid,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    master_node_uid: str | Unset = UNSET,

) -> Error | PingResponse | None:
    """ Tell a master node the collector is up.

    Args:
        master_node_uid (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PingResponse
     """


    return sync_detailed(
        client=client,
master_node_uid=master_node_uid,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    master_node_uid: str | Unset = UNSET,

) -> Response[Error | PingResponse]:
    """ Tell a master node the collector is up.

    Args:
        master_node_uid (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PingResponse]
     """


    kwargs = _get_kwargs(
        master_node_uid=master_node_uid,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    master_node_uid: str | Unset = UNSET,

) -> Error | PingResponse | None:
    """ Tell a master node the collector is up.

    Args:
        master_node_uid (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PingResponse
     """


    return (await asyncio_detailed(
        client=client,
master_node_uid=master_node_uid,

    )).parsed
