from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.installation_structure_request import InstallationStructureRequest
from ...models.ok_response import OkResponse
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: InstallationStructureRequest,
    master_node_uid: str | Unset = UNSET,
    signature_input: str | Unset = UNSET,
    content_digest: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(master_node_uid, Unset):
        headers["master-node-uid"] = master_node_uid

    if not isinstance(signature_input, Unset):
        headers["Signature-Input"] = signature_input

    if not isinstance(content_digest, Unset):
        headers["Content-Digest"] = content_digest



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/installation_structure/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | OkResponse:
    if response.status_code == 200:
        response_200 = OkResponse.from_dict(response.json())



        return response_200

    if response.status_code == 201:
        response_201 = OkResponse.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())



        return response_415

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | OkResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: InstallationStructureRequest,
    master_node_uid: str | Unset = UNSET,
    signature_input: str | Unset = UNSET,
    content_digest: str | Unset = UNSET,

) -> Response[Error | OkResponse]:
    """ Store the current structure of a master node's installation.

     One current structure per master node: the first report creates it (201), later ones
    replace it (200).

    Args:
        master_node_uid (str | Unset):
        signature_input (str | Unset):
        content_digest (str | Unset):
        body (InstallationStructureRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OkResponse]
     """


    kwargs = _get_kwargs(
        body=body,
master_node_uid=master_node_uid,
signature_input=signature_input,
content_digest=content_digest,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: InstallationStructureRequest,
    master_node_uid: str | Unset = UNSET,
    signature_input: str | Unset = UNSET,
    content_digest: str | Unset = UNSET,

) -> Error | OkResponse | None:
    """ Store the current structure of a master node's installation.

     One current structure per master node: the first report creates it (201), later ones
    replace it (200).

    Args:
        master_node_uid (str | Unset):
        signature_input (str | Unset):
        content_digest (str | Unset):
        body (InstallationStructureRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | OkResponse
     """


    return sync_detailed(
        client=client,
body=body,
master_node_uid=master_node_uid,
signature_input=signature_input,
content_digest=content_digest,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: InstallationStructureRequest,
    master_node_uid: str | Unset = UNSET,
    signature_input: str | Unset = UNSET,
    content_digest: str | Unset = UNSET,

) -> Response[Error | OkResponse]:
    """ Store the current structure of a master node's installation.

     One current structure per master node: the first report creates it (201), later ones
    replace it (200).

    Args:
        master_node_uid (str | Unset):
        signature_input (str | Unset):
        content_digest (str | Unset):
        body (InstallationStructureRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OkResponse]
     """


    kwargs = _get_kwargs(
        body=body,
master_node_uid=master_node_uid,
signature_input=signature_input,
content_digest=content_digest,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: InstallationStructureRequest,
    master_node_uid: str | Unset = UNSET,
    signature_input: str | Unset = UNSET,
    content_digest: str | Unset = UNSET,

) -> Error | OkResponse | None:
    """ Store the current structure of a master node's installation.

     One current structure per master node: the first report creates it (201), later ones
    replace it (200).

    Args:
        master_node_uid (str | Unset):
        signature_input (str | Unset):
        content_digest (str | Unset):
        body (InstallationStructureRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | OkResponse
     """


    return (await asyncio_detailed(
        client=client,
body=body,
master_node_uid=master_node_uid,
signature_input=signature_input,
content_digest=content_digest,

    )).parsed
