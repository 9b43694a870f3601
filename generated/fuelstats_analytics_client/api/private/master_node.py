from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.master_node_export import MasterNodeExport
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    master_node_uid: str,
    *,
    page: int | Unset = 1,
    size: int | Unset = 100,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["size"] = size


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/private/master_nodes/{master_node_uid}/".format(master_node_uid=quote(str(master_node_uid), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | MasterNodeExport:
    if response.status_code == 200:
        response_200 = MasterNodeExport.from_dict(response.json())



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

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | MasterNodeExport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    master_node_uid: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    size: int | Unset = 100,

) -> Response[Error | MasterNodeExport]:
    """ What one master node sent, as stored, paged.

    Args:
        master_node_uid (str):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MasterNodeExport]
     """


    kwargs = _get_kwargs(
        master_node_uid=master_node_uid,
page=page,
size=size,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    master_node_uid: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    size: int | Unset = 100,

) -> Error | MasterNodeExport | None:
    """ What one master node sent, as stored, paged.

    Args:
        master_node_uid (str):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MasterNodeExport
     """


    return sync_detailed(
        master_node_uid=master_node_uid,
client=client,
page=page,
size=size,

    ).parsed

async def asyncio_detailed(
    master_node_uid: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    size: int | Unset = 100,

) -> Response[Error | MasterNodeExport]:
    """ What one master node sent, as stored, paged.

    Args:
        master_node_uid (str):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MasterNodeExport]
     """


    kwargs = _get_kwargs(
        master_node_uid=master_node_uid,
page=page,
size=size,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    master_node_uid: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    size: int | Unset = 100,

) -> Error | MasterNodeExport | None:
    """ What one master node sent, as stored, paged.

    Args:
        master_node_uid (str):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MasterNodeExport
     """


    return (await asyncio_detailed(
        master_node_uid=master_node_uid,
client=client,
page=page,
size=size,

    )).parsed
