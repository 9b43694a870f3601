from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.master_key import MasterKey
from ...models.master_key_reset import MasterKeyReset
from typing import cast



def _get_kwargs(
    master_node_uid: str,
    *,
    body: MasterKeyReset,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/private/master_keys/{master_node_uid}/reset/".format(master_node_uid=quote(str(master_node_uid), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | MasterKey:
    if response.status_code == 200:
        response_200 = MasterKey.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | MasterKey]:
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
    body: MasterKeyReset,

) -> Response[Error | MasterKey]:
    """ Reset a master node's lost (or stolen) key.

     Installs the public key the customer gave (`public_key`), or none: the master node then
    enrolls the key it has on its next contact. Recorded in the key's audit trail and in the
    analytics' (`GET /api/v1/private/audit/`), with the admin who did it and their address.

    Args:
        master_node_uid (str):
        body (MasterKeyReset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MasterKey]
     """


    kwargs = _get_kwargs(
        master_node_uid=master_node_uid,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    master_node_uid: str,
    *,
    client: AuthenticatedClient | Client,
    body: MasterKeyReset,

) -> Error | MasterKey | None:
    """ Reset a master node's lost (or stolen) key.

     Installs the public key the customer gave (`public_key`), or none: the master node then
    enrolls the key it has on its next contact. Recorded in the key's audit trail and in the
    analytics' (`GET /api/v1/private/audit/`), with the admin who did it and their address.

    Args:
        master_node_uid (str):
        body (MasterKeyReset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MasterKey
     """


    return sync_detailed(
        master_node_uid=master_node_uid,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    master_node_uid: str,
    *,
    client: AuthenticatedClient | Client,
    body: MasterKeyReset,

) -> Response[Error | MasterKey]:
    """ Reset a master node's lost (or stolen) key.

     Installs the public key the customer gave (`public_key`), or none: the master node then
    enrolls the key it has on its next contact. Recorded in the key's audit trail and in the
    analytics' (`GET /api/v1/private/audit/`), with the admin who did it and their address.

    Args:
        master_node_uid (str):
        body (MasterKeyReset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MasterKey]
     """


    kwargs = _get_kwargs(
        master_node_uid=master_node_uid,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    master_node_uid: str,
    *,
    client: AuthenticatedClient | Client,
    body: MasterKeyReset,

) -> Error | MasterKey | None:
    """ Reset a master node's lost (or stolen) key.

     Installs the public key the customer gave (`public_key`), or none: the master node then
    enrolls the key it has on its next contact. Recorded in the key's audit trail and in the
    analytics' (`GET /api/v1/private/audit/`), with the admin who did it and their address.

    Args:
        master_node_uid (str):
        body (MasterKeyReset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MasterKey
     """


    return (await asyncio_detailed(
        master_node_uid=master_node_uid,
client=client,
body=body,

    )).parsed
